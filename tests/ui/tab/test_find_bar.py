"""Find and replace under the editor: next and previous wrap around, the options (case, whole
words, regular expression) narrow the matches, and Replace All is one undo step."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest
from PySide6.QtCore import Qt

from editor.ui.tab.find_bar import FindBar
from editor.ui.tab.markdown_edit import MarkdownEdit


@pytest.fixture
def edit(qtbot) -> MarkdownEdit:
    widget = MarkdownEdit()
    qtbot.addWidget(widget)
    return widget


@pytest.fixture
def bar(qtbot, edit) -> FindBar:
    widget = FindBar(edit)
    qtbot.addWidget(widget)
    return widget


def selection(edit: MarkdownEdit) -> tuple[int, int, str]:
    cursor = edit.textCursor()
    return cursor.selectionStart(), cursor.selectionEnd(), cursor.selectedText()


def search(bar: FindBar, text: str, *, case=False, words=False, regex=False) -> None:
    bar.find_edit.setText(text)
    bar.case.setChecked(case)
    bar.words.setChecked(words)
    bar.regex.setChecked(regex)


def starts_of_matches(bar: FindBar, edit: MarkdownEdit, times: int) -> list[int]:
    """Where `times` presses of Next land (from the start of the text)."""
    edit.moveCursor(edit.textCursor().MoveOperation.Start)
    out = []
    for _ in range(times):
        assert bar.find()
        out.append(selection(edit)[0])
    return out


def test_find_next_selects_each_match_and_wraps_around(edit, bar):
    edit.setPlainText("one fish, two fish\nred fish")
    search(bar, "fish")
    assert starts_of_matches(bar, edit, 4) == [4, 14, 23, 4]
    assert selection(edit) == (4, 8, "fish")
    assert bar.status.text() == "1 of 3"


def test_find_previous_wraps_around_backwards(edit, bar):
    edit.setPlainText("fish and fish")
    search(bar, "fish")
    edit.moveCursor(edit.textCursor().MoveOperation.Start)
    assert bar.find(backward=True)
    assert selection(edit)[0] == 9
    assert bar.find(backward=True)
    assert selection(edit)[0] == 0


def test_nothing_found_says_so(edit, bar):
    edit.setPlainText("some text")
    search(bar, "absent")
    assert not bar.find()
    assert bar.status.text() == "not found"
    assert not edit.textCursor().hasSelection()


def test_matching_ignores_case_unless_asked(edit, bar):
    edit.setPlainText("Apple apple APPLE")
    search(bar, "apple")
    assert starts_of_matches(bar, edit, 3) == [0, 6, 12]
    search(bar, "apple", case=True)
    assert starts_of_matches(bar, edit, 2) == [6, 6]


def test_whole_words_skips_a_word_inside_another(edit, bar):
    edit.setPlainText("cat concatenate cat")
    search(bar, "cat")
    assert starts_of_matches(bar, edit, 3) == [0, 7, 16]
    search(bar, "cat", words=True)
    assert starts_of_matches(bar, edit, 3) == [0, 16, 0]


def test_a_regular_expression(edit, bar):
    edit.setPlainText("a1 b22 c333")
    search(bar, r"\d+", regex=True)
    edit.moveCursor(edit.textCursor().MoveOperation.Start)
    found = []
    for _ in range(3):
        assert bar.find()
        found.append(selection(edit)[2])
    assert found == ["1", "22", "333"]


def test_a_regular_expression_ignores_case_unless_asked(edit, bar):
    edit.setPlainText("Tag tag")
    search(bar, "t.g", regex=True)
    assert starts_of_matches(bar, edit, 2) == [0, 4]
    search(bar, "t.g", regex=True, case=True)
    assert starts_of_matches(bar, edit, 2) == [4, 4]


def test_a_broken_regular_expression_says_why(edit, bar):
    edit.setPlainText("text")
    search(bar, "(unclosed", regex=True)
    assert not bar.find()
    assert bar.status.text().startswith("bad pattern:")


def test_replace_all_is_one_undo_step(edit, bar):
    original = "colour and colour\nmore colour"
    edit.setPlainText(original)
    search(bar, "colour")
    bar.replace_edit.setText("color")
    assert bar.replace_all() == 3
    assert edit.toPlainText() == "color and color\nmore color"
    assert bar.status.text() == "3 replaced"
    edit.undo()
    assert edit.toPlainText() == original


def test_replace_all_with_text_that_holds_the_search(edit, bar):
    edit.setPlainText("a b a")
    search(bar, "a")
    bar.replace_edit.setText("aa")
    assert bar.replace_all() == 2
    assert edit.toPlainText() == "aa b aa"


def test_replace_all_with_groups(edit, bar):
    edit.setPlainText("ada@example, bob@example")
    search(bar, r"(\w+)@(\w+)", regex=True)
    bar.replace_edit.setText(r"\1 at \2")
    assert bar.replace_all() == 2
    assert edit.toPlainText() == "ada at example, bob at example"


def test_replace_all_with_a_lookbehind_keeps_the_match(edit, bar):
    edit.setPlainText("ab ab")
    search(bar, "(?<=a)b", regex=True)
    bar.replace_edit.setText(r"<\0>")
    assert bar.replace_all() == 2
    assert edit.toPlainText() == "a<b> a<b>"


def test_replace_all_with_a_pattern_that_matches_empty_text_ends():
    """`$` or `x*` match an empty string; Replace All must still come to an end (run apart:
    a loop that never ends would take the test run down with it)."""
    code = textwrap.dedent(
        """
        import os
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        from PySide6.QtWidgets import QApplication
        from editor.ui.tab.find_bar import FindBar
        from editor.ui.tab.markdown_edit import MarkdownEdit
        app = QApplication([])
        edit = MarkdownEdit()
        bar = FindBar(edit)
        edit.setPlainText("ab\\nab")
        bar.regex.setChecked(True)
        bar.find_edit.setText("$")
        bar.replace_edit.setText(";")
        print(bar.replace_all(), repr(edit.toPlainText()))
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=30, check=False
    )
    assert (done.returncode, done.stdout) == (0, "2 'ab;\\nab;'\n"), done.stderr[-500:]


