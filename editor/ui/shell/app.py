"""Start the window: the QApplication, the settings, the folder to open, `--screenshot`."""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from importlib.resources import as_file, files
from pathlib import Path

from platformdirs import user_data_path
from PySide6.QtCore import QEventLoop, QSettings, QTimer
from PySide6.QtWidgets import QApplication

from editor.core.storage import RecoveryStore
from editor.ui.settings import GEOMETRY, THEME, Settings
from editor.ui.shell.about import set_identity
from editor.ui.shell.main_window import MainWindow
from editor.ui.widgets.theme import apply_theme

APP_NAME = "post-editor"


def sample_folder() -> Path:
    """The bundled sample posts, copied to the user's data folder on first use (the copy is
    what the writer edits; the installed package is never written to)."""
    target = user_data_path(APP_NAME) / "sample"
    if not target.exists():
        with as_file(files("editor") / "resources" / "sample") as source:
            shutil.copytree(source, target)
    return target


def settings() -> QSettings:
    """Where the window keeps its settings (declared in editor/ui/settings.py)."""
    return QSettings(APP_NAME, "Post Editor")


def recovery_store() -> RecoveryStore:
    """Where unsaved changes are kept until saved or discarded: the user's data folder."""
    return RecoveryStore(user_data_path(APP_NAME) / "recovery")


def personal_dictionary() -> Path:
    """The words the writer added to the spelling, one a line: the user's data folder."""
    return user_data_path(APP_NAME) / "dictionary.txt"


def _wait_for(signal: object, timeout_ms: int) -> None:
    loop = QEventLoop()
    signal.connect(loop.quit)  # type: ignore[attr-defined]
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()


def scratch_settings(source: QSettings, folder: Path) -> QSettings:
    """A copy of `source` kept in `folder`: what a run reads as the writer left it, and
    whatever it changes (the recent folders, say) gone with the folder."""
    copy = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    for key in source.allKeys():
        copy.setValue(key, source.value(key))
    return copy


def run(path: Path | None, screenshot: Path | None = None) -> int:
    """Open the window on `path` (or the last folder, or the sample); returns the exit code.
    A screenshot is not a writing session: it reads the settings and leaves them as they
    were, and keeps no recovery copies and offers none."""
    if screenshot is None:
        return _run(path, None, settings())
    with tempfile.TemporaryDirectory(prefix="post-editor-") as scratch:
        return _run(path, screenshot, scratch_settings(settings(), Path(scratch)))


def _run(path: Path | None, screenshot: Path | None, store: QSettings) -> int:
    if screenshot is not None or not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    ):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else APP_NAME])
    set_identity(app)
    apply_theme(app, Settings(store).get(THEME))
    window = MainWindow(
        store,
        recovery=None if screenshot is not None else recovery_store(),
        dictionary=personal_dictionary(),
    )
    if path is not None and not path.exists():
        print(f"post-editor: {path}: no such file or folder", file=sys.stderr)
        return 2
    recent = window.recent_folders()
    target = path or next((Path(f) for f in recent if Path(f).is_dir()), None) or sample_folder()
    if screenshot is not None:
        return _screenshot(app, window, target, screenshot)
    room = window.screen().availableSize()
    if not Settings(store).get(GEOMETRY) and (room.width() < 1400 or room.height() < 900):
        window.showMaximized()  # a small screen, first run: all of it, the frame inside it
    else:
        window.show()
    window.open_path(target)
    QTimer.singleShot(0, window.offer_recovery)  # once the window is on screen
    return app.exec()


def _screenshot(app: QApplication, window: MainWindow, target: Path, out: Path) -> int:
    """Open `target`, its first post selected and open, and write the window as a PNG."""
    window.resize(1400, 900)
    window.show()
    window.open_path(target)
    _wait_for(window.folderLoaded, 30_000)
    if window.current_tab() is None and window.panel.visible_entries():
        window.panel.table.selectRow(0)
        window.open_entry(window.panel.visible_entries()[0])
    tab = window.current_tab()
    if tab is not None and not tab.preview_ready:
        _wait_for(tab.previewShown, 10_000)
    if window.problems.isVisible() and window.problems.checker.busy:
        _wait_for(window.problems.updated, 10_000)
    app.processEvents()
    ok = window.grab().save(str(out), "PNG")
    for tab in window.document_tabs():
        tab.editor.document().setModified(False)
    window.renders.shutdown()
    if not ok:
        print(f"post-editor: could not write {out}", file=sys.stderr)
        return 2
    print(out)
    return 0
