"""Edit > Undo and Redo act on the text box the writer is in, never on a body out of sight."""

from __future__ import annotations

from PySide6.QtGui import QTextCursor

REFERENCE = "robots-read-the-scans.md"


def _type_in_body(qtbot, editor, text: str) -> None:
    editor.setFocus()
    editor.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(editor, text)


def test_undo_and_redo_act_on_the_focused_title_not_the_body(qtbot, window, open_tab):
    tab = open_tab(REFERENCE)
    title = tab.form.editors["title"].edit
    _type_in_body(qtbot, tab.editor, " more")
    body = tab.editor.toPlainText()
    before = title.text()
    title.setFocus()
    title.end(False)
    qtbot.keyClicks(title, "!")
    assert window.focusWidget() is title and title.text() == before + "!"
    window.actions_by_name["undo"].trigger()
    assert title.text() == before
    assert tab.editor.toPlainText() == body  # the body's change is still there
    window.actions_by_name["redo"].trigger()
    assert title.text() == before + "!" and tab.editor.toPlainText() == body


def test_undo_acts_on_the_body_when_the_editor_has_the_focus(qtbot, window, open_tab):
    tab = open_tab(REFERENCE)
    title = tab.form.editors["title"].edit
    title.setFocus()
    qtbot.keyClicks(title, "!")
    typed = title.text()
    original = tab.editor.toPlainText()
    _type_in_body(qtbot, tab.editor, "x")
    window.actions_by_name["undo"].trigger()
    assert tab.editor.toPlainText() == original and title.text() == typed
    window.actions_by_name["redo"].trigger()
    assert tab.editor.toPlainText() == original + "x"


def test_undo_does_nothing_when_the_focus_is_on_no_text(qtbot, window, open_tab):
    tab = open_tab(REFERENCE)
    _type_in_body(qtbot, tab.editor, "x")
    body = tab.editor.toPlainText()
    tab.preview.setFocus()  # read-only: it has no history of its own
    assert window.focusWidget() is tab.preview
    window.actions_by_name["undo"].trigger()
    assert tab.editor.toPlainText() == body
