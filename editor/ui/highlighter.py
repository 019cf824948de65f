"""Markdown syntax colouring for the editor: headings, emphasis, code, links, lists, quotes, HTML.

Rules are a table of (pattern, format name); fenced code blocks carry across lines through the
block state, and nothing inside a fence is coloured as Markdown.

The highlighter runs on every keystroke for the line being typed, and on every line when a post
opens, so each rule must stay linear in the length of a line: a span's content never runs past
the next opening mark, and a line longer than `MAX_INLINE` gets only its line-level colours (a
pasted 100,000-character line must not freeze typing).
"""

from __future__ import annotations

import re

from PySide6.QtGui import QColor, QFont, QSyntaxHighlighter, QTextCharFormat, QTextDocument

IN_FENCE = 1
MAX_INLINE = 10_000  # characters; longer lines skip the inline rules
_FENCE = re.compile(r"^\s{0,3}(```|~~~)")

# (pattern, format name); later rules paint over earlier ones, inline rules over line rules.
_LINE_RULES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^\s{0,3}#{1,6}\s.*$"), "heading"),
    (re.compile(r"^\s*(?:[-*+]|\d+[.)])\s"), "list"),
    (re.compile(r"^\s{0,3}>.*$"), "quote"),
]
# (pattern, format name, text a line must hold for the rule to match at all: a cheap test
# that skips most rules on most lines; "" for the emphasis rules, which need a * or a _).
# Span contents stop at the next opening mark, so no rule rescans the rest of the line from
# every unclosed mark: each stays linear in the line's length.
_INLINE_RULES: list[tuple[re.Pattern[str], str, str]] = [
    (re.compile(r"</?[A-Za-z][^<>\n]*>"), "html", "<"),
    (re.compile(r"(\*\*|__)(?=\S)((?:(?!\1).)+?)(?<=\S)\1"), "bold", ""),
    (
        re.compile(r"(?<![*_\w])([*_])(?![*_\s])((?:(?!\1).)+?)(?<![*_\s])\1(?![*_\w])"),
        "italic",
        "",
    ),
    # a URL may hold one level of parentheses (Wikipedia's do)
    (re.compile(r"!?\[[^\[\]\n]*\]\((?:[^()\[\]\n]|\([^()\[\]\n]*\))*\)"), "link", "]("),
    (re.compile(r"`[^`\n]+`"), "code", "`"),
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
        if not text:
            return  # half the lines of a post: nothing to colour
        for pattern, name in _LINE_RULES:
            match = pattern.match(text)
            if match:
                self.setFormat(match.start(), match.end() - match.start(), self.formats[name])
        if len(text) > MAX_INLINE:
            return
        emphasis = "*" in text or "_" in text
        for pattern, name, needs in _INLINE_RULES:
            if (needs and needs not in text) or (not needs and not emphasis):
                continue
            for match in pattern.finditer(text):
                self.setFormat(match.start(), match.end() - match.start(), self.formats[name])
