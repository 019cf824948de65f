"""A post's history follows its renames; each version reads back; each diff is its commit's."""

from __future__ import annotations

from pathlib import Path

from gitrepos import git, make_repo, post, write

from editor.core.git import commit_diff, file_history, find_repository, text_at, text_at_head

BODY = "".join(f"Line {n} of a body long enough for git to see a rename.\n" for n in range(12))


def test_history_follows_a_rename_and_reads_each_version(tmp_path: Path) -> None:
    site = make_repo(tmp_path / "site", {"posts/draft idea.md": post("Draft", BODY)})
    git(site, "mv", "posts/draft idea.md", "posts/hello wörld.md")
    git(site, "commit", "-qm", "Rename the draft")
    write(site / "posts/hello wörld.md", post("Hello", BODY))
    git(site, "commit", "-qam", "Update post: Hello")
    write(site / "posts/other.md", post("Other"))
    git(site, "add", "--all")
    git(site, "commit", "-qm", "Add post: Other")

    repo = find_repository(site / "posts")
    assert repo is not None
    history = file_history(repo, Path("hello wörld.md"))
    assert [c.subject for c in history] == ["Update post: Hello", "Rename the draft", "First posts"]
    assert [c.path for c in history] == ["posts/hello wörld.md"] * 2 + ["posts/draft idea.md"]
    assert [c.status for c in history] == ["M", "R", "A"]
    assert history[0].author == "Ada Writer"
    assert text_at(repo, history[2]) == post("Draft", BODY)
    assert text_at(repo, history[0]) == post("Hello", BODY)

    change = commit_diff(repo, history, 0)
    assert "-title: Draft\n+title: Hello\n" in change
    assert commit_diff(repo, history, 1) == ""  # a pure rename changes no line
    assert commit_diff(repo, history, 2).startswith("--- /dev/null\n+++ b/posts/draft idea.md\n")


def test_text_at_head_is_none_for_a_post_not_committed(tmp_path: Path) -> None:
    site = make_repo(tmp_path / "site", {"a.md": post("A")})
    write(site / "b.md", post("B"))
    repo = find_repository(site)
    assert repo is not None
    assert text_at_head(repo, Path("a.md")) == post("A")
    assert text_at_head(repo, Path("b.md")) is None
