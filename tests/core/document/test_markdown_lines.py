"""Tests for editor/core/document/markdown_lines.py: the one Markdown line grammar.

Fences are CommonMark's; headings are the preview's (Python-Markdown's), and a table of texts
checks the headings against the page the preview's own renderer makes of them.
"""

from __future__ import annotations

import re

import pytest

from editor.core.document.markdown_lines import (
    IN_FRONT_MATTER,
    TEXT,
    Heading,
    Kind,
    fenced_spans,
    headings,
    in_fence,
    read_line,
    read_lines,
    reading_minutes,
    word_count,
)
from editor.core.site.render import Renderer


def kinds(text: str, front_matter: bool = False) -> list[str]:
    """One letter a line: b blank, t text, h heading, r rule, o/c fence open/close, k code,
    f front matter."""
    letters = {
        Kind.BLANK: "b",
        Kind.TEXT: "t",
        Kind.HEADING: "h",
        Kind.BREAK: "r",
        Kind.FENCE_OPEN: "o",
        Kind.FENCE_CLOSE: "c",
        Kind.CODE: "k",
        Kind.FRONT_MATTER: "f",
    }
    return [letters[line.kind] for line in read_lines(text, front_matter)]


# --- fences -------------------------------------------------------------------------------


def test_a_four_backtick_fence_holds_a_three_backtick_line():
    text = "````markdown\n```python\n# not a heading\n```\n````\n# After"
    assert kinds(text) == ["o", "k", "k", "k", "c", "h"]


def test_tilde_fences_close_only_on_tildes_at_least_as_long():
    text = "~~~~\n```\n~~~\nstill code\n~~~~~\ntext"
    assert kinds(text) == ["o", "k", "k", "k", "c", "t"]


def test_a_closing_fence_has_nothing_after_it():
    assert kinds("```\ncode\n``` not yet\n```  \nout") == ["o", "k", "k", "c", "t"]


def test_a_backtick_fence_has_no_backtick_in_its_info_string():
    assert kinds("``` a`b\n# heading") == ["t", "h"]  # an inline code span, not a fence
    assert kinds("~~~ a`b\n# code") == ["o", "k"]  # a tilde fence may hold one


def test_a_fence_may_be_indented_up_to_three_spaces():
    assert kinds("   ```\n# code\n   ```\n# heading") == ["o", "k", "c", "h"]
    assert kinds("    ```\n# heading") == ["t", "h"]  # four spaces: indented code, no fence


def test_a_fence_never_closed_runs_to_the_end():
    text = "Intro\n```\n# code\n\n## more code"
    assert kinds(text) == ["t", "o", "k", "k", "k"]
    assert fenced_spans(text) == [(6, len(text))]


def test_headings_inside_fences_are_code():
    text = "# One\n```\n# Two\n```\n~~~\nThree\n===\n~~~\n# Four"
    assert [h.title for h in headings(text)] == ["One", "Four"]


def test_a_fence_in_a_quote_ends_with_the_quote():
    text = "> ```\n> # code\n# heading\n> ```"
    assert kinds(text) == ["o", "k", "h", "o"]
    assert read_lines(text)[1].quotes == 1


def test_fenced_spans_are_offsets_of_whole_blocks():
    text = "a\n```\nb\n```\nc\n> ~~~\n> d\ne\n"
    assert [text[s:e] for s, e in fenced_spans(text)] == ["```\nb\n```", "> ~~~\n> d"]
    assert fenced_spans("no fences at all\n") == []
    assert fenced_spans("```\r\ncode\r\n```\r\nafter") == [(0, 15)]  # CRLF text, as read


def test_fence_states_carry_the_fence_and_fit_a_block_state():
    opened = read_line("`" * 10_000_000)  # absurdly long: still a 32-bit state
    assert in_fence(opened.state) and 0 < opened.state < 2**31
    assert read_line("`" * 10_000_000, opened.state).kind is Kind.FENCE_CLOSE
    tilde = read_line("> > ~~~~").state
    assert in_fence(tilde) and tilde != read_line("> > ````").state
    assert not in_fence(TEXT) and not in_fence(IN_FRONT_MATTER)


# --- headings -----------------------------------------------------------------------------


def test_a_hash_at_the_margin_makes_a_heading_without_a_space():
    assert read_line("#Title")[-2:] == (1, "Title")
    assert read_line("#")[-2:] == (1, "")  # an empty heading
    assert read_line("### Three ###")[-2:] == (3, "Three")
    assert read_line("####### seven")[-2:] == (6, "# seven")
    assert read_line("  # indented").kind is Kind.TEXT
    assert read_line("\\# escaped").kind is Kind.TEXT


