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

import contextlib
import os
import pickle
import queue
import subprocess
import sys
import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal

from editor.core.site import Rendered, render_pieces, size_problem, too_large_html
from editor.core.site.rendering.profile import PYTHON_MARKDOWN, MarkdownProfile
from editor.ui.jobs.job import Tickets

WORKER = [sys.executable, "-m", "editor.core.site.render_worker"]


class Worker:
    """The worker process (editor/core/site/render_worker.py): requests written to its stdin
    by a thread of their own (a long body fills the pipe while the worker still starts, and
    the UI thread must not wait for it), answers read from its stdout by another, each given
    to `answered` (None: rendering failed, or the worker is gone)."""

    def __init__(self, answered: Callable[[Rendered | None], None]) -> None:
        # The worker finds the modules this process found, however it was started.
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in sys.path if p)}
        self._process = subprocess.Popen(
            WORKER, stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env
        )
        self._requests: queue.SimpleQueue[tuple[str, MarkdownProfile] | None] = queue.SimpleQueue()
        self.alive = True
        threading.Thread(target=self._write, name="render-requests", daemon=True).start()
        threading.Thread(
            target=self._read, args=(answered,), name="render-answers", daemon=True
        ).start()

    def send(self, body: str, profile: MarkdownProfile) -> bool:
        """Queue a request; False when the worker is gone."""
        if self.alive:
            self._requests.put((body, profile))
        return self.alive

    def _write(self) -> None:
        stdin = self._process.stdin
        assert stdin is not None
        while (request := self._requests.get()) is not None:
            try:
                pickle.dump(request, stdin, pickle.HIGHEST_PROTOCOL)
                stdin.flush()
            except (OSError, ValueError):  # the worker died: the reader says so
                break
        with contextlib.suppress(OSError):
            stdin.close()  # the worker's end of input: it leaves

    def _read(self, answered: Callable[[Rendered | None], None]) -> None:
        stdout = self._process.stdout
        assert stdout is not None
        while True:
            try:
                answer = pickle.load(stdout)
            except Exception:  # the worker died or left
                self.alive = False
                answered(None)
                with contextlib.suppress(subprocess.TimeoutExpired):
                    self._process.wait(timeout=10)  # reaped here, off the UI thread: no zombie
                return
            answered(answer)

    def close(self) -> None:
        """Let the worker go (it leaves once its input ends)."""
        self._requests.put(None)


class RenderService(QObject):
    """Renders bodies in a worker process; `rendered(job, pieces, lines)` arrives on the UI
    thread (`lines`: the source line each piece starts at, () when the engine gives none)."""

    rendered = Signal(int, list, tuple)
    # (job, body, profile, Rendered or None when the worker failed), emitted from the
    # worker's reader thread; Qt queues it to the UI thread.
    _done = Signal(int, str, object, object)

    def __init__(self, parent: QObject | None = None, use_process: bool = True) -> None:
        super().__init__(parent)
        self._pool: Worker | None = None
        self._sent: tuple[int, str, MarkdownProfile] | None = None  # the request out
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
        self._sent = (job, body, profile)
        if pool is None or not pool.send(body, profile):
            self._answered(None)

    def _answered(self, result: Rendered | None) -> None:
        """The worker's answer to the request out (from its reader thread; Qt queues the
        signal to the UI thread)."""
        sent, self._sent = self._sent, None
        if sent is not None:
            self._done.emit(*sent, result)

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

    def _ensure_pool(self) -> Worker | None:
        if not self._use_process:
            return None
        if self._pool is None:
            try:
                self._pool = Worker(self._answered)
            except (OSError, ValueError):
                self._use_process = False
                return None
        return self._pool

    def shutdown(self) -> None:
        """Stop the worker (at quit)."""
        if self._pool is not None:
            self._pool.close()
            self._pool = None
