"""The index entries of a scan's files, each judged as its site's generator judges it; half
of them in the scan's worker processes when it has some (see `bulk_read.Pool`).

Judging waits for every post to be read (a collection's schema is inferred from all its
posts), and then costs about as much again as reading did: a worker judges the posts of the
chunks it is given with a generator of its own, made from the same site, while this process
judges from the other end. A worker that cannot (another generator found there now, a home
whose schema it was not sent) leaves the post to this process.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from pathlib import Path, PurePath, PurePosixPath

from editor.core.folder.bulk_read import Pool, gc_paused
from editor.core.folder.collection_schemas import Home
from editor.core.folder.index_entry import IndexEntry, strings_of
from editor.core.folder.judging import judge
from editor.core.schema import Facts, SchemaSource
from editor.core.site.generators import Generator, Placement, detect_generator

CHUNK = 250

# One file to judge: its path relative to the folder and to the site, its facts, where it
# sits, its schema's home, and its stamps.
Item = tuple[str, PurePosixPath, Facts, Placement, Home, int, int]
# What a worker sends back of an entry: the fields not in the item.
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
    today: dt.date,
) -> list[IndexEntry]:
    """The entries of `items`, in order, judged by their homes' `sources` (every home of
    the items has one): half by `pool`'s workers when it has some."""

    def here(chunk: Sequence[Item]) -> list[_Judged]:
        return [entry_of(generator, item, sources[item[4]], today) for item in chunk]

    if not pool.running or len(items) < 2 * CHUNK:
        return here(items)  # type: ignore[return-value]
    chunks = [items[i : i + CHUNK] for i in range(0, len(items), CHUNK)]
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
    chunk: Sequence[Item],
) -> list[_Judged]:
    """In a worker: each item's entry fields but its path, stamps and facts, which the
    scan has (None for an item it cannot judge)."""
    with gc_paused():  # as reading: many objects, all kept
        return _judged(site, sources, today, chunk)


def _judged(
    site: tuple[str, str],
    sources: Mapping[Home, SchemaSource],
    today: dt.date,
    chunk: Sequence[Item],
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
    for item in chunk:
        _, site_rel, facts, place, home, *_ = item
        source = sources.get(home)
        # The placement as this process's generator makes it: the generators tell their
        # collections apart by identity, and the one sent is a copy.
        mine = own.get(place)
        if mine is None and (placed := generator.place(site_rel, facts.values)) == place:
            mine = own[place] = placed  # type: ignore[assignment]
        if source is None or mine is None:
            judged.append(None)
            continue
        e = entry_of(generator, (*item[:3], mine, *item[4:]), source, today)  # type: ignore[arg-type]
        judged.append(
            (e.title, e.date, e.tags, e.categories, e.draft, e.problems, e.collection, e.kind,
             e.status, e.language, e.role)
        )  # fmt: skip
    return judged
