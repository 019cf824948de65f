"""The outline: the current post's headings, indented by level; a click goes to the heading.

Its headings are the core grammar's (`headings`: `#` lines and setext headings, none inside
code fences), the ones scroll sync matches against the page, so the outline and the page agree.
It follows typing after a short pause, so a long post costs one scan per pause, not per
keystroke.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QShowEvent, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QTreeWidget, QTreeWidgetItem, QWidget

from editor.core.document import headings

REFRESH_DELAY_MS = 300
_LINE_ROLE = Qt.ItemDataRole.UserRole


class Outline(QTreeWidget):
    """The headings of the editor it follows (`follow`), nested by level."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setHeaderHidden(True)
        self.setObjectName("outline")
        self.setAccessibleName("Outline")
        self._editor: QPlainTextEdit | None = None
        self._timer = QTimer(self, singleShot=True, interval=REFRESH_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        self.itemClicked.connect(self._go_to)
        self.itemActivated.connect(self._go_to)  # Enter, for the keyboard

    def follow(self, editor: QPlainTextEdit | None) -> None:
        """Show `editor`'s headings from now on (None: no post open)."""
        if self._editor is not None:
            self._editor.textChanged.disconnect(self._timer.start)
        self._editor = editor
        if editor is not None:
            editor.textChanged.connect(self._timer.start)
        self.refresh()

    def refresh(self) -> None:
        """Read the headings again (when shown: a hidden outline costs typing nothing)."""
        self.clear()
        if self._editor is None or not self.isVisible():
            return
        parents: list[tuple[int, QTreeWidgetItem]] = []  # the open headings, outermost first
        for number, level, title in headings(self._editor.toPlainText()):
            while parents and parents[-1][0] >= level:
                parents.pop()
            item = QTreeWidgetItem([title or "(untitled heading)"])
            item.setData(0, _LINE_ROLE, number)
            if parents:
                parents[-1][1].addChild(item)
            else:
                self.addTopLevelItem(item)
            parents.append((level, item))
        self.expandAll()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()  # what was typed while it was hidden

    def _go_to(self, item: QTreeWidgetItem) -> None:
        if self._editor is None:
            return
        block = self._editor.document().findBlockByNumber(int(item.data(0, _LINE_ROLE)))
        cursor = QTextCursor(block)
        self._editor.setTextCursor(cursor)
        self._editor.centerCursor()
        self._editor.setFocus()
