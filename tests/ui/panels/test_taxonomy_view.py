"""The Tags & Categories dock on a real folder: counts, look-alikes flagged, rename and merge
written through the core after a review, and open posts kept safe."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMainWindow

from editor.core.folder.content_folder import ContentFolder
from editor.ui.panels.taxonomy_view import TaxonomyDock
from editor.ui.settings import TAXONOMY_DOCK, Settings
from editor.ui.shell.main_window import MainWindow

# Each post spells its tags another way: a block list with a comment, a flow list, quoted
# names, CRLF line breaks. A rename must keep all of it.
POSTS = {
    "one.md": (
        "---\n"
        "title: One\n"
        "date: 2026-01-01\n"
        "tags:\n"
        "  - Ai\n"
        "  - Python  # the language\n"
        "category: Tech\n"
        "---\n"
        "Body one.\n"
    ),
    "two.md": (
        "---\ntitle: Two\ndate: 2026-01-02\ntags: [ai, open source]\ncategory: Tech\n"
        "---\nBody two.\n"
    ),
    "three.md": (
        "---\r\n"
        "title: Three\r\n"
        "date: 2026-01-03\r\n"
        "tags:\r\n"
        "  - 'AI'\r\n"
        "  - open-source\r\n"
        "category: 'News'\r\n"
        "---\r\n"
        "Body three.\r\n"
    ),
    # YAML cannot read it: a rename cannot tell whether it holds the name, and says so.
    "broken.md": "---\ntitle: Broken\ntags: [Python, Ai\n---\nBody.\n",
    "notes/four.md": (
        '---\ntitle: Four\ndate: 2026-01-04\ntags:\n  - "Python"\ncategory: News\n---\nBody four.\n'
    ),
}


@pytest.fixture
def folder(make_folder) -> Path:
    return make_folder(POSTS)


@pytest.fixture
def dock(window: MainWindow) -> TaxonomyDock:
    window.actions_by_name["taxonomy"].trigger()
    assert window.taxonomy.isVisible()
    return window.taxonomy


def texts(root: Path) -> dict[str, str]:
    return {
        path.relative_to(root).as_posix(): path.read_bytes().decode("utf-8")
        for path in sorted(root.rglob("*.md"))
    }


def select(dock: TaxonomyDock, kind: str, *names: str) -> None:
    dock.tree.clearSelection()
    for name in names:
        item = dock.tree.item(kind, name)  # type: ignore[arg-type]
        assert item is not None, name
        item.setSelected(True)


def count(dock: TaxonomyDock, kind: str, name: str) -> int | None:
    item = dock.tree.item(kind, name)  # type: ignore[arg-type]
    return None if item is None else item.data(1, Qt.ItemDataRole.DisplayRole)


def run(qtbot, window: MainWindow, action, refreshed: bool = True):
    """Run a rename or merge to its end (and the rescan after it, when files are written)."""
    signals = [window.taxonomy.finished, *([window.folderRefreshed] if refreshed else [])]
    with qtbot.waitSignals(signals, timeout=10_000):
        action()


def test_the_view_lists_each_name_with_its_post_count(dock):
    tags = dock.tree.branch("tag")
    assert tags is not None and tags.text(0) == "Tags (6)"
    assert count(dock, "tag", "Python") == 2
    assert count(dock, "tag", "Ai") == 1
    assert count(dock, "tag", "open source") == 1
    assert count(dock, "category", "Tech") == 2
    assert count(dock, "category", "News") == 2


def test_near_duplicates_are_flagged_naming_the_others(dock):
    ai = dock.tree.item("tag", "Ai")
    assert ai is not None and not ai.icon(0).isNull()
    assert "‘AI’" in ai.toolTip(0) and "‘ai’" in ai.toolTip(0)
    assert "‘open source’" in dock.tree.item("tag", "open-source").toolTip(0)
    python = dock.tree.item("tag", "Python")
    assert python.icon(0).isNull() and "same as" not in python.toolTip(0)
    assert dock.status.text() == "5 names look like others."


def test_renaming_a_tag_changes_exactly_its_lines_after_a_review(
    qtbot, window, dock, folder, prompter
):
    select(dock, "tag", "Python")
    assert dock.rename_button.isEnabled() and not dock.merge_button.isEnabled()
    prompter.answer("ask_text", "Py")
    prompter.answer("review", True)
    run(qtbot, window, dock.rename_button.click)

    expected = dict(POSTS)
    expected["one.md"] = POSTS["one.md"].replace("  - Python  #", "  - Py  #")
    expected["notes/four.md"] = POSTS["notes/four.md"].replace('"Python"', '"Py"')
    assert texts(folder) == expected
    assert prompter.kinds() == ["ask_text", "review"]
    review = prompter.asked[-1]
    assert review.title == "Rename the tag ‘Python’ to ‘Py’: 2 posts"
    assert "2 posts will change:\n    notes/four.md\n    one.md\n" in review.text
    assert "-  - Python  # the language\n+  - Py  # the language\n" in review.text
    assert "Left out:\n    broken.md: not checked, the front matter cannot be read: " in review.text
    assert count(dock, "tag", "Py") == 2 and count(dock, "tag", "Python") is None
    assert window.statusBar().currentMessage() == "Changed 2 posts."


def test_cancelling_the_review_writes_nothing(qtbot, window, dock, folder, prompter):
    before = {p: (folder / p).read_bytes() for p in POSTS}
    select(dock, "category", "Tech")
    prompter.answer("ask_text", "Technology")
    prompter.answer("review", False)
    with qtbot.waitSignal(dock.finished, timeout=10_000) as finished:
        dock.rename()
    assert finished.args == [None]
    assert {p: (folder / p).read_bytes() for p in POSTS} == before
    assert count(dock, "category", "Tech") == 2


def test_merging_look_alikes_into_one_name(qtbot, window, dock, folder, prompter):
    select(dock, "tag", "Ai", "ai", "AI")
    assert dock.merge_button.isEnabled() and not dock.rename_button.isEnabled()
    prompter.answer("ask_text", "AI")
    prompter.answer("review", True)
    run(qtbot, window, dock.merge)

    expected = dict(POSTS)
    expected["one.md"] = POSTS["one.md"].replace("  - Ai\n", "  - AI\n")
    expected["two.md"] = POSTS["two.md"].replace("[ai, open", "[AI, open")
    assert texts(folder) == expected  # three.md already says AI: left byte for byte
    label = prompter.asked[0].text
    assert label.endswith(" into one name:") and all(f"‘{n}’" in label for n in ("Ai", "ai", "AI"))
    assert count(dock, "tag", "AI") == 3
    assert dock.tree.item("tag", "Ai") is None and dock.tree.item("tag", "ai") is None
    assert dock.tree.item("tag", "AI").icon(0).isNull()  # no look-alike left


def test_an_open_post_without_changes_shows_the_new_text(
    qtbot, window, dock, folder, prompter, open_tab
):
    tab = open_tab("one.md")
    select(dock, "tag", "Python")
    prompter.answer("ask_text", "Py")
    prompter.answer("review", True)
    run(qtbot, window, dock.rename)

    assert (
        tab.post.text
        == (folder / "one.md").read_text()
        == POSTS["one.md"].replace("Python  #", "Py  #")
    )
    assert tab.post.values["tags"] == ["Ai", "Py"]
    assert not tab.modified


def test_an_open_post_with_unsaved_words_is_left_out_and_loses_nothing(
    qtbot, window, dock, folder, prompter, open_tab
):
    tab = open_tab("one.md")
    tab.editor.appendPlainText("Words not saved yet.")
    typed = tab.editor.toPlainText()
    assert tab.modified and "Words not saved yet." in typed
    select(dock, "tag", "Python")
    prompter.answer("ask_text", "Py")
    prompter.answer("review", True)
    run(qtbot, window, dock.rename)

    assert (folder / "one.md").read_text() == POSTS["one.md"]
    assert (folder / "notes/four.md").read_text() == POSTS["notes/four.md"].replace(
        '"Python"', '"Py"'
    )
    assert tab.editor.toPlainText() == typed
    assert tab.modified and tab.post.values["tags"] == ["Ai", "Python"]
    review = prompter.asked[-1].text
    assert "1 post will change:\n    notes/four.md\n" in review
    assert "one.md: open with unsaved changes; save or revert it, then do this again" in review
    assert "one.md" not in review.split("Left out:")[1].split("\n\n", 1)[1]  # no diff of it


def test_nothing_to_change_is_said_and_nothing_is_written(
    qtbot, window, dock, folder, prompter, open_tab
):
    tab = open_tab("two.md")
    tab.editor.appendPlainText("More.")
    select(dock, "tag", "open source")
    prompter.answer("ask_text", "open-source")
    with qtbot.waitSignal(dock.finished, timeout=10_000):
        dock.rename()
    assert prompter.kinds() == ["ask_text", "inform"]
    assert prompter.asked[-1].title == "Nothing to rename"
    assert "two.md: open with unsaved changes" in prompter.asked[-1].text
    assert texts(folder) == POSTS


def test_double_clicking_a_name_lists_only_its_posts(dock, window):
    item = dock.tree.item("tag", "Python")
    dock.tree.itemActivated.emit(item, 0)
    assert window.panel.quick.currentText() == "Tag: Python (2)"
    assert {str(e.path) for e in window.panel.visible_entries()} == {"one.md", "notes/four.md"}


def test_the_view_menu_hides_and_shows_the_dock(window, dock, settings):
    action = window.actions_by_name["taxonomy"]
    assert action.isChecked() and window.settings.get(TAXONOMY_DOCK)
    action.trigger()
    assert not dock.isVisible() and not action.isChecked()
    dock.show()
    dock.close()  # its own close button
    assert not action.isChecked() and not window.settings.get(TAXONOMY_DOCK)


def test_a_hidden_dock_lists_nothing_until_it_is_shown(window: MainWindow):
    # The window opened its folder with the dock hidden: no names were counted for it.
    hidden = window.taxonomy
    assert hidden.isHidden() and hidden.tree.topLevelItemCount() == 0
    window.actions_by_name["taxonomy"].trigger()
    assert count(hidden, "tag", "Python") == 2


def test_a_rename_still_being_planned_when_the_window_closes_asks_nothing(
    qtbot, window, dock, folder, prompter
):
    before = texts(folder)
    select(dock, "tag", "Python")
    prompter.answer("ask_text", "Py")
    with qtbot.waitSignal(dock.job.done, timeout=10_000):
        dock.rename()  # the plan is made on a worker; its answer waits for the event loop
        assert window.close()
    QApplication.processEvents()  # the plan's answer reaches the dock now, in a closed window
    assert prompter.kinds() == ["ask_text"]  # no review shown with nobody there
    assert texts(folder) == before


def test_the_dock_on_its_own_renames_and_says_by_signals_what_it_wants(
    qtbot, folder, settings, prompter
):
    """No window: the dock gets the settings, a prompter, the open tabs and a folder."""
    host = QMainWindow()
    qtbot.addWidget(host)
    dock = TaxonomyDock(Settings(settings), prompter, lambda: [])
    host.addDockWidget(dock.area, dock)
    host.show()
    content = ContentFolder(folder)
    content.scan()
    dock.set_folder(content)
    dock.toggle_action.trigger()
    assert count(dock, "tag", "Python") == 2
    with qtbot.waitSignal(dock.filterRequested) as asked:
        dock.tree.itemActivated.emit(dock.tree.item("tag", "Python"), 0)
    assert asked.args == ["tag", "Python"]
    with qtbot.waitSignal(dock.filterRequested) as asked:
        dock.tree.itemActivated.emit(dock.tree.item("category", "News"), 0)
    assert asked.args == ["category", "News"]
    select(dock, "tag", "Python")
    prompter.answer("ask_text", "Py")
    prompter.answer("review", True)
    said: list[str] = []
    dock.message.connect(said.append)
    with qtbot.waitSignal(dock.finished, timeout=10_000) as ended:
        dock.rename()
    assert said == ["Changed 2 posts."]
    result = ended.args[0]
    assert sorted(path.name for path in result.written) == ["four.md", "one.md"]
    assert "  - Py  #" in (folder / "one.md").read_text()
