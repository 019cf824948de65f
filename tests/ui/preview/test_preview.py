"""The preview and remote images: with the setting off (the default) a remote picture is a
placeholder and not one request leaves the app; with it on, the picture is fetched in the
background, kept for every tab, and laid into the page when it arrives.

The "web" is a real HTTP server on 127.0.0.1 in a thread of the test, counting its requests.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from PySide6.QtCore import QBuffer, QIODevice, QUrl
from PySide6.QtGui import QColor, QDesktopServices, QImage, QTextDocument
from PySide6.QtWidgets import QApplication

from editor.ui.jobs.render_service import RenderService
from editor.ui.settings import REMOTE_IMAGES
from editor.ui.shell.main_window import MainWindow

IMAGE = QTextDocument.ResourceType.ImageResource.value
PICTURE_HEIGHT = 900  # taller than the page without it, so the layout shows it arrived


@dataclass
class Server:
    """The test's web server: its address, the paths asked for, and the gate `/slow.png`
    waits at before it answers."""

    base: str
    hits: list[str] = field(default_factory=list)
    gate: threading.Event = field(default_factory=threading.Event)


def _png(width: int, height: int) -> bytes:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("teal"))
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(buffer.data().data())


@pytest.fixture
def server(qapp) -> Iterator[Server]:
    picture = _png(120, PICTURE_HEIGHT)
    gate = threading.Event()
    hits: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # http.server's name for it
            hits.append(self.path)
            if self.path == "/slow.png":
                gate.wait(10)
            elif self.path != "/chart.png":
                self.send_error(404)
                return
            self.send_response(200)
            self.send_header("Content-Type", "image/png")
            self.send_header("Content-Length", str(len(picture)))
            self.end_headers()
            self.wfile.write(picture)

        def log_message(self, *args: object) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield Server(f"http://127.0.0.1:{httpd.server_address[1]}", hits, gate)
    gate.set()
    httpd.shutdown()
    httpd.server_close()


def _post(title: str, url: str = "/chart.png") -> str:
    return (
        f"---\ntitle: '{title}'\ndate: '2026-01-05'\n---\n"
        f"Before the chart.\n\n![a teal chart]({url})\n\nAfter the chart.\n"
    )


@pytest.fixture
def charts(qtbot, make_folder, settings, prompter, server: Server) -> tuple[MainWindow, Path]:
    """A window on a folder of two posts showing the same remote picture."""
    url = f"{server.base}/chart.png"
    root = make_folder(
        {
            "one.md": _post("One", url),
            "two.md": _post("Two", url),
            "slow.md": _post("Slow", f"{server.base}/slow.png"),
            "gone.md": _post("Gone", f"{server.base}/gone.png"),
        }
    )
    window = MainWindow(settings, RenderService(use_process=False), prompter)
    qtbot.addWidget(window, before_close_func=lambda _: setattr(prompter, "unattended", True))
    window.show()
    with qtbot.waitSignal(window.folderLoaded, timeout=10_000):
        window.open_folder(root)
    return window, root


def _open(qtbot, window: MainWindow, path: Path):
    tab = window.open_post(path)
    qtbot.waitUntil(lambda: "After the chart." in tab.preview.toPlainText(), timeout=5000)
    return tab


def _picture(tab, server: Server, path: str = "/chart.png") -> object:
    return tab.preview.document().resource(IMAGE, QUrl(server.base + path))


def test_remote_images_off_makes_no_request(qtbot, charts, server):
    window, root = charts
    assert not window.actions_by_name["remote_images"].isChecked()
    tab = _open(qtbot, window, root / "one.md")
    assert "[image: a teal chart]" in tab.preview.toPlainText()
    # Re-render a few times; a fetch would be counted as the page is laid out.
    for word in (" Again.", " And again."):
        with qtbot.waitSignal(tab.previewShown, timeout=5000):
            qtbot.keyClicks(tab.editor, word)
    QApplication.processEvents()  # the last layout and paint, where pictures are asked for
    assert _picture(tab, server) is None
    assert window.images.requests == 0
    assert server.hits == []


def test_remote_images_on_are_fetched_once_and_laid_out(qtbot, charts, server):
    window, root = charts
    tab = _open(qtbot, window, root / "one.md")
    window.actions_by_name["remote_images"].trigger()
    assert window.settings.get(REMOTE_IMAGES)

    qtbot.waitUntil(lambda: isinstance(_picture(tab, server), QImage), timeout=5000)
    picture = _picture(tab, server)
    assert (picture.width(), picture.height()) == (120, PICTURE_HEIGHT)
    assert "[image:" not in tab.preview.toPlainText()
    # The page was laid out again around the picture.
    qtbot.waitUntil(lambda: tab.preview.document().size().height() > PICTURE_HEIGHT, timeout=5000)
    assert server.hits == ["/chart.png"]

    # Typing re-renders the page; the picture comes from memory, as it does for a second
    # post showing it.
    with qtbot.waitSignal(tab.previewShown, timeout=5000):
        qtbot.keyClicks(tab.editor, "More. ")
    two = _open(qtbot, window, root / "two.md")
    assert tab.preview.document().size().height() > PICTURE_HEIGHT
    assert two.preview.document().size().height() > PICTURE_HEIGHT
    assert server.hits == ["/chart.png"]
    assert window.images.requests == 1

    window.actions_by_name["remote_images"].trigger()  # off again: a placeholder
    qtbot.waitUntil(lambda: "[image: a teal chart]" in two.preview.toPlainText(), timeout=5000)


def test_the_writer_types_while_a_picture_is_on_its_way(qtbot, charts, server):
    """The server holds its answer; the editor and the preview go on meanwhile, and the
    picture is laid in when the answer comes. A fetch on the UI thread would hang here."""
    window, root = charts
    window.actions_by_name["remote_images"].trigger()
    tab = _open(qtbot, window, root / "slow.md")
    qtbot.waitUntil(lambda: server.hits == ["/slow.png"], timeout=5000)
    tab.editor.setFocus()
    qtbot.keyClicks(tab.editor, "Typed meanwhile. ")
    qtbot.waitUntil(lambda: "Typed meanwhile." in tab.preview.toPlainText(), timeout=5000)
    assert _picture(tab, server, "/slow.png") is None
    server.gate.set()
    qtbot.waitUntil(lambda: isinstance(_picture(tab, server, "/slow.png"), QImage), timeout=5000)
    assert server.hits == ["/slow.png"]


def test_a_picture_that_failed_is_not_asked_for_again(qtbot, charts, server):
    window, root = charts
    window.actions_by_name["remote_images"].trigger()
    tab = _open(qtbot, window, root / "gone.md")
    qtbot.waitUntil(lambda: server.hits == ["/gone.png"], timeout=5000)
    qtbot.waitUntil(lambda: not window.images._pending, timeout=5000)
    for word in ("One. ", "Two. "):
        with qtbot.waitSignal(tab.previewShown, timeout=5000):
            qtbot.keyClicks(tab.editor, word)
    assert server.hits == ["/gone.png"]
    assert _picture(tab, server, "/gone.png") is None


def test_the_preview_runs_no_script_fetches_nothing_and_follows_no_script_link(
    qtbot, make_folder, settings, prompter, server: Server, monkeypatch
):
    """Issue 13, point 14: the preview is a QTextBrowser, which has no script engine; what a
    hostile body holds shows as inert text, asks the web for nothing, and a `javascript:`
    link clicked opens nothing."""
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    body = (
        '<script>document.title = "ran"</script>\n'
        f'<img src="missing.png" onerror="new Image().src = \'{server.base}/onerror\'">\n'
        f'<iframe src="{server.base}/frame"></iframe>\n'
        f'<meta http-equiv="refresh" content="0; url={server.base}/refresh">\n'
        '<a href="javascript:alert(1)">a script link</a> and after.\n'
    )
    root = make_folder({"p.md": f"---\ntitle: P\ndate: 2026-01-05\n---\n{body}"})
    window = MainWindow(settings, RenderService(use_process=False), prompter)
    qtbot.addWidget(window, before_close_func=lambda _: setattr(prompter, "unattended", True))
    with qtbot.waitSignal(window.folderLoaded, timeout=10_000):
        window.open_folder(root)
    tab = window.open_post(root / "p.md")
    qtbot.waitUntil(lambda: "and after." in tab.preview.toPlainText(), timeout=5000)
    assert "document.title" not in tab.preview.toPlainText()
    tab.preview.anchorClicked.emit(QUrl("javascript:alert(1)"))
    QApplication.processEvents()  # a request or a refresh would leave from here
    assert window.images.requests == 0  # counted as it starts: nothing left, nothing will
    assert opened == [] and server.hits == []
