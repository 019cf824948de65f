"""Every widget of the window follows the theme: in dark, nothing stays light (the Tags field
once stayed white); in light, nothing stays dark. Walked on the window with posts open (one in
raw mode, one changed on disk), every dock, and the dialogs it shows."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from conftest import BROKEN
from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QWidget

from editor.core.session import Offer
from editor.ui.safety.recovery_dialog import RecoveryDialog
from editor.ui.shell.about import AboutDialog
from editor.ui.widgets.diff_view import DiffDialog
from editor.ui.widgets.theme import apply_theme, dark_palette

DIFF = "--- a/post.md\n+++ b/post.md\n@@ -1 +1 @@\n-old line\n+new line\n"
LIGHT = 0.8  # lightness above which a background is light
DARK = 0.25  # and below which it is dark
MOSTLY = 0.6  # of a widget's own pixels: its background, not its text


@pytest.fixture(autouse=True)
def _system_theme_after() -> Iterator[None]:
    """The application's palette is everyone's: the next test gets the system's again."""
    yield
    apply_theme(QApplication.instance(), "system")


def _showing(root: QWidget) -> Iterator[QWidget]:
    yield root
    for child in root.findChildren(QWidget):
        if child.isVisible() and child.width() >= 8 and child.height() >= 8:
            yield child


def _share(image: QImage, light: bool) -> float:
    """The share of the image's pixels that are light (or dark), on a sparse grid."""
    step = 3
    points = [(x, y) for x in range(0, image.width(), step) for y in range(0, image.height(), step)]
    lightness = [QColor(image.pixel(x, y)).lightnessF() for x, y in points]
    hits = [v > LIGHT if light else v < DARK for v in lightness]
    return sum(hits) / max(1, len(hits))


def _seen(shot: QImage, root: QWidget, widget: QWidget) -> QImage:
    """The part of the window's picture a widget covers (a scroll area: its viewport), as the
    writer sees it: a widget that paints no background shows what lies under it."""
    target = widget.viewport() if isinstance(widget, QAbstractScrollArea) else widget
    corner = target.mapTo(root, target.rect().topLeft())
    return shot.copy(QRect(corner, target.size()))


def _wrong(root: QWidget, dark: bool) -> list[str]:
    """The widgets mostly painted in the other theme's background."""
    QApplication.processEvents()
    shot = root.grab().toImage()
    found = []
    for widget in _showing(root):
        share = _share(_seen(shot, root, widget), light=dark)
        if share > MOSTLY:
            name = widget.objectName() or widget.metaObject().className()
            found.append(f"{name} ({widget.metaObject().className()}): {share:.0%}")
    return found


def _offer(folder) -> Offer:
    return Offer(
        folder / "glaciers-in-retreat.md",
        dt.datetime(2026, 1, 2, 3, 4),
        True,
        True,
        DIFF,
        "Glaciers",
    )


@pytest.mark.parametrize("theme", ["dark", "light"])
def test_every_widget_follows_the_theme(qtbot, window, open_tab, make_folder, folder, theme):
    (folder / "broken.md").write_text(BROKEN, encoding="utf-8")
    window.actions_by_name[f"theme_{theme}"].trigger()
    window.resize(1366, 768)
    dark = theme == "dark"
    assert _wrong(window, dark) == [], "the start page"
    open_tab("drafts/compilers.md")
    tab = open_tab("robots-read-the-scans.md")
    for dock in window.docks():
        if not dock.isVisible():
            dock.toggleViewAction().trigger()
    tab.find_bar.open(replace=True)
    tab.disk_bar.show_conflict()
    qtbot.waitUntil(lambda: tab.preview_ready, timeout=5000)
    assert _wrong(window, dark) == []
    raw = window.open_post(folder / "broken.md")
    assert raw is not None and raw.raw
    assert _wrong(window, dark) == [], "a post in raw mode"
    for dialog in (
        RecoveryDialog([_offer(folder)], window),
        DiffDialog("Changes to Glaciers", DIFF, window, "Save"),
        AboutDialog(window),
    ):
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        assert _wrong(dialog, dark) == [], type(dialog).__name__
        dialog.close()


def test_the_dark_palette_has_no_light_shade():
    palette = dark_palette()
    light = [
        role.name
        for role in QPalette.ColorRole
        if role not in (QPalette.ColorRole.NColorRoles,)
        and role.name
        not in (
            "WindowText",
            "Text",
            "ButtonText",
            "ToolTipText",
            "BrightText",
            "HighlightedText",
            "Link",
            "LinkVisited",
            "PlaceholderText",
            "Accent",
        )
        and palette.color(role).lightnessF() > LIGHT
    ]
    assert light == []
