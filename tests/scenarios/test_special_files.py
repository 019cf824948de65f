"""A special file given as PATH is refused at once (issue 13, point 12): a FIFO would block a
read forever, and a link to /dev/zero would fill the memory. Every command runs as a real
process with a timeout, so a regression fails instead of hanging the suite."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs and /dev/zero")

POST = "---\ntitle: A post\ndate: 2026-01-24\n---\n\nThe body.\n"
TIMEOUT = 30  # seconds; a refusal takes a fraction of one
MEMORY = 2**30  # bytes of address space: a read of /dev/zero stops there, not at the machine's


def _limit_memory() -> None:
    import resource  # not on Windows

    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))


def post_editor(*args: object) -> subprocess.CompletedProcess[str]:
    try:
        return subprocess.run(
            [sys.executable, "-m", "editor", *map(str, args)],
            capture_output=True,
            text=True,
            timeout=TIMEOUT,
            preexec_fn=_limit_memory,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"post-editor {' '.join(map(str, args))} still ran after {TIMEOUT} s")


@pytest.fixture
def specials(tmp_path: Path) -> dict[str, Path]:
    """A folder holding a post, a FIFO and a link to /dev/zero, both named like posts."""
    folder = tmp_path / "posts"
    folder.mkdir()
    (folder / "a.md").write_text(POST)
    os.mkfifo(folder / "pipe.md")
    (folder / "zero.md").symlink_to("/dev/zero")
    return {"pipe": folder / "pipe.md", "zero": folder / "zero.md"}


@pytest.mark.parametrize("kind", ["pipe", "zero"])
@pytest.mark.parametrize(
    ("command", "status"),
    [
        (["check"], 1),
        (["set", "--field", "author=X"], 1),
        (["render"], 2),
        (["list"], 2),
        (["new", "--title", "T"], 2),
    ],
    ids=["check", "set", "render", "list", "new"],
)
def test_a_special_file_as_path_is_refused_with_a_clear_message(specials, kind, command, status):
    path = specials[kind]
    done = post_editor(command[0], path, *command[1:])
    assert done.returncode == status, done.stderr
    assert str(path) in done.stdout + done.stderr
    said = done.stdout + done.stderr
    if command[0] in ("list", "new"):  # they take a folder
        assert "is not a folder" in said
    elif command[0] == "set" and kind == "zero":  # refused before it is read
        assert "not saved: this file is a link to /dev/zero, outside its site" in said
    else:
        what = "a named pipe" if kind == "pipe" else "a device"
        assert f"this is {what}, not a post file" in said
    assert "Traceback" not in done.stderr
    assert path.is_symlink() if kind == "zero" else path.is_fifo(), "the file was replaced"


def test_a_folder_holding_special_files_lists_checks_and_sets_only_its_posts(specials):
    folder = specials["pipe"].parent
    done = post_editor("list", folder)
    assert (done.returncode, done.stderr) == (0, ""), done.stderr
    assert [line.split("[")[1].split("]")[0] for line in done.stdout.splitlines()] == [
        str(folder / "a.md")
    ]
    done = post_editor("check", folder)
    assert done.returncode == 0, done.stdout + done.stderr
    done = post_editor("set", folder, "--field", "author=X")
    assert (done.returncode, done.stderr) == (0, "post-editor: changed 1 post\n")
    assert specials["pipe"].is_fifo() and specials["zero"].is_symlink()
