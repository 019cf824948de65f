"""How the index cache (`index_cache`) writes a folder's rows and reads them back: one
listing per folder pickled as one stream, paths and placements made once for all the rows,
and each entry's facts read from its file's row only when asked for (`LazyFacts`)."""

from __future__ import annotations

import contextlib
import copyreg
import io
import operator
import os
import pickle
import sqlite3
import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import fields
from pathlib import Path, PosixPath, PurePath, PurePosixPath
from typing import NamedTuple, Protocol

from editor.core.folder.index_entry import (
    SET_FACTS,
    IndexEntry,
    filled,
    rels_in_path_order,
    stored_state,
)
from editor.core.schema import Facts
from editor.core.site.generators import Placement

# mtime_ns, size, inode, ctime_ns: a rewrite in place that keeps the mtime and size (`cp -p`,
# `rsync -t`) still moves the ctime, which no tool can set back.
Stamp = tuple[int, int, int, int]
Reread = Callable[[str], Facts]  # a file's facts read from the file, by its relative path
# A file's stored facts, the stamps they were stored with and when they were read, by relative
# path (all the folder's files' when None).
Fetch = Callable[[str | None], list[tuple[str, Stamp, int, bytes]]]
RACY_NS = 2_000_000_000  # a file changed this close to its row's reading is read again


def settled(stamp: Stamp, read_ns: int) -> bool:
    """Whether a file with `stamp`, read at `read_ns`, had changed long enough before it was
    read (`RACY_NS`) for its mtime to tell a later rewrite: one within the clock's tick keeps
    it (git's "racy" rule). Judged by the mtime, as git does, not the ctime: by the ctime,
    every file a checkout or a copy just wrote would be read again at the next open."""
    return stamp[0] <= read_ns - RACY_NS


IN_FOLDER = PurePosixPath("<the folder>")  # written for the folder, read as the scan names it


def within_of(folder: Path) -> str:
    """How the paths of a folder's files begin, as its scan names them."""
    return "" if str(folder) == os.curdir else os.path.join(str(folder), "")


def dumps(value: object, shared: Mapping[int, int], within: str | None = None) -> bytes:
    out = io.BytesIO()
    RowPickler(out, shared, within).dump(value)
    return out.getvalue()


def facts_blob(value: object, shared: Mapping[int, int], within: str) -> bytes:
    """The facts a row's value holds (its entry's), pickled, read first if lazy."""
    out = io.BytesIO()
    pickler = RowPickler(out, shared, within)
    found = facts_in(value)
    pickler.dump(found._loaded() if isinstance(found, LazyFacts) else found)
    return out.getvalue()


def facts_in(value: object) -> Facts:
    """The facts a row's value holds: the first `Facts` among its fields (its entry's)."""
    for item in value if isinstance(value, tuple) else (value,):
        facts = getattr(item, "facts", None)
        if isinstance(facts, Facts):
            return facts
    raise TypeError("a row holds no facts")


def listing_rows(
    stats: Mapping[str, Stamp],
    entries: Mapping[str, IndexEntry],
    read_at: Mapping[str, int],
    placed: Mapping[str, tuple[Facts, tuple[Placement | None, object]]],
) -> dict[str, tuple[Stamp, int, object | None]]:
    """A folder's rows for `listing_blob`, by relative path: each walked file's stamp, when it
    was read, and, for a file with an entry, (entry, (facts, (placement, home))) as it was
    placed, each (placement, home) one object however many rows share it."""
    ones: dict[tuple[int, object], tuple[Placement | None, object]] = {}
    return {
        rel: (
            stamp,
            read_at.get(rel, 0),
            (e, (e.facts, ones.setdefault((id((p := placed[rel][1])[0]), p[1]), p)))
            if (e := entries.get(rel)) is not None
            else None,
        )
        for rel, stamp in stats.items()
    }


def listing_blob(
    rows: Mapping[str, tuple[Stamp, int, object | None]], shared: Mapping[int, int], within: str
) -> bytes:
    """All of a folder's rows as one pickle, by one pickler: the stamps of all its files, when
    each was read and the values of those that have one (in path order) as three dicts (each
    read back whole, in C, and the stamps compared with the disk's in one comparison), and the
    files read too soon after they changed for their stamps to tell (`RACY_NS`). A path met
    again is a reference, a placement one of the few there are, each entry's facts a
    `LazyFacts` naming its own row in `entries`, its problems rows made problems when asked
    for (`PendingProblems`), its other fields written after all the rows, as columns. One
    unpickler reads it back (10,000 unpicklers were most of a reopen), and makes all but the
    folder's few paths and placements in C, with no call back into Python per post."""
    out = io.BytesIO()
    pickler = RowPickler(out, shared, within)
    stamps = {rel: row[0] for rel, row in rows.items()}
    reads = {rel: row[1] for rel, row in rows.items()}
    values = {rel: value for rel in rels_in_path_order(rows) if (value := rows[rel][2]) is not None}
    racy = [rel for rel, row in rows.items() if not settled(row[0], row[1])]
    pickler.rows = {id(value): (rel, stamps[rel]) for rel, value in values.items()}
    pickler.listing = True
    pickler.dump((pickler.slot, stamps, reads, values, racy))
    # Then the entries' fields, as columns: the entries above are written empty, each
    # field of all of them filled by one pass in C when read back (`filled`).
    pickler.dump((pickler.entries, [list(c) for c in zip(*pickler.states, strict=True)]))
    return out.getvalue()


