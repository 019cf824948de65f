"""Two versions of a post side by side in one unified diff: for "Compare" when a post changed on
disk while it was being edited, and for the recovery dialog (the file on disk against the text
a crash left behind).
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QSyntaxHighlighter, QTextCharFormat, QTextDocument
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPlainTextEdit, QVBoxLayout, QWidget


class _DiffColours(QSyntaxHighlighter):
    """Added lines green, removed lines red, hunk headers blue."""

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self._formats: dict[str, QTextCharFormat] = {}
        for mark, colour in (("+", "#1a7f37"), ("-", "#cf222e"), ("@", "#0b6e99")):
            fmt = QTextCharFormat()
            fmt.setForeground(QColor(colour))
            self._formats[mark] = fmt

    def highlightBlock(self, text: str) -> None:
        if text.startswith(("+++", "---")):
            return
        fmt = self._formats.get(text[:1])
        if fmt is not None:
            self.setFormat(0, len(text), fmt)


class DiffView(QPlainTextEdit):
    """A read-only unified diff in a fixed-pitch font."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        font = QFont("Monospace")
        font.setStyleHint(QFont.StyleHint.TypeWriter)
        self.setFont(font)
        self._colours = _DiffColours(self.document())

    def show_diff(self, diff: str) -> None:
        """Show a diff, or say there is no difference."""
        self.setPlainText(diff or "(no differences)")


class DiffDialog(QDialog):
    """A diff in a window of its own: closed with one button, or, given an `action` ("Save"),
    accepted with that button or cancelled."""

    def __init__(
        self, title: str, diff: str, parent: QWidget | None = None, action: str | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(900, 600)
        self.view = DiffView()
        self.view.show_diff(diff)
        if action is None:
            buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        else:
            buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
            buttons.addButton(action, QDialogButtonBox.ButtonRole.AcceptRole)
            buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        layout.addWidget(buttons)
