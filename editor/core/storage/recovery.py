"""Crash recovery: the unsaved text of open posts, kept on disk until it is saved or discarded.

The window snapshots each changed post a moment after the writer stops typing. A snapshot is a
small JSON file in the recovery folder (under the user's data folder), written atomically like
a post, so a crash while snapshotting leaves the previous snapshot whole. A clean save or an
explicit discard removes it; whatever is left when the app starts again was never saved.

Each store is one window (its `owner`: the process, plus a token for the window). A snapshot
file is named by its post and its owner, so two windows with one post open keep one snapshot
each and a window only ever replaces or removes its own (vim's swap files are per editing
session in the same way). A running window does not offer to "recover" posts another one
still has open; a snapshot whose process is gone is offered at the next start.

A window also marks each post it has open (a small `.open` file), so a second window can say
"this post is open in another window"; a mark whose process is gone means nothing and is
swept.

A snapshot holds a writer's words, often a draft not meant for anyone yet: the folder is made
0700, as the XDG base directory specification asks of the user's data folders, and the files
in it are created 0600 (never created readable, then narrowed), like ssh's and gpg's.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
import secrets
import socket
import stat
from dataclasses import dataclass
from pathlib import Path

from editor.core.errors import PostError
from editor.core.storage.backup_copy import fsync_folder
from editor.core.storage.files import os_cause, read_regular

FORMAT = 1
FOLDER_MODE = 0o700
FILE_MODE = 0o600


@dataclass(frozen=True)
class Snapshot:
    """The unsaved text of one post, as last snapshotted."""

    post: Path  # the post file the text belongs to
    text: str
    taken: dt.datetime  # when, in local time
    disk_digest: str | None  # sha256 of the file the text was based on; None for no file
    file: Path  # the snapshot file itself
    owner: str = ""  # the window that wrote it (see `new_owner`)

    def disk_changed(self) -> bool:
        """Whether the post on disk is no longer the file this text was based on."""
        try:
            data = read_regular(self.post)  # a FIFO in the post's place never blocks
        except (OSError, PostError):
            return self.disk_digest is not None
        return hashlib.sha256(data).hexdigest() != self.disk_digest


class RecoveryStore:
    """One window's view of the recovery folder: its own snapshot of each post (by the
    post's real path), its marks of open posts, and what other windows left.

    `owner` names the window (default: a new one in this process); tests give two stores on
    one folder to stand for two windows.
    """

    def __init__(self, folder: Path, owner: str | None = None) -> None:
        self.folder = folder
        self.owner = owner or new_owner()
        self._tag = _digest(self.owner)[:16]

    def _file_for(self, post: Path, suffix: str = ".json") -> Path:
        return self.folder / f"{_post_key(post)}.{self._tag}{suffix}"

    def save(self, post: Path, text: str, disk_digest: str | None) -> Path:
        """Snapshot `text` for `post`, replacing this window's last snapshot of it; raises
        PostError when the recovery folder cannot be written (a full disk: the writer must
        hear of it)."""
        record = {
            "format": FORMAT,
            "post": os.path.abspath(post),
            "text": text,
            "taken": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
            "disk_digest": disk_digest,
            "owner": self.owner,
        }
        file = self._file_for(post)
        self._write(file, json.dumps(record, ensure_ascii=False).encode("utf-8", "surrogatepass"))
        return file

    def discard(self, post: Path) -> None:
        """Forget this window's snapshot of `post` (saved, or thrown away by the writer).
        Another window's stays."""
        with contextlib.suppress(FileNotFoundError):
            self._file_for(post).unlink()

    def snapshot_of(self, post: Path) -> Snapshot | None:
        """This window's snapshot of `post`."""
        return _load(self._file_for(post))

    def orphans(self) -> list[Snapshot]:
        """Snapshots no running window owns: what a crash or a kill left behind, oldest
        first. Damaged snapshot files are left where they are, for a person to look at."""
        try:
            files = sorted(self.folder.glob("*.json"))
        except OSError:
            return []
        found = [s for s in map(_load, files) if s is not None and not _alive(s.owner)]
        return sorted(found, key=lambda s: s.taken)

    # --- which window has a post open ---------------------------------------------------------

    def mark_open(self, post: Path) -> None:
        """Say that this window has `post` open (until `mark_closed`); raises PostError when
        the recovery folder cannot be written."""
        record = {"format": FORMAT, "post": os.path.abspath(post), "owner": self.owner}
        self._write(self._file_for(post, ".open"), json.dumps(record).encode())

    def mark_closed(self, post: Path) -> None:
        """This window closed `post`."""
        with contextlib.suppress(OSError):
            self._file_for(post, ".open").unlink()

    def open_elsewhere(self, post: Path) -> bool:
        """Whether another running window has `post` open. Marks of windows that are gone
        are removed on the way."""
        mine = self._file_for(post, ".open")
        try:
            marks = [m for m in self.folder.glob(f"{_post_key(post)}.*.open") if m != mine]
        except OSError:
            return False
        found = False
        for mark in marks:
            owner = _owner_of(mark)
            if owner is None:
                continue  # being written, or damaged: no one to name
            if _alive(owner):
                found = True
            else:
                with contextlib.suppress(OSError):
                    mark.unlink()
        return found

    # --- files only the writer may read -------------------------------------------------------

    def _ready(self) -> None:
        """Make the folder, or close an existing one that others could read."""
        try:
            self.folder.mkdir(mode=FOLDER_MODE, parents=True, exist_ok=True)
            if stat.S_IMODE(self.folder.stat().st_mode) != FOLDER_MODE:
                self.folder.chmod(FOLDER_MODE)  # made by an older version, 0755
        except OSError as error:
            raise PostError(f"cannot keep a recovery copy: {os_cause(error)}") from None

    def _write(self, file: Path, data: bytes) -> None:
        """`data` into `file`, all or nothing (temp file, fsync, rename, like a post's save),
        the file created 0600."""
        self._ready()
        tmp = file.with_name(f".{file.name}.{secrets.token_hex(8)}.tmp")
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
            try:
                with os.fdopen(fd, "wb") as out:
                    out.write(data)
                    out.flush()
                    os.fsync(out.fileno())
                os.replace(tmp, file)
                fsync_folder(file.parent)  # so that the rename itself outlives a power cut
            except BaseException:
                with contextlib.suppress(OSError):
                    tmp.unlink()
                raise
        except OSError as error:
            raise PostError(f"cannot keep a recovery copy: {os_cause(error)}") from None


