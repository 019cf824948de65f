"""The import rules of the window's packages (DESIGN.md), read from the source with `ast`.

The parts of the window (a tab, a panel, the preview, spelling, safety) import the core and a
small base: `ui/jobs`, `ui/widgets` and `ui/settings.py` (the questions a part may ask the
writer are the core's `session.Prompter`; the shell answers them with dialogs). They never
import each other, but for what a tab is made of; only `ui/shell` wires them together, and
nothing imports `ui/shell` but the CLI's lazy start of the window. Inside the shell, only
`app.py` (the window's start) imports the main window, so a menu or a view control never
reaches back into it.

Every form of import counts, inside functions and under `TYPE_CHECKING` too: a type hint is a
dependency of the design. No Qt is needed to read the rules.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

import pytest
from paths import REPO

EDITOR = REPO / "editor"

# The base: every part of the window may import these, and the core.
BASE = frozenset({"jobs", "widgets", "settings"})
PARTS = frozenset({"tab", "preview", "panels", "spelling", "safety", "shell", "git"}) | BASE

# What each part of editor/ui may import besides itself and the core: the allowed graph.
MAY_IMPORT: dict[str, frozenset[str]] = {
    # The base imports only the core.
    "jobs": frozenset(),
    "widgets": frozenset(),
    "settings": frozenset(),
    # The parts: each gets what it needs as arguments and emits signals.
    "preview": BASE,
    "spelling": BASE,
    "panels": BASE,
    "safety": BASE,
    "git": BASE,
    # One open post is a Markdown editor with spelling marks beside its preview.
    "tab": BASE | {"preview", "spelling"},
    # The one place that wires the parts together.
    "shell": PARTS,
}

# Imports that break the rules today, each with what it waits for. The test fails when one
# of these is gone, so the list only shrinks.
NOT_YET: dict[tuple[str, str], str] = {
    (
        "editor/ui/safety/disk_watch.py",
        "tab",
    ): "the disk watch drives each tab (reload, rebase, mark gone, its disk bar); it needs a "
    "tab interface, which waits for the edit session in the core (point 4)",
    (
        "editor/ui/safety/recovery_keeper.py",
        "tab",
    ): "recovery snapshots a tab's edits and restores them into a new tab; same tab interface",
}

# The modules outside ui/shell that may import it, all lazily (inside a function).
SHELL_STARTERS = {"editor/cli.py": "editor.ui.shell.app"}
WINDOW_STARTERS = {"editor/ui/shell/app.py"}


@dataclass(frozen=True)
class Import:
    """One module a file imports, by its full dotted name, and whether it is imported
    inside a function (lazily)."""

    name: str
    line: int
    lazy: bool


def imports(path: Path, root: Path) -> list[Import]:
    """Every module a file imports (relative imports resolved; `from a import b` counts as
    importing `a` and `a.b`, as `b` may be a module)."""
    package = path.relative_to(root.parent).parts[:-1]  # a module's, or an __init__'s own
    found: list[Import] = []

    def visit(node: ast.AST, lazy: bool) -> None:
        if isinstance(node, ast.Import):
            found.extend(Import(alias.name, node.lineno, lazy) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = list(package[: len(package) - node.level + 1]) if node.level else []
            source = ".".join([*base, *(node.module.split(".") if node.module else [])])
            found.append(Import(source, node.lineno, lazy))
            found.extend(Import(f"{source}.{a.name}", node.lineno, lazy) for a in node.names)
        inner = lazy or isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda)
        for child in ast.iter_child_nodes(node):
            visit(child, inner)

    visit(ast.parse(path.read_text(encoding="utf-8"), str(path)), False)
    return found


def part_of(name: str) -> str | None:
    """The part of editor/ui a dotted name belongs to ("tab", "settings"...), else None."""
    parts = name.split(".")
    return parts[2] if parts[:2] == ["editor", "ui"] and len(parts) > 2 else None


def allowed(rel: str, own: str | None, imp: Import, target: str) -> bool:
    """Whether the file `rel`, of part `own` (None: outside editor/ui), may make an import of
    the part `target`."""
    if own is None:  # the core and the CLI: only the CLI's lazy start of the window
        start = SHELL_STARTERS.get(rel)
        return imp.lazy and start is not None and (imp.name + ".").startswith(start + ".")
    if own == target:
        return not (
            own == "shell"
            and "main_window" in imp.name.split(".")
            and rel not in WINDOW_STARTERS
            and not rel.endswith("/main_window.py")
        )
    return target in MAY_IMPORT.get(own, frozenset())


def violations(root: Path) -> dict[tuple[str, str], list[str]]:
    """Imports against the rules, keyed by (file, part imported), each as "line: name"."""
    found: dict[tuple[str, str], list[str]] = {}
    for path in sorted(root.rglob("*.py")):
        rel = path.relative_to(root.parent).as_posix()
        own = part_of(".".join(path.relative_to(root.parent).with_suffix("").parts))
        for imp in imports(path, root):
            target = part_of(imp.name)
            if target is not None and not allowed(rel, own, imp, target):
                lines = found.setdefault((rel, target), [])
                if not any(line.startswith(f"{imp.line}: ") for line in lines):
                    lines.append(f"{imp.line}: {imp.name}")  # `from a import b`: a, once
    return found


def test_the_window_packages_import_by_the_rules():
    found = violations(EDITOR)
    new = {key: names for key, names in found.items() if key not in NOT_YET}
    assert new == {}, "\n".join(f"{f} imports {p} ({'; '.join(n)})" for (f, p), n in new.items())


def test_the_known_exceptions_are_still_needed():
    """A fixed exception leaves the list, so nobody can bring it back unnoticed."""
    assert sorted(set(NOT_YET) - set(violations(EDITOR))) == []


def test_every_part_of_the_window_is_named_in_the_rules():
    on_disk = {p.stem if p.is_file() else p.name for p in (EDITOR / "ui").iterdir()}
    on_disk -= {"__init__", "__pycache__"}
    assert on_disk == set(MAY_IMPORT)


def tree(tmp_path: Path, files: dict[str, str]) -> Path:
    """A small editor/ package made of `files` (relative path: source)."""
    root = tmp_path / "editor"
    for rel, source in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(source)
    return root


@pytest.mark.parametrize(
    "source",
    [
        "from editor.ui.tab.document_tab import DocumentTab\n",
        "import editor.ui.tab.document_tab\n",
        "from editor.ui import tab\n",
        "from ..tab import document_tab\n",
        "from ..tab.document_tab import DocumentTab\n",
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n"
        "    from editor.ui.tab.document_tab import DocumentTab\n",
        "def later():\n    from editor.ui.tab.document_tab import DocumentTab\n",
    ],
)
def test_the_scan_finds_every_way_of_importing_another_part(tmp_path, source):
    root = tree(tmp_path, {"ui/panels/part.py": source, "ui/tab/document_tab.py": ""})
    assert list(violations(root)) == [("editor/ui/panels/part.py", "tab")]


@pytest.mark.parametrize(
    ("rel", "source"),
    [
        ("core/site/site.py", "from editor.ui.shell.app import run\n"),
        ("cli.py", "from editor.ui.shell.app import run\n"),  # not lazily
        ("cli.py", "def main():\n    from editor.ui.shell.main_window import MainWindow\n"),
        ("ui/tab/part.py", "from editor.ui.shell import actions\n"),
        ("ui/shell/menus.py", "from .main_window import MainWindow\n"),
        ("ui/shell/menus.py", "from editor.ui.shell import main_window\n"),
    ],
)
def test_nothing_imports_the_shell_but_the_windows_start(tmp_path, rel, source):
    root = tree(tmp_path, {rel: source, "ui/shell/main_window.py": "", "ui/shell/app.py": ""})
    [(where, _)] = violations(root)
    assert where == f"editor/{rel}"


def test_the_scan_lets_allowed_imports_be(tmp_path):
    root = tree(
        tmp_path,
        {
            "cli.py": "def window():\n    from editor.ui.shell.app import run\n",
            "ui/shell/app.py": "from editor.ui.shell.main_window import MainWindow\n",
            "ui/shell/main_window.py": "from editor.ui.tab.document_tab import DocumentTab\n"
            "from editor.ui.panels.docks import ToggledDock\nfrom . import menus\n",
            "ui/tab/document_tab.py": "from editor.ui.preview.preview import Preview\n"
            "from editor.ui.settings import Settings\nfrom ..jobs import background\n"
            "import editor.core.folder.content_folder\n",
            "ui/panels/docks.py": "from editor.ui.widgets.row_table import RowTable\n"
            "from editor.ui.settings import Settings\nfrom .outline import Outline\n",
        },
    )
    assert violations(root) == {}
