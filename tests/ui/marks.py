"""What the spelling marks look like on screen, for the spelling tests (not a test module)."""

from __future__ import annotations

from PySide6.QtGui import QTextCharFormat
from PySide6.QtWidgets import QPlainTextEdit

WAVY = QTextCharFormat.UnderlineStyle.SpellCheckUnderline


def underlined(edit: QPlainTextEdit) -> list[str]:
    """The words drawn with a wavy underline, top to bottom."""
    words, block = [], edit.document().firstBlock()
    while block.isValid():
        for part in block.layout().formats():
            if part.format.underlineStyle() == WAVY:
                words.append(block.text()[part.start : part.start + part.length])
        block = block.next()
    return words