def test_replace_replaces_the_selected_match_and_finds_the_next(edit, bar):
    edit.setPlainText("x y x")
    search(bar, "x")
    bar.replace_edit.setText("z")
    edit.moveCursor(edit.textCursor().MoveOperation.Start)
    assert bar.find()
    bar.replace_one()
    assert edit.toPlainText() == "z y x"
    assert selection(edit) == (4, 5, "x")


def test_replace_never_replaces_a_selection_that_is_not_a_match(edit, bar):
    edit.setPlainText("x y x")
    search(bar, "x")
    bar.replace_edit.setText("z")
    cursor = edit.textCursor()
    cursor.setPosition(2)
    cursor.setPosition(3, cursor.MoveMode.KeepAnchor)  # "y"
    edit.setTextCursor(cursor)
    bar.replace_one()
    assert edit.toPlainText() == "x y x"
    assert selection(edit) == (4, 5, "x")


def test_the_bar_opens_with_the_selection_and_escape_closes_it(qtbot, window, open_tab):
    tab = open_tab("glaciers-in-retreat.md")
    cursor = tab.editor.textCursor()
    cursor.setPosition(0)
    cursor.setPosition(12, cursor.MoveMode.KeepAnchor)
    tab.editor.setTextCursor(cursor)
    window.actions_by_name["replace"].trigger()
    assert not tab.find_bar.isHidden()
    assert not tab.find_bar.replace_edit.isHidden()
    assert tab.find_bar.find_edit.text() == "Measurements"
    assert window.focusWidget() is tab.find_bar.find_edit

    qtbot.keyClick(tab.find_bar.find_edit, Qt.Key.Key_Escape)
    assert tab.find_bar.isHidden()
    assert window.focusWidget() is tab.editor


def test_enter_in_the_find_box_finds_the_next(qtbot, edit, bar):
    edit.setPlainText("fish and fish")
    bar.open()
    qtbot.keyClicks(bar.find_edit, "fish")
    qtbot.keyClick(bar.find_edit, Qt.Key.Key_Return)
    assert selection(edit) == (0, 4, "fish")
    qtbot.keyClick(bar.find_edit, Qt.Key.Key_Return)
    assert selection(edit) == (9, 13, "fish")


def test_ctrl_f_shows_one_compact_row_with_readable_boxes_and_a_count(qtbot, window, open_tab):
    """Ctrl+F: the find row only, a find box no narrower than readable, "n of m" and a small
    close button, at a small window; Ctrl+H adds the replace row, as readable."""
    tab = open_tab("glaciers-in-retreat.md")
    window.resize(1024, 640)
    window.show()
    qtbot.waitExposed(window)
    bar = tab.find_bar
    window.actions_by_name["find"].trigger()
    qtbot.waitUntil(bar.isVisible)
    for widget in (bar.replace_edit, bar.replace_button, bar.replace_all_button):
        assert not widget.isVisible()
    assert not bar.replacing
    assert bar.find_edit.width() >= 160
    assert bar.height() <= bar.find_edit.height() + 16  # one row
    assert bar.close_button.isVisible() and bar.close_button.width() <= 40
    assert bar.close_button.text() == "×" and bar.close_button.toolTip() == "Close (Esc)"
    assert tab.preview.width() >= 300  # the bar does not squeeze the preview

    bar.find_edit.setText("e")  # the body: "Measurements from three valleys."
    total = 6
    assert bar.status.text() == f"{total} matches"
    tab.editor.moveCursor(tab.editor.textCursor().MoveOperation.Start)
    qtbot.keyClick(bar.find_edit, Qt.Key.Key_Return)
    assert bar.status.text() == f"1 of {total}"
    qtbot.keyClick(bar.find_edit, Qt.Key.Key_Return)
    assert bar.status.text() == f"2 of {total}"
    qtbot.keyClick(bar.find_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert bar.status.text() == f"1 of {total}"

    window.actions_by_name["replace"].trigger()
    assert bar.replacing and bar.replace_edit.isVisible() and bar.replace_all_button.isVisible()
    qtbot.waitUntil(lambda: bar.replace_edit.width() >= 160)
    assert bar.find_edit.width() >= 160
    bar.close_button.click()
    assert bar.isHidden()


def test_the_boxes_keep_their_width_when_the_bar_is_squeezed(qtbot, edit, bar):
    bar.open(replace=True)
    bar.resize(120, bar.sizeHint().height())
    bar.show()
    qtbot.waitExposed(bar)
    assert bar.find_edit.width() >= 160 and bar.replace_edit.width() >= 160
    assert bar.minimumSizeHint().width() <= 420  # narrow enough to sit beside the preview


def test_the_count_follows_the_text_and_the_options(edit, bar):
    edit.setPlainText("Fish fish FISH")
    bar.find_edit.setText("fish")
    assert bar.status.text() == "3 matches"
    bar.case.setChecked(True)
    assert bar.status.text() == "1 match"
    bar.find_edit.setText("cod")
    assert bar.status.text() == "not found"
    bar.find_edit.setText("")
    assert bar.status.text() == ""
