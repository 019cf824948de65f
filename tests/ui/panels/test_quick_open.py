"""Quick open (Ctrl+P) in the real window over a real folder: typing finds a post by title,
path, tag or date; Up/Down move, Enter opens it in a tab, Esc closes the box."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from editor.ui.shell.main_window import MainWindow

POSTS = {
    "posts/hello-world.md": "---\ntitle: Hello world\ndate: 2024-03-05\ntags: [hi]\n---\nHi.\n",
    "posts/shell-tricks.md": "---\ntitle: Shell tricks\ndate: 2023-06-01\ntags: [unix]\n---\nls.\n",
    "posts/notes/weekly.md": "---\ntitle: Weekly notes\ndate: 2025-12-24\ntags: [diary]\n---\nA.\n",
}


@pytest.fixture
def folder(make_folder) -> Path:
    return make_folder(POSTS)


def _start(window: MainWindow, qtbot):
    window.actions_by_name["quick_open"].trigger()
    box = window.folder_tools.quick_open
    qtbot.waitUntil(box.isVisible)
    return box


def _shown(box) -> list[str]:
    return [box.list.item(row).text().split("    ")[0] for row in range(box.list.count())]


def test_the_action_is_in_the_file_menu_with_ctrl_p(window: MainWindow) -> None:
    action = window.actions_by_name["quick_open"]
    assert action.shortcut().toString() == "Ctrl+P"
    file_menu = window.menuBar().actions()[0].menu()
    assert action in file_menu.actions()


@pytest.mark.parametrize(
    ("typed", "title"),
    [("helo", "Hello world"), ("shell-tr", "Shell tricks"), ("diary", "Weekly notes"),
     ("2023-06", "Shell tricks"), ("notes/week", "Weekly notes")],
)  # fmt: skip
def test_typing_finds_by_title_path_tag_or_date(window, qtbot, typed: str, title: str) -> None:
    box = _start(window, qtbot)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is box.box, timeout=2000)
    qtbot.keyClicks(box.box, typed)
    assert _shown(box)[0] == title


def test_enter_opens_the_chosen_post_in_a_tab(window, qtbot) -> None:
    box = _start(window, qtbot)
    assert len(_shown(box)) == 3  # empty: every post, the newest first
    assert _shown(box)[0] == "Weekly notes"
    qtbot.keyClicks(box.box, "e")
    qtbot.keyClick(box.box, Qt.Key.Key_Down)
    chosen = _shown(box)[1]
    qtbot.keyClick(box.box, Qt.Key.Key_Return)
    assert not box.isVisible()
    tab = window.current_tab()
    assert tab is not None and tab.title == chosen


def test_a_post_opened_is_listed_first_next_time(window, qtbot) -> None:
    box = _start(window, qtbot)
    qtbot.keyClicks(box.box, "shell")
    qtbot.keyClick(box.box, Qt.Key.Key_Return)
    box = _start(window, qtbot)
    assert _shown(box)[0] == "Shell tricks"


def test_escape_closes_the_box_and_opens_nothing(window, qtbot) -> None:
    box = _start(window, qtbot)
    qtbot.keyClicks(box.box, "hello")
    qtbot.keyClick(box.box, Qt.Key.Key_Escape)
    assert not box.isVisible()
    assert window.current_tab() is None


def test_nothing_found_says_so(window, qtbot) -> None:
    box = _start(window, qtbot)
    qtbot.keyClicks(box.box, "zzzz")
    assert box.list.count() == 0
    assert box.count.isVisibleTo(box) and "No post matches" in box.count.text()
