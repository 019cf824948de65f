"""A process that saves one post over and over, for the kill-while-saving test (not a test module).

Each round goes through the real core: `Post.read`, then `with_value` and `with_body` to turn
the small version into the big one or back, then `save`. The two versions differ in length
(about 100 bytes against about 200 KB), so a torn write would show as a truncated or mixed file.

    python killsaver.py loop PATH     print "ready", then save PATH until killed
    python killsaver.py forks PATH    a fork server: on "fork" it starts a saving child and
                                      prints its pid; on "reap PID" it waits for that child and
                                      prints its wait status
    python killsaver.py set-forks PATH   the same, with children that run `post-editor set`
                                      over and over, flipping the title between SET_TITLES

The fork server exists for speed: a child forked from a process that has already imported the
core starts saving in a millisecond, where a fresh interpreter needs a tenth of a second.
"""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import signal
import sys
import tempfile
import traceback
from collections.abc import Callable
from pathlib import Path

from editor.cli import main
from editor.core.document.post import Post

SMALL = "---\ntitle: 'The small version'\ndate: '2026-01-24'\ntags:\n  - a\n---\nShort body.\n"
BIG_TITLE, SMALL_TITLE = "The big version, with a longer title", "The small version"
SMALL_BODY = "Short body.\n"
BIG_BODY = "".join(
    f"Line {i:05}: lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod.\n"
    for i in range(2400)
)  # about 200 KB, every line different (a body diff of equal lines would be slow)


def to_big(post: Post) -> Post:
    return post.with_value("title", BIG_TITLE).with_body(BIG_BODY)


def to_small(post: Post) -> Post:
    return post.with_value("title", SMALL_TITLE).with_body(SMALL_BODY)


BIG = to_big(Post(SMALL)).text
VERSIONS = (SMALL.encode(), BIG.encode())


def save_forever(path: Path) -> None:
    """Flip the post between its two versions until killed; exit 3 if it is ever neither."""
    while True:
        post = Post.read(path)
        if post.text not in (SMALL, BIG):
            sys.stderr.write(f"neither version on disk: {len(post.text)} characters\n")
            os._exit(3)
        (to_big(post) if post.text == SMALL else to_small(post)).save()


SET_TITLES = ("The first title", "The second title")


def set_forever(path: Path) -> None:
    """Flip the post's title with `post-editor set` until killed; exit 3 if the post is ever
    torn (its title neither), 5 if `set` fails."""
    sys.stderr = open(os.devnull, "w")  # noqa: SIM115 -- "changed 1 post", each round
    while True:
        title = Post.read(path).values.get("title")
        if title not in SET_TITLES:
            os._exit(3)
        other = SET_TITLES[title == SET_TITLES[0]]
        if main(["set", str(path), "--field", f"title={other}"]) != 0:
            os._exit(5)


def fork_server(path: Path, work: Callable[[Path], None] = save_forever) -> None:
    """Start saving children on request (see the module docstring)."""
    children: set[int] = set()
    # Read it once here, so the children need not import what the core imports lazily (the
    # file layer of `storage`): that would take most of the time before a kill.
    Post.read(path)
    try:
        for line in sys.stdin:
            command, *args = line.split()
            if command == "fork":
                pid = os.fork()
                if pid == 0:
                    try:
                        work(path)
                    except BaseException:
                        traceback.print_exc()
                    os._exit(4)
                children.add(pid)
                print(pid, flush=True)
            elif command == "reap":
                _, status = os.waitpid(int(args[0]), 0)
                children.discard(int(args[0]))
                print(status, flush=True)
    finally:  # a test that stopped half-way leaves no saver running
        for pid in children:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)


if __name__ == "__main__":
    mode, target = sys.argv[1], Path(sys.argv[2])
    if mode == "loop":
        print("ready", flush=True)
        save_forever(target)
    elif mode == "set-forks":
        # One real `set` first, on a copy, so the children need not import what the CLI
        # imports lazily, reading and saving alike (it would take most of the time before a
        # kill, and on a busy machine all of it).
        with (
            tempfile.TemporaryDirectory() as scratch,
            contextlib.redirect_stdout(io.StringIO()),
            contextlib.redirect_stderr(io.StringIO()),
        ):
            copy = Path(scratch) / target.name
            shutil.copyfile(target, copy)
            main(["set", str(copy), "--field", f"title={SET_TITLES[1]}"])
        fork_server(target, set_forever)
    else:
        fork_server(target)
