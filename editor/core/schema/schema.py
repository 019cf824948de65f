"""The fields a folder's posts carry: their types, order and constraints, declared as data.

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

Keys of a field: `name` (required), `type` (absent: the built-in field of that name's type,
else `string`), `required`, `max` (longest text), `pattern` (a regular expression the whole
value, or each list item, must match), `choices` (for `select` and `list`), `help` (tooltip),
`default` (for new posts; must pass the field's own check), `label` (absent: from the name,
coverImage → "Cover image"). Anything else is an error reported with its line.

`media` says where pictures dropped on a post are copied: `folder`, relative to the site root
(`./...`: relative to each post's folder), and `url`, the address the site serves that folder
at (absent: posts link to the file by a relative path). Absent: from the CMS config, else the
site's layout (see `editor.core.site.media`).

Types (`TYPES`), and what each accepts in the file / reads from typed text:

    string, text   text (`text` is edited over several lines); numbers, dates and yes/no values
                   that YAML read from unquoted words are flagged: quote them
    date, datetime a date as `parse_date` reads it (2026-01-24, 2019-03-04 10:21:00 +0100, ...)
    url            an absolute http(s) address, or a site path starting with `/`
    image          an http(s) address or a file path, relative or absolute
    list           a list of plain values; typed as `a, b` or YAML flow `[a, b]`
    select         one value, from `choices` when they are given
    boolean        true or false (unquoted); typed as true/false, yes/no or on/off
    number         an integer or a decimal number (unquoted)

Blank typed text means "no value": "" for the text-like types, [] for a list, None otherwise.

Where a folder's schema comes from (`schema_source`), first found wins: its `.post-editor.yaml`;
else the Decap, Sveltia or Front Matter CMS config of its site, when that config describes the
folder (see `cms_config`); else `infer_schema` derives one from the posts over `DEFAULT` (the
reference post shape): see its docstring for the rules.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, Literal

import yaml

from editor.core.document import safe_yaml
from editor.core.document.dates import DateFormat, parse_date
from editor.core.document.safe_yaml import Loader
from editor.core.errors import PostError
from editor.core.folder.slug import naming_problem
from editor.core.schema.field_types import (
    IMAGE_EXTENSIONS,
    TYPES,
    URL_PATTERN,
    FieldType,
    describe,
    is_scalar,
)
from editor.core.site.media import MediaSetting, setting_from_cms, url_problem

if TYPE_CHECKING:  # cms_config builds Fields from this module: a real import would be a cycle
    from editor.core.schema.cms.config import CmsSchema

Severity = Literal["error", "warning"]

SCHEMA_FILE = ".post-editor.yaml"


def humanize(name: str) -> str:
    """A label from a key: coverImage → "Cover image", sourceURL → "Source URL"."""
    spaced = re.sub(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])|[_\-.\s]+", " ", name)
    words = [w if len(w) > 1 and w.isupper() else w.lower() for w in spaced.split()]
    text = " ".join(words) or name
    return text[:1].upper() + text[1:]


@dataclass(frozen=True)
class Field:
    """One front-matter key: its type (a key into `TYPES`) and the rules its value follows."""

    name: str
    type: str = "string"
    required: bool = False
    max: int | None = None
    pattern: str | None = None
    choices: tuple[object, ...] = ()
    help: str = ""
    default: object = None
    label: str = ""
    # Other keys that site generators use for the same thing (Astro's pubDate for date...).
    aliases: tuple[str, ...] = ()
    # Said instead of "does not match the pattern" (a CMS config's own words for its pattern).
    pattern_message: str = ""
    # How a new date is spelled (a CMS config's storage format); None: like the value it
    # replaces, else ISO. Only a CMS config sets it; the schema file has no key for it yet.
    date_format: DateFormat | None = None

    def __post_init__(self) -> None:
        if self.type not in TYPES:
            raise PostError(f"unknown type ‘{self.type}’; use one of: {', '.join(TYPES)}")
        if self.pattern is not None:
            try:
                re.compile(self.pattern)
            except re.error as error:
                raise PostError(f"‘{self.pattern}’ is not a valid pattern: {error}") from None
        object.__setattr__(self, "choices", tuple(self.choices))
        object.__setattr__(self, "aliases", tuple(self.aliases))
        if not self.label:
            object.__setattr__(self, "label", humanize(self.name))

    @property
    def kind(self) -> FieldType:
        """The type object that parses, shows and checks this field's values."""
        return TYPES[self.type]

    def parse(self, text: str) -> object:
        """The value typed `text` stands for (type rules only; `check` applies the rest)."""
        return self.kind.parse(text)

    def to_text(self, value: object) -> str:
        """`value` as text for a form field or the command line."""
        return self.kind.to_text(value)

    def problems(self, value: object) -> list[tuple[Severity, str]]:
        """What is wrong with `value` for this field, worst first. A type error stops there;
        a text over `max` is a warning (search engines cut it, nothing breaks)."""
        if value is None or value == "" or value == []:
            return [("error", "needs a value")] if self.required else []
        if problem := self.kind.check(value):
            return [("error", problem)]
        out: list[tuple[Severity, str]] = []
        for item in value if isinstance(value, list) else [value]:
            if self.pattern and isinstance(item, str) and not re.fullmatch(self.pattern, item):
                told = f": {self.pattern_message}" if self.pattern_message else ""
                told = told or f" does not match the pattern {self.pattern}"
                out.append(("error", f"{describe(item)}{told}"))
            if self.choices and item not in self.choices:
                choices = ", ".join(str(choice) for choice in self.choices)
                out.append(("error", f"{describe(item)} is not one of the choices: {choices}"))
        if self.max is not None and isinstance(value, str) and len(value) > self.max:
            out.append(("warning", f"{len(value)} characters long; keep it to {self.max}"))
        return out

    def check(self, value: object) -> str | None:
        """The worst thing wrong with `value` for this field, or None."""
        found = self.problems(value)
        return found[0][1] if found else None


