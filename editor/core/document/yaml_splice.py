"""Lossless edits of a YAML mapping's text: re-emit only the entries that changed.

Where each entry lies is `yamlspans.locate`'s business. Everything outside the spans of changed
entries (comments, blank lines, other entries, indentation, line endings) is never rewritten.

A changed value keeps its old style where the new value can be written that way: quotes,
`|`/`>` block scalars and their indentation, flow or block lists (unchanged items keep their
exact lines, comments included), date spellings. Nested block mappings are edited the same way,
one level down.
A `<<:` merge key is an entry of its own; the fields it brings in from another mapping are
never edited (`yamlanchors`).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from editor.core.document import key_order
from editor.core.document import yaml_emit as emit
from editor.core.document.yaml_spans import (
    Entry,
    SpliceError,
    alias_items,
    before_break,
    content_end,
    eol_at,
    line_end,
    line_start,
    locate,
)

# The line a block value starts on: nothing, or a block scalar's indicator, after any tag or
# anchor (`key: !!str |-`).
_BLOCK_HEADER = re.compile(r"[ \t]*(?:[!&]\S*[ \t]+)*(?:[|>][-+0-9]*)?[ \t]*")


@dataclass(frozen=True)
class NewStyle:
    """How this file spells things, for values that have no old style to follow."""

    quote: emit.QuoteStyle = "'"
    list_indent: int = 2

    @classmethod
    def of(cls, entries: Sequence[Entry]) -> NewStyle:
        """The quote character and list indentation a file already uses most."""
        own = [e for e in entries if not e.merge]  # a merge's value is written elsewhere
        quotes = [e.node.style for e in own if isinstance(e.node, ScalarNode)]
        single, double = quotes.count("'"), quotes.count('"')
        lists = [
            e.node.start_mark.column - e.indent
            for e in own
            if isinstance(e.node, SequenceNode) and not e.node.flow_style
        ]
        return cls(
            quote='"' if double > single else "'",
            list_indent=max(set(lists), key=lists.count) if lists else 2,
        )


# --- values as text ------------------------------------------------------------------------


def _reindent(block: str, indent: int, eol: str) -> str:
    """PyYAML's `\\n`-separated multi-line output, moved right by `indent` and given `eol`."""
    first, *rest = block.split("\n")
    return eol.join([first, *(" " * indent + line if line else line for line in rest)])


def _block(value: str, style: str, indent: int, blank_after: bool) -> str:
    """A block scalar, unless it would be keep-chomped (`|+`) right before a blank line: the
    blank line would become part of the value, so such text goes double-quoted instead."""
    block = emit.block_string(value, style, indent)  # type: ignore[arg-type]
    header = block.split("\n", 1)[0]
    if blank_after and header[:1] in "|>" and "+" in header:
        return emit.quoted(value, '"')
    return block


def _blank_line_at(text: str, pos: int) -> bool:
    line = text[pos : line_end(text, pos)]
    return pos < len(text) and not line.strip()


def _new_scalar(
    value: object, key_width: int, style: NewStyle, indent: int, eol: str, blank_after: bool
) -> str:
    """A scalar with no old style to follow, written like the reference post shape."""
    if isinstance(value, str):
        if "\n" in value:
            return _reindent(_block(value, "|", 2, blank_after), indent, eol)
        text = emit.flow_string(value, "")
        too_long = key_width + len(text) > emit.FOLD_WIDTH
        if too_long and (" " in value.strip() or "://" in value):
            return _reindent(emit.block_string(value, ">", 2), indent, eol)
        return text if text == value else emit.quoted(value, style.quote)
    if isinstance(value, dt.date):
        return emit.quoted(emit.date_text(value, None), style.quote)
    return emit.scalar_text(value)


def _scalar_like(text: str, entry: Entry, value: object, style: NewStyle, eol: str) -> str:
    """A scalar written in the style of the scalar it replaces."""
    node = entry.node
    assert isinstance(node, ScalarNode)
    old = node.style or ""
    indent = entry.indent
    if isinstance(value, str):
        if old in ("|", ">"):
            content_indent = _block_indent(text, entry)
            block = _block(value, old, content_indent, _blank_line_at(text, entry.end))
            return _reindent(_keep_header_comment(text, entry, block), indent, eol)
        if "\n" in value:
            return _reindent(_block(value, "|", 2, _blank_line_at(text, entry.end)), indent, eol)
        return emit.flow_string(value, old) if old in ("", "'", '"') else emit.quoted(value, "'")
    if isinstance(value, dt.date):
        text = emit.date_text(value, node.value)
        if old in ("'", '"'):
            return emit.quoted(text, old)
        return text if old == "" else emit.quoted(text, style.quote)
    if value is None and old == "" and node.value in ("", "~", "null", "Null", "NULL"):
        return node.value
    return emit.scalar_text(value)


