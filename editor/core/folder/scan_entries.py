"""The index entries of a scan's files, each judged as its site's generator judges it; half
of them in the scan's worker processes when it has some (see `bulk_read.Pool`).

Judging waits for every post to be read (a collection's schema is inferred from all its
posts), and then costs half as much again as reading did: a worker judges the posts of the
chunks it is given, from the facts it kept of the files it read (not sent again), with a
generator of its own made from the same site, while this process judges from the other end.
A post a worker cannot judge (a file another process read, another generator found there
now, a home whose schema it was not sent) is judged here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from pathlib import Path, PurePath, PurePosixPath

from editor.core.folder.bulk_read import Pool, gc_paused, kept_facts
from editor.core.folder.collection_schemas import Home
from editor.core.folder.index_entry import IndexEntry, strings_of
from editor.core.folder.judging import judge
from editor.core.schema import Facts, SchemaSource
from editor.core.site.generators import Generator, Placement, detect_generator

CHUNK = 250

# One file to judge: its path relative to the folder and to the site, its facts, where it
# sits, its schema's home, and its stamps.
Item = tuple[str, PurePosixPath, Facts, Placement, Home, int, int]
# What a worker is sent of an item: its index, its path relative to the site and its full
# path, where it sits, its home; and what it sends back: the entry's fields not in the item.
_Sent = tuple[int, str, str, Placement, Home]
_Judged = tuple[object, ...] | None

# The generator a worker judges by, made once per scan's site: (kind, root) → generator.
_generators: dict[tuple[str, str], Generator] = {}


def entry_of(generator: Generator, item: Item, source: SchemaSource, today: dt.date) -> IndexEntry:
    """The index entry of a file placed at `place`, judged as its generator judges it."""
    rel, site_rel, facts, place, _, mtime_ns, size = item
    values = facts.values
    seen, problems = judge(generator, site_rel, place, facts, source)
    title = seen.get("title")
    status = generator.status(site_rel, place, values, today)
    return IndexEntry(
        path=PurePath(rel),
        title=None if title is None or isinstance(title, list | dict) else str(title),
        date=generator.date(site_rel, values),
        tags=strings_of(seen.get("tags")),
        categories=strings_of(seen.get("categories", seen.get("category"))),
        draft=status == "draft",
        problems=tuple(problems),
        mtime_ns=mtime_ns,
        size=size,
        facts=facts,
        collection=place.collection.name if place.collection else None,
        kind=place.kind,
        status=status,
        language=generator.language(site_rel, values),
        role=place.role,
    )


def entries_of(
    pool: Pool,
    generator: Generator,
    sources: Mapping[Home, SchemaSource],
    items: Sequence[Item],
    fulls: Mapping[str, str],
    today: dt.date,
) -> list[IndexEntry]:
    """The entries of `items`, in order, judged by their homes' `sources` (every home of
    the items has one): some by `pool`'s workers when it has some, those whose files they
    read (`fulls`: each item's full path by its relative one)."""
    if not pool.running or len(items) < 2 * CHUNK:
        return [entry_of(generator, item, sources[item[4]], today) for item in items]

    def here(chunk: Sequence[_Sent]) -> list[_Judged]:
        return [entry_of(generator, items[i], sources[items[i][4]], today) for i, *_ in chunk]

    sent = [
        (i, item[1].as_posix(), fulls[item[0]], item[3], item[4]) for i, item in enumerate(items)
    ]
    chunks = [sent[i : i + CHUNK] for i in range(0, len(sent), CHUNK)]
    site = (type(generator).__name__, str(generator.root))
    judged = pool.share(_judge_chunk, (site, dict(sources), today), here, chunks)
    return [
        found if isinstance(found, IndexEntry) else _entry(generator, item, found, sources, today)
        for item, found in zip(items, judged, strict=True)
    ]


def ready() -> None:
    """Nothing: run by a worker so it imports this module (the generators) ahead of time."""


def _entry(
    generator: Generator,
    item: Item,
    found: _Judged,
    sources: Mapping[Home, SchemaSource],
    today: dt.date,
) -> IndexEntry:
    """The entry of `item` from a worker's fields (judged here when the worker could not)."""
    if found is None:
        return entry_of(generator, item, sources[item[4]], today)
    rel, _, facts, _, _, mtime_ns, size = item
    title, date, tags, categories, draft, problems, collection, kind, status, language, role = found
    return IndexEntry(
        PurePath(rel), title, date, tags, categories, draft, problems, mtime_ns, size, facts,
        collection, kind, status, language, role,
    )  # type: ignore[arg-type]  # fmt: skip


def _judge_chunk(
    site: tuple[str, str],
    sources: Mapping[Home, SchemaSource],
    today: dt.date,
    chunk: Sequence[_Sent],
) -> list[_Judged]:
    """In a worker: the entry fields, but path, stamps and facts, of each post whose file
    it read (None for one it did not read, or cannot judge)."""
    with gc_paused():  # as reading: many objects, all kept
        return _judged(site, sources, today, chunk)


def _judged(
    site: tuple[str, str],
    sources: Mapping[Home, SchemaSource],
    today: dt.date,
    chunk: Sequence[_Sent],
) -> list[_Judged]:
    generator = _generators.get(site)
    if generator is None:
        generator = detect_generator(Path(site[1]))
        if (type(generator).__name__, str(generator.root)) != site:
            return [None] * len(chunk)  # the site changed since the scan began
        _generators.clear()
        _generators[site] = generator
    judged: list[_Judged] = []
    own: dict[Placement, Placement] = {}
    for _, site_text, full, place, home in chunk:
        source, facts = sources.get(home), kept_facts(full)
        if source is None or facts is None:
            judged.append(None)
            continue
        site_rel = PurePosixPath(site_text)
        # The placement as this process's generator makes it: the generators tell their
        # collections apart by identity, and the one sent is a copy.
        mine = own.get(place)
        if mine is None and (placed := generator.place(site_rel, facts.values)) == place:
            mine = own[place] = placed  # type: ignore[assignment]
        if mine is None:
            judged.append(None)
            continue
        e = entry_of(generator, ("", site_rel, facts, mine, home, 0, 0), source, today)
        judged.append(
            (e.title, e.date, e.tags, e.categories, e.draft, e.problems, e.collection, e.kind,
             e.status, e.language, e.role)
        )  # fmt: skip
    return judged
