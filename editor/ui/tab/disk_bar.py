"""The bar at the top of a tab that says the post's file changed on disk, and what can be done.

Not a dialog: the writer may be in the middle of a sentence, and a change made by `git pull` is
news, not an emergency. The bar only shows and asks; `DiskWatch` decides when it appears and
acts on the buttons.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from editor.ui.widgets.theme import NoticeColours


class DiskBar(QFrame):
    """Says "changed on disk" (Reload Theirs, Keep Mine, Compare) or "gone from disk" (Save).

    `state` is "" (hidden), "conflict" or "gone"; each button has its signal.
    """

    reloadRequested = Signal()
    keepRequested = Signal()
    compareRequested = Signal()
    saveRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("diskBar")
        self.colours = NoticeColours(self, "alarm", "#diskBar")
        self.state = ""
        self.message = QLabel(wordWrap=True)
        self.reload_button = QPushButton("Reload Theirs")
        self.keep_button = QPushButton("Keep Mine")
        self.compare_button = QPushButton("Compare…")
        self.save_button = QPushButton("Save")
        self.reload_button.clicked.connect(self.reloadRequested)
        self.keep_button.clicked.connect(self.keepRequested)
        self.compare_button.clicked.connect(self.compareRequested)
        self.save_button.clicked.connect(self.saveRequested)
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 4, 8, 4)
        row.addWidget(self.message, 1)
        for button in (self.reload_button, self.keep_button, self.compare_button, self.save_button):
            row.addWidget(button)
        self.hide()

    def show_conflict(self) -> None:
        """The file changed on disk while the tab has changes of its own."""
        self._show(
            "conflict",
            "This post was changed on disk by another program, and you have changes here too.",
        )

    def show_gone(self, reason: str) -> None:
        """The file is no longer there: its text is still here, unsaved."""
        self._show("gone", f"The file {reason}. Your text is still here: Save writes it back.")

    def clear(self) -> None:
        """Nothing to say any more."""
        self.state = ""
        self.hide()

    def _show(self, state: str, message: str) -> None:
        self.state = state
        self.message.setText(message)
        conflict = state == "conflict"
        self.reload_button.setVisible(conflict)
        self.keep_button.setVisible(conflict)
        self.compare_button.setVisible(conflict)
        self.save_button.setVisible(not conflict)
        self.show()
