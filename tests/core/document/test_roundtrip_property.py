"""Property tests of the round trip: random front matter and bodies, written the way PyYAML
writes them in every style, must read, save and edit losslessly.

Each example is a whole post: optional BOM, `---`, front matter from `yaml.safe_dump` (flow or
block, any quote or block-scalar style, indent and width) with the comments and blank lines a
writer might add between entries, `---`, and a body with LF, CRLF or mixed breaks, tabs,
trailing spaces and maybe no final line break.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import pytest
import yaml
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from editor.core.document.dates import parse_date
from editor.core.document.post import Post
from editor.core.errors import PostError

SETTINGS = settings(max_examples=200, deadline=None)

TRAPS = ["no", "yes", "on", "off", "y", "n", "~", "null", "true", "12:30", "1.10", "1e3",
         "0x1F", "2024-01-01", ": x", "a: b", "#x", "- x", "[x]", "{x}", "'", '"', "''",
         "...", "---", " lead", "trail ", "a\nb", "x\n\n", "\ttab", "🚀"]  # fmt: skip

KEYS = st.one_of(
    st.sampled_from(["title", "date", "tags", "draft", "author", "params", "ogImage"]),
    st.sampled_from(["with space", "key: colon", "#hash", "ключ", "日本", "1", "true", "y"]),
    st.text(
        st.characters(categories=["L", "N"]) | st.sampled_from(list(" _-.")),
        min_size=1,
        max_size=10,
    ),
)

TEXT = st.one_of(
    st.text(max_size=30),
    st.sampled_from(TRAPS),
    st.lists(
        st.sampled_from(["word", "Ünïcode", "it's", 'say "x"', "#", ":", "\n", "\t", " "])
    ).map("".join),
)

DATES = st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31))
DATETIMES = st.datetimes(dt.datetime(1900, 1, 1), dt.datetime(2100, 1, 1)).map(
    lambda d: d.replace(microsecond=0)
)

SCALARS = st.one_of(
    TEXT,
    st.integers(-(10**12), 10**12),
    st.booleans(),
    st.none(),
    st.floats(allow_nan=False, width=64),
    DATES,
    DATETIMES,
)

VALUES = st.one_of(
    SCALARS,
    st.lists(SCALARS, max_size=4),
    st.dictionaries(KEYS, SCALARS | st.lists(SCALARS, max_size=3), max_size=3),
)

# New values set by an edit: dates only as plain dates (a datetime written into a date-only
# spelling loses its time by design), everything else as above.
NEW_SCALARS = st.one_of(
    TEXT,
    st.integers(-(10**12), 10**12),
    st.booleans(),
    st.none(),
    st.floats(allow_nan=False, width=64),
    DATES,
)
NEW_VALUES = st.one_of(
    NEW_SCALARS,
    st.lists(NEW_SCALARS, max_size=4),
    st.dictionaries(KEYS, NEW_SCALARS, max_size=3),
)

LINE = st.text(st.characters(exclude_characters="\r\n"), max_size=20) | st.sampled_from(
    ["", "\t", "\t\t", "  ", "trailing  ", "---", "...", "+++", "# heading", "  - item"]
)


@dataclass(frozen=True)
class Sample:
    """A generated post and how it was made."""

    text: str
    front_matter: str  # as PyYAML wrote it, with `\n` breaks ("" when there is no block)
    values: dict[str, object]
    body: str
    flow: bool  # the whole front matter is one `{...}` flow mapping (PyYAML's choice)


def _with_breaks(lines: list[str], breaks: list[str], final: bool) -> str:
    out = [line + brk for line, brk in zip(lines, breaks, strict=False)]
    if out and not final:
        out[-1] = lines[-1]
    return "".join(out)


# A top-level key's line in PyYAML's block output: at the margin, not a list item.
_KEY_LINE = re.compile(r"[^\s#-]|-[^ ]")


def _decorated(dumped: str, values: dict[str, object], draw: st.DrawFn) -> str:
    """`dumped` with comment lines, blank lines and trailing comments a writer might add,
    where they leave the values as they are (else `dumped` unchanged)."""
    if dumped.startswith("{") or not draw(st.booleans()):
        return dumped
    lines = dumped.split("\n")[:-1]
    out = []
    for i, line in enumerate(lines):
        at_key = _KEY_LINE.match(line) is not None
        if i and at_key:
            out.extend(draw(st.lists(st.sampled_from(["", "# a comment", "#"]), max_size=2)))
        next_at_key = i + 1 == len(lines) or _KEY_LINE.match(lines[i + 1]) is not None
        if at_key and next_at_key and not line.endswith((":", "|", ">", "|-", ">-", "|+", ">+")):
            line += draw(st.sampled_from(["", "", " # note", "   # a: b"]))
        out.append(line)
    if draw(st.booleans()):
        out.append("# the end")
    decorated = "\n".join(out) + "\n"
    return decorated if yaml.safe_load(decorated) == values else dumped


@st.composite
def samples(draw: st.DrawFn) -> Sample:
    values = draw(st.dictionaries(KEYS, VALUES, max_size=6))
    eol = draw(st.sampled_from(["\n", "\r\n", "mixed"]))

    def brk() -> str:
        return draw(st.sampled_from(["\n", "\r\n"])) if eol == "mixed" else eol

    flow = draw(st.sampled_from([False, None, True]))
    if values:
        dumped = yaml.safe_dump(
            values,
            default_flow_style=flow,
            default_style=draw(st.sampled_from([None, "'", '"', "|", ">"])),
            indent=draw(st.sampled_from([2, 4])),
            width=draw(st.sampled_from([20, 80, 10**4])),
            allow_unicode=draw(st.booleans()),
            sort_keys=draw(st.booleans()),
        )
        assume(yaml.safe_load(dumped) == values)  # PyYAML's own round trip
        assume("&id" not in dumped)  # shared objects become anchors: not our concern here
        # A line that is a delimiter would end the block for every site tool, not just us.
        assume(not re.search(r"^(---|\.\.\.)[ \t]*$", dumped, re.M))
        dumped = _decorated(dumped, values, draw)
        fm_lines = dumped.split("\n")[:-1]
        opener = "---" + brk()
        fm = "".join(line + brk() for line in fm_lines)
        block = opener + fm + "---"
    elif draw(st.booleans()):
        dumped, block = "", "---" + brk() + "---"
    else:
        dumped, block = "", None
    body_lines = draw(st.lists(LINE, max_size=6))
    body = _with_breaks(body_lines, [brk() for _ in body_lines], draw(st.booleans()))
    if block is not None:
        ends_on_closer = not body and draw(st.booleans())  # no break after the closing line
        text = block if ends_on_closer else block + brk() + body
    else:
        assume(not re.match(r"(---|\+\+\+)[ \t]*(\r?\n|$)", body))
        text = body
    bom = "\ufeff" if draw(st.booleans()) else ""
    return Sample(bom + text, dumped, values, body, dumped.startswith("{"))


def same_value(got: object, new: object) -> bool:
    """Whether `got` (read back) is `new` (set): equal, or the same date in its file spelling
    (a date written where there was no date style to follow is a quoted ISO string)."""
    if isinstance(new, list):
        return isinstance(got, list) and len(got) == len(new) and all(map(same_value, got, new))
    if isinstance(new, dict):
        return (
            isinstance(got, dict)
            and got.keys() == new.keys()
            and all(same_value(got[k], new[k]) for k in new)
        )
    if isinstance(new, dt.date) and not isinstance(new, dt.datetime):
        if isinstance(got, str):
            got = parse_date(got)
        if isinstance(got, dt.datetime):
            return got.date() == new and got.time() == dt.time()
    return got == new and type(got) is type(new)


def lf(text: str) -> str:
    return re.sub(r"\r\n|\r", "\n", text)


# --- (a) reading and saving untouched ------------------------------------------------------


@SETTINGS
@given(samples())
def test_an_unchanged_post_is_byte_identical_and_reads_as_pyyaml_does(sample):
    post = Post(sample.text)
    assert post.to_bytes() == sample.text.encode("utf-8", "surrogatepass")
    assert post.error is None
    assert dict(post.values) == (yaml.safe_load(sample.front_matter) or {})
    assert post.body == sample.body
    assert post.with_body(post.body).text == sample.text
    assert post.with_text(sample.text).text == sample.text


# --- (b) one field set ---------------------------------------------------------------------


@SETTINGS
@given(samples(), st.data())
def test_setting_a_field_changes_only_that_entry(sample, data):
    assume(sample.values)
    post = Post(sample.text)
    key = data.draw(st.sampled_from(sorted(post.values)))
    new = data.draw(NEW_VALUES)
    if sample.flow:
        with pytest.raises(PostError):
            post.with_value(key, new)
        return
    edited = post.with_value(key, new)
    assert edited.error is None, edited.text
    assert same_value(edited.values[key], new), edited.text
    assert {k: v for k, v in edited.values.items() if k != key} == {
        k: v for k, v in post.values.items() if k != key
    }
    entry = next(e for e in post.entries if e.key == key)
    before = sample.text[: post.layout.start + entry.start]
    after = sample.text[post.layout.start + entry.end :]
    assert edited.text.startswith(before), edited.text
    assert edited.text.endswith(after), edited.text
    assert edited.body == post.body


# --- (c) a field added and removed again ---------------------------------------------------


@SETTINGS
@given(samples(), KEYS, NEW_VALUES, st.data())
def test_adding_then_removing_a_field_gives_the_original_text(sample, key, value, data):
    post = Post(sample.text)
    assume(key not in post.values)
    order = tuple(data.draw(st.permutations([*post.values, key])))
    if sample.flow:
        with pytest.raises(PostError):
            post.with_value(key, value, order)
        return
    added = post.with_value(key, value, order)
    assert added.error is None, added.text
    assert same_value(added.values[key], value), added.text
    assert {k: v for k, v in added.values.items() if k != key} == dict(post.values)
    assert added.body == post.body
    assert added.without(key).text == sample.text


# --- (d) a new body ------------------------------------------------------------------------


@SETTINGS
@given(samples(), st.lists(LINE, max_size=6), st.sampled_from(["\n", "\r\n"]), st.booleans())
def test_a_new_body_reads_back_and_leaves_the_front_matter_alone(sample, lines, brk, final):
    post = Post(sample.text)
    new_body = _with_breaks(lines, [brk] * len(lines), final)
    if post.kind == "none":  # a body that starts with a delimiter line would be front matter
        assume(not re.match(r"(---|\+\+\+)[ \t]*(\r?\n|$)", new_body))
    edited = post.with_body(new_body)
    assert lf(edited.body) == lf(new_body)
    head = sample.text[: len(sample.text) - len(post.body)]
    if post.kind != "none":
        assert edited.text.startswith(head)
        assert dict(edited.values) == dict(post.values)
    restored = lf(edited.with_body(post.body).text)
    # A closing line that ended the file keeps the line break a body needed.
    assert restored in (lf(sample.text), lf(sample.text) + "\n")
