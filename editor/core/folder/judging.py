"""How a file of a site is judged: the values its build reads and its problems, as its
generator sees them. The one rule the folder index and an open post's live check share, so
the form never disagrees with the post list (a `layout` the site's defaults give is missing
in neither)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from pathlib import PurePosixPath
from typing import NamedTuple

from editor.core.schema import Facts, Problem, Schema, validate
from editor.core.site.generators import Generator, Placement


class Judged(NamedTuple):
    """`seen`: the front matter as the build reads it; `problems`: what is wrong with it."""

    seen: Mapping[str, object]
    problems: list[Problem]


def judge(
    generator: Generator, rel: PurePosixPath, place: Placement, facts: Facts, schema: Schema
) -> Judged:
    """Judge the file at `rel` (relative to the generator's root), read into `facts`, by the
    `schema` of its folder as the generator applies it at `place`, and by the generator's own
    rules."""
    values = facts.values
    seen = generator.build_values(rel, place, values)
    judged = facts if seen is values else replace(facts, values=seen)
    problems = validate(judged, generator.schema_for(place, schema))
    problems += [replace(p, path=facts.path) for p in generator.problems(rel, place, values)]
    return Judged(seen, problems)
