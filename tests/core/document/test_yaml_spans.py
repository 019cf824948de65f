"""Tests for editor/core/document/yaml_spans.py: where each entry of the front matter lies."""

from __future__ import annotations

import posts
import pytest
import yaml

from editor.core.document import yaml_spans
from editor.core.document.post import Post


def spans(text: str) -> list[str]:
    """The text of each top-level entry of a post's front matter, in file order."""
    post = Post(text)
    fm = post.front_matter
    return [fm[e.start : e.end] for e in post.entries]


def values_text(text: str) -> dict[str, str]:
    post = Post(text)
    fm = post.front_matter
    return {e.key: fm[e.value_start : e.value_end] for e in post.entries}


# --- where entries lie ---------------------------------------------------------------------


def test_an_entry_spans_its_own_lines_and_not_the_comments_around_it():
    assert spans(posts.COMMENTS) == [
        "title: Comments inside front matter\n",
        "date: '2023-02-10'   # the day it went live\n",
        "tags:\n  - notes     # first tag\n  - yaml\n",
        "series: [intro, basics]  # flow list, commented\n",
        "category: Guides\n",
    ]


def test_the_value_of_an_entry_is_its_text_without_comments():
    assert values_text(posts.COMMENTS) == {
        "title": "Comments inside front matter",
        "date": "'2023-02-10'",
        "tags": "- notes     # first tag\n  - yaml",
        "series": "[intro, basics]",
        "category": "Guides",
    }


def test_a_block_scalar_entry_spans_its_lines_and_keeps_blank_lines_only_when_kept():
    assert spans(posts.BLOCK_SCALARS) == [
        "title: >-\n  A title folded over\n  two lines\n",
        "excerpt: |-\n  A literal excerpt\n  that keeps its line breaks.\n",
        "notes: |\n  Trailing newline kept.\n",
        "summary: >+\n  Keep trailing blank lines.\n\n\n",
        "intro: >\n  Folded with clip\n  chomping.\n",
        "date: '2024-07-01'\n",
    ]


def test_a_clipped_block_scalar_does_not_swallow_the_blank_line_after_it():
    text = "---\nnotes: |\n  one\n\n# later\nnext: x\n---\n"
    assert spans(text) == ["notes: |\n  one\n", "next: x\n"]


def test_nested_collections_end_at_their_last_content_line():
    assert spans(posts.HUGO_YAML)[-2:] == [
        "params:\n  toc: true\n  weight: 20\n",
        "aliases:\n  - /old/cache/\n",
    ]
    text = "---\nauthor:\n  name: Ada\n  # a comment inside\n\nnext: 1\n---\n"
    assert spans(text) == ["author:\n  name: Ada\n", "next: 1\n"]


def test_spans_keep_crlf_line_breaks():
    assert spans(posts.CRLF) == [
        "title: 'Written on Windows'\r\n",
        "date: '2021-08-08'\r\n",
        "excerpt: >-\r\n  Folded on\r\n  Windows.\r\n",
        "tags:\r\n  - windows\r\n",
    ]


def test_keys_with_spaces_and_empty_values_are_entries():
    text = "---\nexternal help file: x.xml\nempty:\nnull value: ~\nlast: 1\n---\n"
    assert spans(text) == [
        "external help file: x.xml\n",
        "empty:\n",
        "null value: ~\n",
        "last: 1\n",
    ]
    assert values_text(text)["empty"] == ""


def test_entries_and_the_text_between_them_make_the_whole_front_matter():
    for name, text in posts.EDITABLE.items():
        post = Post(text)
        fm, pos, pieces = post.front_matter, 0, []
        for entry in post.entries:
            assert entry.start >= pos, name
            assert fm[pos : entry.start].strip("\r\n") == "" or fm[
                pos : entry.start
            ].lstrip().startswith("#"), name
            pieces.append(fm[pos : entry.end])
            pos = entry.end
        pieces.append(fm[pos:])
        assert "".join(pieces) == fm, name


def test_locate_refuses_a_flow_mapping():
    root = yaml.compose("{a: 1, b: 2}\n", Loader=yaml.SafeLoader)
    with pytest.raises(yaml_spans.SpliceError):
        yaml_spans.locate("{a: 1, b: 2}\n", root)


def test_locate_refuses_an_alias():
    text = "base: &b x\nother: *b\n"
    with pytest.raises(yaml_spans.SpliceError):
        yaml_spans.locate(text, yaml.compose(text, Loader=yaml.SafeLoader))


def test_eol_at_tells_the_break_of_a_line():
    text = "a\r\nb\nc"
    assert yaml_spans.eol_at(text, 0, "\n") == "\r\n"
    assert yaml_spans.eol_at(text, 3, "\r\n") == "\n"
    assert yaml_spans.eol_at(text, 5, "\r\n") == "\r\n"
