"""The folders' indexes kept between runs, so a folder opened again lists at once.

One SQLite database in the user's cache folder (`$XDG_CACHE_HOME/post-editor/index.sqlite3` on
Linux) holds a row per folder, keyed by its absolute path, with what its entries were judged
against (see `ContentFolder`) and its listing: each post file's path in it, size, mtime, inode
and ctime, when it was read, and its pickled index entry, all in one blob (one unpickling for
the folder, not one per post: a reopen's most time); and a row per post file with the same
stamps, when it was read, and its `Facts` (what checks and validation read; the list never
does), read from the database only when first asked for, not held in memory (`cache_rows`). A
listed entry whose file's row has other stamps (another window stored it since), or was read too
soon after its file changed, does not take its facts from it: its file gives them. WAL mode and
a busy timeout let two windows and a `post-editor list` share it; each write is one transaction.

The cache is never trusted over the disk: a row is used only while its file's stamps are those
stored, and not when the file changed less than `RACY_NS` before it was read (a file rewritten
within the filesystem's clock tick may keep its stamps; git's "racy" rule). A database that is
missing, corrupt or of another version is made anew without a word; one that cannot be written
(a read-only or full disk) is done without: every method fails quietly, the folder is read.

Rows are pickled: the cache folder is the user's own, writable by nobody else, and a row that
does not unpickle (a class of an older build) counts as no row.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import os
import pickle
import sqlite3
import threading
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import filterfalse
from operator import methodcaller
from pathlib import Path
from stat import S_ISREG

from platformdirs import user_cache_path

from editor import __version__
from editor.core.folder.cache_rows import (
    FactsSource,
    Listing,
    Reread,
    RowLoads,
    Stamp,
    dumps,
    facts_blob,
    listing_blob,
    settled,
    within_of,
)
from editor.core.site.generators import Generator, PlainFolder

FORMAT = f"7/{__version__}"  # a database of another format or build is made anew


def default_path() -> Path:
    """Where the cache lives: the user's cache folder (`XDG_CACHE_HOME` moves it, as tests do)."""
    return user_cache_path("post-editor") / "index.sqlite3"


@dataclass(frozen=True)
class Stored:
    """One folder's cached index: what its entries were judged against (`judged`, opaque
    here), and its `listing`: each file's stamps, when it was read, and its entry, by
    relative path, in path order."""

    judged: object
    listing: Listing

    def trusted_rows(self, stamps: Mapping[str, Stamp]) -> tuple[dict[str, object], bool]:
        """The stored entries of the files in `stamps` (their stamps on disk, by relative
        path) that still have the stamps they were stored with, and changed long enough
        before that for their mtimes to tell; and whether they are all the listing's, in its
        order (the listing's own dict then: not to be changed). All of them, when the stamps
        are those stored and none was racy, are told by one comparison of two dicts, in C."""
        listing = self.listing
        if not listing.racy and listing.stamps == stamps:
            return listing.values, True
        rows, reads, values = listing.stamps, listing.read_at, listing.values
        trusted = {
            rel: value
            for rel, stamp in stamps.items()
            if (value := values.get(rel)) is not None
            and rows.get(rel) == stamp
            and settled(stamp, reads[rel])
        }
        return trusted, False


