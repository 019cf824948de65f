"""What is on disk now, for a post being edited: the file read again, its text for a diff,
what changed since the post was read, and the offer of a snapshot a crash left.

Every read goes through `storage.read_regular` (by way of `Post.read` and `post.read_bytes`),
so a named pipe or a device put in a post's place is refused at once and never hangs the
window. Qt-free.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from editor.core.document.post import Post, read_bytes
from editor.core.document.text_diff import unified_diff
from editor.core.errors import PostError
from editor.core.session.questions import Offer
from editor.core.storage import FileStamp, changed_on_disk
from editor.core.storage.recovery import Snapshot


def read_post(path: Path) -> Post:
    """The post at `path` as it is on disk now; PostError when it is not a readable post."""
    return Post.read(path)


def disk_text(path: Path) -> str:
    """The file at `path` as text, bytes that are not UTF-8 replaced (for a diff); PostError,
    in a writer's words, when it cannot be read."""
    return read_bytes(path).decode("utf-8", "replace")


def pending_changes(post: Post) -> str:
    """The unified diff of what saving `post` now would change on disk; "" when nothing."""
    path = post.path
    try:
        on_disk = disk_text(path) if path else ""
    except PostError:
        on_disk = ""  # gone, or unreadable: the save would write the whole text
    name = path.name if path else "new post"
    return unified_diff(on_disk, post.text, f"{name} (on disk)", f"{name} (to be saved)")


@dataclass(frozen=True)
class DiskNow:
    """The file of an open post as it is now: `gone` says why it is no longer there (or no
    longer readable); else `post` is the file as read now when it changed, None when it is
    still the version the post was read from."""

    gone: str | None = None
    post: Post | None = None


def disk_now(path: Path, stamp: FileStamp | None, recheck: bool = False) -> DiskNow:
    """Compare the file at `path` with the version `stamp` was taken of (None: no version);
    `recheck` reads it even when the stamp says unchanged (the post was marked gone)."""
    if os.path.isdir(path):
        return DiskNow(gone="was replaced by a folder")
    if not os.path.exists(path):
        return DiskNow(gone="was deleted or moved")
    if not recheck and stamp is not None and not changed_on_disk(path, stamp):
        return DiskNow()
    try:
        return DiskNow(post=read_post(path))
    except PostError as error:
        return DiskNow(gone=f"can no longer be read ({error.message})")


class Follow(Enum):
    """What a post open with `mine` does about a new version of its file on disk."""

    RELOAD = "reload"  # both sides hold the same text: take the file's, say nothing
    RELOAD_TOLD = "reload told"  # nothing here to lose: take the file's and say so
    CONFLICT = "conflict"  # unsaved work here: ask (reload theirs, keep mine, compare)


def follow(disk: str, mine: str, unsaved: bool, clean: str | None = None) -> Follow:
    """How to follow the file's new text `disk` with `mine` on screen; `unsaved` says that
    `mine` holds work not on disk, `clean` is the text shown when the file went away while
    nothing was unsaved (work since then is unsaved, anything else is not)."""
    if disk == mine:  # both sides made the same change, or the file came back
        return Follow.RELOAD
    if not unsaved or (clean is not None and clean == mine):
        return Follow.RELOAD_TOLD
    return Follow.CONFLICT


def offer_of(snapshot: Snapshot) -> Offer:
    """What the writer is shown of one snapshot: the file on disk against the unsaved text."""
    try:
        on_disk, exists = disk_text(snapshot.post), True
    except PostError:
        on_disk, exists = "", os.path.exists(snapshot.post)
    name = snapshot.post.name
    return Offer(
        post=snapshot.post,
        taken=snapshot.taken,
        disk_changed=snapshot.disk_changed(),
        exists=exists,
        diff=unified_diff(on_disk, snapshot.text, f"{name} (on disk)", f"{name} (unsaved)"),
        title=_title_of(snapshot.text),
    )


def _title_of(text: str) -> str:
    """The title in `text`'s front matter, on one line; "" when there is none that is text
    (or the front matter does not parse: the file name then names the post)."""
    title = Post(text).values.get("title")
    return " ".join(title.split()) if isinstance(title, str) else ""
