"""Who the app is to the desktop: its name, icon and desktop-file id, and Help > About.

The icon ships inside the package (editor/resources/icons/post-editor.svg), so the window has
it however the app was installed; resources/post-editor.desktop names the same id for menus
and launchers, which install the SVG as the `post-editor` theme icon.
"""

from __future__ import annotations

import platform
from importlib.resources import files

import PySide6
from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from editor import __version__

APP_ID = "post-editor"  # the .desktop file's name, the icon's name, the command
DISPLAY_NAME = "Post Editor"  # also X11's window class, which StartupWMClass names
DESCRIPTION = "Edit a blog's Markdown posts without touching a byte you did not change."
LICENCE = "MIT"
ICON_SIZE = 96


def icon_file() -> str:
    """The packaged SVG icon's path."""
    return str(files("editor") / "resources" / "icons" / f"{APP_ID}.svg")


def app_icon() -> QIcon:
    """The app's icon, drawn at any size from the SVG."""
    return QIcon(icon_file())


def set_identity(app: QGuiApplication) -> None:
    """Name, version, icon and desktop-file id, before the first window: Qt reads the name for
    X11's window class when it makes a window, and Wayland matches the id to the .desktop
    file, which gives the window its icon in the dock."""
    app.setApplicationName(DISPLAY_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_ID)
    app.setWindowIcon(app_icon())


def versions() -> str:
    """The versions a bug report needs, on one line."""
    return (
        f"Qt {qVersion()} · PySide6 {PySide6.__version__} · "
        f"Python {platform.python_version()} · {platform.system() or 'unknown system'}"
    )


class AboutDialog(QDialog):
    """Help > About: the icon, name and version, what the app does, what it runs on, the
    licence."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(f"About {DISPLAY_NAME}")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.icon = QLabel()
        self.icon.setPixmap(app_icon().pixmap(ICON_SIZE, ICON_SIZE))
        self.icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.heading = QLabel(f"<h2>{DISPLAY_NAME} {__version__}</h2>")
        self.description = QLabel(DESCRIPTION, wordWrap=True)
        self.versions = QLabel(versions(), wordWrap=True)
        self.versions.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.licence = QLabel(f"Free software under the {LICENCE} licence.")
        text = QVBoxLayout()
        for label in (self.heading, self.description, self.versions, self.licence):
            text.addWidget(label)
        text.addStretch()
        row = QHBoxLayout()
        row.addWidget(self.icon)
        row.addSpacing(12)
        row.addLayout(text, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)
