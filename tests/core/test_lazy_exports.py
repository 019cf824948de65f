"""The core's packages export their names lazily (`editor.core.lazy_exports`)."""

from __future__ import annotations

import subprocess
import sys

from editor.core import storage
from editor.core.storage import files


def test_a_lazily_exported_name_is_kept_on_its_package_once_asked_for() -> None:
    assert storage.read_regular is files.read_regular
    # kept: a scan asks for it once per file, and the package's __getattr__ is not asked again
    assert vars(storage)["read_regular"] is files.read_regular


def test_a_lazy_submodule_loads_when_first_asked_for_on_its_package() -> None:
    code = (
        "import sys\n"
        "from editor.core import storage\n"
        "before = 'editor.core.storage.added_blocks' in sys.modules\n"
        "note = storage.added_blocks\n"
        "print(before, note is sys.modules['editor.core.storage.added_blocks'])\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["False", "True"]
