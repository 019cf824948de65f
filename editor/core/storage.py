"""Writing posts safely and noticing when someone else changed them.

A save never leaves a half-written post: the bytes go to a temp file in the same folder, are
flushed to disk, then renamed over the post in one step. A `FileStamp` taken when a post is
read lets `save` refuse to overwrite changes made by another program since.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import secrets
import stat
from dataclasses import dataclass
from pathlib import Path

from editor.core.errors import PostError

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
}
if hasattr(errno, "EDQUOT"):  # not on Windows
    _CAUSES[errno.EDQUOT] = "the disk is full (your quota is used up)"


@dataclass(frozen=True)
class FileStamp:
    """What a file looked like when it was read: enough to tell later whether it changed."""

    mtime_ns: int
    size: int
    digest: str  # sha256 hex of the bytes


class ConflictError(PostError):
    """A save refused because the file on disk is not the one the editor last saw."""


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def stamp_of(path: Path, data: bytes | None = None) -> FileStamp:
    """The stamp of `path`; pass `data` when the bytes were just read, to skip a second read."""
    # stat before reading: if the file changes in between, the stamp pairs an older mtime
    # with newer bytes, which only costs a hash later, never a missed change.
    try:
        mtime_ns = os.stat(path).st_mtime_ns
        if data is None:
            data = Path(path).read_bytes()
    except OSError as exc:
        raise PostError(f"could not read the file: {exc.strerror or exc}", Path(path)) from exc
    # The size of the hashed bytes, not st_size, so a stamp never describes two versions.
    return FileStamp(mtime_ns, len(data), _digest(data))


def changed_on_disk(path: Path, stamp: FileStamp) -> bool:
    """True when `path` no longer holds the bytes `stamp` was taken from.

    Same mtime and size is trusted without reading; otherwise the bytes are hashed, so a
    `touch` is not a change. A file that is gone or unreadable counts as changed.
    """
    try:
        st = os.stat(path)
        if st.st_mtime_ns == stamp.mtime_ns and st.st_size == stamp.size:
            return False
        if st.st_size != stamp.size:
            return True
        return _digest(Path(path).read_bytes()) != stamp.digest
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


def _write(path: Path, data: bytes) -> os.stat_result:
    """`atomic_write`, returning the fstat of the written file taken before the rename."""
    # Write through a symlink to the real file, so the link stays a link.
    target = Path(os.path.realpath(path))
    tmp: Path | None = None
    try:
        try:
            original: os.stat_result | None = os.stat(target)
        except FileNotFoundError:
            original = None
        if original is not None and stat.S_ISDIR(original.st_mode):
            # Caught here because Windows reports a rename onto a folder as "access denied".
            raise IsADirectoryError(errno.EISDIR, "is a folder", str(target))
        if original is not None:
            _check_writable(target, original, path)
        # Private while being written when replacing a file (it may be 0o600 itself); a new
        # file gets 0o666 minus the umask, like any other new file.
        fd, tmp = _create_temp(target.parent, target.name, 0o666 if original is None else 0o600)
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
            # Our own bytes' mtime: no other writer can slip in between (a stat after the
            # rename could describe someone else's file).
            written = os.fstat(f.fileno())
        if original is not None:
            os.chmod(tmp, stat.S_IMODE(original.st_mode))
        os.replace(tmp, target)
        tmp = None
    except BaseException as exc:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
        if isinstance(exc, OSError):
            raise _error(exc, path) from exc
        raise
    _fsync_folder(target.parent)
    return written


def _check_writable(target: Path, st: os.stat_result, path: Path) -> None:
    """Refuse to replace a file this process may not write. The rename needs only the
    folder's permission, so without this a read-only file would be replaced like any other.
    Root may write any file, as every other tool lets it (a copied 0o444 site stays editable)."""
    if os.access(target, os.W_OK, effective_ids=os.access in os.supports_effective_ids):
        return
    if not st.st_mode & 0o222:
        raise PostError("could not save: the file is read-only; nothing was changed on disk", path)
    raise PermissionError(errno.EACCES, "permission denied", str(target))


def _fsync_folder(folder: Path) -> None:
    # Makes the rename itself durable. Windows cannot open a folder; the file is safe anyway.
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def atomic_write(path: Path, data: bytes) -> None:
    """Replace the contents of `path` with `data`, all or nothing.

    Permission bits of an existing file are kept; a new file gets 0o666 minus the umask.
    Raises PostError naming the cause; on any failure the original is untouched and no temp
    file is left behind.
    """
    _write(path, data)


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
    _fsync_folder(path.parent)


def save(
    path: Path,
    data: bytes,
    expected: FileStamp | None,
    force: bool = False,
    within: Path | None = None,
) -> FileStamp:
    """Write `data` to `path` unless someone else changed it; return the new stamp.

    `expected` is the stamp taken when the post was read, or None for a new post, which must
    not exist yet. `force` overwrites whatever is there. The check and the write are not one
    atomic step: a change in that instant is overwritten. With `within` (the content folder),
    a path that leads outside it through a symlink is refused, even with `force`.
    """
    path = Path(path)
    if within is not None:
        _check_within(path, within)
    if os.path.isdir(path):  # before the conflict check: "overwrite?" would lead nowhere
        raise PostError("could not save: the path is a folder; nothing was changed on disk", path)
    if not force:
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
    written = _write(path, data)
    return FileStamp(written.st_mtime_ns, len(data), _digest(data))


def _check_within(path: Path, folder: Path) -> None:
    """Refuse a path whose real location (symlinks followed) is not inside `folder`: a link
    in a site's folder must not let a save write over a file elsewhere on the machine."""
    real = Path(os.path.realpath(path))
    if not real.is_relative_to(os.path.realpath(folder)):
        raise PostError(
            f"not saved: this file is a link to {real}, outside the content folder; "
            "nothing was written (copy the file into the folder to edit it here)",
            path,
        )
