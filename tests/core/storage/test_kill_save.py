"""A process killed while saving leaves the old post or the new one, whole, and what it leaves
beside the post is cleared by the next save or scan (issue 4, point 3; issue 13, points 9, 10).

A child process saves one post over and over through the real core (`killsaver.py`: read, set
the title, replace the body, save), flipping it between a small version and a ~200 KB one. The
test kills it with SIGKILL after a random delay, many times, and after each kill checks that
the file is exactly one of the two versions. The delays are drawn from a fixed seed, so a
failure can be replayed; where in a save each kill lands still depends on the machine.

A kill between creating the temp file and renaming it leaves that temp file behind (hidden,
`.post.md.<16 hex>.tmp`), with the post's lock file (`.post.md.lock`): nothing can clean up
after SIGKILL. The next save of the post finds the lock file its dead holder left and removes
the temp file; a folder scan does the same. So after each kill at most one leftover temp file
is there, and after a last scan none.

The same runs with `post-editor set` as the saver (its title flipped between two values of a
200 KB post), and with a post that has a second hard link, which a save writes in place behind
a backup copy: there a kill can leave the post torn, but then with a whole backup, which the
next save or scan puts back.

    KILL_SAVES=2000 .venv/bin/python -m pytest tests/core/storage/test_kill_save.py -s
    KILL_SETS=200 .venv/bin/python -m pytest tests/core/storage/test_kill_save.py -s -k set
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

from editor.cli import main
from editor.core.folder.content_folder import ContentFolder

pytestmark = pytest.mark.skipif(
    not hasattr(os, "fork") or not hasattr(signal, "SIGKILL"), reason="needs fork and SIGKILL"
)

KILLS = int(os.environ.get("KILL_SAVES", "300"))
SET_KILLS = int(os.environ.get("KILL_SETS", "100"))
SEED = 20260124
MAX_DELAY = 0.02  # seconds: a few save rounds (one is ~5 ms), so kills land anywhere in one
HELPER = Path(killsaver.__file__)
TEMP = re.compile(r"\.post\.md\.[0-9a-f]{16}\.tmp")
BACKUP = re.compile(r"\.post\.md\.[0-9a-f]{16}\.bak")
LOCK = ".post.md.lock"


def _check_folder(folder: Path, versions: tuple[bytes, ...], tally: Counter[str]) -> None:
    """The post is one whole version, or (written in place) torn with a backup that is one;
    anything else in the folder is its lock file or a hidden temp file holding the start of
    one, left by the save just killed (the ones before were swept)."""
    data = (folder / "post.md").read_bytes()
    leftovers = [p for p in folder.iterdir() if p.name != "post.md"]
    backups = [p for p in leftovers if BACKUP.fullmatch(p.name)]
    temps = [p for p in leftovers if TEMP.fullmatch(p.name)]
    if data in versions:
        tally["first" if data == versions[0] else "second"] += 1
    else:
        assert len(backups) == 1, f"torn file: {len(data)} bytes"
        assert backups[0].read_bytes() in versions
        tally["torn, with a whole backup"] += 1
    assert len(temps) <= 1, [p.name for p in temps]
    for temp in temps:
        partial = temp.read_bytes()
        assert any(version.startswith(partial) for version in versions)
    assert {p.name for p in leftovers} - {p.name for p in temps + backups} <= {LOCK}
    tally["most temp files after a kill"] = max(tally["most temp files after a kill"], len(temps))


def _killed(status: int) -> bool:
    return os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL


def _kill_forked_savers(
    mode: str, post: Path, versions: tuple[bytes, ...], kills: int, seed: int
) -> Counter[str]:
    rng = random.Random(seed)
    tally: Counter[str] = Counter()
    server = subprocess.Popen(
        [sys.executable, str(HELPER), mode, str(post)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert server.stdin is not None and server.stdout is not None
    try:
        previous = post.read_bytes()
        for _ in range(kills):
            server.stdin.write("fork\n")
            server.stdin.flush()
            pid = int(server.stdout.readline())
            time.sleep(rng.uniform(0, MAX_DELAY))
            os.kill(pid, signal.SIGKILL)
            server.stdin.write(f"reap {pid}\n")
            server.stdin.flush()
            status = int(server.stdout.readline())
            assert _killed(status), f"the saver stopped by itself (status {status})"
            _check_folder(post.parent, versions, tally)
            tally["kills"] += 1
            current = post.read_bytes()
            tally["changed since the last kill"] += current != previous
            previous = current
    finally:
        server.stdin.close()
        server.wait(timeout=30)
    # A scan lists the one post, and clears what the last kill left: no temp file, no lock
    # file, no backup, and the post whole.
    assert [e.path.name for e in ContentFolder(post.parent).scan()] == ["post.md"]
    assert os.listdir(post.parent) == ["post.md"]
    assert post.read_bytes() in versions
    print(f"\nkill while saving ({mode}): {dict(tally)}")
    assert tally["kills"] == kills
    return tally


@pytest.mark.slow
def test_a_post_killed_while_saving_is_old_or_new_never_torn(tmp_path):
    post = tmp_path / "post.md"
    post.write_text(killsaver.SMALL)
    tally = _kill_forked_savers("forks", post, killsaver.VERSIONS, KILLS, SEED)
    assert tally["first"] and tally["second"], "the saver never got a save done"
    assert tally["torn, with a whole backup"] == 0  # a rename never tears


@pytest.mark.slow
def test_a_set_killed_while_saving_leaves_a_whole_post_and_no_temp_file(tmp_path):
    post = tmp_path / "post.md"
    post.write_text(killsaver.BIG)
    versions = []
    for title in killsaver.SET_TITLES:
        assert main(["set", str(post), "--field", f"title={title}"]) == 0
        versions.append(post.read_bytes())
    tally = _kill_forked_savers("set-forks", post, tuple(versions), SET_KILLS, SEED + 2)
    assert tally["first"] and tally["second"], "set never got a save done"
    assert tally["torn, with a whole backup"] == 0


@pytest.mark.slow
def test_a_hard_linked_post_killed_while_written_in_place_is_put_back_whole(tmp_path):
    post = tmp_path / "posts" / "post.md"
    post.parent.mkdir()
    post.write_text(killsaver.SMALL)
    (tmp_path / "twin").mkdir()
    os.link(post, tmp_path / "twin" / "post.md")  # outside the scanned folder
    tally = _kill_forked_savers("forks", post, killsaver.VERSIONS, KILLS // 3, SEED + 3)
    assert tally["first"] and tally["second"], "the saver never got a save done"
    assert os.stat(post).st_nlink == 2  # still the same file under both names
    assert (tmp_path / "twin" / "post.md").read_bytes() == post.read_bytes()


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
        _check_folder(tmp_path, killsaver.VERSIONS, tally)
    assert tally["first"] + tally["second"] + tally["torn, with a whole backup"] == 5
