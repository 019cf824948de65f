"""A read-only table of rows to pick from: the post list and the Problems list are both one."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QTableView


def row_table(model: QAbstractItemModel, name: str, column: int, order: Qt.SortOrder) -> QTableView:
    """A table over `model` that sorts by any column (first by `column` in `order`), selects
    one whole row, never edits, and keeps each row one line high; Tab leaves it."""
    table = QTableView(objectName=name)
    table.setModel(model)
    table.setSortingEnabled(True)
    table.sortByColumn(column, order)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    table.setWordWrap(False)
    # Tab leaves the table for the next control, as in any list: with Tab moving from cell to
    # cell, a keyboard could never get out of the post list to the form.
    table.setTabKeyNavigation(False)
    # A line of text and a little air: a style's default (30 px under Fusion on X11) showed
    # half as many posts on a small screen.
    rows = table.verticalHeader()
    rows.setMinimumSectionSize(1)
    rows.setDefaultSectionSize(table.fontMetrics().height() + 8)
    return table
