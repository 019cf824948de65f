"""Find and replace in the Markdown editor: a bar under the text (Ctrl+F, Ctrl+H).

Options: match case, whole words, regular expression. Replace All is one undo step.
"""

from __future__ import annotations

from PySide6.QtCore import QRegularExpression, Qt
from PySide6.QtGui import QKeySequence, QShortcut, QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)


class FindBar(QWidget):
    """Searches one QPlainTextEdit."""

    def __init__(self, editor: QPlainTextEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.find_edit = QLineEdit(placeholderText="Find")
        self.replace_edit = QLineEdit(placeholderText="Replace with")
        self.case = QCheckBox("&Case")
        self.words = QCheckBox("&Words")
        self.regex = QCheckBox("Re&gex")
        self.status = QLabel()
        buttons = [
            ("Previous", lambda: self.find(backward=True)),
            ("Next", self.find),
            ("Replace", self.replace_one),
            ("Replace All", self.replace_all),
        ]
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        for widget in (self.find_edit, self.replace_edit, self.case, self.words, self.regex):
            layout.addWidget(widget)
        for text, slot in buttons:
            button = QPushButton(text)
            button.clicked.connect(slot)
            layout.addWidget(button)
        layout.addWidget(self.status)
        close = QPushButton("✕")
        close.setToolTip("Close (Esc)")
        close.clicked.connect(self.hide)
        layout.addWidget(close)
        self.find_edit.returnPressed.connect(self.find)
        self.replace_edit.returnPressed.connect(self.replace_one)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.close_bar)
        self.hide()

    def open(self, replace: bool = False) -> None:
        """Show the bar, seeded with the selection."""
        selected = self.editor.textCursor().selectedText()
        if selected and "\u2029" not in selected:
            self.find_edit.setText(selected)
        self.replace_edit.setVisible(replace)
        self.show()
        self.find_edit.setFocus()
        self.find_edit.selectAll()

    def close_bar(self) -> None:
        """Hide the bar and give the text back the focus."""
        self.hide()
        self.editor.setFocus()

    def _flags(self, backward: bool = False) -> QTextDocument.FindFlag:
        flags = QTextDocument.FindFlag(0)
        if self.case.isChecked():
            flags |= QTextDocument.FindFlag.FindCaseSensitively
        if self.words.isChecked():
            flags |= QTextDocument.FindFlag.FindWholeWords
        if backward:
            flags |= QTextDocument.FindFlag.FindBackward
        return flags

    def _pattern(self) -> str | QRegularExpression:
        text = self.find_edit.text()
        if not self.regex.isChecked():
            return text
        options = QRegularExpression.PatternOption.NoPatternOption
        if not self.case.isChecked():
            options = QRegularExpression.PatternOption.CaseInsensitiveOption
        return QRegularExpression(text, options)

    def _search(self, start: QTextCursor, backward: bool = False) -> QTextCursor:
        pattern = self._pattern()
        if isinstance(pattern, QRegularExpression) and not pattern.isValid():
            self.status.setText(f"bad pattern: {pattern.errorString()}")
            return QTextCursor()
        return self.editor.document().find(pattern, start, self._flags(backward))

    def find(self, backward: bool = False) -> bool:
        """Select the next (or previous) match, wrapping around; False when there is none."""
        if not self.find_edit.text():
            return False
        pattern = self._pattern()
        if isinstance(pattern, QRegularExpression) and not pattern.isValid():
            self.status.setText(f"bad pattern: {pattern.errorString()}")
            return False
        found = self._search(self.editor.textCursor(), backward)
        if found.isNull():  # wrap around
            edge = QTextCursor(self.editor.document())
            if backward:
                edge.movePosition(QTextCursor.MoveOperation.End)
            found = self._search(edge, backward)
        if found.isNull():
            self.status.setText("not found")
            return False
        self.status.setText("")
        self.editor.setTextCursor(found)
        return True

    def _replacement(self, cursor: QTextCursor) -> str:
        pattern = self._pattern()
        if isinstance(pattern, QRegularExpression):
            block = cursor.block()
            match = pattern.match(block.text(), cursor.selectionStart() - block.position())
            text = self.replace_edit.text()
            for group in range(pattern.captureCount(), -1, -1):
                text = text.replace(f"\\{group}", match.captured(group))
            return text
        return self.replace_edit.text()

    def replace_one(self) -> None:
        """Replace the selected match and find the next."""
        cursor = self.editor.textCursor()
        if self._is_match(cursor):
            cursor.insertText(self._replacement(cursor))
        self.find()

    def _is_match(self, cursor: QTextCursor) -> bool:
        """Whether the selection is exactly a match (so Replace never replaces other text)."""
        if not cursor.hasSelection():
            return False
        start = QTextCursor(self.editor.document())
        start.setPosition(cursor.selectionStart())
        found = self._search(start)
        return (found.selectionStart(), found.selectionEnd()) == (
            cursor.selectionStart(),
            cursor.selectionEnd(),
        )

    def replace_all(self) -> int:
        """Replace every match in one undo step; returns how many."""
        count = 0
        cursor = QTextCursor(self.editor.document())
        cursor.beginEditBlock()
        found = self._search(cursor)
        while not found.isNull():
            text = self._replacement(found)
            empty = not found.hasSelection()
            found.insertText(text)
            count += 1
            if not self.find_edit.text():
                break
            if empty:
                if found.atEnd():
                    break
                found.movePosition(QTextCursor.MoveOperation.NextCharacter)
            found = self._search(found)
        cursor.endEditBlock()
        self.status.setText(f"{count} replaced")
        return count
