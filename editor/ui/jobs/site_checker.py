"""The folder's problems, worked out off the UI thread: each post's own, and the folder-wide ones.

`check_site` reads every post's text, so it runs on a worker, a moment after the last request
(a save, a rescan): a burst of saves costs one check. One check runs at a time; a result that
was asked for before the latest request is dropped and the check runs again, so what is shown
is always the newest.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from editor.core.folder import ContentFolder
from editor.core.folder.checks import folder_problems
from editor.core.schema import Problem
from editor.ui.jobs.background import Job, snapshot

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
        self._asked = 0  # requests so far; a result carries the count it was started at
        self._started = 0  # the count the running (or last) check was started at
        self._timer = QTimer(self, singleShot=True, interval=DELAY_MS)
        self._timer.timeout.connect(self._start)
        self._job = Job(self)
        self._job.done.connect(self._done)
        self._job.failed.connect(self._failed)

    @property
    def busy(self) -> bool:
        """Whether a check is waiting or running."""
        return self._timer.isActive() or self._job.busy

    def request(self, folder: ContentFolder | None) -> None:
        """Check `folder` (None: nothing to check) a moment after the last request."""
        self._folder = folder
        self._asked += 1
        self._timer.start()

    def _start(self) -> None:
        if self._job.busy or self._folder is None:
            return  # the running check's end starts this one (see _done)
        asked, folder, check = self._asked, snapshot(self._folder), self._check
        self._started = asked
        self._job.start(lambda: (asked, check(folder)))

    def _done(self, result: tuple[int, list[Problem]]) -> None:
        asked, problems = result
        if asked != self._asked:  # asked again meanwhile: that answer is the one to show
            if not self._timer.isActive():
                self._start()
            return
        self.checked.emit(problems)

    def _failed(self, message: str) -> None:
        self.failed.emit(message)
        if self._started != self._asked and not self._timer.isActive():
            self._start()  # a request that came in meanwhile still deserves its check

    def wait(self, timeout: float = 30.0) -> bool:
        """Block until the running check ends (for quitting)."""
        return self._job.wait(timeout)
