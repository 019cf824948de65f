"""Light, dark, or the system's colour scheme, applied to the whole application.

Qt switches the scheme through the platform theme (`QStyleHints.setColorScheme`), but not
every platform can: X11 without a desktop portal and the offscreen platform keep their
light palette. When the writer asks for dark and the platform stays light, the app uses
Fusion with a dark palette of its own, so the choice always shows.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QWidget

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
    # The bevel shades: QPalette() leaves them light (a white Mid drew the Tags field's
    # border bright); a dark button's are shades of it.
    _Role.Light: "#4a4e55",
    _Role.Midlight: "#3e4147",
    _Role.Mid: "#4f535a",
    _Role.Dark: "#202124",
    _Role.Shadow: "#141517",
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


# A notice's background and text, light then dark: a bar that says what needs the writer
# (the file changed on disk, plain-text mode) keeps its colour's meaning in both themes
# without a pale block glaring in the dark one.
_NOTICES = {
    "warning": (("#fff3cd", "#664d03"), ("#4a3c0b", "#ffe69c")),
    "alarm": (("#fde2e1", "#5c1a16"), ("#5c1a16", "#fde2e1")),
}


def notice_style(kind: str, selector: str = "", extra: str = "") -> str:
    """The style sheet of a notice bar (`kind`: "warning" or "alarm") in the theme now."""
    dark = QApplication.palette().color(_Role.Window).lightness() < 128
    background, text = _NOTICES[kind][dark]
    rule = f"background: {background}; color: {text}; {extra}"
    return f"{selector} {{ {rule} }}" if selector else rule


class NoticeColours(QObject):
    """Keeps a notice bar's colours those of the theme: its style sheet set again when the
    application's palette changes (the theme switched)."""

    def __init__(self, bar: QWidget, kind: str, selector: str = "", extra: str = "") -> None:
        super().__init__(bar)
        self.style = (kind, selector, extra)
        self.bar = bar
        bar.setStyleSheet(notice_style(*self.style))
        bar.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ApplicationPaletteChange:
            self.bar.setStyleSheet(notice_style(*self.style))
        return super().eventFilter(watched, event)
