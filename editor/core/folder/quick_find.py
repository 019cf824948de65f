"""Find a post by what the writer remembers of it, as they type: the quick-open box (Ctrl+P).

A query matches a post when each of its words is found in the post's title, path, tags or
date, either as a substring or as a fuzzy subsequence (`hwd` finds "Hello World Day"). The
best matches come first:

    0  a field starts with the word               ("hel" → "Hello world")
    1  a word inside a field starts with it       ("wor" → "Hello world", "posts/world.md")
    2  the word is inside a field                 ("llo" → "Hello world")
    3  its letters start words, in order          ("hw"  → "Hello world")
    4  its letters are in a field, in order       ("hlw" → "Hello world")

A query of several words adds up their ranks; among equal ranks, the posts opened most
recently come first, then the newest, then by title.

The haystack of each post (its fields casefolded, separators made single spaces, one line
per field) is made once per index by `QuickFind(entries)`; a keystroke costs a few C-level
string tests per post. When the query only grows (the writer types on), only the posts that
matched the shorter query are searched again.

    finder = QuickFind(folder.entries)
    for entry in finder.find("hugo tips", recent=[...], limit=50): ...
"""

from __future__ import annotations

import datetime as dt
import heapq
import re
import sys
from collections.abc import Iterable, Sequence
from pathlib import PurePath

from editor.core.folder.content_folder import IndexEntry
from editor.core.storage import folded

_SEPARATORS = re.compile(r"[\W_]+")  # anything but letters and digits splits words
_NO_DATE = -sys.maxsize


def normalized(text: str) -> str:
    """Casefolded, accents dropped ("café" is found by "cafe", as a writer types it in a
    hurry), with every run of separators (spaces, `/`, `-`, `_`, `.`, line breaks) made one
    space: a query and a haystack are compared in this form."""
    return _SEPARATORS.sub(" ", folded(text)).strip()


def haystack(entry: IndexEntry) -> str:
    """The searchable text of one post: one normalized line per field, each line starting
    with a line break and a space, so that "\\n word" finds a field's start and " word" a
    word's start in any field."""
    date = entry.date.isoformat() if entry.date else ""
    fields = (entry.title or "", entry.path.as_posix(), " ".join(entry.tags), date)
    return "".join("\n " + normalized(field) for field in fields) + "\n"


def rank(word: str, hay: str) -> int | None:
    """How well one normalized query word (no spaces) matches a haystack: 0 (best) to 4, or
    None for no match (the tiers are in the module's docstring)."""
    if word in hay:
        if "\n " + word in hay:
            return 0
        return 1 if " " + word in hay else 2
    if _pattern(word, True).search(hay):
        return 3
    return 4 if _pattern(word, False).search(hay) else None


_patterns: dict[tuple[str, bool], re.Pattern[str]] = {}


def _pattern(word: str, starts: bool) -> re.Pattern[str]:
    """The subsequence of `word`'s letters within one line, so that a match never spans two
    fields; with `starts`, each letter at a word's start. Each letter is taken at its first
    place after the one before, and kept (an atomic group): the first place is always the
    best one for what is left to find, and no backtracking makes a miss cost a power of the
    line's length."""
    key = (word, starts)
    pattern = _patterns.get(key)
    if pattern is None:
        before = " " if starts else ""
        first, *rest = [before + re.escape(c) for c in word]
        pattern = re.compile(first + "".join(f"(?>[^\\n]*?{step})" for step in rest))
        if len(_patterns) > 512:  # a long session types many queries: keep the cache small
            _patterns.clear()
        _patterns[key] = pattern
    return pattern


class QuickFind:
    """The posts of one index, ready to be searched as the writer types."""

    def __init__(self, entries: Sequence[IndexEntry]) -> None:
        self.entries = tuple(entries)
        self.haystacks = tuple(haystack(entry) for entry in self.entries)
        self._position = {entry.path: i for i, entry in enumerate(self.entries)}
        # Among equal matches, newest first, then by title: each post's place in that order,
        # once, so that a keystroke sorts plain numbers.
        by_age = sorted(range(len(self.entries)), key=self._age_key)
        self._order = [0] * len(by_age)
        for place, i in enumerate(by_age):
            self._order[i] = place
        self._at_place = by_age
        self._last: tuple[tuple[str, ...], Sequence[int]] = ((), range(len(self.entries)))

    def _age_key(self, i: int) -> tuple[int, str]:
        entry = self.entries[i]
        date = entry.date.toordinal() if isinstance(entry.date, dt.date) else _NO_DATE
        return -date, (entry.title or entry.path.name).casefold()

    def find(
        self, query: str, recent: Iterable[PurePath] = (), limit: int | None = 50
    ) -> list[IndexEntry]:
        """The posts matching `query`, best first (at most `limit`); an empty query gives
        the recently opened posts first, then the newest. `recent` are paths relative to the
        folder, most recent first."""
        return [self.entries[i] for i in self.find_indexes(query, recent, limit)]

    def find_indexes(
        self, query: str, recent: Iterable[PurePath] = (), limit: int | None = 50
    ) -> list[int]:
        """As `find`, the positions of the posts in `entries`."""
        words = tuple(normalized(query).split())
        recency: dict[int, int] = {}
        for path in recent:
            if (i := self._position.get(path)) is not None:
                recency.setdefault(i, len(recency))
        never, count = len(recency), len(self.entries)
        # Per word: the tests of `rank`, their needles made once rather than per post.
        tests = [(w, " " + w, "\n " + w, _pattern(w, True), _pattern(w, False)) for w in words]
        order, hays = self._order, self.haystacks
        matched: list[int] = []
        keys: list[int] = []
        for i in self._candidates(words):
            hay = hays[i]
            total = 0
            for word, at_word, at_field, initials, letters in tests:
                if word in hay:
                    total += 0 if at_field in hay else 1 if at_word in hay else 2
                elif letters.search(hay):  # the wider test first: most posts fail it
                    total += 3 if initials.search(hay) else 4
                else:
                    break
            else:
                matched.append(i)
                # One number sorts by rank, then recent use, then age and title.
                keys.append((total * (never + 1) + recency.get(i, never)) * count + order[i])
        self._last = (words, matched)
        best = sorted(keys) if limit is None else heapq.nsmallest(limit, keys)
        return [self._at_place[key % count] for key in best]

    def _candidates(self, words: tuple[str, ...]) -> Sequence[int]:
        """The posts worth testing: when every earlier word is still typed (the last one
        perhaps longer), only those the earlier query matched, as a longer word matches a
        subset of what its beginning matched."""
        before, matched = self._last
        if before and len(words) >= len(before) and _extends(before, words):
            return matched
        return range(len(self.entries))


def _extends(before: tuple[str, ...], words: tuple[str, ...]) -> bool:
    """Whether every word of `before` is the start of the same word in `words`. A longer word
    matches only posts its start matched: a substring's start is a substring, a subsequence's
    start a subsequence."""
    return all(w.startswith(b) for b, w in zip(before, words, strict=False))
