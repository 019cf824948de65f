"""Tests for editor/core/document/line_breaks.py: an edit given with `\n` breaks keeps the
file's own breaks on the lines it did not touch."""

from __future__ import annotations

from editor.core.document.line_breaks import splice_lines


def test_an_unchanged_text_keeps_its_mixed_breaks():
    old = "a\r\nb\nc\r"
    assert splice_lines(old, "a\nb\nc\n", "\r\n") == old


def test_an_edited_line_keeps_its_break_and_a_new_line_gets_the_files():
    old = "one\r\ntwo\ntail\r\n"
    assert splice_lines(old, "one\nTWO\nnew\ntail\n", "\r\n") == "one\r\nTWO\r\nnew\r\ntail\r\n"


def test_plain_lf_text_is_given_back_as_it_is():
    assert splice_lines("a\nb\n", "a\nc\n", "\n") == "a\nc\n"
