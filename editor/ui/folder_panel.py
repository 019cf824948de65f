"""The folder panel: every post of the folder in a sortable, filterable table.

A `QAbstractTableModel` over the index (no widget per row, so 10,000 posts cost nothing to
show), a `QSortFilterProxyModel` that sorts by each column and filters as the writer types
(title, tags, category and path) and by a quick filter (a tag, a category, drafts, problems).
"""

from __future__ import annotations

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
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from editor.core.folder import IndexEntry, Taxonomy

Index = QModelIndex | QPersistentModelIndex
COLUMNS = ("Title", "Date", "Category", "Tags", "Status")
SORT_ROLE = Qt.ItemDataRole.UserRole
ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1


def _status(entry: IndexEntry) -> str:
    parts = ["draft"] if entry.draft else []
    if entry.errors:
        parts.append(f"{entry.errors} error{'s' * (entry.errors > 1)}")
    elif entry.warnings:
        parts.append(f"{entry.warnings} warning{'s' * (entry.warnings > 1)}")
    return ", ".join(parts)


class IndexModel(QAbstractTableModel):
    """The index as a table: one row per post."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entries: list[IndexEntry] = []
        self._haystacks: list[str] = []  # lowercase text the filter searches, per row

    def set_entries(self, entries: Sequence[IndexEntry]) -> None:
        """Show a new index."""
        self.beginResetModel()
        self.entries = list(entries)
        self._haystacks = [_haystack(e) for e in self.entries]
        self.endResetModel()

    def update_entry(self, entry: IndexEntry) -> None:
        """A post saved or created: change its row or add one."""
        for row, known in enumerate(self.entries):
            if known.path == entry.path:
                self.entries[row], self._haystacks[row] = entry, _haystack(entry)
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))
                return
        row = len(self.entries)
        self.beginInsertRows(QModelIndex(), row, row)
        self.entries.append(entry)
        self._haystacks.append(_haystack(entry))
        self.endInsertRows()

    def remove_path(self, path: PurePath) -> None:
        """A post that is gone."""
        for row, known in enumerate(self.entries):
            if known.path == path:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self.entries[row], self._haystacks[row]
                self.endRemoveRows()
                return

    def haystack(self, row: int) -> str:
        """The lowercase text the filter box matches for a row."""
        return self._haystacks[row]

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
        if role not in (Qt.ItemDataRole.DisplayRole, SORT_ROLE):
            return None
        if column == 0:
            title = entry.title or entry.path.name
            return title.casefold() if role == SORT_ROLE else title
        if column == 1:
            if entry.date is None:
                return "" if role == SORT_ROLE else None
            return entry.date.isoformat()[: 10 if role == Qt.ItemDataRole.DisplayRole else None]
        if column == 2:
            return ", ".join(entry.categories)
        if column == 3:
            return ", ".join(entry.tags)
        if role == SORT_ROLE:
            return (entry.errors * 1000 + entry.warnings, entry.draft)
        return _status(entry)


def _haystack(entry: IndexEntry) -> str:
    return " ".join([entry.title or "", *entry.tags, *entry.categories, str(entry.path)]).casefold()


QuickFilter = Callable[[IndexEntry], bool]
_HAS_FILTER_CHANGE = hasattr(QSortFilterProxyModel, "beginFilterChange")


def _without_count(label: str) -> str:
    """ "Tag: Climate (2)" → "Tag: Climate": a choice survives its count changing."""
    return label.rsplit(" (", 1)[0] if label.endswith(")") else label


class PostFilter(QSortFilterProxyModel):
    """Filters rows by words typed (all must match) and by one quick filter."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.words: list[str] = []
        self.quick: QuickFilter | None = None
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(True)

    def set_text(self, text: str) -> None:
        """Filter by typed words."""
        with self._filter_change():
            self.words = text.casefold().split()

    def set_quick(self, quick: QuickFilter | None) -> None:
        """Filter by a tag, a category, drafts or problems (None: all posts)."""
        with self._filter_change():
            self.quick = quick

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
        model: IndexModel = self.sourceModel()  # type: ignore[assignment]
        haystack = model.haystack(row)
        if any(word not in haystack for word in self.words):
            return False
        return self.quick is None or self.quick(model.entries[row])


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
        self.table = QTableView()
        self.table.setObjectName("postTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(1, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
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
        self._quick_filters: list[QuickFilter | None] = []
        self.set_taxonomy(Taxonomy({}, {}))

    def set_entries(self, entries: Sequence[IndexEntry], taxonomy: Taxonomy) -> None:
        """Show a folder's index."""
        self.model.set_entries(entries)
        self.set_taxonomy(taxonomy)

    def set_taxonomy(self, taxonomy: Taxonomy) -> None:
        """Rebuild the quick filters from the folder's tags and categories."""
        choices: list[tuple[str, QuickFilter | None]] = [
            ("All posts", None),
            ("Drafts", lambda e: e.draft),
            ("With problems", lambda e: bool(e.problems)),
        ]
        choices += [
            (f"Category: {c} ({n})", lambda e, c=c: c in e.categories)
            for c, n in taxonomy.categories.items()
        ]
        choices += [
            (f"Tag: {t} ({n})", lambda e, t=t: t in e.tags) for t, n in taxonomy.tags.items()
        ]
        current = _without_count(self.quick.currentText())
        self.quick.blockSignals(True)
        self.quick.clear()
        self.quick.addItems([label for label, _ in choices])
        self._quick_filters = [quick for _, quick in choices]
        labels = [_without_count(label) for label, _ in choices]
        found = labels.index(current) if current in labels else 0
        self.quick.setCurrentIndex(max(found, 0))
        self.quick.blockSignals(False)
        self._quick_changed(self.quick.currentIndex())

    def _quick_changed(self, row: int) -> None:
        if 0 <= row < len(self._quick_filters):
            self.proxy.set_quick(self._quick_filters[row])

    def _activated(self, index: QModelIndex) -> None:
        self.openRequested.emit(self.proxy.data(index, ENTRY_ROLE))

    def visible_entries(self) -> list[IndexEntry]:
        """The rows the filters let through, in table order."""
        return [
            self.proxy.data(self.proxy.index(row, 0), ENTRY_ROLE)
            for row in range(self.proxy.rowCount())
        ]
