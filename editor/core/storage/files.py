"""Reading and writing posts safely, and noticing when someone else changed them.

A save never leaves a half-written post: the bytes go to a temp file in the same folder
(`.NAME.<16 hex>.tmp`), are flushed to disk, given the post's owner, group, extended
attributes (ACLs included) and mode, then renamed over the post in one step. A post with
other hard links, or whose owner or attributes a new file cannot be given, is written in place
behind a backup copy instead (`backup_copy`, vim's `backup_copy=auto`). A `FileStamp` taken when
a post is read lets `save` refuse to overwrite changes made by another program since; the
check and the write happen under the post's lock (`file_lock`), so our own processes never
overwrite each other. What a killed save leaves is swept (`sweep`). Only regular files are
read or written: a FIFO would block, a device never end.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from editor.core import lazy_module
from editor.core.errors import PostError
from editor.core.storage import file_lock
from editor.core.storage.file_stamp import FileStamp, digest_of

if TYPE_CHECKING:
    import secrets

    from editor.core.storage import backup_copy
else:  # what only a save needs, loaded at the first save (`check FILE` and `render FILE` read)
    secrets = lazy_module("secrets")
    backup_copy = lazy_module("editor.core.storage.backup_copy")

# errno → what a writer is told; anything else falls back to the system's own wording.
_CAUSES: dict[int, str] = {
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.EROFS: "the file system is read-only",
    errno.ENOSPC: "the disk is full",
    errno.ENOENT: "the folder no longer exists",
    errno.ENOTDIR: "the folder no longer exists",  # a folder on the way became a file
    errno.EISDIR: "the path is a folder",
    errno.ENAMETOOLONG: "the file name is too long",
    errno.EFBIG: "the file is too large for this disk (or a size limit)",
}
if hasattr(errno, "EDQUOT"):  # not on Windows
    _CAUSES[errno.EDQUOT] = "the disk is full (your quota is used up)"

# What a save leaves beside a post NAME when it is killed: `.NAME.<16 hex>.tmp` (the new
# bytes, unrenamed), `.NAME.<16 hex>.bak` (backup_copy's backup) and `.NAME.lock`.
_LEFTOVER = re.compile(r"\.(.+)\.(?:[0-9a-f]{16}\.(tmp|bak)|lock)", re.S)


class ConflictError(PostError):
    """A save refused because the file on disk is not the one the editor last saw."""


def special_kind(mode: int) -> str | None:
    """What a file that is not a regular file is, in a writer's words ("a named pipe");
    None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def read_regular(path: Path) -> bytes:
    """The bytes of the regular file at `path` (symlinks followed). Anything else raises
    PostError ("this is a named pipe, not a post file") without being read: a FIFO would
    block the read until some program writes to it, and /dev/zero never ends it. Opened with
    O_NONBLOCK, as a FIFO with no writer would block the open itself; other failures raise
    OSError."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        if exc.errno != errno.ENXIO:  # what opening a socket gives
            raise
        fd = None
    if fd is None:
        kind = special_kind(os.stat(path).st_mode)
        raise PostError(f"this is {kind or 'not a regular file'}, not a post file", Path(path))
    try:
        st = os.fstat(fd)
        kind = special_kind(st.st_mode)
        if kind is not None:
            raise PostError(f"this is {kind}, not a post file", Path(path))
        # Plain reads, no buffered file object around them: a folder's first scan reads
        # thousands of small files, and making that object cost as much as the reading.
        # One read of the stat's size (and one byte more), then on until the end, should
        # the file have grown since.
        parts = [os.read(fd, st.st_size + 1)]
        while parts[-1]:
            parts.append(os.read(fd, 1 << 16))
        return b"".join(parts)
    finally:
        os.close(fd)


def stamp_of(path: Path, data: bytes | None = None) -> FileStamp:
    """The stamp of `path`; pass `data` when the bytes were just read, to skip a second read."""
    # stat before reading: if the file changes in between, the stamp pairs an older mtime
    # with newer bytes, which only costs a hash later, never a missed change.
    try:
        mtime_ns = os.stat(path).st_mtime_ns
        if data is None:
            data = read_regular(path)
    except OSError as exc:
        raise PostError(f"could not read the file: {exc.strerror or exc}", Path(path)) from exc
    # The size of the hashed bytes, not st_size, so a stamp never describes two versions.
    return FileStamp(mtime_ns, len(data), data=data)


def changed_on_disk(path: Path, stamp: FileStamp) -> bool:
    """True when `path` no longer holds the bytes `stamp` was taken from.

    Same mtime and size is trusted without reading; otherwise the bytes are hashed, so a
    `touch` is not a change. A file that is gone or unreadable, or is no longer a regular
    file, counts as changed.
    """
    try:
        st = os.stat(path)
        if not stat.S_ISREG(st.st_mode):
            return True
        if st.st_mtime_ns == stamp.mtime_ns and st.st_size == stamp.size:
            return False
        if st.st_size != stamp.size:
            return True
        return digest_of(Path(path).read_bytes()) != stamp.digest
    except OSError:
        return True


def os_cause(exc: OSError) -> str:
    """Why a file operation failed, in a writer's words ("the disk is full")."""
    return _CAUSES.get(exc.errno or 0) or exc.strerror or str(exc)


