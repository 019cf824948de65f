"""Files a writer should not have to worry about (issue 4, point 5): a 10 MB post and a post with
one 100,000-character line open in reasonable time and stay usable while typing, saving and
snapshotting; a binary or non-UTF-8 file is refused with a clear message and never written; an
empty file and a file without front matter open, and filling a field gives them front matter.

The preview is left out of the timings (a fake render service that never answers): rendering
runs in a worker process in the app, and its speed is the preview's own business.
"""

from __future__ import annotations

import random

import pytest
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication

from editor.core.storage.recovery import RecoveryStore
from editor.ui.jobs.render_service import RenderService
from editor.ui.shell.main_window import MainWindow
from editor.ui.tab.highlighter import MAX_INLINE, MarkdownHighlighter
from editor.ui.tab.markdown_edit import MarkdownEdit

HEAD = "---\ntitle: 'Big'\ndate: '2026-01-01'\n---\n"


class NoRender(RenderService):
    """A render service that takes requests and never renders (keeps timings to the editor)."""

    def request(self, body: str, *_: object) -> int:
        return self.tickets.take()


@pytest.fixture
def bare(qtbot, settings, prompter, tmp_path) -> MainWindow:
    """A window with no folder open, previews off, snapshots 50 ms after a change."""
    window = MainWindow(settings, NoRender(), prompter, RecoveryStore(tmp_path / "recovery"))
    qtbot.addWidget(window, before_close_func=lambda _: setattr(prompter, "unattended", True))
    window.keeper.delay_ms = 50
    window.show()
    return window


