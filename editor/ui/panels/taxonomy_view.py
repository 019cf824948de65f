"""The Tags & Categories dock: every name with its post count; rename or merge across the folder.

Names that are probably one name spelled two ways (`Ai`/`AI`, `open source`/`open-source`) are
flagged, each naming the others. Renaming or merging asks for the new name, has the core plan
the edit of every post (off the UI thread), shows the files and their diffs, and applies the
plan only when the writer says so; then the index is rescanned.

A post open with unsaved changes is left out of the plan, and the review says so: writing its
file would put the writer's words and the rename in conflict. An open post without changes is
reloaded from its new text once the rename is written.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import PurePath

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStyle,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from editor.core.errors import quoted
from editor.core.folder import ApplyResult, ContentFolder, Plan, apply, plan_rename, terms
from editor.core.folder.taxonomy_edit import Kind
from editor.core.session import OpenPost, Prompter, show_written, unsaved_among
from editor.ui.jobs import Job, still_copy
from editor.ui.panels.docks import ToggledDock
from editor.ui.settings import TAXONOMY_DOCK, Settings

TERM_ROLE = Qt.ItemDataRole.UserRole + 1  # (kind, name) on a term's row
KINDS: tuple[tuple[Kind, str], ...] = (("tag", "Tags"), ("category", "Categories"))
LOOK_ALIKE = QColor("#b35900")  # dark orange: legible on light and dark backgrounds


class TaxonomyTree(QTreeWidget):
    """Tags and categories as two branches of name and post count."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("taxonomyTree")
        self.setAccessibleName("Tags and categories")
        self.setColumnCount(2)
        self.setHeaderLabels(["Name", "Posts"])
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setSortingEnabled(True)
        self.sortByColumn(1, Qt.SortOrder.DescendingOrder)
        self.header().setStretchLastSection(False)
        self.header().resizeSection(1, 56)
        self.header().setSectionResizeMode(0, self.header().ResizeMode.Stretch)

    def fill(self, folder: ContentFolder | None) -> int:
        """Show a folder's names, keeping the selection and what was folded; returns how
        many names are flagged as looking like others."""
        chosen = set(self.selected())
        folded = {kind for kind, _ in KINDS if self._branch_folded(kind)}
        flagged = 0
        self.clear()
        warning = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        for kind, plural in KINDS:
            found = terms(folder, kind) if folder is not None else []
            branch = QTreeWidgetItem(self, [f"{plural} ({len(found)})"])
            branch.setData(0, TERM_ROLE, kind)
            branch.setFlags(branch.flags() & ~Qt.ItemFlag.ItemIsSelectable)
            # By name first: the sort by count keeps that order among equals (it is stable),
            # so look-alikes with one count sit together.
            for term in sorted(found, key=lambda term: (term.name.casefold(), term.name)):
                item = QTreeWidgetItem(branch)
                item.setText(0, term.name)
                item.setData(1, Qt.ItemDataRole.DisplayRole, term.count)
                item.setData(0, TERM_ROLE, (kind, term.name))
                item.setToolTip(0, f"{term.name}: {term.count} post{'s' * (term.count != 1)}")
                if term.similar:
                    flagged += 1
                    others = ", ".join(quoted(name) for name in term.similar)
                    item.setIcon(0, warning)
                    item.setForeground(0, QBrush(LOOK_ALIKE))
                    item.setToolTip(
                        0, f"Probably the same as {others}: select them and Merge… to join them"
                    )
                item.setSelected((kind, term.name) in chosen)
            branch.setExpanded(kind not in folded)
        return flagged

    def _branch_folded(self, kind: Kind) -> bool:
        branch = self.branch(kind)
        return branch is not None and not branch.isExpanded()

    def branch(self, kind: Kind) -> QTreeWidgetItem | None:
        """The Tags or Categories branch."""
        for i in range(self.topLevelItemCount()):
            if self.topLevelItem(i).data(0, TERM_ROLE) == kind:
                return self.topLevelItem(i)
        return None

    def item(self, kind: Kind, name: str) -> QTreeWidgetItem | None:
        """The row of one name."""
        branch = self.branch(kind)
        for i in range(branch.childCount() if branch else 0):
            if branch.child(i).data(0, TERM_ROLE) == (kind, name):  # type: ignore[union-attr]
                return branch.child(i)  # type: ignore[union-attr]
        return None

    def count(self, kind: Kind, name: str) -> int:
        """How many posts use a name, as shown."""
        item = self.item(kind, name)
        return int(item.data(1, Qt.ItemDataRole.DisplayRole)) if item is not None else 0

    def selected(self) -> list[tuple[Kind, str]]:
        """The selected names as (kind, name), in the order shown."""
        return [item.data(0, TERM_ROLE) for item in self.selectedItems()]


