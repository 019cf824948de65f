"""Which Markdown a site's generator speaks, as one value: `MarkdownProfile`.

Each generator module says what its site's Markdown is (`Generator.markdown_profile`, read
from the site's config where the generator reads it); a `.post-editor.yaml` may name the engine
instead (`markdown: commonmark | python-markdown`). The renderers (`commonmark`,
`python_markdown`) take the profile and nothing else, so the preview, `post-editor render` and
export show a post the same way.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Literal

Engine = Literal["commonmark", "python-markdown"]
ENGINES: tuple[Engine, ...] = ("commonmark", "python-markdown")
# How the generator makes heading ids: GitHub's rule (Goldmark's `github`, kramdown's GFM
# input), github-slugger (Astro, rehype-slug), kramdown's own `auto_ids`, Zola's slugify,
# markdown-it-anchor's default (Eleventy, when the site uses it), or none at all.
HeadingIds = Literal["github", "github-slugger", "kramdown", "zola", "markdown-it-anchor", "none"]


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

    def with_engine(self, engine: Engine, source: str) -> MarkdownProfile:
        """This profile on `engine` instead (a `.post-editor.yaml` choice)."""
        return replace(self, engine=engine, source=source)


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
