"""Crash recovery: the unsaved text of open posts, kept on disk until it is saved or discarded.

The window snapshots each changed post a moment after the writer stops typing. A snapshot is a
small JSON file in the recovery folder (under the user's data folder), written atomically like
a post, so a crash while snapshotting leaves the previous snapshot whole. A clean save or an
explicit discard removes it; whatever is left when the app starts again was never saved.

Each snapshot names the process that wrote it: a second window running at the same time does
not offer to "recover" posts the first one still has open.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
import socket
from dataclasses import dataclass
from pathlib import Path

from editor.core import storage
from editor.core.errors import PostError

FORMAT = 1


@dataclass(frozen=True)
class Snapshot:
    """The unsaved text of one post, as last snapshotted."""

    post: Path  # the post file the text belongs to
    text: str
    taken: dt.datetime  # when, in local time
    disk_digest: str | None  # sha256 of the file the text was based on; None for no file
    file: Path  # the snapshot file itself
    owner: str = ""  # the window process that wrote it (see `_owner`)

    def disk_changed(self) -> bool:
        """Whether the post on disk is no longer the file this text was based on."""
        try:
            data = self.post.read_bytes()
        except OSError:
            return self.disk_digest is not None
        return hashlib.sha256(data).hexdigest() != self.disk_digest


class RecoveryStore:
    """The recovery folder: one snapshot per post, by the post's absolute path."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def _file_for(self, post: Path) -> Path:
        key = os.path.normcase(os.path.abspath(post))
        return self.folder / f"{hashlib.sha256(key.encode()).hexdigest()[:32]}.json"

    def save(self, post: Path, text: str, disk_digest: str | None) -> Path:
        """Snapshot `text` for `post`, replacing its last snapshot; raises PostError when the
        recovery folder cannot be written (a full disk: the writer must hear of it)."""
        record = {
            "format": FORMAT,
            "post": os.path.abspath(post),
            "text": text,
            "taken": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
            "disk_digest": disk_digest,
            "owner": _owner(),
        }
        file = self._file_for(post)
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise PostError(f"cannot keep a recovery copy: {error.strerror or error}") from None
        data = json.dumps(record, ensure_ascii=False).encode("utf-8", "surrogatepass")
        storage.atomic_write(file, data)
        return file

    def discard(self, post: Path) -> None:
        """Forget the snapshot of `post` (saved, or thrown away by the writer)."""
        with contextlib.suppress(FileNotFoundError):
            self._file_for(post).unlink()

    def snapshot_of(self, post: Path) -> Snapshot | None:
        """The snapshot kept for `post`, whoever wrote it."""
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


def _owner(pid: int | None = None) -> str:
    """`host:pid:start` for a process; the start time tells a reused pid from the writer."""
    pid = os.getpid() if pid is None else pid
    return f"{socket.gethostname()}:{pid}:{_start_time(pid)}"


def _start_time(pid: int) -> str:
    try:  # Linux: field 22 of /proc/PID/stat, after the parenthesised command name
        return Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()[19]
    except (OSError, IndexError):
        return ""


def _alive(owner: str) -> bool:
    """Whether the window process that wrote a snapshot is still running."""
    host, _, rest = owner.partition(":")
    pid, _, _ = rest.partition(":")
    if host != socket.gethostname() or not pid.isdigit() or os.name == "nt":
        return False  # (Windows: os.kill(pid, 0) would send Ctrl+C, so assume it is gone)
    try:
        os.kill(int(pid), 0)
    except OSError:  # no such process, or another user's: not one of our windows
        return False
    return _owner(int(pid)) == owner


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
