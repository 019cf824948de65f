"""The git repository a content folder lives in, if any."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from editor.core.git.runner import GitError, git_available, run_git


@dataclass(frozen=True)
class Repository:
    """A git work tree (`root`) and the content folder inside it that the app has open
    (`folder`); paths in the app are relative to `folder`, paths git prints to `root`."""

    root: Path
    folder: Path
    git_dir: Path | None = None  # where git keeps its index and refs (`.git`, or a worktree's)

    def to_folder(self, git_path: str) -> Path | None:
        """A path as git prints it (relative to the root), relative to the folder; None
        when it lies outside the folder."""
        try:
            return (self.root / git_path).relative_to(self.folder)
        except ValueError:
            return None

    def to_git(self, folder_path: Path) -> str:
        """A path relative to the folder (or absolute), as git names it: relative to the
        root, with forward slashes."""
        full = folder_path if folder_path.is_absolute() else self.folder / folder_path
        return full.resolve().relative_to(self.root).as_posix()


def find_repository(folder: Path) -> Repository | None:
    """The repository `folder` is in; None when it is in none, or git is missing (then the
    app works as it does without git)."""
    if not git_available() or not folder.is_dir():
        return None
    try:
        found = ["rev-parse", "--show-toplevel", "--absolute-git-dir"]
        result = run_git(folder, found, check=False, timeout=10)
    except GitError:
        return None
    lines = result.out.splitlines()
    if result.returncode != 0 or len(lines) != 2:
        return None
    return Repository(Path(lines[0]).resolve(), folder.resolve(), Path(lines[1]))
