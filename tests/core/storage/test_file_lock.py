"""Tests for editor/core/storage/file_lock.py: a post's lock, between real processes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from editor.core.storage.file_lock import locked, try_locked

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="POSIX locks only")

HOLD = (
    "import sys\n"
    "from pathlib import Path\n"
    "from editor.core.storage.file_lock import locked\n"
    "with locked(Path(sys.argv[1])):\n"
    "    print('held', flush=True)\n"
    "    sys.stdin.readline()\n"
)
# Read a number, add one, write it back, under the lock, many times over.
COUNT = (
    "import sys\n"
    "from pathlib import Path\n"
    "from editor.core.storage.file_lock import locked\n"
    "path = Path(sys.argv[1])\n"
    "for _ in range(int(sys.argv[2])):\n"
    "    with locked(path):\n"
    "        path.write_text(str(int(path.read_text()) + 1))\n"
)


def test_the_lock_is_exclusive_between_processes_and_left_nowhere(tmp_path: Path) -> None:
    post = tmp_path / "post.md"
    post.write_text("x")
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(post)], stdin=subprocess.PIPE, stdout=subprocess.PIPE
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == b"held\n"
        assert (tmp_path / ".post.md.lock").exists()  # hidden, beside the post
        with try_locked(post) as mine:
            assert not mine
    finally:
        holder.communicate(b"\n", timeout=30)
    with try_locked(post) as mine:
        assert mine
    assert os.listdir(tmp_path) == ["post.md"]


def test_the_lock_is_reentrant_in_one_thread(tmp_path: Path) -> None:
    post = tmp_path / "post.md"
    with locked(post), locked(post), try_locked(post) as again:
        assert again
    assert os.listdir(tmp_path) == []


def test_no_increment_is_lost_when_the_lock_file_comes_and_goes(tmp_path: Path) -> None:
    # The holder removes the lock file on release: a process that waited on the removed file
    # must notice and lock the new one, or two would hold "the" lock and an increment be lost.
    counter = tmp_path / "counter.md"
    counter.write_text("0")
    procs, rounds = 4, 150
    runs = [
        subprocess.Popen([sys.executable, "-c", COUNT, str(counter), str(rounds)])
        for _ in range(procs)
    ]
    assert [run.wait(timeout=120) for run in runs] == [0] * procs
    assert counter.read_text() == str(procs * rounds)
    assert os.listdir(tmp_path) == ["counter.md"]
