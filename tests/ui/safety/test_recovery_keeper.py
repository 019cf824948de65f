"""Crash recovery in the window (issue 4, point 1): unsaved changes are snapshotted a moment
after the writer stops, the snapshot goes when the changes are saved or thrown away, and after a
kill the next window offers what was lost, shown against the file on disk, to restore or discard.

The kill is real: a window in another process types into a post, waits for its snapshot and is
killed with SIGKILL; this process's window then offers and restores the text.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import signal
import subprocess
import sys
from pathlib import Path

import paths
import pytest
from PySide6.QtCore import QSettings

from editor.core.document.post import Post
from editor.core.folder.content_folder import Taxonomy
from editor.core.schema import Schema
from editor.core.session import Choice, Offer, Recovery, offer_of
from editor.core.storage.recovery import RecoveryStore, Snapshot
from editor.ui.jobs.render_service import RenderService
from editor.ui.safety.recovery_dialog import RecoveryDialog
from editor.ui.safety.recovery_keeper import (
    LARGE_POST,
    SNAPSHOT_DELAY_MS,
    SnapshotKeeper,
    snapshot_delay,
)
from editor.ui.shell import app
from editor.ui.shell.main_window import MainWindow
from editor.ui.tab.document_tab import DocumentTab

SECOND = "glaciers-in-retreat.md"
HERE = paths.TESTS / "ui"  # crashwindow.py


@pytest.fixture
def quick(window):
    """The window, snapshotting 50 ms after the last change instead of 2 s."""
    window.keeper.delay_ms = 50
    return window


def _type(qtbot, tab, put_cursor, text: str = " More.") -> None:
    put_cursor(tab.editor, 0)
    qtbot.keyClicks(tab.editor, text)


def _snapshotted(qtbot, window, tab, put_cursor, text: str = " More.") -> Path:
    with qtbot.waitSignal(window.keeper.snapshotted, timeout=5000):
        _type(qtbot, tab, put_cursor, text)
    return tab.post.path


def test_the_app_waits_two_seconds_of_idle_before_a_snapshot():
    assert SNAPSHOT_DELAY_MS == 2000


def test_a_change_is_snapshotted_as_it_would_be_saved(
    qtbot, quick, open_tab, put_cursor, recovery, folder
):
    tab = open_tab(SECOND)
    path = _snapshotted(qtbot, quick, tab, put_cursor)
    snapshot = recovery.snapshot_of(path)
    assert snapshot is not None
    assert snapshot.text == tab.current_post().text
    assert "Measurements from three valleys. More.\n" in snapshot.text
    assert snapshot.disk_digest == hashlib.sha256((folder / SECOND).read_bytes()).hexdigest()
    assert recovery.orphans() == []  # this window is alive: nothing to offer elsewhere


def test_a_form_edit_is_snapshotted_too(qtbot, quick, open_tab, recovery):
    tab = open_tab(SECOND)
    with qtbot.waitSignal(quick.keeper.snapshotted, timeout=5000):
        tab.form.editors["title"].edit.setFocus()
        qtbot.keyClicks(tab.form.editors["title"].edit, "!")
    snapshot = recovery.snapshot_of(tab.post.path)
    assert snapshot is not None and "title: 'Glaciers in retreat!'" in snapshot.text


def test_saving_removes_the_snapshot(qtbot, quick, open_tab, put_cursor, recovery):
    tab = open_tab(SECOND)
    path = _snapshotted(qtbot, quick, tab, put_cursor)
    assert quick.save_current()
    assert recovery.snapshot_of(path) is None


def test_revert_removes_the_snapshot(qtbot, quick, open_tab, put_cursor, recovery, prompter):
    tab = open_tab(SECOND)
    path = _snapshotted(qtbot, quick, tab, put_cursor)
    prompter.answer("confirm", True)
    quick.revert_current()
    assert recovery.snapshot_of(path) is None


def test_closing_with_discard_removes_the_snapshot(
    qtbot, quick, open_tab, put_cursor, recovery, prompter
):
    tab = open_tab(SECOND)
    path = _snapshotted(qtbot, quick, tab, put_cursor)
    prompter.answer("save_changes", Choice.CANCEL)
    assert not quick.close_current() and recovery.snapshot_of(path) is not None
    prompter.answer("save_changes", Choice.DISCARD)
    quick.close_current()
    assert quick.tabs.count() == 0
    assert recovery.snapshot_of(path) is None


def test_a_change_typed_away_again_leaves_no_snapshot(qtbot, quick, open_tab, put_cursor, recovery):
    tab = open_tab(SECOND)
    path = _snapshotted(qtbot, quick, tab, put_cursor, "!")
    quick.actions_by_name["undo"].trigger()
    assert not tab.modified
    assert recovery.snapshot_of(path) is None


def test_a_snapshot_that_cannot_be_written_is_said_in_the_status_bar(
    qtbot, settings, prompter, folder, tmp_path, put_cursor
):
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the recovery folder should be")
    window = MainWindow(
        settings, RenderService(use_process=False), prompter, RecoveryStore(blocked)
    )
    qtbot.addWidget(window, before_close_func=lambda _: setattr(prompter, "unattended", True))
    window.keeper.delay_ms = 50
    tab = window.open_post(folder / SECOND)
    with qtbot.waitSignal(window.keeper.failed, timeout=5000):
        _type(qtbot, tab, put_cursor)
    qtbot.waitUntil(lambda: "recovery copy" in window.statusBar().currentMessage())
    assert "glaciers-in-retreat.md" in window.statusBar().currentMessage()
    assert prompter.asked == []  # no dialog, and typing goes on
    qtbot.keyClicks(tab.editor, " Still typing.")
    assert tab.editor.toPlainText().endswith("More. Still typing.\n")


def _second_window(folder, recovery, tmp_path, typed: str) -> subprocess.Popen[str]:
    """Another window's process (crashwindow.py) that types `typed` into SECOND and says
    "snapshotted" once its recovery copy is written; the test kills it."""
    return subprocess.Popen(
        [
            sys.executable,
            str(HERE / "crashwindow.py"),
            str(folder),
            str(recovery.folder),
            str(tmp_path / "crashed-settings.ini"),
            SECOND,
            typed,
        ],
        stdout=subprocess.PIPE,
        text=True,
    )


@pytest.mark.slow
def test_changes_of_a_killed_window_are_offered_and_restored(
    qtbot, window, folder, recovery, tmp_path, prompter, posts
):
    typed = " Typed before the crash."
    crashed = _second_window(folder, recovery, tmp_path, typed)
    try:
        assert crashed.stdout is not None
        assert crashed.stdout.readline() == "snapshotted\n"
    finally:
        crashed.send_signal(signal.SIGKILL)
        crashed.wait(timeout=10)
    assert crashed.returncode == -signal.SIGKILL
    assert (folder / SECOND).read_text() == posts[SECOND]  # the crash saved nothing

    prompter.answer("recover", [Recovery.RESTORE])
    window.offer_recovery()
    [offer] = prompter.offers
    assert offer.post == folder / SECOND
    assert (offer.exists, offer.disk_changed) == (True, False)
    assert "-Measurements from three valleys.\n" in offer.diff
    assert f"+Measurements from three valleys.{typed}\n" in offer.diff

    tab = window.current_tab()
    assert tab is not None and tab.post.path == folder / SECOND
    assert tab.editor.toPlainText() == f"Measurements from three valleys.{typed}\n"
    assert tab.modified
    assert window.tabs.tabText(window.tabs.indexOf(tab)).startswith("● ")
    assert window.save_current()
    assert (folder / SECOND).read_text() == posts[SECOND].replace(
        "valleys.\n", f"valleys.{typed}\n"
    )
    assert recovery.orphans() == [] and recovery.snapshot_of(folder / SECOND) is None


def _orphan(recovery: RecoveryStore, post: Path, text: str, digest: str | None) -> None:
    """A snapshot left by a window that is no longer running: its owner names no process."""
    RecoveryStore(recovery.folder, owner="a-host-long-gone:1:0:0").save(post, text, digest)


def test_a_post_whose_file_is_gone_is_restored_and_saved_anew(
    qtbot, window, folder, recovery, prompter
):
    gone = folder / "drafts" / "lost.md"
    _orphan(
        recovery, gone, "---\ntitle: Lost\ndate: '2026-01-01'\n---\nOnly in the snapshot.\n", None
    )
    prompter.answer("recover", [Recovery.RESTORE])
    window.offer_recovery()
    [offer] = prompter.offers
    assert (offer.exists, offer.disk_changed) == (False, False)
    tab = window.current_tab()
    assert tab.editor.toPlainText() == "Only in the snapshot.\n"
    assert tab.form.editors["title"].edit.text() == "Lost"
    assert tab.modified and not gone.exists()
    qtbot.waitUntil(lambda: tab.gone is not None, timeout=5000)  # and the tab says so
    assert tab.editor.toPlainText() == "Only in the snapshot.\n"
    assert window.save_current()
    assert gone.read_text() == "---\ntitle: Lost\ndate: '2026-01-01'\n---\nOnly in the snapshot.\n"
    assert [q.kind for q in prompter.asked] == ["recover"]


def test_a_restored_post_whose_folder_is_gone_opens_too(
    qtbot, window, tmp_path, recovery, prompter
):
    gone = tmp_path / "removed-site" / "post.md"
    _orphan(recovery, gone, "Text of a removed site.\n", "0" * 64)
    prompter.answer("recover", [Recovery.RESTORE])
    window.offer_recovery()
    tab = window.current_tab()
    assert tab.editor.toPlainText() == "Text of a removed site.\n"
    assert tab.modified


def test_discard_and_later_in_the_offer(qtbot, window, folder, recovery, prompter, posts):
    first, second = folder / SECOND, folder / "drafts" / "compilers.md"
    _orphan(recovery, first, "thrown away", None)
    _orphan(recovery, second, "kept for later", None)
    prompter.answer("recover", {first: Recovery.DISCARD, second: Recovery.LATER})
    window.offer_recovery()
    assert {o.post for o in prompter.offers} == {first, second}
    assert window.tabs.count() == 0
    assert [s.text for s in recovery.orphans()] == ["kept for later"]
    assert first.read_text() == posts[SECOND]


def test_an_offer_says_when_the_file_changed_since(window, folder, recovery, prompter):
    path = folder / SECOND
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    _orphan(recovery, path, path.read_text() + "Unsaved line.\n", digest)
    path.write_text(path.read_text().replace("three valleys", "four valleys"))
    prompter.answer("recover", [Recovery.LATER])
    window.offer_recovery()
    [offer] = prompter.offers
    assert offer.disk_changed and offer.disk_state == "changed on disk since"
    assert "-Measurements from four valleys.\n" in offer.diff
    assert "+Unsaved line.\n" in offer.diff


def test_nothing_is_asked_without_orphans(window, prompter):
    window.offer_recovery()
    assert prompter.asked == []


def test_the_dialog_lists_each_post_with_its_diff_and_a_choice(qtbot, tmp_path):
    offers = [
        Offer(tmp_path / "a.md", dt.datetime(2026, 1, 2, 3, 4, 5), False, True, "-old\n+new\n"),
        Offer(tmp_path / "b.md", dt.datetime(2026, 1, 2, 3, 4, 6), True, False, "+only\n", "Bee"),
    ]
    dialog = RecoveryDialog(offers)
    qtbot.addWidget(dialog)
    rows = [dialog.table.topLevelItem(i) for i in range(2)]
    assert [(r.text(0), r.text(1), r.text(2)) for r in rows] == [
        ("a.md", "2026-01-02 03:04:05", "unchanged on disk"),  # no title: the file name
        ("Bee", "2026-01-02 03:04:06", "gone from disk"),
    ]
    assert rows[1].toolTip(0) == str(tmp_path / "b.md")
    assert dialog.diff.toPlainText() == "-old\n+new\n"
    dialog.table.setCurrentItem(rows[1])
    assert dialog.diff.toPlainText() == "+only\n"
    dialog.choices[1].setCurrentText("Discard")
    dialog.accept()
    assert dialog.answers() == [Recovery.RESTORE, Recovery.DISCARD]
    dialog.reject()
    assert dialog.answers() == [Recovery.LATER, Recovery.LATER]  # closed: decide next time


def test_the_dialog_names_posts_by_title_and_cuts_no_column(qtbot, tmp_path):
    """Each post by the title of its unsaved text; every column at least as wide as its
    header and its cells, in the dialog's own size."""
    path = tmp_path / "glaciers.md"
    path.write_text("---\ntitle: Old\n---\n", encoding="utf-8")
    text = "---\ntitle: 'Glaciers in retreat, measured again'\n---\nNew.\n"
    snapshot = Snapshot(path, text, dt.datetime(2026, 1, 2, 3, 4, 5), None, tmp_path / "s")
    dialog = RecoveryDialog([offer_of(snapshot)])
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    table, header = dialog.table, dialog.table.header()
    row = table.topLevelItem(0)
    assert row.text(0) == "Glaciers in retreat, measured again"
    metrics = table.fontMetrics()
    for column in range(table.columnCount()):
        label = table.headerItem().text(column)
        needed = max(metrics.horizontalAdvance(row.text(column)), metrics.horizontalAdvance(label))
        assert header.sectionSize(column) > needed, (column, label)
        assert header.sectionSize(column) >= header.sectionSizeHint(column), (column, label)
    assert header.sectionSize(3) >= dialog.choices[0].sizeHint().width()
    assert header.length() <= table.viewport().width()  # all of it in view, no scrolling


