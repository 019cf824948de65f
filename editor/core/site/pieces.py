"""A rendered body cut into pieces the preview can parse apart and put together again.

Qt builds the preview's page piece by piece and replaces only the pieces that changed
(`editor.ui.preview.page_builder`), so the pieces must give Qt exactly the blocks the whole page
gives.
That holds when a cut falls only before a paragraph or heading that follows a paragraph, at
nesting depth 0, with nothing but whitespace between: a list, table or code block starting a
piece would gain an empty block in front of it, and the whitespace after a heading or a code
block becomes text of its own. Every piece but the last so ends with a paragraph. The cuts
depend only on the HTML around them, so an edit changes the pieces it touches and no others.

Qt-free, so the render worker cuts the body and the UI thread does not have to.
"""

from __future__ import annotations

import re

# A tag, its name and whether it closes or closes itself; a comment matches with no name.
# Quoted attribute values may hold ">".
_TAG = re.compile(r"""<!--.*?-->|<(/?)([a-zA-Z][\w:-]*)(?:[^>"']|"[^"]*"|'[^']*')*?(/?)>""", re.S)
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta"})
_VOID |= {"param", "source", "track", "wbr"}
_PIECE_STARTS = frozenset(["p", "h1", "h2", "h3", "h4", "h5", "h6"])


def split_body(body_html: str) -> list[str]:
    """`body_html` cut at every place where Qt parses the pieces apart into the same blocks
    as the whole (see the module's docstring). Joined, the pieces are `body_html` less the
    whitespace at the cuts; HTML too tangled to follow stays one piece."""
    pieces: list[str] = []
    depth, start = 0, 0
    last_closed, closed_at = "", 0  # the last top-level element, and where it ended
    for tag in _TAG.finditer(body_html):
        closing, name, self_closing = tag.group(1, 2, 3)
        if name is None:
            continue  # a comment
        name = name.lower()
        if name in _VOID or self_closing:
            continue
        if closing:
            depth -= 1
            if depth == 0:
                last_closed, closed_at = name, tag.end()
            depth = max(depth, 0)  # a stray end tag
            continue
        if (
            depth == 0
            and name in _PIECE_STARTS
            and last_closed == "p"
            and body_html[closed_at : tag.start()].isspace()
        ):
            pieces.append(body_html[start : tag.start()].strip())
            start = tag.start()
        depth += 1
    pieces.append(body_html[start:].strip())
    return pieces
