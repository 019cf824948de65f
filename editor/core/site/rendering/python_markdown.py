"""The Python-Markdown engine: a plain folder's Markdown (extra, toc, sane_lists, codehilite).

One `PythonMarkdownRenderer` holds one configured `markdown.Markdown`: building it (loading
extensions, pygments lexers) costs far more than converting a post, and the preview re-renders
on every pause in typing.
"""

from __future__ import annotations

import markdown

from editor.core.site.rendering.highlight import STYLE, QtHtmlFormatter
from editor.core.site.rendering.limits import failed_html

_EXTENSIONS = ["extra", "toc", "sane_lists", "codehilite"]
_EXTENSION_CONFIGS = {
    "codehilite": {
        "noclasses": True,
        "guess_lang": False,
        "pygments_style": STYLE,
        "pygments_formatter": QtHtmlFormatter,
    },
}


class PythonMarkdownRenderer:
    """Renders bodies with one reusable Python-Markdown instance. Not thread-safe."""

    def __init__(self) -> None:
        self._md = self._build()

    @staticmethod
    def _build() -> markdown.Markdown:
        return markdown.Markdown(extensions=_EXTENSIONS, extension_configs=_EXTENSION_CONFIGS)

    def render(self, body: str) -> str:
        """The HTML of `body`; never raises."""
        try:
            # reset() clears what the previous document left: toc ids, footnotes,
            # abbreviations, reference links, the raw-HTML stash.
            return self._md.reset().convert(body)
        except Exception as exc:  # deeply nested lists hit RecursionError, for one
            # reset() does not clear the block parser's state stack, which an exception
            # leaves half-full (later posts then lose their <p>): start from a fresh instance.
            self._md = self._build()
            return failed_html(exc, body)
