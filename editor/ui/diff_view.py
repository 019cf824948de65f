"""Two versions of a post side by side in one unified diff: for "Compare" when a post changed on
disk while it was being edited, and for the recovery dialog (the file on disk against the text
a crash left behind).
"""

from __future__ import annotations

import difflib
import re

from PySide6.QtGui import QColor, QFont, QSyntaxHighlighter, QTextCharFormat, QTextDocument
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPlainTextEdit, QVBoxLayout, QWidget

CONTEXT = 3  # lines of context around each change, as `diff -u` shows
_HUNK = re.compile(r"^@@ -(\d+)(,\d+)? \+(\d+)(,\d+)? @@")


def unified_diff(old: str, new: str, old_name: str, new_name: str) -> str:
    """`diff -u` of two texts; empty when they are the same.

    The lines both texts start and end with are set aside before difflib compares the rest:
    it is quadratic in repeated lines (blank ones), and a 10 MB post must not stall the
    window for a one-line change.
    """
    a, b = old.splitlines(keepends=True), new.splitlines(keepends=True)
    head = 0
    while head < min(len(a), len(b)) and a[head] == b[head]:
        head += 1
    tail = 0
    while tail < min(len(a), len(b)) - head and a[-1 - tail] == b[-1 - tail]:
        tail += 1
    start = max(0, head - CONTEXT)  # keep the context lines difflib would show
    a_mid = a[start : len(a) - max(0, tail - CONTEXT)]
    b_mid = b[start : len(b) - max(0, tail - CONTEXT)]
    lines = []
    for line in difflib.unified_diff(a_mid, b_mid, old_name, new_name, n=CONTEXT):
        if start and line.startswith("@@"):
            line = _HUNK.sub(lambda m: _shifted(m, start), line, count=1)
        lines.append(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")
    return "".join(lines)


def _shifted(match: re.Match[str], by: int) -> str:
    """A hunk header with its line numbers moved down by `by` (the lines set aside)."""
    old_start, old_len, new_start, new_len = match.groups()
    return f"@@ -{int(old_start) + by}{old_len or ''} +{int(new_start) + by}{new_len or ''} @@"


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
