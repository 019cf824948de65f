"""The main window: the folder listed, posts opened in tabs, the modified marker, the questions
asked before changes are lost, and New Post."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QModelIndex, Qt

from editor.core.session import Choice
from editor.ui.jobs.render_service import RenderService
from editor.ui.shell.main_window import MainWindow


def _proxy_row(window, title: str) -> QModelIndex:
    """The table index (first column) of the row showing `title`."""
    proxy = window.panel.proxy
    for row in range(proxy.rowCount()):
        index = proxy.index(row, 0)
        if index.data() == title:
            return index
    raise AssertionError(f"{title!r} is not listed")


def _double_click(qtbot, window, index: QModelIndex) -> None:
    """A writer's double-click: Qt tells a double-click from a click just before it, so a
    lone `mouseDClick` reaches the table as a single press."""
    table = window.panel.table
    table.scrollTo(index)
    where = table.visualRect(index).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=where)
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=where)


# glaciers-in-retreat.md after " More." is typed at the end of its body line.
SECOND_EDITED = """\
---
title: 'Glaciers in retreat'
date: '2025-11-02'
excerpt: >-
  The ice is going faster than the models said.
author: Other Author
tags:
  - Climate
  - Science
category: Environment
---
Measurements from three valleys. More.
"""


def _modify(qtbot, tab, put_cursor) -> None:
    put_cursor(tab.editor, 0)
    qtbot.keyClicks(tab.editor, " More.")
    assert tab.modified


def test_opening_a_folder_lists_every_post(window, folder, posts, titles):
    model = window.panel.model
    assert model.rowCount() == len(posts)
    assert {model.index(row, 0).data() for row in range(model.rowCount())} == titles
    assert window.panel.proxy.rowCount() == len(posts)
    assert window.statusBar().currentMessage() == f"{len(posts)} posts, 1 with problems"
    assert window.windowTitle() == f"{folder.name} — Post Editor"


def test_double_clicking_a_row_opens_its_post_once(qtbot, window):
    _double_click(qtbot, window, _proxy_row(window, "Glaciers in retreat"))
    assert window.tabs.count() == 1
    tab = window.current_tab()
    assert tab is not None and tab.title == "Glaciers in retreat"
    assert window.tabs.tabText(0) == "Glaciers in retreat"

    window.panel.table.activated.emit(_proxy_row(window, "Spring release notes"))
    assert window.tabs.count() == 2
    assert window.current_tab().title == "Spring release notes"

    _double_click(qtbot, window, _proxy_row(window, "Glaciers in retreat"))
    assert window.tabs.count() == 2
    assert window.current_tab() is tab


def test_the_tab_is_marked_while_modified(qtbot, window, open_tab, folder, put_cursor):
    tab = open_tab("glaciers-in-retreat.md")
    index = window.tabs.indexOf(tab)
    assert window.tabs.tabText(index) == "Glaciers in retreat"
    put_cursor(tab.editor, 0)
    qtbot.keyClicks(tab.editor, " More.")
    assert window.tabs.tabText(index) == "● Glaciers in retreat"
    assert window.windowTitle().startswith("● Glaciers in retreat — ")

    assert window.save_current()
    assert window.tabs.tabText(index) == "Glaciers in retreat"
    assert not window.windowTitle().startswith("●")
    assert (folder / "glaciers-in-retreat.md").read_text() == SECOND_EDITED


def test_closing_a_changed_tab_and_cancelling_keeps_it(
    qtbot, window, open_tab, prompter, folder, put_cursor, posts
):
    tab = open_tab("glaciers-in-retreat.md")
    _modify(qtbot, tab, put_cursor)
    prompter.answer("save_changes", Choice.CANCEL)
    assert not window.close_tab(window.tabs.indexOf(tab))
    assert prompter.kinds() == ["save_changes"]
    assert prompter.asked[0].text == "Glaciers in retreat"
    assert window.document_tabs() == [tab]
    assert tab.editor.toPlainText() == "Measurements from three valleys. More.\n"
    assert (folder / "glaciers-in-retreat.md").read_text() == posts["glaciers-in-retreat.md"]


def test_closing_a_changed_tab_and_discarding_leaves_the_file(
    qtbot, window, open_tab, prompter, folder, put_cursor
):
    path = folder / "glaciers-in-retreat.md"
    before = path.read_bytes()
    tab = open_tab("glaciers-in-retreat.md")
    _modify(qtbot, tab, put_cursor)
    prompter.answer("save_changes", Choice.DISCARD)
    assert window.close_tab(window.tabs.indexOf(tab))
    assert prompter.kinds() == ["save_changes"]
    assert window.tabs.count() == 0
    assert path.read_bytes() == before


def test_closing_a_changed_tab_and_saving_writes_it(
    qtbot, window, open_tab, prompter, folder, put_cursor
):
    tab = open_tab("glaciers-in-retreat.md")
    _modify(qtbot, tab, put_cursor)
    prompter.answer("save_changes", Choice.SAVE)
    assert window.close_tab(window.tabs.indexOf(tab))
    assert window.tabs.count() == 0
    assert (folder / "glaciers-in-retreat.md").read_text() == SECOND_EDITED


def test_closing_an_unchanged_tab_asks_nothing(window, open_tab, prompter):
    tab = open_tab("glaciers-in-retreat.md")
    assert window.close_tab(window.tabs.indexOf(tab))
    assert prompter.asked == []


def test_quitting_with_changes_asks_first(
    qtbot, window, open_tab, prompter, folder, put_cursor, posts
):
    tab = open_tab("glaciers-in-retreat.md")
    _modify(qtbot, tab, put_cursor)
    prompter.answer("save_changes", Choice.CANCEL)
    assert not window.close()
    assert prompter.kinds() == ["save_changes"]
    assert window.isVisible()
    assert window.document_tabs() == [tab]

    prompter.answer("save_changes", Choice.DISCARD)
    assert window.close()
    assert prompter.kinds() == ["save_changes", "save_changes"]
    assert not window.isVisible()
    assert (folder / "glaciers-in-retreat.md").read_text() == posts["glaciers-in-retreat.md"]


def test_new_post_opens_unsaved_and_saving_writes_and_lists_it(window, prompter, folder, posts):
    prompter.answer("ask_text", "My New Post")
    tab = window.new_post()
    path = folder / "my-new-post.md"
    assert not path.exists()  # nothing is written until the first save
    assert tab is not None and window.current_tab() is tab
    assert tab.post.path == path
    assert tab.title == "My New Post"
    assert tab.form.editors["title"].edit.text() == "My New Post"
    assert not tab.modified
    assert window.panel.model.rowCount() == len(posts)
    assert window.save_current()
    # Shaped like the folder's newest posts: their quoting, their keys.
    assert path.read_text().startswith("---\ntitle: 'My New Post'\ndate: '")
    listed = {str(e.path): e for e in window.panel.model.entries}
    assert listed["my-new-post.md"].title == "My New Post"
    assert listed["my-new-post.md"].date == dt.date.today()
    assert window.panel.model.rowCount() == len(posts) + 1


def test_a_new_post_closed_untouched_leaves_no_file(window, prompter, folder):
    before = sorted(p.relative_to(folder) for p in folder.rglob("*"))
    prompter.answer("ask_text", "Never saved")
    assert window.new_post() is not None
    window.close_current()
    assert window.tabs.count() == 0
    assert "save_changes" not in prompter.kinds()
    assert sorted(p.relative_to(folder) for p in folder.rglob("*")) == before


def test_new_post_cancelled_writes_nothing(window, prompter, folder):
    before = sorted(p.relative_to(folder) for p in folder.rglob("*"))
    prompter.answer("ask_text", None)
    assert window.new_post() is None
    assert sorted(p.relative_to(folder) for p in folder.rglob("*")) == before
    assert window.tabs.count() == 0


def test_new_post_with_a_taken_name_gets_a_free_one(window, prompter, folder, posts):
    prompter.answer("ask_text", "Glaciers in retreat")
    tab = window.new_post()
    assert tab is not None
    assert tab.post.path != folder / "glaciers-in-retreat.md"
    assert window.save_current()
    assert (folder / "glaciers-in-retreat.md").read_text() == posts["glaciers-in-retreat.md"]
    assert window.panel.model.rowCount() == len(posts) + 1


def test_saving_refreshes_the_row_in_the_panel(qtbot, window, open_tab):
    tab = open_tab("glaciers-in-retreat.md")
    title = tab.form.editors["title"].edit
    qtbot.keyClick(title, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(title, "Glaciers now")
    assert window.save_current()
    assert "Glaciers now" in {e.title for e in window.panel.model.entries}
    assert _proxy_row(window, "Glaciers now").isValid()


def test_opening_a_post_path_opens_its_folder_and_the_post(qtbot, settings, prompter, folder):
    win = MainWindow(settings, RenderService(use_process=False), prompter)
    qtbot.addWidget(win)
    with qtbot.waitSignal(win.folderLoaded, timeout=10_000):
        win.open_path(folder / "glaciers-in-retreat.md")
    assert win.current_tab() is not None
    assert win.current_tab().post.path == folder / "glaciers-in-retreat.md"
    assert win.recent_folders() == [str(folder.resolve())]


def test_typing_back_to_the_saved_text_clears_the_marker(qtbot, window, open_tab, put_cursor):
    tab = open_tab("glaciers-in-retreat.md")
    index = window.tabs.indexOf(tab)
    title = tab.form.editors["title"].edit
    title.setFocus()
    title.end(False)
    qtbot.keyClicks(title, "!")
    assert window.tabs.tabText(index) == "● Glaciers in retreat!"
    qtbot.keyClick(title, Qt.Key.Key_Backspace)
    assert window.tabs.tabText(index) == "Glaciers in retreat"
    put_cursor(tab.editor, 0)
    tab.editor.setFocus()  # Undo acts on the text box the writer is in
    qtbot.keyClicks(tab.editor, "?")
    assert window.tabs.tabText(index) == "● Glaciers in retreat"
    window.actions_by_name["undo"].trigger()
    assert window.tabs.tabText(index) == "Glaciers in retreat"
    assert not tab.modified


def test_a_refused_save_while_closing_keeps_the_tab(
    qtbot, window, open_tab, prompter, folder, put_cursor
):
    path = folder / "glaciers-in-retreat.md"
    tab = open_tab("glaciers-in-retreat.md")
    _modify(qtbot, tab, put_cursor)
    path.write_bytes(b"---\ntitle: 'Theirs'\ndate: '2025-11-02'\n---\nTheirs.\n")
    prompter.answer("save_changes", Choice.SAVE)
    prompter.answer("confirm", False)  # "Changed on disk": do not overwrite
    assert not window.close_tab(window.tabs.indexOf(tab))
    assert prompter.kinds() == ["save_changes", "confirm"]
    assert window.document_tabs() == [tab]
    assert path.read_bytes() == b"---\ntitle: 'Theirs'\ndate: '2025-11-02'\n---\nTheirs.\n"


def test_view_toggles_hold_for_posts_opened_later(window, open_tab):
    first = open_tab("glaciers-in-retreat.md")
    window.actions_by_name["toggle_preview"].trigger()
    window.actions_by_name["toggle_form"].trigger()
    assert first.preview.isHidden()
    assert first.form_area.isHidden()
    later = open_tab("written-on-windows.md")
    assert not window.actions_by_name["toggle_preview"].isChecked()
    assert later.preview.isHidden(), "View > Preview is off, yet the new post shows one"
    assert later.form_area.isHidden(), "View > Front Matter is off, yet the new post shows it"


def test_switching_tabs_shows_that_posts_title_and_word_count(window, open_tab, folder):
    first = open_tab("glaciers-in-retreat.md")
    open_tab("written-on-windows.md")
    assert window.windowTitle() == f"Written on Windows — {folder.name} — Post Editor"
    assert window.stats.text() == "10 words · 1 min read"
    window.tabs.setCurrentWidget(first)
    assert window.windowTitle() == f"Glaciers in retreat — {folder.name} — Post Editor"
    assert window.stats.text() == "4 words · 1 min read"
    window.close_current()
    window.close_current()
    assert window.stats.text() == ""
    assert window.windowTitle() == f"{folder.name} — Post Editor"


def test_opened_folders_are_listed_under_recent_folders(qtbot, window, make_folder, folder):
    other = make_folder({"a.md": "---\ntitle: 'A'\ndate: '2026-01-01'\n---\nA.\n"})
    with qtbot.waitSignal(window.folderLoaded, timeout=10_000):
        window.open_folder(other)
    assert window.panel.model.rowCount() == 1
    assert [a.text() for a in window.recent_menu.actions()] == [
        str(other.resolve()),
        str(folder.resolve()),
    ]
    with qtbot.waitSignal(window.folderLoaded, timeout=10_000):
        window.recent_menu.actions()[1].trigger()
    assert window.folder.root == folder.resolve()
    assert window.panel.model.rowCount() > 1


def test_a_saved_new_tag_and_category_reach_other_tabs_and_the_quick_filters(
    qtbot, window, open_tab
):
    glaciers = open_tab("glaciers-in-retreat.md")
    robots = open_tab("robots-read-the-scans.md")
    tags = robots.form.editors["tags"]
    tags.edit.setFocus()
    qtbot.keyClicks(tags.edit, "Robotics")
    qtbot.keyClick(tags.edit, Qt.Key.Key_Return)
    category = robots.form.editors["category"].combo.lineEdit()
    category.setFocus()
    category.selectAll()
    qtbot.keyClicks(category, "Medicine")
    assert window.save_current()

    quick = [window.panel.quick.itemText(i) for i in range(window.panel.quick.count())]
    assert "Tag: Robotics (1)" in quick
    assert "Category: Medicine (1)" in quick
    window.panel.quick.setCurrentIndex(quick.index("Tag: Robotics (1)"))
    assert [e.title for e in window.panel.visible_entries()] == ["Robots read the ’scans’ first"]

    # The other tab offers both at once, and still shows (and holds) its own values.
    window.tabs.setCurrentWidget(glaciers)
    combo = glaciers.form.editors["category"].combo
    assert "Medicine" in [combo.itemText(i) for i in range(combo.count())]
    assert combo.currentText() == "Environment"
    assert not glaciers.modified
    other = glaciers.form.editors["tags"]
    other.edit.setFocus()
    qtbot.keyClicks(other.edit, "robo")
    completer = other.completer
    qtbot.waitUntil(lambda: completer.popup().isVisible(), timeout=3000)
    assert completer.completionModel().index(0, 0).data() == "Robotics"
    qtbot.keyClick(completer.popup(), Qt.Key.Key_Down)
    qtbot.keyClick(completer.popup(), Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: other.tokens.chip_texts() == ["Climate", "Science", "Robotics"], timeout=3000
    )
    assert glaciers.post.values["category"] == "Environment"


def test_the_window_title_is_post_folder_app_with_a_dot_while_unsaved(
    qtbot, window, open_tab, folder, settings, prompter
):
    tab = open_tab("glaciers-in-retreat.md")
    assert window.windowTitle() == f"Glaciers in retreat — {folder.name} — Post Editor"
    title = tab.form.editors["title"].edit
    title.setFocus()
    title.end(False)
    qtbot.keyClicks(title, " fast")
    assert window.windowTitle() == f"● Glaciers in retreat fast — {folder.name} — Post Editor"
    empty = MainWindow(settings, RenderService(use_process=False), prompter)
    qtbot.addWidget(empty)
    assert empty.windowTitle() == "Post Editor"
