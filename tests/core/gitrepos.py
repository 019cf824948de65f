"""Real git repositories in temporary folders for the git tests: a work tree with a first
commit, a bare repository as its remote, and a second clone of it (another machine)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from unavailable import unavailable

IDENTITY = {
    "GIT_AUTHOR_NAME": "Ada Writer",
    "GIT_AUTHOR_EMAIL": "ada@example.org",
    "GIT_COMMITTER_NAME": "Ada Writer",
    "GIT_COMMITTER_EMAIL": "ada@example.org",
}


def need_git() -> None:
    if shutil.which("git") is None:
        unavailable("git is not installed")


def git(repo: Path, *args: str) -> str:
    """Run git as a user would in a terminal (the test's hand, not the code under test)."""
    done = subprocess.run(
        ["git", "-C", str(repo), "-c", "init.defaultBranch=main", *args],
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout


def git_fails(repo: Path, *args: str) -> bool:
    """Run git, expecting it may fail (a merge that stops at a conflict): whether it did."""
    done = subprocess.run(["git", "-C", str(repo), *args], capture_output=True, check=False)
    return done.returncode != 0


def make_repo(path: Path, files: dict[str, str] | None = None) -> Path:
    """A work tree at `path` with `files` committed as its first commit."""
    need_git()
    path.mkdir(parents=True, exist_ok=True)
    git(path, "init", "-q")
    configure(path)
    for name, text in (files or {}).items():
        write(path / name, text)
    if files:
        git(path, "add", "--all")
        git(path, "commit", "-q", "-m", "First posts")
    return path


def configure(path: Path) -> None:
    for key, value in (("user.name", "Ada Writer"), ("user.email", "ada@example.org")):
        git(path, "config", key, value)


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def with_remote(work: Path, bare: Path) -> Path:
    """Give `work` a bare remote `origin` holding its commits, the branch tracking it."""
    git(bare.parent, "init", "-q", "--bare", str(bare))
    git(bare, "symbolic-ref", "HEAD", "refs/heads/main")
    git(work, "remote", "add", "origin", str(bare))
    git(work, "push", "-q", "-u", "origin", "main")
    return bare


def clone(bare: Path, path: Path) -> Path:
    git(bare.parent, "clone", "-q", str(bare), str(path))
    configure(path)
    return path


def post(title: str, body: str = "Some words.\n") -> str:
    return f"---\ntitle: {title}\n---\n{body}"
