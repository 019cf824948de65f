"""A post's history: the commits that changed it, following renames, and its text at each.

`git log --follow --name-status` gives, for each commit, the path the file had there, so a
post renamed from `2024-draft.md` to `hello.md` still shows the commits made under its old
name, and `git show <commit>:<path>` reads each version with the right path.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from editor.core.document.text_diff import unified_diff
from editor.core.git.repository import Repository
from editor.core.git.runner import run_git

# Fields of one commit in the log: \x01 opens a commit (no subject holds it), \0 parts it.
_FORMAT = "%x01%H%x00%an%x00%aI%x00%s"


@dataclass(frozen=True)
class Commit:
    """One commit that changed the post: who, when, what it said, and the post's path (relative
    to the repository) in it; `status` is git's letter (A added, M modified, R renamed, D
    deleted)."""

    hash: str
    author: str
    date: str  # ISO 8601, as git gives it
    subject: str
    path: str
    status: str

    @property
    def short(self) -> str:
        return self.hash[:8]


def file_history(repo: Repository, path: Path, limit: int = 500) -> list[Commit]:
    """The commits that changed `path` (relative to the folder, or absolute), newest first."""
    args = ["log", "--follow", f"--max-count={limit}", f"--format={_FORMAT}", "--name-status"]
    result = run_git(repo.root, [*args, "-z", "--", repo.to_git(path)])
    return parse_log(result.out)


def parse_log(output: str) -> list[Commit]:
    """Read the output of `git log --format=_FORMAT --name-status -z`."""
    commits = []
    for chunk in output.split("\x01")[1:]:
        head, _, changes = chunk.partition("\n")
        fields = head.split("\0")
        if len(fields) < 4:
            continue
        parts = [part for part in changes.split("\0") if part]
        status, path = _last_path(parts)
        commits.append(Commit(fields[0], fields[1], fields[2], fields[3], path, status))
    return commits


def _last_path(parts: list[str]) -> tuple[str, str]:
    """The status letter and the file's path in this commit: a rename's new name."""
    if not parts:
        return "", ""
    letter = parts[0][:1]
    return letter, parts[-1]


def text_at(repo: Repository, commit: Commit) -> str:
    """The post's text as `commit` left it (empty when the commit deleted it)."""
    if commit.status == "D":
        return ""
    result = run_git(repo.root, ["show", f"{commit.hash}:{commit.path}"])
    return result.stdout.decode("utf-8", "replace")


def commit_diff(repo: Repository, history: list[Commit], index: int) -> str:
    """The diff `history[index]` made to the post, from the version before it (the next
    older commit in the list, under whatever name the post had then)."""
    commit = history[index]
    after = text_at(repo, commit)
    older = history[index + 1] if index + 1 < len(history) else None
    before = text_at(repo, older) if older is not None else ""
    old_name = f"a/{older.path}" if older is not None else "/dev/null"  # as git names it
    return unified_diff(before, after, old_name, f"b/{commit.path}")


def text_at_head(repo: Repository, path: Path) -> str | None:
    """The post's text in the last commit; None when it is not in HEAD (new, or no commit)."""
    result = run_git(repo.root, ["show", f"HEAD:{repo.to_git(path)}"], check=False)
    if result.returncode != 0:
        return None
    return result.stdout.decode("utf-8", "replace")