def _keep_header_comment(text: str, entry: Entry, block: str) -> str:
    """`excerpt: >- # shown on the index page`: the new header keeps the old comment."""
    header = text[entry.value_start : before_break(text, line_end(text, entry.value_start))]
    comment = header.find(" #")
    if comment < 0 or not block.startswith(("|", ">")):
        return block
    first, sep, rest = block.partition("\n")
    return first + header[comment:] + sep + rest


def _block_indent(text: str, entry: Entry) -> int:
    """How far a block scalar's lines are indented beyond its key (2 when it has none)."""
    for line in text[line_end(text, entry.value_start) : entry.value_end].splitlines():
        if line.strip():
            return max(1, len(line) - len(line.lstrip(" ")) - entry.indent)
    return 2


def _item_quote(node: SequenceNode) -> emit.QuoteStyle:
    for item in node.value:
        if isinstance(item, ScalarNode) and item.style in ("", "'", '"', None):
            return item.style or ""
    return ""


def _list_text(
    text: str, node: SequenceNode, items: list[object], old: list[object], eol: str
) -> tuple[int, int, str]:
    """The (start, end, replacement) that turns a list's text into `items`.

    Items equal to old ones keep their exact text; only inserted items are written anew.
    """
    quote = _item_quote(node)
    matcher = SequenceMatcher(None, [_key(v) for v in old], [_key(v) for v in items], False)
    aliases = alias_items(node)
    if aliases and not node.flow_style:
        raise SpliceError("a list item is a YAML alias (*), so its lines cannot be told")
    if any(
        tag == "equal" and aliases & set(range(i1, i2))
        for tag, i1, i2, _, _ in matcher.get_opcodes()
    ):
        raise SpliceError("a list item kept as it is is a YAML alias (*), written elsewhere")
    if node.flow_style:
        pieces = []
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag == "equal":
                pieces += [_raw(text, node.value[i]) for i in range(i1, i2)]
            else:
                pieces += [emit.flow_item(v, quote) for v in items[j1:j2]]
        return node.start_mark.index, node.end_mark.index, emit.flow_list(pieces)
    indent = node.start_mark.column
    # An item's span starts where the one before it ends, so comment lines between items
    # travel with the item they precede.
    ends = [line_end(text, content_end(text, n)) for n in node.value]
    starts = [line_start(text, node.value[0].start_mark.index), *ends[:-1]]
    spans = list(zip(starts, ends, strict=True))
    out = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            out += [text[spans[i][0] : spans[i][1]] for i in range(i1, i2)]
        else:
            out += [_block_item(v, indent, quote, eol) + eol for v in items[j1:j2]]
    start, end = spans[0][0], spans[-1][1]
    joined = "".join(out)
    if not text[start:end].endswith("\n"):  # the list ended the text with no line break
        joined = joined[: len(joined) - len(eol)] if joined.endswith(eol) else joined
    return start, end, joined


def _block_item(value: object, indent: int, quote: emit.QuoteStyle, eol: str) -> str:
    if emit.is_scalar(value):  # multi-line text too: escaped in double quotes, on one line
        return " " * indent + "- " + emit.flow_item(value, quote)
    lines = emit.block_collection([value], indent)
    return eol.join(lines)


def _raw(text: str, node: Node) -> str:
    return text[node.start_mark.index : content_end(text, node)]


def _key(value: object) -> str:
    return repr(value)


# --- edits ---------------------------------------------------------------------------------


def construct(node: Node) -> object:
    """The plain Python value of a node, as the safe loader builds it."""
    return yaml.SafeLoader("").construct_document(node)


def replace(text: str, entry: Entry, value: object, style: NewStyle, default_eol: str) -> str:
    """`text` with the entry's value changed to `value`, in the old value's style."""
    eol = eol_at(text, entry.start, default_eol)
    node = entry.node
    if isinstance(node, ScalarNode) and emit.is_scalar(value):
        new = _scalar_like(text, entry, value, style, eol)
        gap = "" if not new or entry.value_start > entry.key_end else " "
        new, resume = _comment_up(text, entry.value_end, new, eol)
        return text[: entry.value_start] + gap + new + text[resume:]
    if isinstance(node, SequenceNode) and _is_list(value) and (value or node.flow_style):
        start, end, new = _list_text(text, node, list(value), construct(node), eol)
        return text[:start] + new + text[end:]
    if (
        isinstance(node, MappingNode)
        and isinstance(value, Mapping)
        and value
        and not node.flow_style
    ):
        return update_mapping(text, node, value, list(value), style, eol)
    new = _fresh(value, entry.indent, entry.key, style, eol, _blank_line_at(text, entry.end))
    new, resume = _comment_up(text, entry.value_end, new, eol)
    return text[: entry.key_end] + new + text[resume:]


