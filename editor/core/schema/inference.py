"""A schema inferred from a folder's posts, over the reference shape (`DEFAULT`): what a
folder without a `.post-editor.yaml` or a CMS config follows (see `infer_schema`)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import Counter
from collections.abc import Iterable, Mapping

from editor.core.document import parse_date
from editor.core.errors import PostError
from editor.core.schema.field_types import IMAGE_EXTENSIONS, URL_PATTERN
from editor.core.schema.model import DEFAULT, Field, Schema

_SAMPLE = 200  # values per key whose type is looked at: plenty for a majority, and fast
_FAMILIES = {"string": "text", "text": "text", "url": "text", "image": "text", "date": "date"}
_FAMILIES |= {"datetime": "date"}


class _KeyStats:
    __slots__ = ("count", "first", "position", "tags")

    def __init__(self, first: int) -> None:
        self.count = 0
        self.position = 0
        self.first = first
        self.tags: Counter[str] = Counter()


def _tag(value: object) -> str | None:
    """The type a single loaded value suggests, or None when it says nothing."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, dt.date):
        return "datetime" if isinstance(value, dt.datetime) else "date"
    if isinstance(value, int | float):
        return "number"
    if isinstance(value, list):
        return "list"
    if isinstance(value, Mapping):
        return "mapping"
    if not isinstance(value, str) or not value:
        return None
    if value[0].isdigit() or value[0].isupper():  # every date spelling starts so
        try:
            return "datetime" if isinstance(parse_date(value), dt.datetime) else "date"
        except PostError:
            pass
    if "\n" not in value and value.split("?")[0].lower().endswith(IMAGE_EXTENSIONS):
        return "image"
    if URL_PATTERN.fullmatch(value):
        return "url"
    return "text" if "\n" in value or len(value) > 120 else "string"


def _type_from(tags: Counter[str]) -> str | None:
    """The type for a key whose values suggested `tags`; None to leave the key out."""
    if not tags:
        return "string"
    families: Counter[str] = Counter()
    for tag, count in tags.items():
        families[_FAMILIES.get(tag, tag)] += count
    family = max(families, key=lambda f: (families[f], f == "text"))
    if family == "mapping":
        return None
    if family == "date":
        return "datetime" if tags["datetime"] > tags["date"] else "date"
    if family != "text":
        return family
    if tags["text"]:  # a long value in a one-line editor is worse than a short one in a box
        return "text"
    if tags["url"] + tags["image"] > tags["string"]:
        return "image" if tags["image"] >= tags["url"] else "url"
    return "string"


def infer_schema(values: Iterable[Mapping[str, object]], base: Schema = DEFAULT) -> Schema:
    """A schema for a folder from its posts' front-matter values, over `base`.

    Keeps `base`'s fields that the posts use or that `base` requires (a date field whose
    values mostly carry a time becomes `datetime`; one whose values are mostly mappings is left
    out unless required); adds the keys at least 10% of posts use, typed by their values; orders
    fields by their mean position in the posts (a required field no post uses goes right after
    the base field before it). A folder without posts gets `base`.
    """
    stats: dict[str, _KeyStats] = {}
    posts = 0
    for post in values:
        posts += 1
        for index, (key, value) in enumerate(post.items()):
            entry = stats.get(key)
            if entry is None:
                entry = stats[key] = _KeyStats(len(stats))
            entry.count += 1
            entry.position += index
            if entry.count <= _SAMPLE and (tag := _tag(value)):
                entry.tags[tag] += 1
    if not posts:
        return base
    placed: list[tuple[float, float, Field]] = []
    for field in base.fields:
        key = next((k for k in (field.name, *field.aliases) if k in stats), field.name)
        entry = stats.pop(key, None)
        if entry is None:
            if field.required and base is not DEFAULT:
                # Unused but required by the user's own base: after the field before it.
                place = placed[-1][:2] if placed else (-1.0, 0.0)
                placed.append((place[0], place[1] + 0.5, field))
            # A default field no post uses is not this folder's practice (a docs folder
            # with no dates): requiring it would flag every post.
            continue
        kind = _type_from(entry.tags)
        if kind is None and not field.required:
            continue
        if field.type == "date" and kind == "datetime":
            field = dataclasses.replace(field, type="datetime")
        placed.append((entry.position / entry.count, entry.first, field))
    for key, entry in stats.items():
        if not isinstance(key, str) or entry.count * 10 < posts:
            continue
        if kind := _type_from(entry.tags):
            placed.append((entry.position / entry.count, entry.first, Field(key, kind)))
    placed.sort(key=lambda item: item[:2])
    return Schema(tuple(field for *_, field in placed), base.naming, base.language)


def guessed_keys(schema: Schema, base: Schema = DEFAULT) -> frozenset[str]:
    """The fields of an inferred `schema` whose type is only what most posts hold: those
    `base` does not declare. Another type there is no error by itself (see `validate`)."""
    return frozenset(field.name for field in schema.fields if base.field(field.name) is None)
