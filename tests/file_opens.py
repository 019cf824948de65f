"""Which files a piece of code opens, seen by Python's audit hook for `open` (raised by `open`,
`os.open` and everything built on them): a test tells that a file was not read without
putting back its stamps, which no tool can (a file's ctime moves with every write)."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

_FOLDER = getattr(os, "O_DIRECTORY", 0)
_WATCHES: list[tuple[str, set[str]]] = []  # (folder, the files opened under it)


def _hook(event: str, args: tuple[object, ...]) -> None:
    if event != "open" or not _WATCHES or not isinstance(args[0], str | bytes | os.PathLike):
        return
    if isinstance(flags := args[2], int) and flags & _FOLDER:
        return  # a folder opened to be listed (the walk's), not a file read
    path = os.path.abspath(os.fsdecode(args[0]))
    for folder, opened in _WATCHES:
        if path.startswith(folder):
            opened.add(os.path.relpath(path, folder))


sys.addaudithook(_hook)  # a hook cannot be removed: one for the whole run, idle unless watching


@contextmanager
def opened_under(folder: Path) -> Iterator[set[str]]:
    """The files under `folder` opened in this process within the block, by relative path
    (filled as they are opened). Reading in the pool's worker processes is not seen: use
    folders smaller than a chunk."""
    opened: set[str] = set()
    watch = (os.path.join(os.path.abspath(folder), ""), opened)
    _WATCHES.append(watch)
    try:
        yield opened
    finally:
        _WATCHES.remove(watch)
