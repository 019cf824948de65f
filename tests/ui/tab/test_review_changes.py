"""Review changes: File > Review Changes shows the diff a save would write, and with "Review
Changes Before Saving" on, every save shows it first and writes only when the writer says so."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from editor.ui.settings import REVIEW_BEFORE_SAVE


def _edit_title(qtbot, tab, text: str) -> None:
    """Select the title and type over it, as a writer does."""
    title = tab.form.editors["title"].edit
    title.setFocus()
    qtbot.keyClick(title, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(title, text)


def test_review_shows_exactly_the_lines_a_save_would_change(
    qtbot, window, open_tab, prompter, folder
):
    tab = open_tab("glaciers-in-retreat.md")
    before = (folder / "glaciers-in-retreat.md").read_bytes()
    _edit_title(qtbot, tab, "Glaciers, measured")
    window.actions_by_name["review"].trigger()
    (diff,) = prompter.diffs
    changed = [
        line for line in diff.splitlines() if line[:1] in "+-" and line[:3] not in ("+++", "---")
    ]
    assert changed[0].startswith("-title:") and changed[1] == "+title: 'Glaciers, measured'"
    assert len(changed) == 2
    assert (folder / "glaciers-in-retreat.md").read_bytes() == before  # reviewing writes nothing


def test_with_review_first_a_save_asks_and_cancel_writes_nothing(
    qtbot, window, open_tab, prompter, folder
):
    window.actions_by_name["review_first"].trigger()
    tab = open_tab("glaciers-in-retreat.md")
    path = folder / "glaciers-in-retreat.md"
    before = path.read_bytes()
    _edit_title(qtbot, tab, "Glaciers, measured")
    prompter.answer("review", False)
    QTest.keySequence(tab.editor, "Ctrl+S")
    assert prompter.kinds() == ["review"]
    assert path.read_bytes() == before
    assert tab.modified
    prompter.answer("review", True)
    window.save_current()
    assert b"title: 'Glaciers, measured'" in path.read_bytes()
    assert not tab.modified


def test_review_first_is_remembered_and_an_unchanged_save_asks_nothing(
    qtbot, window, open_tab, prompter, settings
):
    window.actions_by_name["review_first"].trigger()
    assert window.settings.get(REVIEW_BEFORE_SAVE)
    tab = open_tab("glaciers-in-retreat.md")
    assert tab.review_before_save
    assert window.save_current() is not False
    assert prompter.asked == []
