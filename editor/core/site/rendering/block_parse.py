"""Where a CommonMark body's top-level blocks are, found again after an edit by parsing only
the lines around it.

markdown-it's block parse of a 50,000-word body takes tens of milliseconds, most of a keystroke's
render once the blocks' HTML is cached. But at the top level the parse keeps no state from one
block to the next (a block starts wherever the one before ended), so after an edit:

- a block before the edit stands if the lines the parser read to end it are unchanged: up to
  the first non-blank line after it, and `LOOK_AHEAD` lines more (a definition list looks past
  a blank line for its next term);
- from the first block that may have changed, the lines are parsed again in a window, until a
  block starts at the start of an old block in the unchanged end of the text: from there on the
  blocks are the old ones, moved by the lines the edit added or took away. A window that ends
  before that happens is doubled.

Reference definitions make no block of their own (markdown-it gives them no token) and may sit
inside a quote or a list item, so a body that may hold one (any `]:` in it: a label ends so)
is parsed whole, and its definitions collected.
A block rule that searches further ahead than LOOK_AHEAD lines for something it may not find
(no CommonMark or GFM rule does; a site's paired shortcode or component does) would make the
window's parse differ from the whole's: its openers are given as `whole_if`.
"""

from __future__ import annotations

from typing import Any

from markdown_it import MarkdownIt
from markdown_it.token import Token

LOOK_AHEAD = 3
FIRST_WINDOW = 64  # lines

Span = tuple[int, int]  # a top-level block's lines: first, and one past its last


class BlockParse:
    """The top-level blocks of the last body given to `spans`, to find those of the next."""

    def __init__(self, md: MarkdownIt, whole_if: tuple[str, ...] = ()) -> None:
        """`whole_if`: texts whose presence makes a body be parsed whole, beyond `]:` (the
        openers of a plugin's block rules that read further ahead than LOOK_AHEAD)."""
        self._md = md
        self._whole_if = ("]:", *whole_if)
        self._lines: list[str] = []
        self._spans: list[Span] = []

    def spans(self, source: str) -> tuple[list[Span], dict[str, Any]] | None:
        """The top-level blocks of `source` (normalized: `\\n` line ends, no NUL), and the
        reference definitions found, or None when a block has no source lines."""
        lines = source.split("\n")
        if not self._spans or any(text in source for text in self._whole_if):
            env: dict[str, Any] = {}
            spans = self._parse(lines, 0, len(lines), env)
            references = env.get("references", {})
        else:
            spans, references = self._again(lines), {}
        self._lines, self._spans = lines, spans or []
        return None if spans is None else (spans, references)

    def _again(self, lines: list[str]) -> list[Span] | None:
        old_lines, old = self._lines, self._spans
        prefix = 0
        for a, b in zip(old_lines, lines, strict=False):
            if a != b:
                break
            prefix += 1
        most = min(len(old_lines), len(lines)) - prefix
        suffix = 0
        while suffix < most and old_lines[-1 - suffix] == lines[-1 - suffix]:
            suffix += 1
        shift = len(lines) - len(old_lines)
        kept = 0  # old blocks that stand
        while kept < len(old) and _read_to(old_lines, old[kept][1]) + LOOK_AHEAD < prefix:
            kept += 1
        restart = old[kept - 1][1] if kept else 0
        # Old block starts in the unchanged end, as lines of the new text, each with its index.
        resync = {
            start + shift: n for n, (start, _) in enumerate(old) if start >= len(old_lines) - suffix
        }
        window = FIRST_WINDOW
        while True:
            end = min(restart + window, len(lines))
            spans = self._parse(lines, restart, end, {})
            if spans is None:
                return None
            for n, (start, _) in enumerate(spans):
                if start in resync and (end == len(lines) or start + LOOK_AHEAD < end):
                    rest = [(a + shift, b + shift) for a, b in old[resync[start] :]]
                    return old[:kept] + spans[:n] + rest
            if end == len(lines):
                return old[:kept] + spans
            window *= 2

    def _parse(
        self, lines: list[str], start: int, end: int, env: dict[str, Any]
    ) -> list[Span] | None:
        """The top-level blocks of lines[start:end], as lines of the whole text."""
        text = "\n".join(lines[start:end])
        if end < len(lines):
            text += "\n"
        tokens: list[Token] = []
        self._md.block.parse(text, self._md, env, tokens)
        spans: list[Span] = []
        for token in tokens:
            if token.level == 0 and token.nesting >= 0:
                if token.map is None:
                    return None  # a plugin's block with no place in the source
                spans.append((token.map[0] + start, token.map[1] + start))
        return spans


def _read_to(lines: list[str], end: int) -> int:
    """The last line the parser read to end a block ending before line `end`: the first line
    from `end` on that is not blank."""
    while end < len(lines) and not lines[end].strip():
        end += 1
    return end
