"""Markdown → HTML, by the site's own Markdown: a `MarkdownProfile` (chosen by the site's
generator, or `.post-editor.yaml`) names the engine and its options; `commonmark` renders
CommonMark + GFM on markdown-it-py, `python_markdown` a plain folder's Python-Markdown;
`heading_ids` makes ids as each generator does, `highlight` colours code for Qt. For the
preview, both render block by block, again only what an edit changed: `block_parse` finds a
CommonMark body's blocks again after an edit, `python_markdown_blocks` cuts a Python-Markdown
body into chunks that render apart as they do together.

The engines are re-exported lazily (PEP 562, `lazy_exports`): a renderer loads its own engine
alone, so `render FILE` of a Python-Markdown post never imports markdown-it, nor a CommonMark
one Python-Markdown."""

from typing import TYPE_CHECKING

from editor.core import lazy_exports

if TYPE_CHECKING:
    from editor.core.site.rendering.commonmark import CommonMarkRenderer
    from editor.core.site.rendering.python_markdown import PythonMarkdownRenderer

_MODULE_OF = {
    "CommonMarkRenderer": "commonmark",
    "PythonMarkdownRenderer": "python_markdown",
}

__getattr__ = lazy_exports(__name__, _MODULE_OF)

__all__ = ["CommonMarkRenderer", "PythonMarkdownRenderer"]
