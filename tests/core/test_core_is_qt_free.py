"""The core is a library a script can use: importing all of it must not import Qt."""

import pkgutil
import subprocess
import sys
from pathlib import Path

import editor.core

CORE = Path(editor.core.__file__).parent


def test_no_core_module_imports_qt():
    modules = [m.name for m in pkgutil.walk_packages([str(CORE)], "editor.core.")]
    assert len(modules) >= 40
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6')))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_no_core_source_mentions_a_qt_import():
    offenders = [
        str(path)
        for path in CORE.rglob("*.py")
        if any(
            line.lstrip().startswith(("import PySide6", "from PySide6", "import shiboken6"))
            for line in path.read_text(encoding="utf-8").splitlines()
        )
    ]
    assert offenders == []
