"""Docks the View menu shows and hides: the outline, Tags & Categories, Problems.

A dock can be closed three ways (its menu action, its own close button, focus mode), and the
menu's tick and the remembered setting must agree after each: focus mode hides a dock for a
while without forgetting that the writer wants it, and brings it back when it ends.

A hidden dock does no work: `request_refresh()` brings it up to date now when it is shown, or
when it is next shown, so opening a 10,000-post folder never waits for a dock nobody sees.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QCloseEvent, QShowEvent
from PySide6.QtWidgets import QDockWidget, QWidget

from editor.ui.settings import Setting, Settings


class ToggledDock(QDockWidget):
    """A dock shown and hidden by its own checkable `toggle_action` (the window puts it in the
    View menu), shown when `setting` says so. The window adds it to its dock `area`;
    `restore()` shows it as it was last time."""

    def __init__(
        self,
        title: str,
        name: str,
        settings: Settings,
        setting: Setting[bool],
        area: Qt.DockWidgetArea = Qt.DockWidgetArea.LeftDockWidgetArea,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(title, parent, objectName=f"{name}Dock")
        self.settings = settings
        self.setting = setting
        self.area = area
        self.toggle_action = QAction(title, self, checkable=True)
        # triggered, not toggled: the dock ticks the action itself without asking back.
        self.toggle_action.triggered.connect(self.toggle)
        self._focus_mode = False
        self._stale = True  # changes came while hidden: refresh when shown
        self.hide()

    @property
    def wanted(self) -> bool:
        """Whether the writer asked for this dock (it may be hidden by focus mode)."""
        return self.settings.get(self.setting)

    def restore(self) -> None:
        """Show the dock if it was shown when the window last closed."""
        self.toggle_action.setChecked(self.wanted)
        self.setVisible(self.wanted and not self._focus_mode)

    def toggle(self, shown: bool) -> None:
        """The View menu's action."""
        self.settings.set(self.setting, shown)
        self.setVisible(shown and not self._focus_mode)

    def set_focus_mode(self, on: bool) -> None:
        """Focus mode hides the dock; leaving it shows the dock again if it is wanted."""
        self._focus_mode = on
        self.setVisible(self.wanted and not on)

    def request_refresh(self) -> None:
        """Bring the dock up to date, now or once it is shown."""
        self._stale = self.isHidden()
        if not self._stale:
            self.refresh()

    def refresh(self) -> None:
        """Bring the dock up to date (each dock says how)."""

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.toggle_action.setChecked(True)
        if self._stale:
            self.request_refresh()

    def closeEvent(self, event: QCloseEvent) -> None:
        # The dock's own close button: the menu's tick and the setting follow.
        super().closeEvent(event)
        self.toggle_action.setChecked(False)
        self.settings.set(self.setting, False)
