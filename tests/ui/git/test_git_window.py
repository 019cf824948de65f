"""The git parts on real widgets: hidden outside a repository; in one, the Git column and
filters, the status line, a commit from the dialog, and a version restored from history."""

from __future__ import annotations

from pathlib import Path

from gitrepos import git, make_repo, post, write
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from editor.core.git import Change
from editor.ui.jobs.render_service import RenderService
from editor.ui.panels.index_model import GIT_COLUMN
from editor.ui.shell.main_window import MainWindow

POSTS = {"first.md": post("First"), "second.md": post("Second"), "third.md": post("Third")}


def open_window(qtbot, settings, prompter, folder: Path) -> MainWindow:
    win = MainWindow(settings, RenderService(use_process=False), prompter)
    qtbot.addWidget(win, before_close_func=lambda _: setattr(prompter, "unattended", True))
    win.show()
    with qtbot.waitSignal(win.git.state.repositoryChanged, timeout=10_000):
        win.open_folder(folder)
    qtbot.waitUntil(lambda: win.panel.model.rowCount() > 0, timeout=10_000)
    return win


def _git_texts(win: MainWindow) -> dict[str, str | None]:
    model = win.panel.model
    return {
        str(model.entries[row].path): model.index(row, GIT_COLUMN).data()
        for row in range(model.rowCount())
    }


def test_outside_a_repository_the_git_parts_stay_hidden(qtbot, settings, prompter, tmp_path):
    folder = tmp_path / "posts"
    for name, text in POSTS.items():
        write(folder / name, text)
    win = open_window(qtbot, settings, prompter, folder)
    assert win.git.state.repo is None
    assert not win.git.menu.menuAction().isVisible()
    assert win.panel.table.isColumnHidden(GIT_COLUMN)
    assert not any(
        win.panel.quick.itemText(n).startswith("Git") for n in range(win.panel.quick.count())
    )


def test_the_list_shows_each_posts_change_and_filters_by_it(qtbot, settings, prompter, tmp_path):
    site = make_repo(tmp_path / "site", POSTS)
    write(site / "second.md", post("Second, edited"))
    write(site / "fourth.md", post("Fourth"))
    win = open_window(qtbot, settings, prompter, site)
    qtbot.waitUntil(lambda: _git_texts(win).get("fourth.md") == "Untracked", timeout=10_000)
    assert _git_texts(win) == {
        "first.md": None,
        "second.md": "Modified",
        "third.md": None,
        "fourth.md": "Untracked",
    }
    assert win.git.menu.menuAction().isVisible()
    assert not win.panel.table.isColumnHidden(GIT_COLUMN)
    quick = win.panel.quick
    quick.setCurrentIndex(quick.findText("Git: Modified"))
    assert [str(e.path) for e in win.panel.visible_entries()] == ["second.md"]

    tab = win.open_post(site / "second.md")
    assert tab is not None
    assert win.git.state.change_of(site / "second.md") is Change.MODIFIED
    label = win.status.findChild(QLabel, "gitStatus")
    assert label is not None and label.text() == "Git: modified"
    index = win.tabs.indexOf(tab)
    assert win.tabs.tabText(index) == "Second, edited  M"  # the tab says it too
    assert win.tabs.tabToolTip(index).endswith("\nGit: modified")


def test_commit_from_the_dialog_with_the_saved_post_ticked(qtbot, settings, prompter, tmp_path):
    site = make_repo(tmp_path / "site", POSTS)
    write(site / "third.md", post("Third, edited on disk"))
    win = open_window(qtbot, settings, prompter, site)
    tab = win.open_post(site / "first.md")
    assert tab is not None
    tab.set_field("title", "First, retitled")
    with qtbot.waitSignal(win.git.state.statusChanged, timeout=10_000):
        assert win.save_current()
    dialog = win.git.commit()
    assert dialog is not None
    rows = {
        dialog.list.item(n).text(): dialog.list.item(n).checkState()
        for n in range(dialog.list.count())
    }
    assert rows == {
        "First, retitled  (modified: first.md)": Qt.CheckState.Checked,
        "Third, edited on disk  (modified: third.md)": Qt.CheckState.Unchecked,
    }
    assert dialog.message.text() == "Update post: First, retitled"
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        dialog.commit()
    assert git(site, "log", "-1", "--format=%s").strip() == "Update post: First, retitled"
    assert "title: First, retitled" in git(site, "show", "HEAD:first.md")
    qtbot.waitUntil(lambda: _git_texts(win)["first.md"] is None, timeout=10_000)
    assert win.tabs.tabText(win.tabs.indexOf(tab)) == "First, retitled"  # committed: no mark


def test_a_refusing_hook_shows_its_output_in_the_dialog(qtbot, settings, prompter, tmp_path):
    site = make_repo(tmp_path / "site", POSTS)
    hook = site / ".git" / "hooks" / "pre-commit"
    hook.write_text("#!/bin/sh\necho 'first.md: title too short' >&2\nexit 1\n")
    hook.chmod(0o755)
    write(site / "first.md", post("F"))
    win = open_window(qtbot, settings, prompter, site)
    qtbot.waitUntil(lambda: _git_texts(win)["first.md"] == "Modified", timeout=10_000)
    dialog = win.git.commit()
    assert dialog is not None
    dialog.list.item(0).setCheckState(Qt.CheckState.Checked)
    with qtbot.waitSignal(dialog.job.failed, timeout=10_000):
        dialog.commit()
    assert "first.md: title too short" in dialog.output.toPlainText()
    assert dialog.isVisible() or not dialog.result()


def test_history_restores_a_version_as_an_unsaved_edit(qtbot, settings, prompter, tmp_path):
    site = make_repo(tmp_path / "site", POSTS)
    write(site / "first.md", post("First, second version"))
    git(site, "commit", "-qam", "Update post: First, second version")
    win = open_window(qtbot, settings, prompter, site)
    tab = win.open_post(site / "first.md")
    assert tab is not None
    dialog = win.git.history()
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.commits.count() == 2, timeout=10_000)
    qtbot.waitUntil(lambda: "+title: First, second version" in dialog.diff.toPlainText())
    dialog.commits.setCurrentRow(1)
    with qtbot.waitSignal(dialog.restoreRequested, timeout=10_000):
        dialog.restore()
    assert tab.modified
    assert tab.current_post().text == post("First")
    assert (site / "first.md").read_text() == post("First, second version")  # nothing saved


def test_a_commit_made_in_a_terminal_refreshes_the_list(qtbot, settings, prompter, tmp_path):
    site = make_repo(tmp_path / "site", POSTS)
    write(site / "second.md", post("Second, edited"))
    win = open_window(qtbot, settings, prompter, site)
    qtbot.waitUntil(lambda: _git_texts(win)["second.md"] == "Modified", timeout=10_000)
    git(site, "commit", "-q", "-am", "Edited outside the app")  # nothing in the app saved
    qtbot.waitUntil(lambda: _git_texts(win)["second.md"] is None, timeout=10_000)
