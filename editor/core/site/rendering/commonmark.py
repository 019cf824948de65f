"""The CommonMark + GFM engine, on markdown-it-py: the Markdown of Hugo (Goldmark), Jekyll
(kramdown's GFM input), Astro and Next.js (remark), Eleventy (markdown-it) and Zola
(pulldown-cmark), with what each site turns on (`MarkdownProfile`).

Built once per profile, as building loads the plugins and compiles their rules. Each top-level
block is rendered on its own as well (`blocks`), with the source line its token map gives, so
the preview can place a piece of the page by the line it comes from.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Sequence
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.renderer import RendererHTML
from markdown_it.rules_core import StateCore
from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict
from mdit_py_plugins.deflist import deflist_plugin
from mdit_py_plugins.footnote import footnote_plugin
from mdit_py_plugins.tasklists import tasklists_plugin

from editor.core.site.rendering.block_parse import BlockParse
from editor.core.site.rendering.heading_ids import HeadingIdMaker
from editor.core.site.rendering.highlight import highlighted
from editor.core.site.rendering.limits import failed_html
from editor.core.site.rendering.profile import MarkdownProfile
from editor.core.site.site_syntax import blocks_reach, use_site_syntax

Plugin = Callable[[MarkdownIt], None]
"""A markdown-it-py plugin: `md.use(plugin)`. Site syntax (shortcodes, Liquid, MDX) comes in
this way (`CommonMarkRenderer(plugins=...)`)."""

# What Goldmark writes for raw HTML with `unsafe: false`, and a mark the writer can see, since
# the comment alone shows nothing where their HTML was.
OMITTED_BLOCK = '<!-- raw HTML omitted -->\n<p class="raw-html-omitted">raw HTML omitted</p>\n'
_NEWLINES = re.compile(r"\r\n?|\n")
_NULL = re.compile(r"\0")
_HEADING_ID = re.compile(r'<h[1-6] id="([^"]*)"')

OMITTED_INLINE = '<!-- raw HTML omitted --><span class="raw-html-omitted">raw HTML omitted</span>'


def build(
    profile: MarkdownProfile,
    plugins: Sequence[Plugin] = (),
    highlight: bool = True,
) -> MarkdownIt:
    """A markdown-it-py parser and renderer for `profile`. `plugins` are applied last, after
    the profile's extensions: site syntax plugins go here, so they see (and may take over)
    the rules CommonMark and GFM set up. `highlight` False leaves code blocks as CommonMark
    writes them (the conformance run)."""
    md = MarkdownIt(
        "commonmark",
        {"html": True, "linkify": profile.linkify, "typographer": profile.typographer},
    )
    if profile.tables:
        md.enable("table")
    if profile.strikethrough:
        md.enable("strikethrough")
        # <del>, as GFM, Goldmark, remark and pulldown-cmark write it (markdown-it: <s>).
        md.add_render_rule("s_open", lambda *_: "<del>")
        md.add_render_rule("s_close", lambda *_: "</del>")
    if profile.linkify:
        md.enable("linkify")
    if profile.typographer:
        md.enable(["replacements", "smartquotes"])
    if profile.footnotes:
        md.use(footnote_plugin)
    if profile.definition_lists:
        md.use(deflist_plugin)
    if profile.task_lists:
        md.use(tasklists_plugin)
    if not profile.raw_html:
        # Before the task lists' rule, which adds its checkbox as raw HTML: only the HTML the
        # writer wrote is dropped.
        if profile.task_lists:
            md.core.ruler.before("github-tasklists", "omit_raw_html", _omit_raw_html)
        else:
            md.core.ruler.push("omit_raw_html", _omit_raw_html)
        md.add_render_rule("raw_html_omitted", _omitted)
    if profile.heading_ids != "none":
        style = profile.heading_ids
        md.core.ruler.push("heading_ids", lambda state: _heading_ids(state, HeadingIdMaker(style)))
    if highlight:
        md.add_render_rule("fence", _fence)
    # Site syntax last, so its rules see (and may take over) those CommonMark and GFM set up.
    if profile.syntax is not None:
        use_site_syntax(md, profile.syntax)
    for plugin in plugins:
        md.use(plugin)
    return md


def _heading_ids(state: StateCore, ids: HeadingIdMaker) -> None:
    tokens = state.tokens
    for index, token in enumerate(tokens):
        if token.type == "heading_open" and index + 1 < len(tokens):
            inline = tokens[index + 1]
            text = "".join(
                child.content
                for child in inline.children or ()
                if child.type in ("text", "code_inline", "html_inline")
            )
            if slug := ids.make(text):
                token.attrSet("id", slug)


def _omit_raw_html(state: StateCore) -> None:
    for token in state.tokens:
        if token.type == "html_block":
            token.type = "raw_html_omitted"
        for child in token.children or ():
            if child.type == "html_inline":
                child.type = "raw_html_omitted"


def _omitted(
    renderer: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    return OMITTED_BLOCK if tokens[idx].block else OMITTED_INLINE


def _fence(
    renderer: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    token = tokens[idx]
    language = token.info.strip().split(maxsplit=1)[0] if token.info.strip() else ""
    coloured = highlighted(token.content, html.unescape(language))
    if coloured is None:
        return renderer.fence(tokens, idx, options, env)
    return coloured


class CommonMarkRenderer:
    """Renders bodies with one markdown-it-py instance built for a profile. Not thread-safe
    (plugins may keep state between the rules of one render)."""

    def __init__(
        self, profile: MarkdownProfile, plugins: Sequence[Plugin] = (), highlight: bool = True
    ) -> None:
        self.profile = profile
        self._md = build(profile, plugins, highlight)
        # The last `blocks` call's blocks (source text → HTML), and the reference
        # definitions they were rendered with.
        self._cache: dict[str, str] = {}
        self._references: dict[str, Any] = {}
        # A construct of the site's that may span blocks (a paired shortcode, a component)
        # is found by a rule that reads far ahead: with one in the body, parse it whole.
        self._spans = BlockParse(self._md, blocks_reach(profile.syntax))

    @property
    def md(self) -> MarkdownIt:
        """The configured parser, for plugins and tests that need its tokens."""
        return self._md

    def render(self, body: str) -> str:
        """The HTML of `body`; never raises."""
        try:
            return self._md.render(body)
        except Exception as exc:  # a plugin's fault, or recursion in pathological nesting
            return failed_html(exc, body)

    def blocks(self, body: str) -> list[tuple[int, str]]:
        """`body`'s top-level blocks, each as (its first source line, from 0; its HTML), in
        order; joined, their HTML is `render(body)`. A block without a source line (the
        footnotes at the end) takes the line of the block before.

        Block by block where that gives the whole render's HTML (`_by_block`): only blocks
        whose text changed since the last call are rendered again, so a keystroke in a long
        post costs the block parse of the whole body (a tenth of a render) and one block."""
        try:
            return self._by_block(body) or self._whole_blocks(body)
        except Exception as exc:
            return [(0, failed_html(exc, body))]

    def _by_block(self, body: str) -> list[tuple[int, str]] | None:
        """The blocks rendered each on its own (the unchanged ones from the last call), or
        None where that could differ from the whole render: footnotes, numbered across the
        document; a heading id the whole document would number as a repeat."""
        if "[^" in body or "^[" in body:
            return None
        source = _NULL.sub("\ufffd", _NEWLINES.sub("\n", body))  # markdown-it's `normalize`
        found_spans = self._spans.spans(source)
        if found_spans is None:
            return None
        spans, references = found_spans
        if references != self._references:  # a definition anywhere changes any block
            self._cache, self._references = {}, references
        lines = source.split("\n")
        found: list[tuple[int, str]] = []
        cache: dict[str, str] = {}
        for start, end in spans:
            text = "\n".join(lines[start:end])
            if end < len(lines):  # the last line keeps its lack of a line end, as in the whole
                text += "\n"
            rendered = cache.get(text) or self._cache.get(text)
            if rendered is None:
                # A copy of the definitions: rendering adds what it meets to `env`.
                rendered = self._md.render(text, {"references": dict(references)})
            cache[text] = rendered
            found.append((start, rendered))
        self._cache = cache  # only this body's blocks: the cache never outgrows the post
        ids = [m[1] for _, html_ in found for m in _HEADING_ID.finditer(html_)]
        if len(ids) != len(set(ids)):
            return None
        return found

    def _whole_blocks(self, body: str) -> list[tuple[int, str]]:
        """The blocks of one render of the whole body."""
        env: dict[str, Any] = {}
        tokens = self._md.parse(body, env)
        found: list[tuple[int, str]] = []
        start, line = 0, 0
        for index, token in enumerate(tokens):
            if token.level == 0 and token.nesting <= 0:  # the end of a top-level block
                first = tokens[start]
                line = first.map[0] if first.map else line
                rendered = self._md.renderer.render(
                    tokens[start : index + 1], self._md.options, env
                )
                found.append((line, rendered))
                start = index + 1
        if start < len(tokens):
            rest = self._md.renderer.render(tokens[start:], self._md.options, env)
            found.append((line, rest))
        return found
