"""Tests for editor/core/schema/field_types.py: a value shown as text is bounded, however big it
is."""

from __future__ import annotations

import datetime as dt

import pytest

from editor.core.schema.field_types import SHOWN_CHARS, TYPES, clipped_text
from tests.hostile import bounded


def shared_lists(levels: int, width: int = 9) -> list[object]:
    """What YAML aliases build: `width` references to one list, `levels` deep (9⁷ = 4.8 million
    items behind 7 small lists)."""
    value: list[object] = ["lol"] * width
    for _ in range(levels - 1):
        value = [value] * width
    return value


@pytest.mark.parametrize(
    "value",
    [
        [1, "a", [dt.date(2026, 1, 2)], {"x": [None, True, 1.5]}],
        {"a": {"b": []}, "c": "d"},
        [],
        {},
        ["it's", 'say "hi"'],
    ],
)
def test_a_small_value_reads_as_str_gives_it(value):
    assert clipped_text(value) == str(value)


def test_a_huge_shared_value_is_cut_short_without_walking_it():
    value = shared_lists(7)
    with bounded():
        shown = clipped_text(value)
    assert len(shown) == SHOWN_CHARS + 1 and shown.endswith("…")
    assert shown.startswith("[[[[[[['lol', 'lol'")


@pytest.mark.parametrize("name", ["string", "text", "select", "url", "image"])
def test_a_list_in_a_text_field_is_shown_cut_short(name):
    """The title of an alias bomb, had it got past the loader: the form shows the start."""
    with bounded():
        shown = TYPES[name].to_text(shared_lists(7))
    assert len(shown) <= SHOWN_CHARS + 1


def test_text_itself_is_never_cut():
    """`parse(to_text(v)) == v`: a long title is a title, not a preview of one."""
    title = "word " * 10_000
    assert TYPES["string"].to_text(title) == title
    assert TYPES["string"].parse(TYPES["string"].to_text(title)) == title
