"""Each post's git status, read from `git status --porcelain=v2 -z`.

The porcelain v2 format is git's promise to scripts: stable across versions and locales, one
NUL-terminated record per path (two for a rename: the new path, then the old). We read it and
never look into `.git` ourselves.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from pathlib import Path

from editor.core.git.repository import Repository
from editor.core.git.runner import run_git


class Change(enum.Enum):
    """What git says of one path, as a writer reads it (the value is the list's word)."""

    CONFLICTED = "conflicted"  # a merge left it with both sides: first, it blocks a commit
    UNTRACKED = "untracked"  # git does not know it yet
    NEW = "new"  # added to the index, not in HEAD
    RENAMED = "renamed"
    MODIFIED = "modified"  # changed in the folder since the index
    STAGED = "staged"  # changed, and every change is in the index
    IGNORED = "ignored"

    @property
    def letter(self) -> str:
        """The one-letter mark a narrow column shows."""
        return {"untracked": "?", "ignored": "!"}.get(self.value, self.value[0].upper())


@dataclass(frozen=True)
class FileStatus:
    """One path's record: git's two-letter code (index, work tree; "??" untracked, "!!"
    ignored), the path (relative to the repository) and, for a rename, the old path."""

    code: str
    path: str
    original: str | None = None
    unmerged: bool = False

    @property
    def change(self) -> Change:
        index, tree = self.code[0], self.code[1]
        if self.unmerged:
            return Change.CONFLICTED
        if self.code == "??":
            return Change.UNTRACKED
        if self.code == "!!":
            return Change.IGNORED
        if index == "A":
            return Change.NEW
        if index in "RC":
            return Change.RENAMED
        if tree != ".":
            return Change.MODIFIED
        return Change.STAGED


@dataclass
class RepoStatus:
    """The status of a whole work tree: records by path, and where the branch stands."""

    files: dict[str, FileStatus] = field(default_factory=dict)
    branch: str | None = None  # None when HEAD is detached
    upstream: str | None = None
    ahead: int = 0  # commits not pushed yet
    behind: int = 0

    def for_folder(self, repo: Repository) -> dict[Path, Change]:
        """Each changed path inside the open folder, relative to it, with its change."""
        found = {}
        for record in self.files.values():
            inside = repo.to_folder(record.path)
            if inside is not None:
                found[inside] = record.change
        return found

    def conflicted(self) -> list[str]:
        """The paths a merge left in conflict, relative to the repository."""
        return sorted(p for p, record in self.files.items() if record.unmerged)


def parse_status(output: bytes) -> RepoStatus:
    """Read `git status --porcelain=v2 -z --branch` output."""
    status = RepoStatus()
    records = output.decode("utf-8", "surrogateescape").split("\0")
    position = 0
    while position < len(records):
        record = records[position]
        position += 1
        if not record:
            continue
        kind = record[0]
        if kind == "#":
            _read_header(status, record)
        elif kind == "1":
            fields = record.split(" ", 8)
            status.files[fields[8]] = FileStatus(fields[1], fields[8])
        elif kind == "2":
            fields = record.split(" ", 9)
            original = records[position]  # the rename's old path: the next record
            position += 1
            status.files[fields[9]] = FileStatus(fields[1], fields[9], original)
        elif kind == "u":
            fields = record.split(" ", 10)
            status.files[fields[10]] = FileStatus(fields[1], fields[10], unmerged=True)
        elif kind in "?!":
            status.files[record[2:]] = FileStatus(kind * 2, record[2:])
    return status


def _read_header(status: RepoStatus, record: str) -> None:
    name, _, value = record[2:].partition(" ")
    if name == "branch.head":
        status.branch = None if value == "(detached)" else value
    elif name == "branch.upstream":
        status.upstream = value
    elif name == "branch.ab":
        ahead, behind = value.split()
        status.ahead, status.behind = int(ahead), -int(behind)


def read_status(repo: Repository, ignored: bool = False) -> RepoStatus:
    """The work tree's status now (untracked files listed one by one, as posts are files)."""
    args = ["status", "--porcelain=v2", "-z", "--branch", "--untracked-files=all"]
    if ignored:
        args.append("--ignored")
    # Status only reads: no index refresh written back while the user's own git may run.
    result = run_git(repo.root, args, env={"GIT_OPTIONAL_LOCKS": "0"})
    return parse_status(result.stdout)