def _error(exc: OSError, path: Path) -> PostError:
    return PostError(f"could not save: {os_cause(exc)}; nothing was changed on disk", Path(path))


def _create_temp(folder: Path, name: str, mode: int) -> tuple[int, Path]:
    # Our own O_EXCL create rather than mkstemp, so the kernel applies the umask to `mode`
    # without our touching the process-wide umask. 64 random bits: a clash is not worth a
    # retry loop, and O_EXCL means it could never clobber a file anyway.
    tmp = folder / f".{name}.{secrets.token_hex(8)}.tmp"
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    return os.open(tmp, flags, mode), tmp


def _write(target: Path, data: bytes, shown: Path) -> os.stat_result:
    """Write `data` to `target`, a real path (no symlink), holding its lock; returns the fstat
    of the written file, taken before the rename. `shown` is the path errors name."""
    tmp: Path | None = None
    try:
        try:
            original: os.stat_result | None = os.stat(target)
        except FileNotFoundError:
            original = None
        if original is not None:
            kind = special_kind(original.st_mode)
            if kind == "a folder":
                # Caught here because Windows reports a rename onto a folder as "access denied".
                raise IsADirectoryError(errno.EISDIR, "is a folder", str(target))
            if kind is not None:  # a rename would replace it; a write in place could block
                raise PostError(f"could not save: this is {kind}, not a post file", shown)
            _check_writable(target, original, shown)
            if original.st_nlink > 1:  # a rename would leave the other names the old text
                return _write_in_place(target, data)
        # Private while being written when replacing a file (it may be 0o600 itself); a new
        # file gets 0o666 minus the umask, like any other new file.
        fd, tmp = _create_temp(target.parent, target.name, 0o666 if original is None else 0o600)
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            if original is not None and not backup_copy.take_attributes(
                f.fileno(), tmp, target, original
            ):
                os.unlink(tmp)
                tmp = None
                return _write_in_place(target, data)
            os.fsync(f.fileno())
            # Our own bytes' mtime: no other writer can slip in between (a stat after the
            # rename could describe someone else's file).
            written = os.fstat(f.fileno())
        os.replace(tmp, target)
        tmp = None
    except BaseException as exc:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
        if isinstance(exc, OSError):
            raise _error(exc, shown) from exc
        raise
    backup_copy.fsync_folder(target.parent)
    return written


def _write_in_place(target: Path, data: bytes) -> os.stat_result:
    # Whatever backup an earlier, killed, write left is dealt with first, even when the lock
    # file that tells of it was removed by hand: a stale backup must never be replaced.
    _sweep(target)
    return backup_copy.write_in_place(target, data)


def _check_writable(target: Path, st: os.stat_result, path: Path) -> None:
    """Refuse to replace a file this process may not write. The rename needs only the
    folder's permission, so without this a read-only file would be replaced like any other.
    Root may write any file, as every other tool lets it (a copied 0o444 site stays editable)."""
    if os.access(target, os.W_OK, effective_ids=os.access in os.supports_effective_ids):
        return
    if not st.st_mode & 0o222:
        raise PostError("could not save: the file is read-only; nothing was changed on disk", path)
    raise PermissionError(errno.EACCES, "permission denied", str(target))


def atomic_write(path: Path, data: bytes) -> None:
    """Replace the contents of `path` with `data`, all or nothing, holding its lock.

    Owner, group, mode, extended attributes and hard links of an existing file are kept; a
    new file gets 0o666 minus the umask. Raises PostError naming the cause; on any failure
    the original is untouched and no temp file is left behind.
    """
    target = Path(os.path.realpath(path))  # through a symlink to the real file: a link stays
    with locked(target):
        _write(target, data, Path(path))


def write_new(path: Path, data: bytes) -> None:
    """Write `data` to `path`, a name no file holds, all or nothing, and never over a file:
    when another program takes the name first, FileExistsError (nothing written).

    The bytes go to a temp file that is then linked under the name, which, unlike a rename,
    refuses a name that exists. Where the file system has no hard links (FAT, some network
    shares) the name is claimed with O_EXCL and the temp file renamed onto the claim.
    Other failures raise PostError naming the cause, with no temp file left behind.
    """
    path = Path(path)
    tmp: Path | None = None
    # Under the name's lock, as every writer of a temp file: the sweep takes it as proof
    # that no one is writing the temp files it removes.
    with locked(path):
        try:
            fd, tmp = _create_temp(path.parent, path.name, 0o666)
            with os.fdopen(fd, "wb") as f:
                f.write(data)
                f.flush()
                os.fsync(f.fileno())
            try:
                os.link(tmp, path)
            except FileExistsError:
                raise
            except OSError:  # no hard links here: claim the name, then replace the claim
                os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
                os.replace(tmp, path)
                tmp = None
        except FileExistsError:
            raise
        except OSError as exc:
            raise _error(exc, path) from exc
        finally:
            if tmp is not None:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
    backup_copy.fsync_folder(path.parent)


