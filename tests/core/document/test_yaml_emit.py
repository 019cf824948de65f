"""Tests for editor/core/document/yaml_emit.py: every piece of text it writes reads back as its
value.

The contract checked here, by examples and by hypothesis: `yaml.safe_load("k: " + text)` gives
the value back, and nothing is written plain that a YAML 1.1 reader (Jekyll's Psych) or a YAML
1.2 reader (gray-matter's js-yaml) would take for something else.
"""

from __future__ import annotations

import datetime as dt
import math

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from editor.core.document import yaml_emit as emit

FAST = settings(max_examples=150, deadline=None)


def load(value_text: str) -> object:
    """The value of `k: <value_text>` as PyYAML's safe loader reads it."""
    return yaml.safe_load("k: " + value_text + "\n")["k"]


# --- plain or quoted -----------------------------------------------------------------------

# Strings that some site tool would read as a boolean, null, number, date or something else.
AMBIGUOUS = [
    "y", "Y", "n", "N", "yes", "Yes", "YES", "no", "No", "NO", "on", "On", "off", "OFF",
    "true", "True", "false", "FALSE", "null", "Null", "~", "nan", ".nan", "inf", ".inf",
    "-.inf", "<<", "=", "12:30", "1:20:30", "1.10", "1.0", "0.5", ".5", "1e3", "1E-3",
    "0x1F", "0o17", "0b101", "017", "1_000", "+1", "-1", "2024-01-01", "2024-1-1",
    "2024-01-01T10:00:00Z", "2024-01-01 10:00", "",
    " lead", "trail ", ": x", "a: b", "a #b", "#x", "- x", "-", "? x", "[x]", "{x}", "*a",
    "&a", "!t", "|x", ">x", "'x", '"x', "%x", "@x", "`x", "a\nb", "tab\tin", "x\r",
]  # fmt: skip

SAFE = ["Hello world", "café naïve", "日本語", "🚀 launch", "https://example.com/a?b=c", "maria",
        "Ada Lindqvist", "v1.10", "release-notes", "a-b_c", "C++", "e.g. this"]  # fmt: skip


@pytest.mark.parametrize("text", AMBIGUOUS)
def test_an_ambiguous_string_is_not_safe_plain(text):
    assert not emit.plain_is_safe(text)


@pytest.mark.parametrize("text", SAFE)
def test_an_ordinary_string_is_safe_plain(text):
    assert emit.plain_is_safe(text)
    assert emit.flow_string(text, "") == text


@pytest.mark.parametrize("text", AMBIGUOUS)
@pytest.mark.parametrize("quote", ["", "'", '"'])
def test_flow_string_of_an_ambiguous_string_is_quoted_and_reads_back(text, quote):
    written = emit.flow_string(text, quote)
    assert written[0] in "'\""
    assert load(written) == text


@pytest.mark.parametrize(
    ("text", "quote", "expected"),
    [
        ("plain", "", "plain"),
        ("plain", "'", "'plain'"),
        ("plain", '"', '"plain"'),
        ("it's", "'", "'it''s'"),
        ("it's", "", "it's"),
        ('say "hi"', '"', '"say \\"hi\\""'),
        ("no", "", "'no'"),
        ("a\nb", "'", '"a\\nb"'),
        ("bell\x07", "'", '"bell\\a"'),
    ],
)
def test_flow_string_spells_a_string_in_the_asked_style(text, quote, expected):
    assert emit.flow_string(text, quote) == expected


def test_quoted_falls_back_to_double_quotes_for_what_single_quotes_cannot_hold():
    assert emit.quoted("x", "'") == "'x'"
    assert emit.quoted("x", '"') == '"x"'
    for text in ["a\nb", "tab\t", "\x00", "\x1b", "\ufeff", "\x85", "\u2028"]:
        written = emit.quoted(text, "'")
        assert written.startswith('"'), repr(text)
        assert load(written) == text


# --- block scalars -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "style", "indent", "expected"),
    [
        ("a\nb\n", "|", 2, "|\n  a\n  b"),
        ("a\nb", "|", 2, "|-\n  a\n  b"),
        ("a\nb\n\n", "|", 2, "|+\n  a\n  b\n"),
        ("a b", ">", 4, ">-\n    a b"),
        ("a b\n", ">", 2, ">\n  a b"),
        (" lead\nx", "|", 2, "|2-\n   lead\n  x"),
    ],
)
def test_block_string_chomps_as_the_value_ends(text, style, indent, expected):
    assert emit.block_string(text, style, indent) == expected


