"""Tests for editor/ui/tab/highlighter.py: it colours by the core's line grammar, so what it shows
as
code, headings and lists is what the outline, scroll sync, spelling and the site checks read; a
post too long to colour opens as plain text."""

from __future__ import annotations

from PySide6.QtGui import QTextDocument

from editor.ui.tab import highlighter
from editor.ui.tab.highlighter import MarkdownHighlighter
from editor.ui.tab.markdown_edit import MarkdownEdit


def _highlighted(qtbot, text: str, front_matter: bool = False) -> QTextDocument:
    document = QTextDocument()
    highlighter = MarkdownHighlighter(document)
    highlighter.front_matter = front_matter
    document.setPlainText(text)
    highlighter.rehighlight()
    document.highlighter = highlighter  # kept alive with the document
    return document


def _code_lines(document: QTextDocument) -> list[bool]:
    """Per line: whether the whole line is drawn in the code format (fixed pitch)."""
    out, block = [], document.begin()
    while block.isValid():
        ranges = block.layout().formats()
        out.append(
            bool(block.text())
            and any(
                r.start == 0 and r.length >= len(block.text()) and r.format.fontFixedPitch()
                for r in ranges
            )
        )
        block = block.next()
    return out


def _bold_from(document: QTextDocument, line: int) -> int | None:
    """Where the heading colour (bold) starts on a line, or None."""
    block = document.findBlockByNumber(line)
    starts = [r.start for r in block.layout().formats() if r.format.fontWeight() >= 700]
    return min(starts) if starts else None


def test_a_four_backtick_fence_is_code_to_its_end(qtbot):
    text = "````markdown\n```python\n# not a heading\n```\nstill code\n````\nprose"
    assert _code_lines(_highlighted(qtbot, text)) == [True] * 6 + [False]


def test_tilde_and_indented_fences(qtbot):
    text = "   ~~~\n```\n~~~\nprose\n    ```\nprose"
    assert _code_lines(_highlighted(qtbot, text)) == [True, True, True, False, False, False]


def test_headings_are_coloured_as_the_preview_makes_them(qtbot):
    document = _highlighted(qtbot, "#Title\n  # indented\n> ## Quoted\n- # Listed")
    assert _bold_from(document, 0) == 0  # the preview's rule: no space needed
    assert _bold_from(document, 1) is None  # an indented # is text to the preview
    assert _bold_from(document, 2) == 2  # after the quote marker
    assert _bold_from(document, 3) == 2  # after the list marker


def test_front_matter_is_not_coloured_as_markdown(qtbot):
    document = _highlighted(qtbot, "---\n# a YAML comment\n---\n# Heading", front_matter=True)
    assert _bold_from(document, 1) is None
    assert _bold_from(document, 3) == 0


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
