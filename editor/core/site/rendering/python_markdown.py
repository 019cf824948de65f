"""The Python-Markdown engine: a plain folder's Markdown (extra, toc, sane_lists, codehilite).

One `PythonMarkdownRenderer` holds one configured `markdown.Markdown`: building it (loading
extensions, pygments lexers) costs far more than converting a post, and the preview re-renders
on every pause in typing.
"""

from __future__ import annotations

import re
from importlib import import_module

import markdown
from markdown.extensions import Extension, extra

from editor.core.site.rendering.highlight import STYLE, QtHtmlFormatter
from editor.core.site.rendering.limits import failed_html
from editor.core.site.rendering.python_markdown_blocks import chunks

_ID = re.compile(r'\bid="([^"]*)"')
_FAILED = '<p class="render-error">'
_END = "end"
_END_HTML = "<p>end</p>"

EXTENSIONS = ["extra", "toc", "sane_lists", "codehilite"]
EXTENSION_CONFIGS = {
    "codehilite": {
        "noclasses": True,
        "guess_lang": False,
        "pygments_style": STYLE,
        "pygments_formatter": QtHtmlFormatter,
    },
}


def extensions() -> list[Extension]:
    """`EXTENSIONS` built from their modules, as Python-Markdown builds a dotted name: a
    short name is looked up among every installed package's entry points, which loads
    importlib.metadata and reads each one's metadata (20 ms at each start). "extra" is the
    extensions its module lists, in its order, as it registers them."""
    names = [n for name in EXTENSIONS for n in (extra.extensions if name == "extra" else [name])]
    return [
        import_module(f"markdown.extensions.{name}").makeExtension(
            **EXTENSION_CONFIGS.get(name, {})
        )
        for name in names
    ]


class PythonMarkdownRenderer:
    """Renders bodies with one reusable Python-Markdown instance. Not thread-safe."""

    def __init__(self) -> None:
        self._md = self._build()
        self._cache: dict[str, str] = {}  # the last `blocks` call's pieces: text → HTML

    @staticmethod
    def _build() -> markdown.Markdown:
        return markdown.Markdown(extensions=extensions())

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

    def blocks(self, body: str) -> list[tuple[int, str]] | None:
        """`body`'s pieces (`chunks`), each as (its first line, from 0; its HTML), rendered
        apart, the pieces unchanged since the last call taken from it; joined, their HTML is
        `render(body)`. None when the body must render whole."""
        found = chunks(body)
        if found is None:
            return None
        cache: dict[str, str] = {}
        rendered: list[tuple[int, str]] = []
        for line, text in found:
            html = cache.get(text) or self._cache.get(text)
            if html is None:
                # With a last paragraph after it: the whitespace a piece ends with in the
                # whole (after a code block, a blank line) is then not stripped away.
                html = self.render(text + "\n\n" + _END)
                if not html.endswith(_END_HTML):
                    return None
                html = html[: -len(_END_HTML)]
            cache[text] = html
            if html:
                rendered.append((line, html))
        self._cache = cache  # only this body's pieces: the cache never outgrows the post
        ids = [match[1] for _, html in rendered for match in _ID.finditer(html)]
        if len(ids) != len(set(ids)) or any(_FAILED in html for _, html in rendered):
            return None  # a repeat the whole would number; a piece that failed alone
        if rendered:
            line, html = rendered[-1]
            rendered[-1] = (line, html.rstrip())
        return rendered
