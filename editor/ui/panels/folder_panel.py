"""The folder panel: every post and page of the folder in a sortable, filterable table.

A `QAbstractTableModel` over the index (index_model.py: no widget per row, so 10,000 posts
cost nothing to show) under a filtering model (post_filter.py) that filters as the writer
types (title, tags, category and path), by a quick filter (a publishing status, a tag, a
category, problems), and, on a site that has them, by kind (posts or pages) and by collection.

Both are shaped by what a Python model costs: see post_filter.py.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from pathlib import PurePath

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPoint,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QMenu,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from editor.core.folder import IndexEntry, Taxonomy, taxonomy_of
from editor.core.folder.taxonomy_edit import Kind
from editor.core.git import Change
from editor.ui.panels.index_model import COLUMNS, IndexModel, column_of
from editor.ui.panels.post_filter import PostFilter, QuickFilter
from editor.ui.settings import HIDDEN_COLUMNS, Settings
from editor.ui.widgets.row_table import row_table

# What a quick filter is, whatever its label says: ("tag", "Climate"), ("draft", "")...
QuickKey = tuple[str, str]
# The publishing statuses' quick filters (Drafts keeps its key: a draft is what it was).
# A filter whose answer only the site's judging tells (status, problems, kind, collection)
# keeps no post not judged yet (`IndexEntry.judged`): it would claim one it cannot know.
_STATUS_FILTERS: tuple[tuple[QuickKey, str, QuickFilter], ...] = (
    (("status", "published"), "Published", lambda e: e.judged and e.status == "published"),
    (("draft", ""), "Drafts", lambda e: e.judged and e.status == "draft"),
    (("status", "scheduled"), "Scheduled", lambda e: e.judged and e.status == "scheduled"),
    (("status", "expired"), "Expired", lambda e: e.judged and e.status == "expired"),
)
# The title's share of the table's width, at least, when the other columns are set: the
# columns a site adds (Kind, Collection, Lang) narrow the others rather than the title.
TITLE_SHARE = 0.5
_HEADER_MARGIN = QStyle.PixelMetric.PM_HeaderMargin
GIT_FILTERS = (Change.NEW, Change.MODIFIED, Change.STAGED, Change.UNTRACKED, Change.CONFLICTED)
KINDS: tuple[tuple[str, QuickFilter | None], ...] = (
    ("Posts and pages", None),
    ("Posts", lambda e: e.judged and e.kind == "post"),
    ("Pages", lambda e: e.judged and e.kind == "page"),
)


class FolderPanel(QWidget):
    """Filter box, quick filter, kind and collection filters (shown on a site that has
    pages, or several collections) and the post table. `openRequested(IndexEntry)`. The
    columns the writer hides from the header's context menu are kept in `settings` (none
    given: the default, Path hidden, for this panel's life)."""

    openRequested = Signal(object)
    editRequested = Signal(object)  # a list of IndexEntry: edit a field of all of them

    def __init__(self, settings: Settings | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.hidden = set(settings.get(HIDDEN_COLUMNS) if settings else HIDDEN_COLUMNS.default)
        self.model = IndexModel(self)
        self.proxy = PostFilter(self.model, self)
        self.filter_box = QLineEdit(placeholderText="Filter: title, tag, category, path")
        self.filter_box.setClearButtonEnabled(True)
        self.filter_box.setObjectName("filterBox")
        self.filter_box.setAccessibleName("Filter posts")
        self.filter_box.textChanged.connect(self.proxy.set_text)
        self.quick = QComboBox()
        self.quick.setObjectName("quickFilter")
        self.quick.currentIndexChanged.connect(self._quick_changed)
        self.kind = QComboBox(objectName="kindFilter")
        self.kind.addItems([label for label, _ in KINDS])
        self.kind.currentIndexChanged.connect(lambda row: self.proxy.narrow("kind", KINDS[row][1]))
        self.collection = QComboBox(objectName="collectionFilter")
        self.collection.currentIndexChanged.connect(self._collection_changed)
        self._collections: list[str | None] = []  # the collection of each item (None: all)
        self.table = row_table(
            self.proxy, "postTable", column_of("Date"), Qt.SortOrder.DescendingOrder
        )
        self.table.setAccessibleName("Posts")
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)  # the title takes the rest
        header.setStretchLastSection(False)
        for number, column in enumerate(COLUMNS):
            if column.width:
                header.setSectionResizeMode(number, QHeaderView.ResizeMode.Interactive)
                header.resizeSection(number, column.width)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._header_menu)
        self.table.activated.connect(self._activated)  # double-click or Enter
        # Several rows at once (Shift, Ctrl) for "Edit N Posts…", from the menu or right-click.
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.table.viewport().installEventFilter(self)  # its width sets the columns'
        for signal in (self.model.modelReset, self.model.rowsInserted, self.model.dataChanged):
            signal.connect(self._fit_to_entries)
        row = QHBoxLayout()
        row.addWidget(self.filter_box, 2)
        row.addWidget(self.quick, 1)
        site_row = QHBoxLayout()
        site_row.addWidget(self.kind, 1)
        site_row.addWidget(self.collection, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addLayout(site_row)
        layout.addWidget(self.table)
        self._quick_keys: list[QuickKey] = []
        self._quick_filters: list[QuickFilter | None] = []
        self.set_taxonomy(Taxonomy({}, {}))
        self._fit_to_entries()

    def set_entries(
        self,
        entries: Sequence[IndexEntry],
        taxonomy: Taxonomy | None = None,
        in_place: bool = False,
    ) -> None:
        """Show a folder's index (its taxonomy counted from the entries when not given: the
        index cache's listing, before the folder's scan); `in_place`: over a listing of the
        same folder (the cache's, or the posts read so far), the selection and scroll kept."""
        if in_place:
            self.model.replace_entries(entries)
            self._fit_to_entries()
        else:
            self.model.set_entries(entries)
        self.set_taxonomy(taxonomy_of(entries) if taxonomy is None else taxonomy)

    def add_entries(self, entries: Sequence[IndexEntry], first: bool = False) -> None:
        """List posts a first scan has read, not yet judged (`first`: the first of a folder
        just opened, which replace what was listed)."""
        if first:
            self.set_entries(entries)
        else:
            self.model.add_entries(entries)
            self._fit_to_entries()

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

    def _fit_to_entries(self, *_: object) -> None:
        """Show the columns and filters the folder's entries call for: Kind and the kind
        filter when it has pages, Collection and its filter when it has several, Lang when
        its posts are in several languages; none the writer hid. A filter hidden keeps every
        row."""
        entries = self.model.entries
        hidden = [
            c.header in self.hidden or not self.model.column_needed(n)
            for n, c in enumerate(COLUMNS)
        ]
        if hidden != [self.table.isColumnHidden(n) for n in range(len(COLUMNS))]:
            for number, hide in enumerate(hidden):
                self.table.setColumnHidden(number, hide)
            self._fit_widths()
        has_pages = not self.table.isColumnHidden(column_of("Kind"))
        self.kind.setVisible(has_pages)
        if not has_pages and self.kind.currentIndex():
            self.kind.setCurrentIndex(0)
        counts = Counter(e.collection for e in entries if e.judged)
        names = sorted(counts, key=lambda c: (c is None, c or ""))
        if [None, *names] != self._collections:
            self._fill_collections(names, counts)
        self.collection.setVisible(len(names) > 1)

    def column_menu(self) -> QMenu:
        """The header's context menu: a tick per column but the title, to show or hide it."""
        menu = QMenu(self)
        for column in COLUMNS[1:]:
            action = menu.addAction(column.header)
            action.setCheckable(True)
            action.setChecked(column.header not in self.hidden)
            action.toggled.connect(lambda on, h=column.header: self.show_column(h, on))
        return menu

    def _header_menu(self, at: QPoint) -> None:
        header = self.table.horizontalHeader()
        menu = self.column_menu()
        menu.exec(header.mapToGlobal(at))
        menu.deleteLater()

    def show_column(self, header: str, shown: bool) -> None:
        """Show or hide a column (when the folder calls for it), and remember it."""
        if shown:
            self.hidden.discard(header)
        else:
            self.hidden.add(header)
        if self.settings is not None:
            self.settings.set(HIDDEN_COLUMNS, sorted(self.hidden))
        self._fit_to_entries()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and watched is self.table.viewport():
            self._fit_widths()
        return super().eventFilter(watched, event)

    def _fit_widths(self) -> None:
        """Give the shown columns their declared widths, narrowed alike toward their least
        when they would leave the title less than its share of the table; when even their
        least would, the title keeps its share and the table scrolls sideways."""
        header = self.table.horizontalHeader()
        shown = [n for n, c in enumerate(COLUMNS) if c.width and not header.isSectionHidden(n)]
        # A column is never narrower than its header's word ("Collection", not "llecti").
        metrics, pad = header.fontMetrics(), 2 * header.style().pixelMetric(_HEADER_MARGIN) + 14
        floors = {
            n: max(COLUMNS[n].least, metrics.horizontalAdvance(COLUMNS[n].header) + pad)
            for n in shown
        }
        widths = {n: max(COLUMNS[n].width, floors[n]) for n in shown}
        wanted = sum(widths.values())
        least = sum(floors.values())
        width = self.table.viewport().width()
        room = width * (1 - TITLE_SHARE)
        # How far from their least to their width the columns get: 1 is all the way.
        reach = 1.0 if wanted <= room else max(0.0, (room - least) / (wanted - least))
        for number in shown:
            floor = floors[number]
            header.resizeSection(number, int(floor + (widths[number] - floor) * reach))
        if least <= room:
            header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        else:
            header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(0, int(width * TITLE_SHARE))

    def _fill_collections(self, names: list[str | None], counts: Counter[str | None]) -> None:
        """The collection filter's items (the one chosen stays chosen while it has posts)."""
        row = self.collection.currentIndex()
        current = self._collections[row] if 0 < row < len(self._collections) else None
        self._collections = [None, *names]
        self.collection.blockSignals(True)
        self.collection.clear()
        self.collection.addItem("All collections")
        for name in names:
            self.collection.addItem(f"{name or 'Outside collections'} ({counts[name]})")
        # (None is both "All collections" and "Outside collections": the row tells which.)
        found = names.index(current) + 1 if row > 0 and current in names else 0
        self.collection.setCurrentIndex(found)
        self.collection.blockSignals(False)
        self._collection_changed(found)

    def _collection_changed(self, row: int) -> None:
        if row <= 0 or row >= len(self._collections):
            self.proxy.narrow("collection", None)
            return
        name = self._collections[row]
        self.proxy.narrow("collection", lambda e: e.judged and e.collection == name)

    def show_collection(self, name: str | None) -> bool:
        """List only the entries of one collection; False when none is listed."""
        if name not in self._collections[1:]:
            return False
        self.collection.setCurrentIndex(self._collections.index(name, 1))
        return True

    def set_taxonomy(self, taxonomy: Taxonomy) -> None:
        """Rebuild the quick filters from the folder's tags and categories (the one chosen
        stays chosen while its name is still used, whatever its count)."""
        choices: list[tuple[QuickKey, str, QuickFilter | None]] = [
            (("all", ""), "All posts", None),
            *_STATUS_FILTERS,
            (("problems", ""), "With problems", lambda e: e.judged and bool(e.problems)),
            *self._git_filters(),
        ]
        choices += [
            (("category", c), f"Category: {c} ({n})", lambda e, c=c: c in e.categories)
            for c, n in taxonomy.categories.items()
        ]
        choices += [
            (("tag", t), f"Tag: {t} ({n})", lambda e, t=t: t in e.tags)
            for t, n in taxonomy.tags.items()
        ]
        self._taxonomy = taxonomy
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

    def _git_filters(self) -> list[tuple[QuickKey, str, QuickFilter | None]]:
        """In a repository, a quick filter per change a post can have (Git: Modified...)."""
        if self.model.git is None:
            return []
        git = self.model.git_change
        return [
            (("git", c.value), f"Git: {c.value.title()}", lambda e, c=c: git(e) == c)
            for c in GIT_FILTERS
        ]

    def set_git(self, changes: dict[PurePath, Change] | None) -> None:
        """Each post's git change (None: not a repository): the Git column and quick filters."""
        was_repository = self.model.git is not None
        self.model.set_git(changes)
        if was_repository != (changes is not None):
            self.set_taxonomy(self._taxonomy)
            self._fit_to_entries()
        elif self._quick_keys[self.quick.currentIndex()][0] == "git":
            self._quick_changed(self.quick.currentIndex())  # the same filter, new changes

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
        self.openRequested.emit(self.proxy.entry(index.row()))

    def focus_filter(self) -> None:
        """Edit > Filter Posts: the filter box, its words selected to type over."""
        self.filter_box.setFocus()
        self.filter_box.selectAll()

    def visible_entries(self) -> list[IndexEntry]:
        """The rows the filters let through, in table order."""
        return self.proxy.shown()

    def selected_entries(self) -> list[IndexEntry]:
        """The rows selected, in table order."""
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        return [self.proxy.entry(row) for row in rows]

    def _context_menu(self, at: QPoint) -> None:
        """Right-click: open the post, or edit a field of the selected or of every shown post."""
        chosen, shown = self.selected_entries(), self.visible_entries()
        menu = QMenu(self)
        if len(chosen) == 1:
            menu.addAction("Open", lambda: self.openRequested.emit(chosen[0]))
        if chosen:
            menu.addAction(edit_label(len(chosen)), lambda: self.editRequested.emit(chosen))
        if shown and len(shown) != len(chosen):
            label = f"Edit All {len(shown)} Shown Posts…"
            menu.addAction(label, lambda: self.editRequested.emit(shown))
        if not menu.isEmpty():
            menu.exec(self.table.viewport().mapToGlobal(at))


def edit_label(count: int) -> str:
    """The action's text for `count` posts: "Edit 3 Posts…", "Edit 1 Post…"."""
    return f"Edit {count} Post{'s' * (count != 1)}…"
