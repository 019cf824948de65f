"""Process-wide settings a scan changes while it runs, each put back when the last of the
nested or concurrent blocks that changed it ends (`WhileAnyRuns`, the one rule): the cycle
collector paused (`gc_paused`), a short thread switch interval while workers read
(`prompt_handoffs`)."""

from __future__ import annotations

import contextlib
import gc
import sys
import threading
from collections.abc import Callable, Iterator
from typing import Generic, TypeVar

Before = TypeVar("Before")

# How long a thread may hold the GIL while another waits for it, during a parallel scan.
HANDOFF_S = 0.0005


class WhileAnyRuns(Generic[Before]):
    """A setting changed by `change` (which returns what it was) when the first block
    begins, and put back by `restore` when the last one ends, however the blocks nest or
    overlap in threads."""

    def __init__(self, change: Callable[[], Before], restore: Callable[[Before], None]) -> None:
        self._change, self._restore = change, restore
        self._lock = threading.Lock()
        self._running = 0
        self._before: Before | None = None

    @contextlib.contextmanager
    def block(self) -> Iterator[None]:
        with self._lock:
            self._running += 1
            if self._running == 1:
                self._before = self._change()
        try:
            yield
        finally:
            with self._lock:
                self._running -= 1
                if self._running == 0:
                    self._restore(self._before)  # type: ignore[arg-type]


def _collector_off() -> bool:
    was_on = gc.isenabled()
    gc.disable()
    return was_on


def _collector_back(was_on: bool) -> None:
    if was_on:
        gc.freeze()
        gc.unfreeze()
        gc.enable()


def _short_handoffs() -> float:
    was = sys.getswitchinterval()
    sys.setswitchinterval(min(HANDOFF_S, was))
    return was


_COLLECTOR_PAUSED = WhileAnyRuns(_collector_off, _collector_back)
_HANDOFFS_PROMPT = WhileAnyRuns(_short_handoffs, sys.setswitchinterval)


def gc_paused() -> contextlib.AbstractContextManager[None]:
    """Python's cycle collector off while a scan makes its objects: it would walk every live
    object again and again as they pile up (a warm scan of 100,000 posts: 10.5 s with it,
    4.4 s without). The index holds no cycles; what others make meanwhile is collected
    after.

    Then what was made meanwhile is put in the oldest generation at once (freeze, then
    unfreeze: two list splices): left young, the index's objects would each be walked by
    the next young collection and the middle one, about 0.2 s for 10,000 posts, only to
    find them alive. The oldest generation is still collected as ever. (Nothing in the
    app freezes objects for good, which `unfreeze` would undo.)"""
    return _COLLECTOR_PAUSED.block()


def prompt_handoffs() -> contextlib.AbstractContextManager[None]:
    """Python's thread switch interval shortened (5 ms to `HANDOFF_S`) while a scan's workers
    run. The pool's own thread in this process takes each chunk a worker sends back and
    hands it the next; it needs the GIL for that, and the scan's thread, judging chunks,
    holds it until the interval runs out: the worker sat idle up to 5 ms a chunk, a third
    of its time."""
    return _HANDOFFS_PROMPT.block()
