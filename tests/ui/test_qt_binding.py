"""The Qt binding itself: faults in it that would take the app down, caught before a writer."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QPlainTextEdit


def test_calling_qt_keeps_none_alive(qtbot):
    # PySide6 6.12.0 dropped a reference to None on each void call; on Python 3.11 that ends
    # in "Fatal Python error: none_dealloc" after a few thousand edits (pyproject pins it).
    editor = QPlainTextEdit()
    qtbot.addWidget(editor)
    before = sys.getrefcount(None)
    for _ in range(2_000):
        editor.setObjectName("x")
        editor.document().setModified(False)
    assert sys.getrefcount(None) >= before - 100
