"""Two versions of a post side by side in one unified diff: for "Compare" when a post changed on
disk while it was being edited, for the recovery dialog (the file on disk against the text
a crash left behind), and for a post's git history and its changes since the last commit.

A changed line shows which of its words changed: a removed line and the added line it became
(the first removed line of a run with the first added line after it, and so on) have the words
that differ marked, so a one-word edit in a long paragraph is seen at once.
"""

from __future__ import annotations

import difflib
import re

from PySide6.QtGui import (
    QColor,
    QFont,
    QSyntaxHighlighter,
    QTextBlock,
    QTextCharFormat,
    QTextDocument,
)
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPlainTextEdit, QVBoxLayout, QWidget

_WORDS = re.compile(r"\w+|\s+|[^\w\s]")


def changed_words(old: str, new: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """The (start, length) of the words that differ between two lines, in each."""
    a, b = _WORDS.findall(old), _WORDS.findall(new)
    starts_a = [0, *_running(a)]
    starts_b = [0, *_running(b)]
    old_spans, new_spans = [], []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        if i2 > i1:
            old_spans.append((starts_a[i1], starts_a[i2] - starts_a[i1]))
        if j2 > j1:
            new_spans.append((starts_b[j1], starts_b[j2] - starts_b[j1]))
    return old_spans, new_spans


def _running(tokens: list[str]) -> list[int]:
    total, ends = 0, []
    for token in tokens:
        total += len(token)
        ends.append(total)
    return ends


def _is_change(block: QTextBlock, mark: str) -> bool:
    text = block.text()
    return block.isValid() and text.startswith(mark) and not text.startswith(mark * 3)


def _partner(block: QTextBlock) -> QTextBlock | None:
    """The line a changed line is paired with: the k-th removed line of a run with the k-th
    added line right after the run, and back."""
    mark = block.text()[:1]
    step = QTextBlock.previous
    k, first = 0, block
    while _is_change(step(first), mark):
        first, k = step(first), k + 1
    if mark == "-":
        other = block
        while _is_change(other.next(), "-"):
            other = other.next()
        other = other.next()
        for _ in range(k):
            other = other.next()
        return other if _is_change(other, "+") else None
    # an added line: find the start of the removed run before its own run
    other = first.previous()
    if not _is_change(other, "-"):
        return None
    while _is_change(other.previous(), "-"):
        other = other.previous()
    for _ in range(k):
        other = other.next()
    return other if _is_change(other, "-") else None


class _DiffColours(QSyntaxHighlighter):
    """Added lines green, removed lines red, hunk headers blue; changed words marked."""

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self._formats: dict[str, QTextCharFormat] = {}
        self._words: dict[str, QTextCharFormat] = {}
        for mark, colour, back in (
            ("+", "#1a7f37", "#aceebb"),
            ("-", "#cf222e", "#ffcecb"),
            ("@", "#0b6e99", ""),
        ):
            fmt = QTextCharFormat()
            fmt.setForeground(QColor(colour))
            self._formats[mark] = fmt
            if back:
                word = QTextCharFormat(fmt)
                word.setBackground(QColor(back))
                self._words[mark] = word

    def highlightBlock(self, text: str) -> None:
        if text.startswith(("+++", "---")):
            return
        mark = text[:1]
        fmt = self._formats.get(mark)
        if fmt is None:
            return
        self.setFormat(0, len(text), fmt)
        partner = _partner(self.currentBlock()) if mark in "+-" else None
        if partner is None:
            return
        other = partner.text()[1:]
        old, new = (text[1:], other) if mark == "-" else (other, text[1:])
        spans = changed_words(old, new)[0 if mark == "-" else 1]
        for start, length in spans:
            self.setFormat(start + 1, length, self._words[mark])


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
