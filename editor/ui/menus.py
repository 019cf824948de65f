"""The window's menu bar, built from the action table (editor/ui/actions.py).

Each row's method is looked up by name on the window: a dotted name reaches one of its parts
("view.zoom_in"), and "editor.…" is the current post's Markdown editor. A part may make an
action itself (a dock's View toggle, which it ticks when it is closed); the row names it and
gives it its label and keys, so the table stays the one place that says which menu holds what,
under which label and keys.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar

from editor.ui.actions import ACTIONS, ActionSpec


@dataclass(frozen=True)
class Menus:
    """What the window keeps of its menus: every action by its row's name, and the File
    menu's Recent Folders (filled by the window as folders are opened)."""

    actions: dict[str, QAction]
    recent: QMenu


def build_menus(bar: QMenuBar, owner: QObject, editor_call: Callable[..., None]) -> Menus:
    """Fill `bar` from the action table. Methods are looked up on `owner`, which also owns
    the actions; `editor_call(name, *args)` runs an "editor.…" row on the current post."""
    menus: dict[str, QMenu] = {}
    actions: dict[str, QAction] = {}
    recent: QMenu | None = None
    for spec in ACTIONS:
        menu = menus.get(spec.menu) or menus.setdefault(spec.menu, bar.addMenu(spec.menu))
        if spec.name == "new_post":
            recent = menu.addMenu("Recent &Folders")
        if spec.submenu:
            sub = menu.addMenu(spec.text)
            sub.aboutToShow.connect(partial(_slot(owner, spec, editor_call), sub))
            actions[spec.name] = sub.menuAction()
            continue
        if spec.provided:
            action = _find(owner, spec.method)
            assert isinstance(action, QAction), spec.method
            action.setText(spec.text)
        else:
            action = QAction(spec.text, owner, checkable=spec.checkable)
            action.triggered.connect(_slot(owner, spec, editor_call))
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
    owner: object, spec: ActionSpec, editor_call: Callable[..., None]
) -> Callable[..., object]:
    """What an action calls: a method of `owner`, of one of its parts ("problems.refresh"),
    or of the current post's editor ("editor.set_heading")."""
    if spec.method.startswith("editor."):
        name = spec.method.removeprefix("editor.")
        return lambda: editor_call(name, *spec.args)
    target = _find(owner, spec.method)
    return partial(target, *spec.args) if spec.args else target  # type: ignore[arg-type]


def _find(owner: object, dotted: str) -> object:
    for name in dotted.split("."):
        owner = getattr(owner, name)
    return owner
