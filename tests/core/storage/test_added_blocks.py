"""Tests for editor/core/storage/added_blocks.py, through Post: a block we added to a file with no
front
matter goes again with its last field, also when each step is saved on its own (as two `set`
runs do); a block a writer made stays, even emptied. Files are compared whole, as bytes."""

from __future__ import annotations

from pathlib import Path

import pytest

from editor.core.document.post import Post
from editor.core.storage import added_blocks

NO_BLOCK = "# Just Markdown\n\nNo front matter at all.\n"
BOM_CRLF = "\ufeff# Notes\r\n\r\nWritten on Windows.\r\n"
EMPTY_BLOCK = "---\n---\nA page Jekyll renders because of its empty block.\n"
ONE_KEY = "---\ntitle: About\n---\nA page with one field.\n"


def saved(path: Path, edit) -> bytes:
    """Read the post, edit it, save it: one run of `set`, or one window session."""
    edit(Post.read(path)).save()
    return path.read_bytes()


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "post.md"
    path.write_bytes(text.encode())
    return path


@pytest.mark.parametrize("text", [NO_BLOCK, BOM_CRLF, ""])
def test_a_block_added_then_emptied_in_two_saves_goes_again(tmp_path, text):
    path = write(tmp_path, text)
    added = saved(path, lambda p: p.with_value("probe", 1))
    assert added.decode().lstrip("\ufeff").startswith("---")
    assert saved(path, lambda p: p.without("probe")) == text.encode()


def test_a_block_added_over_several_saves_goes_with_its_last_field(tmp_path):
    path = write(tmp_path, NO_BLOCK)
    saved(path, lambda p: p.with_value("title", "Notes"))
    saved(path, lambda p: p.with_value("author", "Ann").with_body("Changed.\n"))
    saved(path, lambda p: p.without("title"))
    assert saved(path, lambda p: p.without("author")) == b"Changed.\n"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (EMPTY_BLOCK, EMPTY_BLOCK),  # added to an empty block, taken out: the block stays
        (ONE_KEY, "---\n---\nA page with one field.\n"),  # a writer's block, emptied: stays
    ],
)
def test_a_block_a_writer_made_stays_when_emptied(tmp_path, text, expected):
    path = write(tmp_path, text)
    saved(path, lambda p: p.with_value("probe", 1))
    saved(path, lambda p: p.without("probe"))
    assert saved(path, lambda p: p.without("title")) == expected.encode()


def test_an_untouched_empty_block_is_never_touched(tmp_path):
    path = write(tmp_path, EMPTY_BLOCK)
    post = Post.read(path)
    assert post.without("probe") is post
    assert saved(path, lambda p: p.with_body(p.body)) == EMPTY_BLOCK.encode()


def test_a_block_we_added_stays_once_another_tool_changed_the_file(tmp_path):
    path = write(tmp_path, NO_BLOCK)
    saved(path, lambda p: p.with_value("probe", 1))
    path.write_bytes(path.read_bytes() + b"Added by another editor.\n")
    assert saved(path, lambda p: p.without("probe")) == (
        b"---\n---\n" + NO_BLOCK.encode() + b"Added by another editor.\n"
    )


def test_without_a_state_folder_that_can_be_written_the_block_just_stays(tmp_path, monkeypatch):
    blocked = tmp_path / "state"
    blocked.write_text("a file where the state folder should be")
    monkeypatch.setenv("XDG_STATE_HOME", str(blocked))
    path = write(tmp_path, NO_BLOCK)
    saved(path, lambda p: p.with_value("probe", 1))  # the save itself works
    assert saved(path, lambda p: p.without("probe")) == b"---\n---\n" + NO_BLOCK.encode()


def test_a_note_holds_a_digest_of_the_saved_bytes_and_goes_with_the_block(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    path = write(tmp_path, NO_BLOCK)
    saved(path, lambda p: p.with_value("probe", 1))
    (note,) = added_blocks.folder().iterdir()
    assert len(note.read_text()) == 64 and "post" not in note.name  # no file name in it
    assert added_blocks.was_added(path, path.read_text(encoding="utf-8"))
    saved(path, lambda p: p.without("probe"))
    assert list(added_blocks.folder().iterdir()) == []
