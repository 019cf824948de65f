"""Emoji shortcodes (`:smile:`) as the emoji, where the site turns them on (Hugo's
`enableEmoji`, Jekyll's jemoji plugin).

The names come from the `emoji` package's "alias" table, which holds GitHub's gemoji names:
the list both Hugo (its emoji table is gemoji's) and jemoji use. mdit-py-plugins has no emoji
plugin, and the one small third-party plugin (mdit-py-emoji) has had no release since 2023,
while `emoji` is widely used and follows each Unicode release.
"""

from __future__ import annotations

import re
from functools import partial
from types import ModuleType

from markdown_it import MarkdownIt
from markdown_it.rules_inline import StateInline

_SHORTCODE = re.compile(r":([a-z0-9_+-]+):")


def use_emoji(md: MarkdownIt) -> None:
    """Replace each known `:name:` in text by its emoji."""
    # Imported on first use: its table is 6 MB in every process that imports the renderer
    # (the window and its render worker), and most sites never turn emoji on.
    import emoji as emoji_table

    md.inline.ruler.before("text", "site_emoji", partial(_inline, emoji_table))


def _inline(emoji_table: ModuleType, state: StateInline, silent: bool) -> bool:
    if state.src[state.pos] != ":":
        return False
    match = _SHORTCODE.match(state.src, state.pos, state.posMax)
    if match is None:
        return False
    shown = emoji_table.emojize(match.group(0), language="alias")
    if shown == match.group(0):
        return False
    if not silent:
        token = state.push("text", "", 0)
        token.content = shown
    state.pos = match.end()
    return True
