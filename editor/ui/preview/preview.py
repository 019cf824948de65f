"""The live preview: a QTextBrowser showing the post as a reader sees it.

It never runs script (QTextBrowser has no JavaScript) and finds local images as the site will
(`editor.core.site.pictures`, the rule of the exported page too): beside the post, then in the
folders the site serves at "/", so the "/images/a.png" a Hugo or Next.js post writes shows;
a picture outside the site does not. Remote images are placeholders with their
alt text unless the writer allows them; then they are fetched in the background
(`RemoteImages`) and the page is laid out again as each arrives, while the writer goes on
typing. When they are not allowed, not one request is made. A link opens in the system browser
only when it is clicked. A new page replaces only the pieces of the shown one that changed, a
slice at a time (`PageBuilder`), so the text neither jumps nor stalls typing while the writer
types.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QImage, QResizeEvent, QTextBlock, QTextDocument
from PySide6.QtWidgets import QTextBrowser, QWidget

from editor.core.site import Site, dark_css, default_css, offline_images, page
from editor.core.site.pictures import local_picture, picture_site
from editor.ui.preview.page_builder import PageBuilder, piece_page
from editor.ui.preview.remote_images import RemoteImages

_IMAGE = QTextDocument.ResourceType.ImageResource.value
_PX = re.compile(r"(font-size:\s*)(\d+)px")
RELAYOUT_DELAY_MS = 50  # pictures arriving together cost one layout


class Preview(QTextBrowser):
    """Shows rendered posts; `show_post` keeps the reader's place. `pageShown` fires when a
    new page is on screen; `pageChanged` whenever the page's layout changed (a new page, a
    picture that arrived, a new width)."""

    pageShown = Signal()
    pageChanged = Signal()

    def __init__(self, parent: QWidget | None = None, images: RemoteImages | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.anchorClicked.connect(self._follow_link)
        self.remote_images = False
        self.setObjectName("preview")
        self.images = images or RemoteImages(self)
        self.images.arrived.connect(self._image_arrived)
        self._asked: set[str] = set()  # remote pictures this page is waiting for
        self._relayout = QTimer(self, singleShot=True, interval=RELAYOUT_DELAY_MS)
        self._relayout.timeout.connect(self._lay_out_again)
        self._post_path: Path | None = None
        self._site: Site | None = None
        self.document().setUndoRedoEnabled(False)  # edited piece by piece: keep no history
        self._builder = PageBuilder(self.document())
        self._builder.done.connect(self._page_done)
        self._scrolled_to = 0
        self._css = default_css()
        self._last: tuple[list[str], Mapping[str, object]] | None = None  # to show again
        # The last page's pieces after the first, (piece, whether last) -> its page, as made
        # with this stylesheet and this choice of remote pictures.
        self._made: dict[tuple[str, bool], str] = {}
        self._made_for = (self._css, self.remote_images)

    def set_base(self, post_path: Path | None, content_root: Path | None = None) -> None:
        """Find the post's local images in its site (`picture_site`: the open folder's,
        `content_root`, for a post inside it). The document has no base URL, so each
        reference reaches `loadResource` as written ("/images/a.png" resolved against a folder
        would name a file at the top of the disk)."""
        self._post_path = post_path
        self._site = picture_site(post_path, content_root) if post_path is not None else None

    def show_post(self, pieces: list[str], meta: Mapping[str, object]) -> None:
        """Show the page of a post whose body renders to `pieces` (`editor.core.site.pieces`) in
        place of the current one (`pageShown` then), keeping the scroll position."""
        self._last = (pieces, meta)
        if self._site is not None:  # a Site remembers what it found: see pictures added since
            self._site = Site(self._site.root)
        head = page(self._for_page(pieces[0]), meta, self._css)  # the cover image is a picture too
        pages = [head if self.remote_images else offline_images(head)]
        # Typing changes one piece: the others' pages are the last page's, the same strings,
        # which the builder then tells apart from the changed one at a glance.
        made, last = self._made, len(pieces) - 1
        if self._made_for != (self._css, self.remote_images):
            made, self._made_for = {}, (self._css, self.remote_images)
        self._made = {}
        for n, piece in enumerate(pieces[1:], 1):
            key = (piece, n == last)
            done = made.get(key) or piece_page(self._for_page(piece), self._css, last=n == last)
            self._made[key] = done
            pages.append(done)
        self._scrolled_to = self.verticalScrollBar().value()
        self._builder.show(pages)

    def _for_page(self, piece: str) -> str:
        if not self.remote_images:
            piece = offline_images(piece)
        return _for_qt(piece) if "<fig" in piece or "<input" in piece else piece

    def piece_blocks(self) -> list[QTextBlock]:
        """The first block of each piece of the page, in order, once the whole page is shown
        ([] while it is being built)."""
        document = self.document()
        return [document.findBlockByNumber(n) for n in self._builder.piece_starts()]

    def set_style(self, dark: bool, zoom: float = 1.0) -> None:
        """The page's colours (light or dark) and text size (`zoom` times the stylesheet's)."""
        css = default_css() + (dark_css() if dark else "")
        if zoom != 1.0:  # px sizes, so Qt's own zoom, which scales points, would not reach them
            css = _PX.sub(lambda m: f"{m[1]}{max(1, round(int(m[2]) * zoom))}px", css)
        if css != self._css:
            self._css = css
            if self._last is not None:
                self.show_post(*self._last)

    def _page_done(self) -> None:
        bar = self.verticalScrollBar()
        if bar.value() < self._scrolled_to:  # the page was shorter for a moment
            bar.setValue(min(self._scrolled_to, bar.maximum()))
        self.pageChanged.emit()
        self.pageShown.emit()

    def loadResource(self, kind: int, url: QUrl) -> object:
        """Local pictures from disk, remote ones from the cache (asking for them when they
        are allowed); pictures wider than the page are scaled to fit (Qt's HTML ignores
        max-width)."""
        if kind == _IMAGE and url.scheme() in ("http", "https"):
            return self._remote(url)
        if kind == _IMAGE and self._site is not None and url.scheme() in ("", "file"):
            local = self._local(url)
            return self._fit(local) if local is not None and not local.isNull() else None
        resource = super().loadResource(kind, url)
        if kind != _IMAGE or resource is None:
            return resource
        image = resource if isinstance(resource, QImage) else QImage.fromData(resource)
        return self._fit(image) if not image.isNull() else resource

    def _local(self, url: QUrl) -> QImage | None:
        """The picture a local reference names, read from the file the site would publish;
        None when there is none."""
        if self._site is None or self._post_path is None or url.scheme() == "file":
            return None  # a file: URL is no picture the site serves, nor the exported page
        ref = url.toString(QUrl.ComponentFormattingOption.FullyEncoded)
        path = local_picture(self._post_path, self._site, ref)
        # Reading a picture to show it is Qt's job: QImage decodes it (a regular file only).
        return QImage(str(path)) if path is not None else None

    def _remote(self, url: QUrl) -> QImage | None:
        if not self.remote_images:
            return None  # the page has placeholders; this is only a second lock on the door
        image = self.images.image(url)
        if image is None:
            self._asked.add(url.toString())
            self.images.fetch(url)
            return None
        return self._fit(image)

    def _fit(self, image: QImage) -> QImage:
        room = max(self.viewport().width() - 60, 200)
        if image.width() > room:
            return image.scaledToWidth(room, Qt.TransformationMode.SmoothTransformation)
        return image

    def _image_arrived(self, key: str) -> None:
        if key not in self._asked or not self.remote_images:
            return  # another tab's picture
        self._asked.discard(key)
        image = self.images.image(QUrl(key))
        if image is not None:
            # A resource added to the document outlives setHtml, so later renders of this
            # page find the picture without asking loadResource again.
            self.document().addResource(_IMAGE, QUrl(key), self._fit(image))
            self._relayout.start()

    def _lay_out_again(self) -> None:
        """Lay the page out again with the pictures that arrived, keeping the place."""
        document = self.document()
        document.markContentsDirty(0, document.characterCount())
        self.pageChanged.emit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.pageChanged.emit()  # text re-wraps: headings move

    def _follow_link(self, url: QUrl) -> None:
        if url.scheme() in ("http", "https", "mailto"):
            QDesktopServices.openUrl(url)
        elif url.hasFragment() and not url.path():
            self.scrollToAnchor(url.fragment())


_CHECKBOX = re.compile(r"<input\b[^>]*\btype=\"checkbox\"[^>]*>", re.I)


def _for_qt(html: str) -> str:
    """What Qt's HTML lacks, in what it has: `<figure>` and `<figcaption>` (Hugo's figure
    shortcode, a writer's own HTML) as divs, since Qt takes an unknown tag for inline and
    glues the picture to the end of the block before it (the last item of a list above); a
    task list's checkboxes, which Qt does not draw, as ☑ and ☐."""
    html = html.replace("<figure", '<div class="figure"').replace("</figure>", "</div>")
    html = html.replace("<figcaption", '<div class="figcaption"').replace("</figcaption>", "</div>")
    return _CHECKBOX.sub(lambda box: "☑" if "checked" in box[0] else "☐", html)
