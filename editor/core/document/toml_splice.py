"""Lossless edits of TOML front matter (Hugo's and Zola's `+++` block).

A changed value is edited in place in tomlkit's document, which keeps each item's trivia
(indent, comment, line break) and, in an array changed item by item, the other items' lines.
The new value is made in the old one's style: basic or literal string, single- or multi-line
(`'''`/`\"\"\"`, with the newline after the opening quotes kept), a date spelled like the old
date and still a TOML date. Whole tables are never assigned: a table is changed key by key.

tomlkit has known round-trip faults (a blank line added with an inserted key, tables
restyled when assigned, `\\n` in a CRLF file), so every result is checked: tomllib must read
back exactly the values intended, and every line the edit changed must belong to the edited
key (`toml_spans`). A result that fails is made again as a plain line splice of that key's
value, checked the same way, and else refused with a SpliceError. A new key and a removed
top-level key are line splices from the start: a new key goes after the last top-level key
(TOML reads a key after a `[table]` header as part of that table). Work is done with `\\n`
breaks; the file's own breaks are put back line by line (`splice_lines`).
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from collections.abc import Mapping, Sequence
from difflib import SequenceMatcher
from functools import cache
from typing import TYPE_CHECKING, Any

from editor.core import lazy_module
from editor.core.document import key_order
from editor.core.document.line_breaks import splice_lines, text_lines
from editor.core.document.toml_spans import TomlEntry, top_level
from editor.core.document.yaml_emit import date_text
from editor.core.document.yaml_spans import SpliceError

if TYPE_CHECKING:
    import tomlkit
    import tomlkit.exceptions
    import tomlkit.items
else:  # loaded where TOML is edited, not where a post is read (`check FILE`, `render FILE`)
    tomlkit = lazy_module("tomlkit")

_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")


@cache
def _tomlkit_errors() -> tuple[type[Exception], ...]:
    return (tomlkit.exceptions.TOMLKitError, ValueError, TypeError, KeyError)


def set_value(
    text: str, key: str, value: object, order: Sequence[str] = (), eol: str = "\n"
) -> str:
    """`text` (TOML front matter) with the top-level `key` set to `value`; a new key goes
    where `order` puts it among the top-level keys, before any table."""
    if value is None:
        raise SpliceError("TOML has no empty value; remove the field instead")
    lf = text.replace("\r\n", "\n")
    old = tomllib.loads(lf)
    expected = {**old, key: value}
    entries = top_level(lf)
    if key not in old:
        new = _insert(lf, entries, key, value, order)
        return _checked(text, lf, new, expected, entries, key, eol, inserted=True)
    try:
        new = _edited_in_place(lf, key, value)
        return _checked(text, lf, new, expected, entries, key, eol)
    except (SpliceError, *_tomlkit_errors()):
        pass  # tomlkit's way failed or touched other lines: splice the value's text
    mine = [e for e in entries if e.key == key]
    if len(mine) != 1 or not mine[0].top_level or isinstance(value, Mapping):
        raise SpliceError(f"‘{key}’ is a table, which cannot be changed losslessly this way")
    entry = mine[0]
    like = _item_at(lf, entry)
    new = lf[: entry.value_start] + _styled(like, value).as_string() + lf[entry.value_end :]
    return _checked(text, lf, new, expected, entries, key, eol)


def remove(text: str, key: str, eol: str = "\n") -> str:
    """`text` without the top-level `key`: its lines go (a table's from its header up to the
    next header), and nothing else."""
    lf = text.replace("\r\n", "\n")
    old = tomllib.loads(lf)
    if key not in old:
        return text
    entries = top_level(lf)
    regions = sorted(_regions(lf, entries, key), reverse=True)
    new = lf
    for start, end in regions:
        new = new[:start] + new[end:]
    expected = {k: v for k, v in old.items() if k != key}
    return _checked(text, lf, new, expected, entries, key, eol)


# --- the check -----------------------------------------------------------------------------


def _checked(
    text: str,
    lf: str,
    new: str,
    expected: Mapping[str, object],
    entries: Sequence[TomlEntry],
    key: str,
    eol: str,
    inserted: bool = False,
) -> str:
    """`new`, with the file's line breaks, once it reads back as `expected` and changed no
    line outside `key`'s (a new key: added lines only). SpliceError otherwise."""
    try:
        read = tomllib.loads(new)
    except tomllib.TOMLDecodeError as exc:
        raise SpliceError(f"the edit of ‘{key}’ would not be valid TOML ({exc})") from None
    if _typed(read) != _typed(expected):
        raise SpliceError(f"the edit of ‘{key}’ would change other values")
    allowed = set() if inserted else _lines_of(lf, entries, key)
    old_lines, new_lines = text_lines(lf), text_lines(new)
    matcher = SequenceMatcher(None, old_lines, new_lines, autojunk=False)
    for tag, i1, i2, _, _ in matcher.get_opcodes():
        # Lines added between two lines: inside the key's lines, or right after them.
        touched = set(range(i1, i2)) if i2 > i1 else {i1 if i1 in allowed else i1 - 1}
        if tag != "equal" and not inserted and not touched <= allowed:
            raise SpliceError(f"the edit of ‘{key}’ would rewrite other lines")
    return splice_lines(text, new, eol)


