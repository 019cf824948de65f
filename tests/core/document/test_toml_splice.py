"""TOML front matter (Hugo's and Zola's `+++`) edited losslessly through `Post`: untouched
posts stay byte-identical, a changed value rewrites only its own lines in its own style,
tables, arrays of tables and comments stay, and what tomllib reads back is what was set."""

from __future__ import annotations

import datetime as dt
import difflib
import tomllib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from editor.core.document import Post
from editor.core.document.toml_spans import locate
from editor.core.errors import PostError

HUGO = """\
+++
title = "Hugo post"  # shown in the list
date = 2023-01-05T10:00:00+01:00
lastmod = 2023-02-01
description = 'A literal string, no \\escapes'
draft = false
weight = 3
tags = ["go", 'hugo']
categories = [
  "notes", # the main one
  "web",
]
summary = '''
Two lines of
literal text.'''

# The theme's own settings
[params]
toc = true
cover = "cover.png"

[[params.links]]
name = "Home"
url = "/"
+++

Body of the post.
"""

ZOLA = """\
+++
title = "Zola post"
date = 1979-05-27T07:32:00Z
template = "page.html"
quote = \"\"\"
He said "hi" \\
and left.\"\"\"

[taxonomies]
tags = ["rust", "zola"]

[extra]
# shown on the card
image = "a.jpg"
+++
Body.
"""

FIXTURES = {"hugo": HUGO, "zola": ZOLA}


def changed(old: str, new: str) -> tuple[list[str], list[str]]:
    """The lines only `old` has and the lines only `new` has (difflib's view)."""
    minus = [
        line[2:] for line in difflib.ndiff(old.splitlines(), new.splitlines()) if line[0] == "-"
    ]
    plus = [
        line[2:] for line in difflib.ndiff(old.splitlines(), new.splitlines()) if line[0] == "+"
    ]
    return minus, plus


def toml_of(post: Post) -> dict:
    return tomllib.loads(post.front_matter.replace("\r\n", "\n"))


@pytest.mark.parametrize("name", FIXTURES)
def test_an_untouched_post_is_byte_identical(name):
    text = FIXTURES[name]
    post = Post(text)
    assert post.kind == "toml" and post.error is None
    assert post.to_bytes() == text.encode()
    for key, value in post.values.items():  # setting a value it has changes nothing
        assert post.with_value(key, value) is post


@pytest.mark.parametrize(
    ("key", "value", "old", "new"),
    [
        ("title", "New: title", ['title = "Hugo post"  # shown in the list'],
         ['title = "New: title"  # shown in the list']),
        ("description", "Still literal", ["description = 'A literal string, no \\escapes'"],
         ["description = 'Still literal'"]),
        ("description", "It's basic now", ["description = 'A literal string, no \\escapes'"],
         ['description = "It\'s basic now"']),
        ("draft", True, ["draft = false"], ["draft = true"]),
        ("weight", 10, ["weight = 3"], ["weight = 10"]),
        ("tags", ["go", "hugo", "toml"], ["tags = [\"go\", 'hugo']"],
         ["tags = [\"go\", 'hugo', \"toml\"]"]),
        ("categories", ["notes", "life"], ['  "web",'], ['  "life",']),
        ("summary", "Other\nlines.", ["Two lines of", "literal text.'''"],
         ["Other", "lines.'''"]),
        ("date", dt.datetime(2024, 3, 4, 5, 6, 7, tzinfo=dt.timezone(dt.timedelta(hours=1))),
         ["date = 2023-01-05T10:00:00+01:00"], ["date = 2024-03-04T05:06:07+01:00"]),
        ("lastmod", dt.date(2024, 12, 31), ["lastmod = 2023-02-01"], ["lastmod = 2024-12-31"]),
    ],
)  # fmt: skip
def test_a_changed_value_rewrites_only_its_lines_in_its_style(key, value, old, new):
    post = Post(HUGO)
    edited = post.with_value(key, value)
    assert changed(post.text, edited.text) == (old, new)
    assert toml_of(edited) == {**toml_of(post), key: value}


def test_a_date_stays_a_toml_date():
    edited = Post(ZOLA).with_value("date", dt.datetime(2020, 1, 2, 3, 4, 5, tzinfo=dt.UTC))
    assert "date = 2020-01-02T03:04:05Z\n" in edited.text  # `Z` as it was, not a string
    assert isinstance(toml_of(edited)["date"], dt.datetime)
    day = Post(HUGO).with_value("date", dt.date(2021, 6, 7))
    assert toml_of(day)["date"] == dt.date(2021, 6, 7)