def _comment_up(text: str, value_end: int, new: str, eol: str) -> tuple[str, int]:
    """`key: x  # note` becoming a block (`|`, `>-`, a list): after its last line the comment
    would be part of the value (a block's text), so it moves up to the header line. A quoted
    or plain value folded over lines keeps it after its last line: its first line is inside
    the value. Returns the new text and where the old text resumes after it."""
    tail = text[value_end:]
    spaces = len(tail) - len(tail.lstrip(" \t"))
    first, sep, rest = new.partition(eol)
    if not sep or not tail.startswith("#", spaces) or not _BLOCK_HEADER.fullmatch(first):
        return new, value_end
    comment_end = before_break(text, line_end(text, value_end))
    return first + text[value_end:comment_end] + sep + rest, comment_end


def _is_list(value: object) -> bool:
    return isinstance(value, Sequence) and not isinstance(value, str | bytes)


def _fresh(
    value: object, indent: int, key: str, style: NewStyle, eol: str, blank_after: bool = False
) -> str:
    """What follows `key:` for a value written with no old style: ` x` or a block of lines."""
    if _is_list(value):
        if not value:
            return " []"
        items = list(value)
        if all(emit.is_scalar(v) for v in items):
            lines = emit.block_list(
                [emit.flow_item(v, "") for v in items], indent + style.list_indent
            )
            return eol + eol.join(lines)
        return eol + eol.join(emit.block_collection(items, indent + style.list_indent))
    if isinstance(value, Mapping):
        if not value:
            return " {}"
        return eol + eol.join(emit.block_collection(dict(value), indent + 2))
    new = _new_scalar(value, indent + len(key) + 2, style, indent, eol, blank_after)
    return " " + new if new else ""


def entry_text(
    key: str, value: object, indent: int, style: NewStyle, eol: str, blank_after: bool = False
) -> str:
    """A whole new `key: value` entry, ending with a line break."""
    key_text = emit.flow_string(key, "") if key else "''"
    fresh = _fresh(value, indent, key_text, style, eol, blank_after)
    return " " * indent + key_text + ":" + fresh + eol


def insert(
    text: str, pos: int, key: str, value: object, indent: int, style: NewStyle, default_eol: str
) -> str:
    """`text` with a new entry inserted at `pos` (a line start)."""
    eol = eol_at(text, max(pos - 1, 0), default_eol) if pos else default_eol
    if pos and text[pos - 1] not in "\n":  # inserting after a last line with no break
        return text[:pos] + eol + entry_text(key, value, indent, style, eol)[: -len(eol)]
    new = entry_text(key, value, indent, style, eol, _blank_line_at(text, pos))
    return text[:pos] + new + text[pos:]


def remove(text: str, entry: Entry) -> str:
    """`text` without the entry's lines."""
    return text[: entry.start] + text[entry.end :]


def update_mapping(
    text: str,
    node: MappingNode,
    new: Mapping[str, object],
    order: Sequence[str],
    style: NewStyle,
    eol: str,
) -> str:
    """`text` with a nested block mapping changed to `new`, entry by entry."""
    entries = locate(text, node)
    if any(e.merge for e in entries):
        raise SpliceError("a mapping that takes fields from a `<<:` merge is edited by hand")
    old = {e.key: e for e in entries}
    edits: list[tuple[int, int, int, str]] = []  # (start, sequence, end, text)
    indent = entries[0].indent if entries else node.start_mark.column
    for entry in entries:
        if entry.key not in new:
            edits.append((entry.start, len(edits), entry.end, ""))
        else:
            current = construct(entry.node)
            if current != new[entry.key] or type(current) is not type(new[entry.key]):
                piece = replace(text, entry, new[entry.key], style, eol)
                # replace() rewrote only inside the entry: cut that span back out
                tail = len(text) - entry.end
                edits.append(
                    (entry.start, len(edits), entry.end, piece[entry.start : len(piece) - tail])
                )
    for key in order:
        if key not in old and key in new:
            pos = key_order.insertion_point(entries, key, order, node.end_mark.index)
            new_entry = entry_text(key, new[key], indent, style, eol, _blank_line_at(text, pos))
            edits.append((pos, len(edits), pos, new_entry))
    # Right to left, so earlier offsets stay valid. At one offset, a replaced entry goes
    # first and new entries are then inserted before it, in their order.
    for start, _, end, piece in sorted(edits, key=lambda e: (e[0], e[2], e[1]), reverse=True):
        text = text[:start] + piece + text[end:]
    return text