class TaxonomyDock(ToggledDock):
    """View > Tags & Categories: the names of the folder given to `set_folder`. Questions go
    to `prompter`; `tabs()` lists the open posts (those with unsaved changes are left out of
    a rename, those without are reloaded after it). `finished(ApplyResult | None)` ends each
    rename or merge (None: cancelled, nothing to change, or the plan failed);
    `filterRequested(kind, name)` asks to list only the posts of a name (a double-click);
    `message(str)` says how a rename ended."""

    finished = Signal(object)
    filterRequested = Signal(str, str)
    message = Signal(str)

    def __init__(
        self,
        settings: Settings,
        prompter: Prompter,
        tabs: Callable[[], list[OpenPost]],
        parent: QWidget | None = None,
    ) -> None:
        # A dock's title takes "&" as a shortcut mark, as a menu does: "&&" shows one.
        super().__init__("Tags && Categories", "taxonomy", settings, TAXONOMY_DOCK, parent=parent)
        self.prompter = prompter
        self._tabs = tabs
        self.folder: ContentFolder | None = None
        self.tree = TaxonomyTree()
        self.tree.itemSelectionChanged.connect(self._enable)
        self.tree.itemActivated.connect(self._filter_posts)
        self.rename_button = QPushButton("Rename…", clicked=self.rename)
        self.merge_button = QPushButton("Merge…", clicked=self.merge)
        self.status = QLabel(wordWrap=True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.rename_button)
        buttons.addWidget(self.merge_button)
        buttons.addStretch()
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.tree)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        self.setWidget(body)
        self.job = Job(self)  # plans, then applies: one at a time
        self._closing = False
        self.job.done.connect(self._job_done)
        self.job.failed.connect(self._failed)
        self._enable()

    def set_folder(self, folder: ContentFolder | None) -> None:
        """The folder to show and rename in from the next refresh on."""
        self.folder = folder

    def refresh(self) -> None:
        """Show the folder's names and counts as the index has them now."""
        flagged = self.tree.fill(self.folder)
        if not self.job.busy:
            self.status.setText(f"{flagged} names look like others." if flagged else "")
        self._enable()

    def _enable(self) -> None:
        chosen = self.tree.selected()
        one_kind = len({kind for kind, _ in chosen}) == 1
        idle = not self.job.busy and self.folder is not None
        self.rename_button.setEnabled(idle and len(chosen) == 1)
        self.merge_button.setEnabled(idle and one_kind and len(chosen) >= 2)

    # --- rename and merge ----------------------------------------------------------------------

    def rename(self) -> None:
        """Rename the selected name across every post."""
        chosen = self.tree.selected()
        if len(chosen) != 1:
            return
        kind, name = chosen[0]
        new = self.prompter.ask_text(f"Rename {kind}", f"Rename {quoted(name)} to:", name)
        if new is not None and new.strip() and new.strip() != name:
            self._plan(kind, [name], new)

    def merge(self) -> None:
        """Merge the selected names (all of one kind) into one, across every post."""
        chosen = self.tree.selected()
        kinds = {kind for kind, _ in chosen}
        if len(chosen) < 2 or len(kinds) != 1:
            return
        kind, names = kinds.pop(), [name for _, name in chosen]
        listed = ", ".join(quoted(name) for name in names)
        # The most used spelling is the likeliest to be meant.
        likely = max(names, key=lambda name: self.tree.count(kind, name))
        new = self.prompter.ask_text(
            f"Merge {_plural(kind)}", f"Merge {listed} into one name:", likely
        )
        if new is not None and new.strip():
            self._plan(kind, names, new)

    def _plan(self, kind: Kind, old: list[str], new: str) -> None:
        folder = self.folder
        if folder is None or self.job.busy:
            return
        self._say("Finding the posts to change…")
        whole = still_copy(folder)
        self.job.start(lambda: plan_rename(whole, kind, old, new))

    def _planned(self, plan: Plan) -> None:
        held = self._held_back(plan)
        plan = dataclasses.replace(
            plan, changes=tuple(c for c in plan.changes if c.rel not in held)
        )
        what = _describe(plan)
        if not plan.changes:
            self.prompter.inform(f"Nothing to {_verb(plan)}", _review_text(plan, held))
            self._end(None, "")
            return
        summary = f"{what}: {len(plan.changes)} post{'s' * (len(plan.changes) != 1)}"
        if not self.prompter.review(summary, _review_text(plan, held), "Apply"):
            self._end(None, "")
            return
        self._say("Writing…")
        self.job.start(lambda: apply(plan))

    def _held_back(self, plan: Plan) -> set[PurePath]:
        """Planned posts open with unsaved changes: theirs is the writer's newer text."""
        unsaved = unsaved_among(self._tabs(), [c.path for c in plan.changes])
        return {c.rel for c in plan.changes if c.path in unsaved}

    def _applied(self, result: ApplyResult) -> None:
        show_written(self._tabs(), result.written)
        left = [f for f in result.files if f.status != "written"]
        if left:
            lines = [f"{f.rel.as_posix()}: {f.message}" for f in left]
            self.prompter.inform("Some posts were not changed", "\n".join(lines))
        count = len(result.written)
        self._end(result, f"Changed {count} post{'s' * (count != 1)}.")

    def _failed(self, message: str) -> None:
        self.prompter.inform("Cannot rename", message)
        self._end(None, "")

    def shutdown(self) -> None:
        """The window closes: a rename being written is finished, not cut short; a plan still
        being made is dropped, as nobody is left to review it."""
        self._closing = True
        self.job.wait(60)

    def _job_done(self, result: Plan | ApplyResult) -> None:
        if isinstance(result, Plan):
            if not self._closing:
                self._planned(result)
        else:
            self._applied(result)

    def _say(self, text: str) -> None:
        self.status.setText(text)
        self.rename_button.setEnabled(False)
        self.merge_button.setEnabled(False)

    def _end(self, result: ApplyResult | None, message: str) -> None:
        self.status.setText(message)
        self._enable()
        if message:
            self.message.emit(message)
        self.finished.emit(result)

    # --- the posts of a name ---------------------------------------------------------------

    def _filter_posts(self, item: QTreeWidgetItem, _column: int) -> None:
        """A double-click on a name asks to list only its posts."""
        term = item.data(0, TERM_ROLE)
        if isinstance(term, tuple):
            self.filterRequested.emit(*term)


