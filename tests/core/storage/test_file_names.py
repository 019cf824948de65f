"""Tests for editor/core/storage/file_names.py: slugs."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from editor.core.storage.file_names import slugify

SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
HOSTILE = ["../../x", "/etc/passwd", "CON", "", "   ", "...", "..", ".", "\\\\server\\share", "nul"]
RESERVED = {"con", "prn", "aux", "nul"} | {f"{d}{n}" for d in ("com", "lpt") for n in range(10)}


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Hello, World!", "hello-world"),
        ("Café Noël", "cafe-noel"),
        ("Straße", "strasse"),
        ("Æsir and Œuvre", "aesir-and-oeuvre"),
        ("Øresund Łódź Đakovo Þingvellir", "oresund-lodz-dakovo-thingvellir"),
        ("Don't panic", "dont-panic"),
        ("Don’t panic", "dont-panic"),
        ("A title with ’curly’ quotes", "a-title-with-curly-quotes"),
        ("“Quoted”—with dashes–here", "quoted-with-dashes-here"),
        ("Привет, мир", "privet-mir"),
        ("Щука и ёж", "shchuka-i-yozh"),
        ("Їжак і ґанок", "yizhak-i-ganok"),
        ("東京タワー", "untitled"),
        ("Ruby 3.3 — 発表", "ruby-3-3"),
        ("ﬁsh ² FULLWIDTH Ｐｙｔｈｏｎ", "fish-2-fullwidth-python"),
        ("  --Spaces   and---hyphens--  ", "spaces-and-hyphens"),
        ("C:\\Windows\\System32", "c-windows-system32"),
    ],
)
def test_slugify_examples(title, slug):
    assert slugify(title) == slug


@pytest.mark.parametrize("title", HOSTILE)
def test_slugify_hostile_titles_give_safe_names(title):
    slug = slugify(title)
    assert SLUG.match(slug)
    assert slug.lower() not in RESERVED


@pytest.mark.parametrize("name", ["CON", "con", "Prn", "AUX", "nul", "COM1", "lpt9", "LPT¹"])
def test_slugify_windows_device_names_get_a_suffix(name):
    assert slugify(name) == slugify(name).lower() == f"{slugify(name)[:-5]}-post"
    assert slugify(name).removesuffix("-post") in RESERVED


def test_slugify_keeps_names_that_only_start_like_devices():
    assert slugify("Console tricks") == "console-tricks"
    assert slugify("COM10") == "com10"


def test_slugify_cuts_on_a_word_boundary():
    title = "The quick brown fox jumps over the lazy dog and keeps running far away"
    slug = slugify(title, max_length=20)
    assert slug == "the-quick-brown-fox"
    assert slugify("alpha beta gamma", max_length=10) == "alpha-beta"
    assert slugify("alphabet soup", max_length=10) == "alphabet"


def test_slugify_cuts_a_single_long_word():
    assert slugify("x" * 100) == "x" * 60


def test_slugify_refuses_tiny_max_length():
    with pytest.raises(ValueError):
        slugify("hello", max_length=3)


@given(st.text(), st.integers(min_value=9, max_value=120))
def test_slugify_any_text_gives_a_safe_slug(title, max_length):
    slug = slugify(title, max_length)
    assert SLUG.match(slug)
    assert len(slug) <= max_length
    assert slug not in RESERVED


@given(st.text(alphabet=st.characters(codec="ascii")))
def test_slugify_is_idempotent(title):
    assert slugify(slugify(title)) == slugify(title)
