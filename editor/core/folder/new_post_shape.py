"""The front matter of a new post in the style of its collection's newest posts.

`learn_shape` reads a few of the newest posts (as written, not only their values): which
front-matter format they use (YAML or TOML), the key names (`pubDate` rather than `date`), the
order of the keys, how the title is quoted, how the date is spelled (`2025-01-29 18:15:32 +0530`
or a bare date, quoted or not), which entries every one of them writes alike (`layout: post`,
`author: …`: copied as written) and which keys most of them carry (written empty: `description:
''`, `tags: []`). `shape_text` writes a new post's text from it. With no posts to learn from,
the generator's own convention stands in (see `default_shape`).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal

from editor.core.document import DateFormat, Post, is_scalar
from editor.core.document.yaml_emit import flow_string, quoted
from editor.core.errors import PostError
from editor.core.schema import DATE_KEYS, Field, Schema

FrontMatterKind = Literal["yaml", "toml"]

# Keys that name or date one post: never copied from another post, even when alike.
_OWN = frozenset(
    {"title", "slug", "id", "uid", "guid", "url", "permalink", "aliases", "redirect_from"}
    | {"lastmod", "updated", "updatedDate", "modified", "expiryDate", "weight", "translationKey"}
    | set(DATE_KEYS)
)
# Types whose empty value is harmless to every build (an empty image path is not: Astro's
# image() fails on it).
_EMPTY_BY_TYPE: dict[str, object] = {"string": "", "text": "", "list": []}
_SETTING_LENGTH = 40  # a longer text is the posts' prose (a shared placeholder excerpt)
_TOML_KEY = re.compile(r"([A-Za-z0-9_-]+)[ \t]*=[ \t]*(.*?)[ \t]*$")
_TOML_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")


@dataclass(frozen=True)
class Written:
    """One top-level entry of a post, as written: the whole entry (line breaks `\\n`), its
    value's text and the quote its value starts with ("" for none)."""

    entry: str
    value: str

    @property
    def quote(self) -> str:
        return self.value[:1] if self.value[:1] in ("'", '"') else ""


@dataclass(frozen=True)
class Shape:
    """How a collection's new post is written."""

    kind: FrontMatterKind = "yaml"
    title_key: str = "title"
    title_quote: str = ""
    date_key: str | None = "date"
    date_format: DateFormat = DateFormat.ISO_DATE
    date_quote: str = ""
    draft: bool | None = None  # written as `draft` when not None
    copied: Mapping[str, str] = field(default_factory=dict)  # key → entry as written
    empty: Mapping[str, object] = field(default_factory=dict)  # key → its empty value
    order: tuple[str, ...] = ()  # where each key goes; keys not named go last


def written_entries(post: Post) -> dict[str, Written]:
    """The post's top-level entries as written, by key: every YAML entry; TOML's one-line
    `key = value` lines above its first table (enough to learn a style from)."""
    front = post.front_matter.replace("\r\n", "\n")
    if post.kind == "yaml":
        out = {}
        fm = post.front_matter
        for entry in post.entries:
            if not entry.merge:
                text = fm[entry.start : entry.end].replace("\r\n", "\n")
                value = fm[entry.value_start : entry.value_end]
                out[entry.key] = Written(text if text.endswith("\n") else text + "\n", value)
        return out
    out = {}
    for line in front.split("\n"):
        if line.lstrip().startswith("["):
            break  # a table: what follows is not top-level
        match = _TOML_KEY.fullmatch(line)
        if match and _one_line_toml(match[2]):
            out[match[1]] = Written(line + "\n", match[2])
    return out


def _one_line_toml(value: str) -> bool:
    return not value.startswith(("'''", '"""')) and value.count("[") == value.count("]")


def learn_shape(samples: Sequence[Post], schema: Schema, default: Shape) -> Shape:
    """The shape of a new post beside `samples` (the collection's newest posts, newest
    first), judged by `schema`; `default` where the samples say nothing."""
    samples = [p for p in samples if p.error is None and p.kind in ("yaml", "toml")]
    if not samples:
        return default
    kind: FrontMatterKind = Counter(p.kind for p in samples).most_common(1)[0][0]  # type: ignore[assignment]
    samples = [p for p in samples if p.kind == kind]
    written = [written_entries(p) for p in samples]
    newest, newest_written = samples[0], written[0]
    keys = schema.keys_in(newest.values)
    title_key = keys.get("title", "title")
    dated = date_field(schema)
    date_key = keys.get(dated) if dated else None
    if date_key is None:
        date_key = next((k for k in DATE_KEYS if k in newest.values), None)
    most = [k for k, n in Counter(k for w in written for k in w).items() if n * 2 > len(written)]
    date_key = date_key if date_key in most else None
    date_format, date_quote = default.date_format, default.date_quote
    if date_key is not None and (
        sample := next((w[date_key] for w in written if date_key in w), None)
    ):
        date_quote = sample.quote
        found = DateFormat.detect(sample.value.strip("'\""))
        date_format = found or date_format
    title = newest_written.get(title_key)
    names = {key: name for name, key in keys.items()}
    copied, empty = {}, {}
    for key in most:
        if key in (title_key, date_key) or key in _OWN:
            continue
        # Alike in every post that writes it (two at least): the collection's habit.
        values = [p.values[key] for p in samples if key in p.values]
        found = schema.field(names.get(key, key))
        alike = len(values) >= 2 and all(_same(v, values[0]) for v in values)
        if alike and key in newest_written and _setting(values[0], found):
            copied[key] = newest_written[key].entry
            continue
        if found is not None and found.type in _EMPTY_BY_TYPE:
            empty[key] = _EMPTY_BY_TYPE[found.type]
        elif found is None and isinstance(values[0], list | str):
            empty[key] = [] if isinstance(values[0], list) else ""
    for name, key in keys.items():  # what the schema requires, whatever the posts show
        required = schema.field(name)
        if required and required.required and key not in (title_key, date_key, *copied, *empty):
            if required.type in _EMPTY_BY_TYPE:
                empty[key] = _EMPTY_BY_TYPE[required.type]
            elif required.type == "select" and required.choices:
                empty[key] = required.choices[0]
    order = tuple(dict.fromkeys([*newest_written, *newest.values, *keys.values()]))
    return Shape(
        kind=kind,
        title_key=title_key,
        title_quote=title.quote if title else default.title_quote,
        date_key=date_key,
        date_format=date_format,
        date_quote=date_quote,
        draft=default.draft,
        copied=copied,
        empty=empty,
        order=order,
    )