def _plural(kind: Kind) -> str:
    return "categories" if kind == "category" else "tags"


def _verb(plan: Plan) -> str:
    return "merge" if len(plan.old) > 1 else "rename"


def _describe(plan: Plan) -> str:
    olds = ", ".join(quoted(name) for name in plan.old)
    if len(plan.old) > 1:
        return f"Merge the {_plural(plan.kind)} {olds} into {quoted(plan.new)}"
    return f"Rename the {plan.kind} {olds} to {quoted(plan.new)}"


def _review_text(plan: Plan, held: set[PurePath]) -> str:
    """What the review shows: the files that change, those left out and why, the diffs."""
    count = len(plan.changes)
    lines = [f"{_describe(plan)}.", ""]
    if count:
        lines.append(f"{count} post{'s' * (count != 1)} will change:")
        lines += [f"    {change.rel.as_posix()}" for change in plan.changes]
    else:
        lines.append("No post will change.")
    left = [f"    {p.rel.as_posix()}: {p.reason}" for p in plan.problems]
    left += [
        f"    {rel.as_posix()}: open with unsaved changes; save or revert it, then do this again"
        for rel in sorted(held)
    ]
    if left:
        lines += ["", "Left out:", *left]
    return "\n".join(lines) + "\n\n" + plan.diff
