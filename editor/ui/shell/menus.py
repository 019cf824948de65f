"""The window's menu bar, built from the action table (editor/ui/shell/actions.py).

Each row's method is looked up by name on the window: a dotted name reaches one of its parts
("view.zoom_in"), and "tab.…" the current post's tab ("tab.find_bar.open"). A part may make an
action itself (a dock's View toggle, which it ticks when it is closed); the row names it and
gives it its label and keys, so the table stays the one place that says which menu holds what,
under which label and keys.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar

from editor.ui.settings import RECENT_FOLDERS, Settings
from editor.ui.shell.actions import ACTIONS, ActionSpec

MAX_RECENT = 8


@dataclass(frozen=True)
class Menus:
    """What the window keeps of its menus: every action by its row's name, and the File
    menu's Recent Folders (see `RecentFolders`)."""

    actions: dict[str, QAction]
    recent: QMenu


def build_menus(bar: QMenuBar, owner: QObject, current_tab: Callable[[], object | None]) -> Menus:
    """Fill `bar` from the action table. Methods are looked up on `owner`, which also owns
    the actions, and a "tab.…" row's on `current_tab()` (None: no post open, nothing done)."""
    menus: dict[str, QMenu] = {}
    actions: dict[str, QAction] = {}
    recent: QMenu | None = None
    for spec in ACTIONS:
        menu = menus.get(spec.menu) or menus.setdefault(spec.menu, bar.addMenu(spec.menu))
        if spec.name == "new_post":
            recent = menu.addMenu("Recent &Folders")
        if spec.submenu:
            sub = menu.addMenu(spec.text)
            sub.aboutToShow.connect(partial(_slot(owner, spec, current_tab), sub))
            actions[spec.name] = sub.menuAction()
            continue
        if spec.provided:
            action = _find(owner, spec.method)
            assert isinstance(action, QAction), spec.method
            action.setText(spec.text)
        else:
            action = QAction(spec.text, owner, checkable=spec.checkable)
            action.triggered.connect(_slot(owner, spec, current_tab))
        _set_keys(action, spec)
        menu.addAction(action)
        actions[spec.name] = action
    assert recent is not None
    return Menus(actions, recent)


def _set_keys(action: QAction, spec: ActionSpec) -> None:
    if isinstance(spec.shortcut, QKeySequence.StandardKey):
        action.setShortcuts(spec.shortcut)  # every key the platform has for it
    elif spec.shortcut is not None:
        action.setShortcut(QKeySequence(spec.shortcut))


def _slot(
    owner: object, spec: ActionSpec, current_tab: Callable[[], object | None]
) -> Callable[..., object]:
    """What an action calls: a method of `owner`, of one of its parts ("view.zoom_in"), or
    of the current post's tab ("tab.editor.set_heading")."""
    if spec.method.startswith("tab."):
        dotted = spec.method.removeprefix("tab.")

        def on_current_tab() -> None:
            tab = current_tab()
            if tab is not None:
                _find(tab, dotted)(*spec.args)  # type: ignore[operator]

        return on_current_tab
    target = _find(owner, spec.method)
    return partial(target, *spec.args) if spec.args else target  # type: ignore[arg-type]


def _find(owner: object, dotted: str) -> object:
    for name in dotted.split("."):
        owner = getattr(owner, name)
    return owner


class RecentFolders:
    """File > Recent Folders: the folders opened before, newest first, kept in `settings`;
    choosing one calls `open_folder(path)`."""

    def __init__(
        self, menu: QMenu, settings: Settings, open_folder: Callable[[Path], None]
    ) -> None:
        self.menu = menu
        self.settings = settings
        self._open = open_folder
        self._fill()

    def folders(self) -> list[str]:
        """The folders, newest first."""
        return self.settings.get(RECENT_FOLDERS)

    def add(self, root: Path) -> None:
        """A folder opened: first in the list (once), the oldest beyond MAX_RECENT dropped."""
        opened = str(root.resolve())
        recent = [opened, *[f for f in self.folders() if f != opened]]
        self.settings.set(RECENT_FOLDERS, recent[:MAX_RECENT])
        self._fill()

    def _fill(self) -> None:
        self.menu.clear()
        for folder in self.folders():
            self.menu.addAction(folder, lambda folder=folder: self._open(Path(folder)))
        self.menu.setEnabled(bool(self.folders()))