def test_the_app_keeps_snapshots_in_the_users_data_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    if os.name == "posix" and sys.platform != "darwin":
        assert app.recovery_store().folder == tmp_path / "data" / "post-editor" / "recovery"


def test_a_snapshot_kept_for_later_outlives_opening_editing_and_saving_its_post(
    qtbot, quick, open_tab, folder, recovery, prompter, put_cursor
):
    path = folder / SECOND
    _orphan(recovery, path, "the text kept for later", None)
    prompter.answer("recover", [Recovery.LATER])
    quick.offer_recovery()
    tab = open_tab(SECOND)
    quick.keeper.snapshot(tab)  # what its timer does after the open: nothing to keep, and
    quick.keeper.discard(path)  # what a revert does: neither may drop someone else's text
    assert [s.text for s in recovery.orphans()] == ["the text kept for later"]
    _snapshotted(qtbot, quick, tab, put_cursor)  # beside it, in a file of this window's
    assert quick.save_current()
    assert [s.text for s in recovery.orphans()] == ["the text kept for later"]


def test_a_restored_snapshot_is_gone_once_saved(qtbot, window, folder, recovery, prompter):
    path = folder / SECOND
    _orphan(recovery, path, path.read_text() + "Restored line.\n", None)
    prompter.answer("recover", [Recovery.RESTORE])
    window.offer_recovery()
    assert window.save_current()
    assert path.read_text().endswith("Restored line.\n")
    assert recovery.orphans() == [] and list(recovery.folder.glob("*.json")) == []


