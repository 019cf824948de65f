"""The folders' indexes kept between runs, so a folder opened again lists at once.

One SQLite database in the user's cache folder (`$XDG_CACHE_HOME/post-editor/index.sqlite3` on
Linux) holds a row per post file, keyed by the folder's absolute path and the file's path in it,
with the file's size, mtime and inode, when it was read, and its pickled index entry, whose
`Facts` (what checks and validation read; the list never does) are pickled apart and unpickled
only when first read (`_LazyFacts`), most of a reopen's unpickling; and a row per folder
with what its entries were judged against (see `ContentFolder`). WAL mode and a busy timeout
let two windows and a `post-editor list` share it; each write is one transaction.

The cache is never trusted over the disk: a row is used only while its file's stamps are those
stored, and not when the file changed less than `RACY_NS` before it was stored (a file rewritten
within the filesystem's clock tick may keep its mtime; git's "racy" rule). A database that is
missing, corrupt or of another version is made anew without a word; one that cannot be written
(a read-only or full disk) is done without: every method fails quietly, the folder is read.

Rows are pickled: the cache folder is the user's own, writable by nobody else, and a row that
does not unpickle (a class of an older build) counts as no row.
"""

from __future__ import annotations

import contextlib
import functools
import io
import os
import pickle
import sqlite3
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, fields
from pathlib import Path, PosixPath, PurePath, PurePosixPath

from platformdirs import user_cache_path

from editor import __version__
from editor.core.schema import Facts
from editor.core.site.generators import Placement

FORMAT = f"3/{__version__}"  # a database of another format or build is made anew
RACY_NS = 2_000_000_000  # a file changed this close to its row's writing is read again
Stamp = tuple[int, int, int]  # mtime_ns, size, inode


def default_path() -> Path:
    """Where the cache lives: the user's cache folder (`XDG_CACHE_HOME` moves it, as tests do)."""
    return user_cache_path("post-editor") / "index.sqlite3"


@dataclass(frozen=True)
class Stored:
    """One folder's cached index: what its entries were judged against (`judged`, opaque
    here), and each file's stamps, when it was read, and its entry, by relative path."""

    judged: object
    rows: Mapping[str, tuple[Stamp, int, object]]

    def trusted_rows(self, stamps: Mapping[str, Stamp]) -> dict[str, object]:
        """The stored entries of the files in `stamps` (their stamps on disk, by relative
        path) that still have the stamps they were stored with, and changed long enough
        before that for their mtimes to tell; in one pass, with no call per file."""
        rows, racy = self.rows, RACY_NS
        return {
            rel: row[2]
            for rel, stamp in stamps.items()
            if (row := rows.get(rel)) is not None and row[0] == stamp and stamp[0] <= row[1] - racy
        }


