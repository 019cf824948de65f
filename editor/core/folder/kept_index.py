"""One folder's index as the index cache keeps it (`index_cache`): read once, for the folder's
first scan (or before it, to list at once), and what each scan changed written back: the
files' facts that changed, each in its row, and the whole listing only when some of it did
(nothing, and no transaction, when nothing changed: a warm `list` of 10,000 posts)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from editor.core.folder.cache_rows import listing_rows
from editor.core.folder.held_settings import gc_paused
from editor.core.folder.index_cache import IndexCache, Stamp, Stored
from editor.core.folder.index_entry import IndexEntry
from editor.core.folder.lazy_read import read_facts
from editor.core.schema import Facts
from editor.core.site.generators import Placement


class KeptIndex:
    """What the cache holds of one folder (none without a `cache`): its `rows` as last read
    or written, by relative path (None until the folder's first scan opens them), when each
    file was read (`read_at`, wall clock: what the cache's racy rule reads), and what its
    entries were `judged` against. `shared` (the site's collections) are stored by their
    place among them, not once in every row."""

    def __init__(self, root: Path, cache: IndexCache | None, shared: Sequence[object]) -> None:
        self.cache = cache
        self.rows: dict[str, tuple] | None = None  # (entry, (facts, (place, home)))
        self.read_at: dict[str, int] = {}
        self.judged: object = None
        self._root, self._shared = root, shared
        self._listed: Mapping[str, Stamp] = {}  # the stamps the cache's listing holds
        self._preread: Stored | None = None  # read by `cached_entries`, for the first scan

    def cached_entries(self) -> list[IndexEntry]:
        """The index as the cache held it, in path order, not yet checked against the disk
        (none without a cache, or once opened): to show until the first scan ends."""
        if self.cache is None or self.rows is not None:
            return []
        with gc_paused():  # as a scan: the rows are many objects, all to be kept
            self._preread = self._load()
            rows = self._preread.listing.values.values() if self._preread else ()
            return [row[0] for row in rows]  # type: ignore[index]  # stored in path order

    def open(self) -> Stored | None:
        """The folder's index as the cache holds it, for its first scan (as `cached_entries`
        read it, if it did); None without a cache, or when it holds none."""
        self.rows = {}
        stored, self._preread = self._preread, None
        if stored is None and self.cache is not None:
            stored = self._load()
        if stored is not None:
            self.rows = stored.listing.values  # type: ignore[assignment]
            self.read_at = stored.listing.read_at
            self._listed = stored.listing.stamps
            self.judged = stored.judged
        return stored

    def store(
        self,
        entries: Mapping[str, IndexEntry],
        stats: Mapping[str, Stamp],
        placed: Mapping[str, tuple[Facts, tuple[Placement | None, object]]],
        judged: object,
        wholesale: bool,
        cached: bool,
    ) -> None:
        """Write the `entries` (by relative path, of the files stamped `stats`, placed as
        `placed` says, judged against `judged`) that changed since the cache was read
        (`wholesale`: all as the last scan or the cache held them; `cached`: the cache's
        listing as it was read)."""
        if self.cache is None or self.rows is None:
            return
        if cached and judged == self.judged:
            return
        stored, read_at = self.rows, self.read_at
        changed = [
            rel for rel, e in entries.items() if (r := stored.get(rel)) is None or r[0] is not e
        ]
        removed = [rel for rel in stored if rel not in entries]
        relist = stats != self._listed  # a file with no entry came or went
        # The whole listing, written only when some of it changed.
        rows = listing_rows(stats, entries, read_at, placed) if changed or removed or relist else {}
        if wholesale and not (changed or removed or relist) and judged == self.judged:
            return
        if self.cache.save(self._root, judged, rows, changed, removed, self._shared, relist):
            self.judged = judged
            if rows:
                self.rows = {rel: row[2] for rel, row in rows.items() if row[2] is not None}
                self._listed = stats

    def _load(self) -> Stored | None:
        """The cache's index of this folder; facts it no longer holds read from their file."""
        root, cache = self._root, self.cache
        return cache.load(root, self._shared, lambda rel: read_facts(root / rel))  # type: ignore[union-attr]
