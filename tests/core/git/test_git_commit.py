"""Committing chosen posts: only those, hooks run, a refusing hook's output is the message."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from gitrepos import git, make_repo, post, write

from editor.core.git import (
    Change,
    HookFailed,
    commit_paths,
    find_repository,
    read_status,
    suggested_message,
)


def test_the_message_is_prefilled_from_titles() -> None:
    assert suggested_message(["Hello"], []) == "Add post: Hello"
    assert suggested_message([], ["Hello"]) == "Update post: Hello"
    assert suggested_message([], ["A", "B", "C"]) == "Update 3 posts"
    assert suggested_message(["A"], ["B", "C"]) == "Add 1 post, update 2 posts"


def test_commit_takes_only_the_chosen_posts(tmp_path: Path) -> None:
    site = make_repo(tmp_path / "site", {"a.md": post("A"), "b.md": post("B"), "c.md": post("C")})
    write(site / "a.md", post("A2"))
    write(site / "b.md", post("B2"))
    (site / "c.md").unlink()
    write(site / "new post.md", post("New"))
    repo = find_repository(site)
    assert repo is not None
    commit_paths(repo, [Path("a.md"), Path("c.md"), Path("new post.md")], "Update 3 posts")
    assert git(site, "log", "-1", "--format=%s").strip() == "Update 3 posts"
    shown = git(site, "show", "--no-renames", "--name-status", "--format=", "HEAD").split("\n")
    assert sorted(filter(None, shown)) == ["A\tnew post.md", "D\tc.md", "M\ta.md"]
    assert read_status(repo).for_folder(repo) == {Path("b.md"): Change.MODIFIED}


def test_a_failing_hook_refuses_and_its_output_is_shown(tmp_path: Path) -> None:
    site = make_repo(tmp_path / "site", {"a.md": post("A")})
    hook = site / ".git" / "hooks" / "pre-commit"
    hook.write_text("#!/bin/sh\necho 'a.md:2: error: title: too short' >&2\nexit 1\n")
    hook.chmod(hook.stat().st_mode | stat.S_IXUSR)
    write(site / "a.md", post("B"))
    repo = find_repository(site)
    assert repo is not None
    with pytest.raises(HookFailed, match=r"a\.md:2: error: title: too short"):
        commit_paths(repo, [Path("a.md")], "Update post: B")
    assert git(site, "rev-list", "--count", "HEAD").strip() == "1"  # nothing committed
    hook.write_text("#!/bin/sh\nexit 0\n")
    commit_paths(repo, [Path("a.md")], "Update post: B")
    assert git(site, "rev-list", "--count", "HEAD").strip() == "2"
