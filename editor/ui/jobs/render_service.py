"""Markdown rendering off the UI thread: one worker process, one job at a time, latest wins.

A render is the body's HTML already cut into the pieces the preview builds its page from
(`editor.core.site.pieces`), so the UI thread has nothing left to do but show them.

Python-Markdown is pure Python, so a thread would still hold the GIL the event loop needs; a
separate process (as ReText's converterprocess does) lets typing go on while a long post
renders (ReText's model: one render at a time, and a render again if the text changed
meanwhile). While one runs, newer requests replace each other and only the newest is sent next,
so a fast typist never queues a backlog. Requests are numbered by the jobs' `Tickets`, and a tab
shows only the answer to its newest request (the service is shared, so which answer is stale is
the tab's to say). If the worker cannot start, rendering falls
back to this process rather than leaving the preview blank. A body past MAX_RENDER_CHARS is
never sent: its "page" says the post is too large to preview.
"""

from __future__ import annotations

import multiprocessing
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from PySide6.QtCore import QObject, Qt, Signal

from editor.core.site import Rendered, render_pieces, size_problem, too_large_html
from editor.core.site.rendering.profile import PYTHON_MARKDOWN, MarkdownProfile
from editor.core.workers import exit_with_parent
from editor.ui.jobs.job import Tickets


def _result(future: Future[Rendered]) -> Rendered | None:
    try:
        return future.result()
    except Exception:
        return None


class RenderService(QObject):
    """Renders bodies in a worker process; `rendered(job, pieces, lines)` arrives on the UI
    thread (`lines`: the source line each piece starts at, () when the engine gives none)."""

    rendered = Signal(int, list, tuple)
    # (job, body, profile, Rendered or None when the worker failed), emitted from the pool's
    # callback thread; Qt queues it to the UI thread.
    _done = Signal(int, str, object, object)

    def __init__(self, parent: QObject | None = None, use_process: bool = True) -> None:
        super().__init__(parent)
        self._pool: ProcessPoolExecutor | None = None
        self._use_process = use_process
        self._running = False
        self._pending: tuple[int, str, MarkdownProfile] | None = None
        self.tickets = Tickets()
        # Queued even from this thread: a render done in-process must arrive after
        # request() has returned the job number the caller waits for.
        self._done.connect(self._finish, Qt.ConnectionType.QueuedConnection)

    def request(self, body: str, profile: MarkdownProfile = PYTHON_MARKDOWN) -> int:
        """Ask for a render of `body` by `profile`; returns the job number `rendered` will
        carry."""
        job = self.tickets.take()
        if self._running:
            self._pending = (job, body, profile)  # an older request still waiting is dropped
        else:
            self._start(job, body, profile)
        return job

    def _start(self, job: int, body: str, profile: MarkdownProfile) -> None:
        self._running = True
        if size_problem(len(body)):  # not sent: the worker would be busy for minutes
            self._done.emit(job, "", profile, Rendered([too_large_html(len(body))], ()))
            return
        pool = self._ensure_pool()
        try:
            future = pool.submit(render_pieces, body, profile) if pool else None
        except (BrokenProcessPool, RuntimeError):
            future = None
        if future is None:
            self._done.emit(job, body, profile, None)
        else:
            future.add_done_callback(lambda f: self._done.emit(job, body, profile, _result(f)))

    def _finish(
        self, job: int, body: str, profile: MarkdownProfile, result: Rendered | None
    ) -> None:
        self._running = False
        if result is None:  # no worker, or it died: render here from now on
            self._use_process = False
            result = render_pieces(body, profile)
        self.rendered.emit(job, result.pieces, result.lines)
        if self._pending is not None:
            pending, self._pending = self._pending, None
            self._start(*pending)

    def _ensure_pool(self) -> ProcessPoolExecutor | None:
        if not self._use_process:
            return None
        if self._pool is None:
            try:
                context = multiprocessing.get_context("spawn")  # never fork a Qt process
                self._pool = ProcessPoolExecutor(1, context, initializer=exit_with_parent)
            except (OSError, ValueError):
                self._use_process = False
                return None
        return self._pool

    def shutdown(self) -> None:
        """Stop the worker (at quit)."""
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None
