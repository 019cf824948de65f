"""Committing posts from the window: stage the chosen paths, commit them with a message.

Hooks run as they do in a terminal (never `--no-verify`): a site's pre-commit check is the
writer's own rule. When one fails, its output is the error's message, whole.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from editor.core.git.repository import Repository
from editor.core.git.runner import GitError, run_git

# Hooks may run a site's build or a linter: more time than a plain commit needs.
COMMIT_TIMEOUT = 600.0


class HookFailed(GitError):
    """A hook (pre-commit, commit-msg...) refused the commit; the message is its output."""


def suggested_message(added: Sequence[str], updated: Sequence[str]) -> str:
    """A first line from the posts' titles: "Add post: T", "Update post: T", or counts."""
    if len(added) == 1 and not updated:
        return f"Add post: {added[0]}"
    if len(updated) == 1 and not added:
        return f"Update post: {updated[0]}"
    parts = []
    if added:
        parts.append(f"Add {len(added)} post{'s' if len(added) > 1 else ''}")
    if updated:
        verb = "update" if parts else "Update"
        parts.append(f"{verb} {len(updated)} post{'s' if len(updated) > 1 else ''}")
    return ", ".join(parts)


def commit_paths(repo: Repository, paths: Sequence[Path], message: str) -> str:
    """Stage `paths` (relative to the folder, or absolute; a deleted one is staged as
    deleted) and commit only them; returns the new commit's hash.

    Other changes already staged stay staged and out of this commit. Raises HookFailed with
    the hook's output when a hook refuses, GitError for anything else.
    """
    if not message.strip():
        raise GitError("a commit needs a message")
    if not paths:
        raise GitError("no posts chosen to commit")
    names = [repo.to_git(path) for path in paths]
    run_git(repo.root, ["add", "--all", "--", *names])
    # A merge (a pull that stopped at a conflict) is committed whole: git refuses a partial
    # commit then, and the merge's other changes belong to it.
    only = [] if merge_message(repo) is not None else ["--", *names]
    result = run_git(
        repo.root,
        ["commit", "--quiet", "--file=-", *only],
        input=message.encode("utf-8"),
        timeout=COMMIT_TIMEOUT,
        check=False,
    )
    if result.returncode != 0:
        said = (result.out + result.err).strip() or f"exit code {result.returncode}"
        if _hook_refused(repo):
            raise HookFailed(f"a git hook refused the commit:\n{said}")
        raise GitError(f"git commit failed: {said}")
    head = run_git(repo.root, ["rev-parse", "HEAD"])
    return head.out.strip()


def merge_message(repo: Repository) -> str | None:
    """The message git proposes for the merge in progress (a pull that stopped at a
    conflict), its first line; None when no merge is in progress."""
    if run_git(repo.root, ["rev-parse", "-q", "--verify", "MERGE_HEAD"], check=False).returncode:
        return None
    found = run_git(repo.root, ["rev-parse", "--git-path", "MERGE_MSG"]).out.strip()
    path = Path(found) if Path(found).is_absolute() else repo.root / found
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        lines = []
    return next((line for line in lines if line and not line.startswith("#")), "Merge")


def _hook_refused(repo: Repository) -> bool:
    """Whether a commit hook is installed (a failure with one is most likely its refusal)."""
    hooks = run_git(repo.root, ["rev-parse", "--git-path", "hooks"]).out.strip()
    folder = Path(hooks) if Path(hooks).is_absolute() else repo.root / hooks
    configured = run_git(repo.root, ["config", "core.hooksPath"], check=False).out.strip()
    if configured:
        folder = Path(configured) if Path(configured).is_absolute() else repo.root / configured
    return any((folder / name).is_file() for name in ("pre-commit", "commit-msg"))
