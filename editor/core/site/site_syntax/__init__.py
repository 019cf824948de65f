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
"""

from __future__ import annotations

from markdown_it import MarkdownIt

from editor.core.site.site_syntax.boxes import install_common
from editor.core.site.site_syntax.context import SiteSyntaxContext, site_syntax_context
from editor.core.site.site_syntax.emoji import use_emoji
from editor.core.site.site_syntax.hugo import use_hugo
from editor.core.site.site_syntax.liquid import use_liquid
from editor.core.site.site_syntax.mdx import use_mdx
from editor.core.site.site_syntax.summary import use_summary
from editor.core.site.site_syntax.zola import use_zola

__all__ = [
    "SiteSyntaxContext",
    "blocks_reach",
    "site_syntax_context",
    "use_site_syntax",
]

# Eleventy runs Markdown files through Liquid first (its default `markdownTemplateEngine`).
_LIQUID = ("jekyll", "eleventy")


def use_site_syntax(md: MarkdownIt, context: SiteSyntaxContext) -> None:
    """Teach `md` the syntax `context`'s site adds to Markdown. Call once per parser."""
    install_common(md)
    if context.generator == "hugo":
        use_hugo(md, context.resolve_link)
    elif context.generator == "zola":
        use_zola(md)
    elif context.generator in _LIQUID:
        use_liquid(md, context.site_variables, context.resolve_link)
    # An .mdx file is MDX whoever builds it (Astro, Next.js, Eleventy's MDX plugin, or a
    # folder the app sees as plain, such as a monorepo's docs).
    if context.file_type == ".mdx":
        use_mdx(md)
    if context.emoji:
        use_emoji(md)
    if context.summary_separator:
        use_summary(md, context.summary_separator)


def blocks_reach(context: SiteSyntaxContext | None) -> tuple[str, ...]:
    """The texts that open a construct of `context`'s site whose block rule may read any
    number of lines ahead for its end (a paired shortcode, a Liquid block tag, a component):
    a body holding one must be parsed whole to find its top-level blocks."""
    if context is None:
        return ()
    found: list[str] = []
    if context.generator == "hugo":
        found += ["{{<", "{{%"]
    elif context.generator == "zola":
        found += ["{%", "{{"]
    elif context.generator in _LIQUID:
        found += ["{%"]
    if context.file_type == ".mdx":
        found += ["<", "{", "export", "import"]
    return tuple(found)
