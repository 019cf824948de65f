"""The window's figures: filtering the list, the preview after typing, typing stalls, opening.

Each runs in this process on a real `MainWindow` (offscreen), driven the way a writer drives
it: text set in the filter box, keys sent to the editor with `QTest`. Figures that are not a
plain call's duration (the preview's delay, the longest event-loop stall) are measured inside
the run and returned in milliseconds (`Case.timed`).
"""

from __future__ import annotations

import itertools
import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import markdown
from PySide6.QtCore import QElapsedTimer, QEventLoop, QSettings, Qt, QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPlainTextEdit

from editor.core.document.post import Post
from editor.core.site.rendering.python_markdown import EXTENSION_CONFIGS, EXTENSIONS
from editor.ui.shell.main_window import MainWindow

_APP = QApplication.instance() or QApplication(["post-editor-bench"])
KEY_INTERVAL_MS = 25  # a fast typist: 40 keys a second
TYPED = "The quick brown fox jumps over the lazy dog. " * 3


def wait_for(signal: object, timeout_ms: int = 30_000) -> None:
    """Run the event loop until `signal` fires (or the timeout passes)."""
    loop = QEventLoop()
    signal.connect(loop.quit)  # type: ignore[attr-defined]
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()


def spin(ms: int) -> None:
    """Run the event loop for `ms` milliseconds."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def new_window() -> MainWindow:
    """A shown window with throwaway settings (no last session, no recent folders)."""
    ini = Path(tempfile.mkdtemp(prefix="post-editor-bench-")) / "settings.ini"
    window = MainWindow(QSettings(str(ini), QSettings.Format.IniFormat))
    window.resize(1400, 900)
    window.show()
    return window


def listed_window(folder: Path) -> MainWindow:
    window = new_window()
    window.open_path(folder)
    wait_for(window.folderLoaded, 600_000)  # 100,000 posts, cold, on a loaded machine
    window.folder_index.indexer.wait(600)  # its index stored: no store runs under a figure
    listed, posts = window.panel.proxy.rowCount(), sum(1 for _ in folder.glob("*.md"))
    if listed != posts:  # a filter over an empty list would time nothing
        raise SystemExit(f"listed {listed} posts of {posts}")
    return window


def opened(window: MainWindow, path: Path) -> object:
    """The post open in a tab, its first preview shown."""
    tab = window.open_post(path)
    if tab is None:
        raise SystemExit(f"could not open {path}")
    if not tab.preview_ready:
        wait_for(tab.previewShown)
    return tab


def panel_case(folder: Path) -> Callable[[], object]:
    """A shown window opening a folder (afresh: a new index each time): the milliseconds until
    every post is listed and painted (the index runs off the UI thread); then its index stored
    in the cache, waited for untimed (no store runs under the baseline or the next run)."""
    window = new_window()
    count = sum(1 for _ in folder.glob("*.md"))

    def run() -> float:
        start = time.perf_counter()
        window.open_path(folder)
        wait_for(window.folderLoaded)
        _APP.processEvents()
        took = (time.perf_counter() - start) * 1000
        if window.panel.proxy.rowCount() != count:
            raise SystemExit(f"listed {window.panel.proxy.rowCount()} posts of {count}")
        window.folder_index.indexer.wait(600)
        return took

    return run


def _opening(window: object, folder: Path, shown: object) -> Callable[[], float]:
    """A run of opening `folder` in `window`: the milliseconds until `shown` (a signal of the
    first listing) and the paint after it; then the rest of the scan and the index's store,
    waited for untimed."""
    loop, loaded = QEventLoop(), []
    shown.connect(lambda *_: loop.quit())
    window.folderLoaded.connect(loop.quit)  # a folder listed only when its scan ends
    window.folderLoaded.connect(lambda: loaded.append(True))

    def run() -> float:
        loaded.clear()
        QTimer.singleShot(60_000, loop.quit)
        start = time.perf_counter()
        window.open_path(folder)
        loop.exec()
        _APP.processEvents()
        took = (time.perf_counter() - start) * 1000
        if not window.panel.proxy.rowCount():
            raise SystemExit("no post listed")
        if not loaded:
            wait_for(window.folderLoaded)
        window.folder_index.indexer.wait(600)  # its index stored, untimed
        return took

    return run


def panel_warm_case(folder: Path) -> Callable[[], float]:
    """A shown window opening a folder it has opened before: the milliseconds until every
    post is listed and painted from the index cache. The scan that checks the files' stamps
    runs on, off the UI thread, and is waited for untimed."""
    window = new_window()
    count = sum(1 for _ in folder.glob("*.md"))
    opening = _opening(window, folder, window.folder_index.cached)

    def run() -> float:
        took = opening()
        if window.panel.proxy.rowCount() != count:
            raise SystemExit(f"listed {window.panel.proxy.rowCount()} posts of {count}")
        return took

    return run


def panel_first_case(folder: Path) -> Callable[[], float]:
    """A shown window opening a folder afresh (no cached index): the milliseconds until the
    first posts read are listed and painted, before they are judged."""
    window = new_window()
    return _opening(window, folder, window.folder_index.arrived)


def filter_case(folder: Path) -> tuple[Callable[[], object], Callable[[], object]]:
    """One keystroke in the filter box of a 10,000-post list: the rows re-filtered, painted."""
    window = listed_window(folder)
    box = window.panel.filter_box
    words = itertools.cycle(["ai", "a", "climate", "clim", "", "health"])
    titles = [(e.title or "").casefold() for e in window.folder.entries]

    def run() -> None:
        box.setText(next(words))
        _APP.processEvents()

    def bare() -> list[str]:  # the least a filter can do: a substring test per title
        needle = next(words)
        return [t for t in titles if needle in t]

    return run, bare


def preview_case(post: Path) -> tuple[Callable[[], float], Callable[[], object]]:
    """A key typed into a 5,000-word post: from the end of the idle pause to the preview shown."""
    window = new_window()
    tab = opened(window, post)
    editor = tab.editor
    editor.moveCursor(QTextCursor.MoveOperation.End)
    idle_over: list[float] = []
    tab._preview_timer.timeout.connect(lambda: idle_over.append(time.perf_counter()))
    body = Post(post.read_text(encoding="utf-8")).body

    def run() -> float:
        idle_over.clear()
        QTest.keyClick(editor, Qt.Key.Key_X)
        wait_for(tab.previewShown)
        return (time.perf_counter() - idle_over[0]) * 1000

    def bare() -> str:
        return markdown.markdown(body, extensions=EXTENSIONS, extension_configs=EXTENSION_CONFIGS)

    return run, bare


def latency_case(post: Path) -> Callable[[], float]:
    """A key typed into the middle of a 50,000-word post: from the key to the preview showing
    the text with it (the idle pause, the render and the page's update all counted). Keys
    alternate between a letter and Backspace, so the post stays the same size."""
    window = new_window()
    tab = opened(window, post)
    editor = tab.editor
    caret_in_the_middle(editor)
    keys = itertools.cycle([Qt.Key.Key_X, Qt.Key.Key_Backspace])

    def run() -> float:
        QTest.keyClick(editor, next(keys))
        typed = time.perf_counter()
        wait_for(tab.previewShown)
        return (time.perf_counter() - typed) * 1000

    return run


def hugo_post(folder: Path, post: Path) -> Path:
    """`post` moved into a Hugo site made in `folder`, so its preview renders by Hugo's
    Markdown (CommonMark, as `markup.goldmark` sets it up by default)."""
    (folder / "hugo.toml").write_text('title = "Bench"\n', encoding="utf-8")
    target = folder / "content" / "posts" / post.name
    target.parent.mkdir(parents=True)
    return post.replace(target)


class StallWatch:
    """The longest time the event loop was away while it runs: a 1 ms precise timer notes each
    gap between its ticks. `stop()` gives the longest, less the timer's own 1 ms."""

    def __init__(self) -> None:
        self._clock = QElapsedTimer()
        self._last = self._worst = 0
        self._ticker = QTimer(interval=1, timerType=Qt.TimerType.PreciseTimer)
        self._ticker.timeout.connect(self._tick)

    def _tick(self) -> None:
        now = self._clock.nsecsElapsed()
        self._worst = max(self._worst, now - self._last)
        self._last = now

    def start(self) -> None:
        self._clock.start()
        self._last, self._worst = self._clock.nsecsElapsed(), 0
        self._ticker.start()

    def stop(self) -> float:
        """The longest stall since `start`, in ms."""
        self._ticker.stop()
        return max(self._worst / 1e6 - 1, 0.0)


def caret_in_the_middle(editor: QPlainTextEdit) -> None:
    """Put the caret halfway through the text, on screen, where typing costs the most."""
    cursor = editor.textCursor()
    cursor.setPosition(editor.document().characterCount() // 2)
    editor.setTextCursor(cursor)
    editor.centerCursor()


def longest_stall(editor: QPlainTextEdit, settle_ms: int = 400) -> float:
    """Type TYPED into `editor` a key every KEY_INTERVAL_MS; the longest the event loop was
    away meanwhile (and while what typing started settles), in ms."""
    keys = iter(TYPED)
    typist = QTimer(interval=KEY_INTERVAL_MS, timerType=Qt.TimerType.PreciseTimer)
    loop = QEventLoop()

    def type_one() -> None:
        key = next(keys, None)
        if key is None:
            typist.stop()
            QTimer.singleShot(settle_ms, loop.quit)
        else:
            QTest.keyClicks(editor, key)

    typist.timeout.connect(type_one)
    caret_in_the_middle(editor)
    watch = StallWatch()
    watch.start()
    typist.start()
    loop.exec()
    return watch.stop()


def stall_case(post: Path) -> tuple[Callable[[], float], Callable[[], float]]:
    """Typing into a 50,000-word post with the preview on; beside typing into a bare
    QPlainTextEdit holding the same text (no highlighting, no preview, no form)."""
    window = new_window()
    tab = opened(window, post)
    text = post.read_text(encoding="utf-8")
    bare_editor = QPlainTextEdit()
    bare_editor.resize(900, 800)
    bare_editor.setPlainText(text)
    bare_editor.show()
    return lambda: longest_stall(tab.editor), lambda: longest_stall(bare_editor)


def open_case(
    post: Path,
) -> tuple[Callable[[], object], Callable[[], object], Callable[[], object]]:
    """Open a 50,000-word post in a tab, ready to type (shown, cursor in the editor); beside a
    bare QPlainTextEdit given the same text and shown."""
    window = new_window()
    text = post.read_text(encoding="utf-8")

    def close_all() -> None:
        for tab in window.document_tabs():
            tab.editor.document().setModified(False)
            window.tabs.removeTab(window.tabs.indexOf(tab))
            tab.deleteLater()
        spin(50)  # the old tab's late preview arrives and is dropped, untimed

    def run() -> None:
        window.open_post(post)
        _APP.processEvents()

    def bare() -> None:
        editor = QPlainTextEdit()
        editor.setPlainText(text)
        editor.show()
        _APP.processEvents()
        editor.deleteLater()

    return run, bare, close_all
