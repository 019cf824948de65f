"""Pictures from the web for the preview, fetched only when the writer allows remote images.

Fetching goes through one `QNetworkAccessManager`, made on the first request (so a writer who
never turns remote images on never has one), and is asynchronous: the preview asks, goes on
without the picture, and re-lays out its page when `arrived(url)` fires. Decoding runs in a
worker thread, since a large photo takes long enough to decode to be felt in typing. Pictures
are kept in memory for the session and shared by every tab; an address that failed is not
asked again until the app restarts, so a preview re-rendering on each pause in typing never
hammers a dead server.
"""

from __future__ import annotations

from concurrent.futures import Future, ThreadPoolExecutor

from PySide6.QtCore import QObject, Qt, QUrl, Signal
from PySide6.QtGui import QImage
from PySide6.QtNetwork import QNetworkAccessManager, QNetworkReply, QNetworkRequest

MAX_BYTES = 20 * 1024 * 1024  # a bigger "picture" is not one worth the memory
MAX_WIDTH = 1600  # wider than any preview; keeps a camera's 8000-pixel photo from filling RAM
TIMEOUT_MS = 15_000


def _decode(data: bytes) -> QImage:
    """Runs in the worker thread: bytes to a picture no wider than MAX_WIDTH."""
    image = QImage.fromData(data)
    if not image.isNull() and image.width() > MAX_WIDTH:
        image = image.scaledToWidth(MAX_WIDTH, Qt.TransformationMode.SmoothTransformation)
    return image


class RemoteImages(QObject):
    """An in-memory cache of web pictures. `arrived(url)` when one is ready."""

    arrived = Signal(str)
    # (url, image or None), emitted from the decoding thread; Qt queues it to this thread.
    _decoded = Signal(str, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._manager: QNetworkAccessManager | None = None
        self._images: dict[str, QImage] = {}
        self._pending: set[str] = set()
        self._failed: set[str] = set()
        self._decoder: ThreadPoolExecutor | None = None
        self.requests = 0  # fetches started: the tests' proof that "off" means no network
        self._decoded.connect(self._store, Qt.ConnectionType.QueuedConnection)

    def image(self, url: QUrl) -> QImage | None:
        """The picture at `url` when it has arrived."""
        return self._images.get(url.toString())

    def fetch(self, url: QUrl) -> None:
        """Start fetching `url` unless it is here, on its way, or failed before."""
        key = url.toString()
        if key in self._images or key in self._pending or key in self._failed:
            return
        if self._manager is None:
            self._manager = QNetworkAccessManager(self)
        request = QNetworkRequest(url)
        request.setTransferTimeout(TIMEOUT_MS)
        reply = self._manager.get(request)
        self.requests += 1
        self._pending.add(key)
        reply.downloadProgress.connect(lambda got, _total: got > MAX_BYTES and reply.abort())
        reply.finished.connect(lambda: self._finished(key, reply))

    def _finished(self, key: str, reply: QNetworkReply) -> None:
        reply.deleteLater()
        if reply.error() != QNetworkReply.NetworkError.NoError:
            self._give_up(key)
            return
        data = bytes(reply.readAll().data())
        if self._decoder is None:
            self._decoder = ThreadPoolExecutor(max_workers=1, thread_name_prefix="images")
        future = self._decoder.submit(_decode, data)
        future.add_done_callback(lambda done: self._decoded.emit(key, _image_of(done)))

    def _store(self, key: str, image: QImage | None) -> None:
        if image is None or image.isNull():
            self._give_up(key)
            return
        self._pending.discard(key)
        self._images[key] = image
        self.arrived.emit(key)

    def _give_up(self, key: str) -> None:
        self._pending.discard(key)
        self._failed.add(key)

    def shutdown(self) -> None:
        """Stop the decoding thread (at quit)."""
        if self._decoder is not None:
            self._decoder.shutdown(wait=False, cancel_futures=True)
            self._decoder = None


def _image_of(future: Future[QImage]) -> QImage | None:
    try:
        return future.result()
    except Exception:  # a decoder crash on a hostile file is a picture we do not show
        return None
