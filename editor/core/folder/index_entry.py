"""One post's line in a folder's index, and the folder's taxonomy: what the folder list shows.

Kept apart from the scan (`content_folder`) so the index cache and the list can name it
without the scan's imports.
"""

from __future__ import annotations

import datetime as dt
import os
from collections import Counter, deque
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from itertools import repeat
from operator import call
from pathlib import PurePath
from sys import intern
from typing import ClassVar

from editor.core.schema import Facts, Problem
from editor.core.site.generators import Kind, Status

_POSIX = os.name == "posix"  # entry paths are PurePosixPath there, compared by their parts


# Slots: a folder of 100,000 posts holds as many entries, and a dict each is room for nothing.
@dataclass(frozen=True, slots=True)
class IndexEntry:
    """One post or page as the folder list shows it, as its site's generator sees it: its
    date is the one the build gives it (a Jekyll post's from its file name), its `status`
    what the build does with it today, its `collection` the name of the site's collection
    holding it (None for a page outside every collection)."""

    path: PurePath  # relative to the folder
    title: str | None
    date: dt.date | None
    tags: tuple[str, ...]
    categories: tuple[str, ...]
    draft: bool
    problems: tuple[Problem, ...]
    mtime_ns: int
    size: int
    facts: Facts = field(repr=False, compare=False)
    collection: str | None = None
    kind: Kind = "post"
    status: Status = "published"
    language: str | None = None
    role: str = ""  # what else the generator makes of it: "section", "bundle", "headless"
    # Whether its site has judged it: its status, draft, problems, kind and collection are
    # known. False only for a post listed while a first scan still reads (`Unjudged`),
    # whose title, date, tags and categories are known from its front matter alone.
    judged: ClassVar[bool] = True

    def __getstate__(self) -> tuple[object, ...]:
        # The path as its text: made a path again only when asked (see `_lazy_path`).
        return (self.path_text, *(getattr(self, name) for name in self.__slots__[1:]))

    def __setstate__(self, state: object) -> None:
        # An entry pickled before slots (a dict) or with other fields is refused, not read
        # into the wrong fields: the index cache then reads the folder afresh.
        if type(state) is not tuple or len(state) != _FIELDS:
            raise TypeError("an index entry of another layout")
        # Each value by its slot's setter (past the frozen __setattr__), all called from C:
        # a Python loop over the fields was a fifth of unpickling a reopened folder.
        deque(map(call, _SETTERS, repeat(self), state), 0)

    @property
    def path_text(self) -> str:
        """`str(path)`, without making the path of an entry read from the index cache."""
        path = _PATH_SLOT.__get__(self)
        return path if type(path) is str else str(path)

    @property
    def errors(self) -> int:
        """How many error-level problems the post has."""
        problems = self.problems  # most posts have none: no generator to start for them
        return sum(p.severity == "error" for p in problems) if problems else 0

    @property
    def warnings(self) -> int:
        """How many warnings the post has."""
        return len(self.problems) - self.errors


# Each slot's own setter: a third of the time `object.__setattr__` by name takes, for each
# field of each of a reopened folder's entries.
_SETTERS = tuple(getattr(IndexEntry, name).__set__ for name in IndexEntry.__slots__)
_FIELDS = len(_SETTERS)
_PATH_SLOT = IndexEntry.path  # type: ignore[attr-defined]  # the slot, before it is wrapped


def _lazy_path(entry: IndexEntry) -> PurePath:
    """An entry's path. One unpickled (from the index cache) holds its text until asked:
    a reopen lists 10,000 entries without making their paths, a tenth of its time."""
    path = _PATH_SLOT.__get__(entry)
    if type(path) is str:
        path = PurePath(path)
        _PATH_SLOT.__set__(entry, path)
    return path


IndexEntry.path = property(_lazy_path, _PATH_SLOT.__set__)  # type: ignore[assignment,method-assign]


@dataclass(frozen=True)
class Taxonomy:
    """Every tag and category in a folder, with how many posts use each."""

    tags: Mapping[str, int]
    categories: Mapping[str, int]


def in_path_order(by_rel: Mapping[str, IndexEntry]) -> list[IndexEntry]:
    """Entries (by their paths' text) in the order of their paths."""
    if _POSIX:
        return [by_rel[rel] for rel in rels_in_path_order(by_rel)]
    return sorted(by_rel.values(), key=lambda e: e.path)


def rels_in_path_order(rels: Iterable[str]) -> list[str]:
    """Relative paths' texts in the order of their paths. A POSIX path orders by its parts,
    as its text split at "/" gives them: compared as lists, with no call back into Python per
    pair as PurePath's comparison makes (a tenth of a listing from the cache), and no path
    made and kept."""
    if _POSIX:
        return sorted(rels, key=lambda rel: rel.split("/"))
    return sorted(rels, key=PurePath)


def taxonomy_of(entries: Iterable[IndexEntry]) -> Taxonomy:
    """Tags and categories of `entries` with their post counts, most used first."""
    entries = list(entries)
    tags = Counter(t for e in entries for t in e.tags)
    categories = Counter(c for e in entries for c in e.categories)
    return Taxonomy(dict(tags.most_common()), dict(categories.most_common()))


Terms = tuple[str, ...]


def listed_terms(values: Mapping[str, object]) -> tuple[str | None, Terms, Terms]:
    """The title, tags and categories the list shows of a post's values (judged or as
    written): a title that is a list or a mapping shows as none; `category` stands for
    `categories` when they are not written."""
    title = values.get("title")
    return (
        None if title is None or isinstance(title, list | dict) else str(title),
        strings_of(values.get("tags")),
        strings_of(values.get("categories", values.get("category"))),
    )


def strings_of(value: object) -> tuple[str, ...]:
    """Tags or categories as written: a list, or one value. Interned: a folder's posts use a
    few dozen terms over and over, and each post's own copies were a tenth of its index (the
    index cache stores a term used by many once, as it stores one object once)."""
    if value is None or value == "":
        return ()
    if isinstance(value, list):
        return tuple(
            intern(str(v)) for v in value if v is not None and not isinstance(v, dict | list)
        )
    return (intern(str(value)),) if not isinstance(value, dict) else ()
