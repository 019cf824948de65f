"""The folder panel: every post of the folder in a sortable, filterable table.

A `QAbstractTableModel` over the index (no widget per row, so 10,000 posts cost nothing to
show) under a `QSortFilterProxyModel` that filters as the writer types (title, tags, category
and path) and by a quick filter (a tag, a category, drafts, problems).

Both are shaped by what a Python model costs: every `data()` or `filterAcceptsRow()` call
crosses from C++ into Python. The proxy's own sort calls `data()` twice per comparison (a
second per widening keystroke on 10,000 rows), so the model sorts itself, once, with Python's
sort, and the proxy passes the order through. The filter decides every row in one Python loop
when the words change, so `filterAcceptsRow` is a list lookup.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import PurePath

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from editor.core.folder import IndexEntry, Taxonomy
from editor.core.folder.taxonomy_edit import Kind
from editor.ui.widgets.row_table import row_table

Index = QModelIndex | QPersistentModelIndex
COLUMNS = ("Title", "Date", "Category", "Tags", "Status")
ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1


def _status(entry: IndexEntry) -> str:
    parts = ["draft"] if entry.draft else []
    if entry.errors:
        parts.append(f"{entry.errors} error{'s' * (entry.errors > 1)}")
    elif entry.warnings:
        parts.append(f"{entry.warnings} warning{'s' * (entry.warnings > 1)}")
    return ", ".join(parts)


class IndexModel(QAbstractTableModel):
    """The index as a table: one row per post, in the order of the last `sort`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entries: list[IndexEntry] = []
        self._haystacks: list[str] = []  # lowercase text the filter searches, per row
        self._order: tuple[int, Qt.SortOrder] | None = None  # (column, order) sorted by

    def set_entries(self, entries: Sequence[IndexEntry]) -> None:
        """Show a new index."""
        self.beginResetModel()
        self.entries = self._sorted(entries)
        self._haystacks = [_haystack(e) for e in self.entries]
        self.endResetModel()

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
        key = _SORT_KEYS[column]
        return sorted(entries, key=key, reverse=order == Qt.SortOrder.DescendingOrder)

    def _row_for(self, entry: IndexEntry) -> int:
        """Where a new entry goes to keep the order (the end when unsorted)."""
        if self._order is None:
            return len(self.entries)
        column, order = self._order
        key, descending = _SORT_KEYS[column], order == Qt.SortOrder.DescendingOrder
        new = key(entry)
        for row, known in enumerate(self.entries):
            if (key(known) < new) if descending else (new < key(known)):
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
            return COLUMNS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        entry = self.entries[index.row()]
        column = index.column()
        if role == ENTRY_ROLE:
            return entry
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [
                str(entry.path),
                *(f"{p.severity}: {p.field}: {p.message}" for p in entry.problems),
            ]
            return "\n".join(lines)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == 0:
            return entry.title or entry.path.name
        if column == 1:
            return None if entry.date is None else entry.date.isoformat()[:10]
        if column == 2:
            return ", ".join(entry.categories)
        if column == 3:
            return ", ".join(entry.tags)
        return _status(entry)


_NO_DATE = dt.date.min


def _date_key(entry: IndexEntry) -> tuple[dt.date, str]:
    # Datetimes and dates in one order: by day, then by the full timestamp's text.
    date = entry.date
    if date is None:
        return _NO_DATE, ""
    day = date.date() if isinstance(date, dt.datetime) else date
    return day, date.isoformat()


# How each column sorts: case-insensitive text, dates in time order, problems by weight.
_SORT_KEYS: tuple[Callable[[IndexEntry], object], ...] = (
    lambda e: (e.title or e.path.name).casefold(),
    _date_key,
    lambda e: ", ".join(e.categories).casefold(),
    lambda e: ", ".join(e.tags).casefold(),
    lambda e: (e.errors * 1000 + e.warnings, e.draft),
)


def _haystack(entry: IndexEntry) -> str:
    return " ".join([entry.title or "", *entry.tags, *entry.categories, str(entry.path)]).casefold()


QuickFilter = Callable[[IndexEntry], bool]
# What a quick filter is, whatever its label says: ("tag", "Climate"), ("draft", "")...
QuickKey = tuple[str, str]
_HAS_FILTER_CHANGE = hasattr(QSortFilterProxyModel, "beginFilterChange")


