"""Editing one field of many posts from the real window over a real folder: select posts in
the list, Edit > Edit Selected Posts, preview the files and their diffs, Apply, and one Undo
that puts back every file's bytes; a read-only file is named and left as it is."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel

from editor.ui.jobs.render_service import RenderService
from editor.ui.shell.main_window import MainWindow
from tests.users import as_nobody, give_to_nobody, open_folder

POSTS = {
    f"posts/p{n}.md": f"---\ntitle: Post {n}\ndate: 2024-01-0{n}\ntags: [old]\n---\nBody {n}.\n"
    for n in range(1, 6)
}


@pytest.fixture
def folder(make_folder) -> Path:
    return make_folder(POSTS)


def _select(window: MainWindow, names: list[str]) -> None:
    panel = window.panel
    chosen = window.panel.table.selectionModel()
    chosen.clearSelection()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for row in range(panel.proxy.rowCount()):
        entry = panel.visible_entries()[row]
        if entry.path.name in names:
            chosen.select(panel.proxy.index(row, 0), flags)


def _dialog(window: MainWindow, qtbot):
    window.actions_by_name["edit_selected"].trigger()
    dialog = window.folder_tools.dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def _preview(dialog, qtbot) -> None:
    """Preview, and wait for the plan worked out off the UI thread."""
    dialog.preview_button.click()
    qtbot.waitUntil(lambda: dialog.preview_button.isEnabled(), timeout=10_000)


def _changed_lines(diff: str) -> list[str]:
    return [
        line
        for line in diff.splitlines()
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]


def test_add_a_tag_to_three_of_five_posts_then_undo(window, qtbot, folder: Path) -> None:
    before = {name: (folder / name).read_bytes() for name in POSTS}
    _select(window, ["p1.md", "p3.md", "p4.md"])
    assert len(window.panel.selected_entries()) == 3
    dialog = _dialog(window, qtbot)
    assert dialog.windowTitle() == "Edit 3 Posts"
    assert not dialog.apply_button.isEnabled()  # nothing previewed yet
    dialog.choose("tags", "add", "new")
    _preview(dialog, qtbot)
    shown = [dialog.files.item(row).text() for row in range(dialog.files.count())]
    assert sorted(shown) == ["posts/p1.md", "posts/p3.md", "posts/p4.md"]
    assert _changed_lines(dialog.diff.toPlainText()) == [
        "-tags: [old]", "+tags: [old, new]",
    ] * 3  # fmt: skip
    assert dialog.apply_button.isEnabled()
    with qtbot.waitSignal(window.folderRefreshed, timeout=10_000):
        dialog.apply_button.click()
    for name, data in before.items():
        now = (folder / name).read_bytes()
        if name.split("/")[1] in ("p1.md", "p3.md", "p4.md"):
            assert now == data.replace(b"tags: [old]", b"tags: [old, new]")
        else:
            assert now == data
    tags = {e.path.name: e.tags for e in window.folder.entries}
    assert tags["p3.md"] == ("old", "new") and tags["p2.md"] == ("old",)  # the index follows
    undo = window.actions_by_name["undo_edit_posts"]
    assert undo.isEnabled() and undo.text().replace("&", "") == "Undo Edit of 3 Posts"
    with qtbot.waitSignal(window.folderRefreshed, timeout=10_000):
        undo.trigger()
    assert {name: (folder / name).read_bytes() for name in POSTS} == before
    assert not undo.isEnabled()


def test_an_open_post_shows_the_new_text_and_one_with_unsaved_changes_is_left_out(
    window, qtbot, open_tab, folder: Path
) -> None:
    clean, dirty = open_tab("posts/p1.md"), open_tab("posts/p2.md")
    dirty.editor.appendPlainText("unsaved")
    assert dirty.modified
    _select(window, ["p1.md", "p2.md"])
    dialog = _dialog(window, qtbot)
    dialog.choose("tags", "add", "new")
    _preview(dialog, qtbot)
    assert [dialog.files.item(r).text() for r in range(dialog.files.count())] == ["posts/p1.md"]
    assert "posts/p2.md: open with unsaved changes" in dialog.summary.text()
    with qtbot.waitSignal(window.folderRefreshed, timeout=10_000):
        dialog.apply_button.click()
    assert "tags: [old, new]" in clean.current_post().text
    assert b"new" not in (folder / "posts/p2.md").read_bytes()
    assert "unsaved" in dirty.editor.toPlainText()


def test_a_post_given_unsaved_edits_after_the_preview_is_left_out_of_apply(
    window, qtbot, open_tab, folder: Path
) -> None:
    _select(window, ["p1.md", "p2.md"])
    dialog = _dialog(window, qtbot)
    dialog.choose("tags", "add", "new")
    _preview(dialog, qtbot)
    assert dialog.files.count() == 2  # both planned while neither was being edited
    tab = open_tab("posts/p2.md")
    tab.editor.appendPlainText("typed after the preview")
    with qtbot.waitSignal(window.folderRefreshed, timeout=10_000):
        dialog.apply_button.click()
    assert b"tags: [old, new]" in (folder / "posts/p1.md").read_bytes()
    assert (folder / "posts/p2.md").read_text() == POSTS["posts/p2.md"]
    assert "typed after the preview" in tab.editor.toPlainText()


def test_changing_a_choice_after_the_preview_asks_for_a_new_one(window, qtbot) -> None:
    _select(window, ["p1.md"])
    dialog = _dialog(window, qtbot)
    dialog.choose("tags", "add", "new")
    _preview(dialog, qtbot)
    assert dialog.apply_button.isEnabled()
    dialog.value.setText("other")
    assert not dialog.apply_button.isEnabled() and dialog.files.count() == 0


def test_a_read_only_file_gets_a_message_and_the_others_are_written(
    qtbot, settings, prompter, recovery, dictionary
) -> None:
    with open_folder() as root:
        for rel, text in POSTS.items():
            (root / rel).parent.mkdir(parents=True, exist_ok=True)
            (root / rel).write_text(text)
        (root / "posts").chmod(0o777)
        give_to_nobody(*(root / "posts").iterdir())
        (root / "posts/p2.md").chmod(0o444)
        win = MainWindow(settings, RenderService(use_process=False), prompter, recovery, dictionary)
        qtbot.addWidget(win, before_close_func=lambda _: setattr(prompter, "unattended", True))
        win.show()
        with qtbot.waitSignal(win.folderLoaded, timeout=10_000):
            win.open_folder(root)
        _select(win, ["p1.md", "p2.md"])
        dialog = _dialog(win, qtbot)
        dialog.choose("tags", "add", "new")
        with as_nobody():  # root may write a read-only file
            _preview(dialog, qtbot)
            with qtbot.waitSignal(win.folderRefreshed, timeout=10_000):
                dialog.apply_button.click()
        assert "Left out: posts/p2.md: the file is read-only" in dialog.summary.text()
        assert (root / "posts/p2.md").read_text() == POSTS["posts/p2.md"]
        assert "tags: [old, new]" in (root / "posts/p1.md").read_text()


def test_the_edit_menu_counts_the_selection_and_can_take_every_shown_post(window, qtbot) -> None:
    edit = window.actions_by_name["edit_selected"]
    edit_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Edit")
    assert (
        edit in edit_menu.actions() and window.actions_by_name["edit_shown"] in edit_menu.actions()
    )
    _select(window, [])
    assert not edit.isEnabled()
    _select(window, ["p1.md", "p2.md"])
    assert edit.isEnabled() and edit.text().replace("&", "") == "Edit 2 Posts…"
    window.panel.filter_box.setText("Post 4")
    window.actions_by_name["edit_shown"].trigger()
    dialog = window.folder_tools.dialog
    assert dialog is not None and dialog.windowTitle() == "Edit 1 Post"
    dialog.choose("tags", "unset")
    _preview(dialog, qtbot)
    assert [dialog.files.item(r).text() for r in range(dialog.files.count())] == ["posts/p4.md"]
    assert not dialog.value.isEnabled()


def test_an_edit_that_cannot_be_planned_says_why(window, qtbot) -> None:
    _select(window, ["p1.md"])
    dialog = _dialog(window, qtbot)
    dialog.choose("tags", "add", "")
    _preview(dialog, qtbot)
    assert "give the value to add" in dialog.summary.text()
    assert not dialog.apply_button.isEnabled()
