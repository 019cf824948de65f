"""Judging a scan's posts while the rest are still read.

A scan reads its files in chunks (`bulk_read`), on one worker and this process on 2 cores.
Judging them (placing each in the site, its collection's schema, validating) once the last
file is read left the workers' core idle for a third of a cold scan. Here each chunk is placed
and judged as it arrives: by its collection's schema when that is declared (a schema file, a
CMS config, the generator's own: final whatever the posts say), else by the schema inferred
from that collection's posts read so far, inferred again each time they have doubled.

When the last file is read, the scan works out every collection's schema from all its posts
in path order, as it always has (`finish` is told them), and only the entries judged by
another schema than their collection's final one are judged again: the entries are those
judging everything at the end would give.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from editor.core.folder.collection_schemas import Home
from editor.core.folder.index_entry import IndexEntry
from editor.core.schema import Facts, SchemaSource
from editor.core.site.generators import Placement

# Posts of a collection whose schema is inferred that are read before a first guess of it:
# a guess from fewer is seldom its final schema, and each wrong one is judging done twice.
GUESS_FROM = 200
# How many times the posts a guess was made from grow before it is made again: each guess
# costs an inference over all of them, a wrong one judging again the posts it judged.
GROWTH = 8

Place = tuple[Placement | None, Home]


class JudgedAhead:
    """The places, taught values and entries of the files of a scan, chunk by chunk.

    `place(rel, facts)`: where a file sits and its home; `teach(rel, place, facts)`: what it
    teaches its collection's schema (`taught_values`); `source(home, values)`: the home's
    schema source from those values (`CollectionSchemas.worked_out`); `judge(rel, facts,
    place, source)`: its entry."""

    def __init__(
        self,
        place: Callable[[str, Facts], Place],
        teach: Callable[[str, Placement, Facts], Mapping[str, object]],
        source: Callable[[Home, Sequence[Mapping[str, object]]], SchemaSource],
        judge: Callable[[str, Facts, Placement, SchemaSource], IndexEntry],
    ) -> None:
        self._place, self._teach, self._source, self._judge = place, teach, source, judge
        self.places: dict[str, Place] = {}
        self.taught: dict[str, Mapping[str, object]] = {}
        self._groups: dict[Home, tuple[list, list]] = {}  # home → (posts', pages' values)
        # home → (posts, pages) guessed from, and the source guessed; final if declared
        self._guessed: dict[Home, tuple[tuple[int, int], SchemaSource]] = {}
        self._waiting: dict[Home, list[tuple[str, Facts, Placement]]] = {}
        self._judged: dict[str, tuple[IndexEntry, SchemaSource]] = {}

    def arrived(self, rels: Sequence[str], facts: Sequence[Facts]) -> dict[str, IndexEntry | None]:
        """Place and judge one chunk's files (their paths relative to the folder): the entry
        of each placed one, None for one waiting for its collection's first guess (a file
        the build makes no page of is not there). A guess's entry may be judged again by
        `finish`."""
        homes: dict[Home, None] = {}
        chunk: dict[str, IndexEntry | None] = {}
        for rel, post in zip(rels, facts, strict=True):
            place, home = self.places[rel] = self._place(rel, post)
            if place is None:
                continue
            chunk[rel] = None
            taught = self.taught[rel] = self._teach(rel, place, post)
            posts, pages = self._groups.setdefault(home, ([], []))
            (posts if place.kind == "post" else pages).append(taught)
            self._waiting.setdefault(home, []).append((rel, post, place))
            homes[home] = None
        for home in homes:
            source = self._guess(home)
            if source is not None:
                judge, judged = self._judge, self._judged
                for rel, post, place in self._waiting.pop(home):
                    entry = judge(rel, post, place, source)
                    judged[rel] = entry, source
                    if rel in chunk:  # (those of earlier chunks were listed unjudged)
                        chunk[rel] = entry
        return chunk

    def _guess(self, home: Home) -> SchemaSource | None:
        """The schema `home`'s posts are judged by meanwhile; None to wait for more."""
        posts, pages = self._groups[home]
        counts = (len(posts), len(pages))
        known = self._guessed.get(home)
        if known is None:
            known = self._guessed[home] = ((0, 0), self._source(home, ()))
        source = known[1]
        if source.origin != "inferred":  # declared (or a broken schema file's default)
            return source
        old = known[0][0] or known[0][1]
        new = counts[0] or counts[1]  # a home's pages teach only while it has no posts
        if new < GUESS_FROM:
            return None
        if old == 0 or new >= GROWTH * old or (counts[0] and not known[0][0]):
            source = self._source(home, posts or pages)
            self._guessed[home] = (counts, source)
        return source

    def finish(self, final: Mapping[Home, SchemaSource]) -> dict[str, IndexEntry]:
        """The entries of the files read, each judged by its home's `final` source."""
        same: dict[tuple[int, Home], bool] = {}
        entries: dict[str, IndexEntry] = {}
        judge = self._judge
        for rel, (entry, source) in self._judged.items():
            home = self.places[rel][1]
            key = (id(source), home)
            kept = same.get(key)
            if kept is None:
                kept = same[key] = source == final[home]
            if kept:
                entries[rel] = entry
            else:
                entries[rel] = judge(rel, entry.facts, self.places[rel][0], final[home])  # type: ignore[arg-type]
        for home, waiting in self._waiting.items():
            for rel, post, place in waiting:
                entries[rel] = judge(rel, post, place, final[home])
        return entries
