"""Site generators, one small module each: which files of a site are posts and pages, and
how the generator dates, drafts, translates and fills in each (see `base.Generator`).

    generator = detect_generator(folder)   # the site around `folder`, or a plain folder
    generator.name                          # "hugo", "jekyll", "astro", "eleventy", "next",
                                            # "zola", "plain"

Adding a generator is adding a module with a `Generator` subclass and naming it, with its
markers, in `detection.SITES`.

Detection reads those markers alone and loads only the module of the generator found (a plain
folder loads none); the generator classes and `GENERATORS` are re-exported lazily (PEP 562,
`lazy_exports`).
"""

from __future__ import annotations

import os
from contextlib import suppress
from pathlib import Path
from typing import TYPE_CHECKING

from editor.core import lazy_exports
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
from editor.core.site.generators.detection import SITES, HeldNames, site_kind_at
from editor.core.site.generators.plain import PlainFolder

if TYPE_CHECKING:
    from editor.core.site.generators.astro import Astro
    from editor.core.site.generators.eleventy import Eleventy
    from editor.core.site.generators.hugo import Hugo
    from editor.core.site.generators.jekyll import Jekyll
    from editor.core.site.generators.nextjs import NextJs
    from editor.core.site.generators.zola import Zola

    # In detection order (`detection.SITES`).
    GENERATORS: tuple[type[Generator], ...]

_export = lazy_exports(__name__, {kind.cls: kind.module for kind in SITES})


def __getattr__(name: str) -> object:
    if name == "GENERATORS":
        return tuple(_export(kind.cls) for kind in SITES)
    return _export(name)


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
    kind = site_kind_at(folder, HeldNames(folder))  # a folder that cannot be read holds none
    return None if kind is None else _export(kind.cls)


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
