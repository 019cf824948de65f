"""The conflict view on a real repository: two clones of a bare remote, a pull that left a
post in conflict, resolved key by key and marked resolved; git then holds it resolved."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from editor.ui.git.conflict_dialog import ConflictDialog

POST = Path("content/posts/hello.md")
BASE = (
    "---\n"
    "title: Hello\n"
    "date: 2024-01-02\n"
    "tags: [one, two]\n"
    "summary: The first post\n"
    "---\n"
    "A first line.\n\nA second line.\n"
)


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Git with no user config of the machine's, and an author."""
    for key, value in {
        "HOME": str(tmp_path),
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_AUTHOR_NAME": "Writer",
        "GIT_AUTHOR_EMAIL": "writer@example.org",
        "GIT_COMMITTER_NAME": "Writer",
        "GIT_COMMITTER_EMAIL": "writer@example.org",
    }.items():
        monkeypatch.setenv(key, value)


def git(cwd: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["git", *args], cwd=cwd, capture_output=True, text=True, check=check, env=os.environ
    )


def edit(repo: Path, old: str, new: str) -> None:
    path = repo / POST
    text = path.read_bytes().decode()
    assert old in text
    path.write_bytes(text.replace(old, new, 1).encode())


@pytest.fixture
def conflicted(env, tmp_path: Path) -> Path:
    """The writer's clone after a pull that conflicts on the title and the tags (both sides)
    and merges the summary (theirs) and the date (ours) cleanly."""
    remote, mine, other = tmp_path / "remote.git", tmp_path / "mine", tmp_path / "other"
    git(tmp_path, "init", "-q", "--bare", "-b", "main", str(remote))
    git(tmp_path, "clone", "-q", str(remote), str(mine))
    git(mine, "checkout", "-q", "-b", "main")
    (mine / POST).parent.mkdir(parents=True)
    (mine / POST).write_bytes(BASE.encode())
    git(mine, "add", ".")
    git(mine, "commit", "-q", "-m", "Add post: Hello")
    git(mine, "push", "-q", "origin", "main")
    git(tmp_path, "clone", "-q", "-b", "main", str(remote), str(other))
    edit(other, "title: Hello\n", "title: 'Hello, world'\n")
    edit(other, "tags: [one, two]\n", "tags: [one, two, theirs]\n")
    edit(other, "summary: The first post\n", "summary: The very first post\n")
    git(other, "commit", "-q", "-am", "Update post: Hello, world")
    git(other, "push", "-q", "origin", "main")
    edit(mine, "title: Hello\n", "title: Hello there\n")
    edit(mine, "tags: [one, two]\n", "tags: [one, two, mine]\n")
    edit(mine, "date: 2024-01-02\n", "date: 2024-01-03\n")
    git(mine, "commit", "-q", "-am", "Update post: Hello there")
    pulled = git(mine, "pull", "--no-rebase", "-q", "origin", "main", check=False)
    assert pulled.returncode != 0
    assert git(mine, "status", "--porcelain=v2").stdout.startswith("u ")
    return mine


def test_resolving_key_by_key_writes_the_choices_and_marks_the_post_resolved(qtbot, conflicted):
    dialog = ConflictDialog(conflicted, POST)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert [c.key for c in dialog.result.key_conflicts] == ["title", "tags"]
    assert not dialog.result.body_conflicted
    theirs_title = dialog.findChild(type(dialog.sides["title"]["theirs"]), "theirs:title")
    assert "'Hello, world'" in theirs_title.text()
    qtbot.mouseClick(theirs_title, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.sides["tags"]["ours"], Qt.MouseButton.LeftButton)
    assert dialog.chosen() == {"title": "theirs", "tags": "ours"}
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(dialog.resolve, Qt.MouseButton.LeftButton)
    assert (conflicted / POST).read_bytes() == (
        b"---\n"
        b"title: 'Hello, world'\n"
        b"date: 2024-01-03\n"
        b"tags: [one, two, mine]\n"
        b"summary: The very first post\n"
        b"---\n"
        b"A first line.\n\nA second line.\n"
    )
    status = git(conflicted, "status", "--porcelain=v2").stdout
    assert status == f"1 M. N... 100644 100644 100644 {_blobs(conflicted)} {POST.as_posix()}\n"
    git(conflicted, "commit", "-q", "--no-edit")
    assert git(conflicted, "status", "--porcelain").stdout == ""


def _blobs(repo: Path) -> str:
    """The HEAD and index object names of the post, as `status --porcelain=v2` shows them."""
    head = git(repo, "rev-parse", f"HEAD:{POST.as_posix()}").stdout.strip()
    index = git(repo, "rev-parse", f":0:{POST.as_posix()}").stdout.strip()
    return f"{head} {index}"


def body_conflict(repo: Path, text: str) -> Path:
    """A repository at `repo` whose merge of a branch left `text`'s second line in conflict
    (both sides changed it)."""
    git(repo.parent, "init", "-q", "-b", "main", str(repo))
    git(repo, "config", "core.autocrlf", "false")
    (repo / POST).parent.mkdir(parents=True)
    (repo / POST).write_bytes(text.encode())
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "Add post")
    git(repo, "checkout", "-q", "-b", "other")
    edit(repo, "A second line.", "A second line, theirs.")
    git(repo, "commit", "-q", "-am", "Theirs")
    git(repo, "checkout", "-q", "main")
    edit(repo, "A second line.", "A second line, ours.")
    git(repo, "commit", "-q", "-am", "Ours")
    assert git(repo, "merge", "-q", "other", check=False).returncode != 0
    return repo


def test_a_body_conflict_shows_the_markers_for_the_writer_to_edit_out(qtbot, env, tmp_path):
    repo = body_conflict(tmp_path / "repo", BASE)
    dialog = ConflictDialog(repo, POST)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.result.body_conflicted and dialog.result.key_conflicts == ()
    assert "<<<<<<< ours\nA second line, ours.\n" in dialog.body.toPlainText()
    dialog.body.setPlainText("A first line.\n\nA second line, both.\n")
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(dialog.resolve, Qt.MouseButton.LeftButton)
    assert (repo / POST).read_text() == BASE.replace("A second line.", "A second line, both.")
    assert git(repo, "diff", "--name-only", "--diff-filter=U").stdout == ""


def test_a_crlf_post_keeps_its_line_breaks_through_the_body_editor(qtbot, env, tmp_path):
    crlf = BASE.replace("\n", "\r\n")
    repo = body_conflict(tmp_path / "repo", crlf)
    dialog = ConflictDialog(repo, POST)
    qtbot.addWidget(dialog)
    dialog.body.setPlainText("A first line.\n\nA second line, both.\n")
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(dialog.resolve, Qt.MouseButton.LeftButton)
    both = crlf.replace("A second line.", "A second line, both.")
    assert (repo / POST).read_bytes() == both.encode()
