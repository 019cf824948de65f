"""Cutting a rendered body into pieces the preview can parse apart: where the cuts may fall
(Qt gives the pieces the blocks of the whole only there; tests/ui/preview/test_page_builder.py
checks
that pixel for pixel) and that nothing but whitespace is lost at them."""

from __future__ import annotations

import re

import pytest

from editor.core.site.pieces import split_body


def _squeezed(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_pieces_cut_only_between_top_level_paragraphs():
    body = "\n\n".join(
        [
            "<p>one " + "word " * 10 + "</p>",
            "<ul>\n<li><p>in a list</p></li>\n<li><p>more</p></li>\n</ul>",
            "<p>after the list</p>",
            "<p>two</p>",
            "<h2>a heading</h2>",
            "<table><tr><td><p>cell</p></td></tr></table>",
            "<p>three</p>",
            "<pre><code>&lt;p&gt;not a tag&lt;/p&gt;</code></pre>",
        ]
    )
    pieces = split_body(body)
    starts_and_ends = [(piece.split(">")[0], piece.rsplit("<", 1)[1]) for piece in pieces]
    # Not before the list (it follows a paragraph but is no paragraph), nor after it, nor
    # after the heading, nor inside the list or the table.
    assert starts_and_ends == [("<p", "/p>"), ("<p", "/p>"), ("<h2", "/pre>")]
    assert _squeezed("".join(pieces)) == _squeezed(body)


@pytest.mark.parametrize(
    "body",
    [
        '<p title="a > b">one</p>\n<p>two</p>\n<p>three</p>',  # ">" inside an attribute
        "<p>one <!-- <div> --></p>\n<p>two</p>\n<p>three</p>",  # a tag inside a comment
        "<p>one<br/>line</p>\n<p>two<img src='x.png'></p>\n<p>three</p>",  # void elements
    ],
)
def test_tags_that_are_not_nesting_do_not_stop_the_cuts(body):
    pieces = split_body(body)
    assert len(pieces) == 3
    assert _squeezed("".join(pieces)) == _squeezed(body)


def test_html_too_tangled_to_follow_stays_one_piece():
    body = "<div>\n<p>one</p>\n<p>two</p>\n<p>three</p>"  # the div is never closed
    assert split_body(body) == [body]
