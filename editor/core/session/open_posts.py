"""What a write to many posts (a tag renamed everywhere, one field edited in many posts) owes
the posts the writer has open: a post with unsaved changes is left out (its text is the
writer's, newer than the file), and an unchanged one shows the file's new text."""

from __future__ import annotations

import contextlib
from collections.abc import Iterable
from pathlib import Path
from typing import Protocol

from editor.core.document import Post
from editor.core.errors import PostError
from editor.core.session.edit_session import EditSession


class OpenPost(Protocol):
    """What of an open post's tab these rules use: its post, whether it has unsaved changes,
    its edit session (to read the file again), and a way to show a new text."""

    @property
    def post(self) -> Post: ...

    @property
    def modified(self) -> bool: ...

    @property
    def session(self) -> EditSession: ...

    def reload(self, post: Post) -> None: ...


def _key(path: Path) -> str:
    return str(path.resolve())  # one file however its path is spelled


def unsaved_among(posts: Iterable[OpenPost], paths: Iterable[Path]) -> set[Path]:
    """Those of `paths` open in `posts` with unsaved changes."""
    unsaved = {_key(p.post.path) for p in posts if p.modified and p.post.path}
    return {path for path in paths if _key(path) in unsaved}


def show_written(posts: Iterable[OpenPost], written: Iterable[Path]) -> None:
    """Show the new text of each open post without unsaved changes whose file was written;
    one changed meanwhile is left to the disk watch, which keeps its text and offers to
    compare, as is one the app cannot read again."""
    keys = {_key(path) for path in written}
    for post in posts:
        if post.post.path and _key(post.post.path) in keys and not post.modified:
            with contextlib.suppress(PostError):
                post.reload(post.session.read_disk())