def test_a_folded_block_string_wraps_long_text():
    text = " ".join(["word"] * 60)
    lines = emit.block_string(text, ">", 2).split("\n")
    assert lines[0] == ">-"
    assert len(lines) > 2
    assert all(len(line) <= emit.FOLD_WIDTH + len("word") + 1 for line in lines)
    assert load("\n".join(lines)) == text


def test_a_block_string_that_cannot_hold_the_text_falls_back_to_double_quotes():
    written = emit.block_string("trailing space \nnext", "|", 2)
    assert written.startswith('"')
    assert load(written) == "trailing space \nnext"


def test_a_keep_chomped_block_string_never_writes_a_document_end_marker():
    for text in ["x\n\n", "\n", "a\nb\n\n\n"]:
        for style in ("|", ">"):
            written = emit.block_string(text, style, 2)
            assert "..." not in written.split("\n"), (text, style, written)
            assert load(written) == text


# --- other scalars -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, "null"),
        (True, "true"),
        (False, "false"),
        (0, "0"),
        (-7, "-7"),
        (10**20, "100000000000000000000"),
        (1.5, "1.5"),
        (float("inf"), ".inf"),
        (float("-inf"), "-.inf"),
        (float("nan"), ".nan"),
    ],
)
def test_scalar_text_spells_numbers_booleans_and_null(value, expected):
    assert emit.scalar_text(value) == expected


@pytest.mark.parametrize("value", [1e20, 1e-7, 1e16, 5e-324, 1.7976931348623157e308, -0.0])
def test_scalar_text_of_a_float_reads_back_as_that_float(value):
    back = load(emit.scalar_text(value))
    assert isinstance(back, float)
    assert back == value


def test_scalar_text_refuses_a_collection():
    with pytest.raises(TypeError):
        emit.scalar_text([1])


def test_is_scalar_knows_scalars_from_collections():
    for value in [None, "x", 1, 1.5, True, dt.date(2024, 1, 1), dt.datetime(2024, 1, 1)]:
        assert emit.is_scalar(value)
    for value in [[], {}, (1,), {"a": 1}]:
        assert not emit.is_scalar(value)


PLUS_ONE = dt.timezone(dt.timedelta(hours=1))
A_DAY = dt.date(2024, 1, 2)
A_MOMENT = dt.datetime(2024, 1, 2, 3, 4, 5, 600000, tzinfo=dt.UTC)


@pytest.mark.parametrize(
    ("old", "value", "expected"),
    [
        (None, A_DAY, "2024-01-02"),
        ("2020-01-01", A_DAY, "2024-01-02"),
        ("2020-01-01T00:00:00Z", A_MOMENT, "2024-01-02T03:04:05Z"),
        ("2019-03-04 10:21:00 +0100", A_MOMENT.astimezone(PLUS_ONE), "2024-01-02 04:04:05 +0100"),
        ("2020-03-16T05:35:07.322Z", A_MOMENT, "2024-01-02T03:04:05.600Z"),
        ("2021-06-12T18:30:00+02:00", A_MOMENT, "2024-01-02T03:04:05+00:00"),
        ("Jul 15 2022", A_DAY, "Jan 02 2024"),
        ("July 15, 2022", A_DAY, "January 02, 2024"),
        ("01/18/2026", A_DAY, "01/02/2024"),
        ("not a date", A_DAY, "2024-01-02"),
    ],
)
def test_date_text_follows_the_old_spelling(old, value, expected):
    assert emit.date_text(value, old) == expected


# --- list items and collections ------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "quote", "expected"),
    [
        ("a", "", "a"),
        ("a", "'", "'a'"),
        ("a", '"', '"a"'),
        ("a, b", "", "'a, b'"),
        ("[x]", "", "'[x]'"),
        ("no", "", "'no'"),
        (1, "", "1"),
        (None, "", "null"),
        (True, '"', "true"),
        (dt.date(2024, 1, 2), "", "'2024-01-02'"),
        ({"a": 1}, "", "{a: 1}"),
        ([1, 2], "", "[1, 2]"),
    ],
)
def test_flow_item_spells_one_list_item(value, quote, expected):
    assert emit.flow_item(value, quote) == expected


@pytest.mark.parametrize("text", [":)", ":a", "why?", "a?b", "?a"])
def test_a_flow_item_is_quoted_where_a_flow_list_could_not_hold_it_plain(text):
    # `[:a]` is an error for libyaml too; `[why?]` for PyYAML's pure-Python loader, the one
    # the app falls back to without libyaml.
    written = emit.flow_item(text, "")
    assert load(emit.flow_list([written])) == [text]


def test_flow_and_block_lists_from_item_texts():
    assert emit.flow_list(["a", "'b c'"]) == "[a, 'b c']"
    assert emit.flow_list([]) == "[]"
    assert emit.block_list(["a", "b"], 2) == ["  - a", "  - b"]
    assert emit.block_list(["a"], 0) == ["- a"]