@dataclass(frozen=True)
class Schema:
    """The fields of a folder's posts, in order, and how new posts are named.

    `hidden` are keys the site sets itself (Decap's `hidden` widget): the form does not show
    them and posts are not checked against them (`field` and `order` leave them out, so a post
    that has one shows it under "Other fields", untouched); their `default` is for new posts.
    """

    fields: tuple[Field, ...] = ()
    naming: str | None = None  # "{slug}.md", "{date}-{slug}.md", "{slug}/index.md"; None: detect
    language: str | None = None
    hidden: tuple[Field, ...] = ()
    # Where dropped pictures go; None: by the site's layout. Not compared: two schemas are
    # equal when posts check the same against them (a rescan revalidates on a change).
    media: MediaSetting | None = dataclasses.field(default=None, compare=False)

    DEFAULT: ClassVar[Schema]

    def __post_init__(self) -> None:
        object.__setattr__(self, "fields", tuple(self.fields))
        object.__setattr__(self, "hidden", tuple(self.hidden))

    @cached_property
    def _by_name(self) -> dict[str, Field]:
        return {field.name: field for field in self.fields}

    def field(self, name: str) -> Field | None:
        """The field called `name`, or None when the schema does not know it."""
        return self._by_name.get(name)

    @property
    def order(self) -> tuple[str, ...]:
        """The field names in form order."""
        return tuple(field.name for field in self.fields)

    def keys_in(self, values: Mapping[str, object]) -> dict[str, str]:
        """Which key of a post each field shows (field name → key), in form order: the one
        rule for which keys the form covers, so that no key is shown twice.

        A field shows its own name when the post has it; else the first of its aliases the
        post uses (Astro's `pubDate` for `date`) that no other field shows and that is not
        another field's name; else its name (the key a value typed into it gets). Fields
        claim their names first, so an alias never takes a key another field is named by.
        """
        names = set(self.order)
        keys = {f.name: f.name for f in self.fields if f.name in values}
        taken = set(keys)
        for field in self.fields:
            if field.name in keys:
                continue
            free = (a for a in field.aliases if a in values and a not in names and a not in taken)
            keys[field.name] = key = next(free, field.name)
            taken.add(key)
        return {name: keys[name] for name in self.order}

    def form_keys(self, values: Mapping[str, object]) -> set[str]:
        """The keys of a post (with `values`) that belong to the form's fields: those they
        show, and every field's name (a key typed elsewhere under a field's name would be
        that field on the next open). The rest are "Other fields"."""
        return {*self.keys_in(values).values(), *self.order}

    def defaults(self) -> dict[str, object]:
        """What a new post starts with: each field's default, then each hidden field's."""
        return {f.name: f.default for f in (*self.fields, *self.hidden) if f.default is not None}


