"""The `.post-editor.yaml` file: a folder's own description of its front matter, read with
the line of each mistake.

A content folder may describe its front matter in `.post-editor.yaml` at its root::

    fields:                       # the order here is the order of the form and of new posts
      - {name: title, type: string, required: true, max: 70}
      - {name: date, type: date, required: true}
      - {name: excerpt, type: text, max: 160, help: "Shown in lists and search results"}
      - {name: coverImage, type: image}
      - {name: tags, type: list, pattern: "[a-z0-9-]+"}
      - {name: category, type: select, choices: [Guides, News]}
      - {name: draft, type: boolean, default: false}
    naming: "{slug}.md"           # or "{date}-{slug}.md", "{slug}/index.md"; absent: detected
    language: en                  # optional
    media: {folder: static/images, url: /images}   # optional: where dropped pictures go
    markdown: commonmark          # optional: or python-markdown; absent: the generator's

Keys of a field: `name` (required), `type` (absent: the built-in field of that name's type,
else `string`; the types are listed in `model`), `required`, `max` (longest text), `pattern`
(a regular expression the whole value, or each list item, must match), `choices` (for
`select` and `list`), `help` (tooltip; an example it gives, "e.g. Paris", is the empty field's
greyed placeholder), `default` (for new posts, and the placeholder; must pass the field's own
check), `label` (absent: from the name, coverImage → "Cover image"). Anything else is an error
reported with its line.

`media` says where pictures dropped on a post are copied: `folder`, relative to the site root
(`./...`: relative to each post's folder), and `url`, the address the site serves that folder
at (absent: posts link to the file by a relative path). Absent: from the CMS config, else the
site's layout (see `editor.core.site.media`).

A site's file may instead list several collections, each applied to its own folder (relative
to the file's folder), as a CMS config's folder collections are::

    collections:
      - name: posts               # optional
        folder: content/posts
        naming: "{slug}/index.md"
        fields: [{name: title, required: true}, {name: date, type: date}]
      - folder: content/docs
        fields: [{name: title, required: true}, {name: weight, type: number}]

Each entry takes `folder` (required), `name`, and the settings above. A file in a collection's
folder, or below it, follows that collection (the deepest one holding it); a file in no
collection's folder follows what the folder would follow without this file.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from editor.core import lazy_module
from editor.core.document import is_scalar
from editor.core.errors import PostError
from editor.core.schema.field_types import TYPES, describe
from editor.core.schema.media import MediaSetting, url_problem
from editor.core.schema.model import DEFAULT, Field, Schema
from editor.core.schema.naming import naming_problem

if TYPE_CHECKING:
    import yaml

    from editor.core.document import safe_yaml
else:  # loaded where a schema file is read: a folder without one loads no YAML for it
    yaml = lazy_module("yaml")
    safe_yaml = lazy_module("editor.core.document.safe_yaml")


_SETTINGS = ("fields", "naming", "language", "media", "markdown")
MARKDOWN_ENGINES = ("commonmark", "python-markdown")
_COLLECTION_KEYS = ("name", "folder", *_SETTINGS)
# What each key of a field must hold, checked before the Field is built so errors get a line;
# `{}` in a message is the value found.
_FIELD_RULES: dict[str, tuple[Callable[[object], object], str]] = {
    "name": (lambda v: isinstance(v, str) and v.strip(), "a field's name must be text, not {}"),
    "type": (
        lambda v: isinstance(v, str) and v in TYPES,
        "unknown type {}; use one of: " + ", ".join(TYPES),
    ),
    "required": (lambda v: isinstance(v, bool), "required must be true or false, not {}"),
    "max": (
        lambda v: isinstance(v, int) and not isinstance(v, bool) and v > 0,
        "max must be a whole number above 0, not {}",
    ),
    "pattern": (
        lambda v: isinstance(v, str),
        "pattern must be text (a regular expression), not {}",
    ),
    "choices": (
        lambda v: isinstance(v, list) and all(is_scalar(c) for c in v),
        "choices must be a list like [Guides, News], not {}",
    ),
    "help": (lambda v: isinstance(v, str), "help must be text, not {}"),
    "label": (lambda v: isinstance(v, str), "label must be text, not {}"),
    "default": (
        lambda v: is_scalar(v) or isinstance(v, list),
        "default must be a plain value, not {}",
    ),
}
_FIELD_KEYS = tuple(_FIELD_RULES)  # what the file may say (not `aliases`, not a date format)


def _error(message: str, node: yaml.Node | None, path: Path) -> PostError:
    if node is None:
        return PostError(message, path, 1)
    return PostError(message, path, node.start_mark.line + 1, node.start_mark.column + 1)


def _value(node: yaml.Node, path: Path) -> object:
    try:
        return yaml.constructor.SafeConstructor().construct_document(node)
    except yaml.YAMLError as error:
        raise _error(f"not a valid value: {getattr(error, 'problem', error)}", node, path) from None
    except (ValueError, KeyError, IndexError, AttributeError, TypeError, OverflowError):
        # PyYAML's constructors fail this way on a value its tag cannot hold (`!!bool maybe`)
        raise _error("not a valid value for its !! tag", node, path) from None


def _entries(node: yaml.MappingNode, path: Path) -> dict[str, tuple[yaml.Node, yaml.Node]]:
    """A mapping's keys with their key and value nodes; duplicate keys are an error."""
    entries: dict[str, tuple[yaml.Node, yaml.Node]] = {}
    for key_node, value_node in node.value:
        key = _value(key_node, path)
        if not isinstance(key, str):
            raise _error(f"{describe(key)} is not a key name", key_node, path)
        if key in entries:
            raise _error(f"‘{key}’ is given twice", key_node, path)
        entries[key] = (key_node, value_node)
    return entries


