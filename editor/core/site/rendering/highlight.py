"""Code blocks coloured by pygments with inline styles, for both engines.

Qt's QTextBrowser does not load stylesheets for pygments classes, so the colours are inline.
"""

from __future__ import annotations

from pygments import highlight
from pygments.formatters import HtmlFormatter
from pygments.lexers import get_lexer_by_name
from pygments.util import ClassNotFound


class QtHtmlFormatter(HtmlFormatter):
    """pygments' HTML without the `<pre>` line height: with noclasses, pygments puts
    `line-height: 125%` on <pre>; Qt then paints each code line's background separately, with
    white stripes between. The stylesheet sets it."""

    _pre_style = ""


# "friendly" has strong keyword and string colours that stay readable on white.
STYLE = "friendly"
_FORMATTER = QtHtmlFormatter(noclasses=True, style=STYLE, cssclass="codehilite")


def highlighted(code: str, language: str) -> str | None:
    """`code` as Python-Markdown's codehilite writes it (`<div class="codehilite"><pre>`),
    or None when pygments knows no `language` (the block then stays plain)."""
    if not language:
        return None  # never guessed: a guess colours prose as code
    try:
        lexer = get_lexer_by_name(language)
    except ClassNotFound:
        return None
    return highlight(code, lexer, _FORMATTER)
