"""YAML 1.1 traps: values read two ways are warnings, values all readers take alike are quiet,
and the two readers and the quick search agree with each other."""

from __future__ import annotations

import pytest
from foldercheck import TODAY, brief, check, hugo
from hypothesis import given
from hypothesis import strategies as st
from sitefactory import post_text, write

from editor.core.folder.checks import check_site
from editor.core.folder.checks.yaml_traps import MAYBE_TRAP, read_yaml11, read_yaml12
from editor.core.folder.content_folder import ContentFolder


@pytest.mark.parametrize(
    ("value", "old", "new"),
    [
        ("no", "the yes/no value false", "the text ‘no’"),
        ("NO", "the yes/no value false", "the text ‘NO’"),
        ("On", "the yes/no value true", "the text ‘On’"),
        ("yEs", "the yes/no value true", "the text ‘yEs’"),
        ("off", "the yes/no value false", "the text ‘off’"),
        ("y", "the yes/no value true", "the text ‘y’"),
        ("12:30", "the number 750", "the text ‘12:30’"),
        ("1:20:00", "the number 4800", "the text ‘1:20:00’"),
        ("16:9", "the number 969", "the text ‘16:9’"),
        ("010", "the number 8", "the number 10"),
        ("0755", "the number 493", "the number 755"),
        ("08540", "the text ‘08540’", "the number 8540"),
        ("0o17", "the text ‘0o17’", "the number 15"),
        ("1e5", "the text ‘1e5’", "the number 100000"),
        ("1,000", "the number 1000", "the text ‘1,000’"),
    ],
)
def test_a_value_read_two_ways_is_a_warning_that_says_how_to_quote_it(tmp_path, value, old, new):
    posts = hugo(tmp_path, {"p.md": post_text("P", extra=f"status: {value}  # a comment\n")})
    problems = check(posts)
    assert brief(problems, posts) == [("p.md", 4, "status", "warning")]
    message = problems[0].message
    assert old in message and new in message, message
    assert "'" + value + "'" in message


@pytest.mark.parametrize(
    "value",
    [
        "'no'",
        '"12:30"',
        "!!str no",
        "false",
        "True",
        "TRUE",
        "null",
        "~",
        "7",
        "007",
        "-3",
        "1.5",
        "1.10",
        "1_000",
        "0x1F",
        "0b101",
        "1.5e+3",
        "2024-04-04",
        "2019-03-04 10:21:00 +0100",
        "2.0.0",
        "hello world",
        "no way",
        "12:30 pm",
        "[a, b]",
        ">-\n  no\n",
    ],
)
def test_a_value_every_reader_takes_alike_is_quiet(tmp_path, value):
    posts = hugo(tmp_path, {"p.md": post_text("P", extra=f"status: {value}\n")})
    assert check(posts) == []


def test_traps_in_lists_are_told_on_their_own_line(tmp_path):
    extra = "tags: [fine, yes]\naliases:\n  - ok\n  - off\nparams:\n  toc: on\n"
    posts = hugo(tmp_path, {"p.md": post_text("P", extra=extra)})
    assert brief(check(posts), posts) == [
        ("p.md", 4, "tags", "warning"),
        ("p.md", 7, "aliases", "warning"),
        ("p.md", 9, "params", "warning"),
    ]


def test_a_yes_no_field_is_told_to_write_true_or_false_first(tmp_path):
    extra = "draft: no\ncountry: NO\nfeatured: yes\n"
    posts = hugo(tmp_path, {"p.md": post_text("P", extra=extra)})
    draft, country, featured = check(posts)
    assert draft.message.endswith("write false for yes/no, or 'no' to keep the text")
    assert country.message.endswith("write 'NO' to keep the text, or false for yes/no")
    assert featured.message.endswith("write 'yes' to keep the text, or true for yes/no")
    schema = "fields:\n  - {name: title}\n  - {name: featured, type: boolean}\n"
    write(posts, ".post-editor.yaml", schema)
    assert check(posts)[2].message.endswith("write true for yes/no, or 'yes' to keep the text")


def test_a_value_validation_already_flags_is_not_told_twice(tmp_path):
    posts = hugo(tmp_path, {"p.md": "---\ntitle: yes\ndate: 2024-01-01\n---\nText.\n"})
    folder = ContentFolder(posts)
    folder.scan()
    assert [p.field for p in folder.entries[0].problems] == ["title"]
    assert check_site(folder, TODAY) == []


def test_toml_front_matter_has_no_yaml_traps(tmp_path):
    text = '+++\ntitle = "T"\ndate = 2024-01-01\nstatus = "no"\n+++\nText.\n'
    posts = hugo(tmp_path, {"p.md": text})
    assert check(posts) == []


@pytest.mark.parametrize(
    ("text", "yaml11", "yaml12"),
    [
        ("Yes", True, "Yes"),
        ("n", False, "n"),
        ("False", False, False),
        ("NULL", None, None),
        ("12:30", 750, "12:30"),
        ("-1:30", -90, "-1:30"),
        ("1:30.5", 90.5, "1:30.5"),
        ("010", 8, 10),
        ("0", 0, 0),
        ("0x1F", 31, 31),
        ("0b11", 3, 3),
        ("0o17", "0o17", 15),
        ("0,5", 5, "0,5"),
        ("1.", 1.0, 1.0),
        (".5", 0.5, 0.5),
        ("1.0e5", "1.0e5", 100000.0),
        ("1.0e+5", 100000.0, 100000.0),
        ("word", "word", "word"),
    ],
)
def test_the_two_yaml_readers(text, yaml11, yaml12):
    assert (read_yaml11(text), read_yaml12(text)) == (yaml11, yaml12)
    assert type(read_yaml11(text)) is type(yaml11) and type(read_yaml12(text)) is type(yaml12)


@pytest.mark.parametrize("text", ["0x_", "0b,", "+.e+5", "0o", "", "-", "."])
def test_shapes_that_are_no_number_stay_text(text):
    assert read_yaml11(text) == text and read_yaml12(text) == text


SCALAR_CHARS = "0123456789_,:.+-eEoxbBXyYnNsSOfFtTrRuUlLaA"
PLACES = ["key: {}\n", "key: {}  # note\r\n", "key:\n  {}\n", "list:\n  - {}\n", "k: [a, {}]\n"]
PLACES += ["k: [{},b]\n", "k: {{a: {}}}\n", "k: &anchor {}\n", "k:\n- {}\n"]


@given(
    text=st.text(SCALAR_CHARS, min_size=1, max_size=7)
    | st.sampled_from(["yes", "No", "OFF", "oN", "Y", "n", "tRUE", "nULL", "FaLsE"]),
    place=st.sampled_from(PLACES),
)
def test_the_quick_search_never_misses_a_value_the_readers_take_apart(text, place):
    old, new = read_yaml11(text), read_yaml12(text)
    if type(old) is type(new) and old == new:
        return
    assert MAYBE_TRAP.search(place.format(text)), (text, old, new)
