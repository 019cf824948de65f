"""The Problems dock on real folders: each post's problems and the folder-wide ones, filtered by
severity, opened where they are; checked off the UI thread, the newest result shown."""

from __future__ import annotations

import dataclasses
import shutil
import threading
from importlib.resources import as_file, files
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMainWindow

from editor.core.folder.checks import folder_problems
from editor.core.folder.content_folder import ContentFolder
from editor.ui.jobs.site_checker import SiteChecker
from editor.ui.panels.problems_view import MAX_ROWS, ProblemsDock
from editor.ui.settings import Settings
from editor.ui.shell.main_window import MainWindow
from tests.ui.conftest import write_post

# A folder built to trip the checks: a title used twice, a cover image that is not there, an
# unquoted `no` that YAML 1.1 and 1.2 read differently, a body image that is not there, and a
# post without its required date.
TRIPS = {
    "dup-a.md": "---\ntitle: Same title\ndate: 2026-01-01\n---\nFirst.\n",
    "dup-b.md": "---\ntitle: Same title\ndate: 2026-01-02\n---\nSecond.\n",
    "cover.md": "---\ntitle: Covered\ndate: 2026-01-03\ncoverImage: images/gone.png\n---\nC.\n",
    "trap.md": "---\ntitle: A trap\ndate: 2026-01-04\ndraft: no\n---\nTrap.\n",
    "body.md": "---\ntitle: Body image\ndate: 2026-01-05\n---\nIntro.\n\n![x](images/nope.png)\n",
    "undated.md": "---\ntitle: No date\n---\nWhen?\n",
}

EXPECTED = [
    ("error", "body.md", 7, "body"),
    ("error", "cover.md", 4, "coverImage"),
    ("warning", "dup-a.md", 2, "title"),
    ("warning", "dup-b.md", 2, "title"),
    ("warning", "trap.md", 4, "draft"),
    ("error", "undated.md", 2, "date"),
]


@pytest.fixture
def folder(make_folder) -> Path:
    return make_folder(TRIPS)


@pytest.fixture
def dock(qtbot, window: MainWindow) -> ProblemsDock:
    """The dock shown, with the first check of the folder done."""
    dock = window.problems
    with qtbot.waitSignal(dock.updated, timeout=10_000):
        window.actions_by_name["problems"].trigger()
    assert dock.isVisible()
    return dock


def rows(dock: ProblemsDock) -> list[tuple[str, str, int, str]]:
    """What the table shows, row by row: severity, file, line, field."""
    proxy = dock.view.proxy
    return [
        tuple(proxy.index(row, column).data() for column in range(4))  # type: ignore[misc]
        for row in range(proxy.rowCount())
    ]


def sort_by_file(dock: ProblemsDock) -> None:
    dock.view.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)


def test_a_folder_that_trips_the_checks_lists_each_problem(dock):
    sort_by_file(dock)
    assert rows(dock) == EXPECTED
    assert dock.windowTitle() == "Problems (6)"
    assert dock.view.summary.text() == "3 errors, 3 warnings"
    messages = [p.message for p in dock.view.shown()]
    assert "the image ‘images/gone.png’ is missing: there is no such file" in messages
    assert any("also the title of dup-b.md" in m for m in messages)
    assert any(m.startswith("YAML 1.1 readers such as Jekyll take ‘no’") for m in messages)


def test_errors_come_first_and_the_filter_keeps_one_severity(dock):
    assert [row[0] for row in rows(dock)] == ["error"] * 3 + ["warning"] * 3  # the default sort
    dock.view.severity.setCurrentText("Warnings")
    assert {row[1] for row in rows(dock)} == {"dup-a.md", "dup-b.md", "trap.md"}
    dock.view.severity.setCurrentText("Errors")
    assert {row[1] for row in rows(dock)} == {"body.md", "cover.md", "undated.md"}
    dock.view.severity.setCurrentText("All")
    assert len(rows(dock)) == 6


