"""run_git: git's output, its errors in its own words, git missing said clearly."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from gitrepos import make_repo

from editor.core.git import GitError, GitMissing, askpass_script, parse_progress, run_git


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


def test_the_askpass_script_answers_for_git(tmp_path: Path) -> None:
    # A stand-in for the dialog: a command that prints what the writer would type.
    script = askpass_script(["printf", "%s|secret"])
    done = subprocess.run([script, "Password for 'https://example.org': "], capture_output=True)
    assert done.stdout == b"Password for 'https://example.org': |secret"
    assert askpass_script(["printf", "%s|secret"]) == script  # the same script, kept
