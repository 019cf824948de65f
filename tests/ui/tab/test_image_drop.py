"""Pictures dropped or pasted on a post, and the cover image field's chooser, in a real Hugo
site: the file lands in static/images, the post names it /images/..., and the preview shows it.

Drops are real drag events sent through QApplication, so Qt routes them as it routes a mouse
drop (a drop nobody in the editor takes goes on to the window).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import (
    QColor,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QImage,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QApplication, QWidget

from editor.core.schema.model import Field
from editor.ui.tab.image_field import ImageEditor
from tests.ui.conftest import write_post

IMAGE = QTextDocument.ResourceType.ImageResource.value
POST = """\
---
title: 'A trip to the coast'
date: '2026-02-01'
coverImage: /images/old-cover.png
---
Before.

After.
"""


def save_png(path: Path, width: int = 40, color: str = "teal") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    image = QImage(width, 30, QImage.Format.Format_RGB32)
    image.fill(QColor(color))
    assert image.save(str(path))
    return path


@pytest.fixture
def site(tmp_path: Path) -> Path:
    """A Hugo site: hugo.toml at its root, posts in content/posts, a cover in static/images."""
    root = tmp_path / "site"
    write_post(root, "hugo.toml", "title = 'Coast'\n")
    write_post(root, "content/posts/trip.md", POST)
    save_png(root / "static/images/old-cover.png", color="navy")
    return root


@pytest.fixture
def folder(site: Path) -> Path:
    """The window fixture opens this content folder."""
    return site / "content/posts"


@pytest.fixture
def desktop(tmp_path: Path) -> Path:
    """Pictures outside the site, as the writer's file manager would drag them."""
    (tmp_path / "desktop").mkdir()
    return tmp_path / "desktop"


@pytest.fixture
def tab(qtbot, open_tab):
    """The post open, its first page in the preview (so a later page is the drop's)."""
    opened = open_tab("trip.md")
    qtbot.waitUntil(lambda: opened.preview_ready, timeout=10_000)
    return opened


def file_urls(*paths: Path) -> QMimeData:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path)) for path in paths])
    return mime


def drop(target: QWidget, mime: QMimeData, at: QPoint) -> QDropEvent:
    """Enter, move and drop at `at` (in `target`'s coordinates), through QApplication."""
    copy, left = Qt.DropAction.CopyAction, Qt.MouseButton.LeftButton
    none = Qt.KeyboardModifier.NoModifier
    QApplication.sendEvent(target, QDragEnterEvent(at, copy, mime, left, none))
    QApplication.sendEvent(target, QDragMoveEvent(at, copy, mime, left, none))
    event = QDropEvent(at, copy, mime, left, none)
    QApplication.sendEvent(target, event)
    return event


def point_at(editor, position: int) -> QPoint:
    cursor = QTextCursor(editor.document())
    cursor.setPosition(position)
    return editor.cursorRect(cursor).center()


def shown_images(document: QTextDocument) -> list[str]:
    """The image names in a document, in order (what the page's <img src> became)."""
    names = []
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fmt = it.fragment().charFormat()
            if fmt.isImageFormat():
                names.append(fmt.toImageFormat().name())
            it += 1
        block = block.next()
    return names


def test_a_dropped_image_lands_in_the_media_folder_and_its_link_resolves_in_the_preview(
    qtbot, tab, site, desktop
):
    source = save_png(desktop / "Harbour View.png")
    editor = tab.editor
    empty_line = editor.toPlainText().index("\n\nAfter") + 1
    with qtbot.waitSignal(tab.previewShown, timeout=10_000):
        event = drop(editor.viewport(), file_urls(source), point_at(editor, empty_line))
    assert event.isAccepted()

    copied = site / "static/images/harbour-view.png"
    assert copied.read_bytes() == source.read_bytes()
    link = "/images/harbour-view.png"
    assert editor.toPlainText() == f"Before.\n![Harbour view]({link})\nAfter.\n"
    assert link in shown_images(tab.preview.document())
    picture = tab.preview.document().resource(IMAGE, QUrl(link))
    assert isinstance(picture, QImage)
    assert (picture.width(), picture.pixelColor(0, 0)) == (40, QColor("teal"))
    editor.undo()  # one step takes the whole insertion back
    assert editor.toPlainText() == "Before.\n\nAfter.\n"


def test_several_files_dropped_become_one_image_a_line(tab, site, desktop):
    first, second = save_png(desktop / "one.png"), save_png(desktop / "two.png", color="red")
    editor = tab.editor
    drop(editor.viewport(), file_urls(first, second), point_at(editor, 0))
    assert editor.toPlainText().startswith(
        "![One](/images/one.png)\n![Two](/images/two.png)Before.\n"
    )
    assert sorted(p.name for p in (site / "static/images").iterdir()) == [
        "old-cover.png",
        "one.png",
        "two.png",
    ]


