"""Changes made on disk by other programs (issue 4, point 2): an untouched post reloads and keeps
its cursor and scroll; a post changed here too gets a bar (reload theirs, keep mine, compare); a
deleted or moved post is marked and keeps its text; the folder list follows files added,
removed and changed. Other programs are played by plain file operations, including the atomic
rename git and most editors use, which ends a QFileSystemWatcher's watch on the file.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from editor.ui.safety.disk_watch import DiskWatch

SECOND = "glaciers-in-retreat.md"


def replace_file(path: Path, text: str) -> None:
    """Write `text` over `path` the way git and most editors do: a new file renamed over it."""
    tmp = path.with_name(f".{path.name}.other-tool")
    tmp.write_bytes(text.encode())
    os.replace(tmp, path)


@pytest.fixture
def watch(window) -> DiskWatch:
    return window.disk_watch


def _long_post(lines: int = 300) -> str:
    body = "".join(f"Line {n} of a long post.\n" for n in range(lines))
    return f"---\ntitle: 'Long'\ndate: '2026-01-01'\n---\n{body}"


def test_an_untouched_post_changed_on_disk_reloads_keeping_cursor_and_scroll(
    qtbot, window, folder, put_cursor
):
    path = folder / "long.md"
    path.write_text(_long_post())
    tab = window.open_post(path)
    put_cursor(tab.editor, 250)
    tab.editor.centerCursor()

    def where() -> tuple[int, int]:
        cursor = tab.editor.textCursor()
        return cursor.blockNumber(), cursor.positionInBlock()

    cursor, scroll = where(), tab.editor.verticalScrollBar().value()
    assert scroll > 0

    replace_file(path, _long_post().replace("Line 3 of", "Line three of"))
    qtbot.waitUntil(lambda: "Line three of" in tab.editor.toPlainText(), timeout=5000)
    assert not tab.modified and tab.disk_bar.isHidden()
    assert where() == cursor  # the same line and column, not the same offset
    assert tab.editor.verticalScrollBar().value() == scroll
    assert "Reloaded long.md" in window.statusBar().currentMessage()

    # The rename ended the watch on the old file: a change written in place, which only
    # a watch on the new file sees, must be seen too.
    with open(path, "a", encoding="utf-8") as f:
        f.write("Appended in place.\n")
    qtbot.waitUntil(lambda: "Appended in place." in tab.editor.toPlainText(), timeout=5000)


def test_a_post_written_in_place_reloads_too(qtbot, window, open_tab, folder):
    tab = open_tab(SECOND)
    with open(folder / SECOND, "a", encoding="utf-8") as f:
        f.write("Appended by another editor.\n")
    qtbot.waitUntil(lambda: "Appended by" in tab.editor.toPlainText(), timeout=5000)
    assert not tab.modified


def test_a_post_changed_on_disk_and_here_gets_a_bar_not_a_dialog(
    qtbot, window, open_tab, folder, put_cursor, prompter
):
    path = folder / SECOND
    tab = open_tab(SECOND)
    put_cursor(tab.editor, 0)
    qtbot.keyClicks(tab.editor, " Mine.")
    theirs = path.read_text().replace("three valleys", "four valleys")
    replace_file(path, theirs)
    qtbot.waitUntil(lambda: tab.disk_bar.isVisible(), timeout=5000)
    assert tab.disk_bar.state == "conflict"
    assert tab.disk_bar.reload_button.isVisible() and tab.disk_bar.keep_button.isVisible()
    assert tab.editor.toPlainText() == "Measurements from three valleys. Mine.\n"
    assert tab.modified and prompter.asked == []
    assert path.read_text() == theirs

    tab.disk_bar.compare_button.click()
    [diff] = prompter.diffs
    assert "-Measurements from four valleys.\n" in diff
    assert "+Measurements from three valleys. Mine.\n" in diff


def test_keep_mine_saves_over_theirs_without_asking_again(
    qtbot, window, open_tab, folder, put_cursor, prompter, posts
):
    path = folder / SECOND
    tab = open_tab(SECOND)
    put_cursor(tab.editor, 0)
    qtbot.keyClicks(tab.editor, " Mine.")
    replace_file(path, posts[SECOND].replace("three valleys", "four valleys"))
    qtbot.waitUntil(lambda: tab.disk_bar.isVisible(), timeout=5000)
    tab.disk_bar.keep_button.click()
    assert tab.disk_bar.isHidden() and tab.modified
    assert window.save_current()
    assert prompter.asked == []
    assert path.read_text() == posts[SECOND].replace("valleys.\n", "valleys. Mine.\n")


def test_reload_theirs_throws_mine_away(qtbot, window, open_tab, folder, put_cursor, posts):
    path = folder / SECOND
    tab = open_tab(SECOND)
    put_cursor(tab.editor, 0)
    qtbot.keyClicks(tab.editor, " Mine.")
    theirs = posts[SECOND].replace("three valleys", "four valleys")
    replace_file(path, theirs)
    qtbot.waitUntil(lambda: tab.disk_bar.isVisible(), timeout=5000)
    tab.disk_bar.reload_button.click()
    assert tab.editor.toPlainText() == "Measurements from four valleys.\n"
    assert not tab.modified and tab.disk_bar.isHidden()
    assert path.read_text() == theirs


def test_the_same_change_on_both_sides_is_no_conflict(
    qtbot, window, open_tab, folder, put_cursor, posts
):
    tab = open_tab(SECOND)
    put_cursor(tab.editor, 0)
    qtbot.keyClicks(tab.editor, " Same.")
    replace_file(folder / SECOND, posts[SECOND].replace("valleys.\n", "valleys. Same.\n"))
    qtbot.waitUntil(lambda: not tab.modified, timeout=5000)
    assert tab.disk_bar.isHidden()


@pytest.mark.parametrize("how", ["deleted", "renamed"])
def test_a_deleted_or_renamed_post_is_marked_and_save_writes_it_back(
    qtbot, window, open_tab, folder, prompter, posts, how
):
    path = folder / SECOND
    tab = open_tab(SECOND)
    if how == "deleted":
        path.unlink()
    else:
        path.rename(folder / "renamed-by-git.md")
    qtbot.waitUntil(lambda: tab.gone is not None, timeout=5000)
    index = window.tabs.indexOf(tab)
    assert window.tabs.tabText(index) == "● Glaciers in retreat (not on disk)"
    assert tab.disk_bar.state == "gone" and tab.disk_bar.isVisible()
    assert "deleted or moved" in tab.disk_bar.message.text()
    assert tab.editor.toPlainText() == "Measurements from three valleys.\n"
    assert tab.modified  # its text is nowhere else now

    tab.disk_bar.save_button.click()
    assert prompter.asked == []
    assert path.read_text() == posts[SECOND]
    assert window.tabs.tabText(index) == "Glaciers in retreat"
    assert not tab.modified and tab.disk_bar.isHidden()


def test_a_post_deleted_and_brought_back_reloads(qtbot, window, open_tab, folder, posts):
    path = folder / SECOND
    tab = open_tab(SECOND)
    path.unlink()
    qtbot.waitUntil(lambda: tab.gone is not None, timeout=5000)
    path.write_text(posts[SECOND].replace("three", "five"))  # git checkout of another branch
    qtbot.waitUntil(lambda: "five valleys" in tab.editor.toPlainText(), timeout=5000)
    assert tab.gone is None and not tab.modified and tab.disk_bar.isHidden()


def test_our_own_save_is_not_taken_for_someone_elses(
    qtbot, window, watch, open_tab, folder, put_cursor
):
    tab = open_tab(SECOND)
    put_cursor(tab.editor, 0)
    qtbot.keyClicks(tab.editor, " Mine.")
    with qtbot.waitSignal(watch.watcher.fileChanged, timeout=5000):
        assert window.save_current()
    with qtbot.waitSignal(watch.checked, timeout=5000):
        pass
    assert tab.disk_bar.isHidden() and not tab.modified
    assert "Reloaded" not in window.statusBar().currentMessage()
    # and the watch is back on the new file the save renamed into place
    assert str(folder / SECOND) in watch.watcher.files()


def _titles(window) -> set[str]:
    return {e.title or str(e.path) for e in window.panel.model.entries}


def test_the_folder_list_follows_files_added_removed_and_changed(qtbot, window, folder, posts):
    (folder / "added.md").write_text("---\ntitle: Added by git pull\n---\nNew.\n")
    qtbot.waitUntil(lambda: "Added by git pull" in _titles(window), timeout=5000)

    (folder / "drafts" / "compilers.md").unlink()
    qtbot.waitUntil(
        lambda: "Half-written thoughts on compilers" not in _titles(window), timeout=5000
    )

    replace_file(folder / SECOND, posts[SECOND].replace("Glaciers in retreat", "Glaciers, again"))
    qtbot.waitUntil(lambda: "Glaciers, again" in _titles(window), timeout=5000)
    assert "Glaciers in retreat" not in _titles(window)


def test_new_subfolders_are_watched_too(qtbot, window, folder):
    sub = folder / "2026" / "03"
    sub.mkdir(parents=True)
    (sub / "first.md").write_text("---\ntitle: First in a new folder\n---\n")
    qtbot.waitUntil(lambda: "First in a new folder" in _titles(window), timeout=5000)
    (sub / "second.md").write_text("---\ntitle: Second in a new folder\n---\n")
    qtbot.waitUntil(lambda: "Second in a new folder" in _titles(window), timeout=5000)


def test_a_checkout_of_many_files_costs_one_rescan(qtbot, window, folder):
    refreshed = []
    window.folderRefreshed.connect(lambda: refreshed.append(1))
    with qtbot.waitSignal(window.folderRefreshed, timeout=5000):
        for n in range(30):
            (folder / f"checked-out-{n}.md").write_text(f"---\ntitle: Checked out {n}\n---\n")
    assert len(refreshed) == 1
    assert {f"Checked out {n}" for n in range(30)} <= _titles(window)


def test_a_removed_folder_empties_the_list_and_says_so(qtbot, window, folder):
    shutil.rmtree(folder)
    qtbot.waitUntil(lambda: window.panel.model.rowCount() == 0, timeout=5000)
    qtbot.waitUntil(lambda: "was removed" in window.statusBar().currentMessage(), timeout=5000)