class PostFilter(QSortFilterProxyModel):
    """Filters rows by words typed (all must match) and by one quick filter; sorting is
    handed to the source model (see the module docstring)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.words: list[str] = []
        self.quick: QuickFilter | None = None
        self._accepted: list[bool] = []

    def setSourceModel(self, model: IndexModel) -> None:  # type: ignore[override]
        # Connected before the proxy's own handlers, which Qt then calls after these: rows
        # the model adds, changes or reorders are decided before the proxy asks about them.
        for signal in (
            model.modelReset,
            model.rowsInserted,
            model.rowsRemoved,
            model.layoutChanged,
            model.dataChanged,
        ):
            signal.connect(self._decide)
        super().setSourceModel(model)
        self._decide()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.sourceModel().sort(column, order)

    def set_text(self, text: str) -> None:
        """Filter by typed words."""
        with self._filter_change():
            self.words = text.casefold().split()
            self._decide()

    def set_quick(self, quick: QuickFilter | None) -> None:
        """Filter by a tag, a category, drafts or problems (None: all posts)."""
        with self._filter_change():
            self.quick = quick
            self._decide()

    def _decide(self, *_: object) -> None:
        """Which source rows pass the filters, all in one loop."""
        model: IndexModel = self.sourceModel()  # type: ignore[assignment]
        words, quick = self.words, self.quick
        haystacks = model.haystacks()
        if words:
            accepted = [all(w in h for w in words) for h in haystacks]
        else:
            accepted = [True] * len(haystacks)
        if quick is not None:
            accepted = [a and quick(e) for a, e in zip(accepted, model.entries, strict=True)]
        self._accepted = accepted

    @contextmanager
    def _filter_change(self) -> Iterator[None]:
        """Re-filter the rows once the criteria changed inside the block."""
        # Qt 6.10 replaced invalidateRowsFilter (deprecated in 6.12, a warning per call) by
        # begin/endFilterChange around the change; the package still allows Qt 6.6.
        if not _HAS_FILTER_CHANGE:
            yield
            self.invalidateRowsFilter()
            return
        self.beginFilterChange()
        try:
            yield
        finally:
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, row: int, parent: Index) -> bool:
        accepted = self._accepted
        return accepted[row] if row < len(accepted) else True


class FolderPanel(QWidget):
    """Filter box, quick filter and the post table. `openRequested(IndexEntry)`."""

    openRequested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = IndexModel(self)
        self.proxy = PostFilter(self)
        self.proxy.setSourceModel(self.model)
        self.filter_box = QLineEdit(placeholderText="Filter: title, tag, category, path")
        self.filter_box.setClearButtonEnabled(True)
        self.filter_box.setObjectName("filterBox")
        self.filter_box.textChanged.connect(self.proxy.set_text)
        self.quick = QComboBox()
        self.quick.setObjectName("quickFilter")
        self.quick.currentIndexChanged.connect(self._quick_changed)
        self.table = row_table(self.proxy, "postTable", 1, Qt.SortOrder.DescendingOrder)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        for column, width in enumerate((0, 86, 80, 90, 64)):
            if column:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
                header.resizeSection(column, width)
        self.table.activated.connect(self._activated)  # double-click or Enter
        row = QHBoxLayout()
        row.addWidget(self.filter_box, 2)
        row.addWidget(self.quick, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.table)
        self._quick_keys: list[QuickKey] = []
        self._quick_filters: list[QuickFilter | None] = []
        self.set_taxonomy(Taxonomy({}, {}))

    def set_entries(self, entries: Sequence[IndexEntry], taxonomy: Taxonomy) -> None:
        """Show a folder's index."""
        self.model.set_entries(entries)
        self.set_taxonomy(taxonomy)

    def show_changes(self, entries: Sequence[IndexEntry]) -> None:
        """Show a rescan's index row by row, so the selection and the scroll stay."""
        fresh = {entry.path: entry for entry in entries}
        for entry in list(self.model.entries):
            if entry.path not in fresh:
                self.model.remove_path(entry.path)
        shown = {entry.path: entry for entry in self.model.entries}
        for path, entry in fresh.items():
            if shown.get(path) != entry:
                self.model.update_entry(entry)

    def set_taxonomy(self, taxonomy: Taxonomy) -> None:
        """Rebuild the quick filters from the folder's tags and categories (the one chosen
        stays chosen while its name is still used, whatever its count)."""
        choices: list[tuple[QuickKey, str, QuickFilter | None]] = [
            (("all", ""), "All posts", None),
            (("draft", ""), "Drafts", lambda e: e.draft),
            (("problems", ""), "With problems", lambda e: bool(e.problems)),
        ]
        choices += [
            (("category", c), f"Category: {c} ({n})", lambda e, c=c: c in e.categories)
            for c, n in taxonomy.categories.items()
        ]
        choices += [
            (("tag", t), f"Tag: {t} ({n})", lambda e, t=t: t in e.tags)
            for t, n in taxonomy.tags.items()
        ]
        row = self.quick.currentIndex()
        current = self._quick_keys[row] if 0 <= row < len(self._quick_keys) else None
        self.quick.blockSignals(True)
        self.quick.clear()
        self.quick.addItems([label for _, label, _ in choices])
        self._quick_keys = [key for key, _, _ in choices]
        self._quick_filters = [quick for _, _, quick in choices]
        found = self._quick_keys.index(current) if current in self._quick_keys else 0
        self.quick.setCurrentIndex(found)
        self.quick.blockSignals(False)
        self._quick_changed(self.quick.currentIndex())

    def show_only(self, kind: Kind, name: str) -> bool:
        """List only the posts with one tag or category (its quick filter); False, and the
        list as it was, when no post has it."""
        key = (kind, name)
        if key not in self._quick_keys:
            return False
        self.quick.setCurrentIndex(self._quick_keys.index(key))
        return True

    def _quick_changed(self, row: int) -> None:
        if 0 <= row < len(self._quick_filters):
            self.proxy.set_quick(self._quick_filters[row])

    def _activated(self, index: QModelIndex) -> None:
        self.openRequested.emit(self.proxy.data(index, ENTRY_ROLE))

    def focus_filter(self) -> None:
        """Edit > Filter Posts: the filter box, its words selected to type over."""
        self.filter_box.setFocus()
        self.filter_box.selectAll()

    def visible_entries(self) -> list[IndexEntry]:
        """The rows the filters let through, in table order."""
        return [
            self.proxy.data(self.proxy.index(row, 0), ENTRY_ROLE)
            for row in range(self.proxy.rowCount())
        ]
