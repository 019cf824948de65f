"""The filter's search: when a longer query may search only the rows a shorter one matched,
and the rows it shows, the same as a plain test of each row would find."""

from __future__ import annotations

from pathlib import Path

import pytest

from editor.core.folder import ContentFolder
from editor.core.storage import folded
from editor.ui.panels.index_model import IndexModel
from editor.ui.panels.post_filter import PostFilter, refines


@pytest.mark.parametrize(
    ("words", "before", "expected"),
    [
        (["climate"], ["clim"], True),  # typed on
        (["ai", "health"], ["ai"], True),  # a word added
        (["health", "ai"], ["ai", "health"], True),  # the same words, reordered
        (["clim"], ["climate"], False),  # erased: more rows may match
        (["ai"], ["ai", "health"], False),  # a word dropped
        (["health"], ["ai"], False),  # another word
        (["anything"], [], True),  # no words before: every row matched
    ],
)
def test_refines(words, before, expected):
    assert refines(words, before) is expected


TITLES = [  # (title, tags, file): accents, a word in every row, words in the first and last
    # rows, titles in their file's name (left out of the haystack) or not quite
    ("Café Noël in Zürich", ["Élan", "travel"], "cafe-noel-in-zurich.md"),
    ("Climate notes", ["climate", "ai"], "2024-05-01-climate-notes.md"),
    ("A is for apple", [], "post-2.md"),
    ("Over the glaciers", ["CLIMATE"], "over-the-glaciers.md"),
    ("Naïve AI health", ["health", "ai"], "naïve-ai-health.md"),
    ("Façade", ["architecture"], "facade.md"),
    ("Health and climate, again", ["health"], "health-and-climate-again.md"),
    ("Quiet zebra", ["zoo"], "post-7.md"),
    ("", ["untitled"], "untitled.md"),
]
TYPED = [  # typed one after another: refined, erased, widened, several words, cleared
    *["c", "cl", "cli", "clim", "climate", "clim", ""],
    *["a", "ai", "ai h", "ai health", "ai", "a", "ai"],
    *["cafe", "CAFÉ", "noel", "zurich", "elan", "élan", "naive", "facade", ""],
    *["md", ".md", "mdcafe", "mdover", "e", "ze", "zebra", "xyz", "post", "", "q"],
    *["notes", "climate-notes", "2024", "in", "in zurich", "-", ",", "climate,", "glaciers"],
    *["health climate", "climate health", "health", "h", "zoo", "e a i", ""],
]


@pytest.fixture
def posts(tmp_path: Path) -> PostFilter:
    for title, tags, name in TITLES:
        front = f"---\ntitle: {title!r}\ntags: {tags!r}\n---\nText.\n"
        (tmp_path / name).write_text(front, encoding="utf-8")
    folder = ContentFolder(tmp_path)
    folder.scan()
    model = IndexModel()
    model.set_entries(folder.entries)
    return PostFilter(model)


def test_the_rows_shown_are_those_a_plain_test_per_row_finds(posts):
    """Whatever the order words are typed in (the filter searches only the last matches
    when it can, and leaves out a title in its file's name), the rows are those whose title,
    tags, categories or path hold every word, in order."""
    assert len(posts.sourceModel().entries) == len(TITLES)
    assert_plain(posts)


def test_a_scan_s_index_shown_in_place_is_searched_the_same(posts, tmp_path):
    """At a scan's end the haystacks are made anew (together in memory), or kept as they
    are when a title of two lines would split them."""
    for two_lines in (False, True):
        if two_lines:
            post = tmp_path / "two-lines.md"
            post.write_text('---\ntitle: "Two\\nlines"\n---\n', encoding="utf-8")
        folder = ContentFolder(tmp_path)
        folder.scan()
        posts.sourceModel().replace_entries(folder.entries)
        assert_plain(posts)
        posts.set_text("two")
        assert [e.title for e in posts.shown()] == (["Two\nlines"] if two_lines else [])


def assert_plain(posts: PostFilter) -> None:
    """Each of TYPED, typed in turn, shows the rows a plain test of each row finds."""
    entries = posts.sourceModel().entries
    texts = [
        folded(" ".join([e.title or "", *e.tags, *e.categories, e.path_text])) for e in entries
    ]
    for typed in TYPED:
        posts.set_text(typed)
        words = folded(typed).split()
        expected = [
            entry
            for entry, text in zip(entries, texts, strict=True)
            if all(word in text for word in words)
        ]
        assert posts.shown() == expected, typed
        assert posts.rowCount() == len(expected)


def test_the_words_find_accented_titles_and_nothing_across_rows(posts):
    posts.set_text("cafe noel")
    assert [e.title for e in posts.shown()] == ["Café Noël in Zürich"]
    posts.set_text("mdcafe")  # a row's path ends in .md, the next one's title may start there
    assert posts.shown() == []
    posts.set_text("e")
    assert len(posts.shown()) == len(TITLES)
    posts.set_text("naive")  # in the title, left out of the haystack, and in the file's name
    assert [e.title for e in posts.shown()] == ["Naïve AI health"]
