"""The fields a folder's posts carry, as data: `Field` (one key: its type, order and rules),
`Schema` (a folder's fields, naming, language and media setting) and `DEFAULT`, the reference
post shape.

Types (`field_types.TYPES`), and what each accepts in the file / reads from typed text:

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
Where a folder's schema comes from is `source`'s business; the `.post-editor.yaml` file is
read by `schema_file`, inference from posts is in `inference`.
"""

from __future__ import annotations

import dataclasses
import re
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import ClassVar, Literal

from editor.core.document import DATE_KEYS, DateFormat
from editor.core.errors import PostError
from editor.core.schema.field_types import TYPES, FieldType, describe
from editor.core.schema.media import MediaSetting

Severity = Literal["error", "warning"]


# An example a help text gives: "e.g. Paris", "for example: /about/", "like 2026-01-24."; up
# to the end of its sentence or bracket.
_HELP_EXAMPLE = re.compile(
    r"(?:\be\.g\.|\bfor example\b|\bexample:|\bsuch as\b|,\s*like\b)[,:]?\s*"
    r"(.+?)\s*(?:[.;)]\s|[.;)]?$)",
    re.IGNORECASE,
)
_QUOTES = "\"'“”‘’«» "
_SHOWN_KEYS_KEPT = 4096  # sets of keys `Schema.keys_in` remembers (a folder has a few)


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

    @property
    def example(self) -> str:
        """A value to show greyed in the field while it is empty, only one the schema gives:
        the field's `default`, else what its help offers as an example ("e.g. Paris"). ""
        otherwise: a made-up example ("e.g. Hello, world") on a field the schema does not
        describe reads as a value the post holds, or one the site wants."""
        if self.default is not None and (text := self.to_text(self.default)):
            return text
        found = _HELP_EXAMPLE.search(self.help)
        return found.group(1).strip(_QUOTES) if found else ""

    @cached_property
    def always_fine(self) -> frozenset[type]:
        """The Python types (exactly) other than text of which every value but an empty one
        has no problem here (its type's `fine` ones; none when it has choices): what
        `problems` would say of them, known without asking (a scan asks it of every post)."""
        return frozenset() if self.choices else frozenset(self.kind.fine) - {str}

    @cached_property
    def fine_text(self) -> int:
        """How long a text may be and have no problem here (`max`, or no limit); -1 when a
        text must be checked (its type checks text, or it has a pattern or choices)."""
        if str not in self.kind.fine or self.pattern or self.choices:
            return -1
        return sys.maxsize if self.max is None else self.max

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
        items = value if isinstance(value, list) else [value]
        for item in items if self.pattern or self.choices else ():  # most fields have neither
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
    # The Markdown engine the file names ("commonmark", "python-markdown"); None: the
    # generator's (`Generator.markdown_profile`). Not compared: it checks no post.
    markdown: str | None = dataclasses.field(default=None, compare=False)

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

    @cached_property
    def order(self) -> tuple[str, ...]:
        """The field names in form order."""
        return tuple(field.name for field in self.fields)

    @cached_property
    def _names(self) -> frozenset[str]:
        return frozenset(self.order)

    def keys_in(self, values: Mapping[str, object]) -> dict[str, str]:
        """Which key of a post each field shows (field name → key), in form order: the one
        rule for which keys the form covers, so that no key is shown twice.

        A field shows its own name when the post has it; else the first of its aliases the
        post uses (Astro's `pubDate` for `date`) that no other field shows and that is not
        another field's name; else its name (the key a value typed into it gets). Fields
        claim their names first, so an alias never takes a key another field is named by.
        """
        # Which keys a post has decides it all, and most posts of a folder have the same:
        # worked out once per set of keys (a copy each time: the caller may change it).
        known = self._shown_keys
        written = tuple(values)
        found = known.get(written)
        if found is None:
            if len(known) >= _SHOWN_KEYS_KEPT:
                known.clear()
            found = known[written] = self._keys_in(values)
        return dict(found)

    @cached_property
    def _shown_keys(self) -> dict[tuple[object, ...], dict[str, str]]:
        return {}

    def __getstate__(self) -> dict[str, object]:
        # The index cache pickles schemas: not what `keys_in` kept of the posts it was asked.
        state = dict(self.__dict__)
        state.pop("_shown_keys", None)
        return state

    def _keys_in(self, values: Mapping[str, object]) -> dict[str, str]:
        names = self._names
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

    def optional(self) -> Schema:
        """The same fields with none required: for pages, which need no title or date."""
        return self._optional

    @cached_property
    def _optional(self) -> Schema:  # asked for every page of every scan: made once
        if not any(f.required for f in self.fields):
            return self
        fields = tuple(dataclasses.replace(f, required=False) for f in self.fields)
        return dataclasses.replace(self, fields=fields)

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
            aliases=DATE_KEYS[1:],
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