def new_owner() -> str:
    """`host:pid:start:window`: the process (its start time tells a reused pid from the
    writer) and a token for one window of it."""
    return f"{_process()}:{secrets.token_hex(4)}"


def _process(pid: int | None = None) -> str:
    pid = os.getpid() if pid is None else pid
    return f"{socket.gethostname()}:{pid}:{_start_time(pid)}"


def _start_time(pid: int) -> str:
    try:  # Linux: field 22 of /proc/PID/stat, after the parenthesised command name
        return Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()[19]
    except (OSError, IndexError):
        return ""


def _alive(owner: str) -> bool:
    """Whether the process of the window that wrote a snapshot or a mark is still running
    (owners written before windows had tokens are `host:pid:start`)."""
    host, pid, start = [*owner.split(":"), "", "", ""][:3]
    if host != socket.gethostname() or not pid.isdigit() or os.name == "nt":
        return False  # (Windows: os.kill(pid, 0) would send Ctrl+C, so assume it is gone)
    try:
        os.kill(int(pid), 0)
    except OSError:  # no such process, or another user's: not one of our windows
        return False
    return _process(int(pid)) == f"{host}:{pid}:{start}"


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def _post_key(post: Path) -> str:
    # The real path: a post opened through a symlink in one window and by its own name in
    # another is one post.
    return _digest(os.path.normcase(os.path.realpath(post)))[:32]


def _owner_of(mark: Path) -> str | None:
    try:
        return str(json.loads(mark.read_bytes())["owner"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _load(file: Path) -> Snapshot | None:
    try:
        record = json.loads(file.read_bytes().decode("utf-8", "surrogatepass"))
        return Snapshot(
            post=Path(record["post"]),
            text=str(record["text"]),
            taken=dt.datetime.fromisoformat(record["taken"]),
            disk_digest=record.get("disk_digest"),
            file=file,
            owner=str(record.get("owner", "")),
        )
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None
