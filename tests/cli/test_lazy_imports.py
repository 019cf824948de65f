"""A one-file command loads only what it needs: `render FILE` asks the site's generator for its
Markdown but loads no folder index nor its cache; `check FILE`, which judges the file by its
site's index, loads no Markdown renderer. How long they take is a benchmark
(benchmarks/run.py); what they load is checked here."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

POST = "---\ntitle: One\ndate: 2024-05-01\n---\nSome *words*.\n"
INDEX = ("editor.core.folder", "sqlite3")
RENDERERS = ("markdown", "markdown_it", "pygments")


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


def test_render_file_loads_no_index(tmp_path):
    post = tmp_path / "post.md"
    post.write_text(POST, encoding="utf-8")
    modules = loaded(["render"], post)
    assert "editor.core.document.post" in modules  # it did read the post
    assert not [m for m in modules if m.startswith(INDEX)]


def test_check_file_loads_no_markdown_renderer(tmp_path):
    post = tmp_path / "post.md"
    post.write_text(POST, encoding="utf-8")
    modules = loaded(["check"], post)
    assert "editor.core.folder.checks.files" in modules  # judged by its site
    assert not [m for m in modules if m.split(".")[0] in RENDERERS]
