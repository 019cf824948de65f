"""What a scan calls to read posts, and how it keeps the collector out of its way.

The bulk reader (`bulk_read`: the document model, YAML, TOML, the process pool; most of what
a `post-editor list` would import) is loaded when the first file is read, not with the index:
a folder reopened from the index cache with no file changed reads none.
"""

from __future__ import annotations

import contextlib
import gc
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from importlib import import_module
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from editor.core.schema import Facts

# Told the facts of each chunk of files as it is read: `arrived(first, facts)` gives the facts
# of `paths[first : first + len(facts)]` (chunks come in no set order: see `read_many`).
Arrived = Callable[[int, "list[Facts]"], None]


def _bulk_read() -> ModuleType:
    # Loaded here, where files are read, as `lazy_exports` loads a package's modules: a
    # reopen that reads none never loads it.
    return import_module("editor.core.folder.bulk_read")


def read_facts(path: Path) -> Facts:
    """What the index keeps of one post file (`bulk_read.read_facts`)."""
    return _bulk_read().read_facts(path)


def read_many(
    paths: Sequence[str],
    progress: Callable[[int], None] | None = None,
    arrived: Arrived | None = None,
) -> list[Facts]:
    """`read_facts` of every path, in order, on every CPU when there are many, each chunk's
    facts told to `arrived` as it is read (`bulk_read.read_many`); nothing loaded when there
    is none to read."""
    if not paths:
        return []
    return _bulk_read().read_many(paths, progress, arrived)


_gc_lock = threading.Lock()
_gc_pauses = [0, False]  # how many `gc_paused` blocks are running; whether gc was on before


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """Python's cycle collector off while a scan makes its objects: it would walk every live
    object again and again as they pile up (a warm scan of 100,000 posts: 10.5 s with it,
    4.4 s without). The index holds no cycles; what others make meanwhile is collected
    after. Nested and concurrent blocks turn it back on when the last one ends.

    Then what was made meanwhile is put in the oldest generation at once (freeze, then
    unfreeze: two list splices): left young, the index's objects would each be walked by
    the next young collection and the middle one, about 0.2 s for 10,000 posts, only to
    find them alive. The oldest generation is still collected as ever. (Nothing in the
    app freezes objects for good, which `unfreeze` would undo.)"""
    with _gc_lock:
        _gc_pauses[0] += 1
        if _gc_pauses[0] == 1:
            _gc_pauses[1] = gc.isenabled()
            gc.disable()
    try:
        yield
    finally:
        with _gc_lock:
            _gc_pauses[0] -= 1
            if _gc_pauses[0] == 0 and _gc_pauses[1]:
                gc.freeze()
                gc.unfreeze()
                gc.enable()


# How long a thread may hold the GIL while another waits for it, during a parallel scan.
HANDOFF_S = 0.0005
_handoff_lock = threading.Lock()
_handoffs = [0, 0.0]  # how many `prompt_handoffs` blocks are running; the interval before


@contextlib.contextmanager
def prompt_handoffs() -> Iterator[None]:
    """Python's thread switch interval shortened (5 ms to `HANDOFF_S`) while a scan's workers
    run. The pool's own thread in this process takes each chunk a worker sends back and
    hands it the next; it needs the GIL for that, and the scan's thread, judging chunks,
    holds it until the interval runs out: the worker sat idle up to 5 ms a chunk, a third
    of its time. Nested and concurrent blocks put the interval back when the last ends."""
    with _handoff_lock:
        _handoffs[0] += 1
        if _handoffs[0] == 1:
            _handoffs[1] = sys.getswitchinterval()
            sys.setswitchinterval(min(HANDOFF_S, _handoffs[1]))
    try:
        yield
    finally:
        with _handoff_lock:
            _handoffs[0] -= 1
            if _handoffs[0] == 0:
                sys.setswitchinterval(_handoffs[1])
