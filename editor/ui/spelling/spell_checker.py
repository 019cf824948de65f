"""The window's one spell checker, shared by every editor and text field, and its menus.

`SpellCheck` holds the `Speller` (editor/core/spelling.py) for the language in use. A
language's word list takes a tenth of a second or more to load, so it loads on a `LatestJob`,
and only once a text to check is shown (`want`): the window starts without it. Until
it arrives nothing is marked; then `changed` tells every editor and field to mark again, as it
does after a word is added or ignored, the language switched, or checking turned off.

`LineSpelling` and `TextSpelling` attach marks and the right-click menu to a form's
QLineEdit and QPlainTextEdit. The Markdown editor marks through its own highlighter (a
document has one), and shares the menu through `text_edit_menu`.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QPoint, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QInputMethodEvent,
    QSyntaxHighlighter,
    QTextBlock,
    QTextCharFormat,
    QTextCursor,
    QTextFormat,
)
from PySide6.QtWidgets import QLineEdit, QMenu, QPlainTextEdit

from editor.core.errors import PostError
from editor.core.spelling import Speller, to_utf16
from editor.ui.jobs import LatestJob

MAX_SUGGESTIONS = 6
Marks = list[tuple[int, int]]  # (start, length) in UTF-16 units, as Qt counts


def underline_format(dark: bool = False) -> QTextCharFormat:
    """The red wavy line under a misspelled word."""
    fmt = QTextCharFormat()
    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SpellCheckUnderline)
    fmt.setUnderlineColor(QColor("#ff6b6b" if dark else "#d32f2f"))
    return fmt


class SpellCheck(QObject):
    """One language's Speller for the whole window, loaded off the UI thread on demand.

    `changed()`: marks must be made again everywhere. `failed(message)`: a language without a
    dictionary, or a personal dictionary that cannot be read or written. `added(word)`: the
    writer added a word to the personal dictionary (other languages' checks `learn` it).
    `personal` is the personal dictionary file (None: added words last for the session).
    """

    changed = Signal()
    failed = Signal(str)
    added = Signal(str)

    def __init__(self, personal: Path | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.personal = personal
        self.language = "en"
        self.enabled = True
        self._speller: Speller | None = None
        self._ignored: list[str] = []  # kept across a change of language
        self._wanted = False
        self._loading = False  # a load of this language is asked for
        self._broken = False  # this language failed to load: not again until it changes
        self._job = LatestJob(self)  # only the newest load's Speller is taken
        self._job.done.connect(self._arrived)
        self._job.failed.connect(lambda message: self._arrived((None, message)))

    @property
    def speller(self) -> Speller | None:
        """The Speller to mark with; None while checking is off or the words are loading."""
        return self._speller if self.enabled else None

    def configure(self, language: str, enabled: bool) -> None:
        """Check in `language` (a code such as "en" or "fr-CA"), or not at all."""
        if (language, enabled) == (self.language, self.enabled):
            return
        if language != self.language:
            self.language, self._speller, self._broken = language, None, False
            self._loading = False
            self._job.cancel()  # a load of the old language is dropped when it arrives
        self.enabled = enabled
        self._load_if_needed()
        self.changed.emit()

    def want(self) -> None:
        """A text to check is shown: load the words if they are not loaded yet."""
        self._wanted = True
        self._load_if_needed()

    def _load_if_needed(self) -> None:
        if not (self._wanted and self.enabled) or self._speller or self._loading or self._broken:
            return
        self._loading = True
        language, personal = self.language, self.personal
        self._job.request(lambda: load_speller(language, personal))

    def _arrived(self, loaded: tuple[Speller | None, str]) -> None:
        speller, problem = loaded
        self._loading = False
        if problem:
            self.failed.emit(f"Spelling: {problem}")
        if speller is None:
            self._broken = True
            return
        for word in self._ignored:
            speller.ignore(word)
        self._speller = speller
        self.changed.emit()

    def add(self, word: str) -> None:
        """Add `word` to the personal dictionary (written at once); every mark is redone."""
        if self._speller is None:
            return
        try:
            self._speller.add(word)
        except PostError as error:
            self.failed.emit(f"Spelling: {error}")
            return
        self.added.emit(word)
        self.changed.emit()

    def learn(self, word: str) -> None:
        """A word added to the personal dictionary by another check passes here too (the
        file has it already: nothing is written twice)."""
        if self._speller is not None:
            with contextlib.suppress(PostError):
                self._speller.add(word)
            self.changed.emit()

    def ignore(self, word: str) -> None:
        """Let `word` pass until the window closes."""
        self._ignored.append(word)
        if self._speller is not None:
            self._speller.ignore(word)
        self.changed.emit()

    def fill_menu(self, menu: QMenu, word: str, replace: Callable[[str], None]) -> None:
        """Put the suggestions for `word`, "Add to Dictionary" and "Ignore" at the top of
        `menu`; choosing a suggestion calls `replace(suggestion)`."""
        speller = self.speller
        if speller is None:
            return
        entries: list[QAction] = []
        for suggestion in speller.suggestions(word, MAX_SUGGESTIONS):
            action = QAction(suggestion, menu)
            font = action.font()
            font.setBold(True)
            action.setFont(font)
            action.triggered.connect(lambda _=False, s=suggestion: replace(s))
            entries.append(action)
        if not entries:
            none = QAction("No Suggestions", menu)
            none.setEnabled(False)
            entries.append(none)
        add = QAction("Add to Dictionary", menu)
        add.triggered.connect(lambda: self.add(word))
        ignore = QAction("Ignore", menu)
        ignore.triggered.connect(lambda: self.ignore(word))
        before = menu.actions()[0] if menu.actions() else None
        menu.insertActions(before, entries)  # type: ignore[arg-type]
        separator = QAction(menu)
        separator.setSeparator(True)
        menu.insertActions(before, [separator, add, ignore])  # type: ignore[arg-type]
        if before is not None:
            menu.insertSeparator(before)


def load_speller(language: str, personal: Path | None) -> tuple[Speller | None, str]:
    """On a worker: the Speller for `language`, and the problem met loading it ("" if none).
    An unreadable personal dictionary must not stop checking altogether."""
    try:
        return Speller(language, personal), ""
    except PostError as error:
        if personal is None or error.path != personal:
            return None, str(error)
        with contextlib.suppress(PostError):
            return Speller(language), str(error)
        return None, str(error)


def rehighlight_quietly(highlighter: QSyntaxHighlighter, block: QTextBlock | None = None) -> None:
    """Make the marks of the whole text (or of `block`) again, without the document saying
    its contents changed, as Qt's rehighlight does: new marks are no edit, and whatever
    follows `textChanged` (the form's fields, the preview, recovery) must not take them for one.
    """
    document = highlighter.document()
    blocked = document.blockSignals(True)
    try:
        if block is None:
            highlighter.rehighlight()
        else:
            highlighter.rehighlightBlock(block)
    finally:
        document.blockSignals(blocked)


def span_at(marks: Marks, position: int) -> tuple[int, int] | None:
    """The mark that holds `position` (its end included: a click just after a word)."""
    return next(((s, n) for s, n in marks if s <= position <= s + n), None)


def utf16_slice(text: str, start: int, length: int) -> str:
    """`text`'s characters from `start` for `length`, counted in UTF-16 units as Qt does."""
    units = text.encode("utf-16-le")
    return units[2 * start : 2 * (start + length)].decode("utf-16-le")


def text_edit_menu(
    edit: QPlainTextEdit,
    spell: SpellCheck | None,
    marks: Callable[[QTextBlock], Marks],
    pos: QPoint,
) -> QMenu:
    """`edit`'s standard context menu for a right-click at `pos`; on a misspelled word,
    with suggestions (a choice replaces the word in one undo step), Add and Ignore."""
    menu = edit.createStandardContextMenu(pos)
    if spell is None or spell.speller is None:
        return menu
    clicked = edit.cursorForPosition(pos)
    block = clicked.block()
    span = span_at(marks(block), clicked.positionInBlock())
    if span is None:
        return menu
    word = QTextCursor(block)
    word.setPosition(block.position() + span[0])
    word.setPosition(block.position() + span[0] + span[1], QTextCursor.MoveMode.KeepAnchor)

    def replace(suggestion: str) -> None:
        word.beginEditBlock()
        word.insertText(suggestion)
        word.endEditBlock()

    spell.fill_menu(menu, word.selectedText(), replace)
    return menu


class TextSpelling(QSyntaxHighlighter):
    """Marks in a form's several-line text field (an excerpt), and its right-click menu."""

    def __init__(self, edit: QPlainTextEdit, spell: SpellCheck) -> None:
        super().__init__(edit.document())
        self.edit = edit
        self.spell = spell
        self.underline = underline_format()
        spell.changed.connect(self.remark)
        edit.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        edit.customContextMenuRequested.connect(self._show_menu)
        spell.want()
        # Now, and quietly: this also cancels the rehighlight Qt schedules for a document
        # that has text, which would tell the form the excerpt was edited.
        rehighlight_quietly(self)

    def remark(self) -> None:
        """Make every mark again (the Speller changed)."""
        rehighlight_quietly(self)

    def marks(self, block: QTextBlock) -> Marks:
        """The misspelled words of one line."""
        speller = self.spell.speller
        text = block.text()
        return to_utf16(text, speller.misspelled(text)) if speller and text else []

    def highlightBlock(self, text: str) -> None:
        for start, length in self.marks(self.currentBlock()):
            self.setFormat(start, length, self.underline)

    def menu(self, pos: QPoint) -> QMenu:
        """The context menu for a right-click at `pos` (in the field's viewport)."""
        return text_edit_menu(self.edit, self.spell, self.marks, pos)

    def _show_menu(self, pos: QPoint) -> None:
        menu = self.menu(pos)
        menu.exec(self.edit.viewport().mapToGlobal(pos))
        menu.deleteLater()


class LineSpelling(QObject):
    """Marks in a form's one-line field (a title), and its right-click menu.

    A QLineEdit has no character formats of its own, but its text layout takes formats from
    an input-method event (the way an input method underlines text being composed). An event
    with no text to insert sets just the formats, so the line draws the same wavy underline
    as the editor, scrolls with the text, and keeps its undo history and signals.
    """

    def __init__(self, edit: QLineEdit, spell: SpellCheck) -> None:
        super().__init__(edit)
        self.edit = edit
        self.spell = spell
        self.marks: Marks = []
        self._format = QTextFormat(underline_format())
        edit.textChanged.connect(self.mark)
        spell.changed.connect(self.mark)
        edit.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        edit.customContextMenuRequested.connect(self._show_menu)
        spell.want()
        self.mark()

    def mark(self) -> None:
        """Underline the misspelled words of the text as it is now."""
        speller = self.spell.speller
        text = self.edit.text()
        marks = to_utf16(text, speller.misspelled(text)) if speller and text else []
        if not marks and not self.marks:
            return  # nothing drawn, nothing to draw: no event
        self.marks = marks
        # The event's positions count from the cursor.
        at = self.edit.cursorPosition()
        kind = QInputMethodEvent.AttributeType.TextFormat
        attributes = [QInputMethodEvent.Attribute(kind, s - at, n, self._format) for s, n in marks]
        QCoreApplication.sendEvent(self.edit, QInputMethodEvent("", attributes))

    def menu(self, pos: QPoint) -> QMenu:
        """The context menu for a right-click at `pos` (in the field)."""
        menu = self.edit.createStandardContextMenu()
        span = span_at(self.marks, self.edit.cursorPositionAt(pos))
        if span is None or self.spell.speller is None:
            return menu
        start, length = span

        def replace(suggestion: str) -> None:
            # As if typed: one undo step, and the form hears of it (insert emits textEdited).
            self.edit.setSelection(start, length)
            self.edit.insert(suggestion)

        self.spell.fill_menu(menu, utf16_slice(self.edit.text(), start, length), replace)
        return menu

    def _show_menu(self, pos: QPoint) -> None:
        menu = self.menu(pos)
        menu.exec(self.edit.mapToGlobal(pos))
        menu.deleteLater()