class RowPickler(pickle.Pickler):
    """Writes a path as its class and text (an entry names its file's path three times, and
    making paths is most of the time unpickling takes: see `RowLoads`), a path in the folder
    as its part past the folder (`within`: the folder as the scan named it, which a later
    scan may name another way, from another working folder), a shared object as its
    index, and the facts of a row of the listing as a reference to that row (`rows`)."""

    def __init__(self, out: io.BytesIO, shared: Mapping[int, int], within: str | None) -> None:
        super().__init__(out, 5)
        self._shared = shared
        self._within = within
        # The listing's values, by their ids: a row's path and stamps, which the facts its
        # entry holds are stored under, apart.
        self.rows: Mapping[int, tuple[str, Stamp]] = {}
        self._row: tuple[str, Stamp] | None = None  # the row being written
        self.slot = FactsSlot()  # where its rows' facts will find their source
        self.listing = False  # writing a listing: its placements are written once each
        # The listing's placements, the first met of each (by collection, kind and role).
        self.place_at: dict[tuple[int, str, str], Placement] = {}
        # The listing's entries, written empty, and their states, written after as columns.
        self.entries: list[IndexEntry] = []
        self.states: list[tuple[object, ...]] = []

    def reducer_override(self, obj: object) -> object:
        # In a listing: a row's facts as a `LazyFacts` of that row (made by object.__new__
        # and filled with its dict: no call back into Python to read it), a placement as
        # the first of its equals, written once (later, a reference to it).
        if (row := self._row) is not None and isinstance(obj, Facts):
            state = {"_slot": self.slot, "rel": row[0], "stamp": row[1]}
            return object.__new__, (LazyFacts,), state
        if self.listing and type(obj) is IndexEntry:
            # Its problems as rows, in the folder: their paths made only when asked for.
            state = self._within and stored_state(obj, self._within, IN_FOLDER)
            self.entries.append(obj)
            self.states.append(state or obj.__getstate__())
            # Its facts set now, as its row's (`_row`: the columns come after all the rows).
            return copyreg.__newobj__, (IndexEntry,), obj.facts, None, None, SET_FACTS
        if self.listing and type(obj) is Placement:
            first = self.place_at.setdefault((id(obj.collection), obj.kind, obj.role), obj)
            if first is not obj:
                return operator.getitem, ((first,), 0)
        return NotImplemented

    def persistent_id(self, obj: object) -> object:
        if (row := self.rows.get(id(obj))) is not None:
            self._row = row
            return None
        if obj is IN_FOLDER:
            return ("in", "")
        if isinstance(obj, PurePath):
            text, within = str(obj), self._within
            inside = within is not None and text.startswith(within) and isinstance(obj, Path)
            if inside and (within or not obj.is_absolute()):
                return ("in", text[len(within or "") :])
            return (type(obj).__name__, text)
        if type(obj) is Placement and not self.listing:  # one of a few, made once
            held = obj.collection
            index = None if held is None else self._shared.get(id(held))
            if held is None or index is not None:
                return ("place", index, obj.kind, obj.role)
            return None
        index = self._shared.get(id(obj))
        return None if index is None else ("shared", index)


class Listing(NamedTuple):
    """A folder's rows as `listing_blob` wrote them, each dict by relative path: the files'
    stamps, when each was read, and the values of those that have one, in path order; and
    which were read too soon after they changed to be trusted on their stamps."""

    stamps: dict[str, Stamp]
    read_at: dict[str, int]
    values: dict[str, object]
    racy: frozenset[str]


