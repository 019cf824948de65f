"""The form's scroll area above the editor: as high as whole rows, never one cut in half.

The form and the editor share a splitter the writer moves. The form starts as high as its
rows (at most `SHARE` of the tab), and whatever height it is given, by the writer or by the
window's size, it comes down to the nearest row's end, so the last row shown is whole: a
half row reads as a field with nothing in it. The height the writer chose is kept
(`heightChosen`, which the window stores in its settings) and asked for again in every tab.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QFormLayout, QScrollArea, QSplitter, QWidget

SHARE = 0.45  # of the tab's height, at most, for a form fitted to its rows
LEAST_EDITOR = 120  # px the editor keeps under the form, whatever the form's rows ask


class FormArea(QScrollArea):
    """Scrolls `form` (a QWidget with a QFormLayout) in `splitter`, above the editor.
    `chosen` is the viewport height the writer asked for (0: the form's own rows);
    `heightChosen(int)` says when the writer moves the splitter."""

    heightChosen = Signal(int)

    def __init__(self, form: QWidget, splitter: QSplitter) -> None:
        super().__init__()
        self.splitter = splitter  # before setWidget, whose event filter asks for it
        self.chosen = 0
        self._fitting = False
        # The splitter shares out its new height after its event filters ran: fit after it.
        self._refit = QTimer(self, singleShot=True, interval=0)
        self._refit.timeout.connect(self.fit)
        self.setObjectName("formArea")
        self.setAccessibleName("Front matter")
        self.setWidget(form)
        self.setWidgetResizable(True)
        splitter.addWidget(self)
        splitter.setCollapsible(0, False)
        splitter.splitterMoved.connect(self._moved)
        splitter.installEventFilter(self)

    def row_ends(self) -> list[int]:
        """The bottom of each row of the form, top to bottom, in the form's coordinates."""
        layout = self.widget().layout()
        assert isinstance(layout, QFormLayout)
        layout.activate()  # rows placed for the form's present size, even before it shows
        ends: set[int] = set()
        for row in range(layout.rowCount()):
            bottoms = [
                item.widget().geometry().bottom() + 1
                for role in (QFormLayout.ItemRole.LabelRole, QFormLayout.ItemRole.FieldRole)
                if (item := layout.itemAt(row, role)) is not None
                and item.widget() is not None
                and not item.widget().isHidden()
            ]
            if bottoms:
                ends.add(max(bottoms))
        return sorted(ends)

    def whole(self, height: int) -> int:
        """The viewport height, at most `height`, at which no row is cut: the end of the last
        row that fits (and the first row's whole height when none does)."""
        ends = self.row_ends()
        if not ends:
            return height
        bottom = self.widget().layout().contentsMargins().bottom()
        fitting = [end for end in ends if end <= height]
        if not fitting:
            return ends[0]
        if fitting[-1] == ends[-1]:
            return min(height, ends[-1] + bottom)  # every row in: the margin too, if room
        return fitting[-1]

    def fit(self) -> None:
        """Size the area to whole rows: the chosen height, else the form's own, within
        what the splitter leaves the editor."""
        if self._fitting or not self.isVisible() or self.splitter.count() < 2:
            return
        frame = 2 * self.frameWidth()
        total = sum(self.splitter.sizes())
        content = self.widget().sizeHint().height()
        wanted = self.chosen or min(content, int(total * SHARE))
        room = max(0, total - LEAST_EDITOR - frame)
        height = self.whole(min(wanted, room)) + frame
        self.setMinimumHeight(self.whole(0) + frame)  # the splitter never cuts the first row
        if self.splitter.sizes()[0] != height:
            self._fitting = True
            try:
                self.splitter.setSizes([height, max(0, total - height)])
            finally:
                self._fitting = False

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._refit.start()  # shown again by View > Front Matter: the splitter did not resize

    def _moved(self, position: int, index: int) -> None:
        if self._fitting:
            return
        self.chosen = max(1, self.splitter.sizes()[0] - 2 * self.frameWidth())
        self.fit()
        self.heightChosen.emit(self.chosen)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.splitter and event.type() in (QEvent.Type.Resize, QEvent.Type.Show):
            self._refit.start()
        return super().eventFilter(watched, event)
