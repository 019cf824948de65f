"""The View menu's settings for every open post: theme, editor font, zoom, the form and preview
toggles, remote images and focus mode.

Each is kept in the window's settings and applied to every tab at once, and to each new tab as
it opens (`prepare`), so a post opened later looks like the ones already open.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QFontDialog

from editor.ui.settings import EDITOR_FONT, REMOTE_IMAGES, THEME, ZOOM
from editor.ui.theme import apply_theme, is_dark

if TYPE_CHECKING:
    from editor.ui.document_tab import DocumentTab
    from editor.ui.main_window import MainWindow

ZOOM_STEP = 1.1  # the preview grows by a tenth per step, as the editor grows by a point


class ViewControls:
    """View > …: the window's actions name these methods ("view.zoom_in")."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.settings = window.settings
        self.zoom = self.settings.get(ZOOM)  # text size steps from the chosen font

    def _checked(self, name: str) -> bool:
        return self.window.actions_by_name[name].isChecked()

    def restore(self) -> None:
        """The menu's ticks as the settings have them (the menus exist by now)."""
        remote = self.settings.get(REMOTE_IMAGES)
        self.window.actions_by_name["remote_images"].setChecked(remote)
        self.window.actions_by_name["toggle_form"].setChecked(True)
        self.window.actions_by_name["toggle_preview"].setChecked(True)

    def prepare(self, tab: DocumentTab) -> None:
        """A new tab takes the view every other tab has."""
        self.style_tab(tab)
        tab.preview.remote_images = self._checked("remote_images")
        tab.form_toggle.setChecked(self._checked("toggle_form"))
        tab.set_focus_mode(self._checked("focus_mode"), self._checked("toggle_preview"))

    def toggle_form(self, shown: bool) -> None:
        """View > Front Matter."""
        for tab in self.window.document_tabs():
            tab.form_toggle.setChecked(shown)

    def toggle_preview(self, shown: bool) -> None:
        """View > Preview."""
        for tab in self.window.document_tabs():
            tab.preview.setVisible(shown)

    def toggle_remote_images(self, allowed: bool) -> None:
        """View > Remote Images: show pictures from the web in the preview."""
        self.settings.set(REMOTE_IMAGES, allowed)
        for tab in self.window.document_tabs():
            tab.preview.remote_images = allowed
            tab.update_preview()

    def editor_font(self) -> QFont:
        """The editor font from the settings (a fixed-pitch font by default)."""
        font = QFont()
        saved = self.settings.get(EDITOR_FONT)
        if not (saved and font.fromString(saved)):
            font = QFont("Monospace", 11)
            font.setStyleHint(QFont.StyleHint.TypeWriter)
        return font

    def choose_font(self) -> None:
        """View > Editor Font."""
        ok, font = QFontDialog.getFont(self.editor_font(), self.window, "Editor font")
        if ok:
            self.settings.set(EDITOR_FONT, font.toString())
            self._restyle()

    def set_theme(self, theme: str) -> None:
        """Light, dark, or follow the system; kept in the settings. The editor's colours
        and the preview's page follow."""
        self.settings.set(THEME, theme)
        apply_theme(QApplication.instance(), theme)  # type: ignore[arg-type]
        self._restyle()

    def style_tab(self, tab: DocumentTab) -> None:
        """The theme's colours and the zoom, on the editor and the preview."""
        dark = is_dark()
        tab.editor.highlighter.set_dark(dark)
        font = self.editor_font()
        font.setPointSizeF(max(4.0, font.pointSizeF() + self.zoom))
        tab.editor.set_editor_font(font)
        tab.preview.set_style(dark, ZOOM_STEP**self.zoom)

    def _restyle(self) -> None:
        for tab in self.window.document_tabs():
            self.style_tab(tab)

    def toggle_focus_mode(self, on: bool) -> None:
        """View > Focus Mode: the editor alone, the text in a centred column; the panels come
        back as they were."""
        window = self.window
        window.panel.setVisible(not on)
        for dock in window.docks():
            dock.set_focus_mode(on)
        window.menuBar().setVisible(True)  # the way back stays in sight
        preview_shown = self._checked("toggle_preview")
        for tab in window.document_tabs():
            tab.set_focus_mode(on, preview_shown)

    def zoom_in(self) -> None:
        self.set_zoom(self.zoom + 1)

    def zoom_out(self) -> None:
        self.set_zoom(self.zoom - 1)

    def zoom_reset(self) -> None:
        self.set_zoom(0)

    def set_zoom(self, steps: int) -> None:
        """Text size in the editor (points) and the preview (its stylesheet), remembered."""
        self.settings.set(ZOOM, steps)
        self.zoom = self.settings.get(ZOOM)  # within the setting's bounds
        self._restyle()
