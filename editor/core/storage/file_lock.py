"""A post's lock: only one of our processes (or threads) reads-modifies-writes a post at a time.

`locked(path)` holds an advisory lock (`fcntl.flock`) on a hidden lock file beside the post's
real file, `.NAME.lock`, as git holds `index.lock` while it changes the index. `set` holds it
from reading a post to writing it, and every save takes it around its stamp check and its
write, so two `set` runs, or `set` and the window, never both write over one version. Another
program does not take our lock: against it the stamp check is what protects.

The lock file is removed on release, so no `.NAME.lock` is left behind for `git status` to show
(the folder scan never lists hidden files). Removing a flock'd file has a well-known race: a
process that opened the old file and waited gets the lock on a file no longer in the folder,
while a newcomer creates and locks a new one, and both think they hold the lock. So the holder
removes the file only while it still holds the lock, and a process that got the lock checks
that the file it locked is still the one under the name (same device and inode), or starts
again; the lock is held by exactly the process holding the file under the name.

Where there is no `fcntl` (Windows) nothing is locked, and saves go on as before, with the
stamp check alone; so they do when the lock file cannot be made (a read-only folder: the save
itself then fails and says why).
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Iterator
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]

# The lock files this thread holds, with how many times each is held: a save inside `set`
# takes the lock `set` holds (a second flock of the same file by one process, through another
# descriptor, would wait for itself). Per thread, so two threads still exclude each other.
_held = threading.local()


def lock_path(path: Path) -> Path:
    """The lock file of the post at `path`: beside its real file, symlinks followed, so two
    names of one file share one lock."""
    real = Path(os.path.realpath(path))
    return real.with_name(f".{real.name}.lock")


def held_here(path: Path) -> bool:
    """Whether this thread holds the post's lock now (inside `set`, from read to save)."""
    return str(lock_path(path)) in _held.__dict__.get("counts", {})


@contextlib.contextmanager
def locked(path: Path) -> Iterator[bool]:
    """Hold the post's lock for the block, waiting while another process holds it.

    Yields True when the lock was left by a process that died holding it (its lock file was
    still there): what that process was doing may be half done, and the caller should clean
    up after it. A holder always removes the lock file as it lets go, so a lock file that is
    there and free is a dead holder's. False otherwise, and when held already by this thread."""
    with _lock(path, wait=True) as (_, abandoned):
        yield abandoned


@contextlib.contextmanager
def try_locked(path: Path) -> Iterator[bool]:
    """Take the post's lock for the block if no one holds it; yields whether it was taken.
    Where locks do not exist, True (see the module docstring); where the lock file cannot be
    made, False."""
    with _lock(path, wait=False) as (taken, _):
        yield taken


@contextlib.contextmanager
def _lock(path: Path, wait: bool) -> Iterator[tuple[bool, bool]]:
    """Yields (taken, abandoned)."""
    if fcntl is None:
        yield True, False
        return
    lock = str(lock_path(path))
    held: dict[str, int] = _held.__dict__.setdefault("counts", {})
    if lock in held:
        held[lock] += 1
        try:
            yield True, False
        finally:
            held[lock] -= 1
        return
    fd, abandoned = _acquire(lock, wait)
    if fd is None:
        yield wait, False  # not lockable here: a save goes on; a sweep must not guess
        return
    held[lock] = 1
    try:
        yield True, abandoned
    finally:
        del held[lock]
        with contextlib.suppress(OSError):
            os.unlink(lock)  # while still locked: see the module docstring
        os.close(fd)


def _acquire(lock: str, wait: bool) -> tuple[int | None, bool]:
    """A descriptor of `lock`, flock'd and still the file under that name, and whether the
    file was there before (abandoned); None when someone else holds it (with `wait` False)
    or it cannot be made."""
    assert fcntl is not None
    flags = os.O_RDONLY | getattr(os, "O_CLOEXEC", 0)
    while True:
        try:
            fd, made = os.open(lock, flags | os.O_CREAT | os.O_EXCL, 0o666), True
        except FileExistsError:
            try:
                fd, made = os.open(lock, flags), False
            except FileNotFoundError:
                continue  # removed by its holder meanwhile: make it
            except OSError:
                return None, False
        except OSError:
            return None, False
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        except OSError:  # someone holds it (LOCK_NB), or this file system has no locks
            os.close(fd)
            return None, False
        try:
            same = os.path.samestat(os.fstat(fd), os.stat(lock))
        except OSError:  # the name is gone: its holder removed it meanwhile
            same = False
        if same:
            return fd, not made
        os.close(fd)  # locked a file its holder had removed: lock the one under the name