class IndexCache:
    """The database of cached indexes; `None` from `connect` when there can be none."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self._db = db

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

    def load(self, folder: Path, shared: Sequence[object] = ()) -> Stored | None:
        """The cached index of `folder`; None when there is none (or it cannot be read).
        `shared` are the objects `save` was given, or their equals."""
        key = str(Path(os.path.abspath(folder)))
        try:
            meta = self._db.execute(
                "SELECT judged FROM folders WHERE folder = ?", (key,)
            ).fetchone()
            if meta is None:
                return None
            rows = self._db.execute(
                "SELECT rel, mtime_ns, size, inode, read_ns, entry, facts FROM entries"
                " WHERE folder = ?",
                (key,),
            )  # row by row, not fetched at once: 100,000 rows' bytes would stay in the heap
            loads = _Loads(shared, folder).loads
            return Stored(
                loads(meta[0]),
                {
                    rel: ((mt, sz, ino), read, loads(blob, facts))
                    for rel, mt, sz, ino, read, blob, facts in rows
                },
            )
        except Exception:  # a corrupt page, a row of classes gone since: as if no cache
            return None

    def save(
        self,
        folder: Path,
        judged: object,
        changed: Iterable[tuple[str, Stamp, int, object]],
        removed: Iterable[str],
        shared: Sequence[object] = (),
    ) -> bool:
        """Store `folder`'s rows that changed and forget those removed, in one transaction;
        whether it was stored (a full or read-only disk, a lock held too long: not). The
        objects in `shared` (the site's collections) are stored by their place in it, not
        once in every row."""
        key = str(Path(os.path.abspath(folder)))
        dumps = functools.partial(
            _dumps, shared={id(obj): i for i, obj in enumerate(shared)}, within=_within(folder)
        )
        try:
            with self._db:
                self._db.execute(
                    "INSERT OR REPLACE INTO folders VALUES (?, ?)", (key, dumps(judged)[0])
                )
                self._db.executemany(
                    "DELETE FROM entries WHERE folder = ? AND rel = ?",
                    ((key, rel) for rel in removed),
                )
                self._db.executemany(
                    "INSERT OR REPLACE INTO entries VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    ((key, rel, *stamp, read, *dumps(e)) for rel, stamp, read, e in changed),
                )
        except (sqlite3.Error, pickle.PicklingError, OSError, TypeError, AttributeError):
            return False
        return True

    def forget(self, folder: Path) -> None:
        """Drop `folder`'s cached index (its rows would all be replaced)."""
        key = str(Path(os.path.abspath(folder)))
        with contextlib.suppress(sqlite3.Error), self._db:
            self._db.execute("DELETE FROM entries WHERE folder = ?", (key,))
            self._db.execute("DELETE FROM folders WHERE folder = ?", (key,))


def _within(folder: Path) -> str:
    """How the paths of a folder's files begin, as its scan names them."""
    return "" if str(folder) == os.curdir else os.path.join(str(folder), "")


def _dumps(
    value: object, shared: Mapping[int, int], within: str | None = None
) -> tuple[bytes, bytes | None]:
    """`value` pickled, and the `Facts` it holds (at most one: a row's entry's) apart."""
    out = io.BytesIO()
    pickler = _Pickler(out, shared, within)
    pickler.dump(value)
    facts = pickler.facts
    if facts is None or isinstance(facts, _LazyFacts):
        return out.getvalue(), None if facts is None else facts.blob
    apart = io.BytesIO()
    facts_pickler = _Pickler(apart, shared, within)
    facts_pickler.apart = False
    facts_pickler.dump(facts)
    return out.getvalue(), apart.getvalue()


class _Pickler(pickle.Pickler):
    """Writes a path as its class and text (an entry names its file's path three times, and
    making paths is most of the time unpickling takes: see `_Loads`), a path in the folder
    as its part past the folder (`within`: the folder as the scan named it, which a later
    scan may name another way, from another working folder), a shared object as its
    index."""

    def __init__(self, out: io.BytesIO, shared: Mapping[int, int], within: str | None) -> None:
        super().__init__(out, 5)
        self._shared = shared
        self._within = within
        self.apart = True  # whether the (first) facts met are pickled apart
        self.facts: Facts | None = None  # those facts

    def persistent_id(self, obj: object) -> object:
        if self.apart and isinstance(obj, Facts) and self.facts in (None, obj):
            self.facts = obj
            return ("facts",)
        if isinstance(obj, PurePath):
            text, within = str(obj), self._within
            inside = within is not None and text.startswith(within) and isinstance(obj, Path)
            if inside and (within or not obj.is_absolute()):
                return ("in", text[len(within or "") :])
            return (type(obj).__name__, text)
        if type(obj) is Placement:  # one of a few, made once for all the rows holding it
            held = obj.collection
            index = None if held is None else self._shared.get(id(held))
            if held is None or index is not None:
                return ("place", index, obj.kind, obj.role)
            return None
        index = self._shared.get(id(obj))
        return None if index is None else ("shared", index)


class _Loads:
    """Unpickles rows, making each path, and each placement (`_Pickler` writes a placement
    as its collection's index, kind and role), once however many rows and fields name it. A path
    in the folder is made in `folder` as this scan names it, by joining the folder and the
    entry's own path (made before it in the row): a third of the time parsing takes."""

    _CLASSES: Mapping[str, type[PurePath]] = {
        cls.__name__: cls for cls in (Path, PurePath, PurePosixPath, PosixPath)
    }

    def __init__(self, shared: Sequence[object], folder: Path) -> None:
        self._made: dict[object, object] = {}  # paths, shared objects, placements, by pid
        self._shared = shared
        self._folder = folder
        self._rel = type(PurePath()).__name__
        self._facts: bytes | None = None

    def loads(self, blob: bytes, facts: bytes | None = None) -> object:
        """A row's value; the facts pickled apart (`facts`) put back unread in it."""
        self._facts = facts
        unpickler = pickle.Unpickler(io.BytesIO(blob))
        unpickler.persistent_load = self._path  # type: ignore[method-assign]
        return unpickler.load()

    def _path(self, pid: tuple[object, ...]) -> object:
        found = self._made.get(pid)
        if found is not None:
            return found
        kind = pid[0]
        if kind == "facts":
            if self._facts is None:
                raise pickle.UnpicklingError("a row's facts are missing")
            return _LazyFacts(self._facts, self.loads)
        if kind == "shared":
            found = self._shared[pid[1]]  # type: ignore[index]
        elif kind == "place":
            _, index, where, role = pid
            held = None if index is None else self._shared[index]  # type: ignore[index]
            found = Placement(held, where, role)  # type: ignore[arg-type]
        elif kind == "in":
            text = pid[1]
            found = self._folder.joinpath(self._made.get((self._rel, text)) or text)  # type: ignore[arg-type]
        else:
            found = self._CLASSES[kind](pid[1])  # type: ignore[arg-type,index]
        self._made[pid] = found
        return found


class _LazyFacts(Facts):
    """A cached post's facts, unpickled when a field is first read (a folder check, a
    schema's inference), not when the folder is listed; one object from the start, as the
    scan tells unchanged facts by their identity. Pickled, it is the `Facts` it stands for."""

    def __init__(self, blob: bytes, loads: Callable[[bytes], object]) -> None:
        # Not Facts' fields: those are properties here, read through `_loaded`.
        object.__setattr__(self, "blob", blob)
        object.__setattr__(self, "_loads", loads)

    def _loaded(self) -> Facts:
        found = self.__dict__.get("_facts")
        if found is None:
            facts = self._loads(self.blob)
            if not isinstance(facts, Facts):
                raise pickle.UnpicklingError("a row's facts are not facts")
            # setdefault: two threads reading it at once get the same facts
            found = self.__dict__.setdefault("_facts", facts)
        return found

    def __eq__(self, other: object) -> bool:
        mine = self._loaded()
        return mine == (other._loaded() if isinstance(other, _LazyFacts) else other)

    __hash__ = Facts.__hash__

    def __reduce_ex__(self, protocol: object) -> tuple[object, ...]:
        return self._loaded().__reduce_ex__(protocol)  # type: ignore[arg-type]


def _field(name: str) -> property:
    return property(lambda self: getattr(self._loaded(), name), doc=f"The facts' `{name}`.")


for _f in fields(Facts):
    setattr(_LazyFacts, _f.name, _field(_f.name))


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
            db.execute("INSERT OR REPLACE INTO meta VALUES ('format', ?)", (FORMAT,))
            db.execute("CREATE TABLE IF NOT EXISTS folders (folder TEXT PRIMARY KEY, judged BLOB)")
            db.execute(
                "CREATE TABLE IF NOT EXISTS entries (folder TEXT, rel TEXT, mtime_ns INTEGER, size"
                " INTEGER, inode INTEGER, read_ns INTEGER, entry BLOB, facts BLOB,"
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


def site_stamps(site_root: Path) -> tuple[tuple[str, int, int], ...]:
    """The name, mtime and size of the files a site's generator may read its config from."""
    found = []
    for folder in ("", *_CONFIG_FOLDERS):
        try:
            with os.scandir(site_root / folder) as it:
                for item in it:  # a plain folder's root holds its posts: those are no config
                    if not item.name.endswith(_NOT_CONFIG) and item.is_file():
                        st = item.stat()
                        found.append((f"{folder}/{item.name}", st.st_mtime_ns, st.st_size))
        except OSError:
            continue  # most of these folders do not exist
    return tuple(sorted(found))
