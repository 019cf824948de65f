"""A window in a process of its own, to be killed: `test_recovery.py` runs this file.

    python crashwindow.py FOLDER RECOVERY SETTINGS POST TEXT

It opens the window offscreen on FOLDER with its recovery snapshots in RECOVERY, opens POST,
types TEXT at the end of the first body line, waits for the snapshot, prints "snapshotted",
then "open elsewhere" or "alone" (whether its tab says another window has the post open), and
then waits to be killed, as a window would sit with unsaved work when the machine goes down.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ["QT_QPA_PLATFORM"] = "offscreen"

from PySide6.QtCore import QEventLoop, QSettings, QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from editor.core.storage.recovery import RecoveryStore
from editor.ui.jobs.render_service import RenderService
from editor.ui.shell.main_window import MainWindow


class Silent:
    """Answers nothing: no question may come up while the window is scripted."""

    def __getattr__(self, name: str) -> object:
        def fail(*args: object) -> None:
            print(f"unexpected question: {name}{args}", file=sys.stderr)
            os._exit(3)

        return fail


def wait_for(signal: object, timeout_ms: int = 10_000) -> None:
    loop = QEventLoop()
    signal.connect(loop.quit)  # type: ignore[attr-defined]
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()


def main() -> None:
    folder, recovery, settings, post, text = sys.argv[1:6]
    app = QApplication([])
    window = MainWindow(
        QSettings(settings, QSettings.Format.IniFormat),
        RenderService(use_process=False),
        Silent(),  # type: ignore[arg-type]
        RecoveryStore(Path(recovery)),
    )
    assert window.keeper is not None
    window.keeper.delay_ms = 100  # the app waits 2 s; the test need not
    window.show()
    window.open_folder(Path(folder))
    wait_for(window.folderLoaded)
    tab = window.open_post(Path(folder) / post)
    assert tab is not None
    cursor = QTextCursor(tab.editor.document().findBlockByNumber(0))
    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
    tab.editor.setTextCursor(cursor)
    QTest.keyClicks(tab.editor, text)
    wait_for(window.keeper.snapshotted)
    print("snapshotted", flush=True)
    print("alone" if tab.elsewhere_bar.isHidden() else "open elsewhere", flush=True)
    app.exec()  # until killed


if __name__ == "__main__":
    main()