class RowLoads:
    """Unpickles rows, making each path, and each placement (`RowPickler` writes a placement
    as its collection's index, kind and role), once however many rows and fields name it. A path
    in the folder is made in `folder` as this scan names it, by joining the folder and the
    entry's own path (made before it in the row): a third of the time parsing takes. A
    reference to a row's facts is a `LazyFacts` reading them from `source` when asked."""

    _CLASSES: Mapping[str, type[PurePath]] = {
        cls.__name__: cls for cls in (Path, PurePath, PurePosixPath, PosixPath)
    }

    def __init__(
        self, shared: Sequence[object], folder: Path, source: FactsSource | None = None
    ) -> None:
        self._made: dict[object, object] = {}  # paths, shared objects, placements, by pid
        self._shared = shared
        self._folder = folder
        self._rel = type(PurePath()).__name__
        self._source = source

    def loads(self, blob: bytes) -> object:
        """One pickled value."""
        unpickler = pickle.Unpickler(io.BytesIO(blob))
        unpickler.persistent_load = self._path  # type: ignore[method-assign]
        return unpickler.load()

    def listing(self, blob: Readable) -> Listing:
        """The rows `listing_blob` wrote, read from `blob` as they are unpickled."""
        unpickler = pickle.Unpickler(_Stream(blob))
        unpickler.persistent_load = self._path  # type: ignore[method-assign]
        slot, stamps, reads, values, racy = unpickler.load()
        if not isinstance(slot, FactsSlot) or not isinstance(values, dict):
            raise pickle.UnpicklingError("a listing that is not one")
        filled(*unpickler.load())  # its entries' fields
        slot.source = self._source
        return Listing(stamps, reads, values, frozenset(racy))

    def _path(self, pid: tuple[object, ...]) -> object:
        found = self._made.get(pid)
        if found is not None:
            return found
        kind = pid[0]
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


class FactsSource:
    """Where a reopened folder's facts are read from when first asked for: each file's row
    of the database, not bytes kept in memory for each post (the most a reopened folder
    held). A few are read one by one (a post opened); past `_ONE_BY_ONE`, every remaining
    row of the folder at once (a folder check reads them all)."""

    _ONE_BY_ONE = 32

    def __init__(self, fetch: Fetch, loads: RowLoads, reread: Reread | None) -> None:
        self._fetch, self._loads, self._reread = fetch, loads, reread
        self._asked = 0
        self._all: dict[str, tuple[Stamp, bytes]] | None = None
        self._lock = threading.Lock()

    def facts(self, rel: str, stamp: Stamp) -> Facts:
        """The facts of the file at `rel`: its row's, if that row has the stamps the entry
        was listed with and was read long enough after its file changed (the listing's own
        "racy" rule: another window may have stored a row read within the clock tick of a
        rewrite that kept the stamps); else read from the file (or the row is gone: an
        error)."""
        with self._lock:
            self._asked += 1
            found: tuple[Stamp, int, bytes] | None = None
            with contextlib.suppress(sqlite3.Error):
                if self._all is None and self._asked > self._ONE_BY_ONE:
                    self._all = {r: (s, t, b) for r, s, t, b in self._fetch(None)}
                if self._all is not None:
                    found = self._all.pop(rel, None)
                else:
                    row = self._fetch(rel)
                    found = row[0][1:] if row else None
        if found is not None and found[0] == stamp and settled(stamp, found[1]):
            facts = self._loads.loads(found[2])
            if isinstance(facts, Facts):
                return facts
        if self._reread is None:
            raise pickle.UnpicklingError("a cached post's facts are gone")
        return self._reread(rel)


class Readable(Protocol):
    """What a listing is read from: an SQLite blob (`Connection.blobopen`), a file."""

    def read(self, length: int = -1, /) -> bytes: ...


class _Stream:
    """A blob as the unpickler reads it: in the frames it asks for (a pickle of protocol 5
    is read a frame of 64 KiB at a time); no line is ever asked of it."""

    def __init__(self, blob: Readable) -> None:
        self.read = blob.read

    def readinto(self, buffer: bytearray) -> int:
        data = self.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)

    def readline(self) -> bytes:
        raise pickle.UnpicklingError("a listing holds no lines")


class FactsSlot:
    """Where the `LazyFacts` of one listing find their `source`: one object all of them
    share, pickled once with the listing and given its source when it is read."""

    source: FactsSource | None = None


class LazyFacts(Facts):
    """A cached post's facts, read when a field is first read (a folder check, a schema's
    inference), not when the folder is listed; one object from the start, as the scan tells
    unchanged facts by their identity. Pickled, it is the `Facts` it stands for."""

    # Made by unpickling a listing (`RowPickler.reducer_override`), with no __init__: its
    # dict holds `_slot` (whose `source` reads the facts), `rel` and `stamp` (its row's).
    _slot: FactsSlot
    rel: str
    stamp: Stamp

    def _loaded(self) -> Facts:
        found = self.__dict__.get("_facts")
        if found is None:
            facts = self._slot.source.facts(self.rel, self.stamp)
            # setdefault: two threads reading it at once get the same facts
            found = self.__dict__.setdefault("_facts", facts)
        return found

    def __eq__(self, other: object) -> bool:
        mine = self._loaded()
        return mine == (other._loaded() if isinstance(other, LazyFacts) else other)

    __hash__ = Facts.__hash__

    def __reduce_ex__(self, protocol: object) -> tuple[object, ...]:
        return self._loaded().__reduce_ex__(protocol)  # type: ignore[arg-type]


def _field(name: str) -> property:
    return property(lambda self: getattr(self._loaded(), name), doc=f"The facts' `{name}`.")


for _f in fields(Facts):
    setattr(LazyFacts, _f.name, _field(_f.name))
