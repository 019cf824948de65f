"""Decap and Sveltia CMS: the folder collection of `admin/config.yml` that describes a content
folder, as our schema (the widget table is in `config`'s docstring)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from pathlib import Path

from editor.core.errors import quoted
from editor.core.schema.cms.config_file import (
    CmsSchema,
    finish,
    load_yaml,
    names_folder,
    open_config,
    shown_path,
)
from editor.core.schema.cms.dates import date_spec
from editor.core.schema.cms.fields import (
    Taken,
    bounds_note,
    build_field,
    line_note,
    name_for_note,
    not_taken_note,
    option_values,
    text_or_none,
)
from editor.core.schema.cms.places import DECAP
from editor.core.schema.naming import naming_problem

# ---- Decap and Sveltia CMS -------------------------------------------------------------------

_SIMPLE = {"string": "string", "text": "text", "image": "image", "file": "string"}
_SIMPLE |= {"select": "select", "number": "number", "boolean": "boolean", "markdown": "text"}
_SIMPLE |= {"richtext": "text", "datetime": "datetime", "date": "date"}  # Sveltia, old Decap
_OTHER_FORMATS = ("toml-frontmatter", "json-frontmatter", "json", "toml")


def read_decap(path: Path, root: Path, folder: Path) -> CmsSchema:
    found, config = open_config(path, root, DECAP, load_yaml)
    if config is None:
        return found
    shown, here = shown_path(path, root), shown_path(folder, root)
    media, public = (
        text_or_none(config.get("media_folder")),
        text_or_none(config.get("public_folder")),
    )
    found = replace(found, media_folder=media, public_folder=public)
    collections = config.get("collections")
    listed = (
        [c for c in collections if isinstance(c, dict)] if isinstance(collections, list) else []
    )
    folders = [c for c in listed if isinstance(c.get("folder"), str)]
    matching = [c for c in folders if names_folder(root, c["folder"], folder)]
    if not matching:
        known = ", ".join(sorted({c["folder"] for c in folders})) or "none"
        note = f"{shown} has no folder collection for {here} (its folders: {known})."
        return replace(found, notes=(note,))
    chosen = matching[0]
    name = name_for_note(chosen.get("name"))
    notes: list[str] = []
    if len(matching) > 1:
        names = ", ".join(f"‘{name_for_note(c.get('name'))}’" for c in matching)
        notes.append(f"The collections {names} all use {here}: the form follows ‘{name}’.")
    if (form := chosen.get("format")) in _OTHER_FORMATS:
        notes.append(
            f"The collection ‘{name}’ stores its fields as {form}, which Post Editor does not"
            " read: its posts will show as having no front matter."
        )
    found = replace(
        found,
        collection=name,
        collection_media_folder=text_or_none(chosen.get("media_folder")),
        collection_public_folder=text_or_none(chosen.get("public_folder")),
    )
    entries = chosen.get("fields")
    taken = [
        t for e in (entries if isinstance(entries, list) else []) if (t := _decap_field(e, notes))
    ]
    return finish(found, f"The collection ‘{name}’", taken, _decap_naming(chosen, notes), notes)


def _decap_field(entry: object, notes: list[str]) -> Taken | None:
    """A Decap field as ours; None when not taken (noted, unless it is the body)."""
    where = line_note(entry)
    if (
        not isinstance(entry, dict)
        or not text_or_none(entry.get("name"))
        or not entry["name"].strip()
    ):
        notes.append(f"A field{where} has no name: it is left out.")
        return None
    name, widget = entry["name"], entry.get("widget", "string")
    if name == "body":  # Decap's body field is the post's text below the front matter
        return None
    spec: dict[str, object] = {"name": name, "label": text_or_none(entry.get("label")) or ""}
    spec["help"] = text_or_none(entry.get("hint")) or ""
    spec["default"] = entry.get("default")
    # Required unless it says `required: false`; a boolean always holds a value (false), and
    # a hidden field is the site's business, not the writer's.
    spec["required"] = entry.get("required", True) is not False
    spec["required"] &= widget not in ("boolean", "hidden")
    said = _decap_kind(entry, widget, spec)
    if said is None:
        what = (
            "is a list of objects"
            if widget == "list"
            else f"uses the {name_for_note(widget)} widget"
        )
        notes.append(not_taken_note(name, where, what))
        return None
    if said:
        notes.append(f"‘{name}’{where}: {said}")
    pattern = entry.get("pattern")  # [regex, message], or Sveltia's bare regex
    pattern = [pattern] if isinstance(pattern, str) else pattern
    if isinstance(pattern, list) and pattern and isinstance(pattern[0], str):
        message = text_or_none(pattern[1]) if len(pattern) > 1 else None
        spec["pattern"], spec["source_pattern"] = _whole_value(pattern[0]), pattern[0]
        spec["pattern_message"] = message or f"does not match the pattern {pattern[0]}"
    return build_field(spec, notes, where), widget == "hidden", where


def _decap_kind(entry: dict, widget: object, spec: dict[str, object]) -> str | None:
    """Fill the type (and what goes with it) into `spec`; a caveat to note ("" for none), or
    None when the widget is not taken."""
    if widget == "hidden":
        spec["type"] = _type_of(entry.get("default"))
        return ""
    if widget == "list":
        if entry.get("fields") is not None or entry.get("types") is not None:
            return None
        if (inner := entry.get("field")) is not None:  # one simple widget's values: plain
            of: dict[str, object] = {}
            if (
                not isinstance(inner, dict)
                or _decap_kind(inner, inner.get("widget", "string"), of) is None
            ):
                return None
            if of["type"] == "list":
                return None
            spec["choices"] = of.get("choices", ())
        spec["type"] = "list"
        return bounds_note(entry)
    if not isinstance(widget, str) or widget not in _SIMPLE:
        return None
    spec["type"] = _SIMPLE[widget]
    said = ""
    if widget in ("string", "text"):
        if entry.get("type") == "url":  # Sveltia's string variant
            spec["type"] = "url"
        top = entry.get("maxlength")  # Sveltia
        if isinstance(top, int) and not isinstance(top, bool) and top > 0:
            spec["max"] = top
        said = bounds_note(entry, ("minlength",))
    elif widget in ("markdown", "richtext"):
        said = "a Markdown field; edited here as plain text, without a preview."
    elif widget == "file":
        said = "a file widget; Post Editor has no file type, so it is edited as text."
    elif widget == "number":
        said = bounds_note(entry)
    elif widget == "select":
        spec["choices"], relabelled = option_values(entry.get("options"), "value", "label")
        said = "its options show their values, not their labels." if relabelled else ""
    elif widget in ("datetime", "date"):
        said = _decap_dates(entry, widget, spec)
    if entry.get("multiple") is True and widget in ("select", "image", "file"):
        spec["type"] = "list"
    return said


def _decap_dates(entry: dict, widget: str, spec: dict[str, object]) -> str:
    """Decap's rules (DateTimeControl.getFormat): `format` is the stored format; else
    `date_format` and `time_format` (true: their defaults) are, joined by T; `time_format:
    false` shows a date picker, `date_format: false` a time picker. A time alone is text."""
    date_f, time_f = entry.get("date_format"), entry.get("time_format")
    date_f = "YYYY-MM-DD" if date_f is True else date_f
    time_f = "HH:mm" if time_f is True else time_f
    kind, pattern = ("date" if widget == "date" else "datetime"), text_or_none(entry.get("format"))
    if pattern is None and isinstance(date_f, str):
        pattern = f"{date_f}T{time_f}" if isinstance(time_f, str) else date_f
        kind = "datetime" if isinstance(time_f, str) else "date"
    elif pattern is None and isinstance(time_f, str):
        kind, pattern = "time", time_f
    if date_f is False:
        kind = "time"
    if time_f is False or entry.get("timeFormat") is False:  # Decap 2 spelled it so
        kind = "date"
    if kind == "time":
        spec["type"] = "string"
        return "a time without a date; edited as text."
    return date_spec(spec, kind, pattern, False, entry.get("picker_utc") is True)


def _whole_value(source: str) -> str:
    """A JavaScript pattern, which matches anywhere in a value (`RegExp.test`), as one the
    whole value must match. `^...$` without a `|` already spans the value."""
    anchored = source.startswith("^") and source.endswith("$") and not source.endswith("\\$")
    if anchored and "|" not in source:
        return source[1:-1]
    return f"(?s:.*?)(?:{source})(?s:.*)"


def _type_of(value: object) -> str:
    """Our type for a hidden field, from its default."""
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int | float):
        return "number"
    if isinstance(value, list):
        return "list"
    if isinstance(value, dt.date):
        return "datetime" if isinstance(value, dt.datetime) else "date"
    return "string"


def _decap_naming(collection: dict, notes: list[str]) -> str | None:
    """Decap's file name template (`path`, holding `slug`, then `extension`) as our naming;
    None (the folder's files tell) when it uses a placeholder we do not fill in."""
    slug, path = collection.get("slug", "{{slug}}"), collection.get("path")
    extension = collection.get("extension", "md")
    if not isinstance(slug, str) or not isinstance(extension, str):
        return None
    template = path.replace("{{slug}}", slug) if isinstance(path, str) else slug
    naming = re.sub(r"\{\{\s*(slug|year|month|day)\s*\}\}", r"{\1}", template.strip().strip("/"))
    naming = naming.replace("{year}-{month}-{day}", "{date}")
    if "{{" in naming or "{slug}" not in naming or ".." in naming.split("/"):
        notes.append(
            f"New posts are named like the folder's files: the name template {quoted(template)}"
            " uses placeholders Post Editor does not fill in."
        )
        return None
    naming = f"{naming}.{extension.lstrip('.')}"
    if problem := naming_problem(naming):  # into .git/, out of the folder, not a post
        notes.append(f"New posts are named like the folder's files: {problem}.")
        return None
    return naming
