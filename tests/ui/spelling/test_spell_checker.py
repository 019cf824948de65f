"""Tests for editor/ui/spelling/spell_checker.py and the highlighter's marks: real widgets, real
words.

The window-level behaviour (tabs, menus, the language setting) is in test_spelling_ui.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit

from editor.ui.spelling.spell_checker import LineSpelling, SpellCheck, TextSpelling, utf16_slice
from editor.ui.tab import highlighter
from editor.ui.tab.markdown_edit import MarkdownEdit
from tests.ui.marks import WAVY, underlined


@pytest.fixture
def check(qtbot, tmp_path: Path) -> SpellCheck:
    """A SpellCheck with its English words loaded and a personal dictionary of its own."""
    spell = SpellCheck(tmp_path / "dictionary.txt")
    with qtbot.waitSignal(spell.changed, timeout=10_000):
        spell.want()
    return spell


def test_nothing_loads_until_a_text_wants_checking(qtbot):
    spell = SpellCheck()
    spell.configure("fr", True)
    assert spell.speller is None  # the window starts without the word list
    with qtbot.waitSignal(spell.changed, timeout=10_000):
        spell.want()
    assert spell.speller is not None and spell.speller.language == "fr"


def checked_line(qtbot, check: SpellCheck, text: str) -> tuple[QLineEdit, LineSpelling]:
    """A title line on screen holding `text`, checked by `check`."""
    line = QLineEdit(text)
    qtbot.addWidget(line)
    line.resize(300, 30)
    line.show()
    return line, LineSpelling(line, check)


def test_a_title_line_is_drawn_with_an_underline_under_its_misspelled_word(qtbot, check):
    line, spelling = checked_line(qtbot, check, "I recieve mail")
    assert spelling.marks == [(2, 7)]
    marked = line.grab().toImage()
    check.ignore("recieve")
    assert spelling.marks == []
    # The same text, unmarked, draws differently: the underline was painted.
    assert line.grab().toImage() != marked
    line.setText("A smple line")  # typing marks again
    assert spelling.marks == [(2, 5)]


def test_marks_count_in_utf16_units_as_qt_does():
    # An emoji before the word is two units in Qt, one character in Python.
    text = "😀 recieve"
    assert utf16_slice(text, 3, 7) == "recieve"


def test_a_title_correction_is_one_undo_step_and_an_edit(qtbot, check):
    line, spelling = checked_line(qtbot, check, "😀 recieve mail")
    edits: list[str] = []
    line.textEdited.connect(edits.append)
    middle = QPoint(0, line.height() // 2)
    while line.cursorPositionAt(middle) < 6:
        middle.setX(middle.x() + 1)
    menu = spelling.menu(middle)
    assert menu.actions()[0].text() == "receive"
    menu.actions()[0].trigger()
    assert line.text() == edits[-1] == "😀 receive mail"
    line.undo()
    assert line.text() == "😀 recieve mail"


def test_an_excerpt_is_marked_and_corrected_without_an_edit_before_the_writer_acts(qtbot, check):
    edit = QPlainTextEdit("An excrept with words.")
    qtbot.addWidget(edit)
    changes: list[str] = []
    edit.textChanged.connect(lambda: changes.append(edit.toPlainText()))
    spelling = TextSpelling(edit, check)
    QApplication.processEvents()  # Qt's own delayed rehighlight would come here
    assert underlined(edit) == ["excrept"]
    assert changes == []  # marking is no edit
    cursor = edit.document().find("excrept")
    edit.setTextCursor(cursor)
    menu = spelling.menu(edit.cursorRect().center())
    assert "excerpt" in [a.text() for a in menu.actions()[:6]]


def test_add_writes_the_personal_dictionary_and_a_second_window_reads_it(qtbot, check):
    check.add("zorblax")
    assert check.personal is not None
    assert check.personal.read_text(encoding="utf-8") == "zorblax\n"
    other = SpellCheck(check.personal)
    with qtbot.waitSignal(other.changed, timeout=10_000):
        other.want()
    assert other.speller.knows("zorblax")


def test_an_unreadable_personal_dictionary_is_said_and_checking_goes_on(qtbot, tmp_path):
    folder = tmp_path / "dictionary.txt"
    folder.mkdir()  # a folder where the file should be
    spell = SpellCheck(folder)
    with qtbot.waitSignal(spell.failed, timeout=10_000) as failed:
        spell.want()
    assert "could not read the dictionary" in failed.args[0]
    assert spell.speller is not None and not spell.speller.knows("zorblax")


def test_ignored_words_stay_ignored_in_another_language(qtbot, check):
    check.ignore("zorblax")
    check.configure("fr", True)
    with qtbot.waitSignal(check.changed, timeout=10_000):
        pass
    assert check.speller.language == "fr" and check.speller.knows("zorblax")


def test_a_long_text_is_checked_a_slice_at_a_time_until_every_line_is(qtbot, check, monkeypatch):
    # No time at all for checking: each turn of the event loop checks one line only.
    monkeypatch.setattr(highlighter, "SPELL_SLICE_S", 0.0)
    editor = MarkdownEdit()
    qtbot.addWidget(editor)
    editor.highlighter.set_spelling(check)
    with qtbot.waitSignal(editor.highlighter.spellingDone, timeout=10_000):
        pass
    lines = [f"Line {n} has a sentance." for n in range(30)]
    with qtbot.waitSignal(editor.highlighter.spellingDone, timeout=10_000):
        editor.setPlainText("\n".join(lines))
        assert underlined(editor) == ["sentance"]  # the first line now, the rest later
    assert underlined(editor) == ["sentance"] * 30


def test_lines_waiting_for_their_check_keep_their_marks_meanwhile(qtbot, check, monkeypatch):
    editor = MarkdownEdit()
    qtbot.addWidget(editor)
    editor.setPlainText("\n".join(f"Line {n} has a sentance." for n in range(30)))
    with qtbot.waitSignal(editor.highlighter.spellingDone, timeout=10_000):
        editor.highlighter.set_spelling(check)
    monkeypatch.setattr(highlighter, "SPELL_SLICE_S", 0.0)
    with qtbot.waitSignal(editor.highlighter.spellingDone, timeout=10_000):
        editor.highlighter.set_dark(True)  # every line coloured again, at once
        assert editor.highlighter.checking  # most lines wait for their check...
        assert underlined(editor) == ["sentance"] * 30  # ...with their marks kept
    assert underlined(editor) == ["sentance"] * 30


def test_a_recheck_marks_the_lines_on_screen_first(qtbot, check, monkeypatch):
    monkeypatch.setattr(highlighter, "SPELL_SLICE_S", 0.0)  # the pass: a line a turn
    editor = MarkdownEdit()
    qtbot.addWidget(editor)
    editor.resize(400, 300)
    editor.show()
    editor.setPlainText("\n".join(f"Line {n} has a sentance." for n in range(2000)))
    editor.verticalScrollBar().setValue(1000)  # the middle of the text on screen
    on_screen = editor.visible_blocks()
    assert 0 < len(on_screen) < 100 and on_screen[0].blockNumber() >= 900
    editor.highlighter.set_spelling(check)  # no turn of the event loop yet
    marked = [b.blockNumber() for b in on_screen if underlined_in(b)]
    assert marked == [b.blockNumber() for b in on_screen]
    assert not underlined_in(editor.document().findBlockByNumber(1999))  # the pass is to come


def underlined_in(block) -> bool:
    return any(part.format.underlineStyle() == WAVY for part in block.layout().formats())
