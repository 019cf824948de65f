"""Field types as a table: each kind of front-matter value read from typed text, shown as
text, and checked as loaded from YAML.

Contract (as qutebrowser's configtypes): `parse(to_text(v)) == v` for every valid `v`, and
`check(None)` is fine for every type (an empty value is the `required` rule's business).
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, ClassVar

from editor.core import lazy_module
from editor.core.document import is_scalar, parse_date
from editor.core.errors import PostError, quoted

if TYPE_CHECKING:
    import yaml

    from editor.core.document import safe_yaml
else:  # loaded where a list is read or written as YAML flow: a warm `list` does neither
    yaml = lazy_module("yaml")
    safe_yaml = lazy_module("editor.core.document.safe_yaml")

URL_PATTERN = re.compile(r"https?://[^\s/?#]+\S*", re.IGNORECASE)
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")
IMAGE_EXTENSIONS = (".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif", ".svg", ".bmp", ".tiff")
_TRUE, _FALSE = {"true", "yes", "on"}, {"false", "no", "off"}
_QUOTE_HINT = " (put it in quotes to keep it as text)"


def describe(value: object) -> str:
    """A value as a writer would name it in a sentence (always on one line)."""
    if isinstance(value, bool):
        return f"the yes/no value {str(value).lower()}"
    if isinstance(value, int | float):
        return f"the number {value!r}"
    if isinstance(value, dt.date):
        return f"the date {value.isoformat()}"
    if isinstance(value, str):
        return quoted(value)
    if isinstance(value, list):
        return "a list"
    if isinstance(value, Mapping):
        return "a group of fields"
    return "nothing" if value is None else f"a {type(value).__name__}"


SHOWN_CHARS = 2000  # most of a list or mapping shown as text: enough to recognise it


def clipped_text(value: object, limit: int = SHOWN_CHARS) -> str:
    """`str(value)`, cut after `limit` characters with "…", built without walking further into
    the value than what is shown. A list or mapping from YAML can be huge through aliases (a
    few lines of `*a` stand for millions of items, see `safe_yaml`), and `str()` walks them
    all."""
    out: list[str] = []
    room = limit
    try:
        for piece in _pieces(value, top=True):
            if room <= 0:
                return "".join(out) + "…"
            out.append(piece[:room])
            room -= len(piece)
    except RecursionError:  # nested deeper than Python's stack: what was shown so far
        return "".join(out) + "…"
    return "".join(out) + ("…" if room < 0 else "")


def _pieces(value: object, top: bool) -> Iterator[str]:
    """The text of `str(value)` in pieces, each at least one character (but for a top-level
    empty string), so taking n pieces costs O(n) whatever the value holds."""
    if isinstance(value, Mapping):
        yield "{"
        for n, (key, item) in enumerate(value.items()):
            if n:
                yield ", "
            yield from _pieces(key, top=False)
            yield ": "
            yield from _pieces(item, top=False)
        yield "}"
    elif isinstance(value, list):
        yield "["
        for n, item in enumerate(value):
            if n:
                yield ", "
            yield from _pieces(item, top=False)
        yield "]"
    else:
        yield str(value) if top else repr(value)


class FieldType:
    """One kind of value: read from typed text, shown as text, checked as loaded from YAML.

    Contract (as qutebrowser's configtypes): `parse(to_text(v)) == v` for every valid `v`.
    `check(None)` is fine for every type: an empty value is the `required` rule's business.
    """

    name: ClassVar[str] = "string"
    noun: ClassVar[str] = "text"  # "the number 3 is not {noun}"
    examples: ClassVar[tuple[object, ...]] = ("Hello, world", "A title with ’curly’ quotes")
    # The Python types (exactly: not their subclasses) of which `check` passes every value:
    # validation skips the check for them (a folder's scan checks every field of every post).
    fine: ClassVar[tuple[type, ...]] = (str,)

    def parse(self, text: str) -> object:
        """The value `text` stands for; `PostError` when it is not one."""
        return text

    def to_text(self, value: object) -> str:
        """`value` as a writer would type it (a list or mapping where text belongs, which
        `check` reports, cut short: see `clipped_text`)."""
        if isinstance(value, list | Mapping):
            return clipped_text(value)
        return "" if value is None else str(value)

    def check(self, value: object) -> str | None:
        """What is wrong with `value` as a value of this type, or None."""
        if value is None or isinstance(value, str):
            return None
        hint = _QUOTE_HINT if isinstance(value, bool | int | float | dt.date) else ""
        return f"{describe(value)} is not {self.noun}{hint}"

    @property
    def placeholder(self) -> str:
        """An example value as text, for an empty form field."""
        return self.to_text(self.examples[0])


class String(FieldType):
    """One line of text."""


class Text(FieldType):
    """Text over several lines."""

    name = "text"
    examples = ("A summary folded over\nseveral lines.", "One line")


class Select(FieldType):
    """One value, from the field's choices when it has them."""

    name = "select"
    noun = "a single choice"
    examples = ("Healthcare", "Guides")


class Url(FieldType):
    """An absolute http(s) address or a site path starting with `/`."""

    name = "url"
    noun = "a web address"
    fine = ()
    examples = ("https://news.example.com/2026/01/23/some-story/", "/about/", "")

    def parse(self, text: str) -> object:
        text = text.strip()
        if problem := self.check(text):
            raise PostError(problem)
        return text

    def check(self, value: object) -> str | None:
        if value is None or value == "":
            return None
        if not isinstance(value, str):
            return f"{describe(value)} is not {self.noun}"
        if URL_PATTERN.fullmatch(value) or (value.startswith("/") and not re.search(r"\s", value)):
            return None
        return f"{describe(value)} is not a web address (start it with https:// or /)"


class Image(Url):
    """A picture: an http(s) address or a file path, relative or absolute."""

    name = "image"
    noun = "a picture's address or path"
    examples = ("https://images.example.com/photo-1?w=400&h=200&fit=crop", "../img/a.jpg", "")

    def check(self, value: object) -> str | None:
        if not isinstance(value, str) or not value:
            return super().check(value)
        if "\n" in value or (_SCHEME.match(value) and not URL_PATTERN.fullmatch(value)):
            return f"{describe(value)} is not a picture's web address (https://…) or file path"
        return None


class Date(FieldType):
    """A date as `parse_date` reads it; a date with a time is accepted too."""

    name = "date"
    noun = "a date"
    fine = (dt.date, dt.datetime)
    examples = (dt.date(2026, 1, 24), dt.datetime(2019, 3, 4, 10, 21, tzinfo=dt.UTC))

    def parse(self, text: str) -> object:
        return parse_date(text) if text.strip() else None

    def to_text(self, value: object) -> str:
        if isinstance(value, str):
            try:
                value = parse_date(value)
            except PostError:
                return value
        if isinstance(value, dt.datetime):
            return value.isoformat(sep=" ")
        return value.isoformat() if isinstance(value, dt.date) else super().to_text(value)

    def check(self, value: object) -> str | None:
        if value is None or isinstance(value, dt.date):
            return None
        if isinstance(value, str):
            try:
                parse_date(value)
            except PostError as error:
                return error.message
            return None
        return f"{describe(value)} is not a date (write it like 2026-01-24)"


class DateTime(Date):
    """A date with a time; a date alone reads as midnight."""

    name = "datetime"
    noun = "a date and time"
    examples = (dt.datetime(2021, 5, 1, 9, 0, tzinfo=dt.UTC), dt.datetime(2024, 4, 4, 12, 30))

    def parse(self, text: str) -> object:
        value = super().parse(text)
        if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
            return dt.datetime.combine(value, dt.time())
        return value


class List(FieldType):
    """A list of plain values, typed as `a, b` or as YAML flow `[a, b]`."""

    name = "list"
    noun = "a list"
    fine = ()
    examples = (["Ai"], ["build", "cache"], [], ["a, b", 2024, True])
    # Items that read back unchanged from `a, b`; anything else is written as YAML flow.
    _COMMA_SAFE = re.compile(r"[^\s,\[](?:[^,\r\n]*[^\s,])?")

    def parse(self, text: str) -> object:
        text = text.strip()
        if not text.startswith("["):
            return [item.strip() for item in text.split(",") if item.strip()]
        try:
            value = safe_yaml.load(text)
        except yaml.YAMLError as error:
            raise PostError(f"‘{text}’ is not a list: {getattr(error, 'problem', error)}") from None
        if problem := self.check(value):
            raise PostError(problem)
        return value

    def to_text(self, value: object) -> str:
        if not value:
            return ""
        items = list(value)
        if all(isinstance(item, str) and self._COMMA_SAFE.fullmatch(item) for item in items):
            return ", ".join(items)
        flow = yaml.safe_dump(items, default_flow_style=True, allow_unicode=True, width=math.inf)
        return flow.strip()

    def check(self, value: object) -> str | None:
        if value is None:
            return None
        if isinstance(value, str):
            return f"{describe(value)} is a single value, not a list (write it as [{value}])"
        if not isinstance(value, list):
            return f"{describe(value)} is not a list"
        for item in value:
            if not is_scalar(item):
                return f"{describe(item)} inside a list: the items must be plain values"
        return None


class Boolean(FieldType):
    """A real true or false, never the text 'no' (YAML 1.1 and 1.2 readers disagree)."""

    name = "boolean"
    noun = "true or false"
    fine = (bool,)
    examples = (True, False)

    def parse(self, text: str) -> object:
        word = text.strip().lower()
        if not word:
            return None
        if word in _TRUE | _FALSE:
            return word in _TRUE
        raise PostError(f"‘{text.strip()}’ is not true or false")

    def to_text(self, value: object) -> str:
        return "" if value is None else str(bool(value)).lower()

    def check(self, value: object) -> str | None:
        if value is None or isinstance(value, bool):
            return None
        if isinstance(value, str):
            # Quoted, or read by a YAML 1.2 tool: Jekyll and Hugo disagree on 'no' and 'on'.
            return f"{describe(value)} is text, not true or false: write true or false unquoted"
        return f"{describe(value)} is not true or false"


class Number(FieldType):
    """An integer or a decimal number; never a yes/no value."""

    name = "number"
    noun = "a number"
    fine = (int, float)
    examples = (0, 20, -3, 1.5)

    def parse(self, text: str) -> object:
        text = text.strip()
        if not text:
            return None
        if re.fullmatch(r"[-+]?\d+", text):
            return int(text)
        try:
            number = float(text)
        except ValueError:
            number = math.nan
        if not math.isfinite(number):
            raise PostError(f"‘{text}’ is not a number")
        return number

    def to_text(self, value: object) -> str:
        return "" if value is None else repr(value)

    def check(self, value: object) -> str | None:
        if value is None or (isinstance(value, int | float) and not isinstance(value, bool)):
            return None
        hint = ""
        if isinstance(value, str):
            try:
                self.parse(value)
                hint = " (write it without quotes)"
            except PostError:
                pass
        return f"{describe(value)} is not a number{hint}"


TYPES: dict[str, FieldType] = {
    kind.name: kind()
    for kind in (String, Text, Date, DateTime, Url, Image, List, Select, Boolean, Number)
}
