"""Tags or categories outside the schema's choices, under a key the post's own validation
does not check (Jekyll's `categories:` list where the schema has a `category` select)."""

from __future__ import annotations

from pathlib import Path

from editor.core.errors import quoted
from editor.core.folder.content_folder import IndexEntry
from editor.core.schema import Problem, Schema

# The spellings of each taxonomy: a field for one of them holds the choices for all.
_TAXONOMY = {"tags": ("tags", "tag"), "categories": ("categories", "category")}


def check_taxonomy(path: Path, entry: IndexEntry, schema: Schema) -> list[Problem]:
    """Tags or categories outside the schema's choices, under a key validation leaves alone.

    A key that has a field with choices is checked by the post's validation already (an
    error there); here come the other spellings: a Jekyll `categories:` list where the schema
    has a `category` select. A warning: the site still builds, the value just is off-list."""
    values, problems = entry.facts.values, []
    keys = schema.keys_in(values)
    checked = {keys[f.name] for f in schema.fields if f.choices}
    for keys in _TAXONOMY.values():
        choices = [c for f in schema.fields if f.name in keys and f.choices for c in f.choices]
        if not choices:
            continue
        for key in keys:
            if key not in values or key in checked:
                continue
            items = values[key] if isinstance(values[key], list) else [values[key]]
            for item in items:
                if item is None or item in choices or isinstance(item, dict | list):
                    continue
                near = [c for c in choices if str(c).casefold() == str(item).casefold()]
                hint = f"; did you mean {quoted(str(near[0]))}" if near else ""
                listed = ", ".join(map(str, choices))
                message = f"{quoted(str(item))} is not one of the choices: {listed}{hint}"
                problems.append(
                    Problem(path, entry.facts.line_of(key) or 1, key, "warning", message)
                )
    return problems
