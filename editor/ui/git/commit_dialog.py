"""Git > Commit: the posts with changes, ticked or not, a message, and Commit.

Those saved in this session come first and ticked; the others are listed unticked. The
message is prefilled from the titles of the ticked posts until the writer types one. The
commit runs off the UI thread (hooks may take a while); a hook that refuses shows its output
here, and the dialog stays open with the writer's choices.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import PurePath

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from editor.core.git import Change, Repository, commit_paths, merge_message, suggested_message
from editor.ui.jobs import Job


@dataclass(frozen=True)
class ChangedPost:
    """One post the dialog lists: its path (relative to the folder), title and change."""

    path: PurePath
    title: str
    change: Change
    ticked: bool


def changed_posts(
    changes: dict[PurePath, Change], titles: dict[PurePath, str], saved: Sequence[PurePath]
) -> list[ChangedPost]:
    """The posts to list: saved this session first (ticked, in saving order), then the rest
    by path; conflicted ones are left out (they are resolved first)."""
    listed = [p for p in saved if p in changes]
    listed += sorted(p for p in changes if p not in saved)
    return [
        ChangedPost(p, titles.get(p) or p.name, changes[p], p in saved)
        for p in listed
        if changes[p] is not Change.CONFLICTED and changes[p] is not Change.IGNORED
    ]


class CommitDialog(QDialog):
    """Choose posts, write a message, commit; `committed` holds the new commit's hash."""

    def __init__(
        self, repo: Repository, posts: Sequence[ChangedPost], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Commit")
        self.resize(640, 520)
        self.repo, self.posts = repo, list(posts)
        self.committed: str | None = None
        # A pull stopped at a conflict, now resolved: the commit finishes that merge.
        self.merge = merge_message(repo)
        self.list = QListWidget(objectName="commitPosts")
        for post in self.posts:
            item = QListWidgetItem(f"{post.title}  ({post.change.value}: {post.path})")
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if post.ticked else Qt.CheckState.Unchecked)
            self.list.addItem(item)
        self.message = QLineEdit(objectName="commitMessage")
        self._typed = False
        self.message.textEdited.connect(self._message_typed)
        self.list.itemChanged.connect(lambda _: self._prefill())
        self.output = QPlainTextEdit(readOnly=True, objectName="commitOutput")
        self.output.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.commit_button = self.buttons.addButton(
            "Commit", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.accepted.connect(self.commit)
        self.buttons.rejected.connect(self.reject)
        self.job = Job(self)
        self.job.done.connect(self._done)
        self.job.failed.connect(self._failed)
        layout = QVBoxLayout(self)
        if self.merge is not None:
            layout.addWidget(
                QLabel("This commit finishes the merge: what the pull brought goes in with it.")
            )
        layout.addWidget(QLabel("Posts to commit:"))
        layout.addWidget(self.list, 2)
        layout.addWidget(QLabel("Message:"))
        layout.addWidget(self.message)
        layout.addWidget(self.output, 1)
        layout.addWidget(self.buttons)
        self._prefill()

    def chosen(self) -> list[ChangedPost]:
        """The posts ticked."""
        return [
            post
            for row, post in enumerate(self.posts)
            if self.list.item(row).checkState() == Qt.CheckState.Checked
        ]

    def _message_typed(self, text: str) -> None:
        self._typed = bool(text)  # emptied: prefilled again from the titles

    def _prefill(self) -> None:
        if self._typed:
            return
        chosen = self.chosen()
        added = [p.title for p in chosen if p.change in (Change.NEW, Change.UNTRACKED)]
        updated = [p.title for p in chosen if p.change not in (Change.NEW, Change.UNTRACKED)]
        suggested = self.merge or suggested_message(added, updated)
        self.message.setText(suggested if chosen else "")
        self.commit_button.setEnabled(bool(chosen))

    def commit(self) -> None:
        """Commit the ticked posts, off the UI thread."""
        if self.job.busy:
            return
        repo, message = self.repo, self.message.text()
        paths = [repo.folder / post.path for post in self.chosen()]
        self.commit_button.setEnabled(False)
        self.output.hide()
        self.job.start(lambda: commit_paths(repo, paths, message))

    def _done(self, commit: object) -> None:
        self.committed = str(commit)
        self.accept()

    def _failed(self, message: str) -> None:
        self.output.setPlainText(message)
        self.output.show()
        self.commit_button.setEnabled(True)