def test_headings_in_quotes_and_list_items():
    assert read_line("> > ## Deep")[-2:] == (2, "Deep")
    assert read_line("- # In a list")[-2:] == (1, "In a list")
    assert [h.title for h in headings("text\n- # not a list\n\n- # a list")] == ["a list"]


def test_setext_headings_are_the_first_line_of_a_block():
    text = "Title\n=====\n\npara\nline\n---\n\n# H\nNext\n---\n> Quoted\n> ==="
    assert headings(text) == [
        Heading(0, 1, "Title"),
        Heading(7, 1, "H"),
        Heading(8, 2, "Next"),
        Heading(10, 1, "Quoted"),
    ]


def test_heading_lines_are_those_the_renderer_makes():
    text = "# One\ntext\n\nTwo\n===\n\n```\n# code\n```\n#Three\n> ## Four\npara\nline\n---\n"
    assert [h.line for h in headings(text)] == [0, 3, 9, 10]


def test_the_content_of_a_line_starts_after_its_marks():
    line = "> - ## Section 12"
    assert line[read_line(line).content :] == "Section 12"
    assert line[read_line(line).start :] == "## Section 12"


# --- lists, quotes, rules, front matter ---------------------------------------------------------


def test_lists_in_quotes():
    line = read_line("> > 12) [x] done")
    assert (line.quotes, line.kind) == (2, Kind.TEXT)
    assert line.item is not None
    assert (line.item.number, line.item.delimiter, line.item.task) == (12, ")", "[x] ")
    assert "> > 12) [x] done"[line.item.end :] == "done"
    bullet = read_line(">   * nested").item
    assert bullet is not None and (bullet.start, bullet.bullet, bullet.space) == (4, "*", " ")


def test_what_is_not_a_list_item():
    assert read_line("* * *").kind is Kind.BREAK
    assert read_line("- - -").item is None
    assert read_line("*emphasis* here").item is None
    assert read_line("1.5 million").item is None
    assert read_line("-").item is None


def test_blank_lines_in_quotes():
    assert kinds("\n   \n>\n> > ") == ["b", "b", "b", "b"]


def test_front_matter_only_at_the_start_of_a_raw_text():
    text = "---\ntitle: x\n# comment\n...\n# Heading"
    assert kinds(text, front_matter=True) == ["f", "f", "f", "f", "h"]
    assert kinds(text) == ["r", "t", "h", "t", "h"]
    assert read_line("---", TEXT, first=True).state == IN_FRONT_MATTER


def test_reading_line_by_line_is_reading_the_whole():
    text = "````\n```\n````\n> ~~~\n> x\ny\n- a\n\n#b"
    state, one_by_one = TEXT, []
    for line in text.split("\n"):
        read = read_line(line, state)
        one_by_one.append(read)
        state = read.state
    assert one_by_one == read_lines(text)


# --- agreement with the preview ---------------------------------------------------------------

PREVIEW_CASES = [
    "#Title\n\ntext\n\n## Two ##\n",
    "#\n\n# \n",
    "para\n# mid-paragraph\nmore",
    "````\n```\n# code\n```\n````\n\n# After",
    "~~~\n# code\n~~~\n\nTitle\n===\n",
    "> # Quoted\n> ## Also\n\n> Setext\n> ---\n",
    "- item\n- # In a list\n\ntext\n- # not a heading",
    "1. # First\n2. second",
    "# H\nNext\n---\n\n* * *\n\nplain\n---",
    "  Indented title\n===\n\n    # code\n",
    "# C#\n\n####### seven\n",
]


@pytest.mark.parametrize("text", PREVIEW_CASES)
def test_headings_are_the_previews(text):
    page = Renderer().render(text)
    shown = [
        (int(level), re.sub(r"<[^>]+>", "", inner).strip())
        for level, inner in re.findall(r"<h(\d)[^>]*>(.*?)</h\1>", page, re.S)
    ]
    assert [(h.level, h.title) for h in headings(text)] == shown


# --- words ----------------------------------------------------------------------------------


def test_word_count_ignores_markdown_marks():
    assert word_count("# A *bold* — claim, isn't it?") == 5
    assert word_count("well-known") == 1
    assert word_count("- one\n- two") == 2  # a bullet is not a word
    assert word_count("one\n\n---\n\ntwo") == 2  # nor is a rule
    assert word_count("word " * 100_000) == 100_000  # counted in slices, none cut in two
    assert reading_minutes(0) == 0
    assert reading_minutes(230) == 1
    assert reading_minutes(231) == 2