def _typed(value: object) -> object:
    """A value with its types spelled out, so `1` and `True`, or a date and a datetime,
    compare unequal."""
    if isinstance(value, Mapping):
        return {k: _typed(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_typed(v) for v in value]
    return (type(value).__name__, value)


def _regions(lf: str, entries: Sequence[TomlEntry], key: str) -> list[tuple[int, int]]:
    """The spans of text that make `key`'s value (`top_level`'s entries of it)."""
    return [(e.start, e.end) for e in entries if e.key == key]


def _lines_of(lf: str, entries: Sequence[TomlEntry], key: str) -> set[int]:
    """The 0-based line numbers of `key`'s regions."""
    lines: set[int] = set()
    for start, end in _regions(lf, entries, key):
        first = lf.count("\n", 0, start)
        lines.update(range(first, first + lf.count("\n", start, end) + (end == len(lf))))
    return lines


# --- tomlkit's way ---------------------------------------------------------------------------


def _edited_in_place(lf: str, key: str, value: object) -> str:
    doc = tomlkit.parse(lf)
    _set_in(doc, key, value)
    return doc.as_string()


def _set_in(container: Any, key: str, value: object) -> None:
    """Set `container[key]` in place: a table or an array is changed item by item."""
    old = container[key]
    if isinstance(value, Mapping) and isinstance(old, dict):
        for gone in [k for k in old if k not in value]:
            del old[gone]
        for sub, new in value.items():
            if sub not in old:
                old[sub] = _fresh(new)
            elif _typed(_plain(old[sub])) != _typed(new):
                _set_in(old, sub, new)
        return
    if isinstance(old, tomlkit.items.Array) and isinstance(value, list):
        _update_array(old, value)
        return
    if isinstance(old, tomlkit.items.AoT | tomlkit.items.Table):
        raise SpliceError(f"‘{key}’ is a table; it is changed key by key, never as a whole")
    container[key] = _styled(old, value)


def _plain(item: object) -> object:
    return item.unwrap() if hasattr(item, "unwrap") else item


def _update_array(array: tomlkit.items.Array, items: list[object]) -> None:
    """Turn `array` into `items` by replacing, removing and inserting only the items that
    changed, so kept items keep their lines (and the comments beside them)."""
    old = [_typed(v) for v in array.unwrap()]
    new = [_typed(v) for v in items]
    matcher = SequenceMatcher(None, [repr(v) for v in old], [repr(v) for v in new], False)
    like = next((i for i in array if isinstance(i, tomlkit.items.String)), None)
    for tag, i1, i2, j1, j2 in reversed(matcher.get_opcodes()):
        if tag == "equal":
            continue
        made = [_styled(like, item) if like is not None else _fresh(item) for item in items[j1:j2]]
        both = min(i2 - i1, j2 - j1)
        for index in reversed(range(i1 + both, i2)):
            del array[index]
        for offset, item in enumerate(made[both:]):
            array.insert(i1 + both + offset, item)
        for offset, item in enumerate(made[:both]):  # in place: the item's comment stays
            array[i1 + offset] = item


def _item_at(lf: str, entry: TomlEntry) -> tomlkit.items.Item:
    """The tomlkit item of an entry's value as written."""
    return tomlkit.value(lf[entry.value_start : entry.value_end])


# --- values in a style ---------------------------------------------------------------------------


def _styled(old: object, value: object) -> tomlkit.items.Item:
    """`value` as a TOML item written like `old`, the item it replaces."""
    if isinstance(value, str) and isinstance(old, tomlkit.items.String):
        return _string_like(old, value)
    dated = (tomlkit.items.Date, tomlkit.items.DateTime, tomlkit.items.Time)
    if isinstance(value, dt.date | dt.time) and isinstance(old, dated):
        try:
            return tomlkit.value(_date_like(old.as_string(), value))
        except (*_tomlkit_errors(), SpliceError):
            pass
    return _fresh(value)


def _string_like(old: tomlkit.items.String, value: str) -> tomlkit.items.Item:
    kind = old.type
    multiline = kind.is_multiline() or "\n" in value
    for literal in (kind.is_literal(), False):
        try:
            text = tomlkit.string(value, literal=literal, multiline=multiline).as_string()
        except tomlkit.exceptions.InvalidStringError:
            continue  # a literal string cannot hold `'` or a control character
        if multiline and kind.is_multiline() and old.as_string()[3:4] == "\n":
            text = text[:3] + "\n" + text[3:]  # a newline right after `'''` is not text
        return tomlkit.value(text)
    raise SpliceError("the text cannot be written as a TOML string")


def _date_like(old_text: str, value: dt.date | dt.time) -> str:
    """A date spelled like the TOML date it replaces."""
    if isinstance(value, dt.time) or not isinstance(value, dt.datetime):
        return value.isoformat()  # a day, or a time: TOML has one spelling of each
    text = date_text(value, old_text)
    if isinstance(value, dt.datetime) and len(text) > 10 and text[10] not in "T ":
        text = value.isoformat()  # a spelling TOML does not read (`Jul 15 2022`)
    return text


def _fresh(value: object) -> tomlkit.items.Item:
    """A value with no old style to follow: basic strings (multi-line with a newline), an
    inline array, an inline table."""
    if isinstance(value, str):
        return tomlkit.string(value, multiline="\n" in value)
    if isinstance(value, Mapping):
        table = tomlkit.inline_table()
        for sub, item in value.items():
            table[str(sub)] = _fresh(item)
        return table
    if isinstance(value, list | tuple):
        array = tomlkit.array()
        for item in value:
            array.append(_fresh(item))
        return array
    if value is None:
        raise SpliceError("TOML has no empty value; remove the field instead")
    return tomlkit.item(value)


# --- a new key -------------------------------------------------------------------------------


def key_text(key: str) -> str:
    """A key as TOML writes it: bare when it can be, else a basic string."""
    return key if _BARE_KEY.fullmatch(key) else tomlkit.string(key).as_string()


def _insert(
    lf: str, entries: Sequence[TomlEntry], key: str, value: object, order: Sequence[str]
) -> str:
    """`lf` with a `key = value` line after the last top-level key (or where `order` puts it
    among them): TOML reads a key after a table header as part of that table."""
    top = [e for e in entries if e.top_level]
    pos = key_order.insertion_point(top, key, order, None)
    if pos is None:
        header = next((e for e in entries if e.header), None)
        pos = header.start if header else len(lf)
        while pos and header and _is_comment_or_blank(lf, pos):
            pos = lf.rfind("\n", 0, pos - 1) + 1  # comments above the first table stay with it
    line = f"{key_text(key)} = {_fresh(value).as_string()}\n"
    if pos and lf[pos - 1] != "\n":
        line = "\n" + line[:-1]
    return lf[:pos] + line + lf[pos:]


def _is_comment_or_blank(lf: str, pos: int) -> bool:
    """Whether the line before `pos` (a line start) is blank or a comment."""
    start = lf.rfind("\n", 0, pos - 1) + 1
    line = lf[start:pos].strip()
    return not line or line.startswith("#")
