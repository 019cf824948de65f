"""Front Matter CMS: the content type of `frontmatter.json` that describes a content folder,
as our schema (the field type table is in `config`'s docstring)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from editor.core.schema.cms.config_file import (
    CmsSchema,
    finish,
    load_json,
    names_folder,
    open_config,
    shown_path,
)
from editor.core.schema.cms.dates import date_spec
from editor.core.schema.cms.fields import (
    Taken,
    bounds_note,
    build_field,
    name_for_note,
    not_taken_note,
    option_values,
    text_or_none,
)
from editor.core.schema.cms.places import FRONT_MATTER

# ---- Front Matter CMS ------------------------------------------------------------------------

_FM_TYPES = {"string": "string", "datetime": "datetime", "image": "image", "file": "string"}
_FM_TYPES |= {"tags": "list", "categories": "list", "taxonomy": "list", "list": "list"}
_FM_TYPES |= {"choice": "select", "draft": "boolean", "boolean": "boolean", "number": "number"}
_FM_TYPES |= {"slug": "string"}
_FM_LAYOUT = ("divider", "heading")  # form decoration; they hold no value


def read_front_matter(path: Path, root: Path, folder: Path) -> CmsSchema:
    found, config = open_config(path, root, FRONT_MATTER, load_json)
    if config is None:
        return found
    shown, here = shown_path(path, root), shown_path(folder, root)
    media = config.get("frontMatter.content.publicFolder")
    media = media.get("path") if isinstance(media, dict) else media
    found = replace(found, media_folder=text_or_none(media))
    pages = config.get("frontMatter.content.pageFolders")
    wanted: object = ["default"]
    if isinstance(pages, list) and pages:  # none listed: every folder has the default type
        ours = [p for p in pages if isinstance(p, dict) and isinstance(p.get("path"), str)]
        ours = [p for p in ours if names_folder(root, p["path"], folder)]
        if not ours:
            return replace(found, notes=(f"{shown} lists no page folder {here}.",))
        wanted = ours[0].get("contentTypes") or wanted
    names = [w for w in wanted if isinstance(w, str)] if isinstance(wanted, list) else []
    types = config.get("frontMatter.taxonomy.contentTypes")
    types = [t for t in types if isinstance(t, dict)] if isinstance(types, list) else []
    chosen = next((t for w in names for t in types if t.get("name") == w), None)
    listed = ", ".join(f"‘{w}’" for w in names)
    if chosen is None:
        return replace(found, notes=(f"{shown} has no content type {listed} for {here}.",))
    name = chosen["name"]
    notes = [f"{here} holds content types {listed}: the form follows ‘{name}’."][len(names) < 2 :]
    date_format = text_or_none(config.get("frontMatter.taxonomy.dateFormat"))
    draft = config.get("frontMatter.content.draftField")
    entries = chosen.get("fields")
    entries = entries if isinstance(entries, list) else []
    taken = [t for e in entries if (t := _fm_field(e, date_format, draft, notes))]
    file_type = text_or_none(chosen.get("fileType")) or "md"
    naming = f"{{slug}}/index.{file_type}" if chosen.get("pageBundle") is True else None
    return finish(
        replace(found, collection=name), f"The content type ‘{name}’", taken, naming, notes
    )


def _fm_field(
    entry: object, date_format: str | None, draft: object, notes: list[str]
) -> Taken | None:
    """A Front Matter field as ours; None when not taken (noted, unless it is decoration)."""
    if (
        not isinstance(entry, dict)
        or not text_or_none(entry.get("name"))
        or not entry["name"].strip()
    ):
        notes.append("A field has no name: it is left out.")
        return None
    name, kind = entry["name"], entry.get("type")
    if kind in _FM_LAYOUT:
        return None
    if not isinstance(kind, str) or kind not in _FM_TYPES:
        notes.append(not_taken_note(name, "", f"has the type {name_for_note(kind)}"))
        return None
    spec: dict[str, object] = {"name": name, "type": _FM_TYPES[kind]}
    spec["label"] = text_or_none(entry.get("title")) or ""
    spec["help"] = text_or_none(entry.get("description")) or ""
    hidden = entry.get("hidden") is True
    spec["required"] = entry.get("required") is True and kind not in ("boolean", "draft")
    spec["required"] &= not hidden
    spec["default"] = entry.get("default")
    said = ""
    if kind == "string" and entry.get("single") is not True:
        spec["type"] = "text"  # Front Matter shows a string over several lines unless single
    if kind == "string" and entry.get("wysiwyg"):
        said = "a rich-text field; edited here as plain text."
    elif kind == "file":
        said = "a file field; Post Editor has no file type, so it is edited as text."
    elif kind == "datetime":
        pattern = text_or_none(entry.get("dateFormat")) or date_format
        said = date_spec(spec, "datetime", pattern, True, False)
    elif kind == "choice":
        spec["choices"], relabelled = option_values(entry.get("choices"), "id", "title")
        said = "its choices show their ids, not their titles." if relabelled else ""
    elif kind == "draft" and isinstance(draft, dict) and draft.get("type") == "choice":
        spec["type"] = "select"  # the site's draft field holds a status word, not true/false
        spec["choices"] = option_values(draft.get("choices"), "id", "title")[0]
    elif kind == "number" and isinstance(entry.get("numberOptions"), dict):
        said = bounds_note(entry["numberOptions"])
    if entry.get("multiple") is True and kind in ("choice", "image", "file"):
        spec["type"] = "list"
    if said:
        notes.append(f"‘{name}’: {said}")
    return build_field(spec, notes, ""), hidden, ""
