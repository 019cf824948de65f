"""The installed `post-editor` script and `python -m editor`, run as a user runs them."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(sys.executable).parent / "post-editor"


def entry_points() -> dict[str, list[str]]:
    script = str(SCRIPT) if SCRIPT.is_file() else shutil.which("post-editor")
    return {"script": [script or "post-editor"], "module": [sys.executable, "-m", "editor"]}


ENTRY_POINTS = entry_points()


def launch(entry: str, *args: object, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [*ENTRY_POINTS[entry], *map(str, args)],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
    )


@pytest.fixture
def site(tmp_path: Path) -> Path:
    root = tmp_path / "site"
    (root / "sub").mkdir(parents=True)
    (root / "good.md").write_bytes(
        "---\ntitle: Café\ndate: 2026-01-24\ntags: [a, b]\n---\nBody\n".encode()
    )
    (root / "sub/bad.md").write_bytes(b"---\ntitle: Bad\ndate: 2026-01-24\ndraft: 'no'\n---\nB\n")
    return root


def test_the_script_is_installed_next_to_the_interpreter():
    assert SCRIPT.is_file() or shutil.which("post-editor"), "post-editor is not installed"


@pytest.mark.parametrize("entry", ENTRY_POINTS)
def test_list_json(entry, site):
    done = launch(entry, "list", "site", "--json", cwd=site.parent)
    assert (done.returncode, done.stderr) == (0, "")
    rows = json.loads(done.stdout)
    assert [(r["path"], r["title"], r["tags"]) for r in rows] == [
        (os.path.join("site", "good.md"), "Café", ["a", "b"]),
        (os.path.join("site", "sub", "bad.md"), "Bad", []),
    ]


@pytest.mark.parametrize("entry", ENTRY_POINTS)
def test_check(entry, site):
    done = launch(entry, "check", "site", cwd=site.parent)
    assert done.returncode == 1
    assert done.stderr == ""
    (line,) = done.stdout.splitlines()
    assert line.startswith(os.path.join("site", "sub", "bad.md") + ":4: error: draft: ")
    clean = launch(entry, "check", os.path.join("site", "good.md"), cwd=site.parent)
    assert (clean.returncode, clean.stdout, clean.stderr) == (0, "", "")


@pytest.mark.parametrize(
    "args",
    [["check", "missing.md"], ["list", "missing"], ["render", "missing.md"]],
    ids=["check", "list", "render"],
)
@pytest.mark.parametrize("entry", ENTRY_POINTS)
def test_a_missing_file_is_one_line_and_exit_2(entry, args, tmp_path):
    done = launch(entry, *args, cwd=tmp_path)
    assert done.returncode == 2
    assert "Traceback" not in done.stderr + done.stdout
    lines = done.stderr.splitlines()
    assert len(lines) == 1, done.stderr
    assert "missing" in lines[0]
    assert done.stdout == ""


def test_commands_do_not_load_qt(site):
    code = (
        "import sys\n"
        "from editor.cli import main\n"
        "for argv in (['check', 'site'], ['list', 'site'], ['render', 'site/good.md']):\n"
        "    main(argv)\n"
        "print('PySide6' in sys.modules)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=site.parent,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
    )
    assert done.stdout.splitlines()[-1] == "False", done.stderr
