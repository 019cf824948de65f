"""RecoveryStore: snapshots of unsaved text survive the process that wrote them."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from editor.core.errors import PostError
from editor.core.storage.recovery import RecoveryStore
from tests.users import as_nobody, open_folder

TEXT = "---\ntitle: Draft\n---\nHalf a sentence, never saved…\r\n\t\n"


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def snapshot_in_a_process_that_dies(
    store: Path, post: Path, text: str, mark_open: bool = False
) -> None:
    """Another process snapshots `text` (having marked the post open, if asked), then is
    killed with SIGKILL, as in a crash."""
    code = textwrap.dedent(
        f"""
        import os, signal, sys
        from pathlib import Path
        from editor.core.storage.recovery import RecoveryStore
        store = RecoveryStore(Path({str(store)!r}))
        if {mark_open!r}:
            store.mark_open(Path({str(post)!r}))
        store.save(Path({str(post)!r}), sys.stdin.read(), None)
        os.kill(os.getpid(), signal.SIGKILL)
        """
    )
    ran = subprocess.run([sys.executable, "-c", code], input=text, text=True, check=False)
    assert ran.returncode == -signal.SIGKILL


def test_a_killed_windows_snapshot_is_offered_after_the_crash(tmp_path):
    post = tmp_path / "site/post.md"
    post.parent.mkdir()
    snapshot_in_a_process_that_dies(tmp_path / "rec", post, TEXT)
    [found] = RecoveryStore(tmp_path / "rec").orphans()
    assert (found.post, found.text) == (post, TEXT)
    assert found.disk_changed() is False  # there was no file, and there still is none


def test_snapshots_of_a_running_window_are_not_offered_to_another(tmp_path):
    store = RecoveryStore(tmp_path / "rec")
    store.save(tmp_path / "post.md", TEXT, None)
    assert store.orphans() == []  # this process is alive: they are its own open posts
    assert store.snapshot_of(tmp_path / "post.md").text == TEXT


def test_a_reused_process_id_does_not_hide_a_snapshot(tmp_path):
    store = RecoveryStore(tmp_path / "rec")
    file = store.save(tmp_path / "post.md", TEXT, None)
    record = json.loads(file.read_text())
    host, pid, _, window = record["owner"].split(":")
    record["owner"] = f"{host}:{pid}:1:{window}"  # same pid, another start: the writer is gone
    file.write_text(json.dumps(record))
    assert [s.text for s in store.orphans()] == [TEXT]


def test_a_new_snapshot_replaces_the_last_and_discard_removes_it(tmp_path):
    store = RecoveryStore(tmp_path / "rec")
    post = tmp_path / "post.md"
    store.save(post, "first", None)
    store.save(post, "second", None)
    assert [p.name for p in (tmp_path / "rec").iterdir()] == [store._file_for(post).name]
    assert store.snapshot_of(post).text == "second"
    store.discard(post)
    store.discard(post)  # twice is fine
    assert store.snapshot_of(post) is None and list((tmp_path / "rec").iterdir()) == []


def test_disk_changed_compares_with_the_file_the_text_was_based_on(tmp_path):
    post = tmp_path / "post.md"
    post.write_bytes(b"on disk\n")
    store = RecoveryStore(tmp_path / "rec")
    store.save(post, "edited", digest(b"on disk\n"))
    assert store.snapshot_of(post).disk_changed() is False
    post.write_bytes(b"changed by git\n")
    assert store.snapshot_of(post).disk_changed() is True
    post.unlink()
    assert store.snapshot_of(post).disk_changed() is True


def test_a_damaged_snapshot_is_skipped_and_kept(tmp_path):
    (tmp_path / "rec").mkdir()
    damaged = tmp_path / "rec/0123.json"
    damaged.write_bytes(b'{"post": "/x", "te')
    snapshot_in_a_process_that_dies(tmp_path / "rec", tmp_path / "ok.md", "fine")
    assert [s.text for s in RecoveryStore(tmp_path / "rec").orphans()] == ["fine"]
    assert damaged.exists()


def test_text_that_is_not_plain_utf8_survives(tmp_path):
    store = RecoveryStore(tmp_path / "rec")
    odd = "emoji 🙂, NUL \x00, lone surrogate \ud800, CR\r only"
    store.save(tmp_path / "p.md", odd, None)
    assert store.snapshot_of(tmp_path / "p.md").text == odd


def test_an_unwritable_recovery_folder_is_a_post_error():
    # Root writes anywhere: as root (CI's containers), the save is made as nobody.
    with open_folder() as folder:
        (folder / "rec").mkdir()
        (folder / "rec").chmod(0o555)
        with as_nobody(), pytest.raises(PostError, match="permission denied"):
            RecoveryStore(folder / "rec").save(folder / "p.md", TEXT, None)


def test_a_recovery_folder_that_is_a_file_is_a_post_error(tmp_path):
    (tmp_path / "rec").write_text("not a folder")
    with pytest.raises(PostError, match="recovery"):
        RecoveryStore(tmp_path / "rec").save(tmp_path / "p.md", TEXT, None)


# --- one snapshot per window and post (issue 13, point 2) ------------------------------------


def test_two_windows_keep_a_snapshot_each_of_one_post(tmp_path):
    """Window B used to set A's snapshot aside and write its own under the same name; A's
    save then deleted B's. Each window's text now lives in a file of its own."""
    post = tmp_path / "post.md"
    a, b = RecoveryStore(tmp_path / "rec"), RecoveryStore(tmp_path / "rec")
    assert a.owner != b.owner
    a.save(post, "A's unsaved text", None)
    b.save(post, "B's unsaved text", None)
    assert (a.snapshot_of(post).text, b.snapshot_of(post).text) == (
        "A's unsaved text",
        "B's unsaved text",
    )
    a.discard(post)  # A saved the post
    assert a.snapshot_of(post) is None
    assert b.snapshot_of(post).text == "B's unsaved text"
    assert a.orphans() == [] and b.orphans() == []  # both windows are running


def test_a_killed_windows_snapshot_outlives_a_save_of_the_same_post_elsewhere(tmp_path):
    post = tmp_path / "post.md"
    post.write_text("on disk\n")
    here = RecoveryStore(tmp_path / "rec")
    here.save(post, "this window's text", None)
    snapshot_in_a_process_that_dies(tmp_path / "rec", post, "the crashed window's text")
    here.save(post, "this window's text, typed on", None)
    here.discard(post)  # this window saved
    assert [s.text for s in here.orphans()] == ["the crashed window's text"]


def test_a_post_open_in_another_running_window_is_said(tmp_path):
    post = tmp_path / "post.md"
    a, b = RecoveryStore(tmp_path / "rec"), RecoveryStore(tmp_path / "rec")
    assert not b.open_elsewhere(post)
    a.mark_open(post)
    assert b.open_elsewhere(post) and not a.open_elsewhere(post)
    b.mark_open(post)
    a.mark_closed(post)
    assert not b.open_elsewhere(post) and a.open_elsewhere(post)
    b.mark_closed(post)
    b.mark_closed(post)  # twice is fine
    assert list((tmp_path / "rec").iterdir()) == []


def test_a_post_open_in_a_window_that_was_killed_is_not_open_elsewhere(tmp_path):
    post = tmp_path / "post.md"
    snapshot_in_a_process_that_dies(tmp_path / "rec", post, "text", mark_open=True)
    here = RecoveryStore(tmp_path / "rec")
    assert not here.open_elsewhere(post)
    assert [p.suffix for p in (tmp_path / "rec").iterdir()] == [".json"]  # its mark is swept


# --- only the writer may read them (issue 13, point 11) ----------------------------------------


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def no_umask():
    """A umask that takes nothing away: modes are then those the files are created with."""
    old = os.umask(0)
    yield
    os.umask(old)


def test_the_recovery_folder_and_its_files_are_the_writers_alone(tmp_path, no_umask):
    post = tmp_path / "post.md"
    post.write_text("secret\n")
    post.chmod(0o600)
    store = RecoveryStore(tmp_path / "data" / "rec")
    file = store.save(post, "a private draft", None)
    assert (_mode(tmp_path / "data" / "rec"), _mode(file)) == (0o700, 0o600)
    store.mark_open(post)
    assert [_mode(p) for p in (tmp_path / "data" / "rec").iterdir()] == [0o600, 0o600]
    store.save(post, "a private draft, longer", None)
    assert _mode(file) == 0o600


def test_an_open_recovery_folder_is_closed_on_use(tmp_path, no_umask):
    (tmp_path / "rec").mkdir(mode=0o755)
    (tmp_path / "rec").chmod(0o755)
    store = RecoveryStore(tmp_path / "rec")
    store.save(tmp_path / "post.md", TEXT, None)
    assert _mode(tmp_path / "rec") == 0o700
    (tmp_path / "rec").chmod(0o777)
    store.mark_open(tmp_path / "post.md")
    assert _mode(tmp_path / "rec") == 0o700