class IndexCache:
    """The database of cached indexes; `None` from `connect` when there can be none."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self._db = db
        # One connection, used by the scan's worker thread and by whoever reads a post's
        # facts (`LazyFacts`): one statement at a time.
        self._lock = threading.Lock()

    @classmethod
    def connect(cls, path: Path | None = None) -> IndexCache | None:
        """The cache at `path` (default: `default_path()`), made anew if it is corrupt or of
        another version; None when it can be neither read nor made."""
        path = path or default_path()
        for attempt in range(2):
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                return cls(_connect(path))
            except (sqlite3.Error, OSError):
                if attempt == 0:
                    _remove(path)  # garbage, or a database of another shape: start over
        return None

    def close(self) -> None:
        """Close the database."""
        with contextlib.suppress(sqlite3.Error):
            self._db.close()

    def load(
        self, folder: Path, shared: Sequence[object] = (), reread: Reread | None = None
    ) -> Stored | None:
        """The cached index of `folder`; None when there is none (or it cannot be read).
        `shared` are the objects `save` was given, or their equals. An entry's facts are read
        from the database when first asked for, from its file's row if that row has the stamps
        the entry was listed with; else (another window stored the file since, or forgot it)
        by `reread` (a relative path → the file's facts), from the file."""
        key = str(Path(os.path.abspath(folder)))
        try:
            source = FactsSource(
                functools.partial(self.facts_rows, key), RowLoads(shared, folder), reread
            )
            loads = RowLoads(shared, folder, source)
            with self._lock:
                meta = self._db.execute(
                    "SELECT rowid, judged, listing IS NOT NULL FROM folders WHERE folder = ?",
                    (key,),
                ).fetchone()
                if meta is None or not meta[2]:
                    return None
                # Read from the database as it is unpickled, not made one bytes object first:
                # megabytes freed at once leave C's allocator keeping as much for good.
                with self._db.blobopen("folders", "listing", meta[0], readonly=True) as blob:
                    listing = loads.listing(blob)
            return Stored(loads.loads(meta[1]), listing)
        except Exception:  # a corrupt page, a row of classes gone since: as if no cache
            return None

    def save(
        self,
        folder: Path,
        judged: object,
        rows: Mapping[str, tuple[Stamp, int, object | None]],
        changed: Iterable[str],
        removed: Iterable[str],
        shared: Sequence[object] = (),
        relist: bool = False,
    ) -> bool:
        """Store `folder`'s index: all its `rows` (stamps, when read, entry or None: a file
        that has none; by relative path) as one listing (when some `changed`, were `removed`,
        or `relist`), the facts of those `changed` each in its own row, and forget those
        `removed`; in one transaction. Whether it was stored (a full or read-only disk, a
        lock held too long: not). The objects in `shared` (the site's collections) are stored
        by their place in it, not once in every row."""
        key = str(Path(os.path.abspath(folder)))
        shared_at = {id(obj): i for i, obj in enumerate(shared)}
        within = within_of(folder)
        changed, removed = list(changed), list(removed)
        try:
            facts = [(rel, facts_blob(rows[rel][2], shared_at, within)) for rel in changed]
            relist = relist or bool(changed or removed)
            listing = listing_blob(rows, shared_at, within) if relist else None
            with self._lock, self._db:
                if listing is None:
                    self._db.execute(
                        "UPDATE folders SET judged = ? WHERE folder = ?",
                        (dumps(judged, shared_at), key),
                    )
                else:
                    self._db.execute(
                        "INSERT OR REPLACE INTO folders VALUES (?, ?, ?)",
                        (key, dumps(judged, shared_at), listing),
                    )
                self._db.executemany(
                    "DELETE FROM entries WHERE folder = ? AND rel = ?",
                    ((key, rel) for rel in removed),
                )
                self._db.executemany(
                    "INSERT OR REPLACE INTO entries VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    ((key, rel, *rows[rel][0], rows[rel][1], blob) for rel, blob in facts),
                )
        except (sqlite3.Error, pickle.PicklingError, OSError, TypeError, AttributeError):
            return False
        return True

    def forget(self, folder: Path) -> None:
        """Drop `folder`'s cached index (its rows would all be replaced)."""
        key = str(Path(os.path.abspath(folder)))
        with contextlib.suppress(sqlite3.Error), self._lock, self._db:
            self._db.execute("DELETE FROM entries WHERE folder = ?", (key,))
            self._db.execute("DELETE FROM folders WHERE folder = ?", (key,))

    def facts_rows(self, key: str, rel: str | None) -> list[tuple[str, Stamp, int, bytes]]:
        """The stored facts of the file at `rel` in the folder `key` (all its files' when
        None), with the stamps they were stored with and when they were read."""
        where = "folder = ?" if rel is None else "folder = ? AND rel = ?"
        args = (key,) if rel is None else (key, rel)
        with self._lock:
            found = self._db.execute(
                "SELECT rel, mtime_ns, size, inode, ctime_ns, read_ns, facts FROM entries"
                f" WHERE {where}",
                args,
            ).fetchall()
        return [(r, (mt, sz, ino, ct), read, blob) for r, mt, sz, ino, ct, read, blob in found]


def now_ns() -> int:
    """The wall clock, as file mtimes are written."""
    return time.time_ns()


def _connect(path: Path) -> sqlite3.Connection:
    db = sqlite3.connect(path, timeout=10, check_same_thread=False)
    try:
        db.execute("PRAGMA journal_mode=WAL")  # readers do not wait for a writer
        db.execute("PRAGMA synchronous=NORMAL")  # a cache: a lost last write costs a re-read
        with db:
            db.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)")
            found = db.execute("SELECT value FROM meta WHERE key = 'format'").fetchone()
            if found is not None and found[0] != FORMAT:
                db.execute("DROP TABLE IF EXISTS entries")
                db.execute("DROP TABLE IF EXISTS folders")
            if found is None or found[0] != FORMAT:  # else no write: a warm `list` writes none
                db.execute("INSERT OR REPLACE INTO meta VALUES ('format', ?)", (FORMAT,))
            db.execute(
                "CREATE TABLE IF NOT EXISTS folders (folder TEXT PRIMARY KEY, judged BLOB,"
                " listing BLOB)"
            )
            db.execute(
                "CREATE TABLE IF NOT EXISTS entries (folder TEXT, rel TEXT, mtime_ns INTEGER, size"
                " INTEGER, inode INTEGER, ctime_ns INTEGER, read_ns INTEGER, facts BLOB,"
                " PRIMARY KEY (folder, rel))"
            )
        return db
    except sqlite3.Error:
        db.close()
        raise