def save(
    path: Path,
    data: bytes,
    expected: FileStamp | None,
    force: bool = False,
    within: Path | None = None,
) -> FileStamp:
    """Write `data` to `path` unless someone else changed it; return the new stamp.

    `expected` is the stamp taken when the post was read, or None for a new post, which must
    not exist yet. `force` overwrites whatever is there. The check and the write are made
    holding the post's lock (see `file_lock`), so no other save of ours comes in between; a
    program that does not take the lock still can, in that instant. With `within` (the
    content folder), a path that leads outside it through a symlink is refused, even with
    `force`.
    """
    path = Path(path)
    # Resolved once: the path checked against `within` is the path written.
    target = Path(os.path.realpath(path))
    if within is not None:
        check_within(path, within, real=target)
    with locked(target):
        if os.path.isdir(path):  # before the conflict check: "overwrite?" would lead nowhere
            raise PostError(
                "could not save: the path is a folder; nothing was changed on disk", path
            )
        if not force:
            _check_unchanged(path, expected)
        written = _write(target, data, path)
    return FileStamp(written.st_mtime_ns, len(data), digest_of(data))


@contextlib.contextmanager
def locked(path: Path) -> Iterator[None]:
    """Hold the lock of the post at `path` for the block (see `file_lock`): `set` holds it from
    reading a post to saving it, and every save takes it (it is reentrant), so no other save
    of ours comes in between. When a save of the post was killed, what it left is cleared
    first (see `sweep`)."""
    target = Path(os.path.realpath(path))
    with file_lock.locked(target) as abandoned:
        if abandoned:
            _sweep(target)
        yield


def _check_unchanged(path: Path, expected: FileStamp | None) -> None:
    if expected is None:
        if os.path.lexists(path):
            raise ConflictError("a file with this name already exists; not overwritten", path)
    elif not os.path.lexists(path):
        raise ConflictError(
            "the file was deleted or moved since it was opened; save again to write it back",
            path,
        )
    elif changed_on_disk(path, expected):
        raise ConflictError(
            "the file changed on disk since it was opened; save again to overwrite it", path
        )


def check_within(
    path: Path, folder: Path, what: str = "the content folder", real: Path | None = None
) -> None:
    """Refuse a path whose real location (symlinks followed) is not inside `folder` (`what`
    names it in the message): a link in a site's folder must not let a save write over a
    file elsewhere on the machine. `real` is the path resolved already, if it is."""
    real = Path(os.path.realpath(path)) if real is None else real
    if not real.is_relative_to(os.path.realpath(folder)):
        raise PostError(
            f"not saved: this file is a link to {real}, outside {what}; "
            "nothing was written (copy the file into the folder to edit it here)",
            path,
        )


# --- what killed saves leave -----------------------------------------------------------------


def leftover_of(name: str) -> str | None:
    """The name of the file whose save left the hidden file `name` (`.a.md.<16 hex>.tmp`, its
    `.bak` backup or its `.lock` → `a.md`); None for any other name."""
    match = _LEFTOVER.fullmatch(name)
    return match[1] if match else None


def sweep(path: Path) -> None:
    """Clear what killed saves of the file at `path` left, unless a process is saving it now:
    remove its temp files, and put back or remove the backup of an in-place write (see
    `backup_copy`). A temp file's writer is known to be dead, without any clock, by the
    file's lock: every writer of a temp file holds it, and the kernel lets go of a dead
    process's locks. A folder scan calls this for each post it finds such files of."""
    if file_lock.held_here(path):
        # This thread's own lock (`set` reading the post it locked): what a dead holder left
        # was swept as the lock was taken, and listing the folder again for each post would
        # make `set` on a folder quadratic.
        return
    with file_lock.try_locked(path) as mine:
        if mine:
            _sweep(Path(os.path.realpath(path)))


def sweep_if_left(path: Path) -> None:
    """`sweep` when the lock file of `path` is there: a save of it was killed (or is running,
    and then nothing is done). One stat when there is none, so a read can afford it."""
    if os.path.lexists(file_lock.lock_path(path)):
        sweep(path)


def _sweep(target: Path) -> None:
    """`sweep`, holding the lock of `target` (a real path)."""
    try:
        names = os.listdir(target.parent)
    except OSError:
        return
    ours = [n for n in names if (m := _LEFTOVER.fullmatch(n)) and m[1] == target.name and m[2]]
    # Backups first: a torn post is put back before anything else happens to it.
    for name in sorted(ours, key=lambda n: not n.endswith(".bak")):
        leftover = target.parent / name
        with contextlib.suppress(OSError, PostError):
            if name.endswith(".bak"):
                try:
                    now: bytes | None = read_regular(target)
                except FileNotFoundError:
                    now = None
                backup_copy.recover(target, now, leftover)
            else:
                os.unlink(leftover)
