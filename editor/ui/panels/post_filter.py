"""The folder list's filter: the rows the writer's words and the narrowing filters keep.

Shaped by what a Python model costs: every `data()` call crosses from C++ into Python, and a
`QSortFilterProxyModel` asks `filterAcceptsRow` once per source row on every keystroke (100,000
calls into Python, then as many row insertions and removals for the view). So the filter is a
table model of its own over the `IndexModel`: it holds the source rows it shows, in the
source's order, decided in one Python pass when the words or a narrowing filter change, and
tells the view with one `layoutChanged` (the selection and the current row follow their posts,
and leave with them when filtered out). When the words only grow, only the previous matches
are searched again. The model sorts itself (index_model.py), so sorting is handed to it.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Sequence
from itertools import compress, repeat
from operator import contains

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtWidgets import QWidget

from editor.core.folder import IndexEntry
from editor.core.storage import folded
from editor.ui.panels.index_model import COLUMNS, Index, IndexModel

QuickFilter = Callable[[IndexEntry], bool]
# Source rows, in order: a range when every row passes (no list of 100,000 numbers to make).
Rows = list[int] | range


def refines(words: Sequence[str], before: Sequence[str]) -> bool:
    """Whether every row `words` match is sure to match `before`: each earlier word is
    inside one of the new ones ("clim" → "climate", "ai" → "ai health")."""
    return all(any(old in new for new in words) for old in before)


class PostFilter(QAbstractTableModel):
    """Filters rows by words typed (all must match) and by narrowing filters, one per
    `slot` ("quick", "kind", "collection"), which a row must all pass; sorting is handed
    to the source model (see the module docstring)."""

    def __init__(self, model: IndexModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.words: list[str] = []
        self.narrowing: dict[str, QuickFilter] = {}
        self._source = model
        # The source rows the words last matched, and those words: a longer query searches
        # only these (None: the source changed since, or no words).
        self._matched: tuple[list[str], Rows] | None = None
        self._rows = self._decide()  # the source rows shown, in the source's order
        # While the source changes: the view's persistent indexes and the post each was on.
        self._moving: tuple[list[QModelIndex], list[str]] = ([], [])  # by paths' text
        model.modelAboutToBeReset.connect(self.beginResetModel)
        model.modelReset.connect(self._source_reset)
        for about in (
            model.rowsAboutToBeInserted,
            model.rowsAboutToBeRemoved,
            model.layoutAboutToBeChanged,
        ):
            about.connect(self._source_changing)
        for done in (model.rowsInserted, model.rowsRemoved, model.layoutChanged):
            done.connect(self._source_changed)
        model.dataChanged.connect(self._source_data_changed)

    def sourceModel(self) -> IndexModel:
        """The model filtered."""
        return self._source

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._source.sort(column, order)

    def set_text(self, text: str) -> None:
        """Filter by typed words."""
        self.words = folded(text).split()
        self._show(self._decide())

    def set_quick(self, quick: QuickFilter | None) -> None:
        """Filter by a status, a tag, a category or problems (None: all posts)."""
        self.narrow("quick", quick)

    def narrow(self, slot: str, keep: QuickFilter | None) -> None:
        """Keep only the rows `keep` accepts, besides the other slots' filters (None: this
        slot keeps every row)."""
        if keep is None:
            self.narrowing.pop(slot, None)
        else:
            self.narrowing[slot] = keep
        self._show(self._decide())

    def _decide(self) -> Rows:
        """The source rows that pass the filters, in order: the words first, searching only
        the last matches when the words refine them, then the narrowing filters."""
        model, words = self._source, self.words
        if not words:
            self._matched = None
            rows: Rows = range(len(model.entries))
        else:
            haystacks = model.haystacks()
            rows = _search(haystacks, words[0], self._refined(words))
            for word in words[1:]:
                rows = _search(haystacks, word, rows)
            self._matched = (words, rows)
        keeps = list(self.narrowing.values())
        if keeps:
            entries = model.entries
            rows = [row for row in rows if all(keep(entries[row]) for keep in keeps)]
        return rows

    def _refined(self, words: list[str]) -> Rows | None:
        """The last matches when `words` refine them and they are few enough that searching
        only them beats a pass over every row (None: search every row)."""
        if self._matched is None or not refines(words, self._matched[0]):
            return None
        rows = self._matched[1]
        # Reaching a row through its number costs about as much as testing it: searching
        # most of the rows that way is slower than searching them all.
        return rows if len(rows) * 2 <= len(self._source.haystacks()) else None

    def _source_reset(self) -> None:
        self._matched = None
        self._rows = self._decide()
        self.endResetModel()

    def _source_changing(self, *_: object) -> None:
        """Rows about to be added, removed or reordered in the source: which post each of
        the view's persistent indexes is on, to find it again after."""
        self.layoutAboutToBeChanged.emit()
        entries, rows = self._source.entries, self._rows
        persistent = self.persistentIndexList()
        self._moving = (persistent, [entries[rows[index.row()]].path_text for index in persistent])

    def _source_changed(self, *_: object) -> None:
        """Rows added, removed or reordered in the source: filter afresh, each persistent
        index to its post's new row."""
        self._matched = None
        self._rows = self._decide()
        (persistent, paths), self._moving = self._moving, ([], [])
        entries, wanted = self._source.entries, set(paths)
        # By the paths' text: a list filled as a scan reads its posts holds entries whose
        # paths are not made yet, and making 10,000 of them per batch was a tenth of the
        # UI thread's share of a cold open.
        where = (
            {
                text: new
                for new, row in enumerate(self._rows)
                if (text := entries[row].path_text) in wanted
            }
            if wanted
            else {}
        )
        self._move(persistent, [where.get(path, -1) for path in paths])

    def _source_data_changed(self, first: QModelIndex, last: QModelIndex, *_: object) -> None:
        """A post saved in place (or the git changes): it may now pass the filters or not."""
        self._matched = None
        rows = self._decide()
        if rows != self._rows:
            self._show(rows)
            return
        start = bisect_left(rows, first.row())
        end = bisect_left(rows, last.row() + 1) - 1
        if start <= end:
            self.dataChanged.emit(self.index(start, first.column()), self.index(end, last.column()))

    def _show(self, rows: Rows) -> None:
        """Show `rows` of the source (its rows unchanged), the view's selection and current
        row following their posts."""
        if rows == self._rows:
            return
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        old = self._rows
        moved = [_position(rows, old[index.row()]) for index in persistent]
        self._rows = rows
        self._move(persistent, moved)

    def _move(self, persistent: list[QModelIndex], rows: list[int]) -> None:
        """Each persistent index to its new row (-1: gone), and the layout changed."""
        self.changePersistentIndexList(
            persistent,
            [
                self.index(row, index.column()) if row >= 0 else QModelIndex()
                for index, row in zip(persistent, rows, strict=True)
            ],
        )
        self.layoutChanged.emit()

    def shown(self) -> list[IndexEntry]:
        """The posts shown, top to bottom."""
        entries = self._source.entries
        return [entries[row] for row in self._rows]

    def entry(self, row: int) -> IndexEntry:
        """The post shown on `row`."""
        return self._source.entries[self._rows[row]]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's API
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> object:
        return self._source.headerData(section, orientation, role)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        entry = self._source.entries[self._rows[index.row()]]
        return self._source.entry_data(entry, index.column(), role)


def _search(haystacks: list[str], word: str, rows: Rows | None) -> list[int]:
    """The rows (of `rows`, or of all when None) whose haystack holds `word`, in order."""
    # compress, map and contains: the loop runs in C, not a Python step per row; over every
    # row, compress walks a range, so no list of 100,000 numbers is made to be thrown away.
    if rows is None:
        return list(compress(range(len(haystacks)), map(contains, haystacks, repeat(word))))
    texts = map(haystacks.__getitem__, rows)
    return list(compress(rows, map(contains, texts, repeat(word))))


def _position(rows: Rows, row: int) -> int:
    """Where source `row` is in the sorted `rows` (-1: not there)."""
    at = bisect_left(rows, row)
    return at if at < len(rows) and rows[at] == row else -1
