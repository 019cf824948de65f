"""The core's packages export their names lazily (`editor.core.lazy_exports`), and a module
may load a heavy one at its first use (`editor.core.lazy_module`); and the core's lock-free
`cached_property`."""

from __future__ import annotations

import subprocess
import sys

from editor.core import cached_property, storage
from editor.core.storage import files


def test_a_lazily_exported_name_is_kept_on_its_package_once_asked_for() -> None:
    assert storage.read_regular is files.read_regular
    # kept: a scan asks for it once per file, and the package's __getattr__ is not asked again
    assert vars(storage)["read_regular"] is files.read_regular


CODE = """
import sys
from editor.core import lazy_module
colorsys = lazy_module("colorsys")
print("colorsys" in sys.modules)
print(colorsys.rgb_to_hsv(1.0, 0.0, 0.0))
print("colorsys" in sys.modules, colorsys.rgb_to_hsv is sys.modules["colorsys"].rgb_to_hsv)
"""


def test_a_lazy_module_is_imported_at_its_first_use():
    done = subprocess.run([sys.executable, "-c", CODE], capture_output=True, text=True, check=True)
    assert done.stdout.splitlines() == ["False", "(0.0, 1.0, 1.0)", "True True"]


def test_a_cached_property_is_computed_once_per_instance_and_kept_in_it():
    calls: list[int] = []

    class Thing:
        def __init__(self, n: int) -> None:
            self.n = n

        @cached_property
        def double(self) -> int:
            """Twice n."""
            calls.append(self.n)
            return 2 * self.n

    one, two = Thing(1), Thing(2)
    assert (one.double, one.double, two.double) == (2, 2, 4)
    assert calls == [1, 2] and one.__dict__["double"] == 2
    assert isinstance(Thing.double, cached_property) and Thing.double.__doc__ == "Twice n."
