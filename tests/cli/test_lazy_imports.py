"""A one-file command loads only what it needs: `check FILE` and `render FILE` do not load the
site generators, the folder index or its cache, nor (for `check`) the Markdown renderer. How
long they take is a benchmark (benchmarks/run.py); what they load is checked here."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

POST = "---\ntitle: One\ndate: 2024-05-01\n---\nSome *words*.\n"
HEAVY = ("editor.core.site.generators", "editor.core.folder", "sqlite3")


def loaded(argv: list[str], post: Path) -> set[str]:
    code = (
        "import sys\n"
        "from editor.cli import main\n"
        f"main({argv!r} + [{str(post)!r}])\n"
        "print(' '.join(sorted(sys.modules)))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return set(done.stdout.splitlines()[-1].split())


@pytest.mark.parametrize("argv", [["check"], ["render"]])
def test_a_one_file_command_loads_no_generator_nor_index(tmp_path, argv):
    post = tmp_path / "post.md"
    post.write_text(POST, encoding="utf-8")
    modules = loaded(argv, post)
    assert "editor.core.document.post" in modules  # it did read the post
    assert not [m for m in modules if m.startswith(HEAVY)]
    if argv == ["check"]:
        assert "markdown" not in modules
