"""Push to a bare remote, pull another clone's change, and the remote out of reach."""

from __future__ import annotations

from pathlib import Path

import pytest
from gitrepos import clone, git, make_repo, post, with_remote, write

from editor.core.git import (
    GitError,
    RemoteError,
    commit_paths,
    find_repository,
    pull,
    push,
    read_status,
    stream_git,
)


def test_push_then_pull_a_change_made_in_another_clone(tmp_path: Path) -> None:
    work = make_repo(tmp_path / "work", {"a.md": post("A")})
    bare = with_remote(work, tmp_path / "remote.git")
    repo = find_repository(work)
    assert repo is not None
    write(work / "a.md", post("A2"))
    commit_paths(repo, [Path("a.md")], "Update post: A2")
    seen: list[tuple[str, int]] = []
    assert push(repo, lambda stage, percent: seen.append((stage, percent))) == "Pushed to origin"
    assert git(bare, "log", "-1", "--format=%s", "main").strip() == "Update post: A2"
    assert ("Writing objects", 100) in seen
    assert push(repo, lambda *_: None).startswith("Nothing to push")

    other = clone(bare, tmp_path / "other")
    write(other / "b.md", post("B"))
    git(other, "add", "b.md")
    git(other, "commit", "-qm", "Add post: B")
    git(other, "push", "-q")
    result = pull(repo, lambda *_: None)
    assert result.conflicted == []
    assert (work / "b.md").read_text() == post("B")
    assert pull(repo, lambda *_: None).summary == "Already up to date"


def test_a_pull_that_conflicts_reports_the_paths(tmp_path: Path) -> None:
    work = make_repo(tmp_path / "work", {"p.md": post("One")})
    bare = with_remote(work, tmp_path / "remote.git")
    other = clone(bare, tmp_path / "other")
    write(other / "p.md", post("Two"))
    git(other, "commit", "-qam", "Theirs")
    git(other, "push", "-q")
    write(work / "p.md", post("Three"))
    git(work, "commit", "-qam", "Ours")
    repo = find_repository(work)
    assert repo is not None
    assert pull(repo, lambda *_: None).conflicted == ["p.md"]


def test_a_rejected_push_keeps_the_commit_and_says_pull_first(tmp_path: Path) -> None:
    work = make_repo(tmp_path / "work", {"a.md": post("A")})
    bare = with_remote(work, tmp_path / "remote.git")
    other = clone(bare, tmp_path / "other")
    write(other / "b.md", post("B"))
    git(other, "add", "b.md")
    git(other, "commit", "-qm", "Theirs")
    git(other, "push", "-q")
    write(work / "a.md", post("A2"))
    git(work, "commit", "-qam", "Ours")
    repo = find_repository(work)
    assert repo is not None
    with pytest.raises(RemoteError, match="pull first, then push") as raised:
        push(repo, lambda *_: None)
    assert "Your commits are kept here" in str(raised.value)
    assert read_status(repo).ahead == 1


def test_an_unreachable_remote_is_a_clear_message(tmp_path: Path) -> None:
    work = make_repo(tmp_path / "work", {"a.md": post("A")})
    git(work, "remote", "add", "origin", str(tmp_path / "gone.git"))
    repo = find_repository(work)
    assert repo is not None
    with pytest.raises(RemoteError, match="Could not reach the remote ‘origin’"):
        push(repo, lambda *_: None)
    with pytest.raises(RemoteError, match="Could not reach the remote ‘origin’"):
        pull(repo, lambda *_: None)
    assert git(work, "log", "--format=%s").strip() == "First posts"


def test_a_long_output_on_standard_output_does_not_stop_a_streamed_command(tmp_path: Path) -> None:
    work = make_repo(tmp_path / "work", {"big.txt": "a line of text\n" * 40_000})  # 600 KB
    said = stream_git(work, ["show", "HEAD:big.txt"], lambda stage, percent: None, timeout=60)
    assert said.returncode == 0 and len(said.stdout) == 600_000


def test_a_stalled_streamed_command_is_stopped_at_its_timeout(tmp_path: Path) -> None:
    work = make_repo(tmp_path / "work", {"a.md": "x\n"})
    with pytest.raises(GitError, match="took longer than"):
        stream_git(work, ["-c", "alias.stall=!sleep 2", "stall"], lambda s, p: None, timeout=0.3)
