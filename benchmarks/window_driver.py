"""A window started from nothing, for the figures that need a whole fresh process.

    python benchmarks/window_driver.py start FOLDER COUNT   show the window, list FOLDER
    python benchmarks/window_driver.py empty                show an empty QMainWindow
    python benchmarks/window_driver.py memory FOLDER COUNT  list FOLDER, open 5 posts, RSS

Each prints one line when it is there ("ready", or the memory figures) and leaves. `run.py`
times `start` and `empty` from launch to that line and then ends the driver's whole process
group (`ready_line`), so neither teardown nor a worker's way out is counted. `start` does
what `post-editor FOLDER` does (the app's settings aside: a throwaway settings file, so the
figure does not depend on the user's last session).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path


def _app() -> object:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    return QApplication.instance() or QApplication(["post-editor-bench"])


def _window(folder: Path, count: int) -> object:
    """A MainWindow shown with `folder` listed (all `count` posts)."""
    _app()
    from PySide6.QtCore import QEventLoop, QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    from editor.ui.shell.main_window import MainWindow
    from editor.ui.widgets.theme import apply_theme

    ini = Path(tempfile.mkdtemp(prefix="post-editor-bench-")) / "settings.ini"
    settings = QSettings(str(ini), QSettings.Format.IniFormat)
    apply_theme(QApplication.instance(), "system")
    window = MainWindow(settings)
    window.show()
    window.open_path(folder)
    loop = QEventLoop()
    window.folderLoaded.connect(loop.quit)
    QTimer.singleShot(600_000, loop.quit)  # 100,000 posts, cold
    loop.exec()
    window.folder_index.indexer.wait(600)  # its index stored (after it is listed)
    QApplication.processEvents()  # the listed rows painted
    listed = window.panel.proxy.rowCount()
    if listed != count:
        sys.exit(f"listed {listed} posts, expected {count}")
    return window


def _rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def _descendants(pid: int) -> list[int]:
    """Child processes (the render worker), from /proc: Linux only, like this figure."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                ppid = int((entry / "stat").read_text().rpartition(")")[2].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(entry.name))
    found, stack = [], [pid]
    while stack:
        for child in children.get(stack.pop(), []):
            found.append(child)
            stack.append(child)
    return found


def _say(line: str) -> None:
    """The one line `run.py` waits for; then leave at once (no teardown)."""
    print(line, flush=True)
    os._exit(0)


def main(argv: list[str]) -> None:
    mode = argv[0]
    if mode == "empty":
        _app()
        from PySide6.QtWidgets import QApplication, QMainWindow

        window = QMainWindow()
        window.resize(1400, 900)
        window.show()
        QApplication.processEvents()
        _say("ready")
    folder, count = Path(argv[1]), int(argv[2])
    window = _window(folder, count)
    if mode == "start":
        _say("ready")
    # memory: five posts open, each with its preview shown
    from PySide6.QtCore import QEventLoop, QTimer

    for entry in window.folder.entries[:5]:  # type: ignore[attr-defined]
        tab = window.open_entry(entry)  # type: ignore[attr-defined]
        if not tab.preview_ready:
            loop = QEventLoop()
            tab.previewShown.connect(loop.quit)
            QTimer.singleShot(10_000, loop.quit)
            loop.exec()
    own = _rss_mb(os.getpid())
    workers = sum(_rss_mb(pid) for pid in _descendants(os.getpid()))
    _say(f"{own:.1f} {workers:.1f}")


if __name__ == "__main__":
    main(sys.argv[1:])
