"""Each generator's Markdown, as a `MarkdownProfile`, from its site's config where the generator
reads one (`Generator.markdown_profile` calls these).

Defaults are the generators' own, from their documentation:
- Hugo (Goldmark, https://gohugo.io/configuration/markup/): tables, strikethrough, task lists,
  linkify, footnotes, definition lists and the typographer on; `renderer.unsafe` false, so raw
  HTML is omitted; `parser.autoHeadingIDType` "github".
- Jekyll (kramdown with `input: GFM`, Jekyll's default): footnotes, definition lists and smart
  quotes (`smart_quotes`) are kramdown's; GFM's header ids (gfm style) unless `auto_ids` is
  false; with `input: kramdown`, kramdown's own ids; no bare-URL autolinks.
- Astro (remark, https://docs.astro.build/en/reference/configuration-reference/#markdown-options):
  `markdown.gfm` and `markdown.smartypants` default true; heading ids by github-slugger.
- Next.js: remark with remark-gfm, as its blog examples; no typographer, no heading ids.
- Eleventy (markdown-it, `html: true`): tables and strikethrough (markdown-it's default
  preset), no task lists, footnotes or autolinks; heading ids only with markdown-it-anchor.
- Zola (pulldown-cmark, https://www.getzola.org/documentation/getting-started/configuration/):
  tables, footnotes, strikethrough, task lists; `markdown.smart_punctuation` default false;
  ids by its slugify.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from pathlib import Path

from editor.core.site.rendering.profile import MarkdownProfile


def _get(config: Mapping[str, object], *keys: str) -> object:
    value: object = config
    for key in keys:
        if not isinstance(value, Mapping):
            return None
        value = value.get(key)
    return value


def _flag(value: object, default: bool) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in ("true", "false"):
        return value.strip().lower() == "true"
    return default


def hugo_profile(config: Mapping[str, object]) -> MarkdownProfile:
    """Hugo's Goldmark, from `markup.goldmark` (keys lower-cased, as Hugo reads them)."""
    goldmark = _get(config, "markup", "goldmark")
    goldmark = goldmark if isinstance(goldmark, Mapping) else {}
    extensions = _get(goldmark, "extensions")
    extensions = extensions if isinstance(extensions, Mapping) else {}
    typographer = extensions.get("typographer")
    if isinstance(typographer, Mapping):  # a table of replacements, with `disable`
        typographer = not _flag(typographer.get("disable"), False)
    id_type = str(_get(goldmark, "parser", "autoheadingidtype") or "github").lower()
    auto_ids = _flag(_get(goldmark, "parser", "autoheadingid"), True)
    return MarkdownProfile(
        raw_html=_flag(_get(goldmark, "renderer", "unsafe"), False),
        tables=_flag(extensions.get("table"), True),
        strikethrough=_flag(extensions.get("strikethrough"), True),
        task_lists=_flag(extensions.get("tasklist"), True),
        linkify=_flag(extensions.get("linkify"), True),
        footnotes=_flag(extensions.get("footnote"), True),
        definition_lists=_flag(extensions.get("definitionlist"), True),
        typographer=_flag(typographer, True),
        # github-ascii and blackfriday differ from github only past ASCII and in repeats.
        heading_ids="github" if auto_ids and id_type.startswith("github") else "none",
        source="Hugo's markup.goldmark",
    )


def jekyll_profile(config: Mapping[str, object]) -> MarkdownProfile:
    """Jekyll's kramdown, from `markdown` and `kramdown` in `_config.yml`."""
    kramdown = config.get("kramdown")
    kramdown = kramdown if isinstance(kramdown, Mapping) else {}
    gfm = str(kramdown.get("input") or "GFM").lower() == "gfm"
    auto_ids = _flag(kramdown.get("auto_ids"), True)
    return MarkdownProfile(
        linkify=False,
        tables=True,
        strikethrough=gfm,
        task_lists=gfm,
        definition_lists=True,
        # Jekyll sets smart_quotes to lsquo,rsquo,ldquo,rdquo; the GFM parser keeps them.
        typographer=bool(kramdown.get("smart_quotes", True)),
        heading_ids=("github" if gfm else "kramdown") if auto_ids else "none",
        source="Jekyll's kramdown",
    )


def astro_profile(config_text: str) -> MarkdownProfile:
    """Astro's remark, from `markdown: {gfm, smartypants}` in its config's text."""
    gfm = not re.search(r"\bgfm\s*:\s*false\b", config_text)
    smartypants = not re.search(r"\bsmartypants\s*:\s*false\b", config_text)
    return MarkdownProfile(
        tables=gfm,
        strikethrough=gfm,
        task_lists=gfm,
        linkify=gfm,
        footnotes=gfm,
        typographer=smartypants,
        heading_ids="github-slugger",
        source="Astro's markdown settings",
    )


NEXTJS_PROFILE = MarkdownProfile(heading_ids="none", source="remark with remark-gfm")


def eleventy_profile(root: Path) -> MarkdownProfile:
    """Eleventy's markdown-it: its defaults, ids when the site uses markdown-it-anchor."""
    anchors = "markdown-it-anchor" in _dependencies(root)
    return MarkdownProfile(
        task_lists=False,
        linkify=False,
        footnotes="markdown-it-footnote" in _dependencies(root),
        heading_ids="markdown-it-anchor" if anchors else "none",
        source="Eleventy's markdown-it",
    )


def _dependencies(root: Path) -> frozenset[str]:
    try:
        package = json.loads((root / "package.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return frozenset()
    names: set[str] = set()
    for key in ("dependencies", "devDependencies"):
        if isinstance(package, dict) and isinstance(package.get(key), dict):
            names |= set(package[key])
    return frozenset(names)


def zola_profile(config: Mapping[str, object]) -> MarkdownProfile:
    """Zola's pulldown-cmark, from `[markdown]` and `[slugify]` in its config."""
    anchors = str(_get(config, "slugify", "anchors") or "on").lower()
    return MarkdownProfile(
        linkify=False,
        definition_lists=_flag(_get(config, "markdown", "definition_list"), False),
        typographer=_flag(_get(config, "markdown", "smart_punctuation"), False),
        heading_ids="zola" if anchors == "on" else "github" if anchors == "safe" else "none",
        source="Zola's [markdown]",
    )
