"""Indexing a folder off the UI thread, one scan at a time, with progress.

The scan reads files and parses YAML; on a worker thread the window stays responsive (the
parsing is in libyaml's C code, which lets the event loop run). A scan asked for while one runs
is done once the running one ends, so a burst of requests costs one extra scan at most.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, Signal

from editor.core.folder import ContentFolder


class Indexer(QObject):
    """Scans a ContentFolder in a thread; signals arrive on the UI thread."""

    progress = Signal(int, int)
    finished = Signal(object)  # the ContentFolder, scanned
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thread: threading.Thread | None = None
        self._again: ContentFolder | None = None
        self._done = threading.Event()
        self._done.set()
        self.finished.connect(self._next)
        self.failed.connect(lambda _: self._next(None))

    @property
    def busy(self) -> bool:
        """Whether a scan is running."""
        return not self._done.is_set()

    def scan(self, folder: ContentFolder) -> None:
        """Scan now, or right after the scan that is running."""
        if self.busy:
            self._again = folder
            return
        self._done.clear()
        self._thread = threading.Thread(target=self._run, args=(folder,), daemon=True)
        self._thread.start()

    def _run(self, folder: ContentFolder) -> None:
        try:
            folder.scan(lambda done, total: self.progress.emit(done, total))
        except Exception as error:
            self._done.set()
            self.failed.emit(f"could not index {folder.root}: {error}")
            return
        self._done.set()
        self.finished.emit(folder)

    def _next(self, _folder: object) -> None:
        if self._again is not None:
            folder, self._again = self._again, None
            self.scan(folder)

    def wait(self, timeout: float = 30.0) -> bool:
        """Block until the running scan ends (for quitting and for tests)."""
        return self._done.wait(timeout)
