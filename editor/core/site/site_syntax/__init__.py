"""Site syntax in the preview: what a site's generator does to a post's body beyond Markdown,
shown as the site will show it, never raw and never lost.

    md = MarkdownIt("commonmark")
    use_site_syntax(md, site_syntax_context(generator, post_path))
    html = md.render(body)

One module per syntax: `hugo` and `zola` (shortcodes), `liquid` (Jekyll's and Eleventy's Liquid tags
and variables), `mdx` (Astro's and Next.js's .mdx: ESM lines, JSX components, expressions),
`emoji` (`:shortcode:` where the site turns them on), `summary` (the summary marker).
`boxes` draws what the preview cannot render as the site does: a box labelled with the
construct's name and arguments (the preview's stylesheets style them). Only the preview changes;
the post's text is never touched. Qt-free.

`install` teaches a parser the site's syntax (`use_site_syntax`), `context` tells which syntax a
post has. Every name is re-exported lazily (PEP 562, `lazy_exports`): `render FILE` on a plain
folder's post asks for its context, and loads neither markdown-it nor any site's syntax.
"""

from typing import TYPE_CHECKING

from editor.core import lazy_exports

if TYPE_CHECKING:
    from editor.core.site.site_syntax.context import SiteSyntaxContext, site_syntax_context
    from editor.core.site.site_syntax.install import blocks_reach, use_site_syntax

_MODULE_OF = {
    "SiteSyntaxContext": "context",
    "blocks_reach": "install",
    "site_syntax_context": "context",
    "use_site_syntax": "install",
}

__getattr__ = lazy_exports(__name__, _MODULE_OF)

__all__ = [
    "SiteSyntaxContext",
    "blocks_reach",
    "site_syntax_context",
    "use_site_syntax",
]
