"""The import rules of DESIGN.md, read from the source with `ast` (nothing is imported or run).

- The core is Qt-free and stands alone: nothing in `editor/core` imports `editor.ui`,
  `editor.cli`, PySide6 or shiboken6.
- Inside the core, the layers go one way: storage ← document ← schema ← site ← folder ←
  session; each imports only those to its left. The modules at the core's top are usable by
  the layers: `errors.py` and `workers.py` by all (they import no layer), `spelling.py` by
  those above `document` (it reads Markdown lines through `document` and saves word lists
  through `storage`). `git` (the folder's repository) stands there too: it diffs texts and
  merges front matter with `document`'s lossless model, and the folder and session may ask it.
- No module imports another module's `_private` name, anywhere in `editor/`.
- No core module imports another editor module inside a function: a late import there only
  hides a cycle.

Every import counts, `if TYPE_CHECKING:` ones too: they are real dependencies of the design.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

from paths import REPO

EDITOR = REPO / "editor"
LAYERS = ("storage", "document", "schema", "site", "folder", "session")
# Where each part of the core stands: a module may import only parts ranked below its own.
RANK = {"errors": -1.0, "workers": -1.0, "spelling": 1.5, "git": 1.5}
RANK |= {layer: float(rank) for rank, layer in enumerate(LAYERS)}
OUTSIDE_THE_CORE = ("editor.ui", "editor.cli", "PySide6", "shiboken6")


def _modules(root: Path) -> dict[str, Path]:
    found = {}
    for path in sorted(root.rglob("*.py")):
        parts = path.relative_to(REPO).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found[name] = path
    return found


MODULES = _modules(EDITOR)


def _imports(name: str, path: Path) -> Iterator[tuple[ast.stmt, str, list[str], bool]]:
    """(node, module imported, names taken from it, inside a function) for each import."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    in_function: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            in_function |= {id(inner) for inner in ast.walk(node) if inner is not node}
    for node in ast.walk(tree):
        inside = id(node) in in_function
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node, alias.name, [], inside
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                target = ".".join([*base, *([node.module] if node.module else [])])
            else:
                target = node.module or ""
            yield node, target, [alias.name for alias in node.names], inside


def _part(module: str) -> str | None:
    """The layer or top module of the core that `module` belongs to; None outside the core."""
    parts = module.split(".")
    if parts[:2] != ["editor", "core"] or len(parts) < 3:
        return None
    return parts[2] if parts[2] in RANK else None


def _where(path: Path, node: ast.stmt) -> str:
    return f"{path.relative_to(REPO)}:{node.lineno}"


def test_the_core_imports_no_ui_cli_or_qt() -> None:
    wrong = [
        f"{_where(path, node)} imports {target}"
        for name, path in MODULES.items()
        if name.startswith("editor.core")
        for node, target, _, _ in _imports(name, path)
        if target.startswith(OUTSIDE_THE_CORE)
    ]
    assert not wrong, "\n".join(wrong)


def test_core_layers_import_only_those_to_their_left() -> None:
    wrong = []
    for name, path in MODULES.items():
        own = _part(name)
        if own is None:
            continue
        for node, target, taken, _ in _imports(name, path):
            # `from editor.core import storage` takes a part by name
            targets = [f"{target}.{t}" for t in taken] if target == "editor.core" else [target]
            for full in targets:
                other = _part(full)
                if other is not None and other != own and RANK[other] >= RANK[own]:
                    wrong.append(f"{_where(path, node)}: {own} imports {full} ({other})")
    assert not wrong, "\n".join(wrong)


def test_no_module_imports_another_modules_private_name() -> None:
    wrong = [
        f"{_where(path, node)} imports {target}.{taken}"
        for name, path in MODULES.items()
        for node, target, names, _ in _imports(name, path)
        if target.startswith("editor") and target != name
        for taken in names
        if taken.startswith("_") and not taken.startswith("__")
    ]
    assert not wrong, "\n".join(wrong)


def test_no_core_module_imports_editor_code_inside_a_function() -> None:
    wrong = [
        f"{_where(path, node)} imports {target}"
        for name, path in MODULES.items()
        if name.startswith("editor.core")
        for node, target, _, inside in _imports(name, path)
        if inside and target.startswith("editor")
    ]
    assert not wrong, "\n".join(wrong)


def test_the_rules_see_the_whole_core() -> None:
    """A guard that read nothing would pass: it must know every part of the core."""
    assert {_part(name) for name in MODULES} >= {"errors", *LAYERS[:5]}
    assert len([name for name in MODULES if name.startswith("editor.core.")]) >= 40