Schema.DEFAULT = DEFAULT = Schema(
    (
        Field("title", "string", required=True, max=70, help="The headline; keep it short."),
        Field(
            "date",
            "date",
            required=True,
            help="The publication date, like 2026-01-24.",
            aliases=("pubDate", "publishDate", "publishedAt"),
        ),
        Field(
            "excerpt",
            "text",
            max=160,
            help="A summary for lists and search results.",
            aliases=("description", "summary"),
        ),
        Field(
            "coverImage",
            "image",
            help="The picture at the top: a web address or a path.",
            aliases=("heroImage", "image", "cover", "featuredImage"),
        ),
        Field("author", "string", help="Who wrote the post."),
        Field("tags", "list", help="Keywords, separated by commas."),
        Field("category", "select", help="The one section the post belongs to."),
        Field("source", "url", help="Where the story first appeared."),
        Field("draft", "boolean", default=False, help="A draft is not published."),
    )
)


# ---- the schema file -------------------------------------------------------------------------

_SETTINGS = ("fields", "naming", "language", "media")
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


def load_schema_file(path: Path) -> Schema:
    """The schema a `.post-editor.yaml` declares; `PostError` with the line of a bad entry."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise PostError(f"cannot read the schema file: {error}", path) from None
    try:
        root = yaml.compose(text, Loader=Loader)
        safe_yaml.check_aliases(root)  # before any value is built and checked
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        problem = getattr(error, "problem", None) or str(error)
        line, column = (mark.line + 1, mark.column + 1) if mark else (None, None)
        raise PostError(f"not valid YAML: {problem}", path, line, column) from None
    if not isinstance(root, yaml.MappingNode):
        raise _error("the schema file must be a mapping with a ‘fields’ list", root, path)
    entries = _entries(root, path)
    for key, (key_node, _) in entries.items():
        if key not in _SETTINGS:
            raise _error(f"unknown setting ‘{key}’; use {', '.join(_SETTINGS)}", key_node, path)
    if "fields" not in entries:
        raise _error("the schema file has no ‘fields’ list", root, path)
    fields_node = entries["fields"][1]
    if not isinstance(fields_node, yaml.SequenceNode) or not fields_node.value:
        raise _error("‘fields’ must be a list of fields, one a line", fields_node, path)
    fields: list[Field] = []
    for node in fields_node.value:
        field = _field_from_node(node, path)
        if any(known.name == field.name for known in fields):
            raise _error(f"the field ‘{field.name}’ is listed twice", node, path)
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
    return Schema(tuple(fields), naming, language, media=media)


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
    parts = folder.replace("\\", "/").split("/")
    if folder.startswith(("/", "~")) or re.match(r"[A-Za-z]:", folder) or ".." in parts:
        raise _error(
            "the media folder must be a path inside the site, like static/images",
            entries["folder"][1],
            path,
        )
    if ".git" in parts:
        raise _error(
            "the media folder must not be inside the repository's .git folder",
            entries["folder"][1],
            path,
        )
    url = values.get("url")
    if url is not None and ("://" in url or url.startswith("//")):
        raise _error("the media url is the site's own path, like /images", entries["url"][1], path)
    if url is not None and (problem := url_problem(url)):
        raise _error(problem, entries["url"][1], path)
    base = "post" if folder == "." or folder.startswith("./") else "site"
    return MediaSetting(folder, url, base, SCHEMA_FILE)


# ---- inference from existing posts -----------------------------------------------------------

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


# ---- where a folder's schema comes from ------------------------------------------------------

SchemaOrigin = Literal["file", "cms", "inferred", "default"]


@dataclass(frozen=True)
class SchemaSource:
    """A folder's schema with where it came from and what the writer should know about that.

    `origin`: "file" (`.post-editor.yaml`), "cms" (a CMS config, `cms` says which collection),
    "inferred" (from the posts), "default" (the reference shape: the schema file is broken;
    `ContentFolder.schema_problem` tells why). `notes` are plain sentences, one a line: what a
    CMS config holds that the form does not take and why, or why a config found was not used
    (an unreadable one with its path and line; `cms.problem` holds that as a `PostError`).
    """

    schema: Schema
    origin: SchemaOrigin
    path: Path | None = None  # the schema file or CMS config the fields came from
    notes: tuple[str, ...] = ()
    cms: CmsSchema | None = dataclasses.field(default=None, compare=False)


def schema_source(root: Path, values: Iterable[Mapping[str, object]]) -> SchemaSource:
    """The folder's schema and its source: `.post-editor.yaml`, else the site's CMS config
    when it describes this folder, else inferred from `values`. A broken schema file raises
    `PostError` (with its line); a broken CMS config is a note, and the posts are used."""
    path = root / SCHEMA_FILE
    if path.is_file():
        return SchemaSource(load_schema_file(path), "file", path)
    cms, source = _cms_source(root)
    if source is not None:
        return source
    return SchemaSource(infer_schema(values), "inferred", None, cms.notes if cms else (), cms)


def _cms_source(root: Path) -> tuple[CmsSchema | None, SchemaSource | None]:
    """The CMS config found for a folder, and the schema source it makes when it describes
    the folder (None when it does not, or cannot be read)."""
    from editor.core.schema.cms.config import read_cms_schema  # lazy: that module imports this one

    cms = read_cms_schema(root)
    if cms is None or cms.schema is None:
        return cms, None
    schema = dataclasses.replace(cms.schema, media=setting_from_cms(cms))
    return cms, SchemaSource(schema, "cms", cms.path, cms.notes, cms)


def schema_for_post(path: Path) -> Schema:
    """The schema a post read alone follows (`post-editor check FILE`, a post restored
    without its folder): the nearest `.post-editor.yaml` in its folder or above, else the CMS
    config that describes its folder, else the built-in shape. A broken schema file raises
    `PostError`."""
    folder = path if path.is_dir() else path.parent
    for place in [folder, *folder.resolve().parents]:
        if (place / SCHEMA_FILE).is_file():
            return load_schema_file(place / SCHEMA_FILE)
    _, source = _cms_source(folder)
    return source.schema if source is not None else Schema.DEFAULT


def schema_files(root: Path) -> tuple[Path, ...]:
    """Every file whose change can change the folder's schema (most do not exist): watch
    their stamps to know when to work the schema out again."""
    from editor.core.schema.cms.config import candidate_files  # lazy: that module imports this one

    return (root / SCHEMA_FILE, *candidate_files(root))


def schema_for_folder(root: Path, values: Iterable[Mapping[str, object]]) -> Schema:
    """The folder's `.post-editor.yaml` when it has one, else its site's CMS config when that
    describes the folder, else a schema inferred from `values` (see `schema_source`)."""
    return schema_source(root, values).schema
