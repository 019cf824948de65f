"""Bytes on disk: atomic saves that keep owner, mode, links and attributes, locks between
writers, stamps that tell a change on disk, reading regular files only, recovery snapshots.

Every name is re-exported lazily (PEP 562, `lazy_exports`): reading a post does not load the
recovery snapshots."""

from typing import TYPE_CHECKING

from editor.core import lazy_exports

if TYPE_CHECKING:
    from editor.core.storage.file_names import folded, slugify
    from editor.core.storage.file_stamp import FileStamp
    from editor.core.storage.files import (
        ConflictError,
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

_MODULE_OF = {
    "slugify": "file_names",
    "folded": "file_names",
    "ConflictError": "files",
    "FileStamp": "file_stamp",
    "atomic_write": "files",
    "changed_on_disk": "files",
    "check_within": "files",
    "leftover_of": "files",
    "locked": "files",
    "os_cause": "files",
    "read_regular": "files",
    "save": "files",
    "special_kind": "files",
    "stamp_of": "files",
    "sweep": "files",
    "sweep_if_left": "files",
    "write_new": "files",
    "RecoveryStore": "recovery",
    "Snapshot": "recovery",
}

__getattr__ = lazy_exports(__name__, _MODULE_OF)

__all__ = [
    "ConflictError",
    "FileStamp",
    "RecoveryStore",
    "Snapshot",
    "atomic_write",
    "changed_on_disk",
    "check_within",
    "folded",
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
