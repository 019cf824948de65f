"""How a markdown-it parser learns a site's syntax: `use_site_syntax` installs each syntax's
rules the site's generator (and the file's type) asks for; `blocks_reach` names the texts that
open a construct whose block rule may read to the body's end."""

from __future__ import annotations

from markdown_it import MarkdownIt

from editor.core.site.site_syntax.boxes import install_common
from editor.core.site.site_syntax.context import SiteSyntaxContext
from editor.core.site.site_syntax.emoji import use_emoji
from editor.core.site.site_syntax.hugo import use_hugo
from editor.core.site.site_syntax.liquid import use_liquid
from editor.core.site.site_syntax.mdx import use_mdx
from editor.core.site.site_syntax.summary import use_summary
from editor.core.site.site_syntax.zola import use_zola

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