def _field_from_node(node: yaml.Node, path: Path) -> Field:
    if not isinstance(node, yaml.MappingNode):
        raise _error("each field must be a mapping like {name: title, type: string}", node, path)
    entries = _entries(node, path)
    values: dict[str, object] = {}
    for key, (key_node, value_node) in entries.items():
        if key not in _FIELD_RULES:
            known = ", ".join(_FIELD_KEYS)
            raise _error(f"unknown key ‘{key}’ in a field; use one of: {known}", key_node, path)
        value = values[key] = _value(value_node, path)
        rule, message = _FIELD_RULES[key]
        if not rule(value):
            raise _error(message.format(describe(value)), value_node, path)
    if "name" not in values:
        raise _error("this field has no name", node, path)
    if "type" not in values:
        base = DEFAULT.field(str(values["name"]))
        values["type"] = base.type if base else "string"
    try:
        field = Field(**values)
    except PostError as error:  # a pattern that does not compile
        raise _error(error.message, entries["pattern"][1], path) from None
    if field.default is not None and (problem := field.check(field.default)):
        raise _error(f"the default {problem}", entries["default"][1], path)
    return field


@dataclass(frozen=True)
class DeclaredCollection:
    """One collection of a schema file that lists several: its folder (absolute, as the
    file's path is: the file's folder joined with what it says), its schema, its name."""

    folder: Path
    schema: Schema
    name: str | None = None


@dataclass(frozen=True)
class SchemaFile:
    """What a `.post-editor.yaml` declares: one schema for its own folder (`schema`), or
    several collections, each with its own folder (`collections`)."""

    path: Path
    schema: Schema | None = None
    collections: tuple[DeclaredCollection, ...] = ()

    def collection_for(self, folder: Path) -> DeclaredCollection | None:
        """The deepest of the collections whose folder holds `folder` (absolute, as the
        file's path is), if any."""
        place = Path(os.path.normpath(folder))
        holding = [c for c in self.collections if place.is_relative_to(c.folder)]
        return max(holding, key=lambda c: len(str(c.folder)), default=None)


