"""Hugo's `cascade`: front-matter values a section's `_index.md` (or the site config) gives
the pages below it, and the section page itself.

`cascade` is a map (every page below takes it) or a list of maps, each with an optional
`_target` (spelled `target` since Hugo 0.140) of glob patterns: `path` (the page's path
below the content dir, `/blog/**`), `kind` (home, section, page), `lang`, `environment`.
A page takes a key from the nearest `_index.md` that gives it; its own front matter wins
over every cascade (see `Generator.build_values`).
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from editor.core import document
from editor.core.document import decode, read_bytes
from editor.core.errors import PostError
from editor.core.site.generators.base import glob_match
from editor.core.site.generators.hugo_config import ENVIRONMENT


@dataclass(frozen=True)
class Target:
    """Which pages one cascade entry is for; an empty pattern matches every page."""

    path: str = ""
    kind: str = ""
    lang: str = ""
    environment: str = ""

    def matches(self, paths: tuple[str, ...], kind: str, lang: str) -> bool:
        """Whether a page at one of `paths` (its spellings: Hugo 0.123 and later name a
        page `/posts/a`, earlier ones `/posts/a.md`), of `kind` and `lang`, is targeted."""
        if self.kind and not _match(self.kind, kind):
            return False
        if self.lang and not _match(self.lang, lang):
            return False
        if self.environment and not _match(self.environment, ENVIRONMENT):
            return False
        return not self.path or any(_match(self.path, path) for path in paths)


@dataclass(frozen=True)
class Entry:
    """One cascade entry: the values it gives and the pages it gives them to."""

    values: Mapping[str, object]
    target: Target


def entries(cascade: object) -> tuple[Entry, ...]:
    """The entries of a `cascade` value, in the order written; () for what is not one."""
    items = cascade if isinstance(cascade, list) else [cascade]
    out = []
    for item in items:
        if not isinstance(item, Mapping):
            continue
        target: object = {}
        values = {}
        for key, value in item.items():
            if str(key).lower() in ("_target", "target") and isinstance(value, Mapping):
                target = value
            else:
                values[str(key)] = value
        found = {str(k).lower(): str(v) for k, v in target.items()} if target else {}
        out.append(
            Entry(
                values,
                Target(
                    found.get("path", ""),
                    found.get("kind", ""),
                    found.get("lang", ""),
                    found.get("environment", ""),
                ),
            )
        )
    return tuple(out)


class IndexFiles:
    """The cascades of `_index` files, read once per version of each file."""

    def __init__(self) -> None:
        self._read: dict[Path, tuple[tuple[int, int], tuple[Entry, ...]]] = {}

    def cascade(self, path: Path) -> tuple[Entry, ...]:
        """The cascade entries of the content file at `path`; () when it gives none or
        cannot be read (checking that file itself tells why)."""
        try:
            st = os.stat(path)
        except OSError:
            return ()
        stamp = (st.st_mtime_ns, st.st_size)
        known = self._read.get(path)
        if known is not None and known[0] == stamp:
            return known[1]
        found = entries(_cascade_value(front_matter(path)))
        self._read[path] = (stamp, found)
        return found


def front_matter(path: Path) -> Mapping[str, object]:
    """The front matter of a content file: YAML, TOML or JSON, as Hugo reads it; {} when it
    has none or it cannot be read."""
    try:
        text = decode(read_bytes(path), path)
    except PostError:
        return {}
    if text.lstrip("\ufeff").startswith("{"):
        # Hugo's JSON front matter: one object, then the body.
        try:
            value, _ = json.JSONDecoder().raw_decode(text.lstrip("\ufeff"))
        except json.JSONDecodeError:
            return {}
        return value if isinstance(value, dict) else {}
    # `document.Post`, looked up here: the document model loads with the first section read,
    # not with the generators (a folder reopened from the index cache reads none).
    post = document.Post(text, path)
    return {} if post.error else post.values


def page_paths(inner: PurePosixPath, base: str) -> tuple[str, ...]:
    """The paths a cascade `path` pattern is matched against for the file at `inner`
    (relative to its content dir) whose name without language and extension is `base`:
    Hugo's logical path (`/posts/a`, `/posts/bundle` for its `index.md`, `/posts` for its
    `_index.md`) and the file path that Hugo before 0.123 matched (`/posts/a.md`)."""
    folder = inner.parent.as_posix()
    folder = "" if folder == "." else "/" + folder.lower()
    logical = folder if base in ("index", "_index") else f"{folder}/{base.lower()}"
    return (logical or "/", "/" + inner.as_posix().lower())


def _cascade_value(values: Mapping[str, object]) -> object:
    return next((v for k, v in values.items() if str(k).lower() == "cascade"), None)


def _match(pattern: str, text: str) -> bool:
    """Hugo's glob match (gobwas/glob, lower-cased): `{a,b/**}` alternatives may hold
    globs themselves, so they are expanded first."""
    return any(glob_match(p, PurePosixPath(text)) for p in _expand(pattern.lower()))


def _expand(pattern: str) -> list[str]:
    start = pattern.find("{")
    end = pattern.find("}", start)
    if start < 0 or end < 0:
        return [pattern]
    head, tail = pattern[:start], pattern[end + 1 :]
    return [
        head + option + rest
        for option in pattern[start + 1 : end].split(",")
        for rest in _expand(tail)
    ]
