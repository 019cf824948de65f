"""The page shown where the tabs are while no post is open: what a writer can do from here.

Without it two thirds of the window is blank grey. It names the open folder, lists its newest
posts (a click opens one), offers New Post and Open Folder, and lists the main shortcuts. The
buttons trigger the menu actions themselves and the shortcuts are read from them, so the page
says and does what the menus do.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from editor.core.folder import ContentFolder, IndexEntry

RECENT = 5  # how many of the newest posts the page lists

# The actions whose shortcuts the page lists, in this order (names in `actions.ACTIONS`).
SHORTCUTS = (
    "open_folder",
    "new_post",
    "save",
    "find",
    "filter_posts",
    "toggle_preview",
    "focus_mode",
)


def newest_posts(entries: Iterable[IndexEntry], count: int = RECENT) -> list[IndexEntry]:
    """The `count` newest posts by date (pages and undated files left out), newest first."""
    dated = [e for e in entries if e.kind == "post" and e.date is not None]
    # Sorted by path first: posts of one day keep one order from one index to the next.
    dated.sort(key=lambda e: e.path_text)  # (its text: no path made for each post)
    # By day (a datetime and a date cannot be compared; their days can).
    dated.sort(key=lambda e: e.date.toordinal() if e.date else 0, reverse=True)
    return dated[:count]


def _plain(text: str) -> str:
    """A menu label as prose: no mnemonic ampersand, no trailing ellipsis."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").removesuffix("…")


class StartPage(QWidget):
    """What to do with no post open. `openRequested(IndexEntry)` asks for a listed post;
    `show_folder(folder)` fills the page from a folder's index; `use_actions(actions)` gives
    it the window's actions by name, for its buttons and shortcut list."""

    openRequested = Signal(object)  # an IndexEntry

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("startPage")
        self.setAccessibleName("Start page")
        self.setAutoFillBackground(True)  # it covers the empty tab area, grey no more
        self.heading = QLabel("No folder open")
        self.heading.setObjectName("startHeading")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.heading.setFont(font)
        self.hint = QLabel("Open a content folder to list and edit its posts.")
        self.hint.setWordWrap(True)
        self.new_button = QPushButton("New Post")
        self.open_button = QPushButton("Open Folder…")
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        self.recent_label = QLabel("Recent posts")
        self.recent_label.setObjectName("startSection")
        self.recent_box = QVBoxLayout()
        self.recent_box.setSpacing(2)
        self.recent_buttons: list[QPushButton] = []
        self.shortcuts_label = QLabel("Shortcuts")
        self.shortcuts = QFormLayout()
        self.shortcuts.setLabelAlignment(Qt.AlignmentFlag.AlignLeft)
        for section in (self.recent_label, self.shortcuts_label):
            bold = section.font()
            bold.setBold(True)
            section.setFont(bold)
        column = QVBoxLayout()
        column.addWidget(self.heading)
        column.addWidget(self.hint)
        column.addSpacing(12)
        column.addLayout(buttons)
        column.addSpacing(18)
        column.addWidget(self.recent_label)
        column.addLayout(self.recent_box)
        column.addSpacing(18)
        column.addWidget(self.shortcuts_label)
        column.addLayout(self.shortcuts)
        column.addStretch(1)
        # A readable column, not a line across a wide window.
        holder = QWidget()
        holder.setLayout(column)
        holder.setMaximumWidth(560)
        outer = QHBoxLayout(self)
        outer.setContentsMargins(32, 32, 32, 32)
        outer.addWidget(holder, 1, Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter)
        self.show_folder(None)

    def use_actions(self, actions: Mapping[str, QAction]) -> None:
        """Wire the buttons to the window's New Post and Open Folder actions, and list the
        shortcuts those actions really have."""
        self._new_action = actions["new_post"]
        self.new_button.clicked.connect(self._new_action.trigger)
        self.open_button.clicked.connect(actions["open_folder"].trigger)
        for name in SHORTCUTS:
            action = actions.get(name)
            if action is None or action.shortcut().isEmpty():
                continue
            keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            key_label = QLabel(keys)
            key_label.setObjectName(f"shortcut_{name}")
            key_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.shortcuts.addRow(key_label, QLabel(_plain(action.text())))

    def show_folder(self, folder: ContentFolder | None) -> None:
        """Show `folder`'s name and newest posts (None: no folder yet, only Open Folder)."""
        self.heading.setText(folder.root.name if folder else "No folder open")
        self.new_button.setEnabled(folder is not None)
        for button in self.recent_buttons:
            self.recent_box.removeWidget(button)
            button.deleteLater()
        self.recent_buttons = []
        recent = newest_posts(folder.entries) if folder else []
        for entry in recent:
            self.recent_buttons.append(self._post_button(entry))
        self.recent_label.setVisible(bool(recent))
        if folder is None:
            self.hint.setText("Open a content folder to list and edit its posts.")
        elif recent:
            self.hint.setText("Open a post from the list on the left, or one of the newest:")
        else:
            self.hint.setText("Open a post from the list on the left, or start a new one.")

    def _post_button(self, entry: IndexEntry) -> QPushButton:
        title = entry.title or entry.path.name
        when = f"{entry.date:%Y-%m-%d}" if entry.date else ""  # a datetime's day, no clock
        button = QPushButton(f"{title}    {when}", flat=True)
        button.setObjectName("recentPost")
        button.setToolTip(str(entry.path))
        button.setAccessibleName(f"Open {title}")
        button.setCursor(Qt.CursorShape.PointingHandCursor)
        button.setStyleSheet("text-align: left; padding: 3px 6px;")
        button.clicked.connect(lambda _=False, entry=entry: self.openRequested.emit(entry))
        self.recent_box.addWidget(button)
        return button
