"""The window through Qt's accessibility interface, as a screen reader meets it: every control
has a name, Tab walks list → form → editor → preview, every action is on the keyboard."""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication, QMenu, QWidget


def _focusable(root: QWidget) -> list[QWidget]:
    return [
        w
        for w in root.findChildren(QWidget)
        if w.isVisible() and w.isEnabled() and w.focusPolicy() & Qt.FocusPolicy.TabFocus
    ]


def _name(widget: QWidget) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    assert interface is not None, widget
    return interface.text(QAccessible.Text.Name).strip()


def test_every_focusable_control_has_an_accessible_name(qtbot, window, open_tab):
    open_tab("robots-read-the-scans.md")
    for dock in window.docks():
        if not dock.isVisible():
            dock.toggleViewAction().trigger()
    QApplication.processEvents()
    nameless = [
        f"{w.metaObject().className()} {w.objectName()!r} in {w.parent().metaObject().className()}"
        for w in _focusable(window)
        if not _name(w)
    ]
    assert nameless == []


def _next_stop(widget: QWidget) -> QWidget:
    """Where Tab goes from `widget` when the widget lets it (the focus chain's next stop)."""
    step = widget.nextInFocusChain()
    while not (step.isVisible() and step.isEnabled() and step.focusPolicy() & _TAB):
        step = step.nextInFocusChain()
    return step


_TAB = Qt.FocusPolicy.TabFocus


def test_tab_walks_from_the_list_to_the_form_the_editor_and_the_preview(qtbot, window, open_tab):
    tab = open_tab("robots-read-the-scans.md")
    window.panel.table.setFocus()
    qtbot.waitUntil(lambda: window.panel.table.hasFocus())
    reached: list[str] = []
    for _ in range(40):  # the Tab key, as far as the editor, which takes it (an indent)
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        now = QApplication.focusWidget()
        part = "form" if tab.form.isAncestorOf(now) else "editor" if now is tab.editor else None
        if part and (not reached or reached[-1] != part):
            reached.append(part)
        if part == "editor":
            break
    assert reached == ["form", "editor"]
    after = _next_stop(tab.editor)
    assert after is tab.preview or tab.preview.isAncestorOf(after)


def _unreachable(menu: QMenu, path: str) -> Iterator[str]:
    """The actions of `menu` (and its submenus) with neither a shortcut nor a mnemonic."""
    for action in menu.actions():
        if action.isSeparator():
            continue
        where = f"{path} > {action.text()}"
        if not action.shortcut() and "&" not in action.text():
            yield where
        if action.menu() is not None:
            yield from _unreachable(action.menu(), where)


def test_every_menu_action_is_reachable_from_the_keyboard(window, open_tab):
    open_tab("robots-read-the-scans.md")
    unreachable = []
    for menu_action in window.menuBar().actions():
        if "&" not in menu_action.text():
            unreachable.append(menu_action.text())
        unreachable += _unreachable(menu_action.menu(), menu_action.text())
    assert unreachable == []


def test_f6_moves_between_the_form_the_editor_and_the_preview(qtbot, window, open_tab):
    tab = open_tab("robots-read-the-scans.md")
    tab.editor.setFocus()
    qtbot.waitUntil(tab.editor.hasFocus)

    def pane() -> str:
        now = QApplication.focusWidget()
        if now is tab.editor:
            return "editor"
        if now is tab.preview or tab.preview.isAncestorOf(now):
            return "preview"
        return "form" if tab.form.isAncestorOf(now) else repr(now)

    walked = []
    for key in ("F6", "F6", "F6", "Shift+F6"):
        shift = key.startswith("Shift")
        modifiers = Qt.KeyboardModifier.ShiftModifier if shift else Qt.KeyboardModifier.NoModifier
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F6, modifiers)
        walked.append(pane())
    assert walked == ["preview", "form", "editor", "form"]