def test_double_click_opens_the_post_at_the_line(qtbot, window, dock):
    view = dock.view
    row = next(r for r, shown in enumerate(rows(dock)) if shown[1] == "body.md")
    index = view.proxy.index(row, 4)
    view.table.scrollTo(index)
    where = view.table.visualRect(index).center()
    # Qt tells a double-click from the click just before it: a lone mouseDClick is a press.
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=where)
    qtbot.mouseDClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=where)
    tab = window.current_tab()
    assert tab is not None and tab.post.path == window.folder.root / "body.md"
    cursor = tab.editor.textCursor()
    assert cursor.block().text() == "![x](images/nope.png)"


def test_a_problem_in_a_field_opens_the_form_at_that_field(window, dock):
    problem = next(p for p in dock.view.shown() if p.field == "coverImage")
    dock.open_problem(problem)
    tab = window.current_tab()
    assert tab is not None and tab.post.path.name == "cover.md"
    assert tab.form_toggle.isChecked()
    editor = tab.form.editors["coverImage"]
    focused = window.focusWidget()
    assert focused is editor or editor.isAncestorOf(focused)


def test_a_save_that_fixes_a_problem_clears_it(qtbot, window, dock, open_tab):
    tab = open_tab("trap.md")
    tab.set_field("draft", True)  # `no` already reads as false: a real change to save
    with qtbot.waitSignal(dock.updated, timeout=10_000):
        assert tab.save()
    expected = TRIPS["trap.md"].replace("draft: no", "draft: true")
    assert (window.folder.root / "trap.md").read_text() == expected
    assert ("warning", "trap.md", 4, "draft") not in rows(dock)
    assert dock.windowTitle() == "Problems (5)"


def test_the_sample_folder_has_no_errors(qtbot, window, dock, tmp_path):
    with as_file(files("editor") / "resources" / "sample") as source:
        sample = Path(shutil.copytree(source, tmp_path / "sample"))
    with qtbot.waitSignal(dock.updated, timeout=10_000):
        window.open_folder(sample)
    problems = window.problems.view.model.problems
    assert [p for p in problems if p.severity == "error"] == []
    assert window.problems.windowTitle() == (
        f"Problems ({len(problems)})" if problems else "Problems"
    )


def test_a_check_asked_for_while_one_runs_replaces_its_result(qtbot, folder, tmp_path):
    """The first check is held running while the other folder is asked for: its result
    (six problems) is dropped, and the newest (none) is the one shown."""
    other = tmp_path / "other"
    other.mkdir()
    (other / "fine.md").write_text("---\ntitle: Fine\ndate: 2026-01-01\n---\nFine.\n")
    first, last = ContentFolder(folder), ContentFolder(other)
    first.scan()
    last.scan()
    gate, started = threading.Event(), []

    def held(folder: ContentFolder) -> list:
        started.append(folder.root)
        if len(started) == 1:
            gate.wait(10)
        return folder_problems(folder)

    checker = SiteChecker(check=held)
    shown: list[list] = []
    checker.checked.connect(shown.append)
    checker.request(first)
    qtbot.waitUntil(lambda: bool(started), timeout=10_000)
    checker.request(last)
    gate.set()
    qtbot.waitUntil(lambda: not checker.busy and bool(shown), timeout=10_000)
    assert started == [first.root, last.root]
    assert shown == [[]]
    assert len(folder_problems(first)) == 6  # what the dropped result held


def test_a_hidden_dock_checks_nothing_until_it_is_shown(qtbot, window, open_tab):
    dock = window.problems
    assert dock.isHidden() and not dock.checker.busy and dock.view.model.problems == []
    tab = open_tab("trap.md")
    tab.set_field("draft", True)
    assert tab.save()
    assert not dock.checker.busy  # the save asked for nothing while hidden
    with qtbot.waitSignal(dock.updated, timeout=10_000):
        window.actions_by_name["problems"].trigger()
    assert dock.windowTitle() == "Problems (5)"
    assert window.actions_by_name["problems"].isChecked()


