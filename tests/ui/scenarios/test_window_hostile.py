"""The window on hostile posts (issue 13): an alias bomb in the front matter (point 13), a body
too large to render (point 16).

Each test runs `bounded()` (tests/hostile.py): before the fix the window took over 60 s and
11 GB on the bomb, so a regression must end the run with a traceback rather than hang it.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from editor.core.site.render import MAX_RENDER_CHARS
from editor.ui.jobs.render_service import RenderService
from editor.ui.shell.main_window import MainWindow
from tests.hostile import alias_bomb, bounded, huge_body

FINE = "---\ntitle: A fine post\ndate: 2026-01-24\ntags: [one]\n---\nText.\n"


@pytest.fixture(autouse=True)
def guard() -> Iterator[None]:
    with bounded():
        yield


@pytest.fixture
def folder(make_folder) -> Path:
    """A folder with the bomb in `title` and `tags`, and a good post beside it."""
    return make_folder({"bomb.md": alias_bomb(), "fine.md": FINE})


def test_the_folder_list_shows_the_bomb_as_a_post_with_an_error(window):
    model = window.panel.model
    rows = {model.index(row, 0).data(): row for row in range(model.rowCount())}
    assert set(rows) == {"bomb.md", "A fine post"}  # no title read from the bomb
    entry = next(e for e in model.entries if e.path.name == "bomb.md")
    assert [p.message for p in entry.problems] == [
        "YAML error: its aliases (*name) would make it 1,513,361,284 values, mostly repeats"
        " of a few (an alias bomb)"
    ]
    assert window.statusBar().currentMessage() == "2 posts, 1 with problems"


def test_the_bomb_opens_as_text_with_a_banner_and_saves_as_shown(
    qtbot, window, open_tab, folder, prompter, put_cursor
):
    tab = open_tab("bomb.md")
    assert tab.raw
    assert not tab.banner.isHidden()
    assert tab.banner.text() == (
        "This post opens as plain text because YAML error: its aliases (*name) would make it"
        " 1,513,361,284 values, mostly repeats of a few (an alias bomb) (line 5). Fix it here;"
        " Save writes exactly what you see."
    )
    assert tab.editor.toPlainText() == alias_bomb()  # the whole file, editable
    assert window.tabs.tabText(window.tabs.currentIndex()) == "bomb.md"

    # Nothing is lost: typed text saves as shown (the YAML is still a bomb: "Save anyway?").
    put_cursor(tab.editor, len(alias_bomb().split("\n")) - 2)
    qtbot.keyClicks(tab.editor, " Typed.")
    prompter.answer("confirm", True)
    assert window.save_current()
    typed = alias_bomb().replace("hostile post.", "hostile post. Typed.")
    assert (folder / "bomb.md").read_text() == typed

    # The writer disarms it: the nine anchored lines go, `title` and `tags` get values.
    document = tab.editor.document()
    selection = QTextCursor(document.findBlockByNumber(1))
    selection.setPosition(
        document.findBlockByNumber(10).position(), QTextCursor.MoveMode.KeepAnchor
    )
    tab.editor.setTextCursor(selection)
    qtbot.keyClick(tab.editor, Qt.Key.Key_Delete)
    for line, value in ((1, "Laughs"), (2, "[lol]")):
        put_cursor(tab.editor, line)
        qtbot.keyClick(tab.editor, Qt.Key.Key_Backspace)
        qtbot.keyClick(tab.editor, Qt.Key.Key_Backspace)
        qtbot.keyClicks(tab.editor, value)
    prompter.answer("confirm", True)  # "Save with problems?": it has no date
    assert window.save_current()
    assert (folder / "bomb.md").read_text() == (
        "---\ntitle: Laughs\ntags: [lol]\n---\nThe body of a hostile post. Typed.\n"
    )
    assert not tab.raw  # the form is back: the front matter reads as a post's again
    assert tab.form.editors["title"].edit.text() == "Laughs"


def test_a_bomb_typed_into_other_fields_is_refused_in_a_line(qtbot, window, open_tab):
    tab = open_tab("fine.md")
    before = tab.post.text
    tab.form.others.setPlainText(alias_bomb(keys=("subtitle",)).split("---\n")[1])
    qtbot.waitUntil(lambda: tab.form.others_problem.isVisible(), timeout=5000)
    assert "alias bomb" in tab.form.others_problem.text()
    assert tab.post.text == before


# ---- point 16: a body too large to render -----------------------------------------------------


class SeenRenders(RenderService):
    """The real render service (in this process), noting the size of each body asked for."""

    def __init__(self) -> None:
        super().__init__(use_process=False)
        self.asked: list[int] = []

    def request(self, body: str) -> int:
        self.asked.append(len(body))
        return super().request(body)


def test_a_huge_post_opens_its_preview_says_too_large_and_typing_goes_on(
    qtbot, make_folder, settings, prompter, recovery, put_cursor
):
    body = huge_body()
    root = make_folder({"huge.md": f"---\ntitle: Huge\ndate: 2026-01-24\n---\n{body}"})
    renders = SeenRenders()
    window = MainWindow(settings, renders, prompter, recovery)
    qtbot.addWidget(window, before_close_func=lambda _: setattr(prompter, "unattended", True))
    window.show()
    with qtbot.waitSignal(window.folderLoaded, timeout=10_000):
        window.open_folder(root)
    tab = window.open_post(root / "huge.md")
    qtbot.waitUntil(lambda: tab.preview_ready, timeout=10_000)
    chars = len(body)
    assert (
        tab.preview.toPlainText()
        .rstrip()
        .endswith(
            f"This post is too large to preview ({chars:,} characters; the preview stops at"
            " 1,000,000). All of its text is in the editor."
        )
    )
    assert tab.preview.toPlainText().startswith("Huge")  # the title and date still show

    put_cursor(tab.editor, tab.editor.document().blockCount() - 1)
    with qtbot.waitSignal(tab.previewShown, timeout=10_000):
        qtbot.keyClicks(tab.editor, " Typed.")
    assert f"({chars + len(' Typed.'):,} characters" in tab.preview.toPlainText()
    assert all(size <= MAX_RENDER_CHARS for size in renders.asked)  # never sent to render
    assert window.save_current()
    assert (root / "huge.md").read_text() == (
        f"---\ntitle: Huge\ndate: 2026-01-24\n---\n{body} Typed."
    )