def _remove(path: Path) -> None:
    for name in (path.name, f"{path.name}-wal", f"{path.name}-shm"):
        with contextlib.suppress(OSError):
            (path.parent / name).unlink()


# Where the generators read their config, besides the site root's own files: a change to any
# file here re-judges a cached folder (Hugo's config folder, Astro's content config and synced
# schemas, Eleventy's data files).
_NOT_CONFIG = (".md", ".markdown", ".mdx", ".mdown", ".html", ".htm", ".txt", ".png", ".jpg")
_CONFIG_FOLDERS = ("config", "config/_default", ".astro/collections", "src", "src/content", "_data")


def judged_by_of(gen: Generator) -> tuple[object, ...]:
    """What a folder's entries are judged against besides their files: the site's generator
    and its config files, and the day (a scheduled post is published once its day comes). A
    plain folder reads no config (its schema files are stamped apart: `CollectionSchemas`),
    and a marker of a site added in or above it makes another generator: its root, which
    holds its posts, is not listed again."""
    plain = isinstance(gen, PlainFolder)
    return (
        type(gen).__name__,
        str(gen.root),
        gen.collections,
        () if plain else site_stamps(gen.root),
        dt.date.today(),
    )


def site_stamps(site_root: Path) -> tuple[tuple[str, int, int], ...]:
    """The name, mtime and size of the files a site's generator may read its config from."""
    found = []
    for folder in ("", *_CONFIG_FOLDERS):
        path = os.path.join(site_root, folder)
        try:
            names = os.listdir(path)
        except OSError:
            continue  # most of these folders do not exist
        # A plain folder's root holds its posts: those are no config. Told apart in C, with
        # no Python call per name (a folder of posts holds thousands).
        for name in filterfalse(methodcaller("endswith", _NOT_CONFIG), names):
            try:
                st = os.stat(os.path.join(path, name))
            except OSError:
                continue  # gone since it was listed
            if S_ISREG(st.st_mode):
                found.append((f"{folder}/{name}", st.st_mtime_ns, st.st_size))
    return tuple(sorted(found))
