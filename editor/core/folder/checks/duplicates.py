"""Posts that clash: two posts at one address (an error, one hides the other) or with one
title (a warning, readers may mix them up)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path, PurePath

from editor.core.errors import quoted
from editor.core.folder.checks.names import INDEX_NAMES, date_in_name, slug_of
from editor.core.folder.content_folder import IndexEntry
from editor.core.schema import Problem, Severity


def check_duplicates(
    root: Path, entries: list[IndexEntry], dated_addresses: bool = False
) -> list[Problem]:
    """Posts sharing an address, and posts sharing a title, by the generator's rules.

    Only files the build publishes alike are compared: within one collection, one kind
    (a page and a post differ) and one language (a translation shares its original's
    title and slug, at another address). A Hugo section's `_index.md` and a headless bundle
    are left out: the first lists its section, the second makes no page. Slugs clash within
    one folder: Hugo, Astro, Eleventy and Gatsby put the folders in the address, so
    2024/notes.md and 2025/notes.md differ; with `dated_addresses` (Jekyll's default
    permalinks, /2024/01/31/notes/) posts of different days differ too. A clash is an
    error: one post hides the other. Case is ignored (Hugo lowercases addresses; macOS and
    Windows disks ignore case). A repeated title among posts is a warning: both are
    published, only readers may mix them up (pages such as "Tags" often share one).
    Every entry of a group is reported, naming the others."""
    by_slug: dict[tuple[object, ...], list[IndexEntry]] = defaultdict(list)
    by_title: dict[tuple[object, ...], list[IndexEntry]] = defaultdict(list)
    for entry in entries:
        if entry.role in _NO_ADDRESS:
            continue
        alike = (entry.collection, entry.kind, entry.language)
        slug = slug_of(entry.path, entry.facts.values)
        if slug is not None:
            stem = PurePath(entry.path.name).stem
            where = entry.path.parent.parent if stem in INDEX_NAMES else entry.path.parent
            day = entry.date or date_in_name(entry.path) if entry.kind == "post" else None
            day = day if dated_addresses else None
            day = day.date() if isinstance(day, dt.datetime) else day
            by_slug[(*alike, where, slug.casefold(), day)].append(entry)
        if entry.kind == "post" and entry.title and entry.title.strip():
            by_title[(*alike, " ".join(entry.title.split()).casefold())].append(entry)
    problems = []
    for group in by_slug.values():
        for entry, others in _groups(group):
            key = "slug" if "slug" in entry.facts.values else "file"
            slug = quoted(slug_of(entry.path, entry.facts.values) or "")
            message = f"the slug {slug} is also the slug of {others}: both get one address"
            problems.append(_problem(root, entry, key, "error", message))
    for group in by_title.values():
        for entry, others in _groups(group):
            message = f"the title is also the title of {others}; readers will mix them up"
            problems.append(_problem(root, entry, "title", "warning", message))
    return problems


# Roles of files that get no address of their own to clash over (see `Placement.role`).
_NO_ADDRESS = frozenset({"section", "headless"})


def _groups(group: list[IndexEntry]) -> Iterator[tuple[IndexEntry, str]]:
    """Each entry of a group of two or more, with the others named."""
    if len(group) < 2:
        return
    for entry in group:
        names = [e.path.as_posix() for e in group if e is not entry]
        shown = ", ".join(names[:3]) + (f" and {len(names) - 3} more" if len(names) > 3 else "")
        yield entry, shown


def _problem(root: Path, entry: IndexEntry, key: str, severity: Severity, message: str) -> Problem:
    line = entry.facts.line_of(key) or 1
    return Problem(root / entry.path, line, key, severity, message)
