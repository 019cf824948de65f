"""The HTML every site-syntax plugin shows its constructs with: labelled boxes (block),
labelled marks (inline), and the tokens that carry them through markdown-it.

A construct the preview cannot render as the site does (a theme's shortcode, a Liquid tag, an
MDX component) is shown as a box labelled with what it is and its arguments, exactly as the
writer typed them, so nothing of the post is hidden or lost. The boxes are tables, not
bordered divs: Qt's QTextBrowser draws borders and backgrounds of tables and cells, not of
divs. The preview's stylesheets style them (resources/preview.css, and preview-dark.css after it
in the dark theme).

Text the plugins must show literally (Liquid's `{% raw %}`, Hugo's `{{</* */>}}` comments) is
"protected" before parsing: its braces become `PROTECTED_BRACE`, which no rule reacts to, and
`restore_protected` turns them back into braces in the tokens once everything is parsed.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from markdown_it import MarkdownIt
from markdown_it.common.utils import escapeHtml
from markdown_it.rules_block import StateBlock
from markdown_it.rules_core import StateCore
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token

# A private-use character: a brace that no plugin's rule takes for the start of a construct.
PROTECTED_BRACE = "\ue000"

BOX_OPEN = "site_syntax_box_open"
BOX_CLOSE = "site_syntax_box_close"
MARK_OPEN = "site_syntax_mark_open"
MARK_CLOSE = "site_syntax_mark_close"
HTML = "site_syntax_html"

_SPACES = re.compile(r"\s+")


def shown_args(args: str) -> str:
    """Arguments as the writer typed them, on one line."""
    return _SPACES.sub(" ", args).strip()


def label_html(kind: str, name: str, args: str) -> str:
    """The label of a construct: what it is, its name, its arguments; all escaped."""
    shown = shown_args(args)
    tail = f" {escapeHtml(shown)}" if shown else ""
    return f"{escapeHtml(kind)} <b>{escapeHtml(name)}</b>{tail}"


def box_open_html(kind: str, name: str, args: str, css: str, inner: bool) -> str:
    """The start of a labelled box; with `inner`, a body cell follows for the content."""
    head = (
        f'<table class="site-syntax {escapeHtml(css)}" width="100%" border="1" '
        f'cellspacing="0" cellpadding="4"><tr><td class="site-syntax-label">'
        f"{label_html(kind, name, args)}</td></tr>"
    )
    if inner:
        return head + '<tr><td class="site-syntax-body">\n'
    return head + "</table>\n"


BOX_CLOSE_HTML = "</td></tr></table>\n"


def mark_html(kind: str, name: str, args: str, css: str) -> str:
    """An inline labelled mark for a construct inside a line."""
    return f'<span class="site-syntax {escapeHtml(css)}">[{label_html(kind, name, args)}]</span>'


def divider_html(text: str) -> str:
    """A visible divider with a label (the end of a post's summary)."""
    return (
        '<table class="site-syntax summary" width="100%" cellspacing="0" cellpadding="2">'
        f'<tr><td class="site-syntax-summary" align="center">{escapeHtml(text)}</td></tr>'
        "</table>\n"
    )


def push_box(state: StateBlock, kind: str, name: str, args: str, css: str, inner: bool) -> Token:
    """A block box (open token; with `inner`, the caller tokenizes the content and calls
    `close_box`)."""
    token = state.push(BOX_OPEN, "table", 1 if inner else 0)
    token.meta = {"kind": kind, "name": name, "args": args, "css": css, "inner": inner}
    token.block = True
    return token


def close_box(state: StateBlock) -> None:
    """The end of a box opened with `push_box(..., inner=True)`."""
    token = state.push(BOX_CLOSE, "table", -1)
    token.block = True


def closing_line(
    state: StateBlock,
    first: int,
    end: int,
    closes: Callable[[str], bool],
    opens: Callable[[str], bool] = lambda text: False,
) -> int | None:
    """The line from `first` (before `end`) whose stripped text `closes` a construct, pairs
    nested inside it (a line that `opens` one, and the line that closes it) skipped."""
    depth = 0
    for line in range(first, end):
        text = state.src[state.bMarks[line] + state.tShift[line] : state.eMarks[line]].strip()
        if closes(text):
            if depth == 0:
                return line
            depth -= 1
        elif opens(text):
            depth += 1
    return None


def box_over_lines(
    state: StateBlock,
    label: tuple[str, str, str, str],
    start: int,
    last: int,
    close: int | None,
) -> bool:
    """A construct's box, from its opening tag's lines (`start` to `last`) to its closing
    tag's line `close`, the lines between rendered inside it; without a closing tag (None),
    a box of the tag alone. `label`: (kind, name, args, css). The block rule's answer."""
    kind, name, args, css = label
    if close is None:
        push_box(state, kind, name, args, css, inner=False).map = [start, last + 1]
        state.line = last + 1
        return True
    push_box(state, kind, name, args, css, inner=True).map = [start, close + 1]
    tokenize_block_inner(state, last + 1, close)
    close_box(state)
    state.line = close + 1
    return True


def push_block_html(state: StateBlock, html: str, start: int, end: int) -> None:
    """Safe HTML built by a plugin, for the lines `start` to `end` (exclusive)."""
    token = state.push(HTML, "", 0)
    token.content = html
    token.map = [start, end]
    token.block = True


def push_inline_html(state: StateInline, html: str) -> None:
    """Safe HTML built by a plugin, inside a line."""
    token = state.push(HTML, "", 0)
    token.content = html


def push_mark(state: StateInline, kind: str, name: str, args: str, css: str) -> None:
    """An inline labelled mark."""
    push_inline_html(state, mark_html(kind, name, args, css))


def tokenize_block_inner(state: StateBlock, start: int, end: int) -> None:
    """Parse lines `start` to `end` (exclusive) as Markdown blocks inside a box."""
    old_parent, old_max = state.parentType, state.lineMax
    state.parentType = "site_syntax"  # type: ignore[assignment]
    state.lineMax = end
    state.md.block.tokenize(state, start, end)
    state.parentType, state.lineMax = old_parent, old_max


def tokenize_inline_inner(state: StateInline, start: int, end: int) -> None:
    """Parse `state.src[start:end]` as inline Markdown in place."""
    old_max = state.posMax
    state.pos, state.posMax = start, end
    state.md.inline.tokenize(state)
    state.posMax = old_max


def line_of(state: StateBlock, offset: int, first: int, last: int) -> int | None:
    """The line, from `first` to `last` (exclusive), that holds source offset `offset`."""
    for line in range(first, last):
        if state.bMarks[line] <= offset <= state.eMarks[line]:
            return line
    return None


def fence_token(state: StateBlock, lang: str, code: str, start: int, end: int) -> None:
    """A code block for `code`, as a fenced block of `lang` would give (so the preview's
    highlighter colours it like any fence)."""
    token = state.push("fence", "code", 0)
    token.info = lang
    token.content = code if code.endswith("\n") or not code else code + "\n"
    token.markup = "```"
    token.map = [start, end]


def restore_protected(state: StateCore) -> None:
    """Core rule, last: protected braces back to braces in every token."""
    _restore(state.tokens)


def _restore(tokens: Sequence[Token]) -> None:
    for token in tokens:
        if PROTECTED_BRACE in token.content:
            token.content = token.content.replace(PROTECTED_BRACE, "{")
        if token.children:
            _restore(token.children)


def install_common(md: MarkdownIt) -> None:
    """The render rules of the shared tokens and the restoring rule; once per parser."""
    if "site_syntax_restore" in md.core.ruler.get_all_rules():
        return
    md.core.ruler.push("site_syntax_restore", restore_protected)
    md.add_render_rule(BOX_OPEN, _render_box_open)
    md.add_render_rule(BOX_CLOSE, lambda self, tokens, idx, options, env: BOX_CLOSE_HTML)
    md.add_render_rule(MARK_OPEN, _render_mark_open)
    md.add_render_rule(MARK_CLOSE, _render_mark_close)
    md.add_render_rule(HTML, lambda self, tokens, idx, options, env: tokens[idx].content)


def _render_box_open(
    self: object, tokens: list[Token], idx: int, options: object, env: dict
) -> str:
    meta = tokens[idx].meta
    return box_open_html(meta["kind"], meta["name"], meta["args"], meta["css"], meta["inner"])


def _render_mark_open(
    self: object, tokens: list[Token], idx: int, options: object, env: dict
) -> str:
    meta = tokens[idx].meta
    return mark_html(meta["kind"], meta["name"], meta["args"], meta["css"])


def _render_mark_close(
    self: object, tokens: list[Token], idx: int, options: object, env: dict
) -> str:
    meta = tokens[idx].meta
    return (
        f'<span class="site-syntax {escapeHtml(meta["css"])}">[/{escapeHtml(meta["name"])}]</span>'
    )


def push_mark_open(state: StateInline, kind: str, name: str, args: str, css: str) -> None:
    """The start of an inline construct whose content follows, rendered."""
    token = state.push(MARK_OPEN, "span", 0)
    token.meta = {"kind": kind, "name": name, "args": args, "css": css}


def push_mark_close(state: StateInline, name: str, css: str) -> None:
    """The end of an inline construct opened with `push_mark_open`."""
    token = state.push(MARK_CLOSE, "span", 0)
    token.meta = {"name": name, "css": css}
