"""`set` when another program saves the post between set's read and its write: the same
changed-on-disk question the window asks (core/session), answered by set's flags."""

from __future__ import annotations

from pathlib import Path

from editor.core.document.post import Post


def test_set_leaves_a_post_another_program_changed_meanwhile(run, write, tmp_path, monkeypatch):
    """The window's "changed on disk" question, answered by the flags: no flag says to
    overwrite, so the other program's version stays and the post counts as failed."""
    path = write(tmp_path / "post.md", "---\ntitle: Mine\n---\n")
    theirs = "---\ntitle: Theirs\n---\n"
    read = Post.read

    def read_then_changed(path: Path) -> Post:
        post = read(path)
        path.write_text(theirs, encoding="utf-8")  # an editor saves just after the read
        return post

    monkeypatch.setattr(Post, "read", staticmethod(read_then_changed))
    ran = run("set", path, "--field", "title=New")
    assert ran.rc == 1 and path.read_text(encoding="utf-8") == theirs
    refused = "the file changed on disk since it was opened; save again to overwrite it"
    assert ran.err_lines == [
        f"post-editor: {path}: {refused}",
        "post-editor: changed 0 posts, 1 failed",
    ]
