"""The main window: the folder panel beside the open posts, menus, status bar.

Menus come from the `actions.ACTIONS` table (built by `menus.build_menus`). Files are opened,
indexed and saved only through the core; the window connects actions to tabs and shows what the
core answers. Its parts (docks, view controls, spelling, recovery...) get only what they need
and say by signals what they want done; `_connect_signals` is the one place that wires them.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, QSize, Qt, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QFileDialog, QMainWindow, QSplitter

from editor.core.document import Post
from editor.core.errors import PostError
from editor.core.folder import ContentFolder, IndexEntry
from editor.core.schema import Problem
from editor.core.session import Choice, Prompter, read_post
from editor.core.storage import RecoveryStore
from editor.ui.jobs.render_service import RenderService
from editor.ui.panels.docks import ToggledDock
from editor.ui.panels.folder_panel import FolderPanel
from editor.ui.panels.outline import Outline
from editor.ui.panels.problems_view import ProblemsDock
from editor.ui.panels.taxonomy_view import TaxonomyDock
from editor.ui.preview.remote_images import RemoteImages
from editor.ui.safety.disk_watch import DiskWatch
from editor.ui.safety.export_actions import Exporter
from editor.ui.safety.recovery_keeper import SnapshotKeeper
from editor.ui.settings import GEOMETRY, OUTLINE_DOCK, REVIEW_BEFORE_SAVE, SPLITTER, Settings
from editor.ui.shell.about import AboutDialog
from editor.ui.shell.dialog_prompter import DialogPrompter
from editor.ui.shell.focused_text import FocusedText
from editor.ui.shell.folder_index import FolderIndex
from editor.ui.shell.folder_tools import FolderTools
from editor.ui.shell.git_wiring import attach_git
from editor.ui.shell.menus import RecentFolders, build_menus
from editor.ui.shell.new_post import ask_new_post
from editor.ui.shell.status_bar import StatusBar
from editor.ui.shell.tab_set import TabSet
from editor.ui.shell.view_controls import ViewControls
from editor.ui.spelling.spelling_menu import SpellingUI
from editor.ui.tab.document_tab import DocumentTab


class MainWindow(QMainWindow):
    """The Post Editor window. `folderOpened(ContentFolder)` fires when a folder is chosen,
    `folderLoaded` when its index is shown, `folderRefreshed` when it follows changes made on
    disk. Unsaved changes are kept in `recovery` (none given: nothing is kept, as in tests
    that do not ask for it). Words added to the spelling go to the `dictionary` file (none
    given: they last for the session). The settings (declared in editor/ui/settings.py, read
    typed through `settings`) are kept in `store`."""

    folderOpened = Signal(object)  # a ContentFolder chosen: its index is on the way
    folderLoaded = Signal()
    folderRefreshed = Signal()
    postsChanged = Signal()  # a post saved, created or changed on disk: the index moved

    def __init__(
        self,
        store: QSettings,
        renders: RenderService | None = None,
        prompter: Prompter | None = None,
        recovery: RecoveryStore | None = None,
        dictionary: Path | None = None,
    ) -> None:
        super().__init__()
        self.settings = Settings(store)
        self.renders = renders or RenderService(self)
        self.prompter: Prompter = prompter or DialogPrompter(self)
        self.folder_index = FolderIndex(self)
        self.keeper = SnapshotKeeper(recovery, self) if recovery is not None else None
        self.disk_watch = DiskWatch(self.prompter, self)
        self.images = RemoteImages(self)  # one picture cache for every tab's preview
        self.panel = FolderPanel(self.settings)
        self.tabs = TabSet()
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.panel)
        self.splitter.addWidget(self.tabs)
        self.splitter.setSizes([460, 940])
        self.setCentralWidget(self.splitter)
        self.status = StatusBar()
        self.setStatusBar(self.status)
        self.stats = self.status.stats  # the open post's words and reading time
        self.outline = Outline()
        # Parts are built before the menus: the menus call them and take the docks' actions.
        self.outline_dock = ToggledDock("Outline", "outline", self.settings, OUTLINE_DOCK)
        self.outline_dock.setWidget(self.outline)
        self.view = ViewControls(self.settings, self.document_tabs, self)
        self.spelling = SpellingUI(self.settings, dictionary, self)
        self.exporter = Exporter(
            self,
            self.settings,
            self.prompter,
            lambda: tab.current_post() if (tab := self.current_tab()) else None,
            lambda: self.folder.root if self.folder else None,
        )
        self.taxonomy = TaxonomyDock(self.settings, self.prompter, self.document_tabs)
        self.problems = ProblemsDock(self.settings)
        self.folder_tools = FolderTools(self)  # quick open, edit of many posts: after the panel
        self.focused_text = FocusedText(self.focusWidget)  # Edit > Undo / Redo act on it
        for dock in self.docks():
            self.addDockWidget(dock.area, dock)
        self._connect_signals()
        self._build_menus()
        self.git = attach_git(self)  # the Git menu, column and status: shown in a repository
        self.setAcceptDrops(True)
        self._restore_settings()
        self._update_title()

    def _connect_signals(self) -> None:
        """Every part says what happened by a signal; here is what the window does about it."""
        status = self.statusBar()
        for failed in (self.folder_index.indexer.failed, self.problems.failed):
            failed.connect(status.showMessage)  # shown until the next message
        for message in (self.disk_watch.message, self.exporter.message, self.taxonomy.message):
            message.connect(lambda text: status.showMessage(text, 8000))
        self.spelling.message.connect(lambda text: status.showMessage(text, 10_000))
        if self.keeper is not None:
            self.keeper.failed.connect(status.showMessage)
        self.disk_watch.folderChanged.connect(self.folder_index.rescan)
        self.folder_index.indexer.progress.connect(self.status.show_progress)
        self.folder_index.opened.connect(self.folderOpened)
        self.folder_index.loaded.connect(self._loaded)
        self.folder_index.arrived.connect(self.panel.add_entries)  # the cache's, or as read
        self.folder_index.refreshed.connect(self._refreshed)
        self.panel.openRequested.connect(self.open_entry)
        self.tabs.start.openRequested.connect(self.open_entry)
        for shown in (self.folderOpened, self.folder_index.loaded):
            shown.connect(self.tabs.start.show_folder)
        self.postsChanged.connect(lambda: self.tabs.start.show_folder(self.folder))
        self.tabs.tabCloseRequested.connect(self.close_tab)
        self.tabs.currentChanged.connect(self._tab_changed)
        self.taxonomy.finished.connect(lambda result: result and self.folder_index.rescan())
        self.taxonomy.filterRequested.connect(self.panel.show_only)
        self.problems.openRequested.connect(self._open_problem)
        self.view.focusModeChanged.connect(self._focus_mode)
        self.folderOpened.connect(self.spelling.set_folder)
        self.folderLoaded.connect(self.spelling.apply)
        for dock in (self.taxonomy, self.problems):
            self.folderOpened.connect(dock.set_folder)
            self.folderLoaded.connect(dock.request_refresh)
            self.postsChanged.connect(dock.request_refresh)

    # --- menus -------------------------------------------------------------------------------

    def _build_menus(self) -> None:
        menus = build_menus(self.menuBar(), self, self.current_tab)
        self.actions_by_name = menus.actions
        self.tabs.start.use_actions(menus.actions)
        self.recent_menu = menus.recent
        self.recent = RecentFolders(menus.recent, self.settings, self.open_folder)

    def recent_folders(self) -> list[str]:
        """Folders opened before, newest first."""
        return self.recent.folders()

    # --- folders and posts -------------------------------------------------------------------

    @property
    def folder(self) -> ContentFolder | None:
        """The open content folder (None: none yet)."""
        return self.folder_index.folder

    def open_path(self, path: Path) -> None:
        """Open a folder, or a post with its folder."""
        if path.is_file():
            self.open_folder(path.parent, then_open=path)
        else:
            self.open_folder(path)

    def open_folder(self, root: Path, then_open: Path | None = None) -> None:
        """Index a folder in the background and list its posts."""
        try:
            self.folder_index.open(root)  # folderOpened now, the index later: `_loaded`
        except PostError as error:
            self.prompter.inform("Cannot open the folder", str(error))
            return
        self._then_open = then_open
        self.disk_watch.watch_folder(None)  # until it is indexed
        self.recent.add(root)
        self.status.indexing(root)
        self._update_title()

    def choose_folder(self) -> None:
        """File > Open Folder."""
        start = str(self.folder.root) if self.folder else ""
        chosen = QFileDialog.getExistingDirectory(self, "Open a content folder", start)
        if chosen:
            self.open_folder(Path(chosen))

    def _loaded(self, folder: ContentFolder) -> None:
        """A folder just opened is indexed: list its posts, open the one asked for."""
        self.disk_watch.watch_folder(folder.root)
        taxonomy = folder.taxonomy()
        self.panel.set_entries(folder.entries, taxonomy, in_place=self.folder_index.listed)
        self.tabs.set_taxonomy(taxonomy)
        self.status.indexed(folder)
        if self._then_open is not None:
            path, self._then_open = self._then_open, None
            self.open_post(path)
        self.folderLoaded.emit()

    def _refreshed(self, folder: ContentFolder) -> None:
        """Show a rescan's result (only what changed: the selection and the scroll stay)."""
        self.panel.show_changes(folder.entries)
        self._taxonomy_changed()
        self.folderRefreshed.emit()

    def open_entry(self, entry: IndexEntry) -> DocumentTab | None:
        """Open a post listed in the panel."""
        if self.folder is None:
            return None
        return self.open_post(self.folder.root / entry.path)

    def _open_problem(self, problem: Problem) -> None:
        """Open the post a problem is in and go to the problem's field or line."""
        if problem.path is not None and (tab := self.open_post(problem.path)) is not None:
            tab.go_to_problem(problem)

    def open_post(self, path: Path) -> DocumentTab | None:
        """Open a post in a tab (or show its tab when it is open)."""
        if (tab := self.tabs.find(path)) is not None:
            self.tabs.setCurrentWidget(tab)
            return tab
        try:
            post = read_post(path)
        except PostError as error:
            self.prompter.inform("Cannot open this post", str(error))
            return None
        return self.add_tab(post)

    def add_tab(self, post: Post) -> DocumentTab:
        """Show a post in a new tab: one just read, or one whose file does not exist yet."""
        assert post.path is not None
        tab = DocumentTab(
            post,
            self.folder_index.schema_for(post.path),
            self.folder_index.taxonomy(),
            self.renders,
            self.prompter,
            images=self.images,
            # Saves of the open folder's posts stay inside it, whatever symlinks say; its
            # pictures are looked up in its site.
            within=self.folder_index.holding(post.path),
            site=self.folder_index.site_place(post.path),
        )
        tab.modifiedChanged.connect(lambda _, tab=tab: self._tab_state(tab))
        tab.titleChanged.connect(lambda _, tab=tab: self._tab_state(tab))
        tab.saved.connect(self._saved)
        tab.statsChanged.connect(self.status.show_stats)
        self.view.prepare(tab)
        tab.spelling_note = self.spelling.attach_post(
            tab.language, tab.editor.highlighter, *tab.form.editors.values()
        )
        tab.review_before_save = self.actions_by_name["review_first"].isChecked()
        if self.keeper is not None:
            self.keeper.track(tab)
        self.disk_watch.add_tab(tab)
        self.tabs.add(tab)
        self._update_title()
        tab.editor.count_words()
        tab.editor.setFocus()
        return tab

    def offer_recovery(self) -> None:
        """After a crash: offer the unsaved changes it left, and restore those chosen."""
        if self.keeper is not None:
            for snapshot in self.keeper.offer(self.prompter):
                self.keeper.restore(snapshot, self.open_post, self.add_tab)

    def document_tabs(self) -> list[DocumentTab]:
        """The open posts."""
        return self.tabs.documents()

    def current_tab(self) -> DocumentTab | None:
        """The post in front."""
        return self.tabs.current()

    def _tab_state(self, tab: DocumentTab) -> None:
        self.tabs.label(tab)
        self._update_title()

    def _tab_changed(self, _index: int) -> None:
        tab = self.current_tab()
        self.outline.follow(tab.editor if tab else None)
        self.spelling.show_post(tab.language if tab else None)
        if tab is not None:
            tab.editor.count_words()
            self.status.note(tab.spelling_note)
        else:
            self.stats.clear()
        self._update_title()

    def _update_title(self) -> None:
        tab = self.current_tab()
        parts = [("● " if tab.modified else "") + tab.title] if tab else []
        if self.folder:
            parts.append(self.folder.root.name)
        self.setWindowTitle(" — ".join([*parts, "Post Editor"]))

    def _saved(self, post: Post) -> None:
        if self.folder is not None and post.path is not None:
            try:
                entry = self.folder.refresh(post.path)
            except ValueError:  # saved outside the open folder
                entry = None
            if entry is not None:
                self.panel.model.update_entry(entry)
            self._taxonomy_changed()
        self.git.state.note_saved(post.path)
        self.statusBar().showMessage(f"Saved {post.path}", 5000)

    def _taxonomy_changed(self) -> None:
        """A post came, changed or went: the status bar counts it, its tags and categories
        reach the quick filters and every open tab's tag completion and category list."""
        if self.folder is None:
            return
        self.status.show_count(self.folder)
        taxonomy = self.folder.taxonomy()
        self.panel.set_taxonomy(taxonomy)
        self.tabs.set_taxonomy(taxonomy)
        self.postsChanged.emit()

    # --- file actions ------------------------------------------------------------------------

    def save_current(self) -> bool:
        """File > Save."""
        tab = self.current_tab()
        return tab.save() if tab else False

    def save_all(self) -> bool:
        """File > Save All: every changed post; stops at the first the writer cancels."""
        return all(tab.save() for tab in self.document_tabs() if tab.modified)

    def revert_current(self) -> None:
        """File > Revert: the post as it is on disk."""
        tab = self.current_tab()
        if tab and (
            not tab.modified
            or self.prompter.confirm("Revert", f"Throw away the changes to {tab.title}?", "Revert")
        ):
            tab.revert()

    def new_post(self) -> DocumentTab | None:
        """File > New Post: ask for the collection (when the folder holds several) and a
        title; open the post, shaped by its collection, in a tab: nothing is written until it
        is saved, so a new post closed untouched leaves no file."""
        if self.folder is None:
            self.prompter.inform("No folder", "Open a content folder first.")
            return None
        post = ask_new_post(self.folder, self.prompter)
        return self.add_tab(post) if post is not None else None

    def close_tab(self, index: int) -> bool:
        """Close a tab, asking Save / Discard / Cancel when it has changes."""
        tab: DocumentTab = self.tabs.widget(index)  # type: ignore[assignment]
        if tab.modified:
            choice = self.prompter.save_changes(tab.title)
            if choice is Choice.CANCEL or (choice is Choice.SAVE and not tab.save()):
                return False
        if self.keeper is not None:
            self.keeper.untrack(tab)  # saved or discarded: nothing left to recover
        self.disk_watch.remove_tab(tab)
        self.tabs.removeTab(index)
        tab.deleteLater()
        return True

    def close_current(self) -> None:
        """File > Close Post."""
        if self.tabs.count():
            self.close_tab(self.tabs.currentIndex())

    def closeEvent(self, event: QCloseEvent) -> None:
        for index in reversed(range(self.tabs.count())):
            if not self.close_tab(index):
                event.ignore()
                return
        self._save_settings()
        self.folder_index.indexer.wait(5)
        self.taxonomy.shutdown()
        self.folder_tools.shutdown()
        if self.keeper is not None:
            self.keeper.shutdown()
        self.renders.shutdown()
        self.images.shutdown()
        event.accept()

    # --- review and help ----------------------------------------------------------------------

    def review_current(self) -> None:
        """File > Review Changes: the diff of what saving the current post would write."""
        tab = self.current_tab()
        if tab is not None:
            self.prompter.show_diff(f"Changes to {tab.title}", tab.pending_changes())

    def set_review_first(self, on: bool) -> None:
        """File > Review Changes Before Saving: every save shows its diff and asks first."""
        self.settings.set(REVIEW_BEFORE_SAVE, on)
        self.tabs.set_review_first(on)

    def _focus_mode(self, on: bool) -> None:
        """Focus mode hides the folder list and the docks (they come back as they were)."""
        self.panel.setVisible(not on)
        for dock in self.docks():
            dock.set_focus_mode(on)
        self.menuBar().setVisible(True)  # the way back stays in sight

    def docks(self) -> list[ToggledDock]:
        """The docks the View menu shows and hides."""
        return [self.outline_dock, self.taxonomy, self.problems]

    def about(self) -> None:
        """Help > About."""
        AboutDialog(self).open()  # not exec(): nothing waits for it to close

    # --- drag and drop, settings -------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if any(Path(url.toLocalFile()).exists() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        for url in event.mimeData().urls():
            path = Path(url.toLocalFile())
            if path.exists():
                self.open_path(path)
                event.acceptProposedAction()
                return

    def _restore_settings(self) -> None:
        geometry = self.settings.get(GEOMETRY)
        if not (geometry and self.restoreGeometry(geometry)):
            self.resize(self.screen().availableSize().boundedTo(QSize(1400, 900)))  # on screen
        splitter = self.settings.get(SPLITTER)
        if splitter:
            self.splitter.restoreState(splitter)
        self.view.restore()
        self.actions_by_name["review_first"].setChecked(self.settings.get(REVIEW_BEFORE_SAVE))
        self.actions_by_name["check_spelling"].setChecked(self.spelling.enabled())
        for dock in self.docks():
            dock.restore()

    def _save_settings(self) -> None:
        self.settings.set(GEOMETRY, self.saveGeometry().data())
        self.settings.set(SPLITTER, self.splitter.saveState().data())
        self.settings.sync()
