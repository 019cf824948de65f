"""A `Schema` from a JSON Schema of front matter, as `astro sync` writes one for each
content collection (`.astro/collections/<name>.schema.json`, made from the collection's zod
schema):

    {"$ref": "#/definitions/blog", "definitions": {"blog": {"type": "object",
     "properties": {"title": {"type": "string"}, "pubDate": {"anyOf": [{"type": "string",
     "format": "date-time"}, {"type": "string", "format": "date"}, ...]}, ...},
     "required": ["title", "pubDate"]}}}

Each property becomes a field: `required` ones required; a string with `enum` a select
with those choices, with `format: uri` a url, `maxLength` its max; a date-time or date
format (alone or among `anyOf`) a date; an array a list; a boolean, number or integer
theirs; `default` the new post's value. A property whose type has no field (a nested
object) is left out, and said in the notes; the form shows it under "Other fields".
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path

from editor.core.errors import PostError
from editor.core.schema.model import Field, Schema

_TYPES = {"boolean": "boolean", "number": "number", "integer": "number", "array": "list"}
_DATES = frozenset({"date-time", "date"})


def load_json_schema(path: Path, images: frozenset[str] = frozenset()) -> tuple[Schema, list[str]]:
    """The schema `path` holds and notes on what it holds that the form does not take.
    `images`: keys known to hold images (Astro's `image()`, which the JSON Schema calls a
    string). Raises `PostError` for a file that cannot be read as a JSON Schema."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        raise PostError(f"could not be read: {error}", path) from None
    except json.JSONDecodeError as error:
        raise PostError(error.msg, path, error.lineno, error.colno) from None
    return schema_from_json(data, images)


def schema_from_json(
    data: object, images: frozenset[str] = frozenset()
) -> tuple[Schema, list[str]]:
    """The schema of a JSON Schema's object (see `load_json_schema`)."""
    root = _resolve(data, data)
    properties = root.get("properties") if isinstance(root, Mapping) else None
    if not isinstance(properties, Mapping):
        raise PostError("the JSON Schema describes no object with properties")
    required = root.get("required")
    required = set(required) if isinstance(required, list) else set()
    fields, notes = [], []
    for name, spec in properties.items():
        if not isinstance(name, str) or name == "$schema":
            continue
        field = _field(name, _resolve(spec, data), name in required, name in images)
        if field is None:
            notes.append(f"the field ‘{name}’ is not a kind the form edits; it is left as it is")
        else:
            fields.append(field)
    return Schema(tuple(fields)), notes


def _resolve(spec: object, data: object) -> Mapping:
    """`spec`, following a local `$ref` (`#/definitions/blog`)."""
    for _ in range(8):  # refs to refs, but never forever
        if not isinstance(spec, Mapping) or not isinstance(spec.get("$ref"), str):
            break
        target: object = data
        for part in spec["$ref"].removeprefix("#/").split("/"):
            target = target.get(part) if isinstance(target, Mapping) else None
        spec = target
    return spec if isinstance(spec, Mapping) else {}


def _field(name: str, spec: Mapping, required: bool, image: bool) -> Field | None:
    options = [o for o in spec.get("anyOf", ()) if isinstance(o, Mapping)] or [spec]
    options = [o for o in options if o.get("type") != "null"] or options
    formats = {o.get("format") for o in options}
    kind = options[0].get("type")
    default = spec.get("default")
    default = default if default or isinstance(default, bool | int | float) else None
    common = {"required": required, "help": str(spec.get("description") or "")}
    if formats & _DATES:
        return Field(name, "date", **common)
    if kind == "string":
        if isinstance(spec.get("enum"), list) and spec["enum"]:
            return Field(name, "select", choices=tuple(spec["enum"]), default=default, **common)
        most = spec.get("maxLength")
        kind = "image" if image else "url" if spec.get("format") == "uri" else "string"
        return Field(
            name,
            kind,
            max=most if isinstance(most, int) else None,
            default=default if isinstance(default, str) else None,
            **common,
        )
    if kind in _TYPES:
        if kind == "array":
            items = spec.get("items")
            choices = items.get("enum") if isinstance(items, Mapping) else None
            values = tuple(choices) if isinstance(choices, list) else ()
            return Field(name, "list", choices=values, default=default, **common)
        return Field(name, _TYPES[str(kind)], default=default, **common)
    return None