def test_a_table_is_changed_key_by_key_and_arrays_of_tables_stay():
    post = Post(HUGO)
    params = {**post.values["params"], "toc": False}
    edited = post.with_value("params", params)
    assert changed(post.text, edited.text) == (["toc = true"], ["toc = false"])
    assert '[[params.links]]\nname = "Home"' in edited.text
    zola = Post(ZOLA)
    tagged = zola.with_value("taxonomies", {"tags": ["rust", "zola", "web"]})
    assert changed(zola.text, tagged.text) == (
        ['tags = ["rust", "zola"]'],
        ['tags = ["rust", "zola", "web"]'],
    )


def test_comments_and_blank_lines_are_kept():
    post = Post(ZOLA)
    edited = post.with_value("title", "T").with_value("extra", {"image": "b.jpg"})
    assert "# shown on the card\n" in edited.text
    assert edited.text.count("\n\n") == post.text.count("\n\n")


@pytest.mark.parametrize("name", FIXTURES)
@pytest.mark.parametrize("value", [1, "text", ["a", "b"], dt.date(2020, 1, 1), {"a": 1}])
def test_adding_then_removing_a_key_gives_back_the_bytes(name, value):
    post = Post(FIXTURES[name])
    added = post.with_value("probe", value)
    assert toml_of(added)["probe"] == value
    assert added.without("probe").text == post.text


def test_a_key_added_goes_before_the_first_table():
    for text in FIXTURES.values():
        post = Post(text)
        added = post.with_value("probe", 1)
        assert toml_of(added)["probe"] == 1  # TOML reads it as top-level, not the table's
        first_table = min(e.start for e in locate(post.front_matter) if e.header)
        assert added.front_matter.index("probe = 1") < first_table


def test_a_key_added_follows_the_order():
    edited = Post(HUGO).with_value("slug", "s", order=["title", "slug", "date"])
    assert edited.text.startswith('+++\ntitle = "Hugo post"  # shown in the list\nslug = "s"\n')


def test_removing_a_table_takes_its_lines_up_to_the_next_header():
    edited = Post(ZOLA).without("taxonomies")
    assert "[taxonomies]" not in edited.text and "tags" not in edited.values
    assert changed(ZOLA, edited.text)[1] == []
    assert "[extra]\n# shown on the card\n" in edited.text


def test_crlf_and_a_bom_are_kept():
    text = "\ufeff" + HUGO.replace("\n", "\r\n")
    post = Post(text)
    edited = post.with_value("title", "T").with_value("probe", [1, 2])
    assert edited.text.startswith("\ufeff+++\r\n")
    assert "\n" not in edited.text.replace("\r\n", "")
    assert edited.without("probe").with_value("title", "Hugo post").text == text


def test_what_toml_cannot_hold_is_refused_with_a_reason():
    post = Post(HUGO)
    with pytest.raises(PostError, match="tags"):
        post.with_value("tags", ["a", None])
    broken = Post("+++\ntitle = \n+++\n")
    with pytest.raises(PostError, match="fix the front matter first"):
        broken.with_value("title", "x")


# --- the property --------------------------------------------------------------------------

SCALARS = st.one_of(
    st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=30),
    st.integers(-(2**63), 2**63 - 1),
    st.booleans(),
    st.floats(allow_nan=False, allow_infinity=False),
    st.dates(),
    st.datetimes(timezones=st.sampled_from([dt.UTC, dt.timezone(dt.timedelta(hours=-7))])),
)
VALUES = st.one_of(SCALARS, st.lists(st.one_of(st.text(max_size=10), st.integers()), max_size=4))


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(sorted(FIXTURES)),
    st.one_of(st.sampled_from(["title", "date", "tags", "draft", "summary", "quote"]), st.text(
        "abcdefghijklmnopqrstuvwxyz_", min_size=1, max_size=8
    )),
    VALUES,
)  # fmt: skip
def test_any_value_set_on_any_key_reads_back_and_touches_only_its_lines(name, key, value):
    post = Post(FIXTURES[name])
    old = toml_of(post)
    if isinstance(old.get(key), dict):
        return  # a table: changed key by key (test above)
    try:
        edited = post.with_value(key, value)
    except PostError as refused:
        assert "losslessly" in refused.message  # refused with a reason, never a wrong file
        return
    assert toml_of(edited) == {**old, key: value}
    spans = {e.key: e for e in locate(post.front_matter) if not e.table}
    minus, _ = changed(post.front_matter, edited.front_matter)
    if key in spans:  # every line gone was one of the key's own lines
        own = post.front_matter[spans[key].start : spans[key].end].splitlines()
        assert set(minus) <= set(own)
    else:
        assert minus == []
        assert edited.without(key).text == post.text
    assert edited.body == post.body


@pytest.mark.parametrize("separator", ["\x85", "\u2028", "\u2029", "\x0c", "\x1c"])
def test_a_value_holding_a_character_splitlines_cuts_at_is_set_and_removed(separator):
    post = Post(FIXTURES["hugo"])
    edited = post.with_value("note", f"a{separator}b")
    assert toml_of(edited)["note"] == f"a{separator}b"
    assert edited.without("note").text == post.text
