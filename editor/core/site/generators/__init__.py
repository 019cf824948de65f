"""Site generators, one small module each: which files of a site are posts and pages, and
how the generator dates, drafts, translates and fills in each (see `base.Generator`).

    generator = detect_generator(folder)   # the site around `folder`, or a plain folder
    generator.name                          # "hugo", "jekyll", "astro", "eleventy", "next",
                                            # "zola", "plain"

Adding a generator is adding a module with a `Generator` subclass and naming it in
`GENERATORS`.
"""

from __future__ import annotations

import os
from contextlib import suppress
from pathlib import Path

from editor.core.site.generators.astro import Astro
from editor.core.site.generators.base import (
    POST_FILE_SUFFIXES,
    STATUSES,
    Collection,
    Generator,
    Inherited,
    Kind,
    NewPostStyle,
    Placement,
    Status,
    glob_match,
)
from editor.core.site.generators.eleventy import Eleventy
from editor.core.site.generators.hugo import Hugo
from editor.core.site.generators.jekyll import Jekyll
from editor.core.site.generators.nextjs import NextJs
from editor.core.site.generators.plain import PlainFolder
from editor.core.site.generators.zola import Zola

# Detection order: the first whose markers a folder holds wins. Zola before Hugo, as both
# may keep a `config.toml`; Jekyll first, as a Jekyll site may carry a package.json.
GENERATORS: tuple[type[Generator], ...] = (Zola, Jekyll, Hugo, Astro, NextJs, Eleventy)

__all__ = [
    "GENERATORS",
    "POST_FILE_SUFFIXES",
    "STATUSES",
    "Astro",
    "Collection",
    "Eleventy",
    "Generator",
    "Hugo",
    "Inherited",
    "Jekyll",
    "Kind",
    "NewPostStyle",
    "NextJs",
    "Placement",
    "PlainFolder",
    "Status",
    "Zola",
    "detect_generator",
    "generator_at",
    "glob_match",
]


def generator_at(folder: Path) -> type[Generator] | None:
    """The generator whose site root `folder` is, or None."""
    try:
        names = frozenset(os.listdir(folder))
    except OSError:
        return None
    return next((kind for kind in GENERATORS if kind.detect(folder, names)), None)


def detect_generator(folder: Path) -> Generator:
    """The site around `folder`: the nearest folder, `folder` included, that is a known
    generator's site root, with that generator; else `folder` as a plain folder of posts.
    The home folder and the file-system root are never taken for a site root."""
    start = Path(os.path.abspath(folder))
    stops = {Path(start.anchor)}
    with suppress(RuntimeError):  # no home folder: only the root stops the climb
        stops.add(Path(os.path.abspath(Path.home())))
    for place in (start, *start.parents):
        if place in stops:
            break
        if (kind := generator_at(place)) is not None:
            return kind(place)
    return PlainFolder(start)
