"""The window's tools over the whole folder: quick open (Ctrl+P) and the edit of one field of
many posts (with its one-step undo), wired here so that the main window only makes this part
and the action table names its methods ("folder_tools.…").

Posts open with unsaved changes are left out of an edit of many posts, and of its undo: the
writer's text in the tab is newer than the file, and writing the file would either be
overwritten by their next save or, applied to the tab instead, mix a change they did not
review into the one they are making (the diff shown would not be what gets saved).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import Protocol, cast

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QStatusBar, QWidget

from editor.core.errors import PostError
from editor.core.folder import ContentFolder, IndexEntry
from editor.core.folder.field_edit import FieldEdit, FieldPlan, plan_field_edit, undo
from editor.core.folder.taxonomy_edit import ApplyResult, Skipped, apply_changes
from editor.core.session import Prompter, show_written, unsaved_among
from editor.ui.jobs.job import Job
from editor.ui.jobs.still_folder import still_copy
from editor.ui.panels.folder_panel import FolderPanel, edit_label
from editor.ui.panels.multi_edit import MultiEditDialog
from editor.ui.panels.quick_open import QuickOpen
from editor.ui.shell.folder_index import FolderIndex
from editor.ui.tab.document_tab import DocumentTab

HELD = "open with unsaved changes; save or revert it, then do this again"


class Host(Protocol):
    """What the tools use of the window: its folder, list, tabs, prompter and status bar."""

    folder_index: FolderIndex
    panel: FolderPanel
    prompter: Prompter

    @property
    def folder(self) -> ContentFolder | None: ...

    def open_entry(self, entry: IndexEntry) -> object: ...

    def document_tabs(self) -> list[DocumentTab]: ...

    def statusBar(self) -> QStatusBar: ...


class FolderTools(QObject):
    """Quick open and the edit of many posts over the window's open folder: opens posts as
    the folder list does, edits the posts chosen in the list, asks and tells through the
    window's prompter, reloads the unchanged tabs a write touched, and rescans the folder."""

    def __init__(self, window: Host) -> None:
        super().__init__(cast(QObject, window))
        self._host = window
        self.quick_open = QuickOpen(self._entries, cast(QWidget, window))
        self.quick_open.openRequested.connect(window.open_entry)
        window.panel.openRequested.connect(self.quick_open.note_opened)
        window.panel.editRequested.connect(self.edit_entries)
        self.edit_action = QAction("E&dit Selected Posts…", self)
        self.edit_action.triggered.connect(self.edit_selected)
        window.panel.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self._selection_changed()
        self.undo_action = QAction("Undo Edit &of Posts", self)
        self.undo_action.setEnabled(False)
        self.undo_action.triggered.connect(self.undo_last)
        self.dialog: MultiEditDialog | None = None
        self._last: tuple[FieldPlan, ApplyResult] | None = None
        # Plans, writes and undos read and write every post chosen: off the UI thread, one
        # at a time; `_doing` says which one the answer is of.
        self.job = Job(self)
        self.job.done.connect(self._job_done)
        self.job.failed.connect(self._job_failed)
        self._doing: tuple[str, FieldPlan | None] = ("", None)

    def _entries(self) -> list[IndexEntry]:
        folder = self._host.folder
        return folder.entries if folder is not None else []

    def open_quick_open(self) -> None:
        """File > Quick Open."""
        self.quick_open.start()

    # --- edit many posts ----------------------------------------------------------------------

    def edit_selected(self) -> None:
        """Edit > Edit Selected Posts: the rows selected in the folder list."""
        self.edit_entries(self._host.panel.selected_entries())

    def _selection_changed(self, *_: object) -> None:
        """The menu says how many posts it edits: "Edit 3 Posts…"."""
        count = len(self._host.panel.table.selectionModel().selectedRows())
        self.edit_action.setEnabled(count > 0)
        text = edit_label(count) if count else "Edit Selected Posts…"  # mnemonic as the table's
        self.edit_action.setText(text.replace("Edit ", "E&dit ", 1))

    def edit_shown(self) -> None:
        """Edit > Edit All Shown Posts: every row the filters let through."""
        self.edit_entries(self._host.panel.visible_entries())

    def edit_entries(self, entries: Sequence[IndexEntry]) -> MultiEditDialog | None:
        """Open the dialog for `entries`; its Apply writes the plan it previewed."""
        folder = self._host.folder
        if folder is None or not entries:
            self._host.prompter.inform("No posts chosen", "Select posts in the list first.")
            return None
        paths = [entry.path for entry in entries]
        schema = folder.schema
        fields = list(dict.fromkeys([*(f.name for f in schema.fields), "tags", "categories"]))
        examples = {f.name: f"e.g. {f.example}" for f in schema.fields if f.example}

        def planner(edit: FieldEdit) -> None:
            if not self._start("plan", None):
                dialog.show_error("Still writing the last edit of many posts; preview again.")
                return
            whole = still_copy(folder)  # the indexer may change the folder meanwhile
            self.job.start(lambda: plan_field_edit(whole, paths, edit))

        dialog = MultiEditDialog(len(entries), fields, examples, planner, cast(QWidget, self._host))
        dialog.setWindowTitle(edit_label(len(entries)).rstrip("…"))
        dialog.accepted.connect(lambda: self._apply(dialog.plan))
        self.dialog = dialog
        dialog.setWindowModality(Qt.WindowModality.WindowModal)  # QDialog.open(), said plainly
        dialog.show()  # not exec(): nothing waits for it
        return dialog

    def _held_back(self, plan: FieldPlan) -> FieldPlan:
        """The plan without the posts open with unsaved changes, listed as left out."""
        unsaved = unsaved_among(self._host.document_tabs(), [c.path for c in plan.changes])
        held = [c for c in plan.changes if c.path in unsaved]
        if not held:
            return plan
        left = tuple(Skipped(c.path, c.rel, HELD, PostError(HELD, c.path)) for c in held)
        kept = tuple(c for c in plan.changes if c not in held)
        return dataclasses.replace(plan, changes=kept, problems=plan.problems + left)

    def _start(self, doing: str, plan: FieldPlan | None) -> bool:
        if self.job.busy:
            self._say("Still writing the last edit of many posts; try again in a moment.")
            return False
        self._doing = (doing, plan)
        return True

    def _job_done(self, answer: object) -> None:
        doing, plan = self._doing
        if doing == "plan" and isinstance(answer, FieldPlan):
            if self.dialog is not None:
                self.dialog.show_plan(self._held_back(answer))
        elif doing == "apply" and plan is not None and isinstance(answer, ApplyResult):
            self._applied(plan, answer)
        elif doing == "undo" and isinstance(answer, ApplyResult):
            self._undone(answer)

    def _job_failed(self, message: str) -> None:
        if self._doing[0] == "plan" and self.dialog is not None:
            self.dialog.show_error(message)
        else:
            self._host.prompter.inform("Cannot edit the posts", message)

    def shutdown(self) -> None:
        """The window closes: files being written are finished, not cut short."""
        self.job.wait(60)

    def _apply(self, plan: FieldPlan | None) -> None:
        # A post given unsaved edits since the preview is left out now too: its tab's text
        # is the writer's, never overwritten from here.
        plan = self._held_back(plan) if plan is not None else None
        if plan is None or not plan.changes or not self._start("apply", plan):
            return
        self._say("Writing…")
        self.job.start(lambda: apply_changes(plan.root, plan.changes))

    def _applied(self, plan: FieldPlan, result: ApplyResult) -> None:
        self._after("Some posts were not changed", result)
        count = len(result.written)
        if count:
            self._last = (plan, result)
            self.undo_action.setText(f"Undo Edit &of {count} Post{'s' * (count != 1)}")
            self.undo_action.setEnabled(True)
        self._say(f"Changed {count} post{'s' * (count != 1)}: {plan.edit.describe()}.")

    def undo_last(self) -> None:
        """Edit > Undo Edit of N Posts: the bytes each file had before, where nobody changed
        the file since; the others are named."""
        if self._last is None:
            return
        plan, result = self._last
        plan = self._held_back(plan)
        if not self._start("undo", plan):
            return
        self._last = None
        self.undo_action.setEnabled(False)
        self.undo_action.setText("Undo Edit &of Posts")
        self.job.start(lambda: undo(plan, result))

    def _undone(self, undone: ApplyResult) -> None:
        plan = self._doing[1]
        problems = plan.problems if plan is not None else ()
        held = [f"{s.rel.as_posix()}: {s.reason}" for s in problems if s.reason == HELD]
        self._after("Some posts could not be put back", undone, held)
        count = len(undone.written)
        self._say(f"Put back {count} post{'s' * (count != 1)}.")

    def _after(self, title: str, result: ApplyResult, more: Sequence[str] = ()) -> None:
        """Show the written files in their open tabs, tell what was left, refresh the index."""
        show_written(self._host.document_tabs(), result.written)
        lines = [f"{f.rel.as_posix()}: {f.message}" for f in result.files if f.status != "written"]
        if lines or more:
            self._host.prompter.inform(title, "\n".join([*lines, *more]))
        if result.written:
            self._host.folder_index.rescan()

    def _say(self, text: str) -> None:
        self._host.statusBar().showMessage(text, 8000)