def test_a_pasted_screenshot_is_saved_as_a_png_named_after_the_post(tab, site):
    editor = tab.editor
    editor.moveCursor(QTextCursor.MoveOperation.End)
    screenshot = QImage(25, 10, QImage.Format.Format_ARGB32)
    screenshot.fill(QColor("orange"))
    # setImage, as a screenshot tool does: a QMimeData made here and handed to the clipboard
    # is freed twice when the process ends (a segmentation fault after the last test).
    QApplication.clipboard().setImage(screenshot)
    editor.paste()
    saved = site / "static/images/trip-image.png"
    assert QImage(str(saved)).pixelColor(3, 3) == QColor("orange")
    assert editor.toPlainText().endswith("After.\n![Picture](/images/trip-image.png)")


def test_a_file_that_is_not_a_picture_is_refused_and_nothing_is_inserted(
    tab, site, desktop, prompter
):
    fake = desktop / "photo.png"
    fake.write_bytes(b"%PDF-1.7 not a picture")
    editor = tab.editor
    drop(editor.viewport(), file_urls(fake), point_at(editor, 0))
    assert editor.toPlainText() == "Before.\n\nAfter.\n"
    assert [(q.kind, q.title) for q in prompter.asked] == [("inform", "Picture not added")]
    assert "is not a PNG picture" in prompter.asked[0].text
    assert sorted(p.name for p in (site / "static/images").iterdir()) == ["old-cover.png"]


def test_text_drops_and_dropped_posts_keep_their_old_behaviour(qtbot, window, tab, site):
    editor = tab.editor
    words = QMimeData()
    words.setText("dropped words ")
    drop(editor.viewport(), words, point_at(editor, 0))
    assert editor.toPlainText().startswith("dropped words Before.")
    other = write_post(site, "content/posts/other.md", "---\ntitle: Other\n---\nBody.\n")
    with qtbot.waitSignal(window.folderLoaded, timeout=10_000):  # its folder, then the post
        drop(window, file_urls(other), QPoint(5, 5))
    assert window.tabs.currentWidget().post.path == other
    assert sorted(p.name for p in (site / "static/images").iterdir()) == ["old-cover.png"]


# ---- the cover image field ------------------------------------------------------------------


def test_the_cover_thumbnail_finds_a_site_served_path(tab):
    cover = tab.form.editors["coverImage"]
    assert cover.edit.text() == "/images/old-cover.png"
    assert not cover.thumb.pixmap().isNull()
    assert cover.thumb.pixmap().toImage().pixelColor(1, 1) == QColor("navy")


def test_choosing_a_cover_copies_it_into_the_media_folder_and_sets_the_served_path(
    tab, site, desktop
):
    cover = tab.form.editors["coverImage"]
    assert cover.choose(save_png(desktop / "New Cover.PNG", color="green"))
    assert (site / "static/images/new-cover.png").is_file()
    assert cover.edit.text() == "/images/new-cover.png"
    assert tab.post.values["coverImage"] == "/images/new-cover.png"
    assert cover.thumb.pixmap().toImage().pixelColor(1, 1) == QColor("green")
    assert "coverImage: /images/new-cover.png\n" in tab.current_post().text


def test_a_cover_the_site_already_serves_is_named_where_it_is(tab, site):
    logo = save_png(site / "static/img/logo.png")
    cover = tab.form.editors["coverImage"]
    assert cover.choose(logo)
    assert tab.post.values["coverImage"] == "/img/logo.png"
    assert sorted(p.name for p in (site / "static/images").iterdir()) == ["old-cover.png"]


def test_a_picture_dropped_on_the_cover_field_is_taken(tab, site, desktop):
    cover = tab.form.editors["coverImage"]
    source = save_png(desktop / "beach.png", color="yellow")
    mime = file_urls(source)
    mime.setText(str(source))  # as file managers send it: the line edit alone would paste this
    drop(cover.edit, mime, QPoint(5, 5))
    assert cover.edit.text() == "/images/beach.png"
    assert tab.post.values["coverImage"] == "/images/beach.png"
    assert (site / "static/images/beach.png").read_bytes() == source.read_bytes()


def test_a_cover_field_without_a_site_links_the_picture_from_the_post(qtbot, tmp_path):
    post = tmp_path / "blog" / "posts" / "a.md"
    post.parent.mkdir(parents=True)
    photo = tmp_path / "blog" / "shared pics" / "sun.png"
    photo.parent.mkdir()
    photo.write_bytes(b"\x89PNG\r\n\x1a\n")
    field = ImageEditor(Field("cover", "image"), post)
    qtbot.addWidget(field)
    with qtbot.waitSignal(field.edited) as edited:
        assert field.choose(photo)
    assert edited.args == ["../shared%20pics/sun.png"]