# --- two windows on one post (issue 13, point 2) -----------------------------------------------


@pytest.fixture
def other_window(qtbot, tmp_path, prompter, folder, recovery) -> MainWindow:
    """A second window of the app on the same folder, its snapshots in the same recovery
    folder under an owner of its own (in this process, which is quicker than another)."""
    settings = QSettings(str(tmp_path / "other-settings.ini"), QSettings.Format.IniFormat)
    win = MainWindow(
        settings, RenderService(use_process=False), prompter, RecoveryStore(recovery.folder)
    )
    qtbot.addWidget(win, before_close_func=lambda _: setattr(prompter, "unattended", True))
    win.keeper.delay_ms = 50
    win.show()
    with qtbot.waitSignal(win.folderLoaded, timeout=10_000):
        win.open_folder(folder)
    return win


def test_two_windows_on_one_post_each_keep_their_unsaved_text(
    qtbot, quick, other_window, open_tab, put_cursor, recovery, folder, prompter, posts
):
    """Window B used to set A's snapshot aside and write its own under the same name; A's save
    then deleted B's, and a crash of B lost B's text."""
    path = folder / SECOND
    a = open_tab(SECOND)
    _snapshotted(qtbot, quick, a, put_cursor, " A's words.")
    assert a.elsewhere_bar.isHidden()
    b = other_window.open_post(path)
    assert not b.elsewhere_bar.isHidden()  # told at once
    assert "open in another Post Editor window" in b.elsewhere_bar.text()
    _snapshotted(qtbot, other_window, b, put_cursor, " B's words.")
    _snapshotted(qtbot, quick, a, put_cursor, "!")
    assert not a.elsewhere_bar.isHidden()  # told with its next snapshot

    assert quick.save_current()
    assert path.read_text() == posts[SECOND].replace("valleys.\n", "valleys. A's words.!\n")
    assert recovery.snapshot_of(path) is None
    kept = other_window.keeper.store.snapshot_of(path)
    assert kept is not None
    assert kept.text == posts[SECOND].replace("valleys.\n", "valleys. B's words.\n")

    prompter.answer("save_changes", Choice.DISCARD)
    other_window.close_current()  # B throws its changes away: now they may go
    assert other_window.keeper.store.snapshot_of(path) is None
    quick.keeper.snapshot(a)
    assert a.elsewhere_bar.isHidden()
    assert [p.suffix for p in recovery.folder.iterdir()] == [".open"]  # A's: still open


