"""The folder's index as a table model: its columns, declared once, and its own sorting.

Each column is a `Column`: its header, its width, what a row shows in it, how it sorts, and
whether a folder needs it at all (a Collection column for a site of one collection, a Language
column for a blog in one language, would only take room from the title). The panel hides the
columns a folder does not need, and those the writer hid (the header's context menu); the model
always has them all, so a column's number never depends on the folder.

Every `data()` call crosses from C++ into Python, and the proxy's own sort calls it twice per
comparison, so the model sorts itself, once, with Python's sort (see folder_panel.py).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import PurePath

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QWidget

from editor.core.folder import IndexEntry
from editor.core.git import Change
from editor.core.site.generators import STATUSES
from editor.core.storage import folded

Index = QModelIndex | QPersistentModelIndex
ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1
STATUS_LABELS = {
    "published": "Published",
    "draft": "Draft",
    "scheduled": "Scheduled",
    "expired": "Expired",
}


def _always(_: Sequence[IndexEntry]) -> bool:
    return True


@dataclass(frozen=True)
class Column:
    """One column of the post list: `width` in pixels (0: it takes the spare width), `text`
    of a row, `key` to sort rows by, `needed`: whether a folder's entries call for it, and
    `least`: the narrowest it is made to leave the title room (its usual text still read)."""

    header: str
    width: int
    text: Callable[[IndexEntry], str | None]
    key: Callable[[IndexEntry], object]
    needed: Callable[[Sequence[IndexEntry]], bool] = _always
    least: int = 40


def problems_text(entry: IndexEntry) -> str:
    """ "2 errors", "1 warning" or ""."""
    if entry.errors:
        return f"{entry.errors} error{'s' * (entry.errors > 1)}"
    if entry.warnings:
        return f"{entry.warnings} warning{'s' * (entry.warnings > 1)}"
    return ""


_NO_DATE = dt.date.min


def _date_key(entry: IndexEntry) -> tuple[dt.date, str]:
    # Datetimes and dates in one order: by day, then by the full timestamp's text.
    date = entry.date
    if date is None:
        return _NO_DATE, ""
    day = date.date() if isinstance(date, dt.datetime) else date
    return day, date.isoformat()


def _several(attribute: str) -> Callable[[Sequence[IndexEntry]], bool]:
    """Whether the entries hold more than one value of `attribute` (None counting as one)."""

    def needed(entries: Sequence[IndexEntry]) -> bool:
        first = entries[0] if entries else None
        return any(getattr(e, attribute) != getattr(first, attribute) for e in entries)

    return needed


def _pages(entries: Sequence[IndexEntry]) -> bool:
    return any(e.kind == "page" for e in entries)


COLUMNS: tuple[Column, ...] = (
    Column(
        "Title", 0, lambda e: e.title or e.path.name, lambda e: (e.title or e.path.name).casefold()
    ),
    Column(
        "Date",
        86,
        lambda e: None if e.date is None else e.date.isoformat()[:10],
        _date_key,
        least=80,  # a whole date, or none: "20…" tells nothing
    ),
    Column(
        "Status",
        74,
        lambda e: STATUS_LABELS[e.status] if e.judged else "",  # not known yet
        lambda e: (STATUSES.index(e.status) if e.judged else len(STATUSES), _date_key(e)),
        least=70,
    ),
    Column(
        "Lang", 44, lambda e: e.language or "", lambda e: e.language or "", _several("language")
    ),
    Column(
        "Problems",
        70,
        problems_text,
        lambda e: (e.errors * 1000 + e.warnings, e.draft),
        lambda entries: any(e.problems for e in entries),  # an empty column: room for titles
        least=52,
    ),
    Column(
        "Collection",
        80,
        lambda e: e.collection or "",
        lambda e: (e.collection or "").casefold(),
        _several("collection"),
    ),
    Column(
        "Kind", 44, lambda e: e.kind.title() if e.judged else "", lambda e: e.kind, _pages, least=40
    ),
    Column(
        "Category",
        80,
        lambda e: ", ".join(e.categories),
        lambda e: ", ".join(e.categories).casefold(),
    ),
    Column("Tags", 90, lambda e: ", ".join(e.tags), lambda e: ", ".join(e.tags).casefold()),
    # Tells apart posts of one title (a post in each language): shown when the writer asks.
    Column("Path", 160, lambda e: e.path.as_posix(), lambda e: e.path.as_posix().casefold()),
    # Its text and order come from the model's git status (`IndexModel.set_git`); shown only
    # in a repository.
    Column("Git", 74, lambda e: None, lambda e: "", least=60),
)
HEADERS = tuple(column.header for column in COLUMNS)
GIT_COLUMN = len(COLUMNS) - 1


def column_of(header: str) -> int:
    """The number of the column called `header`."""
    return HEADERS.index(header)


def _haystack(entry: IndexEntry) -> str:
    # `path_text`: a path is made only for a row asked for (an entry from the index cache
    # holds its text; making 10,000 paths was a third of listing them).
    title = folded(entry.title or "")
    rest = folded(" ".join([*entry.tags, *entry.categories, entry.path_text]))
    # A post's file is mostly named after its title ("Hello world" in hello-world.md). A typed
    # word holds no space, so a word found in such a title is found in the file's name too:
    # the title is left out, and 100,000 haystacks are searched in three quarters of the time.
    # (`folded` works a character at a time: folding the parts is folding their join.)
    return rest if title.replace(" ", "-") in rest else f"{title} {rest}"


def _compact(haystacks: list[str]) -> list[str]:
    """The same texts made anew, one after the other in memory. Made chunk by chunk while a
    folder is read, among the entries, 100,000 haystacks lie scattered, and the filter's pass
    over them took twice as long (a cache miss a row): copied once at the end of a scan."""
    parts = "\n".join(haystacks).split("\n")
    # A haystack holding a line break (a title of two lines) would be split: kept as they are.
    return parts if len(parts) == len(haystacks) else haystacks


def _words(entry: IndexEntry) -> tuple[object, ...]:
    """What `_haystack` is made of."""
    return entry.title, entry.tags, entry.categories, entry.path_text


def _tooltip(entry: IndexEntry) -> str:
    if not entry.judged:
        return f"{entry.path}\nnot checked yet"
    where = [STATUS_LABELS[entry.status], entry.kind, entry.collection, entry.language]
    lines = [
        str(entry.path),
        " · ".join(w for w in where if w),
        *(f"{p.severity}: {p.field}: {p.message}" for p in entry.problems),
    ]
    return "\n".join(lines)


class IndexModel(QAbstractTableModel):
    """The index as a table: one row per post, in the order of the last `sort`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entries: list[IndexEntry] = []
        self._haystacks: list[str] = []  # lowercase text the filter searches, per row
        self._order: tuple[int, Qt.SortOrder] | None = None  # (column, order) sorted by
        self.git: dict[PurePath, Change] | None = None  # None: the folder is in no repository

    def set_git(self, changes: dict[PurePath, Change] | None) -> None:
        """Each post's git change (None: no repository, the Git column hidden)."""
        self.git = changes
        if self.entries:
            self.dataChanged.emit(
                self.index(0, GIT_COLUMN), self.index(len(self.entries) - 1, GIT_COLUMN)
            )

    def git_change(self, entry: IndexEntry) -> Change | None:
        """A post's git change; None when unchanged (or no repository)."""
        return None if self.git is None else self.git.get(entry.path)

    def column_needed(self, number: int) -> bool:
        """Whether the folder calls for a column: by its entries, and Git in a repository."""
        if number == GIT_COLUMN:
            return self.git is not None
        return COLUMNS[number].needed(self.entries)

    def set_entries(self, entries: Sequence[IndexEntry]) -> None:
        """Show a new index."""
        self.beginResetModel()
        self.entries = self._sorted(entries)
        self._haystacks = [_haystack(e) for e in self.entries]
        self.endResetModel()

    def add_entries(self, entries: Sequence[IndexEntry]) -> None:
        """Rows for posts not listed yet (a first scan's chunks as they are read), each where
        the order puts it: one change of the layout however many, the selection kept."""
        self._relayout([*self.entries, *entries], [*self._haystacks, *map(_haystack, entries)])

    def replace_entries(self, entries: Sequence[IndexEntry]) -> None:
        """Show a new index of the folder shown (its scan's, after the posts it listed as
        read): in place, the selection following its posts, the scroll where it was."""
        # A post listed as read is mostly judged to the same words: its haystack is kept.
        known = dict(zip(map(_words, self.entries), self._haystacks, strict=True))
        haystacks = [known.get(_words(e)) or _haystack(e) for e in entries]
        self._relayout(list(entries), haystacks)
        self._haystacks = _compact(self._haystacks)  # in the rows' order, once sorted

    def _relayout(self, entries: list[IndexEntry], haystacks: list[str]) -> None:
        """`entries` (with their `haystacks`) in the order of the last sort, as one layout
        change: each persistent index to its post's new row (gone with it)."""
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        paths = [self.entries[index.row()].path_text for index in persistent]
        if self._order is not None:
            column, order = self._order
            keys = list(map(self._key(column), entries))
            descending = order == Qt.SortOrder.DescendingOrder
            rows = sorted(range(len(entries)), key=keys.__getitem__, reverse=descending)
            entries, haystacks = [entries[r] for r in rows], [haystacks[r] for r in rows]
        self.entries, self._haystacks = entries, haystacks
        wanted = set(paths)  # by the paths' text: an entry just read has not made its path
        where = (
            {text: row for row, e in enumerate(entries) if (text := e.path_text) in wanted}
            if wanted
            else {}
        )
        self.changePersistentIndexList(
            persistent,
            [
                self.index(where[path], index.column()) if path in where else QModelIndex()
                for index, path in zip(persistent, paths, strict=True)
            ],
        )
        self.layoutChanged.emit()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Order the rows by a column (a header click); selections follow their posts."""
        self.layoutAboutToBeChanged.emit()
        old_rows = {id(e): row for row, e in enumerate(self.entries)}
        self._order = (column, order)
        self.entries = self._sorted(self.entries)
        self._haystacks = [_haystack(e) for e in self.entries]
        moved = [old_rows[id(e)] for e in self.entries]  # new row → old row
        new_row = {old: new for new, old in enumerate(moved)}
        persistent = self.persistentIndexList()
        self.changePersistentIndexList(
            persistent,
            [self.index(new_row[i.row()], i.column()) for i in persistent],
        )
        self.layoutChanged.emit()

    def _sorted(self, entries: Sequence[IndexEntry]) -> list[IndexEntry]:
        if self._order is None:
            return list(entries)
        column, order = self._order
        key = self._key(column)
        return sorted(entries, key=key, reverse=order == Qt.SortOrder.DescendingOrder)

    def _key(self, column: int) -> Callable[[IndexEntry], object]:
        if column == GIT_COLUMN:
            return lambda e: change.value if (change := self.git_change(e)) else "~"
        return COLUMNS[column].key

    def _row_for(self, entry: IndexEntry) -> int:
        """Where a new entry goes to keep the order (the end when unsorted)."""
        if self._order is None:
            return len(self.entries)
        column, order = self._order
        key, descending = self._key(column), order == Qt.SortOrder.DescendingOrder
        new = key(entry)
        for row, known in enumerate(self.entries):
            if (key(known) < new) if descending else (new < key(known)):  # type: ignore[operator]
                return row
        return len(self.entries)

    def update_entry(self, entry: IndexEntry) -> None:
        """A post saved or created: change its row or add one."""
        for row, known in enumerate(self.entries):
            if known.path == entry.path:
                self.entries[row], self._haystacks[row] = entry, _haystack(entry)
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))
                return
        row = self._row_for(entry)
        self.beginInsertRows(QModelIndex(), row, row)
        self.entries.insert(row, entry)
        self._haystacks.insert(row, _haystack(entry))
        self.endInsertRows()

    def remove_path(self, path: PurePath) -> None:
        """A post that is gone."""
        for row, known in enumerate(self.entries):
            if known.path == path:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self.entries[row], self._haystacks[row]
                self.endRemoveRows()
                return

    def haystacks(self) -> list[str]:
        """The lowercase text the filter box matches, per row."""
        return self._haystacks

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's API
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        return self.entry_data(self.entries[index.row()], index.column(), role)

    def entry_data(self, entry: IndexEntry, column: int, role: int) -> object:
        """What a row of `entry` shows in `column` for `role` (the filter's rows too)."""
        if role == ENTRY_ROLE:
            return entry
        if role == Qt.ItemDataRole.ToolTipRole:
            return _tooltip(entry)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == GIT_COLUMN:
            change = self.git_change(entry)
            return change.value.title() if change else None
        return COLUMNS[column].text(entry)