def date_field(schema: Schema) -> str | None:
    """The field a new post's date goes in: `date`, else the schema's first date field
    (Astro's pubDate, a CMS's publishDate); None when the schema has no date."""
    if schema.field("date") is not None:
        return "date"
    return next((f.name for f in schema.fields if f.type in ("date", "datetime")), None)


def _same(a: object, b: object) -> bool:
    return type(a) is type(b) and a == b


# --- writing -----------------------------------------------------------------------------------


def shape_text(shape: Shape, title: str, now: dt.datetime, extra: Mapping[str, object]) -> str:
    """The whole text of a new post: front matter in `shape` with `title`, the date `now`
    and the `extra` values (a schema's defaults, fields given), then an empty body line."""
    date = shape.date_format.format(now if shape.date_format.has_time else now.date())
    values: dict[str, tuple[object, str | None]] = {}  # key → (value, text as written)
    values[shape.title_key] = (title, None)
    if shape.date_key is not None:
        values[shape.date_key] = (now, _wrap(date, shape.date_quote))
    for key, entry in shape.copied.items():
        values[key] = (None, entry)
    for key, value in shape.empty.items():
        values.setdefault(key, (value, None))
    if shape.draft is not None:
        values["draft"] = (shape.draft, None)
    rank = {key: i for i, key in enumerate(shape.order)}
    first = sorted(values, key=lambda k: rank.get(k, len(rank)))
    if shape.kind == "toml":
        for key, value in extra.items():
            values[key] = (value, None)
        keys = [*first, *(k for k in extra if k not in first)]
        lines = [_toml_entry(key, *values[key], shape) for key in keys]
        return "+++\n" + "".join(lines) + "+++\n\n"
    lines = [_yaml_entry(key, *values[key], shape) for key in first]
    post = Post("---\n" + "".join(lines) + "---\n\n")
    order = (*shape.order, *extra)
    for key, value in extra.items():
        post = post.with_value(key, value, order)
    return post.text


def _wrap(text: str, quote: str) -> str:
    return f"{quote}{text}{quote}" if quote else text


def _yaml_entry(key: str, value: object, written: str | None, shape: Shape) -> str:
    if written is not None:
        return written if written.endswith("\n") else f"{key}: {written}\n"
    if isinstance(value, str):
        text = value and flow_string(value, shape.title_quote)
        text = text or quoted("", shape.title_quote or "'")
    elif isinstance(value, list):
        text = "[]" if not value else json.dumps(value, ensure_ascii=False)
    elif isinstance(value, bool):
        text = "true" if value else "false"
    else:
        text = json.dumps(value)
    return f"{key}: {text}\n"


def _toml_entry(key: str, value: object, written: str | None, shape: Shape) -> str:
    name = key if _TOML_BARE_KEY.fullmatch(key) else json.dumps(key, ensure_ascii=False)
    if written is not None:
        return written if written.endswith("\n") else f"{name} = {written}\n"
    return f"{name} = {toml_value(value, shape.title_quote)}\n"


def toml_value(value: object, quote: str = '"') -> str:
    """`value` as a TOML value: strings literal ('…') when `quote` is "'" and they can be,
    else basic; dates as TOML dates; lists inline. PostError for what TOML cannot hold."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        if quote == "'" and "'" not in value and all(c.isprintable() for c in value):
            return f"'{value}'"
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list) and all(is_scalar(v) and v is not None for v in value):
        return "[" + ", ".join(toml_value(v, quote) for v in value) + "]"
    raise PostError(f"cannot write {value!r} in TOML front matter")


def _setting(value: object, field: Field | None) -> bool:
    """Whether a value every post writes alike is a setting to copy (`layout: post`, an
    author, `draft: false`), not prose (a placeholder excerpt) nor a date."""
    if isinstance(value, dt.date) or (field is not None and field.type == "text"):
        return False
    if isinstance(value, str):
        return "\n" not in value and len(value) <= _SETTING_LENGTH
    if isinstance(value, list):
        return all(_setting(item, None) for item in value)
    return True
