"""Indexing a folder off the UI thread, one scan at a time, with progress.

A folder opened again is listed at once from the index cache (`cached`), then scanned: the scan
checks every file's stamps and reads only what changed. A folder opened afresh is listed as its
files are read (`arrived`: each chunk's posts, not yet judged). The scan reads files and parses
YAML; on a worker the window stays responsive (the parsing is in libyaml's C code, which lets the
event loop run). It runs on a `LatestJob`: a scan asked for while one runs is done once the running
one ends, and only the newest scan's result is announced, so a burst of requests costs one extra
scan at most.
"""

from __future__ import annotations

import threading
from typing import NamedTuple

from PySide6.QtCore import QObject, Signal

from editor.core.errors import PostError
from editor.core.folder import ContentFolder, IndexEntry
from editor.ui.jobs.job import LatestJob

# How long a scan's store waits for the UI thread to list the folder: it is told at once,
# unless the UI thread waits for the scan itself (closing the window, a test).
_LISTING_TIME = 1.0


class Indexer(QObject):
    """Scans a ContentFolder on a worker; signals arrive on the UI thread."""

    progress = Signal(int, int)
    cached = Signal(object)  # the index as the cache held it (a list of entries), unchecked
    arrived = Signal(object)  # a chunk of posts read by a first scan (Unjudged entries)
    finished = Signal(object)  # the ContentFolder, scanned (its index then stored)
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._job = LatestJob(self)
        self._job.progress.connect(self._told)
        self._job.failed.connect(self.failed)
        # Set once the last scan asked for is listed (or need not wait for it: see `scan`).
        self._listed = threading.Event()

    @property
    def busy(self) -> bool:
        """Whether a scan is running or waiting."""
        return self._job.busy or self._job.waiting

    def scan(self, folder: ContentFolder, listing: bool = False) -> None:
        """Scan now, or right after the scan that is running; `listing`: a folder just opened,
        whose posts are told as they are read (`arrived`) when the cache holds none."""
        job = self._job
        # The scan asked for before this one, if it waits to store, need not wait for a
        # listing that will never be told: its report is stale (the job drops it).
        listed, previous = threading.Event(), self._listed
        self._listed = listed
        previous.set()

        def scan() -> None:
            try:
                if cached := folder.cached_entries():  # a folder opened again: shown at once
                    job.report(cached)
                chunks = (lambda entries: job.report(_Arrived(entries))) if listing else None
                folder.scan(
                    lambda done, total: job.report((done, total)),
                    None if cached else chunks,
                    store=False,
                )
                # Told before the index cache is written (a third of a cold scan's time),
                # which starts once the window has listed them: the two would share the
                # interpreter, the listing taking twice as long.
                job.report(_Scanned(folder, listed))
                listed.wait(_LISTING_TIME)
                folder.store()
            except Exception as error:  # said with the folder's name in the status bar
                raise PostError(f"could not index {folder.root}: {error}") from error

        job.request(scan)

    def _told(self, value: object) -> None:
        if isinstance(value, list):
            self.cached.emit(value)
        elif isinstance(value, _Arrived):
            self.arrived.emit(value.entries)
        elif isinstance(value, _Scanned):
            self.finished.emit(value.folder)
            value.listed.set()  # listed (the handlers ran): the store may start
        else:
            self.progress.emit(*value)  # type: ignore[misc]

    def wait(self, timeout: float = 30.0) -> bool:
        """Block until the running scan ends, its index stored (for quitting and for
        tests): its store starts at once, for the listing it would wait for is told on the
        UI thread this blocks."""
        self._listed.set()
        return self._job.wait(timeout)


class _Arrived(NamedTuple):
    """A chunk of a first scan's posts, as the job reports it (told apart from progress)."""

    entries: list[IndexEntry]


class _Scanned(NamedTuple):
    """The folder scanned (`finished`), told before its index is stored; `listed` is set
    once the UI thread has told it."""

    folder: ContentFolder
    listed: threading.Event
