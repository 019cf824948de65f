"""The Markdown editor: formatting keys (bold and italic combining), list continuation, undo,
and the word count."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from editor.ui.tab.markdown_edit import MarkdownEdit

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def edit(qtbot) -> MarkdownEdit:
    widget = MarkdownEdit()
    qtbot.addWidget(widget)
    widget.show()
    widget.setFocus()
    return widget


def place(edit: MarkdownEdit, position: int) -> None:
    cursor = edit.textCursor()
    cursor.setPosition(position)
    edit.setTextCursor(cursor)


def at_end(edit: MarkdownEdit) -> None:
    edit.moveCursor(QTextCursor.MoveOperation.End)


# --- formatting keys, through the window's menu shortcuts ------------------------------------


@pytest.fixture
def body(qtbot, window, open_tab) -> MarkdownEdit:
    """The editor of an open post, focused in an active window, holding one known line."""
    tab = open_tab("glaciers-in-retreat.md")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)
    tab.editor.setFocus()
    tab.editor.setPlainText("Ice melts fast")
    return tab.editor


def test_ctrl_b_bolds_the_word_under_the_cursor_and_again_unbolds_it(qtbot, body):
    place(body, body.toPlainText().index("melts") + 2)
    qtbot.keyClick(body, Qt.Key.Key_B, CTRL)
    assert body.toPlainText() == "Ice **melts** fast"
    assert body.textCursor().selectedText() == "melts"
    qtbot.keyClick(body, Qt.Key.Key_B, CTRL)
    assert body.toPlainText() == "Ice melts fast"


def test_bold_twice_with_the_cursor_in_the_word_unwraps(qtbot, body):
    """A writer who bolds a word, clicks elsewhere, comes back and presses Ctrl+B again."""
    place(body, body.toPlainText().index("melts") + 2)
    qtbot.keyClick(body, Qt.Key.Key_B, CTRL)
    place(body, body.toPlainText().index("melts") + 2)  # no selection now
    qtbot.keyClick(body, Qt.Key.Key_B, CTRL)
    assert body.toPlainText() == "Ice melts fast"


def test_bold_then_italic_combine_and_come_off_one_at_a_time(qtbot, body):
    place(body, body.toPlainText().index("melts") + 2)
    steps = [
        (Qt.Key.Key_B, "Ice **melts** fast"),
        (Qt.Key.Key_I, "Ice ***melts*** fast"),  # not "*melts*": the bold stays
        (Qt.Key.Key_I, "Ice **melts** fast"),
        (Qt.Key.Key_I, "Ice ***melts*** fast"),
        (Qt.Key.Key_B, "Ice *melts* fast"),
        (Qt.Key.Key_B, "Ice ***melts*** fast"),
    ]
    for key, text in steps:
        qtbot.keyClick(body, key, CTRL)
        assert body.toPlainText() == text
        assert body.textCursor().selectedText() == "melts"
    body.undo()
    assert body.toPlainText() == "Ice *melts* fast"


def test_italic_then_bold_and_off_in_either_order(qtbot, body):
    place(body, body.toPlainText().index("melts") + 2)
    for key, text in [
        (Qt.Key.Key_I, "Ice *melts* fast"),
        (Qt.Key.Key_B, "Ice ***melts*** fast"),
        (Qt.Key.Key_I, "Ice **melts** fast"),
        (Qt.Key.Key_B, "Ice melts fast"),
    ]:
        qtbot.keyClick(body, key, CTRL)
        assert body.toPlainText() == text


def test_formatting_reads_the_markers_around_the_word_or_in_the_selection(qtbot, body):
    body.setPlainText("Ice ***melts*** fast")
    place(body, body.toPlainText().index("melts") + 2)  # the cursor in the word, no selection
    qtbot.keyClick(body, Qt.Key.Key_B, CTRL)
    assert body.toPlainText() == "Ice *melts* fast"
    body.setPlainText("Ice **melts** fast")
    cursor = body.textCursor()
    cursor.setPosition(4)
    cursor.setPosition(13, QTextCursor.MoveMode.KeepAnchor)  # "**melts**", markers and all
    body.setTextCursor(cursor)
    qtbot.keyClick(body, Qt.Key.Key_I, CTRL)
    assert body.toPlainText() == "Ice ***melts*** fast"


def test_ctrl_2_makes_the_line_a_second_level_heading(qtbot, body):
    place(body, 3)
    qtbot.keyClick(body, Qt.Key.Key_2, CTRL)
    assert body.toPlainText() == "## Ice melts fast"
    qtbot.keyClick(body, Qt.Key.Key_3, CTRL)
    assert body.toPlainText() == "### Ice melts fast"
    qtbot.keyClick(body, Qt.Key.Key_0, CTRL)
    assert body.toPlainText() == "Ice melts fast"


def test_ctrl_i_italicises_a_selection(qtbot, body):
    cursor = body.textCursor()
    cursor.setPosition(4)
    cursor.setPosition(14, QTextCursor.MoveMode.KeepAnchor)
    body.setTextCursor(cursor)
    qtbot.keyClick(body, Qt.Key.Key_I, CTRL)
    assert body.toPlainText() == "Ice *melts fast*"


# --- commands on the widget itself -----------------------------------------------------------


def test_a_formatting_command_is_one_undo_step(edit):
    edit.setPlainText("one two")
    place(edit, 1)
    edit.wrap_selection("**")
    assert edit.toPlainText() == "**one** two"
    edit.undo()
    assert edit.toPlainText() == "one two"


def test_a_list_over_several_lines_and_back(edit):
    edit.setPlainText("apples\npears\n\nplums")
    cursor = edit.textCursor()
    cursor.setPosition(0)
    cursor.movePosition(QTextCursor.MoveOperation.End, QTextCursor.MoveMode.KeepAnchor)
    edit.setTextCursor(cursor)
    edit.toggle_list(numbered=True)
    assert edit.toPlainText() == "1. apples\n2. pears\n\n3. plums"
    edit.toggle_list()
    assert edit.toPlainText() == "apples\npears\n\nplums"
    edit.undo()
    assert edit.toPlainText() == "1. apples\n2. pears\n\n3. plums"


def test_quote_and_unquote(edit):
    edit.setPlainText("a line")
    edit.toggle_quote()
    assert edit.toPlainText() == "> a line"
    edit.toggle_quote()
    assert edit.toPlainText() == "a line"


def test_a_link_selects_the_address_to_type_over(qtbot, edit):
    edit.setPlainText("see docs")
    cursor = edit.textCursor()
    cursor.setPosition(4)
    cursor.setPosition(8, QTextCursor.MoveMode.KeepAnchor)
    edit.setTextCursor(cursor)
    edit.insert_link()
    qtbot.keyClicks(edit, "https://example.com")
    assert edit.toPlainText() == "see [docs](https://example.com)"


# --- list continuation -------------------------------------------------------------------------


def test_enter_after_a_bullet_item_starts_the_next_one(qtbot, edit):
    qtbot.keyClicks(edit, "- item")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert edit.toPlainText() == "- item\n- "
    qtbot.keyClicks(edit, "second")
    assert edit.toPlainText() == "- item\n- second"


def test_enter_on_an_empty_item_ends_the_list(qtbot, edit):
    qtbot.keyClicks(edit, "- item")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert edit.toPlainText() == "- item\n"
    qtbot.keyClicks(edit, "After the list.")
    assert edit.toPlainText() == "- item\nAfter the list."


def test_enter_after_a_numbered_item_counts_on(qtbot, edit):
    qtbot.keyClicks(edit, "1. a")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert edit.toPlainText() == "1. a\n2. "
    qtbot.keyClicks(edit, "b")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert edit.toPlainText() == "1. a\n2. b\n3. "


def test_enter_keeps_the_indent_and_the_task_box(qtbot, edit):
    edit.setPlainText("  * [x] done")
    at_end(edit)
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert edit.toPlainText() == "  * [x] done\n  * [ ] "


def test_enter_in_a_quoted_item_keeps_the_quote(qtbot, edit):
    edit.setPlainText("> 1. first")
    at_end(edit)
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert edit.toPlainText() == "> 1. first\n> 2. "


def test_enter_on_an_item_inside_a_code_fence_is_a_plain_newline(qtbot, edit):
    # The grammar the highlighter colours by says these lines are code, not a list.
    edit.setPlainText("````markdown\n```\n- item")
    at_end(edit)
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert edit.toPlainText() == "````markdown\n```\n- item\n"


def test_list_quote_and_heading_commands_read_lines_by_the_grammar(edit):
    edit.setPlainText("> - apples")
    edit.toggle_list()
    assert edit.toPlainText() == "> apples"  # a quoted item is an item
    edit.set_heading(2)
    assert edit.toPlainText() == "> ## apples"  # the heading goes inside the quote
    edit.set_heading(0)
    assert edit.toPlainText() == "> apples"
    edit.setPlainText("#Tight")
    edit.set_heading(1)
    assert edit.toPlainText() == "# Tight"  # #Tight was a heading already


def test_enter_before_the_marker_is_a_plain_newline(qtbot, edit):
    edit.setPlainText("- item")
    place(edit, 0)
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert edit.toPlainText() == "\n- item"


def test_undo_takes_back_a_list_continuation_in_one_step(qtbot, edit):
    qtbot.keyClicks(edit, "- item")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert edit.toPlainText() == "- item\n- "
    edit.undo()
    assert edit.toPlainText() == "- item"


def test_undo_restores_after_typing_and_a_command(qtbot, edit):
    edit.setPlainText("word")
    at_end(edit)
    qtbot.keyClicks(edit, " more")
    edit.set_heading(1)
    assert edit.toPlainText() == "# word more"
    edit.undo()
    assert edit.toPlainText() == "word more"
    edit.undo()
    assert edit.toPlainText() == "word"


# --- word count --------------------------------------------------------------------------------


def test_typing_updates_the_word_count(qtbot, edit):
    seen = []
    edit.statsChanged.connect(lambda words, minutes: seen.append((words, minutes)))
    # Counted after a pause in typing (not on every keystroke), and again after the next.
    qtbot.keyClicks(edit, "**Three**")
    qtbot.waitUntil(lambda: bool(seen) and seen[-1] == (1, 1), timeout=3000)
    qtbot.keyClicks(edit, " little words")
    qtbot.waitUntil(lambda: seen[-1] == (3, 1), timeout=3000)
    assert (2, 1) not in seen  # no count for the half-typed middle


def test_the_status_bar_shows_the_count_of_the_post_in_front(qtbot, window, open_tab):
    tab = open_tab("glaciers-in-retreat.md")
    assert window.stats.text() == "4 words · 1 min read"
    tab.editor.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(tab.editor, "Two more")
    qtbot.waitUntil(lambda: window.stats.text() == "6 words · 1 min read", timeout=3000)


# --- the final line break (issue 13, point 8) -------------------------------------------------


def test_the_final_break_stays_through_typing_and_goes_only_when_deleted(qtbot, edit):
    edit.setPlainText("One.\n")
    at_end(edit)
    qtbot.keyClicks(edit, "Two.")
    assert (edit.toPlainText(), edit.text_to_save()) == ("One.\nTwo.", "One.\nTwo.\n")
    # The last line deleted with the break before it: the break ending the text stays.
    cursor = edit.textCursor()
    cursor.setPosition(len("One."))
    cursor.movePosition(QTextCursor.MoveOperation.End, QTextCursor.MoveMode.KeepAnchor)
    edit.setTextCursor(cursor)
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    assert edit.text_to_save() == "One.\n"
    # Deleted, undone, deleted again.
    edit.setPlainText("One.\n")
    at_end(edit)
    qtbot.keyClick(edit, Qt.Key.Key_Backspace)
    assert edit.text_to_save() == "One."
    qtbot.keyClick(edit, Qt.Key.Key_Z, CTRL)
    assert edit.text_to_save() == "One.\n"
    place(edit, len("One."))
    qtbot.keyClick(edit, Qt.Key.Key_Delete)  # Delete before the break deletes it too
    assert edit.text_to_save() == "One."


def test_a_text_without_a_final_break_gets_none_and_empty_stays_empty(qtbot, edit):
    edit.setPlainText("No break")
    at_end(edit)
    qtbot.keyClicks(edit, " here.")
    assert edit.text_to_save() == "No break here."
    edit.setPlainText("Broken.\n")
    qtbot.keyClick(edit, Qt.Key.Key_A, CTRL)
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    assert edit.text_to_save() == ""
