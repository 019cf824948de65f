"""`set` on posts it must not or cannot write, run as a user runs it (issue 13, points 4 and 17):
a post that is a symlink leading out of the folder is refused by name and the others are still
edited; a save that fails is counted as failed, never as changed."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

POST = "---\ntitle: A post\ndate: 2026-01-24\n---\n\nThe body.\n"


def post_editor(*args: object, limit_file_size: int | None = None) -> subprocess.CompletedProcess:
    """`python -m editor ARGS`; with `limit_file_size`, no file it writes may grow past that
    many bytes (RLIMIT_FSIZE), so a save fails for real, as on a full disk (EFBIG)."""

    def limit() -> None:
        import resource  # not on Windows

        assert limit_file_size is not None
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # EFBIG instead of a kill
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit_file_size, limit_file_size))

    return subprocess.run(
        [sys.executable, "-m", "editor", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=60,
        preexec_fn=limit if limit_file_size is not None else None,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
    )


@pytest.fixture
def site(tmp_path: Path) -> Path:
    """s/ (a site: it has a .git folder) with posts/a.md and posts/l.md, a link to
    o/victim.md outside the site, and posts/in.md, a link to a post inside the folder."""
    site = tmp_path / "s"
    (site / ".git").mkdir(parents=True)
    (site / "posts" / "sub").mkdir(parents=True)
    (tmp_path / "o").mkdir()
    (tmp_path / "o" / "victim.md").write_text(POST)
    (site / "posts" / "a.md").write_text(POST)
    (site / "posts" / "sub" / "real.md").write_text(POST)
    (site / "posts" / "l.md").symlink_to(Path("..", "..", "o", "victim.md"))
    (site / "posts" / "in.md").symlink_to(Path("sub", "real.md"))
    return site


def test_set_folder_refuses_a_link_out_of_it_by_name_and_edits_the_others(site: Path) -> None:
    posts = site / "posts"
    victim = site.parent / "o" / "victim.md"
    done = post_editor("set", posts, "--field", "author=X")
    assert done.returncode == 1
    lines = done.stderr.splitlines()
    assert len(lines) == 2, done.stderr
    assert lines[0].startswith(f"post-editor: {posts / 'l.md'}: not saved: this file is a link to")
    assert str(victim) in lines[0] and "outside" in lines[0]
    # a.md and in.md (a link to sub/real.md, inside the folder) are edited; real.md once only
    # would be the ideal, but it is reached under two names and edited the first time.
    assert lines[1] == "post-editor: changed 2 posts, 1 failed"
    assert victim.read_text() == POST
    assert "author: X" in (posts / "a.md").read_text()
    assert "author: X" in (posts / "sub" / "real.md").read_text()
    assert (posts / "l.md").is_symlink() and (posts / "in.md").is_symlink()
    assert sorted(p.name for p in victim.parent.iterdir()) == ["victim.md"]


def test_set_file_refuses_a_link_out_of_its_site(site: Path) -> None:
    victim = site.parent / "o" / "victim.md"
    for dry_run in ([], ["--dry-run"]):
        done = post_editor("set", site / "posts" / "l.md", "--field", "author=X", *dry_run)
        assert done.returncode == 1
        assert "not saved: this file is a link to" in done.stderr and str(victim) in done.stderr
        assert done.stdout == ""  # not even a diff of a file outside the site
    assert victim.read_text() == POST
    # A link that stays inside the site is followed, as before.
    done = post_editor("set", site / "posts" / "in.md", "--field", "author=Yann")
    assert (done.returncode, done.stderr) == (0, "post-editor: changed 1 post\n")
    assert "author: Yann" in (site / "posts" / "sub" / "real.md").read_text()


@pytest.mark.skipif(not hasattr(signal, "SIGXFSZ"), reason="needs RLIMIT_FSIZE")
def test_set_counts_a_post_it_could_not_write_as_failed_not_changed(tmp_path: Path) -> None:
    long_post = POST + "A line of the body that makes the post longer than the limit.\n" * 80
    for name in ("a.md", "b.md", "c.md"):
        (tmp_path / name).write_text(long_post)
    done = post_editor("set", tmp_path, "--field", "author=X", limit_file_size=2048)
    assert done.returncode == 1
    assert done.stderr.splitlines()[-1] == "post-editor: changed 0 posts, 3 failed"
    assert done.stderr.count("could not save") == 3
    for name in ("a.md", "b.md", "c.md"):
        assert (tmp_path / name).read_text() == long_post
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.md", "b.md", "c.md"]
