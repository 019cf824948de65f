"""The core's packages export their names lazily (`editor.core.lazy_exports`)."""

from __future__ import annotations

from editor.core import storage
from editor.core.storage import files


def test_a_lazily_exported_name_is_kept_on_its_package_once_asked_for() -> None:
    assert storage.read_regular is files.read_regular
    # kept: a scan asks for it once per file, and the package's __getattr__ is not asked again
    assert vars(storage)["read_regular"] is files.read_regular
