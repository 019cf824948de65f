"""Following what other programs do to the files: open posts and the open folder are watched.

A post changed on disk and untouched here reloads (cursor and scroll kept); one changed on disk
and here too gets a bar in its tab (reload theirs, keep mine, compare); one deleted, moved or
replaced by a folder is marked and its text kept. A change in the folder asks for a rescan of the
index, a moment after the last event, so a `git checkout` of a hundred files costs one scan.

QFileSystemWatcher follows a file's inode: a tool that saves by writing a new file and renaming it
over the old one (git, most editors, and our own saves) ends the watch. So each post's folder is
watched too, and after every event the watch list is brought back to what it should be. Our own
saves are recognised by their stamp: the bytes on disk are the ones the tab last saved.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

from editor.core.document import Post, unified_diff
from editor.core.errors import PostError
from editor.core.folder import scan_enters
from editor.core.session import Follow, Prompter, disk_now, disk_text, follow
from editor.ui.tab.document_tab import DocumentTab

CHECK_DELAY_MS = 100  # the events of one write (create, write, rename) are looked at once
RESCAN_DELAY_MS = 300  # a checkout touching many files costs one rescan


class DiskWatch(QObject):
    """Watches the open posts and the open folder.

    `folderChanged()` asks for a rescan of the index; `message(str)` is for the status bar;
    `checked()` fires after each look at the posts that had events.
    """

    folderChanged = Signal()
    message = Signal(str)
    checked = Signal()

    def __init__(self, prompter: Prompter, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.prompter = prompter
        self.watcher = QFileSystemWatcher(self)
        self.watcher.fileChanged.connect(self._file_changed)
        self.watcher.directoryChanged.connect(self._directory_changed)
        self._tabs: list[DocumentTab] = []
        self._root: str | None = None
        self._folder_dirs: set[str] = set()
        self._changed_dirs: set[str] = set()
        self._due: set[DocumentTab] = set()
        self._clean_text: dict[DocumentTab, str] = {}  # unmodified tabs whose file went away
        self._check_timer = QTimer(self, singleShot=True, interval=CHECK_DELAY_MS)
        self._check_timer.timeout.connect(self._check_due)
        self._rescan_timer = QTimer(self, singleShot=True, interval=RESCAN_DELAY_MS)
        self._rescan_timer.timeout.connect(self.folderChanged)

    # --- what is watched -----------------------------------------------------------------

    def add_tab(self, tab: DocumentTab) -> None:
        """Watch a tab's post, and answer its disk bar."""
        self._tabs.append(tab)
        tab.disk_bar.reloadRequested.connect(lambda: self.reload_theirs(tab))
        tab.disk_bar.keepRequested.connect(lambda: self.keep_mine(tab))
        tab.disk_bar.compareRequested.connect(lambda: self.compare(tab))
        tab.disk_bar.saveRequested.connect(tab.save)
        self._sync()
        self._schedule(tab)  # a restored post may have no file at all

    def remove_tab(self, tab: DocumentTab) -> None:
        """Stop watching a closed tab's post."""
        if tab in self._tabs:
            self._tabs.remove(tab)
        self._due.discard(tab)
        self._clean_text.pop(tab, None)
        self._sync()

    def watch_folder(self, root: Path | None) -> None:
        """Watch the content folder and every folder in it (None: no folder)."""
        self._root = os.path.abspath(root) if root is not None else None
        self._folder_dirs = set(_folders_in(self._root)) if self._root else set()
        self._sync()

    def _sync(self) -> None:
        """Bring the watch list back to the open posts, their folders and the content
        folder: a replaced file or a removed folder drops out of it by itself."""
        files = {os.path.abspath(t.post.path) for t in self._tabs if t.post.path is not None}
        dirs = self._folder_dirs | {os.path.dirname(f) for f in files}
        have_files, have_dirs = set(self.watcher.files()), set(self.watcher.directories())
        stale = (have_files - files) | (have_dirs - dirs)
        if stale:
            self.watcher.removePaths(sorted(stale))
        new = [f for f in files - have_files if os.path.isfile(f)]
        new += [d for d in dirs - have_dirs if os.path.isdir(d)]
        if new:
            # Paths beyond the system's watch limit fail quietly: those are simply not
            # followed, which is what an editor without watching does.
            self.watcher.addPaths(sorted(new))

    # --- events --------------------------------------------------------------------------

    def _file_changed(self, path: str) -> None:
        for tab in self._tabs:
            if tab.post.path is not None and os.path.abspath(tab.post.path) == path:
                self._schedule(tab)

    def _directory_changed(self, path: str) -> None:
        if path in self._folder_dirs:
            self._changed_dirs.add(path)
            self._rescan_timer.start()
        for tab in self._tabs:  # a post deleted, or back after a deletion, shows here
            if (
                tab.post.path is not None
                and os.path.dirname(os.path.abspath(tab.post.path)) == path
            ):
                self._schedule(tab)
        self._check_timer.start()

    def _schedule(self, tab: DocumentTab) -> None:
        self._due.add(tab)
        self._check_timer.start()

    def _check_due(self) -> None:
        for folder in sorted(self._changed_dirs):
            self._follow_folders(folder)
        self._changed_dirs.clear()
        due, self._due = self._due, set()
        for tab in [t for t in self._tabs if t in due]:
            self.check(tab)
        self._sync()
        self.checked.emit()

    def _follow_folders(self, changed: str) -> None:
        """Watch folders made in a changed folder; forget removed ones."""
        if os.path.isdir(changed):
            self._folder_dirs |= set(_folders_in(changed))
            return
        inside = changed + os.sep
        self._folder_dirs = {
            d for d in self._folder_dirs if d != changed and not d.startswith(inside)
        }
        if changed == self._root:
            self.message.emit(f"The folder {changed} was removed or renamed")

    # --- one post --------------------------------------------------------------------------

    def check(self, tab: DocumentTab) -> None:
        """Compare a tab's post with its file, and act on the difference."""
        path = tab.post.path
        if path is None:
            return
        now = disk_now(path, tab.post.stamp, recheck=tab.gone is not None)
        if now.gone is not None:
            self._gone(tab, now.gone)
            return
        if now.post is None:
            if tab.disk_bar.state == "conflict":
                tab.disk_bar.clear()  # the file went back to the version this text is based on
            return
        clean = self._clean_text.pop(tab, None)
        mine = tab.current_post().text
        unsaved = tab.modified or tab.gone is not None
        action = follow(now.post.text, mine, unsaved, clean)
        if action is Follow.CONFLICT:
            tab.disk_bar.show_conflict()
            return
        tab.reload(now.post)
        if action is Follow.RELOAD_TOLD:
            self.message.emit(f"Reloaded {path.name}: it changed on disk")

    def _gone(self, tab: DocumentTab, reason: str) -> None:
        if tab.gone == reason:
            return
        if tab.gone is None and not tab.modified:
            self._clean_text[tab] = tab.current_post().text
        tab.mark_gone(reason)
        tab.disk_bar.show_gone(reason)
        self.message.emit(f"{tab.post.path} {reason}")

    # --- the disk bar's buttons ------------------------------------------------------------

    def reload_theirs(self, tab: DocumentTab) -> None:
        """Throw this tab's changes away for the file as it is on disk now."""
        try:
            tab.reload(tab.session.read_disk())
        except PostError as error:
            self.prompter.inform("Cannot reload", str(error))

    def keep_mine(self, tab: DocumentTab) -> None:
        """Keep this tab's text; the next save writes it over the file's new version."""
        try:
            disk: Post | None = tab.session.read_disk()
        except PostError:
            disk = None
        tab.rebase(disk)
        tab.disk_bar.clear()

    def compare(self, tab: DocumentTab) -> None:
        """Show what differs between the file on disk and this tab."""
        path = tab.post.path
        assert path is not None
        try:
            theirs = disk_text(path)
        except PostError as error:
            self.prompter.inform("Cannot compare", str(error))
            return
        mine = tab.current_post().text
        self.prompter.show_diff(
            f"{path.name}: on disk and here",
            unified_diff(theirs, mine, f"{path.name} (on disk)", f"{path.name} (here)"),
        )


def _folders_in(root: str) -> list[str]:
    """`root` and every folder below it that a scan enters (no hidden folders, no links)."""
    found, stack = [], [root]
    while stack:
        folder = stack.pop()
        found.append(folder)
        try:
            with os.scandir(folder) as items:
                for item in items:
                    if item.is_dir(follow_symlinks=False) and scan_enters(item.name):
                        stack.append(item.path)
        except OSError:
            continue  # gone or unreadable: nothing to watch there
    return found
