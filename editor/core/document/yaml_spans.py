"""Where each entry of a YAML block mapping lies in its text, as offsets.

`yaml.compose` marks where every node starts and ends. An entry's span runs from the start of
its key's line to the end of its value's last *content* line: PyYAML's own end mark of a block
collection reaches over the comments and blank lines that follow it, so the end is taken from
the last scalar inside instead. A value whose node stands elsewhere (an alias, `*a`, stands
where its anchor is) can make an end misjudged: `locate` then refuses rather than let an edit
cut the wrong lines. A `<<:` merge key is an entry of its own (`Entry.merge`), whose end is
read from the text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from editor.core.document.safe_yaml import MERGE_TAG


@dataclass(frozen=True)
class Entry:
    """One `key: value` of a block mapping, as offsets into the mapping's text."""

    key: str
    node: Node  # the value node
    start: int  # start of the key's line
    key_end: int  # just after the `:` that ends the key
    value_start: int  # where the value's text begins (`key_end` for an empty value)
    value_end: int  # end of the value's content, before its last line's break
    end: int  # after the line break that ends the entry's last line
    indent: int  # the key's column
    line: int  # the key's 0-based line in the mapping's text
    merge: bool = False  # a `<<:` merge key: its fields are written in another mapping


class SpliceError(Exception):
    """An edit that cannot be made losslessly; the caller turns it into a PostError."""


def locate(text: str, mapping: MappingNode) -> list[Entry]:
    """Every entry of a block mapping, in file order. Raises SpliceError when an entry's
    lines cannot be told apart from the next one's (a value ending in an alias `*a`, whose
    node stands where its anchor is): an edit there would cut the wrong lines."""
    if mapping.flow_style:
        raise SpliceError("the front matter is written as a {…} flow mapping")
    entries = []
    for index, (key_node, value_node) in enumerate(mapping.value):
        if not isinstance(key_node, ScalarNode):
            raise SpliceError("a key is not a plain word")
        start = line_start(text, key_node.start_mark.index)
        colon = key_node.end_mark.index
        while colon < len(text) and text[colon] in " \t":
            colon += 1
        if text[colon : colon + 1] != ":" or text[start : key_node.start_mark.index].strip():
            raise SpliceError(f"the key ‘{key_node.value}’ is not written as `key: value`")
        key_end = colon + 1
        if key_node.tag == MERGE_TAG:
            entries.append(_merge_entry(text, mapping, index, start, key_end))
            continue
        if value_node.start_mark.index < key_end:
            raise SpliceError(f"‘{key_node.value}’ uses a YAML alias")
        value_end = content_end(text, value_node)
        empty = (
            isinstance(value_node, ScalarNode)
            and value_node.end_mark.index == value_end
            and (value_node.start_mark.index == value_end)
        )
        entries.append(
            Entry(
                key=key_node.value,
                node=value_node,
                start=start,
                key_end=key_end,
                value_start=key_end if empty else value_node.start_mark.index,
                value_end=max(value_end, key_end),
                end=line_end(text, max(value_end, key_end)),
                indent=key_node.start_mark.column,
                line=key_node.start_mark.line,
            )
        )
    _check_spans(text, entries, mapping.end_mark.index)
    return entries


def _merge_entry(text: str, mapping: MappingNode, index: int, start: int, key_end: int) -> Entry:
    """A `<<:` entry. Its value may be an alias whose node stands at the anchor, so its end
    is found from the text: the last line before the next entry (or the mapping's end) that
    is not blank or a comment."""
    key_node, value_node = mapping.value[index]
    following = mapping.value[index + 1][0] if index + 1 < len(mapping.value) else None
    limit = line_start(text, following.start_mark.index) if following else mapping.end_mark.index
    end = line_end(text, key_end)
    for at, line in lines_from(text, end, limit):
        if line.strip() and not line.lstrip().startswith("#"):
            end = line_end(text, at)
    value_end = before_break(text, end) if end > key_end else key_end
    return Entry(
        key=key_node.value,
        node=value_node,
        start=start,
        key_end=key_end,
        value_start=key_end,
        value_end=value_end,
        end=end,
        indent=key_node.start_mark.column,
        line=key_node.start_mark.line,
        merge=True,
    )


def lines_from(text: str, start: int, limit: int) -> list[tuple[int, str]]:
    """(offset, line) of each line from `start` (a line start) up to `limit`."""
    out, pos = [], start
    while pos < limit:
        end = line_end(text, pos)
        out.append((pos, text[pos:end]))
        pos = end
    return out


def _check_spans(text: str, entries: Sequence[Entry], mapping_end: int) -> None:
    """Between one entry's end and the next one's start, and after the last, only blank and
    comment lines may stand; anything else belongs to an entry whose end was misjudged."""
    bounds = [(a.end, b.start, a.key) for a, b in pairwise(entries)]
    if entries:
        bounds.append((entries[-1].end, max(mapping_end, entries[-1].end), entries[-1].key))
    for gap_start, gap_end, key in bounds:
        for _, line in lines_from(text, gap_start, gap_end):
            if line.strip() and not line.lstrip().startswith("#"):
                raise SpliceError(f"where ‘{key}’ ends cannot be told (it uses a YAML alias)")


def line_start(text: str, pos: int) -> int:
    return text.rfind("\n", 0, pos) + 1


def line_end(text: str, pos: int) -> int:
    """Just after the line break of the line holding `pos` (the text's end if none)."""
    brk = text.find("\n", pos)
    return len(text) if brk < 0 else brk + 1


def before_break(text: str, pos: int) -> int:
    """`pos` moved back over one line break that ends just before it."""
    if pos and text[pos - 1] == "\n":
        pos -= 1
        if pos and text[pos - 1] == "\r":
            pos -= 1
    return pos


def content_end(text: str, node: Node) -> int:
    if isinstance(node, ScalarNode):
        if node.style in ("|", ">"):
            return _block_scalar_end(text, node)
        return node.end_mark.index
    if node.flow_style or not node.value:
        return node.end_mark.index
    last = node.value[-1]
    if isinstance(node, MappingNode):
        key, value = last
        if value.start_mark.index < key.end_mark.index:  # `<<: *a`, `k: *a`: an alias, which
            return before_break(text, line_end(text, key.end_mark.index))  # ends its line
        return content_end(text, value)
    return content_end(text, last)


def _block_scalar_end(text: str, node: ScalarNode) -> int:
    start, end = node.start_mark.index, node.end_mark.index
    header_end = before_break(text, line_end(text, start))
    header = text[start:header_end].split("#")[0]
    if "+" in header:  # keep-chomping: the trailing blank lines are part of the value
        return max(before_break(text, end), header_end)
    last = len(text[:end].rstrip(" \t\r\n"))
    return max(before_break(text, line_end(text, last)), header_end)


def eol_at(text: str, pos: int, default: str) -> str:
    """The line break that ends the line holding `pos`, else `default`."""
    brk = text.find("\n", pos)
    if brk < 0:
        return default
    return "\r\n" if brk and text[brk - 1] == "\r" else "\n"


def alias_items(node: SequenceNode) -> set[int]:
    """The indexes of a list's items that are aliases (`*a`): their nodes stand where their
    anchors are (outside the list, or before the item), so their own text cannot be found."""
    out, pos = set(), node.start_mark.index
    for index, item in enumerate(node.value):
        if item.start_mark.index < pos or item.end_mark.index > node.end_mark.index:
            out.add(index)
        else:
            pos = item.end_mark.index
    return out
