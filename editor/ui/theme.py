"""Light, dark, or the system's colour scheme, applied to the whole application."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

THEMES = ("system", "light", "dark")


def apply_theme(app: QGuiApplication, theme: str) -> bool:
    """Switch the application's colour scheme; returns whether it is now dark."""
    scheme = {
        "light": Qt.ColorScheme.Light,
        "dark": Qt.ColorScheme.Dark,
    }.get(theme, Qt.ColorScheme.Unknown)  # Unknown: follow the system
    hints = app.styleHints()
    hints.setColorScheme(scheme)
    return hints.colorScheme() == Qt.ColorScheme.Dark
