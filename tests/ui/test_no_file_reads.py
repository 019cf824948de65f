"""Widgets ask the core for files (DESIGN.md: "No widget reads or writes files"): no module
under editor/ui reads a file itself. An AST scan for the ways Python reads one: `open(...)`,
`os.open`/`io.open`, `.read_bytes()`, `.read_text()`, `Post.read(...)`. A post is read by the
core (`editor.core.session`: `read_post`, `EditSession.read_disk`, `disk_text`), which goes
through `storage.read_regular`, so a named pipe in a post's place never hangs the window.

Allowed, and why:
- `.open()` on a Qt object that is no file: a QBuffer in memory (media_drop, a pasted picture
  encoded as PNG), a dialog shown without waiting (AboutDialog), and the window's folder index
  opening a folder (the core reads it).
- Pictures decoded by Qt (`QImage(path)`, `QPixmap(path)`): showing a picture is Qt's job, and
  the path comes from the core's rule (`core.site.pictures.local_picture`, regular files
  inside the site only). Those are constructor calls, which this scan does not look at.
"""

from __future__ import annotations

import ast
from pathlib import Path

import editor.ui

UI = Path(editor.ui.__file__).parent
READ_METHODS = {"read_bytes", "read_text"}
ALLOWED_OPEN = {  # (module, the receiver of `.open()` as written)
    ("tab/media_drop.py", "buffer"),
    ("shell/main_window.py", "AboutDialog(self)"),
    ("shell/main_window.py", "self.folder_index"),  # opens a folder: the core indexes it
    ("git/git_actions.py", "dialog"),  # the commit and history dialogs, shown without waiting
}


def file_reads(source: str, module: str) -> list[str]:
    """The calls in `source` that read a file, as `line: code`."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        func, bad = node.func, False
        if isinstance(func, ast.Name):
            bad = func.id == "open"
        elif isinstance(func, ast.Attribute):
            receiver = ast.unparse(func.value)
            bad = (
                func.attr in READ_METHODS
                or (func.attr == "read" and receiver == "Post")
                or (func.attr == "open" and (module, receiver) not in ALLOWED_OPEN)
            )
        if bad:
            found.append(f"{module}:{node.lineno}: {ast.unparse(node)}")
    return found


def test_no_ui_module_reads_a_file():
    offenders = [
        found
        for path in sorted(UI.rglob("*.py"))
        for found in file_reads(path.read_text(encoding="utf-8"), path.relative_to(UI).as_posix())
    ]
    assert offenders == []


def test_the_scan_finds_each_way_of_reading():
    source = (
        "open(p)\n"
        "os.open(p, 0)\n"
        "io.open(p)\n"
        "path.read_bytes()\n"
        "tab.post.path.read_text('utf-8')\n"
        "Post.read(path)\n"
        "buffer.open(mode)\n"
    )
    assert len(file_reads(source, "x.py")) == 7
    assert file_reads("buffer.open(mode)\nPost(text)\n", "tab/media_drop.py") == []
