"""What is on disk now: reads through the regular-file read, changes seen, recovery offers."""

from __future__ import annotations

import datetime as dt
import os

import pytest

from editor.core.document.post import Post
from editor.core.errors import PostError
from editor.core.session import Follow, disk_now, disk_text, follow, offer_of, pending_changes
from editor.core.storage.recovery import Snapshot

fifo_only = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")


def test_disk_text_replaces_bytes_that_are_not_utf8(tmp_path):
    path = tmp_path / "a.md"
    path.write_bytes(b"caf\xe9\n")
    assert disk_text(path) == "caf\ufffd\n"


@fifo_only
def test_a_named_pipe_is_refused_at_once_never_read(tmp_path):
    pipe = tmp_path / "post.md"
    os.mkfifo(pipe)
    with pytest.raises(PostError, match="named pipe"):
        disk_text(pipe)
    assert pending_changes(Post("x\n", pipe)).count("+x") == 1  # the whole text is new
    gone = disk_now(pipe, None).gone
    assert gone == "can no longer be read (this is a named pipe, not a post file)"
    snapshot = Snapshot(pipe, "text\n", dt.datetime(2026, 1, 1), "00", tmp_path / "s.json")
    offer = offer_of(snapshot)
    assert offer.exists and offer.disk_changed and "+text" in offer.diff


def test_disk_now_tells_unchanged_changed_and_gone(tmp_path):
    path = tmp_path / "a.md"
    path.write_text("---\ntitle: A\n---\n", encoding="utf-8")
    post = Post.read(path)
    assert disk_now(path, post.stamp).post is None and disk_now(path, post.stamp).gone is None
    assert disk_now(path, post.stamp, recheck=True).post.text == post.text  # type: ignore[union-attr]
    path.write_text("---\ntitle: B\n---\n", encoding="utf-8")
    changed = disk_now(path, post.stamp).post
    assert changed is not None and changed.values["title"] == "B"
    path.unlink()
    assert disk_now(path, post.stamp).gone == "was deleted or moved"
    path.mkdir()
    assert disk_now(path, post.stamp).gone == "was replaced by a folder"


@pytest.mark.parametrize(
    ("disk", "mine", "unsaved", "clean", "expected"),
    [
        ("same", "same", True, None, Follow.RELOAD),
        ("theirs", "mine", False, None, Follow.RELOAD_TOLD),
        ("theirs", "mine", True, "mine", Follow.RELOAD_TOLD),  # gone while clean, untouched
        ("theirs", "mine", True, "before", Follow.CONFLICT),
        ("theirs", "mine", True, None, Follow.CONFLICT),
    ],
)
def test_following_the_disk_keeps_unsaved_work(disk, mine, unsaved, clean, expected):
    assert follow(disk, mine, unsaved, clean) is expected


def test_an_offer_shows_the_file_against_the_unsaved_text(tmp_path):
    path = tmp_path / "a.md"
    path.write_text("old\n", encoding="utf-8")
    snapshot = Snapshot(path, "new\n", dt.datetime(2026, 1, 1), None, tmp_path / "s.json")
    offer = offer_of(snapshot)
    assert offer.exists and offer.disk_changed
    assert "-old" in offer.diff and "+new" in offer.diff
    gone = offer_of(Snapshot(tmp_path / "b.md", "x\n", dt.datetime(2026, 1, 1), None, path))
    assert not gone.exists and gone.disk_state == "gone from disk"


def test_an_offer_names_the_post_by_the_unsaved_title_else_by_its_file(tmp_path):
    def offer(text: str):
        snapshot = Snapshot(tmp_path / "a.md", text, dt.datetime(2026, 1, 1), None, tmp_path)
        return offer_of(snapshot)

    titled = offer("---\ntitle: 'Glaciers\n  in retreat'\n---\nBody.\n")
    assert (titled.title, titled.label) == ("Glaciers in retreat", "Glaciers in retreat")
    assert offer('+++\ntitle = "Toml"\n+++\n').label == "Toml"
    for untitled in ("No front matter.\n", "---\ntitle: [a, b]\n---\n", "---\n: : :\n---\n"):
        assert (offer(untitled).title, offer(untitled).label) == ("", "a.md")