def test_what_the_cms_config_holds_that_the_form_does_not_take_is_a_note(
    qtbot, window, dock, tmp_path
):
    site = tmp_path / "site"
    (site / "static/admin").mkdir(parents=True)
    (site / "hugo.toml").write_text("title = 'A site'\n")
    (site / "static/admin/config.yml").write_text(
        "collections:\n  - name: posts\n    folder: content/posts\n    fields:\n"
        "      - {name: title, widget: string}\n"
        "      - {name: author, widget: object, fields: [{name: name, widget: string}]}\n"
    )
    write_post(site / "content/posts", "p.md", "---\ntitle: P\n---\nText.\n")
    with qtbot.waitSignal(dock.updated, timeout=10_000):
        window.open_folder(site / "content/posts")
    assert window.statusBar().currentMessage() == (
        "1 post; the form follows config.yml (1 note in View > Problems)"
    )
    assert ("note", str(site / "static/admin/config.yml"), 6, "CMS config") in rows(dock)
    dock.view.severity.setCurrentText("Notes")
    assert [p.severity for p in dock.view.shown()] == ["note"]
    assert "‘author’" in dock.view.shown()[0].message
    assert dock.view.summary.text() == "0 errors, 0 warnings, 1 note"


def test_the_dock_on_its_own_checks_the_folder_it_is_given_and_asks_to_open_a_post(
    qtbot, folder, settings
):
    """No window: the dock gets the settings and a folder, and says by signals what it wants."""
    host = QMainWindow()
    qtbot.addWidget(host)
    dock = ProblemsDock(Settings(settings))
    host.addDockWidget(dock.area, dock)
    host.show()
    content = ContentFolder(folder)
    content.scan()
    dock.set_folder(content)
    with qtbot.waitSignal(dock.updated, timeout=10_000):
        dock.toggle_action.trigger()
    sort_by_file(dock)
    assert rows(dock) == EXPECTED
    problem = dock.view.shown()[0]
    with qtbot.waitSignal(dock.openRequested) as asked:
        dock.open_problem(problem)
    assert asked.args == [problem]
    schema_file = dataclasses.replace(problem, path=folder / ".post-editor.yaml")
    with qtbot.assertNotEmitted(dock.openRequested):
        dock.open_problem(schema_file)  # not a post: nothing to open
    with qtbot.waitSignal(dock.failed) as failed:
        dock.checker.failed.emit("Cannot check the folder: gone")
    assert failed.args == ["Cannot check the folder: gone"]


def _rows_fit(view) -> bool:
    """Every problem the table holds is shown whole, with no scrolling."""
    table = view.table
    rows = view.proxy.rowCount()
    return table.verticalScrollBar().maximum() == 0 and table.viewport().height() >= sum(
        table.rowHeight(row) for row in range(rows)
    )


def test_the_dock_is_as_tall_as_its_problems(qtbot, window, dock):
    view = dock.view
    row = view.table.verticalHeader().defaultSectionSize()
    assert view.proxy.rowCount() == len(EXPECTED)
    qtbot.waitUntil(lambda: _rows_fit(view))
    six = dock.height()
    assert six < view.table.horizontalHeader().height() + (len(EXPECTED) + 4) * row

    one = view.model.problems[0]
    view.set_problems([], folder_root := window.folder.root)  # none: a small dock
    qtbot.waitUntil(lambda: dock.height() <= six - (len(EXPECTED) - 1) * row)
    none = dock.height()
    assert none < window.height() // 6

    many = [dataclasses.replace(p, line=n) for n in range(2, 40) for p in [one]]
    view.set_problems(many, folder_root)  # many: it grows so far, then scrolls
    qtbot.waitUntil(lambda: dock.height() > none)
    assert dock.height() <= none + (MAX_ROWS - 1) * row
    assert view.table.verticalScrollBar().maximum() > 0
