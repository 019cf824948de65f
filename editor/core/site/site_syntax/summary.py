"""The summary marker (Hugo's `<!--more-->`, Zola's `<!-- more -->`, Jekyll's
`excerpt_separator`) as a visible divider: the site cuts the post's summary there and shows
nothing, so the preview says where."""

from __future__ import annotations

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock

from editor.core.site.site_syntax.boxes import divider_html, push_block_html

LABEL = "Summary ends here"


def use_summary(md: MarkdownIt, separator: str) -> None:
    """Show each line that is `separator` alone as a divider."""
    md.block.ruler.before(
        "table",
        "site_summary",
        lambda state, start, end, silent: _block(state, start, separator, silent),
        {"alt": ["paragraph"]},
    )


def _block(state: StateBlock, start: int, separator: str, silent: bool) -> bool:
    if state.sCount[start] - state.blkIndent >= 4:
        return False
    text = state.src[state.bMarks[start] + state.tShift[start] : state.eMarks[start]]
    if text.strip() != separator:
        return False
    if not silent:
        push_block_html(state, divider_html(LABEL), start, start + 1)
        state.line = start + 1
    return True
