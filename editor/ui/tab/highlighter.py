"""Markdown syntax colouring for the editor: headings, emphasis, code, links, lists, quotes, HTML.

What a line is (code, a heading, a list item, a quote, front matter) is the core's line grammar
(editor/core/document/markdown_lines.py), whose state between lines is the block state, so the
colours
agree with the outline, scroll sync, spelling and the site checks. Nothing inside a fence is
coloured as Markdown, nor front matter (raw mode) beyond its inline marks. Inline rules are a
table of (pattern, format name).

The highlighter runs on every keystroke for the line being typed, and on every line when a post
opens, so each rule must stay linear in the length of a line: a span's content never runs past
the next opening mark, and a line longer than `MAX_INLINE` gets only its line-level colours (a
pasted 100,000-character line must not freeze typing).

Misspelled words get a red wavy underline over their colours, from the window's `SpellCheck`
(editor/ui/spelling/spell_checker.py). Spelling reads lines by the same grammar and states, so marks
skip exactly the lines coloured as code, and front matter keys in raw mode. Checking a line costs
far more than colouring it, so a burst of lines (a post opening, a paste) checks
SPELL_SLICE_S worth and leaves the rest to a catch-up pass, a slice per turn of the event
loop: typing is never held up by a whole long post being checked.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QSyntaxHighlighter,
    QTextBlock,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)

from editor.core.document import CODE_KINDS, Line, read_line
from editor.core.document.markdown_lines import Kind
from editor.core.spelling import to_utf16
from editor.ui.spelling.spell_checker import (
    Marks,
    SpellCheck,
    rehighlight_quietly,
    underline_format,
)

MAX_INLINE = 10_000  # characters; longer lines skip the inline rules and spelling
# Characters; a longer post is neither coloured nor checked. Colouring costs about 0.17 s a
# megabyte when a post opens, all of it before the window answers: 35 s for a 200 MB one.
MAX_COLOURED = 10_000_000
SPELL_SLICE_S = 0.008  # seconds of spell checking per turn of the event loop

# Inline rules paint over the line's own colours (quote, heading, list marker); later rules
# paint over earlier ones.
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
    """Colours a QTextDocument as Markdown and underlines misspelled words.

    `front_matter`: the text starts with the post's front matter (raw mode), whose keys are
    not checked. `visible`: the lines on screen, whose marks a recheck makes first (set by the
    editor). `spellingDone()`: every line's marks are up to date after a catch-up pass.
    """

    spellingDone = Signal()

    def __init__(self, document: QTextDocument, dark: bool = False) -> None:
        super().__init__(document)
        self.dark = dark
        self.formats = _formats(dark)
        self.underline = underline_format(dark)
        self.front_matter = False
        self.spell: SpellCheck | None = None
        self._spent = 0.0  # seconds spent checking in this turn of the event loop
        self._refill = QTimer(self, singleShot=True, interval=0)
        self._refill.timeout.connect(self._new_turn)
        self._pending: QTextCursor | None = None  # the first line whose marks wait
        self._marked = False  # some line may carry marks
        self.visible: Callable[[], list[QTextBlock]] | None = None
        self._on_screen = False  # marking the lines on screen: no share to keep to
        self._catch_up_timer = QTimer(self, singleShot=True, interval=0)
        self._catch_up_timer.timeout.connect(self._catch_up)

    def set_dark(self, dark: bool) -> None:
        """Switch colours for a dark or light theme. New colours are no edit: the post stays
        as it was (and a zoom step, which restyles too, costs nothing here)."""
        if dark == self.dark:
            return
        self.dark = dark
        self.formats = _formats(dark)
        self.underline = underline_format(dark)
        rehighlight_quietly(self)

    def set_spelling(self, spell: SpellCheck) -> None:
        """Underline what `spell` finds misspelled, from now on and whenever it changes."""
        self.spell = spell
        spell.changed.connect(self.recheck)
        spell.want()
        self.recheck()  # nothing to do until the words are loaded

    @property
    def checking(self) -> bool:
        """Whether lines wait for their marks (a catch-up pass is under way)."""
        return self._pending is not None

    def recheck(self) -> None:
        """Make every line's marks again, a slice at a time from the top."""
        if self.spell is None or self.spell.speller is None:
            if not self._marked:
                return  # no words to check with, no marks to take away
            self._marked = False
        self._defer(self.document().firstBlock())
        # The lines on screen now, not when the pass reaches them (in a long post, seconds),
        # whatever this turn's share: a screenful is a few milliseconds at most.
        self._on_screen = True
        try:
            for block in self.visible() if self.visible else []:
                if self._needs_redraw(block):
                    rehighlight_quietly(self, block)
        finally:
            self._on_screen = False

    def _needs_redraw(self, block: QTextBlock) -> bool:
        """Whether a line has marks to make or to take away. Most lines of prose have
        none, and finding that out costs a tenth of colouring them again."""
        wavy = self.underline.underlineStyle()
        had = any(part.format.underlineStyle() == wavy for part in block.layout().formats())
        return had or bool(self.marks(block))

    def marks(self, block: QTextBlock) -> Marks:
        """The misspelled words of a line (UTF-16 positions), as they are underlined."""
        speller = self.spell.speller if self.spell else None
        text = block.text()
        if speller is None or not text or len(text) > MAX_INLINE:
            return []
        previous = block.previous().userState() if block.previous().isValid() else -1
        return to_utf16(text, speller.misspelled_in_markdown(text, previous))

    def highlightBlock(self, text: str) -> None:
        if self.document().characterCount() > MAX_COLOURED:
            return  # a huge post (issue 13, point 16) opens as plain text, in a second
        previous = self.previousBlockState()
        first = self.front_matter and self.currentBlock().blockNumber() == 0
        line = read_line(text, previous, first)
        self.setCurrentBlockState(line.state)
        if line.kind in CODE_KINDS:
            self.setFormat(0, len(text), self.formats["code"])
            return  # code, or a fence line: no Markdown colours, no spelling
        if not text:
            return  # half the lines of a post: nothing to colour
        self._colour(text, line)
        if self.spell is not None and self.spell.speller is not None and len(text) <= MAX_INLINE:
            self._underline(text, previous)

    def _colour(self, text: str, line: Line) -> None:
        if line.quotes:
            self.setFormat(0, len(text), self.formats["quote"])
        if line.kind is Kind.HEADING:
            self.setFormat(line.start, len(text) - line.start, self.formats["heading"])
        if line.item is not None:
            item = line.item
            self.setFormat(item.start, item.end - item.start, self.formats["list"])
        if len(text) > MAX_INLINE:
            return
        emphasis = "*" in text or "_" in text
        for pattern, name, needs in _INLINE_RULES:
            if (needs and needs not in text) or (not needs and not emphasis):
                continue
            for match in pattern.finditer(text):
                self.setFormat(match.start(), match.end() - match.start(), self.formats[name])

    def _underline(self, text: str, previous: int) -> None:
        if self._spent > SPELL_SLICE_S and not self._on_screen:
            self._defer(self.currentBlock())  # this turn's share is spent: later
            # Meanwhile the line keeps the marks it had: a theme or zoom change redraws
            # every line, and marks blinking off and on again would be noise.
            wavy = self.underline.underlineStyle()
            for part in self.currentBlock().layout().formats():
                if part.format.underlineStyle() == wavy:
                    self._mark(part.start, min(part.length, len(text) - part.start))
            return
        speller = self.spell.speller  # type: ignore[union-attr]
        began = time.perf_counter()
        marks = speller.misspelled_in_markdown(text, previous)  # type: ignore[union-attr]
        self._spent += time.perf_counter() - began
        if not self._refill.isActive():
            self._refill.start()
        for start, length in to_utf16(text, marks):
            self._mark(start, length)

    def _mark(self, start: int, length: int) -> None:
        self._marked = True
        # Character by character: a word half in bold keeps its bold half.
        for at in range(start, start + length):
            fmt = self.format(at)
            fmt.setUnderlineStyle(self.underline.underlineStyle())
            fmt.setUnderlineColor(self.underline.underlineColor())
            self.setFormat(at, 1, fmt)

    def _new_turn(self) -> None:
        self._spent = 0.0

    def _defer(self, block: QTextBlock) -> None:
        """Leave `block` and the lines after it to the catch-up pass."""
        if self._pending is None or block.position() < self._pending.position():
            self._pending = QTextCursor(block)
            # Text typed right at this spot must not carry it past the line.
            self._pending.setKeepPositionOnInsert(True)
        self._catch_up_timer.start()

    def _catch_up(self) -> None:
        """One slice of the pass: mark lines from the first waiting one, for SPELL_SLICE_S."""
        if self._pending is None:
            return
        block = self.document().findBlock(self._pending.position())
        self._pending = None
        self._spent = 0.0
        began = time.perf_counter()
        while block.isValid():
            if self._needs_redraw(block):
                rehighlight_quietly(self, block)
            block = block.next()  # at least one line a slice: the pass ends
            if self._pending is not None:
                return  # a line's check was put off: the pass goes on from there
            if block.isValid() and time.perf_counter() - began >= SPELL_SLICE_S:
                self._defer(block)
                return
        self.spellingDone.emit()
