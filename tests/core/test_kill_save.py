"""A process killed while saving leaves the old post or the new one, whole (issue 4, point 3).

A child process saves one post over and over through the real core (`killsaver.py`: read, set
the title, replace the body, save), flipping it between a small version and a ~200 KB one. The
test kills it with SIGKILL after a random delay, many times, and after each kill checks that
the file is exactly one of the two versions. The delays are drawn from a fixed seed, so a
failure can be replayed; where in a save each kill lands still depends on the machine.

A kill between creating the temp file and renaming it leaves that temp file behind: nothing
can clean up after SIGKILL, and the core does not sweep old ones on later saves. They are
hidden (`.post.md.<16 hex>.tmp`) in the post's folder, which the folder scan skips; the test
checks that every leftover is such a file and a prefix of one of the versions.

    KILL_SAVES=2000 .venv/bin/python -m pytest tests/core/test_kill_save.py -s
"""

from __future__ import annotations

import os
import random
import re
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import killsaver
import pytest

from editor.core.folder import ContentFolder

pytestmark = pytest.mark.skipif(
    not hasattr(os, "fork") or not hasattr(signal, "SIGKILL"), reason="needs fork and SIGKILL"
)

KILLS = int(os.environ.get("KILL_SAVES", "300"))
SEED = 20260124
MAX_DELAY = 0.02  # seconds: a few save rounds (one is ~5 ms), so kills land anywhere in one
HELPER = Path(killsaver.__file__)
TEMP = re.compile(r"\.post\.md\.[0-9a-f]{16}\.tmp")


def _check_folder(folder: Path, tally: Counter[str]) -> None:
    """The post is one whole version; anything else in the folder is a hidden temp file that
    holds the start of one."""
    data = (folder / "post.md").read_bytes()
    assert data in killsaver.VERSIONS, f"torn file: {len(data)} bytes"
    tally["small" if data == killsaver.VERSIONS[0] else "big"] += 1
    leftovers = [p for p in folder.iterdir() if p.name != "post.md"]
    for temp in leftovers:
        assert TEMP.fullmatch(temp.name), temp.name
        partial = temp.read_bytes()
        assert any(version.startswith(partial) for version in killsaver.VERSIONS)
    tally["temp files"] = len(leftovers)


def _killed(status: int) -> bool:
    return os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL


@pytest.mark.slow
def test_a_post_killed_while_saving_is_old_or_new_never_torn(tmp_path):
    post = tmp_path / "post.md"
    post.write_text(killsaver.SMALL)
    rng = random.Random(SEED)
    tally: Counter[str] = Counter()
    server = subprocess.Popen(
        [sys.executable, str(HELPER), "forks", str(post)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert server.stdin is not None and server.stdout is not None
    try:
        previous = post.read_bytes()
        for _ in range(KILLS):
            server.stdin.write("fork\n")
            server.stdin.flush()
            pid = int(server.stdout.readline())
            time.sleep(rng.uniform(0, MAX_DELAY))
            os.kill(pid, signal.SIGKILL)
            server.stdin.write(f"reap {pid}\n")
            server.stdin.flush()
            status = int(server.stdout.readline())
            assert _killed(status), f"the saver stopped by itself (status {status})"
            _check_folder(tmp_path, tally)
            tally["kills"] += 1
            current = post.read_bytes()
            tally["changed since the last kill"] += current != previous
            previous = current
    finally:
        server.stdin.close()
        server.wait(timeout=30)
    print(f"\nkill while saving: {dict(tally)}")
    assert tally["kills"] == KILLS
    assert tally["small"] and tally["big"], "the saver never got a save done"
    # Leftover temp files are hidden: the folder's index shows the one post.
    assert [e.path.name for e in ContentFolder(tmp_path).scan()] == ["post.md"]


@pytest.mark.slow
def test_a_fresh_saving_process_killed_leaves_a_whole_post(tmp_path):
    # The same through a whole new interpreter each time (no fork): a handful, as each costs
    # an interpreter start.
    post = tmp_path / "post.md"
    post.write_text(killsaver.SMALL)
    rng = random.Random(SEED + 1)
    tally: Counter[str] = Counter()
    for _ in range(5):
        saver = subprocess.Popen(
            [sys.executable, str(HELPER), "loop", str(post)], stdout=subprocess.PIPE, text=True
        )
        try:
            assert saver.stdout is not None and saver.stdout.readline() == "ready\n"
            time.sleep(rng.uniform(0, MAX_DELAY))
        finally:
            saver.kill()
            assert saver.wait(timeout=30) == -signal.SIGKILL
            saver.stdout.close()  # type: ignore[union-attr]
        _check_folder(tmp_path, tally)
    assert tally["small"] + tally["big"] == 5
