"""Pull and push: the folder's commits to and from its remote, with progress.

A pull merges (`--no-rebase`): writers on two machines both commit, and a merge keeps both
sides without rewriting the commits they already pushed; a fast-forward is what it does when
only one side moved. A merge that leaves conflicts reports the conflicted paths, and the
conflict view takes over. Credentials go through git's own helpers; where git still has to
ask, the caller's askpass program asks the writer. When the remote is out of reach or refuses
a push, the message says so and the commits stay, for a later push.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from editor.core.git.repository import Repository
from editor.core.git.runner import GitError, GitResult, run_git, stream_git
from editor.core.git.status import read_status

Progress = Callable[[str, int], None]

NETWORK_TIMEOUT = 600.0

# What git says → what the writer is told (the first match wins); git's words follow.
_UNREACHABLE = (
    "could not read from remote repository",
    "does not appear to be a git repository",
    "could not resolve host",
    "unable to access",
    "connection refused",
    "connection timed out",
    "network is unreachable",
    "authentication failed",
    "terminal prompts disabled",
)


class RemoteError(GitError):
    """The remote could not be reached or refused; nothing local was lost."""


@dataclass
class PullResult:
    """What a pull did: whether it merged anything, and the paths left in conflict
    (relative to the repository)."""

    summary: str
    conflicted: list[str] = field(default_factory=list)


def remote_of(repo: Repository) -> str | None:
    """The remote to use: the branch's upstream's, else `origin`, else the only one."""
    status = read_status(repo)
    if status.upstream:
        return status.upstream.split("/", 1)[0]
    remotes = run_git(repo.root, ["remote"]).out.split()
    if "origin" in remotes:
        return "origin"
    return remotes[0] if len(remotes) == 1 else None


def pull(repo: Repository, progress: Progress, askpass: str | None = None) -> PullResult:
    """Fetch and merge the branch's upstream. Conflicts are a result, not an error."""
    status = read_status(repo)
    remote = remote_of(repo)
    if remote is None:
        raise RemoteError("this repository has no remote to pull from")
    args = ["pull", "--progress", "--no-rebase", "--no-edit", remote]
    if not status.upstream and status.branch:
        args.append(status.branch)  # no upstream set: the same name on the remote
    result = stream_git(repo.root, args, progress, askpass, NETWORK_TIMEOUT)
    conflicted = read_status(repo).conflicted()
    if conflicted:
        return PullResult(f"Pulled with {len(conflicted)} conflicted file(s)", conflicted)
    if result.returncode != 0:
        raise _remote_error("pull", remote, result)
    said = result.out.strip().splitlines()
    up_to_date = bool(said) and said[0].startswith("Already up to date")
    return PullResult("Already up to date" if up_to_date else "Pulled the remote's changes")


def push(repo: Repository, progress: Progress, askpass: str | None = None) -> str:
    """Push the current branch to its upstream (set it, the first time); a summary."""
    status = read_status(repo)
    remote = remote_of(repo)
    if remote is None:
        raise RemoteError("this repository has no remote to push to")
    if status.branch is None:
        raise RemoteError("no branch to push: HEAD is detached")
    args = ["push", "--progress", "--porcelain", remote, f"HEAD:refs/heads/{status.branch}"]
    if not status.upstream:
        args.insert(2, "--set-upstream")
    result = stream_git(repo.root, args, progress, askpass, NETWORK_TIMEOUT)
    if result.returncode != 0:
        raise _remote_error("push", remote, result)
    if "[up to date]" in result.out:
        return "Nothing to push: the remote has every commit"
    return f"Pushed to {remote}"


def _remote_error(verb: str, remote: str, result: GitResult) -> RemoteError:
    said = "\n".join(line for line in (result.err + "\n" + result.out).splitlines() if line.strip())
    low = said.lower()
    kept = "Your commits are kept here; push again later." if verb == "push" else ""
    if "[rejected]" in low or "non-fast-forward" in low or "fetch first" in low:
        head = f"The remote ‘{remote}’ has commits you do not have: pull first, then push."
    elif "would be overwritten" in low:
        head = "Your unsaved or uncommitted changes would be overwritten: commit them first."
    elif "not possible to fast-forward" in low or "divergent" in low:
        head = "Your branch and the remote's have both moved on and could not be merged."
    elif any(mark in low for mark in _UNREACHABLE):
        head = f"Could not reach the remote ‘{remote}’ (offline, or not allowed)."
    else:
        head = f"git {verb} failed."
    return RemoteError("\n".join(part for part in (head, kept, said) if part))
