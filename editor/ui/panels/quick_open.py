"""Quick open (Ctrl+P): a box over the window that finds a post as the writer types its title,
path, tag or date, fuzzily (see editor/core/folder/quick_find.py), and opens it with Enter.

Up and Down move through the list while the typing stays in the box; Esc closes it. The
finder is made once per index (the first time the box opens after the index changed), so a
keystroke only asks it, within a frame even for 10,000 posts.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import PurePath

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from editor.core.folder import IndexEntry, QuickFind

MAX_ROWS = 50  # more is scrolling through a list, not finding
MAX_RECENT = 50
ENTRY_ROLE = Qt.ItemDataRole.UserRole


def row_text(entry: IndexEntry) -> str:
    """One result as the list shows it: the title, then where it is, when, and its tags."""
    details = [entry.path.as_posix()]
    if entry.date is not None:
        details.append(entry.date.isoformat()[:10])
    if entry.tags:
        details.append(", ".join(entry.tags))
    return f"{entry.title or entry.path.name}    — {' · '.join(details)}"


class QuickOpen(QDialog):
    """The quick-open box. `entries` gives the open folder's index (an empty list: none);
    `openRequested(IndexEntry)` asks the window to open the post chosen. `note_opened` tells
    it a post was opened (from anywhere), for the recent-first order."""

    openRequested = Signal(object)

    def __init__(
        self, entries: Callable[[], Sequence[IndexEntry]], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Quick Open")
        self.setAccessibleName("Quick open")
        self._entries = entries
        self._finder: QuickFind | None = None
        self._recent: list[PurePath] = []
        self.box = QLineEdit()
        self.box.setPlaceholderText("Find a post by title, path, tag or date")
        self.box.setAccessibleName("Find a post")
        self.box.setClearButtonEnabled(True)
        self.list = QListWidget()
        self.list.setAccessibleName("Matching posts")
        self.list.setUniformItemSizes(True)  # 50 rows laid out without measuring each
        self.count = QLabel()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.box)
        layout.addWidget(self.list)
        layout.addWidget(self.count)
        self.box.textChanged.connect(self._search)
        self.box.installEventFilter(self)
        self.list.itemActivated.connect(self._open_item)

    def start(self) -> None:
        """Show the box over the window, empty, with the recent and newest posts listed."""
        entries = self._entries()
        if self._finder is None or self._finder.entries != tuple(entries):
            self._finder = QuickFind(entries)  # the index changed since: haystacks anew
        parent = self.parentWidget()
        if parent is not None:  # a box near the top, as wide as half the window
            width = max(480, parent.width() // 2)
            self.resize(width, min(420, max(240, parent.height() // 2)))
            top = parent.mapToGlobal(parent.rect().topLeft())
            self.move(top.x() + (parent.width() - width) // 2, top.y() + 60)
        self.box.clear()
        self._search("")
        self.show()
        self.raise_()
        self.activateWindow()
        self.box.setFocus()

    def note_opened(self, entry: IndexEntry) -> None:
        """A post was opened: it comes first among equal matches from now on."""
        self._recent = [entry.path, *(p for p in self._recent if p != entry.path)][:MAX_RECENT]

    def _search(self, text: str) -> None:
        self.list.clear()
        if self._finder is None:
            return
        found = self._finder.find(text, self._recent, MAX_ROWS)
        for entry in found:
            item = QListWidgetItem(row_text(entry))
            item.setData(ENTRY_ROLE, entry)
            item.setToolTip(entry.path.as_posix())
            self.list.addItem(item)
        if found:
            self.list.setCurrentRow(0)
        total = len(self._finder.entries)
        self.count.setText(f"No post matches (of {total})" if not found else "")
        self.count.setVisible(not found)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Up, Down, Page Up and Page Down in the box move through the list; Enter opens."""
        if watched is self.box and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            if key in (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown):
                self._move(key)
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._open_item(self.list.currentItem())
                return True
        return super().eventFilter(watched, event)

    def _move(self, key: int) -> None:
        rows = self.list.count()
        if not rows:
            return
        step = {Qt.Key.Key_Up: -1, Qt.Key.Key_Down: 1, Qt.Key.Key_PageUp: -10}.get(key, 10)
        self.list.setCurrentRow(max(0, min(rows - 1, self.list.currentRow() + step)))

    def _open_item(self, item: QListWidgetItem | None) -> None:
        if item is None:
            return
        entry = item.data(ENTRY_ROLE)
        self.accept()
        self.note_opened(entry)
        self.openRequested.emit(entry)
