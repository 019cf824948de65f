"""A new post's file name by its site's slug rule (editor/core/folder/site_slugs.py)."""

from __future__ import annotations

import pytest

from editor.core.folder.site_slugs import site_slug


@pytest.mark.parametrize(
    ("title", "generator", "slug"),
    [
        ("Привет мир", "hugo", "привет-мир"),  # Hugo's urlize keeps letters
        ("Café Noël", "jekyll", "café-noël"),  # Jekyll's default slugify too
        ("Don't panic", "hugo", "dont-panic"),
        ("Don't panic", "jekyll", "don-t-panic"),
        ("नमस्ते दुनिया", "jekyll", "नमस्ते-दुनिया"),  # combining marks stay in their word
        ("Привет мир", "astro", "privet-mir"),  # transliterated where the rule is ASCII
        ("日本語", "eleventy", "ri-ben-yu"),
        ("مرحبا بالعالم", "zola", "mrhb-bl-lm"),
        ("Don't panic", "plain", "dont-panic"),
        ("CON", "astro", "con-post"),
        ("!!!", "hugo", "untitled"),
    ],
)
def test_each_site_gets_its_own_slug(title, generator, slug):
    assert site_slug(title, generator) == slug


def test_a_long_title_is_cut_at_a_word():
    slug = site_slug("word " * 30, "hugo")
    assert len(slug) <= 60 and slug.endswith("word") and not slug.endswith("-")
