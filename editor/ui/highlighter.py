"""Markdown syntax colouring for the editor: headings, emphasis, code, links, lists, quotes, HTML.

Rules are a table of (pattern, format name); fenced code blocks carry across lines through the
block state, and nothing inside a fence is coloured as Markdown.
"""

from __future__ import annotations

import re

from PySide6.QtGui import QColor, QFont, QSyntaxHighlighter, QTextCharFormat, QTextDocument

IN_FENCE = 1
_FENCE = re.compile(r"^\s{0,3}(```|~~~)")

# (pattern, format); later rules paint over earlier ones.
_RULES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^\s{0,3}#{1,6}\s.*$"), "heading"),
    (re.compile(r"^\s*(?:[-*+]|\d+[.)])\s"), "list"),
    (re.compile(r"^\s{0,3}>.*$"), "quote"),
    (re.compile(r"</?[A-Za-z][^>\n]*>"), "html"),
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), "bold"),
    (re.compile(r"(?<![*_\w])([*_])(?![*_\s])(.+?)(?<![*_\s])\1(?![*_\w])"), "italic"),
    (re.compile(r"!?\[[^\]\n]*\]\([^)\n]*\)"), "link"),
    (re.compile(r"`[^`\n]+`"), "code"),
]


def _formats(dark: bool) -> dict[str, QTextCharFormat]:
    colours = {
        "heading": "#7aa2f7" if dark else "#1a4fa0",
        "list": "#e0af68" if dark else "#a15c00",
        "quote": "#9aa5ce" if dark else "#5a6473",
        "html": "#bb9af7" if dark else "#7a3e9d",
        "link": "#7dcfff" if dark else "#0b6e99",
        "code": "#9ece6a" if dark else "#2e7d32",
        "bold": "",
        "italic": "",
    }
    out = {}
    for name, colour in colours.items():
        fmt = QTextCharFormat()
        if colour:
            fmt.setForeground(QColor(colour))
        if name in ("heading", "bold"):
            fmt.setFontWeight(QFont.Weight.Bold)
        if name in ("italic", "quote"):
            fmt.setFontItalic(True)
        if name == "code":
            fmt.setFontFixedPitch(True)
        out[name] = fmt
    return out


class MarkdownHighlighter(QSyntaxHighlighter):
    """Colours a QTextDocument as Markdown."""

    def __init__(self, document: QTextDocument, dark: bool = False) -> None:
        super().__init__(document)
        self.formats = _formats(dark)

    def set_dark(self, dark: bool) -> None:
        """Switch colours for a dark or light theme."""
        self.formats = _formats(dark)
        self.rehighlight()

    def highlightBlock(self, text: str) -> None:
        fence = _FENCE.match(text)
        if self.previousBlockState() == IN_FENCE:
            self.setFormat(0, len(text), self.formats["code"])
            self.setCurrentBlockState(-1 if fence else IN_FENCE)
            return
        if fence:
            self.setFormat(0, len(text), self.formats["code"])
            self.setCurrentBlockState(IN_FENCE)
            return
        self.setCurrentBlockState(-1)
        for pattern, name in _RULES:
            for match in pattern.finditer(text):
                self.setFormat(match.start(), match.end() - match.start(), self.formats[name])