def test_block_collection_indents_every_line():
    assert emit.block_collection({"name": "Ada", "tags": ["x"]}, 2) == [
        "  name: Ada",
        "  tags:",
        "  - x",
    ]
    assert emit.block_collection([{"a": 1}, {"b": 2}], 0) == ["- a: 1", "- b: 2"]


# --- the contract, by hypothesis -----------------------------------------------------------

TRAPS = st.sampled_from(AMBIGUOUS)
TEXT = st.one_of(st.text(), TRAPS, st.builds(lambda a, b: a + b, TRAPS, st.text(max_size=5)))


@FAST
@given(TEXT)
def test_plain_is_safe_only_for_strings_that_read_back_as_themselves(text):
    if emit.plain_is_safe(text):
        assert yaml.safe_load(text) == text
        assert load(text) == text
        assert text.lower() not in {"y", "n", "yes", "no", "on", "off", "true", "false", "null"}


@FAST
@given(TEXT, st.sampled_from(["", "'", '"']))
def test_flow_string_reads_back(text, quote):
    assert load(emit.flow_string(text, quote)) == text


@FAST
@given(TEXT, st.sampled_from(["'", '"']))
def test_quoted_reads_back(text, quote):
    written = emit.quoted(text, quote)
    assert written[0] in "'\""
    assert load(written) == text


@FAST
@given(TEXT, st.sampled_from(["|", ">"]), st.integers(1, 9))
def test_block_string_reads_back(text, style, indent):
    assert load(emit.block_string(text, style, indent)) == text


@FAST
@given(st.floats(allow_nan=False) | st.integers() | st.booleans() | st.none())
def test_scalar_text_reads_back(value):
    back = load(emit.scalar_text(value))
    assert back == value
    assert type(back) is type(value) or (isinstance(value, float) and math.isinf(value))


NESTED = st.recursive(
    TEXT | st.integers() | st.booleans() | st.none(),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(TEXT, inner, max_size=3),
    max_leaves=6,
)


@FAST
@given(NESTED.filter(lambda v: isinstance(v, list | dict) and v), st.sampled_from([0, 2, 4]))
def test_block_collection_reads_back(value, indent):
    if isinstance(value, dict):
        indent = indent or 2  # a mapping under `k:` must be indented; a list need not be
    lines = emit.block_collection(value, indent)
    assert load("\n" + "\n".join(lines)) == value


@FAST
@given(NESTED)
def test_a_flow_item_of_any_value_reads_back(value):
    assert load(emit.flow_list([emit.flow_item(value, "")])) == [value]


@FAST
@given(st.lists(TEXT | st.integers() | st.booleans() | st.none(), max_size=5))
def test_flow_items_in_a_flow_list_read_back(items):
    assert load(emit.flow_list([emit.flow_item(v, "") for v in items])) == items


# --- typed text for a key with no field type -----------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("42", 42),
        ("-7", -7),
        ("2.5", 2.5),
        ("1.5e+20", 1.5e20),
        ("true", True),
        ("false", False),
        ("null", None),
        ("2026-01-24", dt.date(2026, 1, 24)),
        ("2026-01-24T10:30:00", dt.datetime(2026, 1, 24, 10, 30)),
        ("[a, b]", ["a", "b"]),
        ("[]", []),
        ("{a: 1}", {"a": 1}),
    ],
)
def test_typed_value_reads_the_yaml_forms_that_are_written_back_the_same(text, value):
    got = emit.typed_value(text)
    assert got == value and type(got) is type(value)


@pytest.mark.parametrize(
    "text",
    ["#1 in sales", " spaced ", "&b c", "- dash", "yes", "True", "~", "", "1.10", "1_000",
     "0x1F", "+5", "-0", "007", ".5", "1e5", "1.0e+5", "2026-01-24 10:30:00",
     "2026-01-24T10:30:00Z", "[a, b", "{a: 1", "[a] [b]", "{a: 1} x", "'x'", "!!str 1",
     "*a", "2026-02-30", "!!bool maybe", "[!!int x]", "a\\x00b"],
)  # fmt: skip
def test_typed_value_keeps_any_other_text_as_it_is(text):
    assert emit.typed_value(text) == text


@pytest.mark.parametrize(
    ("text", "written"),
    [("#1 in sales", "'#1 in sales'"), (" spaced ", "' spaced '"), ("&b c", "'&b c'"),
     ("- dash", "'- dash'")],
)  # fmt: skip
def test_text_that_yaml_would_change_is_written_quoted(text, written):
    assert emit.flow_string(text, "") == written
    assert load(written) == text
