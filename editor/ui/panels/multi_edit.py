"""The "Edit N Posts" dialog: one field of many posts, previewed file by file before Apply.

The writer picks a field (the folder schema's, or any key typed), what to do with it (set,
add to a list, remove from a list, unset) and the value, typed as `post-editor set` reads it.
Preview asks the core for the plan (editor/core/folder/field_edit.py) and shows the files that
would change, each one's diff, and the posts left out with the reason. Apply is offered only
for the plan shown: any change to the choices asks for a new preview first.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from editor.core.folder.field_edit import OPERATIONS, FieldEdit, FieldPlan
from editor.ui.widgets.diff_view import DiffView

Planner = Callable[[FieldEdit], None]  # starts the plan; it comes back by `show_plan`


class MultiEditDialog(QDialog):
    """Choose an edit of `count` posts, preview it with `planner` (which works it out off the
    UI thread and answers with `show_plan` or `show_error`), and accept to apply it; `plan` is
    then the plan previewed. `fields` are the names offered (others may be typed),
    `examples` a placeholder per field where the schema gives one."""

    def __init__(
        self,
        count: int,
        fields: Sequence[str],
        examples: dict[str, str],
        planner: Planner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Edit {count} Post{'s' * (count != 1)}")
        self.resize(900, 620)
        self._planner, self._examples = planner, examples
        self.plan: FieldPlan | None = None
        self.field = QComboBox(editable=True)
        self.field.addItems(list(fields))
        self.field.setAccessibleName("Field")
        self.operation = QComboBox()
        for operation, label in OPERATIONS.items():
            self.operation.addItem(label, operation)
        self.operation.setAccessibleName("Operation")
        self.value = QLineEdit()
        self.value.setAccessibleName("Value")
        self.preview_button = QPushButton("&Preview")
        self.preview_button.setDefault(True)
        self.files = QListWidget()
        self.files.setAccessibleName("Files that change")
        self.diff = DiffView()
        self.diff.setAccessibleName("Changes")
        self.summary = QLabel("Choose the change, then Preview to see every file it touches.")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.apply_button = self.buttons.addButton("&Apply", QDialogButtonBox.ButtonRole.AcceptRole)
        self.apply_button.setEnabled(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow("&Field:", self.field)
        form.addRow("&Do:", self.operation)
        form.addRow("&Value:", self.value)
        form.addRow("", self.preview_button)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.files)
        split.addWidget(self.diff)
        split.setSizes([260, 640])
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(split, 1)
        layout.addWidget(self.buttons)
        self.preview_button.clicked.connect(self.preview)
        self.files.currentItemChanged.connect(self._show_file)
        self.field.currentTextChanged.connect(self._changed)
        self.operation.currentIndexChanged.connect(self._changed)
        self.value.textChanged.connect(self._changed)
        self._changed()

    def edit(self) -> FieldEdit:
        """The edit the choices describe."""
        return FieldEdit(
            self.field.currentText().strip(), self.operation.currentData(), self.value.text()
        )

    def choose(self, field: str, operation: str, value: str = "") -> None:
        """Fill the choices (as a writer would): a field, an operation by name, a value."""
        self.field.setCurrentText(field)
        self.operation.setCurrentIndex(self.operation.findData(operation))
        self.value.setText(value)

    def preview(self) -> None:
        """Ask for the plan of the chosen edit and show it; Apply then writes that plan."""
        self._clear("Working out the changes…")
        self.preview_button.setEnabled(False)
        self._planner(self.edit())

    def show_plan(self, plan: FieldPlan) -> None:
        """The plan of the edit asked for: its files, diffs, and the posts left out."""
        self.preview_button.setEnabled(True)
        if plan.edit != self.edit():
            return  # the choices changed while it was worked out: a new preview is needed
        self.plan = plan
        self.files.clear()
        for change in plan.changes:
            item = QListWidgetItem(change.rel.as_posix())
            item.setData(Qt.ItemDataRole.UserRole, change.diff)
            self.files.addItem(item)
        self.summary.setText(_summary(plan))
        self.diff.show_diff(plan.diff)
        self.apply_button.setEnabled(bool(plan.changes))
        if plan.changes:
            self.apply_button.setDefault(True)

    def show_error(self, message: str) -> None:
        """The edit asked for cannot be planned (no field, no value): say why."""
        self.preview_button.setEnabled(True)
        self._clear(message)

    def _show_file(self, item: QListWidgetItem | None) -> None:
        if item is not None:
            self.diff.show_diff(item.data(Qt.ItemDataRole.UserRole))

    def _changed(self, *_: object) -> None:
        """A choice changed: the preview shown is not of it any more."""
        unset = self.operation.currentData() == "unset"
        self.value.setEnabled(not unset)
        self.value.setPlaceholderText(self._examples.get(self.field.currentText().strip(), ""))
        if self.plan is not None or self.files.count():
            self._clear("The choices changed: Preview again to see what they do.")
        self.preview_button.setDefault(True)

    def _clear(self, message: str) -> None:
        self.plan = None
        self.apply_button.setEnabled(False)
        self.files.clear()
        self.diff.setPlainText("")  # no "(no differences)": there is no plan to differ
        self.summary.setText(message)


def _summary(plan: FieldPlan) -> str:
    """What the preview says above the files: how many change, which are left out and why."""
    count = len(plan.changes)
    lines = [
        f"To {plan.edit.describe()}: {count} post{'s' * (count != 1)} will change."
        if count
        else f"To {plan.edit.describe()}: no post will change."
    ]
    if plan.unchanged:
        lines.append(f"{len(plan.unchanged)} already as asked, left as they are.")
    for skipped in plan.problems:
        lines.append(f"Left out: {skipped.rel.as_posix()}: {skipped.reason}")
    return "\n".join(lines)
