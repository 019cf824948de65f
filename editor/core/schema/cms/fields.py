"""What the CMS readers (`decap`, `frontmatter`) share to turn a config's field specs into our
Fields: plain values out of a config, the notes that say what the form does not take, and
building a Field. The mapping of each CMS's widgets to our types is in `config`'s docstring.
"""

from __future__ import annotations

import re
from dataclasses import replace

from editor.core.document import is_scalar
from editor.core.errors import quoted
from editor.core.schema.model import Field


def text_or_none(value: object) -> str | None:
    """A config's value when it is text, else None (a list or a number where text belongs)."""
    return value if isinstance(value, str) else None


def name_for_note(value: object) -> str:
    """A name from a config for a note; never the text of a list or mapping (which could be
    huge: YAML aliases make a few lines stand for millions of items)."""
    return value if isinstance(value, str) else "?"


def line_note(entry: object) -> str:
    """The text " (line 12)" for a config entry that knows its line (YAML), else nothing."""
    line = getattr(entry, "line", None)
    return f" (line {line})" if line else ""


def option_values(
    options: object, value_key: str, label_key: str
) -> tuple[tuple[object, ...], bool]:
    """The values of options given plainly or as mappings ({label, value}, {title, id}), and
    whether a mapping's label differs from its value (the form shows values only)."""
    values: list[object] = []
    relabelled = False
    for option in options if isinstance(options, list) else []:
        value = option.get(value_key) if isinstance(option, dict) else option
        if is_scalar(value) and value is not None:
            values.append(value)
            relabelled |= isinstance(option, dict) and option.get(label_key, value) != value
    return tuple(values), relabelled


def bounds_note(entry: dict, keys: tuple[str, ...] = ("min", "max")) -> str:
    """A note's text naming the bounds among `keys` that the entry gives and we do not check."""
    given = [key for key in keys if entry.get(key) is not None]
    return (
        f"{' and '.join(given)} {'is' if len(given) == 1 else 'are'} not checked." if given else ""
    )


def build_field(spec: dict[str, object], notes: list[str], where: str) -> Field:
    """A Field from `spec`; a pattern we cannot read or a default that does not fit is left
    out, with a note."""
    name = str(spec["name"])
    default = spec.pop("default", None)
    source = spec.pop("source_pattern", None)
    if isinstance(pattern := spec.get("pattern"), str):
        try:
            re.compile(pattern)
        except (re.error, RecursionError, OverflowError):
            shown = quoted(str(source or pattern))
            notes.append(f"‘{name}’{where}: the pattern {shown} is not one Post Editor can read.")
            del spec["pattern"]
            spec.pop("pattern_message", None)
    field = Field(**spec)  # type: ignore[arg-type]
    if default is None or default == "":
        return field
    if isinstance(default, str) and "{{" in default:
        if field.type not in ("date", "datetime"):  # `{{now}}` on a date: new posts get today
            notes.append(
                f"‘{name}’{where}: its default {quoted(default)} is filled in by the CMS only;"
                " new posts here start without it."
            )
        return field
    plain = is_scalar(default) or isinstance(default, list)
    if problem := field.check(default) if plain else "it is not a plain value":
        notes.append(f"‘{name}’{where}: its default is left out: {problem}.")
        return field
    return replace(field, default=default)


# A field taken: the Field, whether it is hidden, and where the config gives it (for notes).
Taken = tuple[Field, bool, str]


def not_taken_note(name: str, where: str, what: str) -> str:
    """The note for a field the form cannot edit: its key is kept, under Other fields."""
    return (
        f"‘{name}’{where} {what}, which the form cannot edit:"
        " the key is kept as it is, under Other fields."
    )
