"""The folder list's filter: the rows the writer's words and the narrowing filters keep.

Shaped by what a Python model costs: every `data()` or `filterAcceptsRow()` call crosses from
C++ into Python. The proxy's own sort calls `data()` twice per comparison (a second per
widening keystroke on 10,000 rows), so the model sorts itself, once, with Python's sort, and
the proxy passes the order through. The filter decides every row in one Python loop when the
words change, so `filterAcceptsRow` is a list lookup.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QWidget

from editor.core.folder import IndexEntry
from editor.ui.panels.index_model import Index, IndexModel

QuickFilter = Callable[[IndexEntry], bool]
_HAS_FILTER_CHANGE = hasattr(QSortFilterProxyModel, "beginFilterChange")


class PostFilter(QSortFilterProxyModel):
    """Filters rows by words typed (all must match) and by narrowing filters, one per
    `slot` ("quick", "kind", "collection"), which a row must all pass; sorting is handed
    to the source model (see the module docstring)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.words: list[str] = []
        self.narrowing: dict[str, QuickFilter] = {}
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
        """Filter by a status, a tag, a category or problems (None: all posts)."""
        self.narrow("quick", quick)

    def narrow(self, slot: str, keep: QuickFilter | None) -> None:
        """Keep only the rows `keep` accepts, besides the other slots' filters (None: this
        slot keeps every row)."""
        with self._filter_change():
            if keep is None:
                self.narrowing.pop(slot, None)
            else:
                self.narrowing[slot] = keep
            self._decide()

    def _decide(self, *_: object) -> None:
        """Which source rows pass the filters, all in one loop."""
        model: IndexModel = self.sourceModel()  # type: ignore[assignment]
        words, keeps = self.words, list(self.narrowing.values())
        haystacks = model.haystacks()
        if words:
            accepted = [all(w in h for w in words) for h in haystacks]
        else:
            accepted = [True] * len(haystacks)
        if keeps:
            accepted = [
                a and all(keep(e) for keep in keeps)
                for a, e in zip(accepted, model.entries, strict=True)
            ]
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
