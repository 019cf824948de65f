"""The app's identity on the desktop (editor/ui/shell/about.py): the icon, the About dialog, the
name and desktop-file id the running app gives itself, and resources/post-editor.desktop."""

from __future__ import annotations

import configparser
import platform
import tomllib
from pathlib import Path

import paths
import PySide6
import pytest
from PySide6.QtCore import qVersion
from PySide6.QtSvg import QSvgRenderer

from editor import __version__
from editor.ui.shell.about import (
    APP_ID,
    DISPLAY_NAME,
    AboutDialog,
    app_icon,
    icon_file,
    set_identity,
)

REPO = paths.REPO


@pytest.fixture
def identity(qapp):
    """The app's identity set as `run` sets it, and put back afterwards for the other tests."""
    before = (qapp.applicationName(), qapp.desktopFileName(), qapp.windowIcon())
    set_identity(qapp)
    yield qapp
    name, desktop, icon = before
    qapp.setApplicationName(name)
    qapp.setDesktopFileName(desktop)
    qapp.setWindowIcon(icon)


def desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, delimiters=("=",))
    parser.optionxform = str  # keys are case-sensitive
    parser.read(REPO / "resources" / f"{APP_ID}.desktop", encoding="utf-8")
    return parser["Desktop Entry"]


@pytest.mark.parametrize("size", [16, 48, 256])
def test_the_icon_is_a_valid_svg_that_draws_at_every_size(qapp, size):
    assert QSvgRenderer(icon_file()).isValid()
    image = app_icon().pixmap(size, size).toImage()
    assert (image.width(), image.height()) == (size, size)
    assert image.pixelColor(size // 2, size // 2).alpha() == 255  # the page, drawn
    assert image.pixelColor(0, 0).alpha() == 0  # outside the rounded corner


def test_the_icon_ships_inside_the_package():
    assert Path(icon_file()).is_relative_to(REPO / "editor" / "resources")
    pyproject = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    assert "resources/**/*" in pyproject["tool"]["setuptools"]["package-data"]["editor"]


def test_the_running_app_names_itself_and_shows_the_icon(identity):
    assert identity.applicationName() == DISPLAY_NAME
    assert identity.applicationVersion() == __version__
    assert identity.desktopFileName() == APP_ID
    assert not identity.windowIcon().isNull()


def test_the_desktop_file_launches_the_command_and_matches_the_window(identity):
    entry = desktop_entry()
    pyproject = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    assert entry["Type"] == "Application"
    assert entry["Exec"] == f"{APP_ID} %f"
    assert APP_ID in pyproject["project"]["scripts"]
    assert entry["Icon"] == Path(icon_file()).stem == APP_ID
    assert entry["StartupWMClass"] == identity.applicationName()  # X11's window class
    assert entry["Terminal"] == "false"
    assert entry["MimeType"] == "text/markdown;"
    assert entry["Categories"] == "Utility;TextEditor;"
    assert entry["Name"] == DISPLAY_NAME and entry["GenericName"] and entry["Comment"]


def test_help_about_shows_the_icon_version_platform_and_licence(window):
    window.actions_by_name["about"].trigger()
    dialog = window.findChild(AboutDialog)
    assert dialog is not None and dialog.isVisible()
    assert dialog.windowTitle() == "About Post Editor"
    assert dialog.heading.text() == f"<h2>Post Editor {__version__}</h2>"
    assert "Markdown posts" in dialog.description.text()
    versions = dialog.versions.text()
    assert f"Qt {qVersion()}" in versions and f"PySide6 {PySide6.__version__}" in versions
    assert f"Python {platform.python_version()}" in versions
    assert "MIT" in dialog.licence.text()
    assert dialog.icon.pixmap().toImage() == app_icon().pixmap(96, 96).toImage()
    dialog.close()
    assert not dialog.isVisible()


def test_the_window_icon_is_the_apps(identity, window):
    assert window.windowIcon().cacheKey() == identity.windowIcon().cacheKey()
