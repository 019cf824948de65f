"""A Python-Markdown body cut into chunks that render apart to what they render together.

Python-Markdown parses a body chunk by chunk (between blank lines), and a chunk that starts at
the margin with a letter or a `#` always begins a new top-level element: only an indented chunk
continues the one before (a list item, a code block), and a definition list takes in a term
whose next line starts with `:`. So the body is cut before such a chunk, outside fenced code;
each piece's HTML is cached by its text, and a keystroke renders one piece again.

What reaches across the whole document makes the body render whole instead (`chunks` gives
None): reference definitions and footnotes (any `]:` or `[^`), a `[TOC]` marker, raw HTML
(a line starting with `<`: Python-Markdown takes HTML blocks across blank lines), a fence
line this module does not read exactly as Python-Markdown does. Ids must then not repeat
across the pieces (the whole document would number a repeat): `PythonMarkdownRenderer`
checks that after rendering them.
"""

from __future__ import annotations

import re

_FENCE = re.compile(r"(`{3,}|~{3,})")
_PLAIN_FENCE = re.compile(r"(`{3,}|~{3,})[ ]*[\w#.+-]*[ ]*")  # a fence and its language
_BLANK = re.compile(r"[ \t]*")
_DEFINITION = re.compile(r" {0,3}:")
_RAW_HTML = re.compile(r"^\s*<", re.MULTILINE)
_WHOLE_ONLY = ("]:", "[^", "[TOC]", "\x02", "\x03")


def chunks(body: str) -> list[tuple[int, str]] | None:
    """`body` cut into (first line, from 0; text) pieces, or None when it must render whole.
    The body's line ends are normalized first (`\\r\\n` and `\\r` to `\\n`), as
    Python-Markdown does."""
    if any(mark in body for mark in _WHOLE_ONLY) or _RAW_HTML.search(body):
        return None
    lines = body.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    found: list[tuple[int, str]] = []
    start, fence = 0, ""
    for number, line in enumerate(lines):
        if fence:
            if line.rstrip(" ") == fence:
                fence = ""
            continue
        opening = _FENCE.match(line)
        if opening:
            if not _PLAIN_FENCE.fullmatch(line):
                return None
            fence = opening[1]
            continue
        if (
            number > start
            and (line[:1].isalpha() or line[:1] == "#")
            and _BLANK.fullmatch(lines[number - 1])
            and not (number + 1 < len(lines) and _DEFINITION.match(lines[number + 1]))
        ):
            found.append((start, "\n".join(lines[start:number])))
            start = number
    if fence:
        return None  # an unclosed fence is text to Python-Markdown: not worth following
    found.append((start, "\n".join(lines[start:])))
    return found
