"""Git > History of This Post: its commits (following renames), the diff each made, and
"Restore This Version", which puts that version in the tab as an unsaved edit."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QListWidget,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from editor.core.git import Commit, Repository, commit_diff, file_history, text_at
from editor.ui.jobs import Job, LatestJob
from editor.ui.widgets.diff_view import DiffView


class HistoryDialog(QDialog):
    """The commits of one post; `restoreRequested(text)` with the chosen version's text."""

    restoreRequested = Signal(str)

    def __init__(self, repo: Repository, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"History of {path.name}")
        self.resize(1000, 640)
        self.repo, self.path = repo, path
        self.history: list[Commit] = []
        self.commits = QListWidget(objectName="historyCommits")
        self.diff = DiffView()
        self.diff.setPlainText("Reading the history…")
        splitter = QSplitter()
        splitter.addWidget(self.commits)
        splitter.addWidget(self.diff)
        splitter.setSizes([340, 660])
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.restore_button = buttons.addButton(
            "Restore This Version", QDialogButtonBox.ButtonRole.ActionRole
        )
        self.restore_button.setEnabled(False)
        self.restore_button.clicked.connect(self.restore)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        layout.addWidget(buttons)
        self.loader = Job(self)
        self.loader.done.connect(self._listed)
        self.loader.failed.connect(self.diff.setPlainText)
        self.differ = LatestJob(self)  # the newest commit clicked wins
        self.differ.done.connect(lambda diff: self.diff.show_diff(str(diff)))
        self.differ.failed.connect(self.diff.setPlainText)
        self.reader = Job(self)
        self.reader.done.connect(lambda text: self._restore_read(str(text)))
        self.reader.failed.connect(self.diff.setPlainText)
        self.commits.currentRowChanged.connect(self._chosen)
        self.loader.start(lambda: file_history(repo, path))

    def _listed(self, history: object) -> None:
        self.history = list(history)  # type: ignore[call-overload]
        if not self.history:
            self.diff.setPlainText("This post has no commits yet.")
            return
        for commit in self.history:
            self.commits.addItem(f"{commit.date[:10]}  {commit.subject}\n{commit.author}")
        self.commits.setCurrentRow(0)

    def _chosen(self, row: int) -> None:
        self.restore_button.setEnabled(0 <= row < len(self.history))
        if 0 <= row < len(self.history):
            repo, history = self.repo, self.history
            self.differ.request(lambda: commit_diff(repo, history, row))

    def restore(self) -> None:
        """Read the chosen version (off the UI thread) and hand it to the tab."""
        row = self.commits.currentRow()
        if 0 <= row < len(self.history) and not self.reader.busy:
            repo, commit = self.repo, self.history[row]
            self.reader.start(lambda: text_at(repo, commit))

    def _restore_read(self, text: str) -> None:
        self.restoreRequested.emit(text)
        self.accept()
