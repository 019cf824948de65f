"""Light, dark, or the system's colour scheme, applied to the whole application.

Qt switches the scheme through the platform theme (`QStyleHints.setColorScheme`), but not
every platform can: X11 without a desktop portal and the offscreen platform keep their
light palette. When the writer asks for dark and the platform stays light, the app uses
Fusion with a dark palette of its own, so the choice always shows.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

_Role = QPalette.ColorRole
_DARK = {
    _Role.Window: "#2b2d31",
    _Role.WindowText: "#e3e5e8",
    _Role.Base: "#1e1f22",
    _Role.AlternateBase: "#26282c",
    _Role.Text: "#e3e5e8",
    _Role.Button: "#33363b",
    _Role.ButtonText: "#e3e5e8",
    _Role.ToolTipBase: "#1e1f22",
    _Role.ToolTipText: "#e3e5e8",
    _Role.PlaceholderText: "#8b929a",
    _Role.Highlight: "#3d6fb4",
    _Role.HighlightedText: "#ffffff",
    _Role.Link: "#79b8ff",
    _Role.BrightText: "#ff8a80",
}
_default_palette: QPalette | None = None  # the palette before we first changed it
_dark = False  # what the last apply_theme made it


def is_dark() -> bool:
    """Whether the application is dark now (after `apply_theme`)."""
    return _dark


def apply_theme(app: QGuiApplication, theme: str) -> bool:
    """Switch the application's colour scheme; returns whether it is now dark."""
    global _default_palette, _dark
    scheme = {
        "light": Qt.ColorScheme.Light,
        "dark": Qt.ColorScheme.Dark,
    }.get(theme, Qt.ColorScheme.Unknown)  # Unknown: follow the system
    hints = app.styleHints()
    hints.setColorScheme(scheme)
    platform_dark = hints.colorScheme() == Qt.ColorScheme.Dark
    if _default_palette is None:
        _default_palette = QPalette(app.palette())
    if theme == "dark" and not platform_dark and isinstance(app, QApplication):
        app.setStyle("Fusion")  # the style that draws every widget from the palette
        app.setPalette(dark_palette())
        _dark = True
    else:
        app.setPalette(_default_palette)
        _dark = platform_dark
    return _dark


def dark_palette() -> QPalette:
    """A dark palette for every colour group (disabled text dimmed)."""
    palette = QPalette()
    for role, colour in _DARK.items():
        palette.setColor(role, QColor(colour))
    disabled = QPalette.ColorGroup.Disabled
    for role in (_Role.Text, _Role.WindowText, _Role.ButtonText):
        palette.setColor(disabled, role, QColor("#6b7078"))
    return palette
