"""What a scan calls to read posts.

The bulk reader (`bulk_read`: the document model, YAML, TOML, the process pool; most of what
a `post-editor list` would import) is loaded when the first file is read, not with the index:
a folder reopened from the index cache with no file changed reads none.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from importlib import import_module
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from editor.core.schema import Facts

# Told the facts of each chunk of files as it is read: `arrived(first, facts)` gives the facts
# of `paths[first : first + len(facts)]` (chunks come in no set order: see `read_many`).
Arrived = Callable[[int, "list[Facts]"], None]


def _bulk_read() -> ModuleType:
    # Loaded here, where files are read, as `lazy_exports` loads a package's modules: a
    # reopen that reads none never loads it.
    return import_module("editor.core.folder.bulk_read")


def read_facts(path: Path) -> Facts:
    """What the index keeps of one post file (`bulk_read.read_facts`)."""
    return _bulk_read().read_facts(path)


def read_many(
    paths: Sequence[str],
    progress: Callable[[int], None] | None = None,
    arrived: Arrived | None = None,
) -> list[Facts]:
    """`read_facts` of every path, in order, on every CPU when there are many, each chunk's
    facts told to `arrived` as it is read (`bulk_read.read_many`); nothing loaded when there
    is none to read."""
    if not paths:
        return []
    return _bulk_read().read_many(paths, progress, arrived)
