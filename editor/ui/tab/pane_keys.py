"""F6 and Shift+F6 move between a tab's panes (the form, the editor, the preview), as in most
desktop editors: the editor takes Tab for an indent, so without them the keyboard could not
leave it for the preview."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QWidget


def install_pane_keys(tab: QWidget, panes: Callable[[], Sequence[QWidget]]) -> None:
    """F6 on `tab` focuses the next of `panes()` shown (Shift+F6 the one before), in order,
    round and round; a pane is entered at its first control that takes focus."""

    def move(step: int) -> None:
        shown = [pane for pane in panes() if pane.isVisible()]
        now = QApplication.focusWidget()
        at = next(
            (n for n, p in enumerate(shown) if now and (p is now or p.isAncestorOf(now))), None
        )
        if shown:
            target = shown[(at + step) % len(shown)] if at is not None else shown[-(step < 0)]
            _entry(target).setFocus(Qt.FocusReason.OtherFocusReason)

    for key, step in ((Qt.Key.Key_F6, 1), (Qt.Modifier.SHIFT | Qt.Key.Key_F6, -1)):
        shortcut = QShortcut(QKeySequence(key), tab)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(lambda step=step: move(step))


def _entry(pane: QWidget) -> QWidget:
    """Where the keyboard enters `pane`: itself if it takes Tab focus, else its first shown
    control that does."""
    takes = Qt.FocusPolicy.TabFocus
    if pane.focusPolicy() & takes:
        return pane
    controls = (w for w in pane.findChildren(QWidget) if w.isVisible() and w.focusPolicy() & takes)
    return next(controls, pane)
