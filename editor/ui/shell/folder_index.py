"""The open content folder: its index made in the background, and what a post gets from it.

Opening a folder indexes it on a worker thread (a folder opened before is listed at once from
the index cache, `cached`, then checked; one opened afresh is listed as its files are read,
`arrived`, its posts not yet judged); files changing on disk ask for a rescan, which reads
only what changed. A post opened outside the folder (restored after a crash) gets the
schema its place says, and its saves are not held inside the folder.
"""

from __future__ import annotations

import os
import time
from pathlib import Path, PurePath

from PySide6.QtCore import QObject, QTimer, Signal

from editor.core.errors import PostError
from editor.core.folder.content_folder import ContentFolder, IndexEntry, Taxonomy
from editor.core.folder.index_cache import IndexCache
from editor.core.schema import Schema, schema_for_post
from editor.ui.jobs.indexer import Indexer
from editor.ui.tab.site_place import SitePlace


class FolderIndex(QObject):
    """The open folder (`folder`, None before one is opened). `open(root)` emits `opened`
    at once, then `loaded` when its first index is made; `rescan()` re-reads what changed
    on disk and emits `refreshed`. Each carries the ContentFolder; the `indexer`'s own
    signals tell its progress and failures."""

    opened = Signal(object)
    cached = Signal(object)  # entries from the index cache, shown until `loaded`
    # (entries, first): posts to list until `loaded`: the index cache's (`cached` too), or,
    # without them, those the first scan has read so far (Unjudged); `first`: the first of
    # this folder's, which replace what was listed (another folder's).
    arrived = Signal(object, bool)
    loaded = Signal(object)
    refreshed = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.folder: ContentFolder | None = None
        self._fresh = False  # the next index is of a folder just opened, not a rescan
        self.indexer = Indexer(self)
        self.indexer.finished.connect(self._indexed)
        self.indexer.cached.connect(self._cached)
        self.indexer.arrived.connect(self._arrived)
        # Chunks arrive faster than a list of 100,000 rows is worth re-sorting: what arrives
        # while the timer runs is told at once when it ends (see `_tell_arrived`).
        self._arrivals: list[IndexEntry] = []
        self._told_arrived = False
        self._arrival_timer = QTimer(self, singleShot=True)
        self._arrival_timer.timeout.connect(self._tell_arrived)
        self.listed = False  # whether the folder's posts were listed before its index was made
        self._cache = IndexCache.connect()  # None without a usable cache folder: no cache

    def open(self, root: Path) -> None:
        """Index the folder at `root` in the background; PostError when it cannot be one."""
        self.folder = ContentFolder(root, self._cache)
        self._fresh, self.listed, self._told_arrived = True, False, False
        self._arrivals = []
        self._arrival_timer.stop()
        self.opened.emit(self.folder)
        self.indexer.scan(self.folder, listing=True)

    def rescan(self) -> None:
        """Files came, went or changed in the folder: index again (only what changed)."""
        if self.folder is not None and not self._fresh:
            self.indexer.scan(self.folder)

    def _cached(self, entries: list[IndexEntry]) -> None:
        if self._fresh:  # not once the scan that checks them has ended
            self.listed = self._told_arrived = True
            self.cached.emit(entries)
            self.arrived.emit(entries, True)

    def _arrived(self, entries: list[IndexEntry]) -> None:
        if not self._fresh:
            return
        self._arrivals += entries
        if not self._arrival_timer.isActive():
            self._tell_arrived()

    def _tell_arrived(self) -> None:
        """Tell the posts arrived since last told, then wait 20 times as long as showing
        them took (0.1 s at least) before telling more: each showing sorts every row listed,
        and the list is to take at most a twentieth of the time the scan runs."""
        if not self._arrivals or not self._fresh:
            return
        entries, self._arrivals = self._arrivals, []
        # This thread's own time: its wall time counts the waits for the scan's thread to
        # let go of the interpreter, tens of times what showing the rows takes.
        started = time.thread_time()
        first, self._told_arrived, self.listed = not self._told_arrived, True, True
        self.arrived.emit(entries, first)
        took = time.thread_time() - started
        self._arrival_timer.start(max(100, int(took * 20_000)))

    def _indexed(self, folder: ContentFolder) -> None:
        if folder is not self.folder:
            return  # a folder left before its index was made
        self._arrivals = []  # the index made replaces them
        self._arrival_timer.stop()
        if self._fresh:
            self._fresh = False
            self.loaded.emit(folder)
        else:
            self.refreshed.emit(folder)

    def taxonomy(self) -> Taxonomy:
        """The folder's tags and categories (none without a folder)."""
        return self.folder.taxonomy() if self.folder else Taxonomy({}, {})

    def schema_for(self, path: Path) -> Schema:
        """The schema of the post at `path`: the folder's; without one (a post restored
        after a crash), what its place says, as `post-editor check FILE` reads it."""
        if self.folder is not None:
            if self.holding(path) is None:
                return self.folder.schema
            return self.folder.source_for(self._relative(path)).schema
        try:
            return schema_for_post(path)
        except (PostError, OSError):  # a broken schema file, or its folder is gone
            return Schema.DEFAULT

    def holding(self, path: Path) -> Path | None:
        """The folder's root when `path` is in it, as written (a link is judged where it
        lies): saves of the folder's posts stay inside it, whatever symlinks say."""
        root = self.folder.root if self.folder else None
        inside = root and Path(os.path.abspath(path)).is_relative_to(os.path.abspath(root))
        return root if inside else None

    def site_place(self, path: Path) -> SitePlace | None:
        """Where the post at `path` sits in the open folder's site; None when it is outside
        the folder, or a file the site makes no page of."""
        folder = self.folder
        if folder is None or self.holding(path) is None:
            return None
        rel = self._relative(path)
        place = folder.placement(rel)
        if place is None:
            return None
        return SitePlace(folder.generator, folder.site_path(rel), place, folder.source_for(rel))

    def _relative(self, path: Path) -> PurePath:
        assert self.folder is not None
        return PurePath(os.path.relpath(os.path.abspath(path), os.path.abspath(self.folder.root)))
