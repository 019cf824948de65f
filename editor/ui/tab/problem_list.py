"""A post's own problems, under its editor: one line each, as tall as its lines.

A post with one problem gives it one line of the window, not a fixed block; a post with many
gets up to MAX_ROWS lines, then the list scrolls. A click (or Enter) on a line asks to go to
the problem.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QListWidget, QListWidgetItem, QWidget

from editor.core.schema import Problem

MAX_ROWS = 4  # beyond this many lines the list scrolls, so the editor keeps its room


class ProblemList(QListWidget):
    """The problems `show_problems` is given, hidden when there are none.
    `problemChosen(Problem)` when the writer picks one."""

    problemChosen = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="problemList")
        # Long messages are cut with "…" (the whole text is the tooltip): a horizontal scroll
        # bar would take a line of its own under a one-line list.
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.itemActivated.connect(self._chosen)
        self.itemClicked.connect(self._chosen)
        self.hide()

    def show_problems(self, problems: list[Problem]) -> None:
        """List `problems` (the old ones go), sized to them; hidden when there are none."""
        self.clear()
        for problem in problems:
            text = f"{problem.severity}: line {problem.line}: {problem.field}: {problem.message}"
            item = QListWidgetItem(text)
            item.setToolTip(text)
            item.setData(Qt.ItemDataRole.UserRole, problem)
            self.addItem(item)
        self.setFixedHeight(self.sizeHint().height())
        self.setVisible(bool(problems))

    def sizeHint(self) -> QSize:
        """Its rows' height (MAX_ROWS at most) and its frame."""
        rows = min(max(self.count(), 1), MAX_ROWS)
        height = rows * max(self.sizeHintForRow(0), self.fontMetrics().height())
        return QSize(super().sizeHint().width(), height + 2 * self.frameWidth())

    def _chosen(self, item: QListWidgetItem) -> None:
        self.problemChosen.emit(item.data(Qt.ItemDataRole.UserRole))
