"""Unified diffs of two texts, as `diff -u` and `git diff` print them: for `set --dry-run`,
a taxonomy rename's plan, and the window's Compare, recovery and review dialogs.

Lines are split at `\n` only: a CRLF line shows whole, and a Unicode line separator inside
a title (which `str.splitlines` would cut at) stays inside its line.
"""

from __future__ import annotations

import difflib
import re
from pathlib import PurePath

from editor.core.document.line_breaks import text_lines

CONTEXT = 3  # lines of context around each change, as `diff -u` shows
_HUNK = re.compile(r"^@@ -(\d+)(,\d+)? \+(\d+)(,\d+)? @@")


def unified_diff(old: str, new: str, old_name: str, new_name: str) -> str:
    """`diff -u` of two texts; empty when they are the same.

    The lines both texts start and end with are set aside before difflib compares the rest:
    it is quadratic in repeated lines (blank ones), and a 10 MB post must not stall the
    window for a one-line change.
    """
    a, b = text_lines(old), text_lines(new)
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


def file_diff(path: PurePath, old: str, new: str) -> str:
    """The diff of one file as `git diff` names it (`a/path`, `b/path`); an absolute path is
    named as it is on both sides."""
    if path.is_absolute():
        return unified_diff(old, new, str(path), str(path))
    return unified_diff(old, new, f"a/{path.as_posix()}", f"b/{path.as_posix()}")
