"""The dialog answerer of the questions interface: the window's `Prompter` shows message boxes,
input dialogs, diffs and the recovery dialog (`editor.core.session.questions` is the protocol)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QInputDialog, QMessageBox, QWidget

from editor.core.session import Choice, Offer, Recovery
from editor.ui.safety.recovery_dialog import RecoveryDialog
from editor.ui.widgets.diff_view import DiffDialog


class DialogPrompter:
    """The Prompter that shows message boxes over a parent window."""

    def __init__(self, parent: QWidget) -> None:
        self.parent = parent

    def confirm(self, title: str, text: str, action: str) -> bool:
        """A yes/no question whose yes button says what it does."""
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, parent=self.parent)
        yes = box.addButton(action, QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return box.clickedButton() is yes

    def save_changes(self, what: str) -> Choice:
        """Save / Discard / Cancel for unsaved changes."""
        buttons = QMessageBox.StandardButton
        answer = QMessageBox.question(
            self.parent,
            "Unsaved changes",
            f"Save the changes to {what}?",
            buttons.Save | buttons.Discard | buttons.Cancel,
            buttons.Save,
        )
        return {buttons.Save: Choice.SAVE, buttons.Discard: Choice.DISCARD}.get(
            answer, Choice.CANCEL
        )

    def inform(self, title: str, text: str) -> None:
        """A message the writer acknowledges."""
        QMessageBox.warning(self.parent, title, text)

    def ask_text(self, title: str, label: str, text: str = "") -> str | None:
        """One line of text (starting as `text`), or None when cancelled."""
        answer, ok = QInputDialog.getText(self.parent, title, label, text=text)
        return answer if ok else None

    def choose(self, title: str, label: str, options: Sequence[str]) -> int | None:
        """One of `options` (the first offered first), by its index; None when cancelled."""
        answer, ok = QInputDialog.getItem(self.parent, title, label, list(options), 0, False)
        return list(options).index(answer) if ok and answer in options else None

    def recover(self, offers: Sequence[Offer]) -> list[Recovery]:
        """After a crash: restore, discard or keep each unsaved post (one answer per offer)."""
        dialog = RecoveryDialog(offers, self.parent)
        dialog.exec()
        return dialog.answers()

    def show_diff(self, title: str, diff: str) -> None:
        """A unified diff to read, closed with one button."""
        DiffDialog(title, diff, self.parent).exec()

    def review(self, title: str, diff: str, action: str) -> bool:
        """A unified diff to read before `action` ("Save"); whether the writer went on."""
        dialog = DiffDialog(title, diff, self.parent, action)
        return dialog.exec() == DiffDialog.DialogCode.Accepted
