"""Bytes on disk: atomic saves that keep owner, mode, links and attributes, locks between
writers, stamps that tell a change on disk, reading regular files only, recovery snapshots."""

from editor.core.storage.file_names import slugify
from editor.core.storage.files import (
    ConflictError,
    FileStamp,
    atomic_write,
    changed_on_disk,
    check_within,
    leftover_of,
    locked,
    os_cause,
    read_regular,
    save,
    special_kind,
    stamp_of,
    sweep,
    sweep_if_left,
    write_new,
)
from editor.core.storage.recovery import RecoveryStore, Snapshot

__all__ = [
    "ConflictError",
    "FileStamp",
    "RecoveryStore",
    "Snapshot",
    "atomic_write",
    "changed_on_disk",
    "check_within",
    "leftover_of",
    "locked",
    "os_cause",
    "read_regular",
    "save",
    "slugify",
    "special_kind",
    "stamp_of",
    "sweep",
    "sweep_if_left",
    "write_new",
]
