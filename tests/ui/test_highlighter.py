"""Tests for editor/ui/highlighter.py: a post too long to colour opens as plain text."""

from __future__ import annotations

from editor.ui import highlighter
from editor.ui.markdown_edit import MarkdownEdit

LINE = "Some *italic* and **bold** and `code`.\n"


def spans(edit: MarkdownEdit) -> set[str]:
    block = edit.document().firstBlock()
    return {block.text()[r.start : r.start + r.length] for r in block.layout().formats()}


def test_a_post_past_the_colouring_limit_is_plain_and_one_under_it_is_coloured(qtbot, monkeypatch):
    """Issue 13, point 16: colouring 200 MB took 35 s before the window answered. The limit
    is 10 million characters; a smaller one here keeps the test quick, the rule is the same."""
    monkeypatch.setattr(highlighter, "MAX_COLOURED", 100 * len(LINE))
    edit = MarkdownEdit()
    qtbot.addWidget(edit)
    edit.setPlainText(LINE * 99)
    assert {"*italic*", "**bold**", "`code`"} <= spans(edit)
    edit.setPlainText(LINE * 101)
    assert spans(edit) == set()
