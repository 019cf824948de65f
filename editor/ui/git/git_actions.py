"""The Git menu's actions: commit, pull, push, a post's history, its changes since the last
commit, resolving a post a pull left in conflict. Each runs its git work off the UI thread
and says how it went by `message`; the window gives it what it needs as functions (the
current post, its text, the titles) and shows the menu only while the folder is in a
repository.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path, PurePath

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

from editor.core.document.text_diff import unified_diff
from editor.core.errors import PostError
from editor.core.git import PullResult, Repository, pull, push, text_at_head
from editor.core.session import Prompter
from editor.ui.git.askpass import askpass_program
from editor.ui.git.commit_dialog import CommitDialog, changed_posts
from editor.ui.git.conflict_dialog import ConflictDialog
from editor.ui.git.git_state import GitState
from editor.ui.git.history_dialog import HistoryDialog
from editor.ui.jobs import Job

CurrentPost = Callable[[], tuple[Path, str] | None]  # the post in front: its path, its text


class GitActions(QObject):
    """Fills `menu` ("Git") and does what its items say. `message(text, ms)` for the status
    bar (0 ms: until the next one); `restoreRequested(text)`: put an old version of the
    current post in its tab as an unsaved edit."""

    message = Signal(str, int)
    restoreRequested = Signal(str)

    def __init__(
        self,
        state: GitState,
        menu: QMenu,
        window: QWidget,
        prompter: Prompter,
        current: CurrentPost,
        titles: Callable[[], dict[PurePath, str]],
    ) -> None:
        super().__init__(window)
        self.state, self.menu, self.window = state, menu, window
        self.prompter, self.current, self.titles = prompter, current, titles
        self.network = Job(self)  # one pull or push at a time
        self.network.progress.connect(self._progress)
        self.network.done.connect(self._network_done)
        self.network.failed.connect(self._network_failed)
        self.differ = Job(self)
        self.differ.done.connect(self._show_head_diff)
        self.differ.failed.connect(lambda text: self.prompter.inform("Git", text))
        self.actions: dict[str, QAction] = {}
        for name, text, keys, slot in (
            ("commit", "&Commit…", "Ctrl+Alt+C", self.commit),
            ("pull", "P&ull", None, self.pull),
            ("push", "&Push", None, self.push),
            ("history", "&History of This Post…", None, self.history),
            ("head_diff", "Changes Since the Last Co&mmit…", None, self.head_diff),
            ("resolve", "&Resolve Conflict…", None, self.resolve),
        ):
            action = QAction(text, self)
            if keys:
                action.setShortcut(keys)
            action.triggered.connect(slot)
            menu.addAction(action)
            self.actions[name] = action
        state.repositoryChanged.connect(self._repository)
        self._repository(state.repo)

    def _repository(self, repo: Repository | None) -> None:
        self.menu.menuAction().setVisible(repo is not None)

    # --- commit ------------------------------------------------------------------------------

    def commit(self) -> CommitDialog | None:
        """Git > Commit: the dialog (shown, not waited for); None outside a repository."""
        repo = self.state.repo
        if repo is None:
            return None
        posts = changed_posts(self.state.changes, self.titles(), self.state.saved)
        if not posts:
            self.message.emit("Nothing to commit: every post is as in the last commit", 5000)
            return None
        dialog = CommitDialog(repo, posts, self.window)
        dialog.accepted.connect(lambda: self._committed(dialog))
        dialog.open()
        return dialog

    def _committed(self, dialog: CommitDialog) -> None:
        self.state.saved = [
            p for p in self.state.saved if p not in {c.path for c in dialog.chosen()}
        ]
        self.state.refresh()
        self.message.emit(
            f"Committed {(dialog.committed or '')[:8]}: {dialog.message.text()}", 8000
        )

    # --- pull and push -----------------------------------------------------------------------

    def pull(self) -> None:
        """Git > Pull: fetch and merge the remote's commits, with progress."""
        self._network("Pulling", lambda report, askpass, repo: pull(repo, report, askpass))

    def push(self) -> None:
        """Git > Push: send this branch's commits to the remote, with progress."""
        self._network("Pushing", lambda report, askpass, repo: push(repo, report, askpass))

    def _network(self, doing: str, work: Callable[..., object]) -> None:
        repo = self.state.repo
        if repo is None or self.network.busy:
            return
        try:
            askpass = askpass_program()
        except OSError as error:  # its folder unsafe (another user's), or the disk full
            self.prompter.inform("Git", f"git cannot ask for a password here: {error}")
            return
        self.message.emit(f"{doing}…", 0)
        job = self.network

        def run() -> object:
            return work(lambda stage, percent: job.report((stage, percent)), askpass, repo)

        job.start(run)

    def _progress(self, value: object) -> None:
        stage, percent = value  # type: ignore[misc]
        self.message.emit(f"{stage}: {percent}%", 0)

    def _network_done(self, result: object) -> None:
        self.state.refresh()
        if isinstance(result, PullResult):
            if result.conflicted:
                names = "\n".join(result.conflicted)
                self.prompter.inform(
                    "Pull left conflicts",
                    f"{result.summary}:\n{names}\n\nResolve each with Git > Resolve Conflict….",
                )
            self.message.emit(result.summary, 8000)
        else:
            self.message.emit(str(result), 8000)

    def _network_failed(self, text: str) -> None:
        self.state.refresh()
        self.message.emit((text.splitlines() or ["git failed"])[0], 8000)
        self.prompter.inform("Git", text)

    # --- one post ----------------------------------------------------------------------------

    def history(self) -> HistoryDialog | None:
        """Git > History of This Post: its commits; a version restored into its tab."""
        repo, current = self.state.repo, self.current()
        if repo is None or current is None:
            return None
        dialog = HistoryDialog(repo, current[0], self.window)
        dialog.restoreRequested.connect(self.restoreRequested)
        dialog.open()
        return dialog

    def head_diff(self) -> None:
        """Git > Changes Since the Last Commit: the tab's text (saved or not) against HEAD."""
        repo, current = self.state.repo, self.current()
        if repo is None or current is None or self.differ.busy:
            return
        path, text = current
        self.differ.start(lambda: (path, text, text_at_head(repo, path)))

    def _show_head_diff(self, answer: object) -> None:
        path, text, head = answer  # type: ignore[misc]
        diff = unified_diff(
            head or "",
            text,
            f"a/{path.name}" if head is not None else "/dev/null",
            f"b/{path.name}",
        )
        self.prompter.show_diff(f"{path.name} since the last commit", diff)

    def resolve(self) -> ConflictDialog | None:
        """Git > Resolve Conflict: the post in front if a merge left it in conflict, else the
        first conflicted post; its fields picked side by side, its body merged by lines."""
        repo = self.state.repo
        # The folder's own files only: a conflicted file elsewhere in the repository (a
        # theme's template, a config) is no post to merge key by key, nor ours to write.
        conflicted = [p for p in self.state.status.conflicted() if repo and repo.to_folder(p)]
        if repo is None or not conflicted:
            self.message.emit("No post is in conflict", 5000)
            return None
        current = self.current()
        try:
            in_front = repo.to_git(current[0]) if current else None
        except ValueError:  # a post from outside the repository (restored from recovery)
            in_front = None
        path = in_front if in_front in conflicted else conflicted[0]
        try:
            dialog = ConflictDialog(repo.root, Path(path), self.window)
        except PostError as error:
            self.prompter.inform("Git", str(error))
            return None
        dialog.accepted.connect(lambda: self._resolved(repo.root / path, len(conflicted) - 1))
        dialog.open()
        return dialog

    def _resolved(self, path: Path, left: int) -> None:
        self.state.note_saved(path)  # resolved is written: ticked first in the commit dialog
        more = f"; {left} more in conflict" if left else ""
        self.message.emit(f"Resolved {path.name}{more}", 8000)
