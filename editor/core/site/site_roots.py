"""Where the site around a content folder starts (`site_root`) and what kind of site or
project it is (`site_kind`): a folder's markers alone, read before anything of the site is
loaded. `site.py` builds on them; `check FILE` needs only these, not its reference regexes.
"""

from __future__ import annotations

import os
from contextlib import suppress
from pathlib import Path

from editor.core.site.generators.detection import HeldNames, site_kind_at

# Files or folders that make a folder a project's root when no site generator claims it: a
# Gatsby site, a Node project, a git repository (see `site_kind`).
_PROJECT_MARKERS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("gatsby", ("gatsby-config.js", "gatsby-config.mjs", "gatsby-config.ts")),  # Gatsby's own
    ("node", ("package.json",)),
    ("git", (".git",)),
)


def site_kind(folder: Path) -> str | None:
    """The generator whose site root `folder` is, by the generators' own detection
    (`generators.detection`: "jekyll", "hugo", "astro", "next", "eleventy", "zola"); else
    "gatsby", "node" or "git" when a project's marker says it is a project's root; None when
    the folder holds no marker."""
    names = HeldNames(folder)  # a folder that cannot be read holds none
    # By the light table: a site's kind is told without loading its generator's module.
    kind = site_kind_at(folder, names)
    if kind is not None:
        return kind.name
    for project, markers in _PROJECT_MARKERS:
        if any(marker in names for marker in markers):
            return project
    return None


def site_root(content_root: Path) -> Path:
    """The root of the site a content folder belongs to: the nearest folder, `content_root`
    itself included, that holds a site marker (hugo.toml, _config.yml, astro.config.mjs,
    package.json, .git...); else `content_root` itself.

    The home folder and the file-system root are never taken for a site: a dotfiles repository
    in the home folder would otherwise make every folder below it one site.
    """
    start = Path(os.path.abspath(content_root))
    stops = {Path(start.anchor)}
    with suppress(RuntimeError):  # no home folder to be found: only the root stops the climb
        stops.add(Path(os.path.abspath(Path.home())))
    for folder in (start, *start.parents):
        if folder in stops:
            break
        if site_kind(folder) is not None:
            return folder
    return start
