"""The one way to run work off the UI thread: `Job`, and `LatestJob` where the newest request wins.

A job runs a function on a worker thread; its result arrives on the UI thread as `done(result)`,
or its error, as data, as `failed(message)`. The function must not touch widgets. This is
Anki's `QueryOp(parent, op, success).failure(...)`: the caller says what to run and what to do
with the answer, never how to reach the thread.

The stale-result rule is written once, in `Tickets` (git-cola's timestamped commands): every
request takes the next number, and an answer is delivered only while its number is the newest.
`LatestJob` runs one function at a time; requests made meanwhile replace each other and only
the newest runs next, so a burst of requests costs one extra run at most.

A job never outlives its owner: the worker hands its answer to a courier that lives as long as
the application, never to the job itself, and the courier drops the answer once the job (a
child of its owner) is gone, so closing a window mid-job cannot crash or reach a dead widget.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import NamedTuple

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal, Slot

from editor.core.errors import PostError


class Tickets:
    """Numbers requests; only the answer to the newest one is wanted."""

    def __init__(self) -> None:
        self.newest = 0

    def take(self) -> int:
        """A new request: its number, newer than every earlier one."""
        self.newest += 1
        return self.newest

    def is_newest(self, ticket: int) -> bool:
        """Whether the answer to `ticket` is still wanted."""
        return ticket == self.newest

    def void(self) -> None:
        """No answer asked for so far is wanted any more."""
        self.newest += 1


class Outcome(NamedTuple):
    """What a worker sends back: its ticket, and the result or the error message."""

    ticket: int
    ok: bool
    value: object


def error_message(error: BaseException) -> str:
    """An error as the status bar says it: a PostError's own words; anything else (a bug, an
    OS error) named by its type, so it is said rather than lost on a thread."""
    if isinstance(error, PostError):
        return str(error)
    return f"{type(error).__name__}: {error}"


class Courier(QObject):
    """Carries calls from worker threads to the UI thread. There is one, made on the UI thread
    with the first job and never deleted, so a worker never emits on an object that a window's
    closing has deleted."""

    carry = Signal(object, object)  # (function to call on the UI thread, its argument)

    def __init__(self) -> None:
        super().__init__()
        self.carry.connect(self._call, Qt.ConnectionType.QueuedConnection)

    @Slot(object, object)
    def _call(self, function: Callable[[object], None], argument: object) -> None:
        function(argument)


_courier: list[Courier] = []  # the one Courier, once made


def courier() -> Courier:
    """The application's courier (made on first use, which is on the UI thread)."""
    if not _courier:
        _courier.append(Courier())
    return _courier[0]


class Job(QObject):
    """Runs one function at a time on a worker thread.

    `done(result)` or `failed(message)` arrive on the UI thread, and `progress(value)` for each
    `report(value)` the function makes; `busy` says whether a function is running. An answer
    that `cancel()` or the job's deletion came before is dropped.
    """

    done = Signal(object)
    failed = Signal(str)
    progress = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.tickets = Tickets()
        self._running = 0  # the ticket of the function running (or that ran last)
        self._idle = threading.Event()
        self._idle.set()
        self._courier = courier()

    @property
    def busy(self) -> bool:
        """Whether a function is running."""
        return not self._idle.is_set()

    def start(self, function: Callable[[], object]) -> int:
        """Run `function` on a worker; the caller checks `busy` first (one at a time).
        Returns the ticket of this run."""
        if self.busy:
            raise RuntimeError("a job is running")
        ticket = self.tickets.take()
        self._launch(ticket, function)
        return ticket

    def cancel(self) -> None:
        """Drop the answer of the function running, if any (it runs on to its end)."""
        self.tickets.void()

    def report(self, value: object) -> None:
        """From the function, on its worker: `progress(value)` on the UI thread."""
        self._courier.carry.emit(self._progress, Outcome(self._running, True, value))

    def wait(self, timeout: float = 30.0) -> bool:
        """Block until the running function ends (for quitting and for tests)."""
        return self._idle.wait(timeout)

    def _launch(self, ticket: int, function: Callable[[], object]) -> None:
        self._running = ticket
        self._idle.clear()
        threading.Thread(target=self._run, args=(ticket, function), daemon=True).start()

    def _run(self, ticket: int, function: Callable[[], object]) -> None:
        """On the worker thread."""
        try:
            outcome = Outcome(ticket, True, function())
        except Exception as error:  # delivered as data, never a traceback on a thread
            outcome = Outcome(ticket, False, error_message(error))
        self._idle.set()  # before the answer: its handler may start the next run
        self._courier.carry.emit(self._deliver, outcome)

    def _alive(self, outcome: Outcome) -> bool:
        return shiboken6.isValid(self) and self.tickets.is_newest(outcome.ticket)

    def _progress(self, outcome: Outcome) -> None:
        if self._alive(outcome):
            self.progress.emit(outcome.value)

    def _deliver(self, outcome: Outcome) -> None:
        """On the UI thread: the answer, unless it is stale or its job is gone."""
        if not shiboken6.isValid(self):
            return  # the owner closed while the function ran
        if self.tickets.is_newest(outcome.ticket):
            (self.done if outcome.ok else self.failed).emit(outcome.value)
        self._ended()

    def _ended(self) -> None:
        """A run ended (its answer delivered or dropped): for LatestJob's next run."""


class LatestJob(Job):
    """A Job where the newest request wins: `request(function)` runs it now, or after the
    running function; only the answer to the newest request is delivered."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pending: tuple[int, Callable[[], object]] | None = None

    @property
    def waiting(self) -> bool:
        """Whether a request waits for the running function to end."""
        return self._pending is not None

    def request(self, function: Callable[[], object]) -> int:
        """Run `function` as soon as nothing runs; an older request still waiting is dropped,
        and so is the answer of the one running. Returns the request's ticket."""
        ticket = self.tickets.take()
        if self.busy:
            self._pending = (ticket, function)
        else:
            self._launch(ticket, function)
        return ticket

    def cancel(self) -> None:
        """Drop every request made so far: the waiting one, and the running one's answer."""
        super().cancel()
        self._pending = None

    def _ended(self) -> None:
        if self._pending is not None and not self.busy:
            (ticket, function), self._pending = self._pending, None
            self._launch(ticket, function)
