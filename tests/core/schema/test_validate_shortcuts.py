"""Validation's shortcuts (a value of a type its field always takes is not checked; the keys
a post shows are worked out once per set of keys) change no problem: a table of tricky posts
under tricky schemas gets the problems the step-by-step rule gives."""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import pickle
from pathlib import Path

import pytest

from editor.core.schema import Facts, Schema
from editor.core.schema.field_types import TYPES
from editor.core.schema.model import Field
from editor.core.schema.validation import Problem, validate

TRICKY = Schema(
    (
        Field("title", "string", required=True, max=10),
        Field("date", "datetime", required=True, aliases=("pubDate", "published")),
        Field("slug", "string", pattern=r"[a-z-]+", pattern_message="lower case only"),
        Field("mood", "select", choices=("glad", "sad", 3)),
        Field("level", "number", max=2),
        Field("draft", "boolean", required=True),
        Field("tags", "list", required=True, choices=("a", "b")),
        Field("cover", "image"),
        Field("source", "url", max=20),
        Field("notes", "text", max=5, pattern=r".*"),
    )
)
SCHEMAS = [Schema.DEFAULT, TRICKY, Schema.DEFAULT.optional(), TRICKY.optional(), Schema(())]
LOOSE = [frozenset(), frozenset({"title", "tags", "date"}), frozenset({"level", "mood", "x"})]


class Text(str):
    """Text of another class than `str`: checked, never taken by the shortcut."""


VALUES: list[object] = [
    None, "", [], {}, "x", "glad", "a-b", "A B", "x" * 11, "y" * 200, Text("x" * 99), Text(""),
    "2026-01-24", "not a date", "2026-02-30", "https://example.com/x", "/a b", "/ok",
    "../img/a.png", "https://bad host/", "line\nbreak", 0, 3, 2.5, -1, True, False,
    float("nan"), dt.date(2026, 1, 24), dt.datetime(2026, 1, 24, 10, 0),
    ["a", "b"], ["a", "A", " a "], ["a", ["b"]], ["a", None, "a"], [1, 1], ["Ai", "ai "],
    ["c"], [Text("a"), "a"], {"k": "v"},
]  # fmt: skip
KEYS = ["title", "date", "pubDate", "published", "slug", "mood", "level", "draft", "tags",
        "categories", "cover", "source", "notes", "excerpt", "description", "category"]  # fmt: skip


def posts() -> list[Facts]:
    """Many posts: each key given each value in turn, beside a few other keys."""
    out = []
    for n, (key, value) in enumerate(itertools.product(KEYS, VALUES)):
        values = {key: value}
        for other in KEYS[n % 5 :: 5]:
            values.setdefault(other, VALUES[(n * 7 + len(other)) % len(VALUES)])
        lines = {k: i + 2 for i, k in enumerate(values)}
        dupes = {"title": (2, 5)} if n % 11 == 0 else {}
        out.append(Facts(Path("p.md"), values, None, dupes, n % 3 == 0, lines, len(lines) + 3))
    out.append(Facts(Path("e.md"), {}, None, {}, True, {}, 3))
    return out


def plain_duplicates(value: object) -> list[str]:
    """The repeated items of a list, as validation first found them, one item at a time."""
    if not isinstance(value, list) or len(value) < 2:
        return []
    seen: set[str] = set()
    dupes = []
    for item in value:
        if isinstance(item, list | dict):
            continue
        norm = " ".join(str(item).split()).casefold()
        if norm in seen and str(item) not in dupes:
            dupes.append(str(item))
        seen.add(norm)
    return dupes


def step_by_step(post: Facts, schema: Schema, loose: frozenset[str], wants_text: bool):
    """Validation as it was before its shortcuts: every field's `problems`, every time."""
    problems: list[Problem] = []

    def add(line, field, severity, message):
        line = line or min(filter(None, map(post.line_of, post.values)), default=1)
        problems.append(Problem(post.path, line, field, severity, message))

    for key, lines in post.duplicate_keys.items():
        add(
            lines[1], key, "error", f"written {len(lines)} times; site tools keep only one, or fail"
        )
    keys = dataclasses.replace(schema).keys_in(post.values)  # a new schema: nothing kept
    for field in schema.fields:
        key = keys[field.name]
        value = post.values.get(key)
        if field.required and (value is None or value == "" or value == []):
            add(post.line_of(key), key, "error", f"{field.label} is missing")
            continue
        if field.name in loose:
            continue
        for severity, message in field.problems(value):
            add(post.line_of(key), key, severity, message)
    for key in ("tags", "categories"):
        for dupe in plain_duplicates(post.values.get(key)):
            add(post.line_of(key), key, "warning", f"‘{dupe}’ is listed more than once")
    if post.body_is_blank and wants_text:
        add(post.body_line, "body", "warning", "the post has no text yet")
    return sorted(problems, key=lambda p: p.line)


@pytest.mark.parametrize("schema", SCHEMAS)
def test_the_shortcuts_find_the_problems_step_by_step_validation_finds(schema):
    found = 0
    for post, loose, wants_text in itertools.product(posts(), LOOSE, (True, False)):
        wanted = step_by_step(post, schema, loose, wants_text)
        assert validate(post, schema, loose=loose, wants_text=wants_text) == wanted, post.values
        found += len(wanted)
    assert found  # the table is tricky enough to hold problems under every schema


@pytest.mark.parametrize("kind", TYPES.values(), ids=list(TYPES))
def test_a_type_passes_every_value_of_the_types_it_calls_fine(kind):
    for value in VALUES:
        if type(value) in kind.fine:
            assert kind.check(value) is None, (kind.name, value)
    assert all(isinstance(t, type) for t in kind.fine)


def test_the_keys_a_post_shows_are_kept_per_set_of_keys_and_not_pickled():
    schema = Schema.DEFAULT
    first = schema.keys_in({"pubDate": 1, "title": "t"})
    first["date"] = "changed by the caller"
    assert schema.keys_in({"title": "t", "pubDate": 2})["date"] == "pubDate"
    assert schema.keys_in({"title": "t", "pubDate": 2, "date": 3})["date"] == "date"
    again = pickle.loads(pickle.dumps(schema))
    assert again == schema and "_shown_keys" not in vars(again)
