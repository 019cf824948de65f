"""Starting the app: `post-editor --screenshot OUT [PATH]` renders the window offscreen with a
folder open, writes a PNG and exits 0. Run as a separate process (the way a blog's CI runs it),
with HOME and the XDG folders inside the test's own folder, so no real settings are touched."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QImage

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def run_app(tmp_path: Path, *args: object) -> subprocess.CompletedProcess[str]:
    home = tmp_path / "home"
    env = {
        **os.environ,
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CACHE_HOME": str(home / "cache"),
        "XDG_STATE_HOME": str(home / "state"),
        "QT_QPA_PLATFORM": "offscreen",
    }
    env.pop("DISPLAY", None)
    env.pop("WAYLAND_DISPLAY", None)
    return subprocess.run(
        [sys.executable, "-m", "editor", *map(str, args)],
        env=env,
        capture_output=True,
        text=True,
        timeout=90,
        check=False,
    )


def test_a_screenshot_of_a_folder_is_a_png(tmp_path, folder):
    out = tmp_path / "shot.png"
    done = run_app(tmp_path, "--screenshot", out, folder)
    assert done.returncode == 0, done.stderr
    assert done.stdout == f"{out}\n"
    data = out.read_bytes()
    assert data[:8] == PNG_SIGNATURE
    assert len(data) > 10_000
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1400, 900)


def test_a_screenshot_leaves_the_posts_as_they_were(tmp_path, folder, posts):
    done = run_app(tmp_path, "--screenshot", tmp_path / "shot.png", folder)
    assert done.returncode == 0, done.stderr
    for rel, text in posts.items():
        assert (folder / rel).read_bytes() == text.encode()


def test_without_a_path_the_sample_opens_from_the_data_folder(tmp_path):
    out = tmp_path / "shot.png"
    done = run_app(tmp_path, "--screenshot", out)
    assert done.returncode == 0, done.stderr
    assert out.read_bytes()[:8] == PNG_SIGNATURE
    sample = tmp_path / "home" / "data" / "post-editor" / "sample"
    assert any(sample.rglob("*.md")), "the sample posts were not copied to the data folder"


def test_a_path_that_does_not_exist_exits_2(tmp_path):
    out = tmp_path / "shot.png"
    done = run_app(tmp_path, "--screenshot", out, tmp_path / "nowhere")
    assert done.returncode == 2
    assert done.stderr == f"post-editor: {tmp_path / 'nowhere'}: no such file or folder\n"
    assert not out.exists()


def test_a_screenshot_reads_the_settings_and_leaves_them_as_they_were(tmp_path, folder):
    conf = tmp_path / "home" / "config" / "post-editor" / "Post Editor.conf"
    conf.parent.mkdir(parents=True)
    conf.write_text("[General]\ntheme=dark\n")
    out = tmp_path / "shot.png"
    done = run_app(tmp_path, "--screenshot", out, folder)
    assert done.returncode == 0, done.stderr
    assert conf.read_text() == "[General]\ntheme=dark\n"  # no recent folder, no geometry
    assert QImage(str(out)).pixelColor(700, 880).lightness() < 100  # the dark theme was read
