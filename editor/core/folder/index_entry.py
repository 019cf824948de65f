"""One post's line in a folder's index, and the folder's taxonomy: what the folder list shows.

Kept apart from the scan (`content_folder`) so the index cache and the list can name it
without the scan's imports.
"""

from __future__ import annotations

import datetime as dt
import os
from collections import Counter, deque
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, fields
from itertools import repeat
from operator import call
from pathlib import PurePath
from sys import intern
from typing import ClassVar, NamedTuple

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
    def problem_count(self) -> int:
        """How many problems the post has, told without making them when pending."""
        problems = _PROBLEMS_SLOT.__get__(self)
        return len(problems.rows if type(problems) is PendingProblems else problems)

    @property
    def errors(self) -> int:
        """How many error-level problems the post has."""
        problems = _PROBLEMS_SLOT.__get__(self)  # told without making them, when pending
        if type(problems) is PendingProblems:
            return sum(row[_SEVERITY] == "error" for row in problems.rows)
        return sum(p.severity == "error" for p in problems) if problems else 0

    @property
    def warnings(self) -> int:
        """How many warnings the post has."""
        return self.problem_count - self.errors


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


class PendingProblems(NamedTuple):
    """An entry's problems as the index cache reads them back, made `Problem`s when first
    asked for: each names its file's full path, and making those paths (38,664 in a folder of
    100,000 posts) was a sixth of reopening it. `base` is the folder the entry's path is in,
    `rows` each problem's fields past its path."""

    base: PurePath
    rows: tuple[tuple[object, ...], ...]

    def __reduce__(self) -> tuple[object, ...]:
        # Made by tuple.__new__, in C: a named tuple's own __new__ is Python, called for
        # each of the 38,664 entries with problems a reopen reads.
        return tuple.__new__, (PendingProblems, (self.base, self.rows))


_PROBLEMS_SLOT = IndexEntry.problems  # type: ignore[attr-defined]  # the slot, before it is wrapped
_PROBLEM_FIELDS = tuple(f.name for f in fields(Problem))[1:]  # past `path`
_SEVERITY = _PROBLEM_FIELDS.index("severity")
_PROBLEMS_AT = IndexEntry.__slots__.index("problems")


def _problem(path: PurePath, row: tuple[object, ...]) -> Problem:
    # As unpickling made it (its dict filled, no __init__): a third of the time, for the
    # problems of every entry a `list` shows.
    problem = object.__new__(Problem)
    problem.__dict__.update(zip(("path", *_PROBLEM_FIELDS), (path, *row), strict=True))
    return problem


def _lazy_problems(entry: IndexEntry) -> tuple[Problem, ...]:
    """An entry's problems, made from the rows the index cache held on first asking."""
    problems = _PROBLEMS_SLOT.__get__(entry)
    if type(problems) is PendingProblems:
        path = problems.base.joinpath(entry.path_text)
        problems = tuple(map(_problem, repeat(path), problems.rows))
        _PROBLEMS_SLOT.__set__(entry, problems)
    return problems


IndexEntry.problems = property(_lazy_problems, _PROBLEMS_SLOT.__set__)  # type: ignore[assignment,method-assign]


# An entry's facts set apart, before its other fields (see `cache_rows.RowPickler`).
SET_FACTS = IndexEntry.facts.__set__  # type: ignore[attr-defined]


def filled(entries: list[IndexEntry], columns: list[list[object]]) -> None:
    """Fill the empty `entries` (made by `object.__new__`) from their states' `columns`
    (field by field, each entry's value in its place): each field by its slot's setter, in
    C, one pass per field, not a call to `__setstate__` per entry (a fifth of a reopen)."""
    if entries and (len(columns) != _FIELDS or any(len(c) != len(entries) for c in columns)):
        raise TypeError("index entries of another layout")
    for setter, column in zip(_SETTERS, columns, strict=False):
        deque(map(setter, entries, column), 0)


def stored_state(entry: IndexEntry, within: str, base: PurePath) -> tuple[object, ...] | None:
    """An entry's state (`__getstate__`'s) with its problems as `PendingProblems` in `base`
    when each names the entry's file in the folder named `within` (as `within_of` names it):
    the index cache writes them so, and makes no path for them when read back. None when it
    has none, or one names another path."""
    problems = _PROBLEMS_SLOT.__get__(entry)
    if type(problems) is PendingProblems:
        rows = problems.rows
    else:
        full = within + entry.path_text
        if not problems or not all(
            type(p) is Problem and p.path is not None and str(p.path) == full for p in problems
        ):
            return None
        rows = tuple(tuple(getattr(p, name) for name in _PROBLEM_FIELDS) for p in problems)
    names = IndexEntry.__slots__
    state = [entry.path_text, *(None if n == "problems" else getattr(entry, n) for n in names[1:])]
    state[_PROBLEMS_AT] = PendingProblems(base, rows)
    return tuple(state)


@dataclass(frozen=True)
class Taxonomy:
    """Every tag and category in a folder, with how many posts use each."""

    tags: Mapping[str, int]
    categories: Mapping[str, int]


def in_path_order(by_rel: Mapping[str, IndexEntry]) -> list[IndexEntry]:
    """Entries (by their paths' text) in the order of their paths."""
    return [by_rel[rel] for rel in rels_in_path_order(by_rel)]


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
