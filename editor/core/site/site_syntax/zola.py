"""Zola shortcodes in the preview: `{{ name(args) }}` (in a line or alone on one) and the
paired `{% name(args) %}...{% end %}`, whose body Zola renders as Markdown. They are a
site's own templates, so each shows as a box (or, inside a line, a mark) labelled with its
name and arguments, the body rendered inside. `{{/* name() */}}` and `{%/* name() */%}` are
Zola's way to print one literally, and show as written without the comment marks.
"""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock
from markdown_it.rules_core import StateCore
from markdown_it.rules_inline import StateInline

from editor.core.site.site_syntax.boxes import (
    PROTECTED_BRACE,
    box_over_lines,
    closing_line,
    line_of,
    push_mark,
)

# A call: name, then arguments in parentheses (quoted strings may hold parentheses).
_CALL = r"\s*(?P<name>[A-Za-z_]\w*)\((?P<args>(?:\"[^\"]*\"|'[^']*'|`[^`]*`|[^)\"'`])*)\)\s*"
INLINE = re.compile(r"\{\{" + _CALL + r"\}\}")
BODY = re.compile(r"\{%" + _CALL + r"%\}")
_END = re.compile(r"\{%\s*end\s*%\}")
_COMMENT = re.compile(r"\{([{%])/\*(.*?)\*/([}%])\}", re.DOTALL)
KIND = "shortcode"
CSS = "shortcode"


def use_zola(md: MarkdownIt) -> None:
    """Teach `md` Zola's shortcodes."""
    md.core.ruler.after("normalize", "zola_protect", _protect)
    md.block.ruler.before(
        "table", "zola_shortcode", _block, {"alt": ["paragraph", "reference", "blockquote", "list"]}
    )
    md.inline.ruler.before("text", "zola_shortcode", _inline)


def _protect(state: StateCore) -> None:
    state.src = _COMMENT.sub(
        lambda m: f"{PROTECTED_BRACE}{m.group(1)}{m.group(2)}{m.group(3)}}}", state.src
    )


def _block(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    if state.sCount[start] - state.blkIndent >= 4:
        return False
    pos = state.bMarks[start] + state.tShift[start]
    match = INLINE.match(state.src, pos) or BODY.match(state.src, pos)
    if match is None:
        return False
    last = line_of(state, match.end(), start, end)
    if last is None or state.src[match.end() : state.eMarks[last]].strip():
        return False
    if silent:
        return True
    name, args = match.group("name"), match.group("args")
    close = _end_line(state, last + 1, end) if match.re is BODY else None
    return box_over_lines(state, (KIND, name, args, CSS), start, last, close)


def _end_line(state: StateBlock, first: int, end: int) -> int | None:
    """The `{% end %}` line closing a body, nested bodies skipped."""
    return closing_line(
        state,
        first,
        end,
        lambda text: _END.fullmatch(text) is not None,
        lambda text: BODY.fullmatch(text) is not None,
    )


def _inline(state: StateInline, silent: bool) -> bool:
    if not state.src.startswith(("{{", "{%"), state.pos):
        return False
    match = (INLINE if state.src[state.pos + 1] == "{" else BODY).match(
        state.src, state.pos, state.posMax
    )
    if match is None:
        end = _END.match(state.src, state.pos, state.posMax)
        if end is None:
            return False
        if not silent:
            push_mark(state, KIND, "end", "", CSS)
        state.pos = end.end()
        return True
    if not silent:
        push_mark(state, KIND, match.group("name"), match.group("args"), CSS)
    state.pos = match.end()
    return True
