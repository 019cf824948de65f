"""Tests for editor/core/session/open_posts.py: a write to many posts leaves out the open ones
with unsaved changes and shows the new text in the others, on real files."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from editor.core.document import Post
from editor.core.session import EditSession, show_written, unsaved_among


@dataclass
class Tab:
    """An open post as a tab holds it (the window's tabs answer the same questions)."""

    session: EditSession
    modified: bool = False
    shown: list[str] = field(default_factory=list)

    @property
    def post(self) -> Post:
        return self.session.post

    def reload(self, post: Post) -> None:
        self.shown.append(post.text)


def _tab(path: Path, modified: bool = False) -> Tab:
    path.write_text("---\ntitle: Old\n---\nBody.\n", encoding="utf-8")
    return Tab(EditSession(Post.read(path)), modified)


def test_only_posts_with_unsaved_changes_are_left_out_however_their_paths_are_spelled(tmp_path):
    clean, dirty = _tab(tmp_path / "a.md"), _tab(tmp_path / "b.md", modified=True)
    spelled = tmp_path / "sub" / ".." / "b.md"
    (tmp_path / "sub").mkdir()
    assert unsaved_among([clean, dirty], [tmp_path / "a.md", spelled]) == {spelled}


def test_written_files_show_in_their_clean_tabs_only(tmp_path):
    clean, dirty = _tab(tmp_path / "a.md"), _tab(tmp_path / "b.md", modified=True)
    for name in ("a.md", "b.md"):
        (tmp_path / name).write_text("---\ntitle: New\n---\nBody.\n", encoding="utf-8")
    show_written([clean, dirty], [tmp_path / "a.md", tmp_path / "b.md"])
    assert clean.shown == ["---\ntitle: New\n---\nBody.\n"]
    assert dirty.shown == []  # the writer's text stays
