"""Line breaks kept through an edit: a widget that knows only `\\n` edits a CRLF or mixed file
without rewriting the lines the user did not touch (`splice_lines`)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from editor.core import lazy_module

if TYPE_CHECKING:
    import difflib
else:
    # Only an edit that changes line breaks pairs lines up: reading a post does not.
    difflib = lazy_module("difflib")

_BREAK = re.compile(r"\r\n|\n|\r")


def _lines(text: str) -> list[tuple[str, str]]:
    """(content, line break) pairs; the last line's break may be empty."""
    out, pos = [], 0
    for brk in _BREAK.finditer(text):
        out.append((text[pos : brk.start()], brk.group()))
        pos = brk.end()
    if pos < len(text):
        out.append((text[pos:], ""))
    return out


_LINE = re.compile(r"[^\n]*\n|[^\n]+\Z")


def text_lines(text: str) -> list[str]:
    """`text`'s lines as a file has them, each with its end: split at `\n` only, so a CRLF
    line stays whole and a character `str.splitlines` also cuts at (a Unicode line or
    paragraph separator, NEL, a form feed inside a title) stays inside its line."""
    return _LINE.findall(text)


def dominant_eol(text: str) -> str:
    """The line break most lines of `text` use (`\\n` for a text with none)."""
    crlf = text.count("\r\n")
    return "\r\n" if crlf > text.count("\n") - crlf else "\n"


def splice_lines(old: str, new: str, eol: str) -> str:
    """`new`, but with the exact line breaks of `old` on every line it shares with it.

    New lines get `eol`. This lets a widget that only knows `\\n` edit a CRLF or mixed file
    without rewriting the lines the user did not touch.
    """
    if eol == "\n" and "\r" not in old and "\r" not in new:
        return new  # every break, kept or new, is "\n" (most posts): nothing to carry over
    a, b = _lines(old), _lines(new)
    if [c for c, _ in a] == [c for c, _ in b] and [bool(k) for _, k in a] == [
        bool(k) for _, k in b
    ]:
        return old
    # The lines before and after the edited region pair up as they are: SequenceMatcher
    # (without autojunk) is quadratic in repeated lines such as blank ones, and a 10 MB
    # post would take minutes; an edit usually touches one place.
    head = 0
    while head < min(len(a), len(b)) and a[head][0] == b[head][0]:
        head += 1
    tail = 0
    while tail < min(len(a), len(b)) - head and a[-1 - tail][0] == b[-1 - tail][0]:
        tail += 1
    pairs = [(i, i) for i in range(head)]
    middle_a, middle_b = a[head : len(a) - tail], b[head : len(b) - tail]
    matcher = difflib.SequenceMatcher(
        None, [c for c, _ in middle_a], [c for c, _ in middle_b], autojunk=False
    )
    for tag, i1, _, j1, j2 in matcher.get_opcodes():
        for k in range(j2 - j1):
            pairs.append((head + i1 + k if tag == "equal" else None, head + j1 + k))
    pairs += [(len(a) - tail + k, len(b) - tail + k) for k in range(tail)]
    out = []
    for i, j in pairs:
        content, brk = b[j]
        old_brk = a[i][1] if i is not None else ""
        out.append(content + ((old_brk or eol) if brk else ""))
    return "".join(out)
