"""What the window knows of the open folder's repository: whether there is one, and each
post's change, refreshed off the UI thread (after a save, a change on disk, a commit, a pull,
and when git's own folder changes: a commit or a checkout made in a terminal).
"""

from __future__ import annotations

from pathlib import Path, PurePath

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

from editor.core.git import Change, Repository, RepoStatus, find_repository, read_status
from editor.ui.jobs import LatestJob


class GitState(QObject):
    """The repository of the open folder (None: not in one, and the git parts stay hidden)
    and its status. `repositoryChanged(Repository | None)` when a folder opens;
    `statusChanged(dict[PurePath, Change])` after each refresh; `failed(message)`."""

    repositoryChanged = Signal(object)
    statusChanged = Signal(object)
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.repo: Repository | None = None
        self.status = RepoStatus()
        self.changes: dict[PurePath, Change] = {}
        self._told = False  # whether statusChanged told this repository's changes yet
        self.saved: list[PurePath] = []  # posts saved in this session, oldest first
        self._finder = LatestJob(self)
        self._finder.done.connect(self._found)
        self._reader = LatestJob(self)
        self._reader.done.connect(self._read)
        self._reader.failed.connect(self.failed)
        # git writes its index and refs by renaming lock files into place: a change of the
        # git folder (or of its branches' folder) is a commit, checkout or fetch elsewhere.
        # The status read itself takes no lock (GIT_OPTIONAL_LOCKS=0), so it wakes nothing.
        self._git_folder = QFileSystemWatcher(self)
        self._settle = QTimer(self, singleShot=True, interval=300)
        self._git_folder.directoryChanged.connect(self._settle.start)
        self._settle.timeout.connect(self.refresh)

    def set_folder(self, root: Path | None) -> None:
        """A folder opened (None: closed): look for its repository, off the UI thread."""
        self._reader.cancel()
        self.saved = []
        if root is None:
            self._found(None)
        else:
            self._finder.request(lambda: find_repository(root))

    def _found(self, repo: object) -> None:
        self.repo = repo if isinstance(repo, Repository) else None
        if watched := self._git_folder.directories():
            self._git_folder.removePaths(watched)
        if self.repo is not None and self.repo.git_dir is not None:
            heads = self.repo.git_dir / "refs" / "heads"
            self._git_folder.addPaths([str(self.repo.git_dir), str(heads)])
        self.status, self.changes, self._told = RepoStatus(), {}, False
        self.repositoryChanged.emit(self.repo)
        self.refresh()

    def refresh(self) -> None:
        """Read the status again, off the UI thread (the newest request wins)."""
        repo = self.repo
        if repo is not None:
            self._reader.request(lambda: (repo, read_status(repo)))

    def note_saved(self, path: Path | None) -> None:
        """A post saved: it heads the commit dialog's ticked posts; the status moved."""
        if self.repo is not None and path is not None:
            try:
                relative = PurePath(path.resolve().relative_to(self.repo.folder))
            except ValueError:
                relative = None
            if relative is not None and relative not in self.saved:
                self.saved.append(relative)
        self.refresh()

    def change_of(self, path: Path | None) -> Change | None:
        """The change of a post (absolute path), None when unchanged or outside the folder."""
        if self.repo is None or path is None:
            return None
        try:
            return self.changes.get(PurePath(path.resolve().relative_to(self.repo.folder)))
        except ValueError:
            return None

    def _read(self, answer: object) -> None:
        repo, status = answer  # type: ignore[misc]
        if repo is not self.repo:
            return  # a folder opened meanwhile
        counts = (self.status.ahead, self.status.behind)
        self.status = status
        changes = {PurePath(p): change for p, change in status.for_folder(repo).items()}
        moved = counts != (status.ahead, status.behind)  # a commit or a push: the line says it
        if changes != self.changes or moved or not self._told:
            self.changes, self._told = changes, True
            self.statusChanged.emit(changes)
