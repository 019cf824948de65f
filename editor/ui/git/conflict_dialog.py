"""The view that resolves a post a pull left in conflict: a row per front-matter key both
sides changed, with each side's lines to pick from, the body merged by lines (conflict markers
left where both sides changed the same lines, for the writer to edit out), and Mark Resolved,
which writes the post and tells git (`core.git.conflicts` does both)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from editor.core.document.line_breaks import dominant_eol, splice_lines
from editor.core.errors import PostError
from editor.core.git.conflicts import (
    MergeResult,
    Side,
    conflict_sides,
    mark_resolved,
    merge_post,
)

MARKERS = ("<<<<<<< ", "=======", ">>>>>>> ")


class ConflictDialog(QDialog):
    """Resolve the conflicted post at `path` (relative to the repository `repo`)."""

    def __init__(self, repo: Path, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="conflictDialog")
        self.repo, self.path = repo, path
        self.result: MergeResult = merge_post(*conflict_sides(repo, path))
        self.setWindowTitle(f"Resolve {path.name}")
        layout = QVBoxLayout(self)
        self.choices: dict[str, QButtonGroup] = {}
        self.sides: dict[str, dict[Side, QRadioButton]] = {}
        if self.result.key_conflicts:
            layout.addWidget(self._keys_box())
        note = "The text, merged by lines"
        if self.result.body_conflicted:
            note += ": edit out the <<<<<<< ======= >>>>>>> markers, keeping what you want"
        layout.addWidget(QLabel(note))
        self.body = QPlainTextEdit(objectName="mergedBody")
        self.body.setPlainText(self.result.body)
        layout.addWidget(self.body, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.resolve = buttons.addButton("Mark Resolved", QDialogButtonBox.ButtonRole.AcceptRole)
        self.resolve.setObjectName("markResolved")
        self.resolve.clicked.connect(self.mark_resolved)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _keys_box(self) -> QGroupBox:
        """A row per conflicting key: its name, then Ours and Theirs with each side's lines."""
        box = QGroupBox("Fields both sides changed: pick one for each")
        grid = QGridLayout(box)
        for row, conflict in enumerate(self.result.key_conflicts):
            group = QButtonGroup(box)
            grid.addWidget(QLabel(f"<b>{conflict.key}</b>"), row, 0)
            self.sides[conflict.key] = {}
            for column, (side, lines) in enumerate(
                (("ours", conflict.ours), ("theirs", conflict.theirs)), 1
            ):
                shown = (lines or "(removed)\n").rstrip("\r\n")
                button = QRadioButton(f"{side.title()}:\n{shown}")
                button.setObjectName(f"{side}:{conflict.key}")
                group.addButton(button)
                self.sides[conflict.key][side] = button
                grid.addWidget(button, row, column)
            self.sides[conflict.key]["ours"].setChecked(True)  # the writer's own, at first
            self.choices[conflict.key] = group
        return box

    def chosen(self) -> dict[str, Side]:
        """The side picked for each conflicting key."""
        return {
            key: "theirs" if buttons["theirs"].isChecked() else "ours"
            for key, buttons in self.sides.items()
        }

    def mark_resolved(self) -> None:
        """Write the post as chosen and edited, and mark it resolved; a body that still
        holds conflict markers is asked about first."""
        # The editor knows only \n: the merged body's own breaks (CRLF) come back on every
        # line the writer kept.
        merged = self.result.body
        body = splice_lines(merged, self.body.toPlainText(), dominant_eol(merged))
        if any(line.startswith(MARKERS) for line in body.splitlines()):
            answer = QMessageBox.question(
                self,
                "Conflict markers left",
                "The text still holds conflict markers. Mark the post resolved anyway?",
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        text = self.result.text_if_resolved(self.chosen(), body=body)
        try:
            mark_resolved(self.repo, self.path, text)
        except PostError as error:
            QMessageBox.warning(self, "Not resolved", str(error))
            return
        self.accept()
