"""The preview's page as a writer sees it: a long code line never scrolls the whole page
sideways, a body that starts with the post's title shows that title once, and a page shown
again is the page shown afresh."""

from __future__ import annotations

from importlib.resources import files

import pytest

from benchmarks.generate import make_post
from editor.core.document.post import Post
from editor.core.site.pieces import split_body
from editor.core.site.render import Renderer
from editor.ui.preview.preview import Preview

LONG_CODE = (
    "Some words first.\n\n```\ndef f():\n    return '" + "x" * 400 + "'\n```\n\nAnd after.\n"
)


def _css_rule(name: str, selector: str) -> str:
    """The declarations of the packaged stylesheet `name`'s first rule for `selector`."""
    css = (files("editor") / "resources" / name).read_text(encoding="utf-8")
    start = css.index(f"\n{selector} {{") + len(selector) + 3
    return css[start : css.index("}", start)]


def _shown(qtbot, body: str, meta: dict[str, object], dark: bool = False) -> Preview:
    preview = Preview()
    qtbot.addWidget(preview)
    preview.resize(480, 400)
    preview.show()
    preview.set_style(dark)
    with qtbot.waitSignal(preview.pageShown, timeout=10_000):
        preview.show_post(split_body(Renderer().render(body)), meta)
    return preview


@pytest.mark.parametrize("dark", [False, True])
def test_a_long_code_line_wraps_in_its_block_and_the_page_never_scrolls_sideways(qtbot, dark):
    preview = _shown(qtbot, LONG_CODE, {"title": "Code"}, dark)
    assert preview.horizontalScrollBar().maximum() == 0
    assert preview.document().size().width() <= preview.viewport().width()
    # Wrapped, not reflowed: the code keeps its indentation.
    assert "\n    return 'xxx" in preview.document().toPlainText().replace("\u2029", "\n")


def test_code_blocks_scroll_on_their_own_in_a_browser():
    assert "overflow-x: auto" in _css_rule("preview.css", "pre")
    assert "white-space: pre-wrap" in _css_rule("preview.css", "pre")
    browser = (files("editor") / "resources" / "browser.css").read_text(encoding="utf-8")
    rule = browser[browser.index("\npre {") :].split("}", 1)[0]
    assert "overflow-x: auto" in rule
    assert "white-space: pre;" in rule


def _headings(preview: Preview) -> list[str]:
    """The text of the page's heading blocks, in order."""
    found, block = [], preview.document().begin()
    while block.isValid():
        if block.blockFormat().headingLevel() > 0:
            found.append(block.text())
        block = block.next()
    return found


def test_a_body_opening_with_the_title_shows_the_title_once(qtbot):
    preview = _shown(
        qtbot, "# A *Walk* in  the Park\n\nWe went.\n", {"title": "A walk in the park"}
    )
    assert _headings(preview) == ["A Walk in the Park"]


def test_a_body_opening_with_another_heading_keeps_the_title(qtbot):
    preview = _shown(qtbot, "# Getting there\n\nWe went.\n", {"title": "A walk in the park"})
    assert _headings(preview) == ["A walk in the park", "Getting there"]


def _pieces(words: int, seed: int) -> list[str]:
    pieces = split_body(Renderer().render(Post(make_post(words, seed=seed)).body))
    assert len(pieces) > 5
    return pieces


def test_a_page_shown_again_restyled_or_edited_is_the_page_shown_afresh(qtbot):
    """The pages of unchanged pieces are kept from one page to the next: never across a new
    stylesheet, and a changed piece gets its own."""
    pieces, meta = _pieces(1500, 3), {"title": "Kept"}
    kept = Preview()
    qtbot.addWidget(kept)
    with qtbot.waitSignal(kept.pageShown, timeout=10_000):
        kept.show_post(pieces, meta)
    with qtbot.waitSignal(kept.pageShown, timeout=10_000):
        kept.set_style(True)
    edited = [*pieces]
    edited[3] = edited[3].replace("</p>", " And a few more words.</p>", 1)
    with qtbot.waitSignal(kept.pageShown, timeout=10_000):
        kept.show_post(edited, meta)
    fresh = Preview()
    qtbot.addWidget(fresh)
    fresh.set_style(True)
    with qtbot.waitSignal(fresh.pageShown, timeout=10_000):
        fresh.show_post(edited, meta)
    assert "And a few more words." in kept.toPlainText()
    assert kept.document().toHtml() == fresh.document().toHtml()
