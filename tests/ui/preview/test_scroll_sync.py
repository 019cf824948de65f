"""The preview follows the writer: scrolling the editor brings the same heading to the top of
the preview, a cursor move shows its paragraph, and a re-render leaves the preview in place."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QTextCursor

from editor.ui.jobs.render_service import RenderService
from editor.ui.preview.scroll_sync import interpolate, plain_phrase
from editor.ui.shell.main_window import MainWindow
from editor.ui.tab.document_tab import DocumentTab

FRONT = "---\ntitle: 'A long read'\ndate: '2026-01-05'\n---\n"


def _long_body() -> str:
    """Sections of very different lengths, some with code holding `#` lines: following by
    proportion of lines would put the preview far from the heading."""
    parts = []
    for n in range(40):
        words = " ".join(f"s{n}w{i}" for i in range(15 + (n % 7) * 45))
        parts.append(f"## Section {n}\n\n{words}\n")
        if n % 5 == 0:
            parts.append("```\n# not a heading\n" + "x = 1\n" * 12 + "```\n")
    return "\n".join(parts)


def _window(qtbot, settings, prompter, root: Path) -> MainWindow:
    window = MainWindow(settings, RenderService(use_process=False), prompter)
    qtbot.addWidget(window, before_close_func=lambda _: setattr(prompter, "unattended", True))
    window.show()
    with qtbot.waitSignal(window.folderLoaded, timeout=10_000):
        window.open_folder(root)
    return window


def _opened(qtbot, window: MainWindow, path: Path) -> DocumentTab:
    tab = window.open_post(path)
    assert tab is not None
    qtbot.waitUntil(lambda: tab.preview_ready, timeout=5000)
    return tab


@pytest.fixture
def long_tab(qtbot, make_folder, settings, prompter) -> DocumentTab:
    root = make_folder({"long-read.md": FRONT + _long_body()})
    window = _window(qtbot, settings, prompter, root)
    return _opened(qtbot, window, root / "long-read.md")


def _heading_y(tab: DocumentTab, text: str) -> float:
    document = tab.preview.document()
    block = document.begin()
    while block.isValid():
        if block.blockFormat().headingLevel() and block.text() == text:
            return document.documentLayout().blockBoundingRect(block).top()
        block = block.next()
    raise AssertionError(f"no heading {text!r} in the preview")


def _scroll_editor_to_line(tab: DocumentTab, line: int) -> None:
    block = tab.editor.document().findBlockByNumber(line)
    tab.editor.verticalScrollBar().setValue(block.firstLineNumber())


def _line_of(tab: DocumentTab, text: str) -> int:
    return tab.editor.toPlainText().split("\n").index(text)


def test_a_plain_phrase_is_words_the_page_shows_as_written():
    assert plain_phrase("## Section 12") == "Section 12"
    assert plain_phrase("- **bold** and the rest.") == "and the rest."
    assert plain_phrase("[a link](https://example.com) then words") == "then words"
    assert plain_phrase("_emphasis_ `code` x") == ""


def test_interpolate_between_points():
    points = [(0.0, 0.0), (10.0, 100.0), (20.0, 300.0)]
    assert interpolate(points, 15.0) == 200.0
    assert interpolate(points, 30.0) == 300.0
    assert interpolate(points, -1.0) == 0.0


def test_scrolling_the_editor_brings_the_same_heading_to_the_top(qtbot, long_tab):
    tab = long_tab
    bar = tab.preview.verticalScrollBar()
    for n in (12, 27, 8):
        _scroll_editor_to_line(tab, _line_of(tab, f"## Section {n}"))
        target = _heading_y(tab, f"Section {n}")
        qtbot.waitUntil(lambda target=target: abs(bar.value() - target) <= 2, timeout=3000)


def test_the_preview_keeps_its_place_when_it_renders_again(qtbot, long_tab):
    tab = long_tab
    line = _line_of(tab, "## Section 20")
    _scroll_editor_to_line(tab, line)
    bar = tab.preview.verticalScrollBar()
    qtbot.waitUntil(lambda: abs(bar.value() - _heading_y(tab, "Section 20")) <= 2, timeout=3000)
    # Type inside the section's paragraph, in sight: the page renders again.
    cursor = QTextCursor(tab.editor.document().findBlockByNumber(line + 2))
    cursor.movePosition(QTextCursor.MoveOperation.Right, n=5)  # after "s20w0"
    tab.editor.setTextCursor(cursor)
    tab.editor.setFocus()
    before = bar.value()
    for text in ("s", "o", "m", "e"):
        with qtbot.waitSignal(tab.previewShown, timeout=5000):
            qtbot.keyClicks(tab.editor, text)
        assert "s20w0some"[: 5 + "some".index(text) + 1] in tab.preview.toPlainText()
        assert abs(bar.value() - before) <= 2


def test_moving_the_cursor_to_the_end_and_back_moves_the_preview(qtbot, long_tab):
    tab = long_tab
    bar = tab.preview.verticalScrollBar()
    tab.editor.setFocus()
    qtbot.keyClick(tab.editor, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: bar.value() == bar.maximum() > 0, timeout=3000)
    qtbot.keyClick(tab.editor, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: bar.value() == 0, timeout=3000)


def test_a_cursor_move_that_does_not_scroll_the_editor_still_shows_its_paragraph(
    qtbot, make_folder, settings, prompter
):
    """A short text under a tall picture: the editor shows all of it and never scrolls, the
    preview is mostly picture. Going to the last line must bring its paragraph into view."""
    root = make_folder({"short.md": FRONT + "![a tall map](map.png)\n\nFirst.\n\nThe last line.\n"})
    tall = QImage(60, 3000, QImage.Format.Format_RGB32)
    tall.fill(QColor("navy"))
    assert tall.save(str(root / "map.png"))
    window = _window(qtbot, settings, prompter, root)
    tab = _opened(qtbot, window, root / "short.md")
    assert tab.editor.verticalScrollBar().maximum() == 0
    bar = tab.preview.verticalScrollBar()
    assert bar.value() == 0 and bar.maximum() > 2000

    tab.editor.setFocus()
    qtbot.keyClick(tab.editor, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)

    def last_line_in_sight() -> bool:
        found = tab.preview.document().find("The last line.")
        rect = tab.preview.cursorRect(found)
        return rect.top() >= 0 and rect.bottom() <= tab.preview.viewport().height()

    qtbot.waitUntil(last_line_in_sight, timeout=3000)
    assert tab.editor.verticalScrollBar().value() == 0


SCHEMA = "fields: [{name: title}, {name: date}]\n"
TALL = " ".join(f"word{i}" for i in range(400))  # one editor line, many lines of the page
SHORT = "The same few words again."  # the same in every paragraph: words cannot tell them apart


def _uneven_body() -> str:
    """Sections whose share of the text's lines is far from their share of the page, and a
    `#tag` paragraph closing the third, a heading to the text's grammar but not to CommonMark:
    matched by headings, the third section's paragraphs would be placed in the second's."""
    parts = []
    for n in range(6):
        paragraphs = [SHORT] * 12 + ["#tag ends the section"] if n == 2 else [TALL] * 4
        parts.append(f"## Section {n}\n\n" + "\n\n".join(paragraphs) + "\n")
    return "\n".join(parts)


def test_commonmark_places_the_preview_by_the_pieces_source_lines(
    qtbot, make_folder, settings, prompter
):
    root = make_folder(
        {
            ".post-editor.yaml": SCHEMA + "markdown: commonmark\n",
            "uneven.md": FRONT + _uneven_body(),
        }
    )
    window = _window(qtbot, settings, prompter, root)
    tab = _opened(qtbot, window, root / "uneven.md")
    assert tab.markdown_profile.engine == "commonmark"
    lines = tab.scroll_sync.piece_lines
    blocks = tab.preview.piece_blocks()
    assert len(blocks) == len(lines) > 20
    layout = tab.preview.document().documentLayout()
    tops = [layout.blockBoundingRect(block).top() for block in blocks]
    bar = tab.preview.verticalScrollBar()
    assert tab.editor.document().firstBlock().text() == "## Section 0"  # the body alone
    section = _line_of(tab, "## Section 2")
    for nth in (3, 9, 6):  # paragraphs of the third section, in the editor's lines
        line = section + 2 + 2 * nth
        assert tab.editor.document().findBlockByNumber(line).text() == SHORT
        piece = max(n for n, start in enumerate(lines) if start <= line)
        _scroll_editor_to_line(tab, line)
        qtbot.waitUntil(
            lambda piece=piece: tops[piece] - 2 <= bar.value() < tops[piece + 1], timeout=3000
        )


def test_a_body_rendered_whole_is_followed_by_its_headings(qtbot, make_folder, settings, prompter):
    """A reference definition reaches across the body: it renders whole, with no source
    lines, and the headings place the preview."""
    root = make_folder({"long-read.md": FRONT + _long_body() + "\n[ref]: https://example.com\n"})
    window = _window(qtbot, settings, prompter, root)
    tab = _opened(qtbot, window, root / "long-read.md")
    assert tab.scroll_sync.piece_lines == ()
    bar = tab.preview.verticalScrollBar()
    for n in (12, 27):
        _scroll_editor_to_line(tab, _line_of(tab, f"## Section {n}"))
        target = _heading_y(tab, f"Section {n}")
        qtbot.waitUntil(lambda target=target: abs(bar.value() - target) <= 2, timeout=3000)