def read_schema_file(path: Path) -> SchemaFile:
    """What a `.post-editor.yaml` declares; `PostError` with the line of a bad entry."""
    root, entries = _root_entries(path)
    if "collections" not in entries:
        return SchemaFile(path, schema=_schema_from(root, entries, path, "the schema file"))
    for key, (key_node, _) in entries.items():
        if key != "collections":
            raise _error(
                f"‘{key}’ goes inside each collection when the file lists collections",
                key_node,
                path,
            )
    listed = entries["collections"][1]
    if not isinstance(listed, yaml.SequenceNode) or not listed.value:
        raise _error("‘collections’ must be a list of collections", listed, path)
    found: list[DeclaredCollection] = []
    for node in listed.value:
        collection = _collection_from_node(node, path)
        for known in found:
            if known.folder == collection.folder:
                raise _error("this collection's folder is listed twice", node, path)
            if collection.name is not None and known.name == collection.name:
                raise _error(f"the collection ‘{collection.name}’ is listed twice", node, path)
        found.append(collection)
    return SchemaFile(path, collections=tuple(found))


def load_schema_file(path: Path) -> Schema:
    """The one schema a `.post-editor.yaml` declares for its folder; `PostError` with the
    line of a bad entry, and for a file that lists collections (see `read_schema_file`)."""
    found = read_schema_file(path)
    if found.schema is None:
        raise PostError("the schema file lists collections, each with its own folder", path, 1)
    return found.schema


