"""The longest typing stall in a huge post, with the word count and crash recovery on.

    .venv/bin/python benchmarks/stall_huge.py            # a 200 MB post
    .venv/bin/python benchmarks/stall_huge.py --mb 50

A shown window (recovery snapshots kept in a temp folder) opens a post of MB megabytes, then
keys are typed in bursts into its middle, with pauses long enough for the word count (300 ms)
and a recovery snapshot (2 s) to come due. Printed: the longest the event loop was away while
typing and pausing (a 1 ms precise timer's largest gap, less 1 ms), and the snapshots written.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QSettings, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from window_cases import StallWatch, caret_in_the_middle  # benchmarks/ is sys.path[0]

from editor.core.storage.recovery import RecoveryStore
from editor.ui.shell.main_window import MainWindow

PARAGRAPH = (
    "The *river* runs past the `stone` of the [valley](https://example.com/v) and"
    " **the mountain** keeps its snow through the summer.\n\n"
)


def huge_post(folder: Path, megabytes: float) -> Path:
    size = int(megabytes * 1_000_000)
    body = (PARAGRAPH * (size // len(PARAGRAPH) + 1))[:size]
    path = folder / "huge.md"
    path.write_text(f"---\ntitle: Huge\ndate: 2026-01-24\n---\n{body}", encoding="utf-8")
    return path


def spin(ms: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=200.0, help="size of the post (200)")
    parser.add_argument("--bursts", type=int, default=4, help="bursts of typing (4)")
    parser.add_argument("--pause", type=int, default=2600, help="pause after each, ms (2600)")
    args = parser.parse_args()
    app = QApplication.instance() or QApplication(["stall-huge"])
    work = Path(tempfile.mkdtemp(prefix="stall-huge-"))
    post = huge_post(work, args.mb)
    settings = QSettings(str(work / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(settings, recovery=RecoveryStore(work / "recovery"))
    window.resize(1400, 900)
    window.show()
    started = time.perf_counter()
    tab = window.open_post(post)
    if tab is None:
        sys.exit(f"could not open {post}")
    print(f"opened {args.mb:g} MB in {time.perf_counter() - started:.1f} s", flush=True)
    spin(3000)  # the first count and the preview's "too large" page settle, untimed
    written: list[object] = []
    assert window.keeper is not None
    window.keeper.snapshotted.connect(written.append)
    editor = tab.editor
    caret_in_the_middle(editor)
    watch = StallWatch()
    watch.start()
    for _ in range(args.bursts):
        for key in "quick brown fox ":
            QTest.keyClicks(editor, key)
            spin(25)
        spin(args.pause)
    stall = watch.stop()
    print(f"longest stall: {stall:.0f} ms; snapshots written: {len(written)}")
    for index in reversed(range(window.tabs.count())):
        window.tabs.widget(index).editor.document().setModified(False)
    window.close()
    app.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main())
