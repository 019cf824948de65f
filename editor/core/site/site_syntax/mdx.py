"""MDX in the preview (Astro's and Next.js's `.mdx` posts): ESM `import`/`export` blocks are
hidden, as they render nothing; JSX components (tags whose name starts with a capital:
`<Badge text="New" />`, `<Aside type="tip">...</Aside>`) are boxes labelled with their name
and attributes, their children rendered as Markdown; `{expression}` is shown as code, and
`{/* comment */}` hidden.

MDX also turns off indented code blocks (indentation only nests JSX there), so this does too.
"""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.common.utils import escapeHtml
from markdown_it.rules_block import StateBlock
from markdown_it.rules_inline import StateInline

from editor.core.site.site_syntax.boxes import (
    box_over_lines,
    closing_line,
    line_of,
    push_block_html,
    push_inline_html,
    push_mark,
    push_mark_close,
    push_mark_open,
    tokenize_inline_inner,
)

_NAME = re.compile(r"<([A-Z][\w.]*)")
_ATTR_NAME = re.compile(r"[\w:.-]+")
_ESM = re.compile(r"(?:import|export)\b")
KIND = "component"
CSS = "component"


def use_mdx(md: MarkdownIt) -> None:
    """Teach `md` MDX's ESM lines, components and expressions."""
    md.disable("code", ignoreInvalid=True)
    alt = {"alt": ["paragraph", "reference", "blockquote", "list"]}
    # ESM starts a block of its own: it never interrupts a paragraph or a list.
    md.block.ruler.before("table", "mdx_esm", _esm)
    md.block.ruler.before("table", "mdx_component", _component_block, alt)
    md.inline.ruler.before("text", "mdx_component", _component_inline)
    md.inline.ruler.before("text", "mdx_expression", _expression)


def jsx_tag(src: str, pos: int, end: int) -> tuple[str, str, bool, int] | None:
    """A JSX opening tag at `pos`: (name, attributes as written, self-closing, end offset)."""
    match = _NAME.match(src, pos, end)
    if match is None:
        return None
    at = match.end()
    while at < end:
        char = src[at]
        if char.isspace():
            at += 1
        elif src.startswith("/>", at):
            return match.group(1), src[match.end() : at], True, at + 2
        elif char == ">":
            return match.group(1), src[match.end() : at], False, at + 1
        elif char == "{":
            at = _balanced(src, at, end)
            if at < 0:
                return None
        elif name := _ATTR_NAME.match(src, at, end):
            at = name.end()
            if at < end and src[at] == "=":
                at += 1
                if at < end and src[at] in "\"'":
                    close = src.find(src[at], at + 1, end)
                    if close < 0:
                        return None
                    at = close + 1
                elif at < end and src[at] == "{":
                    at = _balanced(src, at, end)
                    if at < 0:
                        return None
                else:
                    return None
        else:
            return None
    return None


def _balanced(src: str, at: int, end: int) -> int:
    """The offset after the `}` matching the `{` at `at`, -1 when it is not closed."""
    depth = 0
    quote = ""
    for index in range(at, end):
        char = src[index]
        if quote:
            if char == quote and src[index - 1] != "\\":
                quote = ""
        elif char in "\"'`":
            quote = char
        elif char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 0:
                return index + 1
    return -1


def _esm(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    # MDX reads ESM at the top level, JSX children included, not in a list or a quote (whose
    # content is indented or follows a `>` on its line); a block ends at a blank line.
    if state.blkIndent or state.sCount[start]:
        return False
    line_start = state.src.rfind("\n", 0, state.bMarks[start]) + 1
    if state.src[line_start : state.bMarks[start]].strip():
        return False
    pos = state.bMarks[start] + state.tShift[start]
    if not _ESM.match(state.src, pos, state.eMarks[start]):
        return False
    if silent:
        return True
    line = start + 1
    while line < end and not state.isEmpty(line):
        line += 1
    state.line = line
    return True


def _component_block(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    pos = state.bMarks[start] + state.tShift[start]
    if state.src.startswith("{", pos):
        return _expression_block(state, start, end, silent, pos)
    tag = jsx_tag(state.src, pos, len(state.src))
    if tag is None:
        return False
    name, attrs, self_closing, tag_end = tag
    last = line_of(state, tag_end, start, end)
    if last is None or state.src[tag_end : state.eMarks[last]].strip():
        return False
    if silent:
        return True
    close = None if self_closing else _closing_line(state, name, last + 1, end)
    return box_over_lines(state, (KIND, name, attrs, CSS), start, last, close)


def _closing_line(state: StateBlock, name: str, first: int, end: int) -> int | None:
    """The line from `first` that is `</name>`, nested `<name>` pairs skipped."""
    closing = f"</{name}>"

    def opens(text: str) -> bool:
        if not text.startswith(f"<{name}") or closing in text:
            return False
        tag = jsx_tag(text, 0, len(text))
        return tag is not None and tag[0] == name and not tag[2]

    return closing_line(state, first, end, lambda text: text == closing, opens)


def _expression_block(state: StateBlock, start: int, end: int, silent: bool, pos: int) -> bool:
    """A line (or lines) holding one `{expression}`: hidden when a comment, else code."""
    stop = _balanced(state.src, pos, len(state.src))
    last = line_of(state, stop, start, end) if stop > 0 else None
    if last is None or state.src[stop : state.eMarks[last]].strip():
        return False
    if silent:
        return True
    inner = state.src[pos + 1 : stop - 1].strip()
    if not (inner.startswith("/*") and inner.endswith("*/")):
        html = f'<pre><code class="site-syntax expression">{{{escapeHtml(inner)}}}</code></pre>\n'
        push_block_html(state, html, start, last + 1)
    state.line = last + 1
    return True


def _component_inline(state: StateInline, silent: bool) -> bool:
    if not state.src.startswith("<", state.pos):
        return False
    tag = jsx_tag(state.src, state.pos, state.posMax)
    if tag is None:
        return False
    name, attrs, self_closing, tag_end = tag
    close = -1 if self_closing else state.src.find(f"</{name}>", tag_end, state.posMax)
    if silent:
        state.pos = close + len(name) + 3 if close >= 0 else tag_end
        return True
    if close < 0:
        push_mark(state, KIND, name, attrs, CSS)
        state.pos = tag_end
        return True
    push_mark_open(state, KIND, name, attrs, CSS)
    tokenize_inline_inner(state, tag_end, close)
    push_mark_close(state, name, CSS)
    state.pos = close + len(name) + 3
    return True


def _expression(state: StateInline, silent: bool) -> bool:
    if not state.src.startswith("{", state.pos):
        return False
    stop = _balanced(state.src, state.pos, state.posMax)
    if stop < 0:
        return False
    inner = state.src[state.pos + 1 : stop - 1].strip()
    if not silent and not (inner.startswith("/*") and inner.endswith("*/")):
        push_inline_html(
            state, f'<code class="site-syntax expression">{{{escapeHtml(inner)}}}</code>'
        )
    state.pos = stop
    return True
