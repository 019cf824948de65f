"""Heading ids as each generator makes them, so a link to `#a-heading` in the preview goes where
it goes on the site.

- `github`: Goldmark's default `autoHeadingIDType: github` and kramdown's GFM input: lower case,
  punctuation dropped (but `-` and `_`), each space a `-`; a repeated id gains `-1`, `-2`.
- `github-slugger`: Astro's and rehype-slug's; the same rule, repeats numbered the same way.
- `kramdown`: kramdown's own `auto_ids` (Jekyll with `input: kramdown`): letters, digits,
  spaces and `-` kept, up to the first letter dropped, spaces to `-`; "section" when nothing
  is left.
- `zola`: Zola's `slugify.anchors = "on"`: transliterated to ASCII, every run of other
  characters one `-`; a repeat gains `-1`.
- `markdown-it-anchor`: its default slugify: `encodeURIComponent` of the trimmed, lower-cased
  text with runs of spaces as `-`; a repeat gains `-1`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from urllib.parse import quote

from slugify import slugify

from editor.core.site.rendering.profile import HeadingIds

# GitHub keeps letters, marks, numbers, connector punctuation (_), spaces and hyphens.
_GITHUB_DROP = re.compile(r"[^\w\- ]", re.UNICODE)
_KRAMDOWN_DROP = re.compile(r"[^a-zA-Z0-9 -]")


def _github(text: str) -> str:
    return _GITHUB_DROP.sub("", text.strip().lower()).replace(" ", "-")


def _kramdown(text: str) -> str:
    kept = _KRAMDOWN_DROP.sub("", text)
    kept = re.sub(r"^[^a-zA-Z]+", "", kept)
    return kept.replace(" ", "-").lower() or "section"


def _zola(text: str) -> str:
    return slugify(unicodedata.normalize("NFC", text)) or ""


def _markdown_it_anchor(text: str) -> str:
    return quote(re.sub(r"\s+", "-", text.strip().lower()), safe="-_.!~*'()")


SLUGS: dict[str, Callable[[str], str]] = {
    "github": _github,
    "github-slugger": _github,
    "kramdown": _kramdown,
    "zola": _zola,
    "markdown-it-anchor": _markdown_it_anchor,
}


class HeadingIdMaker:
    """Gives the headings of one document their ids, in order, repeats numbered."""

    def __init__(self, style: HeadingIds) -> None:
        self._slug = SLUGS.get(style)
        self._seen: dict[str, int] = {}

    def __bool__(self) -> bool:
        return self._slug is not None

    def make(self, text: str) -> str:
        """The id of the next heading saying `text` ("" when the style makes none)."""
        if self._slug is None:
            return ""
        base = self._slug(text)
        slug, count = base, self._seen.get(base, 0)
        while slug in self._seen:
            count += 1
            slug = f"{base}-{count}"
        self._seen[base] = count
        self._seen[slug] = 0
        return slug
