"""Where each statement of TOML front matter lies in its text, as offsets.

TOML front matter is a list of lines: `key = value` (the value may run over several lines: a
`'''`/`\"\"\"` string, an array, an inline table), `[table]` and `[[array.of.tables]]` headers,
comments and blank lines. `locate` reads that list with a small scanner that knows only where
strings, brackets and comments begin and end: tomllib has already said the text is valid TOML,
and tomllib and tomlkit give no offsets. The splicer uses the spans to insert and remove whole
lines and to check that an edit touched no line outside the entry it was about.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from editor.core import lazy_module
from editor.core.document.yaml_spans import SpliceError, line_end

if TYPE_CHECKING:
    import tomllib
else:  # loaded where TOML front matter is read: most posts are YAML
    tomllib = lazy_module("tomllib")


@dataclass(frozen=True)
class TomlEntry:
    """One statement of TOML front matter: a `key = value` or a table header.

    `table` is the header it stands under (empty for the top level); `path` is the whole key,
    table included (`("extra", "links")`); `key` is the top-level key it belongs to, the key
    of `Post.values` whose value it helps to make."""

    key: str
    path: tuple[str, ...]
    table: tuple[str, ...]
    start: int  # start of its first line
    value_start: int  # where the value's text begins (the header's start for a table)
    value_end: int  # end of the value's text, before any comment
    end: int  # after the line break that ends its last line
    line: int  # 0-based line of its first line in the front matter
    header: bool = False  # a `[table]` or `[[array]]` line

    @property
    def top_level(self) -> bool:
        """A `key = value` before any table header: the only place a new key may go."""
        return not self.table and not self.header


def locate(text: str) -> list[TomlEntry]:
    """Every `key = value` and table header of valid TOML `text` (with `\\n` breaks, or
    `\\r\\n`), in file order. Raises SpliceError on what the scanner cannot follow."""
    entries: list[TomlEntry] = []
    table: tuple[str, ...] = ()
    pos = line = 0
    while pos < len(text):
        start = pos
        pos = _skip_blanks(text, pos)
        if pos >= len(text) or text[pos] in "#\r\n":
            pos = line_end(text, start)
            line += 1
            continue
        if text[pos] == "[":
            close = _header_end(text, pos)
            table = _key_path(text[pos:close].strip("[] \t"))
            end = line_end(text, close)
            entries.append(TomlEntry(table[0], table, (), start, pos, close, end, line, True))
        else:
            eq = _key_end(text, pos)
            path = table + _key_path(text[pos:eq])
            value_start = _skip_blanks(text, eq + 1)
            value_end = _value_end(text, value_start)
            end = line_end(text, value_end)
            entries.append(
                TomlEntry(path[0], path, table, start, value_start, value_end, end, line)
            )
        line += text.count("\n", start, end)
        pos = end
    return entries


def _skip_blanks(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t":
        pos += 1
    return pos


def _key_path(raw: str) -> tuple[str, ...]:
    """The parts of a (dotted, perhaps quoted) key, as tomllib reads them."""
    try:
        node: object = tomllib.loads(f"{raw} = 0")
    except tomllib.TOMLDecodeError:
        raise SpliceError(f"the key {raw!r} cannot be read") from None
    path: list[str] = []
    while isinstance(node, dict):
        (key, node), *_ = node.items()
        path.append(key)
    return tuple(path)


def _header_end(text: str, pos: int) -> int:
    """After the `]` or `]]` closing the header that starts at `pos`."""
    depth, at = 0, pos
    while at < len(text):
        char = text[at]
        if char in "\"'":
            at = _string_end(text, at)
            continue
        if char == "[":
            depth += 1
        elif char == "]":
            depth -= 1
            if depth == 0 and text[at + 1 : at + 2] != "]":
                return at + 1
        elif char in "\r\n":
            break
        at += 1
    raise SpliceError("a table header is not closed on its line")


def _key_end(text: str, pos: int) -> int:
    """The offset of the `=` after the key that starts at `pos`."""
    at = pos
    while at < len(text) and text[at] not in "=\r\n":
        at = _string_end(text, at) if text[at] in "\"'" else at + 1
    if text[at : at + 1] != "=":
        raise SpliceError("a line is neither `key = value` nor a table header")
    return at


def _string_end(text: str, pos: int) -> int:
    """After the string that starts at `pos` (basic, literal, or either one multi-line)."""
    quote = text[pos]
    if text.startswith(quote * 3, pos):
        close = quote * 3
        at = pos + 3
        while True:
            found = text.find(close, at)
            if found < 0:
                raise SpliceError("a multi-line string is not closed")
            if quote == '"' and _escaped(text, found, pos + 3):
                at = found + 1
                continue
            end = found + 3
            while text[end : end + 1] == quote and end - found < 5:  # `""""` ends in a quote
                end += 1
            return end
    at = pos + 1
    while at < len(text) and text[at] not in "\r\n":
        if text[at] == quote and not (quote == '"' and _escaped(text, at, pos + 1)):
            return at + 1
        at += 1
    raise SpliceError("a string is not closed on its line")


def _escaped(text: str, at: int, floor: int) -> bool:
    """Whether the character at `at` follows an odd number of backslashes."""
    count = 0
    while at - count - 1 >= floor and text[at - count - 1] == "\\":
        count += 1
    return count % 2 == 1


def _value_end(text: str, pos: int) -> int:
    """The end of the value that starts at `pos`, trailing spaces and comment excluded."""
    depth, at, last = 0, pos, pos
    while at < len(text):
        char = text[at]
        if char in "\"'":
            at = last = _string_end(text, at)
            continue
        if char == "#":
            at = text.find("\n", at)
            if at < 0 or depth == 0:
                break
            continue
        if char in "\r\n":
            if depth == 0:
                break
        elif char in "[{":
            depth += 1
        elif char in "]}":
            depth -= 1
        if char not in " \t\r\n":
            last = at + 1
        at += 1
    return last


def top_level(text: str) -> list[TomlEntry]:
    """The statements that make the top-level keys, in file order: each `key = value` before
    the first table, and each table from its header up to the next header (its keys,
    comments and blank lines included), so that their texts joined are valid TOML."""
    entries = locate(text)
    out = []
    for index, entry in enumerate(entries):
        if entry.table:
            continue
        if entry.header:
            following = next((e for e in entries[index + 1 :] if e.header), None)
            end = following.start if following else len(text)
            entry = TomlEntry(**{**entry.__dict__, "end": end})
        out.append(entry)
    return out
