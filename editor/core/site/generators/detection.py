"""How each generator's site root is told apart, light enough to run before any generator's
module is loaded: its markers (files or folders at the root) and, for the three that look
into a file or folder, their rule. `detect_generator` tries `SITES` in order and loads only
the module of the one that matches (a plain folder of posts loads none); each `Generator`
subclass takes its `markers` and its `detect` from here, so the rule is written once.

Imports only the standard library: a generator's module (its config readers, YAML, the
JavaScript literals) is what the lazy detection saves.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Container
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from editor.core import lazy_module

if TYPE_CHECKING:
    import json
else:  # loaded where a package.json is read: only a folder holding one asks
    json = lazy_module("json")

JEKYLL_CONFIGS = ("_config.yml", "_config.yaml", "_config.toml")  # the first found is read
HUGO_CONFIG_BASES = ("hugo", "config")
HUGO_CONFIG_EXTENSIONS = ("toml", "yaml", "yml", "json")
HUGO_CONFIG_FILES = tuple(
    f"{base}.{ext}" for base in HUGO_CONFIG_BASES for ext in HUGO_CONFIG_EXTENSIONS
)
HUGO_CONFIG_DIR = "config"
HUGO_MARKERS = ("hugo.toml", "hugo.yaml", "hugo.yml", "hugo.json", "config.toml", "config.yaml")
ZOLA_MARKERS = ("zola.toml",)
# The config files each tool itself looks for, in its order (Astro's `configPaths`; the names
# Next.js loads, which refuses other extensions): exact names, so a folder is never listed.
ASTRO_MARKERS = tuple(f"astro.config.{ext}" for ext in ("mjs", "js", "ts", "mts", "cjs", "cts"))
NEXTJS_MARKERS = ("next.config.js", "next.config.mjs", "next.config.ts")
ELEVENTY_CONFIGS = (
    ".eleventy.js",
    "eleventy.config.js",
    "eleventy.config.mjs",
    "eleventy.config.cjs",
    "eleventy.config.ts",
    "eleventy.config.mts",
)

Detect = Callable[[Path, Container[str]], bool]


class HeldNames(Container[str]):
    """Which names a folder holds, asked of the disk one name at a time (each answer kept):
    detection asks a few dozen, and a content folder that is its own site root may hold
    100,000 posts, which listing it would read (50 ms) at every open."""

    def __init__(self, folder: Path) -> None:
        self._folder = str(folder)
        self._held: dict[str, bool] = {}

    def __contains__(self, name: object) -> bool:
        if not isinstance(name, str):
            return False
        held = self._held.get(name)
        if held is None:  # an entry of any kind, a broken link too, as a listing tells
            held = self._held[name] = os.path.lexists(os.path.join(self._folder, name))
        return held


def holds_marker(names: Container[str], markers: tuple[str, ...]) -> bool:
    """Whether a folder holding the entries `names` holds one of `markers`: the default
    rule of `Generator.detect`."""
    return any(marker in names for marker in markers)


def zola_site(root: Path, names: Container[str]) -> bool:
    """A `zola.toml`, or a `config.toml` beside `content/` that spells the site address
    `base_url` (Hugo's spells it `baseURL`)."""
    if holds_marker(names, ZOLA_MARKERS):
        return True
    if "config.toml" not in names or "content" not in names:
        return False
    try:
        head = (root / "config.toml").read_text(encoding="utf-8", errors="replace")[:4096]
    except OSError:
        return False
    return "base_url" in head


def has_hugo_config_dir(root: Path) -> bool:
    """Whether `root` keeps its Hugo configuration in `config/_default/`."""
    folder = root / HUGO_CONFIG_DIR / "_default"
    return any((folder / name).is_file() for name in HUGO_CONFIG_FILES)


def hugo_site(root: Path, names: Container[str]) -> bool:
    """A `hugo.*` or `config.*` file at the root, or Hugo's `config/_default/`."""
    return holds_marker(names, HUGO_MARKERS) or ("config" in names and has_hugo_config_dir(root))


def nextjs_site(root: Path, names: Container[str]) -> bool:
    """A `next.config.js/mjs/ts`, or a package.json that depends on `next` (the blog-starter has no
    config file)."""
    if holds_marker(names, NEXTJS_MARKERS):
        return True
    if "package.json" not in names:
        return False
    try:
        with open(root / "package.json", encoding="utf-8") as file:
            package = json.load(file)
    except (OSError, ValueError):
        return False
    if not isinstance(package, dict):
        return False
    return any(
        isinstance(package.get(key), dict) and "next" in package[key]
        for key in ("dependencies", "devDependencies")
    )


def _by_markers(markers: tuple[str, ...]) -> Detect:
    return lambda root, names: holds_marker(names, markers)


class SiteKind(NamedTuple):
    """One generator as detection sees it: its `Generator.name`, the module of
    `editor.core.site.generators` and the class that judge its site, and its rule."""

    name: str
    module: str
    cls: str
    detect: Detect


# Detection order: the first whose rule a folder meets wins. Zola before Hugo, as both may
# keep a `config.toml`; Jekyll first, as a Jekyll site may carry a package.json.
SITES: tuple[SiteKind, ...] = (
    SiteKind("zola", "zola", "Zola", zola_site),
    SiteKind("jekyll", "jekyll", "Jekyll", _by_markers(JEKYLL_CONFIGS)),
    SiteKind("hugo", "hugo", "Hugo", hugo_site),
    SiteKind("astro", "astro", "Astro", _by_markers(ASTRO_MARKERS)),
    SiteKind("next", "nextjs", "NextJs", nextjs_site),
    SiteKind("eleventy", "eleventy", "Eleventy", _by_markers(ELEVENTY_CONFIGS)),
)


def site_kind_at(root: Path, names: Container[str]) -> SiteKind | None:
    """The generator whose site root `root`, which holds the entries `names`, is; or None."""
    return next((kind for kind in SITES if kind.detect(root, names)), None)
