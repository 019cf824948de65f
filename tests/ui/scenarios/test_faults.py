"""Saving when the disk says no (issue 4, point 3): a removed folder, a path that became a
folder, a read-only file, no permission, a full disk. Each time the writer reads one clear
message, the text stays open and unsaved, and the disk keeps what it had. A traceback in any
Qt slot would fail these tests (pytest-qt reports exceptions raised inside the event loop).

The tests run as root here, where permissions stop nothing: "no permission" drops the effective
user id for the save, and "a full disk" mounts a tiny tmpfs (skipped where mounting is not
allowed).
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from unavailable import unavailable

from editor.core.storage.recovery import RecoveryStore
from editor.ui.jobs.render_service import RenderService
from editor.ui.shell.main_window import MainWindow
from tests.users import as_nobody

SECOND = "glaciers-in-retreat.md"
TYPED = "Measurements from three valleys. Mine.\n"


def _type(qtbot, tab, put_cursor) -> None:
    put_cursor(tab.editor, 0)
    qtbot.keyClicks(tab.editor, " Mine.")


def _refused(prompter, tab, why: str) -> None:
    """One message naming `why`; the text still there and still unsaved."""
    assert [(q.kind, q.title) for q in prompter.asked] == [("inform", "Could not save")]
    assert why in prompter.asked[0].text
    assert "nothing was changed on disk" in prompter.asked[0].text
    assert tab.editor.toPlainText() == TYPED
    assert tab.modified


def test_a_folder_removed_while_open(qtbot, window, open_tab, folder, put_cursor, prompter):
    tab = open_tab(SECOND)
    _type(qtbot, tab, put_cursor)
    shutil.rmtree(folder)
    qtbot.waitUntil(lambda: tab.gone is not None, timeout=5000)
    assert not window.save_current()
    _refused(prompter, tab, "the folder no longer exists")
    assert not folder.exists()


def test_a_post_that_became_a_folder(qtbot, window, open_tab, folder, put_cursor, prompter):
    path = folder / SECOND
    tab = open_tab(SECOND)
    _type(qtbot, tab, put_cursor)
    path.unlink()
    path.mkdir()
    qtbot.waitUntil(lambda: tab.gone == "was replaced by a folder", timeout=5000)
    assert "replaced by a folder" in tab.disk_bar.message.text()
    assert not window.save_current()
    _refused(prompter, tab, "the path is a folder")
    assert path.is_dir() and not any(path.iterdir())


def test_a_post_that_became_a_folder_unnoticed_is_refused_without_an_overwrite_question(
    qtbot, window, open_tab, folder, put_cursor, prompter
):
    path = folder / SECOND
    tab = open_tab(SECOND)
    _type(qtbot, tab, put_cursor)
    window.disk_watch.remove_tab(tab)  # as if the change came faster than the watcher
    path.unlink()
    path.mkdir()
    assert not window.save_current()
    _refused(prompter, tab, "the path is a folder")


def test_a_read_only_file_is_not_replaced(qtbot, window, folder, put_cursor, prompter):
    # Root may write any file, so the save is made as `nobody` when the tests run as root,
    # on a post in a folder that user may enter.
    outside = Path(tempfile.mkdtemp(prefix="post-editor-ro-"))
    try:
        outside.chmod(0o777)
        path = outside / "post.md"
        before = (folder / SECOND).read_bytes()
        path.write_bytes(before)
        path.chmod(0o444)
        tab = window.open_post(path)
        _type(qtbot, tab, put_cursor)
        with as_nobody():
            assert not window.save_current()
        _refused(prompter, tab, "the file is read-only")
        assert path.read_bytes() == before
        assert stat.S_IMODE(path.stat().st_mode) == 0o444
    finally:
        shutil.rmtree(outside)


@pytest.mark.skipif(not hasattr(os, "seteuid"), reason="POSIX user ids")
@pytest.mark.parametrize(
    ("file_mode", "folder_mode"), [(0o644, 0o777), (0o666, 0o755)], ids=["file", "folder"]
)
def test_no_permission_to_write(
    qtbot, settings, prompter, put_cursor, posts, file_mode, folder_mode
):
    # Outside pytest's own temp folder, which only root may enter.
    root = Path(tempfile.mkdtemp(prefix="post-editor-perm-"))
    try:
        path = root / SECOND
        path.write_text(posts[SECOND])
        path.chmod(file_mode)
        root.chmod(folder_mode)
        window = MainWindow(settings, RenderService(use_process=False), prompter)
        qtbot.addWidget(window, before_close_func=lambda _: setattr(prompter, "unattended", True))
        tab = window.open_post(path)
        _type(qtbot, tab, put_cursor)
        with as_nobody():
            saved = window.save_current()
        assert not saved
        _refused(prompter, tab, "permission denied")
        assert path.read_text() == posts[SECOND]
        assert sorted(p.name for p in root.iterdir()) == [SECOND]  # no temp file left
    finally:
        shutil.rmtree(root)


@pytest.fixture
def tiny_disk(tmp_path: Path) -> Iterator[Path]:
    """A 256 KiB file system of its own, mounted for the test."""
    mount = tmp_path / "tiny"
    mount.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", str(mount)],
        capture_output=True,
        check=False,
    )
    if done.returncode != 0:
        unavailable("cannot mount a small tmpfs here (needs root): no full disk to test")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def test_a_full_disk(qtbot, settings, prompter, tiny_disk, posts):
    site = tiny_disk / "site"
    site.mkdir()
    path = site / SECOND
    path.write_text(posts[SECOND])
    window = MainWindow(
        settings, RenderService(use_process=False), prompter, RecoveryStore(tiny_disk / "rec")
    )
    qtbot.addWidget(window, before_close_func=lambda _: setattr(prompter, "unattended", True))
    window.keeper.delay_ms = 50
    tab = window.open_post(path)
    big = "A pasted chapter. " * 20_000  # 360 KB: more than the disk holds
    with qtbot.waitSignal(window.keeper.failed, timeout=5000):
        tab.editor.appendPlainText(big)
    qtbot.waitUntil(lambda: "recovery copy" in window.statusBar().currentMessage())
    assert "the disk is full" in window.statusBar().currentMessage()
    assert prompter.asked == []  # the snapshot failure is no dialog

    assert not window.save_current()
    assert [(q.kind, q.title) for q in prompter.asked] == [("inform", "Could not save")]
    assert "the disk is full" in prompter.asked[0].text
    assert path.read_text() == posts[SECOND]
    assert sorted(p.name for p in site.iterdir()) == [SECOND]  # no temp file left
    assert tab.modified and big.strip() in tab.editor.toPlainText()
