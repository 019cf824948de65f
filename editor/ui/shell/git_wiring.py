"""The folder's git repository, wired into the window: the Git menu (shown only in a
repository), the Git column and quick filters of the folder list, the current post's change
in the status bar, and a refresh of the status after a save, a change on disk and a commit.
This is shell work (it joins the panel, the tabs and the git parts), kept out of
main_window.py so the window only creates it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path, PurePath
from typing import Protocol

from PySide6.QtCore import SignalInstance
from PySide6.QtWidgets import QLabel, QMenuBar

from editor.core.git import Repository
from editor.core.session import Prompter
from editor.ui.git.git_actions import GitActions
from editor.ui.git.git_state import GitState
from editor.ui.panels.folder_panel import FolderPanel
from editor.ui.shell.status_bar import StatusBar
from editor.ui.shell.tab_set import TabSet
from editor.ui.tab.document_tab import DocumentTab


class GitHost(Protocol):
    """What of the main window the git parts are wired to (the window itself, which only
    app.py imports)."""

    panel: FolderPanel
    status: StatusBar
    tabs: TabSet
    prompter: Prompter
    folderOpened: SignalInstance
    folderRefreshed: SignalInstance
    current_tab: Callable[[], DocumentTab | None]

    def menuBar(self) -> QMenuBar: ...


def attach_git(window: GitHost) -> GitActions:
    """Build the git parts of `window` and connect them; the actions (with `.state`)."""
    state = GitState(window)
    bar = window.menuBar()
    help_menu = bar.actions()[-1]  # Git goes before Help, where writers look for it
    menu = bar.addMenu("&Git")
    bar.insertAction(help_menu, menu.menuAction())

    def current() -> tuple[Path, str] | None:
        tab = window.current_tab()
        if tab is None or tab.post.path is None:
            return None
        return tab.post.path, tab.current_post().text

    def titles() -> dict[PurePath, str]:
        return {e.path: e.title or e.path.name for e in window.panel.model.entries}

    actions = GitActions(state, menu, window, window.prompter, current, titles)
    label = QLabel(objectName="gitStatus")
    window.status.addPermanentWidget(label)

    def show_current(*_: object) -> None:
        tab = window.current_tab()
        change = state.change_of(tab.post.path if tab else None)
        label.setVisible(state.repo is not None and tab is not None)
        ahead = state.status.ahead
        waiting = f" · {ahead} commit{'s' * (ahead > 1)} to push" if ahead else ""
        label.setText((f"Git: {change.value}" if change else "Git: committed") + waiting)

    def note(tab: DocumentTab) -> tuple[str, str] | None:
        change = state.change_of(tab.post.path)
        return (change.letter, f"Git: {change.value}") if change else None

    def repository(repo: Repository | None) -> None:
        window.panel.set_git(None if repo is None else {})
        show_current()

    def restore(text: str) -> None:
        if (tab := window.current_tab()) is not None:
            tab.restore(text)

    window.folderOpened.connect(lambda folder: state.set_folder(folder.root if folder else None))
    window.folderRefreshed.connect(state.refresh)  # a change on disk, once indexed
    state.repositoryChanged.connect(repository)
    state.statusChanged.connect(window.panel.set_git)
    state.statusChanged.connect(show_current)
    state.statusChanged.connect(lambda _: window.tabs.relabel())
    window.tabs.note = note
    state.failed.connect(lambda text: window.status.showMessage(text, 8000))
    window.tabs.currentChanged.connect(show_current)
    actions.message.connect(window.status.showMessage)
    actions.restoreRequested.connect(restore)
    repository(None)
    return actions
