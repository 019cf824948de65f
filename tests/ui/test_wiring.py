"""The window wires its parts; no part reaches back into it.

A part of the window (a dock, a panel, the view controls, recovery...) gets what it needs as
arguments and says what it wants done by signals, so it never imports the main window, not
even for a type hint. Only `app.py`, which starts the window, may. Read from the source with
`ast` (no Qt needed), every form of import counted, inside functions and `TYPE_CHECKING` too.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

EDITOR = Path(__file__).resolve().parents[2] / "editor"
ALLOWED = {"app.py"}  # the window's start


def imported(path: Path, root: Path) -> set[str]:
    """Every module a file imports, by its full dotted name (relative imports resolved;
    `from a import b` counts as importing `a` and `a.b`, as `b` may be a module)."""
    package = path.relative_to(root.parent).parts[:-1]  # a module's, or an __init__'s own
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = list(package[: len(package) - node.level + 1]) if node.level else []
            source = ".".join([*base, *(node.module.split(".") if node.module else [])])
            names.add(source)
            names.update(f"{source}.{alias.name}" for alias in node.names)
    return names


def reaches_window(name: str) -> bool:
    """Whether a dotted module name is the main window's module (wherever it lives in ui)."""
    parts = name.split(".")
    return parts[:2] == ["editor", "ui"] and "main_window" in parts[2:]


def offenders(root: Path) -> list[str]:
    """Modules under `root`/ui, but the allowed ones, that import the main window."""
    found = []
    for path in sorted((root / "ui").rglob("*.py")):
        if path.name in ALLOWED or path.stem == "main_window":
            continue
        bad = sorted(name for name in imported(path, root) if reaches_window(name))
        if bad:
            found.append(f"{path.relative_to(root.parent).as_posix()}: {', '.join(bad)}")
    return found


def test_no_part_of_the_window_imports_the_main_window():
    assert offenders(EDITOR) == []


@pytest.mark.parametrize(
    "source",
    [
        "from editor.ui.shell.main_window import MainWindow\n",
        "import editor.ui.shell.main_window\n",
        "from editor.ui import main_window\n",
        "from . import main_window\n",
        "from .main_window import MainWindow\n",
        "from ..ui.main_window import MainWindow\n",
        "from editor.ui.shell.main_window import MainWindow\n",
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n"
        "    from editor.ui.shell.main_window import MainWindow\n",
        "def later():\n    from editor.ui.shell.main_window import MainWindow\n",
    ],
)
def test_the_scan_finds_every_way_of_importing_it(tmp_path, source):
    ui = tmp_path / "editor" / "ui"
    ui.mkdir(parents=True)
    (ui / "__init__.py").write_text("")
    (ui / "main_window.py").write_text("class MainWindow: ...\n")
    (ui / "app.py").write_text(source)  # allowed: it starts the window
    (ui / "part.py").write_text(source)
    [offender] = offenders(tmp_path / "editor")
    assert offender.startswith("editor/ui/part.py: editor.ui.")
    assert "main_window" in offender


def test_the_scan_lets_other_imports_be(tmp_path):
    ui = tmp_path / "editor" / "ui"
    ui.mkdir(parents=True)
    (ui / "part.py").write_text(
        "from editor.ui.panels.docks import ToggledDock\nfrom . import main_windows_of_others\n"
        "import editor.core.folder.content_folder\n"
    )
    assert offenders(tmp_path / "editor") == []
