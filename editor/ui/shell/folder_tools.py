"""The window's tools over the whole folder: quick open (Ctrl+P), wired here so that the main
window only makes this part and the action table names its methods ("folder_tools.…")."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from editor.core.folder import ContentFolder, IndexEntry
from editor.ui.panels.folder_panel import FolderPanel
from editor.ui.panels.quick_open import QuickOpen


class FolderTools(QObject):
    """Quick open over `window`: it lists the posts of `folder()`, opens the chosen one with
    `open_entry` (as the folder list does), and learns what the list opens."""

    def __init__(
        self,
        window: QWidget,
        folder: Callable[[], ContentFolder | None],
        panel: FolderPanel,
        open_entry: Callable[[IndexEntry], object],
    ) -> None:
        super().__init__(window)
        self._folder = folder
        self.quick_open = QuickOpen(self._entries, window)
        self.quick_open.openRequested.connect(open_entry)
        panel.openRequested.connect(self.quick_open.note_opened)

    def _entries(self) -> list[IndexEntry]:
        folder = self._folder()
        return folder.entries if folder is not None else []

    def open_quick_open(self) -> None:
        """File > Quick Open."""
        self.quick_open.start()
