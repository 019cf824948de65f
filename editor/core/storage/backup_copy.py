"""Keeping a file's links, owner and attributes when it is saved: a new file given them all, or
the file written in place, behind a backup copy.

A save normally writes a new file and renames it over the post (see `storage`). That gives the
post a new inode, which `take_attributes` gives the old one's owner, group, extended attributes
(ACLs included) and mode. But a hard link elsewhere would keep the old text, and a file owned
by another user cannot always be given to them. For those files we do what vim does with
`backupcopy=auto`: copy the post to a backup, make the copy durable (fsync of the file and of
its folder), then overwrite the post's own bytes in place and cut it to length, so its inode,
links, owner, mode and extended attributes are untouched.

The backup lives beside the post, hidden: `.NAME.TAG.bak`, where TAG is the start of the
SHA-256 of the new bytes (it is written as a temp file first and renamed, so it is always
whole). It is removed as soon as the new bytes are on disk. A write that fails (a full disk)
puts the backup back before saying so. A process killed half-way leaves the backup, which then
is a rollback journal, as SQLite's is: the next save or folder scan that holds the post's lock
finds it (`recover`) and, unless the post is already whole (the backup's bytes, or bytes whose
digest is TAG), puts the backup back. So a crash leaves the old post or the new one, never a
torn one that stays torn.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import secrets
import stat
from pathlib import Path

from editor.core.errors import PostError

_BINARY = getattr(os, "O_BINARY", 0)
_NO_XATTRS = {errno.ENOTSUP, getattr(errno, "EOPNOTSUPP", errno.ENOTSUP)}


def backup_tag(data: bytes) -> str:
    """The TAG of a backup made while writing `data` (see the module docstring)."""
    return hashlib.sha256(data).hexdigest()[:16]


def take_attributes(fd: int, tmp: Path, target: Path, original: os.stat_result) -> bool:
    """Give the new file at `tmp` (open as `fd`) the owner, group, extended attributes (ACLs
    and SELinux labels are some) and mode of the file it replaces; False when it cannot have
    them all, as when the saver may write a file it does not own: then the post is written in
    place, as vim does when it cannot give a new file the old one's owner."""
    if hasattr(os, "fchown"):  # not on Windows
        mine = os.fstat(fd)
        if (mine.st_uid, mine.st_gid) != (original.st_uid, original.st_gid):
            try:
                os.fchown(fd, original.st_uid, original.st_gid)
            except OSError:
                return False
    if hasattr(os, "listxattr"):  # Linux
        try:
            wanted = {name: os.getxattr(target, name) for name in os.listxattr(target)}
            have = set(os.listxattr(fd))
            for name in have - wanted.keys():  # e.g. a default ACL of the folder, inherited
                os.removexattr(fd, name)
            for name, value in wanted.items():  # unchanged ones not set: SELinux may refuse
                if name not in have or os.getxattr(fd, name) != value:
                    os.setxattr(fd, name, value)
        except OSError as exc:
            if exc.errno not in _NO_XATTRS:
                return False
    # After the chown, which clears set-user-id bits.
    os.chmod(tmp, stat.S_IMODE(original.st_mode))
    return True


def write_in_place(target: Path, data: bytes) -> os.stat_result:
    """Overwrite the regular file `target` with `data`, keeping its inode; returns its fstat.

    Raises OSError with the file as it was (the backup put back) on failure; PostError when
    even that failed, naming the backup."""
    backup = target.with_name(f".{target.name}.{backup_tag(data)}.bak")
    with open(target, "rb") as f:
        old = f.read()
    # Written under a temp name and renamed, so that a backup is always whole: a killed
    # process must never leave half a backup for `recover` to put back. Private: it may be a
    # copy of a 0o600 post.
    tmp = target.with_name(f".{target.name}.{secrets.token_hex(8)}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _BINARY, 0o600)
    try:
        try:
            _write_all(fd, old)
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, backup)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    try:
        fsync_folder(target.parent)  # the backup's name is durable before the post changes
        written = _overwrite(target, data, old)
    except BaseException as exc:
        intact = False
        with contextlib.suppress(OSError):
            intact = target.read_bytes() == old
        if intact:
            with contextlib.suppress(OSError):
                os.unlink(backup)
        elif isinstance(exc, OSError):  # not even the old bytes could be written back
            raise PostError(
                f"could not save: {exc.strerror or exc}; the post may be damaged, and its "
                f"earlier version is in {backup.name}, beside it",
                target,
            ) from exc
        raise
    os.unlink(backup)
    fsync_folder(target.parent)
    return written


def recover(target: Path, now: bytes | None, backup: Path) -> None:
    """Finish with a backup that a killed in-place write of `target` left, holding the post's
    lock: put it back unless the post is whole, then remove it (see the module docstring).
    `now` is what the post holds (None when it was removed since: nothing to put back)."""
    saved = backup.read_bytes()
    tag = backup.name.rsplit(".", 2)[-2]
    if now is not None and now != saved and backup_tag(now) != tag:
        _overwrite(target, saved, None)
    os.unlink(backup)
    fsync_folder(target.parent)


def _overwrite(target: Path, data: bytes, old: bytes | None) -> os.stat_result:
    """Write `data` over `target` from its start and cut it to length, fsynced; on failure
    write `old` back when given."""
    fd = os.open(target, os.O_WRONLY | _BINARY)
    try:
        try:
            _write_all(fd, data)
            os.ftruncate(fd, len(data))
            os.fsync(fd)
        except BaseException:
            if old is not None:
                _write_all(fd, old)
                os.ftruncate(fd, len(old))
                os.fsync(fd)
            raise
        return os.fstat(fd)
    finally:
        os.close(fd)


def _write_all(fd: int, data: bytes) -> None:
    os.lseek(fd, 0, os.SEEK_SET)
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def fsync_folder(folder: Path) -> None:
    """Make a rename, creation or removal in `folder` durable. Windows cannot open a folder;
    the files are safe anyway."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
