"""The curve: the index's figures at 1,000, 10,000 and 100,000 posts, and a folder opened again.

`reopen_N` is `ContentFolder(root, cache).scan()` with the index cache warm (a new connection
each run, as a new process or window makes): every file's stamps checked, nothing read. The
cold figures (`index_N`, `cli_list_10000`, `panel_10000`) forget the folder's cached index
before each run. `growth` says how each family of figures grows from one size to the next,
beside how the folder grows (the goal: linear or better).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Sequence
from pathlib import Path

from editor.core.folder.content_folder import ContentFolder
from editor.core.folder.index_cache import IndexCache

SIZES = (1_000, 10_000, 100_000)
_SIZED = re.compile(r"^(?P<family>[a-z_]+?)_(?P<count>\d+)$")


def reopen(root: Path, cache_path: Path) -> Callable[[], object]:
    """A folder scanned with its index cache at `cache_path` (warm after one run)."""

    def run() -> object:
        return ContentFolder(root, IndexCache.connect(cache_path)).scan()

    return run


def forget(root: Path, cache_path: Path | None = None) -> Callable[[], None]:
    """A setup step: the cache (default: the user's, as the CLI and window open it) no
    longer holds `root`'s index, so the next run indexes it cold."""

    def run() -> None:
        cache = IndexCache.connect(cache_path)
        if cache is not None:
            cache.forget(root)
            cache.close()

    return run


def growth(results: Sequence[dict[str, object]]) -> list[str]:
    """For each family of figures measured at several sizes (`index_1000`, `index_10000`...),
    how much each grew from one size to the next, beside how much the folder grew."""
    families: dict[str, list[tuple[int, float]]] = {}
    for r in results:
        found = _SIZED.match(str(r["name"]))
        if found and int(found["count"]) in SIZES:
            families.setdefault(found["family"], []).append((int(found["count"]), r["median"]))
    lines = []
    for family, points in families.items():
        points.sort()
        for (n1, v1), (n2, v2) in itertools.pairwise(points):
            if v1 > 0:
                grew, more = v2 / v1, n2 / n1
                verdict = "linear or better" if grew <= more * 1.1 else "WORSE than linear"
                lines.append(
                    f"growth {family}: {n1:,} → {n2:,} posts (×{more:g}): ×{grew:.2f}, {verdict}"
                )
    return lines
