"""The form above the editor: whole rows at any height, a height the writer chooses kept."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import REFERENCE
from PySide6.QtCore import QRect, QSettings
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QWidget

from editor.ui.jobs.render_service import RenderService
from editor.ui.shell.main_window import MainWindow
from editor.ui.tab.document_tab import DocumentTab
from editor.ui.tab.field_editors import TextEditor
from editor.ui.tab.image_field import ImageEditor

WITH_COVER = REFERENCE.replace(
    "coverImage: >-\n  https://images.example.com/photo-1?w=400&h=200&fit=crop",
    "coverImage: cover.png",
)


@pytest.fixture
def covered(qtbot, make_folder, settings, prompter) -> tuple[MainWindow, DocumentTab]:
    root = make_folder({"robots.md": WITH_COVER})
    image = QImage(400, 200, QImage.Format.Format_RGB32)
    image.fill(QColor("navy"))
    image.save(str(root / "cover.png"))
    return _window_with_post(qtbot, settings, prompter, root / "robots.md")


def _window_with_post(qtbot, settings, prompter, path: Path) -> tuple[MainWindow, DocumentTab]:
    win = MainWindow(settings, RenderService(use_process=False), prompter)
    qtbot.addWidget(win, before_close_func=lambda _: setattr(prompter, "unattended", True))
    win.show()
    with qtbot.waitSignal(win.folderLoaded, timeout=10_000):
        win.open_path(path)
    tab = win.current_tab()
    assert tab is not None
    return win, tab


def _cut_rows(tab: DocumentTab) -> list[str]:
    """The form's widgets partly in the form's viewport and partly out of it."""
    viewport = tab.form_area.viewport()
    seen = viewport.rect()
    cut = []
    for widget in tab.form.findChildren(QWidget):
        if widget.parent() is not tab.form or not widget.isVisibleTo(tab.form):
            continue  # a row's own widgets: its label and its field
        place = QRect(widget.mapTo(viewport, widget.rect().topLeft()), widget.size())
        if place.intersects(seen) and not seen.contains(place):
            cut.append(f"{widget.metaObject().className()} {widget.objectName()} {place}")
    return cut


@pytest.mark.parametrize("size", [(1024, 640), (1366, 768), (1400, 900)])
def test_no_form_row_is_cut_in_half(qtbot, covered, size):
    win, tab = covered
    win.resize(*size)
    qtbot.waitUntil(lambda: tab.form_area.viewport().height() > 0 and not _cut_rows(tab))
    assert _cut_rows(tab) == []
    assert tab.form_area.viewport().height() >= tab.form_area.row_ends()[2]  # three rows or more


def test_the_form_moved_by_the_writer_still_shows_whole_rows(qtbot, covered):
    win, tab = covered
    win.resize(1366, 768)
    handle = tab.vsplit.handle(1)
    for wanted in (90, 137, 201, 263):
        tab.vsplit.moveSplitter(wanted, 1)
        assert _cut_rows(tab) == [], wanted
    assert tab.form_area.height() >= tab.form_area.whole(0)
    assert handle.isVisible()


def test_the_form_height_the_writer_chose_is_kept_for_the_next_window(
    qtbot, make_folder, settings: QSettings, prompter
):
    root = make_folder({"robots.md": REFERENCE})
    win, tab = _window_with_post(qtbot, settings, prompter, root / "robots.md")
    win.resize(1366, 768)
    tab.vsplit.moveSplitter(120, 1)
    height = tab.form_area.viewport().height()
    assert height <= 120
    win.close()
    again, later = _window_with_post(qtbot, settings, prompter, root / "robots.md")
    again.resize(1366, 768)
    qtbot.waitUntil(lambda: later.form_area.viewport().height() == height)


def test_the_excerpt_count_never_overlaps_its_box_beside_a_cover(qtbot, covered):
    win, tab = covered
    win.resize(1024, 640)
    cover = next(e for e in tab.form.editors.values() if isinstance(e, ImageEditor))
    qtbot.waitUntil(lambda: not cover.thumb.pixmap().isNull())
    excerpt = next(e for e in tab.form.editors.values() if isinstance(e, TextEditor))
    qtbot.waitUntil(lambda: excerpt.count.isVisible())
    box = QRect(excerpt.edit.mapTo(tab.form, excerpt.edit.rect().topLeft()), excerpt.edit.size())
    count = QRect(
        excerpt.count.mapTo(tab.form, excerpt.count.rect().topLeft()), excerpt.count.size()
    )
    thumb = QRect(cover.thumb.mapTo(tab.form, cover.thumb.rect().topLeft()), cover.thumb.size())
    assert not count.intersects(box)
    assert not thumb.intersects(box) and not thumb.intersects(count)
    assert count.height() >= excerpt.count.fontMetrics().height()