def _root_entries(path: Path) -> tuple[yaml.Node, dict[str, tuple[yaml.Node, yaml.Node]]]:
    """The file's top node and its keys' nodes."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise PostError(f"cannot read the schema file: {error}", path) from None
    try:
        root = yaml.compose(text, Loader=safe_yaml.Loader)
        safe_yaml.check_aliases(root)  # before any value is built and checked
    except yaml.YAMLError as error:
        line, column = safe_yaml.error_position(error)
        reason = safe_yaml.error_reason(error)
        raise PostError(f"not valid YAML: {reason}", path, line, column) from None
    if not isinstance(root, yaml.MappingNode):
        raise _error("the schema file must be a mapping with a ‘fields’ list", root, path)
    entries = _entries(root, path)
    for key, (key_node, _) in entries.items():
        if key not in (*_SETTINGS, "collections"):
            known = ", ".join((*_SETTINGS, "collections"))
            raise _error(f"unknown setting ‘{key}’; use {known}", key_node, path)
    return root, entries


def _collection_from_node(node: yaml.Node, path: Path) -> DeclaredCollection:
    """One entry of `collections`: its folder, name and settings, checked with lines."""
    if not isinstance(node, yaml.MappingNode):
        raise _error(
            "each collection must be a mapping like {folder: content/posts, fields: [...]}",
            node,
            path,
        )
    entries = _entries(node, path)
    for key, (key_node, _) in entries.items():
        if key not in _COLLECTION_KEYS:
            known = ", ".join(_COLLECTION_KEYS)
            raise _error(f"unknown key ‘{key}’ in a collection; use {known}", key_node, path)
    if "folder" not in entries:
        raise _error("this collection has no folder, like {folder: content/posts}", node, path)
    folder_node = entries["folder"][1]
    folder = _value(folder_node, path)
    if not isinstance(folder, str) or not folder.strip():
        message = f"a collection's folder must be text, not {describe(folder)}"
        raise _error(message, folder_node, path)
    if problem := _outside_problem(folder.strip()):
        raise _error(f"a collection's folder {problem}, like content/posts", folder_node, path)
    name = _value(entries["name"][1], path) if "name" in entries else None
    if name is not None and not (isinstance(name, str) and name.strip()):
        message = f"a collection's name must be text, not {describe(name)}"
        raise _error(message, entries["name"][1], path)
    settings = {key: found for key, found in entries.items() if key not in ("name", "folder")}
    schema = _schema_from(node, settings, path, "this collection")
    place = Path(os.path.normpath(path.parent / folder.strip().replace("\\", "/")))
    return DeclaredCollection(place, schema, name.strip() if name else None)


def _schema_from(
    node: yaml.Node, entries: dict[str, tuple[yaml.Node, yaml.Node]], path: Path, what: str
) -> Schema:
    """The schema the settings `entries` of `node` declare (`what` names `node` in errors)."""
    if "fields" not in entries:
        raise _error(f"{what} has no ‘fields’ list", node, path)
    fields_node = entries["fields"][1]
    if not isinstance(fields_node, yaml.SequenceNode) or not fields_node.value:
        raise _error("‘fields’ must be a list of fields, one a line", fields_node, path)
    fields: list[Field] = []
    for field_node in fields_node.value:
        field = _field_from_node(field_node, path)
        if any(known.name == field.name for known in fields):
            raise _error(f"the field ‘{field.name}’ is listed twice", field_node, path)
        fields.append(field)
    settings = {key: _value(node, path) for key, (_, node) in entries.items() if key != "fields"}
    naming = settings.get("naming")
    if naming is not None and not (isinstance(naming, str) and "{slug}" in naming):
        raise _error(
            'naming must be text holding {slug}, like "{slug}.md"', entries["naming"][1], path
        )
    if naming is not None and (problem := naming_problem(naming)):
        # Refused like any other mistake in the file: the folder falls back to the default.
        raise _error(problem, entries["naming"][1], path)
    language = settings.get("language")
    if language is not None and not isinstance(language, str):
        raise _error("language must be a code like en", entries["language"][1], path)
    media = _media_from_node(entries["media"][1], path) if "media" in entries else None
    markdown = settings.get("markdown")
    if markdown is not None and markdown not in MARKDOWN_ENGINES:
        raise _error("markdown must be commonmark or python-markdown", entries["markdown"][1], path)
    return Schema(tuple(fields), naming, language, media=media, markdown=markdown)


def _outside_problem(folder: str) -> str | None:
    """Why a folder the file names is not a path inside the site, if it is not."""
    parts = folder.replace("\\", "/").split("/")
    if folder.startswith(("/", "~")) or re.match(r"[A-Za-z]:", folder) or ".." in parts:
        return "must be a path inside the site"
    if ".git" in parts:
        return "must not be inside the repository's .git folder"
    return None


def _media_from_node(node: yaml.Node, path: Path) -> MediaSetting:
    """`media: {folder: static/images, url: /images}`, checked key by key with lines."""
    if not isinstance(node, yaml.MappingNode):
        raise _error(
            "media must be a mapping like {folder: static/images, url: /images}", node, path
        )
    entries = _entries(node, path)
    values: dict[str, str] = {}
    for key, (key_node, value_node) in entries.items():
        if key not in ("folder", "url"):
            raise _error(f"unknown key ‘{key}’ in media; use folder, url", key_node, path)
        value = _value(value_node, path)
        if not isinstance(value, str):
            raise _error(f"media {key} must be text, not {describe(value)}", value_node, path)
        values[key] = value.strip()
    if "folder" not in entries:
        raise _error("media needs a folder, like {folder: static/images}", node, path)
    folder = values["folder"]
    if problem := _outside_problem(folder):
        raise _error(f"the media folder {problem}, like static/images", entries["folder"][1], path)
    url = values.get("url")
    if url is not None and ("://" in url or url.startswith("//")):
        raise _error("the media url is the site's own path, like /images", entries["url"][1], path)
    if url is not None and (problem := url_problem(url)):
        raise _error(problem, entries["url"][1], path)
    base = "post" if folder == "." or folder.startswith("./") else "site"
    return MediaSetting(folder, url, base, path.name)  # the file's name: .post-editor.yaml
