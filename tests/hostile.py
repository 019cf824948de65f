"""Hostile input for the tests of issue 13 (points 13 and 16), and a guard that turns a hang
into a failure.

`huge_body()` is a Markdown body just past what the app renders (MAX_RENDER_CHARS), so the
tests stay quick; HUGE_BODY_MB=200 makes it the 200 MB body of the issue (about a minute and
2 GB for the window test).

A regression on these inputs does not fail an assertion: it hangs, eating memory (an alias bomb
took over 60 s and 11 GB before it was bounded). `bounded()` makes such a test fail instead:
past `DEADLINE_S` the process prints every thread's stack and exits (pytest has no timeout
plugin here), and memory past `MEMORY_ROOM` more than the process holds raises MemoryError.
"""

from __future__ import annotations

import contextlib
import faulthandler
import itertools
import os
import resource
import sys
from collections.abc import Iterator

from editor.core.site.render import MAX_RENDER_CHARS

DEADLINE_S = 120  # the tests below take well under a second each once bounded
MEMORY_ROOM = 3 * 1024**3


def alias_bomb(levels: int = 9, width: int = 9, keys: tuple[str, ...] = ("title", "tags")) -> str:
    """A post whose `keys` are set to a "billion laughs": `levels` anchored lists, each of
    `width` aliases of the one before (9 × 9: 9⁹ = 387,420,489 items in a few hundred bytes)."""
    names = [chr(ord("a") + n) for n in range(levels)]
    lines = ["---", f"{names[0]}: &{names[0]} [{', '.join(['lol'] * width)}]"]
    for before, name in itertools.pairwise(names):
        lines.append(f"{name}: &{name} [{', '.join([f'*{before}'] * width)}]")
    lines += [f"{key}: *{names[-1]}" for key in keys]
    return "\n".join([*lines, "---", "The body of a hostile post.", ""])


def huge_body() -> str:
    """Paragraphs of Markdown (emphasis, code, links) one past MAX_RENDER_CHARS characters,
    or HUGE_BODY_MB megabytes of them."""
    size = int(float(os.environ.get("HUGE_BODY_MB", 0)) * 1_000_000) or MAX_RENDER_CHARS + 1
    paragraph = (
        "The *river* runs past the `stone` of the [valley](https://example.com/v) and"
        " **the mountain** keeps its snow through the summer.\n\n"
    )
    text = paragraph * (size // len(paragraph) + 1)
    return text[: size - 1] + "."


def _address_space() -> int:
    """The bytes of address space this process holds now (VmSize)."""
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmSize:"):
                return int(line.split()[1]) * 1024
    return 0


@contextlib.contextmanager
def bounded(seconds: float = DEADLINE_S) -> Iterator[None]:
    """Fail, not hang: exit with every thread's traceback after `seconds`, and raise
    MemoryError past `MEMORY_ROOM` more address space than now (Linux)."""
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    room = _address_space() + MEMORY_ROOM
    if hard != resource.RLIM_INFINITY:
        room = min(room, hard)
    # To the real stderr: pytest's capture has no file descriptor.
    faulthandler.dump_traceback_later(seconds, exit=True, file=sys.__stderr__)
    resource.setrlimit(resource.RLIMIT_AS, (room, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))
        faulthandler.cancel_dump_traceback_later()