@pytest.mark.slow
def test_a_crashed_windows_text_outlives_a_save_of_its_post_in_another_window(
    qtbot, quick, open_tab, put_cursor, folder, recovery, tmp_path, prompter, posts
):
    """The crash story with a real second process: it types into the post this window has
    open and snapshots, this window saves, the other is killed; its text is offered here."""
    tab = open_tab(SECOND)
    _snapshotted(qtbot, quick, tab, put_cursor, " Saved here.")
    typed = " Typed there, then the crash."
    crashed = _second_window(folder, recovery, tmp_path, typed)
    try:
        assert crashed.stdout is not None
        assert crashed.stdout.readline() == "snapshotted\n"
        assert crashed.stdout.readline() == "open elsewhere\n"
        _snapshotted(qtbot, quick, tab, put_cursor, "!")
        assert not tab.elsewhere_bar.isHidden()
        assert quick.save_current()
    finally:
        crashed.send_signal(signal.SIGKILL)
        crashed.wait(timeout=10)
    assert (folder / SECOND).read_text() == posts[SECOND].replace(
        "valleys.\n", "valleys. Saved here.!\n"
    )

    prompter.answer("recover", [Recovery.LATER])
    quick.offer_recovery()
    [offer] = prompter.offers
    assert (offer.post, offer.disk_changed) == (folder / SECOND, True)
    assert f"+Measurements from three valleys.{typed}\n" in offer.diff
    assert [s.text for s in recovery.orphans()] == [
        posts[SECOND].replace("valleys.\n", f"valleys.{typed}\n")
    ]
    quick.keeper.snapshot(tab)
    assert tab.elsewhere_bar.isHidden()  # the other window is gone


