"""Find and replace in the Markdown editor: a bar under the text (Ctrl+F, Ctrl+H).

Ctrl+F shows one compact row (the find box, previous / next, the options, "3 of 12" and a
small close button); Ctrl+H adds the replace row under it. The boxes keep a readable width
however narrow the editor gets. Options: match case, whole words, regular expression.
Replace All is one undo step.
"""

from __future__ import annotations

from PySide6.QtCore import QRegularExpression, Qt
from PySide6.QtGui import QKeySequence, QShortcut, QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

MIN_BOX_WIDTH = 160  # px: below this a typed word can no longer be read
BOX_CHARS = 20  # or this many average characters of the font, when that is wider
MAX_COUNTED = 9999  # matches counted for "3 of 12"; past this the count says "many"


def _tool(text: str, tip: str, name: str, checkable: bool = False) -> QToolButton:
    """A small button of the find row (the row must stay narrow beside the preview)."""
    button = QToolButton(text=text, checkable=checkable, autoRaise=True)
    button.setToolTip(tip)
    button.setAccessibleName(name)
    return button


class FindBar(QWidget):
    """Searches one QPlainTextEdit."""

    def __init__(self, editor: QPlainTextEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.find_edit = QLineEdit(placeholderText="Find")
        self.find_edit.setAccessibleName("Find")
        self.replace_edit = QLineEdit(placeholderText="Replace with")
        self.replace_edit.setAccessibleName("Replace with")
        box_width = max(MIN_BOX_WIDTH, self.fontMetrics().averageCharWidth() * BOX_CHARS)
        for box in (self.find_edit, self.replace_edit):
            box.setMinimumWidth(box_width)
        self.case = _tool("Aa", "Match case (Alt+C)", "Match case", checkable=True)
        self.case.setShortcut(QKeySequence("Alt+C"))
        self.words = _tool("W", "Whole words (Alt+W)", "Whole words", checkable=True)
        self.words.setShortcut(QKeySequence("Alt+W"))
        self.regex = _tool(".*", "Regular expression (Alt+G)", "Regular expression", True)
        self.regex.setShortcut(QKeySequence("Alt+G"))
        self.previous = _tool("↑", "Previous match (Shift+Enter)", "Previous match")
        self.previous.clicked.connect(lambda: self.find(backward=True))
        self.next = _tool("↓", "Next match (Enter)", "Next match")
        self.next.clicked.connect(lambda: self.find())
        self.status = QLabel()
        self.status.setAccessibleName("Matches")
        self.close_button = _tool("×", "Close (Esc)", "Close find bar")
        self.close_button.clicked.connect(self.close_bar)
        find_row = QHBoxLayout()
        for widget in (self.find_edit, self.previous, self.next, self.case, self.words):
            find_row.addWidget(widget)
        find_row.addWidget(self.regex)
        find_row.addWidget(self.status)
        find_row.addStretch(0)
        find_row.addWidget(self.close_button)
        find_row.setStretchFactor(self.find_edit, 1)
        self.replace_button = QPushButton("Replace")
        self.replace_button.clicked.connect(self.replace_one)
        self.replace_all_button = QPushButton("Replace All")
        self.replace_all_button.clicked.connect(self.replace_all)
        # The replace row is its widgets, hidden one by one: an empty row then takes no room.
        self._replace_row = (self.replace_edit, self.replace_button, self.replace_all_button)
        replace_row = QHBoxLayout()
        for widget in self._replace_row:
            replace_row.addWidget(widget)
        replace_row.addStretch(0)
        replace_row.setStretchFactor(self.replace_edit, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.setSpacing(2)
        layout.addLayout(find_row)
        layout.addLayout(replace_row)
        self.find_edit.returnPressed.connect(self.find)
        self.find_edit.textChanged.connect(lambda _: self._count_only())
        for option in (self.case, self.words, self.regex):
            option.toggled.connect(lambda _: self._count_only())
        self.replace_edit.returnPressed.connect(self.replace_one)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.close_bar)
        previous = QShortcut(QKeySequence("Shift+Return"), self.find_edit)
        previous.setContext(Qt.ShortcutContext.WidgetShortcut)
        previous.activated.connect(lambda: self.find(backward=True))
        self.hide()

    def open(self, replace: bool = False) -> None:
        """Show the bar, seeded with the selection: the find row only, or with `replace`
        the replace row as well."""
        selected = self.editor.textCursor().selectedText()
        if selected and "\u2029" not in selected:
            self.find_edit.setText(selected)
        for widget in self._replace_row:
            widget.setVisible(replace)
        self.show()
        self.find_edit.setFocus()
        self.find_edit.selectAll()

    @property
    def replacing(self) -> bool:
        """Whether the replace row is shown."""
        return not self.replace_edit.isHidden()

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
        self.editor.setTextCursor(found)
        self._show_count(found.selectionStart())
        return True

    def _match_starts(self) -> list[int]:
        """Where each match starts, in order; at most MAX_COUNTED + 1 of them."""
        starts: list[int] = []
        found = self._search(QTextCursor(self.editor.document()))
        while not found.isNull() and len(starts) <= MAX_COUNTED:
            starts.append(found.selectionStart())
            if not found.hasSelection():  # an empty match (`$`): step past it
                if found.atEnd():
                    break
                found.movePosition(QTextCursor.MoveOperation.NextCharacter)
            found = self._search(found)
        return starts

    def _show_count(self, current: int | None = None) -> None:
        """ "3 of 12" for the match starting at `current`, else "12 matches"."""
        starts = self._match_starts()
        total = "many" if len(starts) > MAX_COUNTED else str(len(starts))
        if not starts:
            self.status.setText("not found")
        elif current is not None and current in starts:
            self.status.setText(f"{starts.index(current) + 1} of {total}")
        else:
            self.status.setText(f"{total} matches" if total != "1" else "1 match")

    def _count_only(self) -> None:
        """Count again as the text or the options change, without moving the selection."""
        pattern = self._pattern()
        if not self.find_edit.text():
            self.status.setText("")
        elif isinstance(pattern, QRegularExpression) and not pattern.isValid():
            self.status.setText(f"bad pattern: {pattern.errorString()}")
        else:
            self._show_count()

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
