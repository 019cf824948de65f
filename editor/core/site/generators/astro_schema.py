"""An Astro collection's schema, from the site's own files: the JSON Schema `astro sync`
writes for it (`.astro/collections/<name>.schema.json`, read by `schema.json_schema`), else
the keys of its `z.object({...})` read from the content config without running it.

The config is read for the `image()` keys too, which the JSON Schema calls plain strings.
The static reading goes as far as a simple reading goes: `title: z.string()`,
`pubDate: z.coerce.date()`, `heroImage: image().optional()`, `tags: z.array(z.string())`,
`kind: z.enum(["a", "b"])`, `draft: z.boolean().default(false)`; a key whose zod chain it
does not know is left to the form's "Other fields", and a schema it cannot find (an
imported one, `.extend()` of another) gives no fields and a note.
"""

from __future__ import annotations

import re
from pathlib import Path

from editor.core.errors import PostError
from editor.core.schema import Field, Schema, SchemaSource
from editor.core.schema.json_schema import load_json_schema
from editor.core.site.generators.js_literals import Call, Code, JsSource, read_value

_OBJECT = re.compile(r"\bz\.(?:strict)?[oO]bject\(\s*(?=\{)")
_BASES = (
    (re.compile(r"^image\("), "image"),
    (re.compile(r"^z\.(?:coerce\.)?date\(|^z\.string\(\)\.(?:datetime|date)\("), "date"),
    (re.compile(r"^z\.string\(\)\.url\("), "url"),
    (re.compile(r"^z\.enum\("), "select"),
    (re.compile(r"^z\.array\("), "list"),
    (re.compile(r"^z\.(?:coerce\.)?boolean\("), "boolean"),
    (re.compile(r"^z\.(?:coerce\.)?number\("), "number"),
    (re.compile(r"^z\.string\("), "string"),
)


def collection_schema(
    root: Path, name: str, config: Path | None, schema: object, source: JsSource | None
) -> SchemaSource | None:
    """The schema of the collection `name` of the Astro site at `root`, whose content
    config is `config` (relative to `root`) and whose `schema:` option is `schema` (as
    `js_literals` read it); None when the collection declares no schema."""
    if schema is None or source is None or config is None:
        return None
    keys = _object_keys(schema, source)
    images = frozenset(k for k, v in (keys or {}).items() if _kind(v) == "image")
    synced = root / ".astro" / "collections" / f"{name}.schema.json"
    if synced.is_file():
        try:
            read, notes = load_json_schema(synced, images)
        except PostError as error:
            note = (
                f"{synced.relative_to(root)} could not be read ({error.message}); run `astro sync`"
            )
            return SchemaSource(_static(keys or {}), "generator", root / config, (note,))
        return SchemaSource(read, "generator", synced, tuple(notes))
    note = f"run `astro sync` to let Post Editor read the {name} collection's schema"
    if keys is None:
        note += f"; the schema in {config} is code Post Editor cannot read"
    return SchemaSource(_static(keys or {}), "generator", root / config, (note,))


def _object_keys(schema: object, source: JsSource) -> dict[str, str] | None:
    """The `z.object({...})` of a collection's schema option: each key's zod text."""
    schema = source.resolve(schema)
    text = schema.text if isinstance(schema, Call | Code) else None
    if text is None:
        return None
    match = _OBJECT.search(text)
    if match is None:
        return None
    found, _ = read_value(text, match.end())
    if not isinstance(found, dict):
        return None
    keys = {}
    for key, value in found.items():
        value = source.resolve(value)
        if isinstance(value, Call | Code):
            keys[key] = " ".join(value.text.split())
    return keys


def _static(keys: dict[str, str]) -> Schema:
    fields = []
    for key, text in keys.items():
        kind = _kind(text)
        if kind is None:
            continue
        outer = _outer_chain(text)
        required = not re.search(r"\.(?:optional|default|nullish)\b", outer)
        choices: tuple[object, ...] = ()
        if kind == "select":
            listed, _ = read_value(text, text.index("(") + 1)
            choices = tuple(listed) if isinstance(listed, list) else ()
        default = None
        found = re.search(r"\.default\(\s*(true|false)\s*\)", text)
        if found is not None and ".default" in outer:
            default = found.group(1) == "true"
        fields.append(Field(key, kind, required=required, choices=choices, default=default))
    return Schema(tuple(fields))


def _kind(text: str) -> str | None:
    return next((kind for pattern, kind in _BASES if pattern.search(text)), None)


def _outer_chain(text: str) -> str:
    """The zod chain without its calls' arguments: `z.array(z.string().optional())` is
    `z.array`, so an optional item does not make the key optional."""
    previous = None
    while previous != text:
        previous, text = text, re.sub(r"\([^()]*\)", "", text)
    return text
