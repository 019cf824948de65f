"""The start page: what the tab area shows while no post is open, on the real window."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QFileDialog, QLabel

from editor.ui.jobs.render_service import RenderService
from editor.ui.shell.main_window import MainWindow
from editor.ui.shell.start_page import SHORTCUTS

# The sample folder's dated posts, newest first (the page lists five).
NEWEST = [
    "Half-written thoughts on compilers",  # 2026-02-10
    "Robots read the ’scans’ first",  # 2026-01-24
    "Glaciers in retreat",  # 2025-11-02
    "Written on Windows",  # 2025-06-30
    "Spring release notes",  # 2019-03-04
]


def _listed(window) -> list[str]:
    return [b.text().split("    ")[0] for b in window.tabs.start.recent_buttons]


def test_with_no_post_open_the_page_fills_the_tab_area(window, folder):
    start = window.tabs.start
    assert window.tabs.count() == 0
    assert start.isVisible()
    assert start.size() == window.tabs.size()  # no blank grey left beside it
    assert start.heading.text() == folder.name


def test_it_lists_the_five_newest_posts_newest_first(window, prompter):
    # The broken post's date cannot be read: the five the index dates are the newest.
    assert _listed(window) == NEWEST
    assert window.tabs.start.recent_buttons[4].text().endswith("2019-03-04")  # day, no clock
    assert all(b.isVisible() for b in window.tabs.start.recent_buttons)


def test_clicking_a_post_opens_it_hides_the_page_and_closing_shows_it(qtbot, window):
    start = window.tabs.start
    qtbot.mouseClick(start.recent_buttons[2], Qt.MouseButton.LeftButton)
    assert window.tabs.count() == 1
    assert window.current_tab().title == "Glaciers in retreat"
    assert not start.isVisible()
    window.close_current()
    assert window.tabs.count() == 0
    assert start.isVisible()


def test_the_page_follows_new_posts_once_saved(qtbot, window, prompter):
    prompter.answer("ask_text", "Today's news")
    qtbot.mouseClick(window.tabs.start.new_button, Qt.MouseButton.LeftButton)
    tab = window.current_tab()
    assert tab is not None and tab.title == "Today's news"  # New Post ran
    assert not window.tabs.start.isVisible()
    assert window.save_current()
    window.close_current()
    assert window.tabs.start.isVisible()
    assert _listed(window) == ["Today's news", *NEWEST[:4]]


def test_open_folder_button_triggers_the_action(qtbot, window, monkeypatch):
    asked: list[str] = []
    monkeypatch.setattr(
        QFileDialog, "getExistingDirectory", lambda *args: asked.append(args[1]) or ""
    )
    with qtbot.waitSignal(window.actions_by_name["open_folder"].triggered, timeout=1000):
        qtbot.mouseClick(window.tabs.start.open_button, Qt.MouseButton.LeftButton)
    assert asked == ["Open a content folder"]


def test_the_shortcuts_listed_are_the_actions_own(window):
    start = window.tabs.start
    for name in SHORTCUTS:
        keys = window.actions_by_name[name].shortcut()
        if keys.isEmpty():
            continue
        label = start.findChild(QLabel, f"shortcut_{name}")
        assert label is not None, name
        assert label.text() == keys.toString(QKeySequence.SequenceFormat.NativeText)


def test_before_a_folder_is_open_it_offers_to_open_one(qtbot, settings, prompter):
    window = MainWindow(settings, RenderService(use_process=False), prompter)
    qtbot.addWidget(window)
    window.show()
    start = window.tabs.start
    assert start.isVisible()
    assert start.heading.text() == "No folder open"
    assert start.open_button.isEnabled() and not start.new_button.isEnabled()
    assert start.recent_buttons == [] and not start.recent_label.isVisible()
