"""The action table: every key and every menu mnemonic leads to one action only."""

from __future__ import annotations

import re
from collections import Counter

from PySide6.QtGui import QKeySequence, QTextCursor

from editor.ui.shell.actions import ACTIONS


def _keys(spec) -> list[str]:
    if isinstance(spec.shortcut, QKeySequence.StandardKey):
        return [key.toString() for key in QKeySequence.keyBindings(spec.shortcut)]
    return [QKeySequence(spec.shortcut).toString()] if spec.shortcut else []


def test_no_two_actions_share_a_shortcut(qapp):
    keys = Counter(key for spec in ACTIONS for key in _keys(spec))
    assert [key for key, n in keys.items() if n > 1] == []


def test_an_action_answers_every_key_the_platform_has_for_it(window):
    close = window.actions_by_name["close_tab"]
    expected = QKeySequence.keyBindings(QKeySequence.StandardKey.Close)
    assert len(expected) > 1 and close.shortcuts() == expected


def test_no_two_entries_of_a_menu_share_a_mnemonic():
    by_menu: dict[str, Counter[str]] = {}
    for spec in ACTIONS:
        mark = re.search(r"&([^&])", spec.text)
        if mark:
            by_menu.setdefault(spec.menu, Counter())[mark[1].lower()] += 1
    clashes = {menu: [k for k, n in marks.items() if n > 1] for menu, marks in by_menu.items()}
    assert {menu: keys for menu, keys in clashes.items() if keys} == {}


def test_format_actions_reach_the_current_posts_editor(window, open_tab, put_cursor):
    tab = open_tab("glaciers-in-retreat.md")
    editor = tab.editor
    put_cursor(editor, 0, at_end=False)
    editor.moveCursor(QTextCursor.MoveOperation.EndOfWord, QTextCursor.MoveMode.KeepAnchor)
    window.actions_by_name["bold"].trigger()
    assert editor.toPlainText().startswith("**Measurements** from three valleys.")
    window.actions_by_name["heading2"].trigger()
    assert editor.toPlainText().startswith("## **Measurements**")
    window.actions_by_name["numbers"].trigger()
    assert editor.toPlainText().startswith("1. ## **Measurements**")
    for _ in range(3):
        window.actions_by_name["undo"].trigger()
    assert editor.toPlainText() == "Measurements from three valleys.\n"


def test_edit_actions_reach_the_current_tab_and_the_folder_list(window, open_tab):
    window.actions_by_name["find"].trigger()  # no post open: nothing to do, nothing breaks
    tab = open_tab("glaciers-in-retreat.md")
    window.actions_by_name["find"].trigger()
    assert not tab.find_bar.isHidden() and tab.find_bar.replace_edit.isHidden()
    window.panel.filter_box.setText("ice")
    window.actions_by_name["filter_posts"].trigger()
    assert window.focusWidget() is window.panel.filter_box
    assert window.panel.filter_box.selectedText() == "ice"
