"""A post's problem list is as tall as its lines, up to MAX_ROWS, then it scrolls."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from editor.core.schema import Problem
from editor.ui.tab.problem_list import MAX_ROWS, ProblemList

REFERENCE = "robots-read-the-scans.md"


def _problems(n: int) -> list[Problem]:
    return [Problem(Path("p.md"), i + 2, "title", "error", f"Wrong {i}") for i in range(n)]


def _row(listed: ProblemList) -> int:
    return listed.visualItemRect(listed.item(0)).height()


def test_one_problem_takes_one_line(qtbot):
    listed = ProblemList()
    qtbot.addWidget(listed)
    listed.show_problems(_problems(1))
    listed.show()
    assert listed.isVisible()
    assert listed.viewport().height() >= _row(listed)  # the line is whole
    assert listed.height() < 2 * _row(listed)  # and nothing more than it
    assert listed.verticalScrollBar().maximum() == 0


def test_many_problems_stop_growing_and_scroll(qtbot):
    listed = ProblemList()
    qtbot.addWidget(listed)
    listed.show_problems(_problems(3))
    listed.show()
    assert listed.viewport().height() >= 3 * _row(listed)
    assert listed.verticalScrollBar().maximum() == 0
    three = listed.height()
    listed.show_problems(_problems(MAX_ROWS + 6))
    assert listed.height() > three
    assert listed.height() < (MAX_ROWS + 1) * _row(listed)
    assert listed.verticalScrollBar().maximum() > 0  # the rest scrolls into view


def test_no_problem_no_list(qtbot):
    listed = ProblemList()
    qtbot.addWidget(listed)
    listed.show()
    listed.show_problems(_problems(2))
    assert listed.isVisible()
    listed.show_problems([])
    assert listed.isHidden()


def test_a_posts_one_problem_takes_one_line_under_its_editor(qtbot, window, open_tab):
    tab = open_tab(REFERENCE)
    editor_height = tab.editor.height()
    title = tab.form.editors["title"].edit
    title.setFocus()
    qtbot.keyClick(title, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(title, Qt.Key.Key_Delete)  # no title: one problem
    qtbot.waitUntil(lambda: tab.problem_list.count() == 1, timeout=5000)
    listed = tab.problem_list
    assert listed.isVisible()
    assert _row(listed) <= listed.viewport().height() < 2 * _row(listed)
    qtbot.waitUntil(lambda: tab.editor.height() >= editor_height - 2 * _row(listed))
