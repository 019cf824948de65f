"""Edit > Undo and Redo for the text the writer is in: a form field, the find box or the body.

Each text box keeps its own history (a QLineEdit's, a QTextDocument's). The menu acts on the
box that has the focus, so undoing after typing a title undoes the title, never a change to the
body the writer cannot see. When the focus is on no text box (the post list, a check box, the
preview) there is nothing to undo, and nothing is done.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

TextBox = QLineEdit | QTextEdit | QPlainTextEdit


def text_box(widget: QWidget | None) -> TextBox | None:
    """The editable text box `widget` is, or holds (a date or number field's line, an editable
    combo box's); None when it is none, or read-only."""
    if isinstance(widget, QAbstractSpinBox):
        widget = widget.findChild(QLineEdit)  # its line is protected API: reach it as a child
    elif isinstance(widget, QComboBox):
        widget = widget.lineEdit()  # None unless the combo box is editable
    if isinstance(widget, (QLineEdit, QTextEdit, QPlainTextEdit)) and not widget.isReadOnly():
        return widget
    return None


class FocusedText:
    """Undo and redo in the text box `focus_widget()` answers (the window's focus widget)."""

    def __init__(self, focus_widget: Callable[[], QWidget | None]) -> None:
        self._focus_widget = focus_widget

    def target(self) -> TextBox | None:
        """The text box Undo and Redo act on now (None: the focus is on no text)."""
        return text_box(self._focus_widget())

    def undo(self) -> None:
        """Edit > Undo: the focused box's last change."""
        if (box := self.target()) is not None:
            box.undo()

    def redo(self) -> None:
        """Edit > Redo: the focused box's last undone change."""
        if (box := self.target()) is not None:
            box.redo()
