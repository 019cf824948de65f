"""The live preview: a QTextBrowser showing the post as a reader sees it.

It never runs script (QTextBrowser has no JavaScript), never fetches from the network (remote
images become placeholders unless the writer allows them), resolves local images relative to
the post, and opens a link in the system browser only when it is clicked. Updating keeps the
scroll position, so the text does not jump while the writer types.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QImage, QTextDocument
from PySide6.QtWidgets import QTextBrowser, QWidget

from editor.core.render import offline_images


class Preview(QTextBrowser):
    """Shows rendered pages; `show_page` keeps the reader's place."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.anchorClicked.connect(self._follow_link)
        self.remote_images = False
        self.setObjectName("preview")

    def set_base(self, post_path: Path | None) -> None:
        """Resolve relative image paths against the post's folder."""
        if post_path is not None:
            self.document().setBaseUrl(QUrl.fromLocalFile(str(post_path.parent) + "/"))

    def show_page(self, page_html: str) -> None:
        """Replace the page, keeping the scroll position."""
        bar = self.verticalScrollBar()
        at = bar.value()
        self.setHtml(page_html if self.remote_images else offline_images(page_html))
        bar.setValue(min(at, bar.maximum()))

    def follow(self, fraction: float) -> None:
        """Scroll to the same relative place as the editor."""
        bar = self.verticalScrollBar()
        bar.setValue(round(bar.maximum() * max(0.0, min(1.0, fraction))))

    def loadResource(self, kind: int, url: QUrl) -> object:
        """Pictures wider than the page are scaled to fit (Qt's HTML ignores max-width)."""
        resource = super().loadResource(kind, url)
        if kind != QTextDocument.ResourceType.ImageResource.value or resource is None:
            return resource
        image = resource if isinstance(resource, QImage) else QImage.fromData(resource)
        room = max(self.viewport().width() - 60, 200)
        if not image.isNull() and image.width() > room:
            return image.scaledToWidth(room, Qt.TransformationMode.SmoothTransformation)
        return resource

    def _follow_link(self, url: QUrl) -> None:
        if url.scheme() in ("http", "https", "mailto"):
            QDesktopServices.openUrl(url)
        elif url.hasFragment() and not url.path():
            self.scrollToAnchor(url.fragment())
