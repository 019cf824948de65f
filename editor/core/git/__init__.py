"""The content folder's git repository, through the git command line (as git-cola does):
status per post, history of a post, commits, pull and push, and a conflicted post
merged key by key (`conflicts`). Qt-free; every command goes through `runner.run_git`."""

from editor.core.git.askpass import askpass_script
from editor.core.git.commit import HookFailed, commit_paths, merge_message, suggested_message
from editor.core.git.history import Commit, commit_diff, file_history, text_at, text_at_head
from editor.core.git.remote import PullResult, RemoteError, pull, push
from editor.core.git.repository import Repository, find_repository
from editor.core.git.runner import (
    GitError,
    GitMissing,
    GitResult,
    git_available,
    parse_progress,
    run_git,
    stream_git,
)
from editor.core.git.status import Change, FileStatus, RepoStatus, parse_status, read_status

__all__ = [
    "Change",
    "Commit",
    "FileStatus",
    "GitError",
    "GitMissing",
    "GitResult",
    "HookFailed",
    "PullResult",
    "RemoteError",
    "RepoStatus",
    "Repository",
    "askpass_script",
    "commit_diff",
    "commit_paths",
    "file_history",
    "find_repository",
    "git_available",
    "merge_message",
    "parse_progress",
    "parse_status",
    "pull",
    "push",
    "read_status",
    "run_git",
    "stream_git",
    "suggested_message",
    "text_at",
    "text_at_head",
]
