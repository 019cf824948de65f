"""How a site names a post: the slug it is published under, the page name a Hugo ref finds,
the date a Jekyll file name gives."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from pathlib import PurePath

from editor.core.document import parse_date
from editor.core.errors import PostError
from editor.core.site.generators import Generator

# A page bundle's text file: the page is named after its folder.
INDEX_NAMES = frozenset({"index", "_index"})
_DATED_NAME = re.compile(r"(\d{4})-(\d\d)-(\d\d)-(.+)")


def slug_of(rel: PurePath, values: Mapping[str, object]) -> str | None:
    """The slug a post is published under: its `slug:` key, else its file name without a
    leading date (`2024-01-01-hello.md` → hello), or its folder's name for a bundle
    (`hello/index.md` → hello). None for the folder's own index page."""
    slug = values.get("slug")
    if isinstance(slug, str | int) and not isinstance(slug, bool) and str(slug).strip("/ "):
        return str(slug).strip("/ ")
    stem = PurePath(rel.name).stem
    if stem in INDEX_NAMES:
        return rel.parent.name if len(rel.parts) > 1 else None
    dated = _DATED_NAME.fullmatch(stem)
    return dated[4] if dated else stem


def page_name(rel: PurePath) -> str:
    """A post's name as a site knows it: the file name, or a bundle's folder name."""
    stem = PurePath(rel.name).stem
    return rel.parent.name if stem in INDEX_NAMES and len(rel.parts) > 1 else stem


def date_in_name(rel: PurePath) -> dt.date | None:
    """The date a Jekyll file name starts with (`2024-01-31-hello.md`), or None."""
    dated = _DATED_NAME.fullmatch(PurePath(rel.name).stem)
    if dated is None:
        return None
    try:
        return parse_date(f"{dated[1]}-{dated[2]}-{dated[3]}")
    except PostError:
        return None


# Jekyll's permalink styles that put the post's date in its address; its default is "date".
_DATED_STYLES = frozenset({"date", "pretty", "ordinal", "weekdate"})


def dates_in_address(generator: Generator) -> bool:
    """Whether the site publishes posts of different days at different addresses even when
    they share a slug: Jekyll with its default permalinks (/2024/01/31/hello.html) or one
    naming the year."""
    if generator.name != "jekyll":
        return False
    permalink = generator.config.get("permalink", "date")
    if not isinstance(permalink, str):
        return True  # unreadable: the default
    return permalink in _DATED_STYLES or "year" in permalink or ":i_day" in permalink
