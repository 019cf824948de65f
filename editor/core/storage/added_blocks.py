"""Posts whose front-matter block we added: removing their last field takes the block away again.

A file with no front matter keeps none once its fields are removed. Within one editing session
the post's original text tells; across saves (`set --field a=b`, later `set --unset a`) the file
alone cannot tell a block we added from an empty one a writer keeps on purpose: Jekyll renders a
file that has a `---` block, even an empty one, and copies one without it as it is. So, as vim's
`undofile` keeps a file's undo history beside it and uses it only while the file's text hash
still matches, we keep a note per post file in the user's state folder: the SHA-256 of the bytes
saved while the block was ours. A later removal of the last field drops the block only if the
file is still exactly those bytes; a file anything else has changed keeps its block.

The note is a convenience, never a condition of a save: when it cannot be written or read (a
read-only home), the block simply stays, as a block a writer made would.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
from pathlib import Path
from typing import TYPE_CHECKING

from editor.core import lazy_module

if TYPE_CHECKING:
    import platformdirs
else:  # loaded where a note is read or written (an edit), not where a post is only read
    platformdirs = lazy_module("platformdirs")


def folder() -> Path:
    """Where the notes are kept (`$XDG_STATE_HOME/post-editor/added-front-matter` on Linux)."""
    return platformdirs.user_state_path("post-editor") / "added-front-matter"


def _note(post: Path) -> Path:
    key = os.path.normcase(os.path.realpath(post))
    return folder() / hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def was_added(post: Path | None, text: str) -> bool:
    """Whether `text` is what we last saved to `post` while its block was one we added."""
    if post is None:
        return False
    try:
        return _note(post).read_text(encoding="ascii").strip() == _digest(text)
    except (OSError, UnicodeDecodeError):
        return False


def note_save(post: Path, text: str, added: bool) -> None:
    """After `text` was saved to `post`: remember it when its block is one we added, else
    forget the post (its block, if any, is the writer's now)."""
    note = _note(post)
    with contextlib.suppress(OSError):
        if not added:
            note.unlink(missing_ok=True)
            return
        note.parent.mkdir(parents=True, exist_ok=True)
        # No fsync: a note lost in a crash only means the block stays, as a writer's would.
        temp = note.with_name(f".{note.name}.{os.getpid()}.tmp")
        temp.write_text(_digest(text), encoding="ascii")
        os.replace(temp, note)
