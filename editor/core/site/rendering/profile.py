"""Which Markdown a site's generator speaks, as one value: `MarkdownProfile`.

Each generator module says what its site's Markdown is (`Generator.markdown_profile`, read
from the site's config where the generator reads it); a `.post-editor.yaml` may name the engine
instead (`markdown: commonmark | python-markdown`). The renderers (`commonmark`,
`python_markdown`) take the profile and nothing else, so the preview, `post-editor render` and
export show a post the same way.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from typing import Literal

Engine = Literal["commonmark", "python-markdown"]
ENGINES: tuple[Engine, ...] = ("commonmark", "python-markdown")
# How the generator makes heading ids: GitHub's rule (Goldmark's `github`, kramdown's GFM
# input), github-slugger (Astro, rehype-slug), kramdown's own `auto_ids`, Zola's slugify,
# markdown-it-anchor's default (Eleventy, when the site uses it), or none at all.
HeadingIds = Literal["github", "github-slugger", "kramdown", "zola", "markdown-it-anchor", "none"]


@dataclass(frozen=True)
class SiteSyntaxContext:
    """The site around a post, as the site-syntax plugins see it.

    `generator`: "hugo", "jekyll", "astro", "eleventy", "nextjs", "zola" or "plain".
    `site_variables`: the values Liquid's `{{ site.NAME }}` gives (Jekyll's `_config.yml`).
    `emoji`: whether the site turns `:shortcode:` into emoji (Hugo's `enableEmoji`, Jekyll's
    jemoji plugin). `resolve_link`: a page's URL from the path a Hugo `ref`/`relref` or a
    Jekyll `{% link %}`/`{% post_url %}` names, None when unknown (the path is shown then).
    `file_type`: the post's suffix, ".md" or ".mdx" (MDX only applies to the latter).
    `summary_separator`: the line that ends a post's summary, None for none.
    """

    generator: str = "plain"
    # A plain dict, left out of the hash: the profile holding it is a cache key and is
    # pickled to the render worker (a MappingProxyType is neither).
    site_variables: Mapping[str, object] = field(default_factory=dict, hash=False)
    emoji: bool = False
    # A module-level function, if any: the profile is pickled to the render worker.
    resolve_link: Callable[[str], str | None] | None = None
    file_type: str = ".md"
    summary_separator: str | None = None


@dataclass(frozen=True)
class MarkdownProfile:
    """The Markdown a site is written in: the `engine`, and for CommonMark the extensions and
    options its generator turns on. `raw_html` False drops raw HTML with a visible mark, as
    Hugo's Goldmark does by default (`unsafe: false`). `source` says where the choice comes
    from, for people ("Hugo's markup.goldmark", ".post-editor.yaml")."""

    engine: Engine = "commonmark"
    raw_html: bool = True
    tables: bool = True
    strikethrough: bool = True
    task_lists: bool = True
    linkify: bool = True
    footnotes: bool = True
    definition_lists: bool = False
    typographer: bool = False
    heading_ids: HeadingIds = "github"
    source: str = ""
    # What the site adds to Markdown (shortcodes, Liquid, MDX...), for the post's own file:
    # None renders plain Markdown (the conformance run, a plain folder).
    syntax: SiteSyntaxContext | None = None

    def with_engine(self, engine: Engine, source: str) -> MarkdownProfile:
        """This profile on `engine` instead (a `.post-editor.yaml` choice)."""
        return replace(self, engine=engine, source=source)

    def with_syntax(self, syntax: SiteSyntaxContext | None) -> MarkdownProfile:
        """This profile with the site syntax of one post (CommonMark only: Python-Markdown,
        a plain folder's engine, has no site syntax)."""
        return replace(self, syntax=syntax if self.engine == "commonmark" else None)


PYTHON_MARKDOWN = MarkdownProfile(engine="python-markdown", source="a folder of posts")
"""The plain folder's profile: Python-Markdown with extra, toc, sane_lists and codehilite."""

COMMONMARK_CORE = MarkdownProfile(
    tables=False,
    strikethrough=False,
    task_lists=False,
    linkify=False,
    footnotes=False,
    heading_ids="none",
    source="the CommonMark spec",
)
"""CommonMark alone, no extension: what the spec's examples are run against."""
