"""A CommonMark parser with a site's syntax, for the site-syntax tests (not a test module)."""

from __future__ import annotations

from markdown_it import MarkdownIt

from editor.core.site.site_syntax import SiteSyntaxContext, use_site_syntax


def render(text: str, generator: str = "hugo", **context: object) -> str:
    """`text` rendered as the preview renders a post of `generator`'s site."""
    md = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    use_site_syntax(md, SiteSyntaxContext(generator=generator, **context))  # type: ignore[arg-type]
    return md.render(text)
