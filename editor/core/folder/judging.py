"""How a file of a site is judged: the values its build reads and its problems, as its
generator sees them. The one rule the folder index and an open post's live check share, so
the form never disagrees with the post list (a `layout` the site's defaults give is missing
in neither)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import replace
from functools import lru_cache
from pathlib import Path, PurePath, PurePosixPath
from typing import NamedTuple

from editor.core.errors import PostError
from editor.core.folder.index_entry import IndexEntry, listed_terms
from editor.core.schema import Facts, Problem, Schema, SchemaSource, validate
from editor.core.schema.validation import Checkable
from editor.core.site.generators import Generator, Placement


class Judged(NamedTuple):
    """`seen`: the front matter as the build reads it; `problems`: what is wrong with it,
    in line order."""

    seen: Mapping[str, object]
    problems: list[Problem]


def applied_schema(generator: Generator, place: Placement, source: SchemaSource) -> Schema:
    """The schema a file at `place` is judged and edited by, from its collection's `source`:
    as the generator asks (a page needs no title, a Hugo post no date), except that the
    writer's own rules (a schema file's or CMS config's required fields) hold for posts."""
    if source.declared and place.kind == "post":
        return source.schema
    return generator.schema_for(place, source.schema)


def taught_values(
    generator: Generator, rel: PurePosixPath, place: Placement, values: Mapping[str, object]
) -> Mapping[str, object]:
    """What the file at `rel` teaches its collection's inferred schema: its own values, then
    those it inherits and does not write (Jekyll's `defaults`), so the form has a field for
    each, showing the inherited value greyed. Not what the generator derives (a title from
    the file name): that is no key the writer fills in."""
    inherited = generator.inherited(rel, place)
    if not inherited:
        return values
    return dict(values) | {k: found.value for k, found in inherited.items() if k not in values}


def judge(
    generator: Generator,
    rel: PurePosixPath,
    place: Placement,
    post: Checkable,
    source: SchemaSource,
) -> Judged:
    """Judge the file at `rel` (relative to the generator's root; an open `Post` or the
    index's `Facts`) by its collection's schema (`source`) as `applied_schema` applies it,
    over the values the build sees, and by the generator's own rules. A type the schema only
    guessed from the other posts is not held against it, unless the generator itself reads
    that key with a type."""
    values = post.values
    seen = generator.build_values(rel, place, values)
    judged = post if seen is values else _Seen(post, seen)
    problems = validate(
        judged,
        applied_schema(generator, place, source),
        loose=_loose(source.guessed, generator.typed_keys),
        wants_text=place.kind == "post",
        twice=generator.twice,
        advice="warning" if source.declared else generator.reference_lengths,
    )
    if own := generator.problems(rel, place, values):  # rare: validate's come sorted
        problems += [replace(p, path=post.path) for p in own]
        problems.sort(key=lambda p: p.line)
    return Judged(seen, problems)


def judged_entry(
    generator: Generator,
    site_rel: PurePosixPath,
    rel: str | PurePath,
    facts: Facts,
    place: Placement,
    source: SchemaSource,
    stamp: tuple[int, ...],
    today: dt.date,
) -> IndexEntry:
    """The index entry of the file at `rel` (relative to the folder; `site_rel` to the
    site), stamped (mtime_ns, size), placed at `place`, judged by `source` as its generator
    judges it."""
    values = facts.values
    seen, problems = judge(generator, site_rel, place, facts, source)
    title, tags, categories = listed_terms(seen)
    status = generator.status(site_rel, place, values, today)
    entry = IndexEntry.__new__(IndexEntry)
    # Made as the index cache makes its entries (`IndexEntry.__setstate__`: its fields in
    # order; a path given as its text made only when asked): a scan makes one per file, and
    # the frozen constructor's setting of each field by name cost as much as judging it.
    entry.__setstate__(
        (
            rel,
            title,
            generator.date(site_rel, values),
            tags,
            categories,
            status == "draft",
            tuple(problems),
            stamp[0],
            stamp[1],
            facts,
            place.collection.name if place.collection else None,
            place.kind,
            status,
            generator.language(site_rel, values),
            place.role,
        )
    )
    return entry


@lru_cache(maxsize=64)
def _loose(guessed: frozenset[str], typed: frozenset[str]) -> frozenset[str]:
    """The guessed keys the generator does not read with a type (asked once per post)."""
    return guessed - typed


class _Seen:
    """A post with the values the build sees in place of its own (`Generator.build_values`):
    what validation judges, keys the post does not write having no line."""

    def __init__(self, post: Checkable, values: Mapping[str, object]) -> None:
        self._post, self.values = post, values
        self.path: Path | None = post.path
        self.error: PostError | None = post.error
        self.duplicate_keys = post.duplicate_keys
        self.body_is_blank, self.body_line = post.body_is_blank, post.body_line

    def line_of(self, key: str) -> int | None:
        return self._post.line_of(key)
