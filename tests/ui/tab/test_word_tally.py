"""Tests for editor/ui/tab/word_tally.py: the tally always agrees with counting the whole text,
through typing, pasting, deleting, undo, and changes made while a long text is counted."""

from __future__ import annotations

import random

from PySide6.QtGui import QTextCursor, QTextDocument

from editor.core.document.markdown_lines import word_count
from editor.ui.tab import word_tally
from editor.ui.tab.word_tally import WordTally

PIECES = ["word", " ", "\n", "two words", "\n\n", "**bold** `code`", "x\ny\nz", "- item\n", "’s"]


def _edit(document: QTextDocument, rng: random.Random) -> None:
    """One random change: an insertion, a deletion or a replacement, anywhere."""
    cursor = QTextCursor(document)
    end = document.characterCount() - 1
    start = rng.randint(0, end)
    cursor.setPosition(start)
    if rng.random() < 0.4 and start < end:
        stop = rng.randint(start, min(end, start + 40))
        cursor.setPosition(stop, QTextCursor.MoveMode.KeepAnchor)
    if rng.random() < 0.3:
        cursor.removeSelectedText()
    else:
        cursor.insertText("".join(rng.choices(PIECES, k=rng.randint(1, 4))))


def test_the_tally_follows_every_change(qtbot):
    document = QTextDocument()
    document.documentLayout()  # Qt says contentsChange only to a document that is laid out
    document.setPlainText("A start\n\nwith *two* paragraphs.\n")
    tally = WordTally(document)
    rng = random.Random(14)
    for step in range(400):
        if step % 25 == 24:
            document.undo()
        else:
            _edit(document, rng)
        assert tally.words == word_count(document.toPlainText()), step


def test_a_long_text_is_counted_on_a_worker_and_changes_meanwhile_are_kept(qtbot, monkeypatch):
    monkeypatch.setattr(word_tally, "COUNT_IN_BACKGROUND", 100)
    text = "one two three\n" * 500
    document = QTextDocument()
    document.documentLayout()  # Qt says contentsChange only to a document that is laid out
    document.setPlainText(text)
    tally = WordTally(document)
    rng = random.Random(3)
    with qtbot.waitSignal(tally.counted, timeout=5000):
        tally.reset(text)
        assert tally.words is None  # on its way
        for _ in range(30):
            _edit(document, rng)
    assert tally.words == word_count(document.toPlainText())


def test_a_change_too_large_to_follow_is_counted_afresh(qtbot, monkeypatch):
    monkeypatch.setattr(word_tally, "FOLLOW_LINES", 10)
    document = QTextDocument()
    document.documentLayout()  # Qt says contentsChange only to a document that is laid out
    tally = WordTally(document)
    QTextCursor(document).insertText("a b\n" * 50)  # one paste of 50 lines
    words = tally.words
    if words is None:
        with qtbot.waitSignal(tally.counted, timeout=5000):
            pass
        words = tally.words
    assert words == 100
