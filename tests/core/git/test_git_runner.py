"""run_git: git's output, its errors in its own words, git missing said clearly."""

from __future__ import annotations

from pathlib import Path

import pytest
from gitrepos import make_repo

from editor.core.git import GitError, GitMissing, parse_progress, run_git


def test_run_git_returns_output_and_raises_with_gits_words(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "site", {"a.md": "a\n"})
    assert run_git(repo, ["rev-parse", "--show-toplevel"]).out.strip() == str(repo.resolve())
    with pytest.raises(GitError, match="unknown revision"):
        run_git(repo, ["log", "no-such-branch"])


def test_git_missing_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # a PATH with no git on it
    with pytest.raises(GitMissing, match="git is not installed"):
        run_git(tmp_path, ["status"])


def test_progress_lines_are_read() -> None:
    assert parse_progress("Writing objects:  45% (9/20)") == ("Writing objects", 45)
    assert parse_progress("remote: Counting objects: 100% (3/3), done.") == (
        "Counting objects",
        100,
    )
    assert parse_progress("To /tmp/bare.git") is None