def test_the_keeper_on_its_own_restores_through_the_openers_it_is_given(
    qtbot, folder, recovery, prompter
):
    """No window: the keeper opens posts with the two callables it gets, the one for a file
    that is there and the one for a file that is gone."""
    kept, gone = folder / SECOND, folder / "drafts" / "lost.md"
    _orphan(recovery, kept, (folder / SECOND).read_text() + "Unsaved line.\n", None)
    _orphan(recovery, gone, "---\ntitle: Lost\n---\nOnly here.\n", None)
    renders = RenderService(use_process=False)
    opened: list[tuple[str, Path]] = []

    def tab_of(how: str, post: Post) -> DocumentTab:
        assert post.path is not None
        opened.append((how, post.path))
        tab = DocumentTab(post, Schema.DEFAULT, Taxonomy({}, {}), renders, prompter)
        qtbot.addWidget(tab)
        return tab

    keeper = SnapshotKeeper(recovery)
    prompter.answer("recover", [Recovery.RESTORE, Recovery.RESTORE])
    tabs = [
        keeper.restore(
            snapshot,
            lambda path: tab_of("read", Post.read(path)),
            lambda post: tab_of("new", post),
        )
        for snapshot in keeper.offer(prompter)
    ]
    keeper.shutdown()
    renders.shutdown()
    assert sorted(opened) == [("new", gone), ("read", kept)]
    texts = {tab.post.path: tab.current_post().text for tab in tabs if tab is not None}
    assert texts[kept].endswith("Unsaved line.\n") and texts[gone].endswith("Only here.\n")
    assert all(tab is not None and tab.modified for tab in tabs)


def test_a_huge_post_is_snapshotted_less_often_but_always():
    assert snapshot_delay(10_000) == SNAPSHOT_DELAY_MS  # an ordinary post: a pause in typing
    assert snapshot_delay(LARGE_POST) == SNAPSHOT_DELAY_MS
    assert snapshot_delay(200_000_000) == 20_000  # 200 MB: at most every 20 s