def _body(size: int) -> str:
    """Paragraphs of Markdown with emphasis, code and links, blank lines between them."""
    rng = random.Random(4)
    words = ["river", "*mountain*", "the", "of", "a", "`code`", "[link](https://x.org)", "**b**"]
    lines = [" ".join(rng.choices(words, k=rng.randint(20, 80))) + "\n\n" for _ in range(500)]
    average = sum(map(len, lines)) // len(lines)
    return "".join(rng.choices(lines, k=size // average))


def _type_at(qtbot, editor, position: int, text: str) -> None:
    """Type `text` at `position`, key by key."""
    cursor = editor.textCursor()
    cursor.setPosition(position)
    editor.setTextCursor(cursor)
    for char in text:
        qtbot.keyClicks(editor, char)


@pytest.mark.slow
def test_a_10_mb_post_opens_types_snapshots_and_saves(qtbot, bare, tmp_path, prompter):
    path = tmp_path / "huge.md"
    text = HEAD + _body(10_000_000)
    path.write_text(text)

    tab = bare.open_post(path)
    QApplication.processEvents()  # the first layout and paint belong to opening
    words = []
    tab.statsChanged.connect(lambda n, _: words.append(n))
    middle = len(tab.editor.toPlainText()) // 2
    _type_at(qtbot, tab.editor, middle, "Typed.")
    with qtbot.waitSignal(bare.keeper.snapshotted, timeout=20_000):
        pass  # the snapshot builds the text a save would write (minutes, before a fix)
    qtbot.waitUntil(lambda: bool(words), timeout=20_000)  # counted off the UI thread
    assert bare.save_current()
    body_start = len(HEAD)
    assert path.read_text() == text[: body_start + middle] + "Typed." + text[body_start + middle :]
    assert prompter.asked == []


def test_a_100000_character_line_opens_and_types(qtbot, bare, tmp_path):
    path = tmp_path / "long-line.md"
    # Openings with no closing: the shape that made emphasis patterns quadratic.
    line = ("word *a _b **c [d](e <f `g " * 4000)[:100_000]
    path.write_text(HEAD + line + "\nNext line.\n")
    tab = bare.open_post(path)
    _type_at(qtbot, tab.editor, 50_000, "xyz")
    with qtbot.waitSignal(bare.keeper.snapshotted, timeout=5000):
        pass
    assert bare.save_current()
    assert path.read_text() == HEAD + line[:50_000] + "xyz" + line[50_000:] + "\nNext line.\n"


@pytest.mark.parametrize(
    "line",
    [
        "word *a " * (MAX_INLINE // 8),
        "x **y " * (MAX_INLINE // 6),
        "[a](b " * (MAX_INLINE // 6),
        "<a b " * (MAX_INLINE // 5),
        "_a b " * (MAX_INLINE // 5),
    ],
    ids=["italic", "bold", "link", "html", "underscore"],
)
def test_a_hostile_line_under_the_limit_opens_whole(qtbot, line):
    # Once quadratic in unclosed openers (minutes); the benchmarks watch its speed.
    edit = MarkdownEdit()
    qtbot.addWidget(edit)
    assert len(line) <= MAX_INLINE
    text = "\n".join([line] * 10)
    edit.setPlainText(text)
    assert edit.toPlainText() == text and edit.document().blockCount() == 10


def test_ordinary_lines_are_still_coloured(qtbot):
    edit = MarkdownEdit()
    qtbot.addWidget(edit)
    edit.setPlainText(
        "Some *italic* and **bold**, a [link](https://en.wikipedia.org/wiki/Foo_(bar)).\n"
    )
    block = edit.document().firstBlock()
    spans = {block.text()[r.start : r.start + r.length] for r in block.layout().formats()}
    assert {"*italic*", "**bold**", "[link](https://en.wikipedia.org/wiki/Foo_(bar))"} <= spans
    assert isinstance(edit.highlighter, MarkdownHighlighter)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
        ("---\ntitle: Café\n---\nLatin-1 text\n".encode("latin-1"), "not UTF-8"),
    ],
    ids=["binary", "latin-1"],
)
def test_a_binary_or_non_utf8_file_is_refused_and_never_written(
    bare, tmp_path, prompter, data, message
):
    path = tmp_path / "not-a-post.md"
    path.write_bytes(data)
    assert bare.open_post(path) is None
    [question] = prompter.asked
    assert (question.kind, question.title) == ("inform", "Cannot open this post")
    assert message in question.text and str(path) in question.text
    assert bare.tabs.count() == 0
    assert path.read_bytes() == data


def test_a_post_that_turns_binary_while_open_keeps_its_text(qtbot, bare, tmp_path):
    path = tmp_path / "post.md"
    path.write_text(HEAD + "Text.\n")
    tab = bare.open_post(path)
    path.write_bytes(b"\x00\x01\x02")
    qtbot.waitUntil(lambda: tab.gone is not None, timeout=5000)
    assert "can no longer be read" in tab.disk_bar.message.text()
    assert tab.editor.toPlainText() == "Text.\n"
    assert path.read_bytes() == b"\x00\x01\x02"


@pytest.mark.parametrize(
    ("text", "saved", "typed_on"),
    [
        ("", "---\ntitle: Hello\n---\n", "More."),
        # The body's last line ends with a break: text typed after it does too (point 8).
        ("Just a body.\n", "---\ntitle: Hello\n---\nJust a body.\n", "More.\n"),
    ],
    ids=["empty", "no-front-matter"],
)
def test_an_empty_file_or_one_without_front_matter_gets_front_matter_from_the_form(
    qtbot, bare, tmp_path, prompter, text, saved, typed_on
):
    path = tmp_path / "plain.md"
    path.write_text(text)
    tab = bare.open_post(path)
    assert tab is not None and not tab.raw
    assert tab.editor.toPlainText() == text
    title = tab.form.editors["title"].edit
    title.setFocus()
    qtbot.keyClicks(title, "Hello")
    prompter.answer("confirm", True)  # "save with problems?": it has no date yet
    assert bare.save_current()
    assert path.read_text() == saved
    # the editor still works on the body, now below the front matter
    cursor = tab.editor.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    tab.editor.setTextCursor(cursor)
    qtbot.keyClicks(tab.editor, "More.")
    prompter.answer("confirm", True)
    assert bare.save_current()
    assert path.read_text() == saved + typed_on
