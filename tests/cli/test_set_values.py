"""`post-editor set --field KEY=VALUE` on a key the schema does not know: what VALUE becomes.

The rule (README, `set`): the text as typed, unless it is one of the YAML forms that keep every
character (a `[...]` list or `{...}` mapping YAML reads as one; `true`, `false`, `null`; a number
or an ISO date spelled exactly as it is written back). Edited files are compared whole.
SET_VALUE_EXAMPLES=5000 (with HYPOTHESIS_PROFILE=explore) searches further.
"""

from __future__ import annotations

import datetime as dt
import json
import os

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from editor.cli import main
from editor.core.document import yaml_emit
from editor.core.document.post import Post

POST = """\
---
title: Old title
date: 2026-01-24
updated: 2026-01-25
tags: [x]
---
Body text.
"""


def quoted(value: str) -> set[str]:
    """`value` as a YAML single- or double-quoted scalar: either is a fine way to keep text."""
    return {"'" + value.replace("'", "''") + "'", json.dumps(value, ensure_ascii=False)}


def with_subtitle(value_text: str) -> str:
    return POST.replace("tags: [x]\n", f"tags: [x]\nsubtitle: {value_text}\n")


# Text that YAML would read as something else, or lose characters of.
TEXT = [
    "#1 in sales",  # a comment: YAML reads null
    " spaced ",  # the spaces go
    "&b c",  # an anchor: YAML reads "c"
    "- dash",  # a list
    "!!str x",  # a tag
    "*x",  # an alias
    "x #note",  # the comment goes
    "'single'",  # the quotes go
    '"double"',
    "yes",  # true in YAML 1.1, text in 1.2: text here
    "True",
    "~",  # null
    "",  # null
    "1.10",  # 1.1
    "1_000",  # 1000
    "0x1F",  # 31
    "+5",
    "007",
    "1e5",
    ".5",
    "2026-01-24 10:00:00",  # a date, but not spelled as written back
    "a: b",
    "[a, b",  # not a whole list
    "[a] and [b]",
    "|",
    ">",
    "? x",
    "%x",
    "@x",
]


@pytest.mark.parametrize("value", TEXT)
def test_set_of_an_unknown_key_keeps_text_exactly_as_typed(run, write, tmp_path, value):
    path = write(tmp_path / "p.md", POST)
    ran = run("set", path, "--field", f"subtitle={value}")
    assert ran.rc == 0, ran.err
    assert path.read_text(encoding="utf-8") in {with_subtitle(q) for q in quoted(value)}
    assert Post.read(path).values["subtitle"] == value


@pytest.mark.parametrize(
    ("value", "written", "read"),
    [
        ("42", "42", 42),
        ("-7", "-7", -7),
        ("2.5", "2.5", 2.5),
        ("true", "true", True),
        ("false", "false", False),
        ("null", "null", None),
        ("[a, b]", "\n  - a\n  - b", ["a", "b"]),
        ("[]", "[]", []),
        ("{name: Ada, n: 1}", "\n  name: Ada\n  n: 1", {"name": "Ada", "n": 1}),
    ],
)
def test_set_of_an_unknown_key_reads_the_yaml_forms_that_keep_every_character(
    run, write, tmp_path, value, written, read
):
    path = write(tmp_path / "p.md", POST)
    ran = run("set", path, "--field", f"subtitle={value}")
    assert ran.rc == 0, ran.err
    assert path.read_text(encoding="utf-8") == with_subtitle(written).replace(": \n", ":\n")
    got = Post.read(path).values["subtitle"]
    assert got == read and type(got) is type(read)


def test_an_iso_date_for_a_date_the_post_has_stays_a_date(run, write, tmp_path):
    path = write(tmp_path / "p.md", POST)
    ran = run("set", path, "--field", "updated=2026-02-03")
    assert ran.rc == 0, ran.err
    assert path.read_text(encoding="utf-8") == POST.replace("2026-01-25", "2026-02-03")
    assert Post.read(path).values["updated"] == dt.date(2026, 2, 3)


def test_new_keeps_the_text_of_an_unknown_key_too(run, tmp_path):
    ran = run("new", tmp_path, "--title", "Sales", "--field", "subtitle=#1 in sales")
    assert ran.rc == 0, ran.err
    assert Post.read(tmp_path / "sales.md").values["subtitle"] == "#1 in sales"


# --- the property: nothing typed is lost ------------------------------------------------------

# Pieces YAML gives a meaning to, so that the search meets them more often than st.text() alone.
PIECES = ["#", " #", "&a ", "*a", "- ", ": ", "!!str ", "'", '"', "[", "]", "{", "}", ",", " ",
          "\t", "\n", "\r\n", "\x85", "\u2028", "\ufeff", "~", "null", "true", "yes", "1",
          "0", ".", "e5", "-", "+", "_", "2026-01-24", "T10:00:00", "|", ">", "%", "@", "`",
          "?", "x", "é"]  # fmt: skip
VALUES = st.one_of(st.text(), st.lists(st.sampled_from(PIECES), max_size=8).map("".join))


def meant_as_yaml(text: str, value: object) -> bool:
    """Whether `value` is the YAML reading of `text` that the README's rule takes."""
    if text[:1] + text[-1:] in ("[]", "{}"):
        return isinstance(value, list | dict) and value == yaml.safe_load(text)
    if isinstance(value, bool | int | float) or value is None:
        loaded = yaml.safe_load(text)
        same = loaded == value or loaded != loaded  # .nan is not equal to itself
        return yaml_emit.scalar_text(value) == text and same
    if isinstance(value, dt.date):
        return value.isoformat() == text
    return False


# The key absent, or there already in each style its new value is written like.
OLD_SUBTITLES = ["", "subtitle: plain\n", "subtitle: 'quoted'\n", 'subtitle: "double"\n',
                 "subtitle: |\n  literal\n  block\n", "subtitle: >-\n  folded\n  block\n",
                 "subtitle:\n"]  # fmt: skip


@settings(
    max_examples=int(os.environ.get("SET_VALUE_EXAMPLES", "300")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(value=VALUES, old=st.sampled_from(OLD_SUBTITLES))
def test_set_of_an_unknown_key_gives_back_the_text_or_its_documented_yaml_reading(
    tmp_path, capsys, value, old
):
    path = tmp_path / "p.md"
    path.write_text(POST.replace("tags: [x]\n", f"tags: [x]\n{old}"), encoding="utf-8")
    rc = main(["set", str(path), "--field", f"subtitle={value}"])
    capsys.readouterr()
    assert rc == 0
    post = Post.read(path)
    assert post.error is None
    got = post.values["subtitle"]
    assert got == value or meant_as_yaml(value, got), (value, post.front_matter)
    # and nothing else changed: the rest of the file is as it was
    assert post.without("subtitle").text == POST
