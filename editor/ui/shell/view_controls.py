"""The View menu's settings for every open post: theme, editor font, zoom, the form and preview
toggles, remote images and focus mode.

Each is kept in the window's settings and applied to every tab at once, and to each new tab as
it opens (`prepare`), so a post opened later looks like the ones already open.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QFont
from PySide6.QtWidgets import QApplication, QFontDialog, QWidget

from editor.ui.settings import EDITOR_FONT, FORM_HEIGHT, REMOTE_IMAGES, THEME, ZOOM, Settings
from editor.ui.widgets.theme import apply_theme, is_dark

if TYPE_CHECKING:
    from editor.ui.tab.document_tab import DocumentTab

ZOOM_STEP = 1.1  # the preview grows by a tenth per step, as the editor grows by a point


class ViewControls(QObject):
    """View > …, for the tabs `tabs()` lists, kept in `settings`. The menu's switches are
    actions of its own (`form_action`, `preview_action`, `remote_images_action`,
    `focus_action`), whose ticks it reads; the window's action table names them and the
    methods of the rest ("view.zoom_in"). `focusModeChanged(bool)` asks the window to hide
    (or bring back) what lies around the open posts."""

    focusModeChanged = Signal(bool)

    def __init__(
        self,
        settings: Settings,
        tabs: Callable[[], list[DocumentTab]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self._tabs = tabs
        self._dialog_parent = parent
        self.zoom = self.settings.get(ZOOM)  # text size steps from the chosen font
        self.form_action = self._switch(self.toggle_form)
        self.preview_action = self._switch(self.toggle_preview)
        self.remote_images_action = self._switch(self.toggle_remote_images)
        self.focus_action = self._switch(self.toggle_focus_mode)

    def _switch(self, slot: Callable[[bool], None]) -> QAction:
        action = QAction(self, checkable=True)
        action.triggered.connect(slot)
        return action

    def restore(self) -> None:
        """The switches as the settings have them: the form and the preview shown."""
        self.remote_images_action.setChecked(self.settings.get(REMOTE_IMAGES))
        self.form_action.setChecked(True)
        self.preview_action.setChecked(True)

    def prepare(self, tab: DocumentTab) -> None:
        """A new tab takes the view every other tab has."""
        self.style_tab(tab)
        tab.preview.remote_images = self.remote_images_action.isChecked()
        tab.form_toggle.setChecked(self.form_action.isChecked())
        tab.form_area.chosen = self.settings.get(FORM_HEIGHT)  # the form as high as last time
        tab.form_area.heightChosen.connect(lambda height: self.settings.set(FORM_HEIGHT, height))
        tab.set_focus_mode(self.focus_action.isChecked(), self.preview_action.isChecked())

    def toggle_form(self, shown: bool) -> None:
        """View > Front Matter."""
        for tab in self._tabs():
            tab.form_toggle.setChecked(shown)

    def toggle_preview(self, shown: bool) -> None:
        """View > Preview."""
        for tab in self._tabs():
            tab.preview.setVisible(shown)

    def toggle_remote_images(self, allowed: bool) -> None:
        """View > Remote Images: show pictures from the web in the preview."""
        self.settings.set(REMOTE_IMAGES, allowed)
        for tab in self._tabs():
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
        ok, font = QFontDialog.getFont(self.editor_font(), self._dialog_parent, "Editor font")
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
        for tab in self._tabs():
            self.style_tab(tab)

    def toggle_focus_mode(self, on: bool) -> None:
        """View > Focus Mode: the editor alone, the text in a centred column; the panels come
        back as they were."""
        self.focusModeChanged.emit(on)
        preview_shown = self.preview_action.isChecked()
        for tab in self._tabs():
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
