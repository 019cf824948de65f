"""The Problems dock: every problem of the open folder, each post's own and the folder-wide ones.

The list is the one `post-editor check FOLDER` prints, worked out by a `SiteChecker` off the UI
thread once the folder is indexed and again after each save or rescan. It sorts by any column,
filters by severity, and a double-click opens the post where the problem is (the tab's own
way of going to a problem). The dock's title counts what it lists: "Problems (3)".
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex, QSize, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QHeaderView,
    QLabel,
    QStyle,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from editor.core.folder import POST_SUFFIXES, ContentFolder
from editor.core.schema import Problem
from editor.ui.jobs.site_checker import SiteChecker
from editor.ui.panels.docks import ToggledDock
from editor.ui.settings import PROBLEMS_DOCK, Settings
from editor.ui.widgets.row_table import row_table

COLUMNS = ("Severity", "File", "Line", "Field", "Message")
PROBLEM_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
MAX_ROWS = 6  # the dock grows to show this many problems, then scrolls
SEVERITIES = (("All", ""), ("Errors", "error"), ("Warnings", "warning"), ("Notes", "note"))
_ORDER = {"error": 0, "warning": 1, "note": 2}


class ProblemsModel(QStandardItemModel):
    """One row per problem; each cell sorts by its own key (errors before warnings, lines
    as numbers, files and fields without regard to case)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, len(COLUMNS), parent)
        self.setHorizontalHeaderLabels(list(COLUMNS))
        self.problems: list[Problem] = []

    def set_problems(self, problems: list[Problem], root: Path | None, style: QStyle) -> None:
        """Show a new list (the old one goes)."""
        self.problems = list(problems)
        self.removeRows(0, self.rowCount())
        icons = {
            "error": style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical),
            "warning": style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning),
            "note": style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxInformation),
        }
        for problem in self.problems:
            shown = _relative(problem.path, root)
            cells = [
                (problem.severity, _ORDER[problem.severity]),
                (shown, shown.casefold()),
                (problem.line, problem.line),
                (problem.field, problem.field.casefold()),
                (problem.message, problem.message.casefold()),
            ]
            row = []
            for text, key in cells:
                item = QStandardItem()
                item.setData(text, Qt.ItemDataRole.DisplayRole)
                item.setData(key, SORT_ROLE)
                item.setData(problem, PROBLEM_ROLE)
                item.setToolTip(f"{problem.path}:{problem.line}\n{problem.message}")
                item.setEditable(False)
                row.append(item)
            row[0].setIcon(icons[problem.severity])
            self.appendRow(row)


def _relative(path: Path | None, root: Path | None) -> str:
    if path is None:
        return ""
    if root is not None and path.is_relative_to(root):
        return path.relative_to(root).as_posix()
    return str(path)


class ProblemsView(QWidget):
    """A severity filter over a sortable table, as tall as its rows (up to MAX_ROWS, then
    it scrolls). `problemActivated(Problem)` on a double-click or Enter."""

    problemActivated = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = ProblemsModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.proxy.setFilterKeyColumn(0)
        self.severity = QComboBox(objectName="severityFilter")
        for label, _ in SEVERITIES:
            self.severity.addItem(label)
        self.severity.currentIndexChanged.connect(self._filter)
        self.summary = QLabel(objectName="problemSummary")
        bar = QToolBar()
        bar.addWidget(QLabel("Show: "))
        bar.addWidget(self.severity)
        bar.addSeparator()
        bar.addWidget(self.summary)
        self.table = row_table(self.proxy, "problemTable", 0, Qt.SortOrder.AscendingOrder)
        self.table.setAccessibleName("Problems")
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        for column, width in enumerate((86, 240, 50, 100)):
            header.resizeSection(column, width)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.activated.connect(self._activated)  # double-click or Enter
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(bar)
        layout.addWidget(self.table)
        self._bar = bar
        # A scroll area asks for more than a header and a row by default: the dock could not
        # shrink to its one problem.
        self.table.setMinimumHeight(self._table_height(1))

    def sizeHint(self) -> QSize:
        """As tall as the filter bar, the header and the rows shown (one at least, MAX_ROWS at
        most, then the table scrolls): a short list leaves its room to the posts."""
        rows = min(max(self.proxy.rowCount(), 1), MAX_ROWS)
        height = self._bar.sizeHint().height() + self._table_height(rows)
        return QSize(super().sizeHint().width(), height)

    def _table_height(self, rows: int) -> int:
        table = self.table
        return (
            table.horizontalHeader().sizeHint().height()
            + rows * table.verticalHeader().defaultSectionSize()
            + 2 * table.frameWidth()
        )

    def set_problems(self, problems: list[Problem], root: Path | None) -> None:
        """Show the folder's problems (paths shown relative to `root`)."""
        self.model.set_problems(problems, root, self.style())
        counts = {kind: sum(p.severity == kind for p in problems) for kind in _ORDER}
        parts = [f"{n} {kind}{'s' * (n != 1)}" for kind, n in counts.items()]
        self.summary.setText(", ".join(parts[:2] + parts[2:] * bool(counts["note"])))
        self.updateGeometry()  # a new number of rows: a new height to fit them

    def _filter(self, index: int) -> None:
        severity = SEVERITIES[index][1]
        self.proxy.setFilterRegularExpression(f"^{severity}$" if severity else "")
        self.updateGeometry()

    def shown(self) -> list[Problem]:
        """The problems the filter lets through, in table order."""
        return [
            self.proxy.data(self.proxy.index(row, 0), PROBLEM_ROLE)
            for row in range(self.proxy.rowCount())
        ]

    def _activated(self, index: QModelIndex) -> None:
        self.problemActivated.emit(self.proxy.data(index, PROBLEM_ROLE))


class ProblemsDock(ToggledDock):
    """View > Problems, docked under the posts: the problems of the folder given to
    `set_folder`. Checks it when asked (`request_refresh`: the folder is indexed, a post
    changed) while it is shown; a hidden dock checks when it is shown again, as a check reads
    every post. `updated()` fires once a new list is shown, `openRequested(Problem)` when the
    writer asks to go to a problem in a post, `failed(str)` when a check could not be made."""

    updated = Signal()
    openRequested = Signal(object)
    failed = Signal(str)

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(
            "Problems",
            "problems",
            settings,
            PROBLEMS_DOCK,
            Qt.DockWidgetArea.BottomDockWidgetArea,
            parent,
        )
        self.folder: ContentFolder | None = None
        self.view = ProblemsView()
        self.setWidget(self.view)
        self.checker = SiteChecker(self)
        self.checker.checked.connect(self._show)
        self.checker.failed.connect(self.failed)
        self.view.problemActivated.connect(self.open_problem)

    def set_folder(self, folder: ContentFolder | None) -> None:
        """The folder to check from the next refresh on."""
        self.folder = folder

    def refresh(self) -> None:
        """Check the folder again, a moment from now."""
        self.checker.request(self.folder)

    def _show(self, problems: list[Problem]) -> None:
        folder = self.folder
        self.view.set_problems(problems, folder.root if folder else None)
        self.setWindowTitle(f"Problems ({len(problems)})" if problems else "Problems")
        self.updated.emit()

    def open_problem(self, problem: Problem) -> None:
        """Ask to open the post a problem is in at the problem's field or line."""
        path = problem.path
        if path is None or path.suffix.lower() not in POST_SUFFIXES or not path.is_file():
            return  # the schema file, or a post gone since the check
        self.openRequested.emit(problem)
