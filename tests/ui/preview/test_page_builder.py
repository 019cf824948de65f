"""The preview builds a long page in pieces: the pieces must give exactly the page the whole
HTML gives, pixel for pixel, and the page must still find its pictures beside the post."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QRectF, QUrl
from PySide6.QtGui import QColor, QImage, QPainter, QTextDocument

from benchmarks.generate import make_post
from editor.core.document.post import Post
from editor.core.site.pieces import split_body
from editor.core.site.render import Renderer, default_css, page
from editor.ui.jobs.render_service import RenderService
from editor.ui.preview.page_builder import PageBuilder, piece_page
from editor.ui.shell.main_window import MainWindow

WIDTH = 640
IMAGE = QTextDocument.ResourceType.ImageResource.value


def _squeezed(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _picture(document: QTextDocument) -> QImage:
    document.setTextWidth(WIDTH)
    height = int(document.size().height())
    image = QImage(WIDTH, height, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    document.drawContents(painter, QRectF(0, 0, WIDTH, height))
    painter.end()
    return image


def _pages(body_html: str, meta: dict[str, object]) -> list[str]:
    first, *rest = split_body(body_html)
    css = default_css()
    return [page(first, meta, css)] + [
        piece_page(piece, css, last=n == len(rest)) for n, piece in enumerate(rest, 1)
    ]


def _show(qtbot, builder: PageBuilder, pages: list[str]) -> None:
    with qtbot.waitSignal(builder.done, timeout=10_000):
        builder.show(pages)
    assert not builder.busy()


def _whole(body_html: str, meta: dict[str, object]) -> QTextDocument:
    document = QTextDocument()
    document.setHtml(page(body_html, meta))
    return document


def _same_page(shown: QTextDocument, whole: QTextDocument) -> None:
    assert shown.blockCount() == whole.blockCount()
    assert _picture(shown) == _picture(whole)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_a_page_built_in_pieces_is_the_whole_page_pixel_for_pixel(qtbot, seed):
    post = Post(make_post(2500, seed=seed))  # headings, lists, code, tables, quotes
    body = Renderer().render(post.body)
    assert len(split_body(body)) > 5
    document = QTextDocument()
    _show(qtbot, PageBuilder(document), _pages(body, post.values))
    _same_page(document, _whole(body, post.values))


def _edited(markdown: str) -> str:
    """A paragraph changed, one added and one removed in the middle, the last one changed."""
    paragraphs = markdown.split("\n\n")
    middle = len(paragraphs) // 2
    paragraphs[middle] += " And a few more words."
    paragraphs.insert(middle + 3, "A new paragraph, with *emphasis*.")
    del paragraphs[middle + 8]
    paragraphs[-1] += "\n\nThe end."
    return "\n\n".join(paragraphs)


@pytest.mark.parametrize("seed", [1, 2])
def test_replacing_only_the_pieces_that_changed_gives_the_whole_new_page(qtbot, seed):
    post = Post(make_post(2500, seed=seed))
    renderer = Renderer()
    before, after = renderer.render(post.body), renderer.render(_edited(post.body))
    document = QTextDocument()
    builder = PageBuilder(document)
    _show(qtbot, builder, _pages(before, post.values))
    kept = document.findBlockByNumber(3)  # a block of the first pieces, left as it was
    retitled = {**post.values, "title": "A new title for the page"}
    _show(qtbot, builder, _pages(after, retitled))
    assert kept.isValid() and kept.text()
    _same_page(document, _whole(after, retitled))
    untitled = {key: value for key, value in post.values.items() if key != "title"}
    _show(qtbot, builder, _pages(after, untitled))  # the first block is no longer a heading
    _same_page(document, _whole(after, untitled))
    _show(qtbot, builder, _pages(before, post.values))  # and back: undo, or git checkout
    _same_page(document, _whole(before, post.values))


def test_a_newer_page_takes_over_from_the_unfinished_one(qtbot):
    body = Renderer().render(Post(make_post(3000, seed=5)).body)
    document = QTextDocument()
    builder = PageBuilder(document)
    builder.show(_pages(body, {"title": "First"}))
    assert builder.busy()  # 3,000 words take more than one slice
    _show(qtbot, builder, _pages("<p>second</p>", {"title": "Second"}))
    assert document.toPlainText().split() == ["Second", "second"]


def _wide_png(path: Path, width: int) -> None:
    image = QImage(width, 40, QImage.Format.Format_RGB32)
    image.fill(QColor("teal"))
    assert image.save(str(path))


def test_a_long_post_shows_whole_with_its_local_picture_fitted(
    qtbot, make_folder, settings, prompter
):
    words = Post(make_post(4000, seed=2)).body
    front = "---\ntitle: 'Long'\ndate: '2026-01-05'\n---\n"
    text = f"{front}![a wide chart](media/wide.png)\n\n{words}\nThe last line.\n"
    root = make_folder({"long.md": text})
    (root / "media").mkdir()
    _wide_png(root / "media" / "wide.png", 3000)
    window = MainWindow(settings, RenderService(use_process=False), prompter)
    qtbot.addWidget(window, before_close_func=lambda _: setattr(prompter, "unattended", True))
    window.resize(1200, 800)
    window.show()
    with qtbot.waitSignal(window.folderLoaded, timeout=10_000):
        window.open_folder(root)
    tab = window.open_post(root / "long.md")
    qtbot.waitUntil(lambda: tab.preview_ready, timeout=10_000)
    preview = tab.preview
    assert "The last line." in preview.toPlainText()
    picture = preview.document().resource(IMAGE, QUrl("media/wide.png"))
    assert isinstance(picture, QImage) and not picture.isNull()
    assert picture.width() < preview.viewport().width()  # the preview's own loader fitted it
    # Typing in the middle changes that paragraph in the page, in the same document.
    document = preview.document()
    cursor = tab.editor.textCursor()
    cursor.setPosition(len(tab.editor.toPlainText()) // 2)
    cursor.movePosition(cursor.MoveOperation.EndOfBlock)
    tab.editor.setTextCursor(cursor)
    with qtbot.waitSignal(tab.previewShown, timeout=10_000):
        tab.editor.insertPlainText(" Typed in the middle.")
    assert preview.document() is document
    assert "Typed in the middle." in preview.toPlainText()
