"""The folder's problems, worked out off the UI thread: each post's own, and the folder-wide ones.

`check_site` reads every post's text, so it runs on a `LatestJob`, a moment after the last
request (a save, a rescan): a burst of saves costs one check. A result asked for before the
latest request is dropped and the newest check runs next, so what is shown is always the newest.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from editor.core.folder import ContentFolder
from editor.core.folder.checks import folder_problems
from editor.core.schema import Problem
from editor.ui.jobs.job import LatestJob
from editor.ui.jobs.still_folder import still_copy

DELAY_MS = 250


class SiteChecker(QObject):
    """Checks the open folder on request. `checked(list[Problem])` carries the newest
    result; `failed(str)` says why a check could not run."""

    checked = Signal(object)
    failed = Signal(str)

    def __init__(
        self,
        parent: QObject | None = None,
        check: Callable[[ContentFolder], list[Problem]] = folder_problems,
    ) -> None:
        super().__init__(parent)
        self._check = check
        self._folder: ContentFolder | None = None
        self._timer = QTimer(self, singleShot=True, interval=DELAY_MS)
        self._timer.timeout.connect(self._start)
        self._job = LatestJob(self)
        self._job.done.connect(self.checked)
        self._job.failed.connect(self.failed)

    @property
    def busy(self) -> bool:
        """Whether a check is waiting or running."""
        return self._timer.isActive() or self._job.busy or self._job.waiting

    def request(self, folder: ContentFolder | None) -> None:
        """Check `folder` (None: nothing to check) a moment after the last request; the
        answer of a check still running is no longer wanted."""
        self._folder = folder
        self._job.cancel()
        self._timer.start()

    def _start(self) -> None:
        if self._folder is None:
            return
        folder, check = still_copy(self._folder), self._check
        self._job.request(lambda: check(folder))

    def wait(self, timeout: float = 30.0) -> bool:
        """Block until the running check ends (for quitting)."""
        return self._job.wait(timeout)
