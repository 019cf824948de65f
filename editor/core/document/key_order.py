"""Where a new front-matter key goes among the keys a post already writes, by the schema's
order: the one rule of YAML and TOML edits alike."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol, TypeVar

_Missing = TypeVar("_Missing", int, None)


class Spanned(Protocol):
    """A written key and the offsets of its lines (a YAML `Entry`, a `TomlEntry`)."""

    @property
    def key(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


def insertion_point(
    entries: Sequence[Spanned], key: str, order: Sequence[str], end: _Missing
) -> int | _Missing:
    """Where `key` goes: after the keys `order` puts before it, else before the first key it
    puts after it, else after the last entry (`end` when there is none)."""
    if key in order:
        rank = {name: i for i, name in enumerate(order)}
        before = [e for e in entries if e.key in rank and rank[e.key] < rank[key]]
        if before:
            return max(e.end for e in before)
        after = [e for e in entries if e.key in rank and rank[e.key] > rank[key]]
        if after:
            return min(e.start for e in after)
    return max((e.end for e in entries), default=end)
