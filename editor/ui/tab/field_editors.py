"""One editor widget per field type (the image field has its own module, image_field.py).
Each shows a value and reports the writer's edits.

An editor emits `edited(value)` only for the writer's own changes, never when the form fills
it, so opening a post can never rewrite it. Text is turned into values by the schema's field
types (`Field.parse`), so the form reads values exactly as the command line does.

A value the build gives the post that it does not write (`set_inherited`: a site's defaults)
shows greyed where the field's own value would be (its placeholder), with a line under it
saying where it comes from; it is only shown, so opening and saving the post writes nothing.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QDateTime, Qt, QTime, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from editor.core.document import parse_date
from editor.core.errors import PostError
from editor.core.schema import Field
from editor.core.site.generators import Inherited
from editor.ui.spelling.spell_checker import LineSpelling, SpellCheck, TextSpelling
from editor.ui.widgets.token_list import TokenList

_NO_DATE = QDate(1752, 9, 14)  # QDateEdit's minimum, shown as blank: "no date yet"


def greyed(label: QLabel) -> QLabel:
    """`label` in the colour of placeholder text, in any theme."""
    label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    return label


def shown_value(value: object) -> str:
    """A value as a greyed line shows it: `true`, `a, b`, `2024-01-02`."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def shown_example(field: Field) -> str:
    """The greyed text of an empty field: the schema's example, after "e.g." so it never looks
    as if the post held it; "" when the schema gives none (see `Field.example`)."""
    return f"e.g. {field.example}" if field.example else ""


class FieldEditor(QWidget):
    """Base: a field's widget, a problem line under it, and the `edited` signal."""

    edited = Signal(object)
    labels_itself = False  # shows the field's name itself: the form adds no label

    def __init__(self, field: Field, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = field
        self._filling = False
        self.problem = QLabel()
        self.problem.setObjectName("fieldProblem")
        self.problem.setStyleSheet("color: #c0392b;")
        self.problem.setWordWrap(True)
        self.problem.hide()
        self.inherited: Inherited | None = None
        self.inherited_note = greyed(QLabel(objectName="inheritedNote", wordWrap=True))
        self.inherited_note.hide()
        self.edited.connect(self._follow_inherited)
        self.box = QVBoxLayout(self)
        self.box.setContentsMargins(0, 0, 0, 0)
        self.box.setSpacing(2)
        # Never taller than needed: spare height in the form goes below the last field.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.setToolTip(field.help)

    def add(self, widget: QWidget) -> None:
        """Put the main widget above the problem line."""
        self.box.addWidget(widget)
        self.box.addWidget(self.inherited_note)
        self.box.addWidget(self.problem)

    def set_value(self, value: object) -> None:
        """Show a value (no `edited` signal)."""
        self._filling = True
        try:
            self._show(value)
        finally:
            self._filling = False

    def _show(self, value: object) -> None:
        raise NotImplementedError

    def set_inherited(self, found: Inherited | None) -> None:
        """Show what the build gives the post under this field's key, the post writing
        none (None: nothing), greyed, and where it comes from."""
        self.inherited = found
        self._show_inherited(shown_value(found.value) if found else "")
        if found is None:
            self.inherited_note.clear()
            self.setToolTip(self.field.help)
        else:
            self.inherited_note.setText(self._inherited_words(found))
            tip = f"{shown_value(found.value)}, from {found.source}, until you type a value"
            self.setToolTip("\n".join(filter(None, [self.field.help, tip])))
        self.inherited_note.setVisible(found is not None)

    def _inherited_words(self, found: Inherited) -> str:
        return f"from {found.source}"

    def _show_inherited(self, text: str) -> None:
        """Show the inherited value greyed in the widget ("": none)."""

    def _follow_inherited(self, value: object) -> None:
        """The writer's value hides where the inherited one came from; emptied, it is back."""
        empty = value is None or value == "" or value == []
        self.inherited_note.setVisible(self.inherited is not None and empty)

    def _emit_text(self, text: str) -> None:
        """Parse typed text by the field's type; a bad entry shows a problem, edits nothing."""
        if self._filling:
            return
        try:
            value = self.field.parse(text)
        except PostError as error:
            self.set_problem(error.message)
            return
        self.set_problem(self.field.kind.check(value))
        self.edited.emit(value)

    def set_problem(self, message: str | None) -> None:
        """Show (or clear) what is wrong with this field."""
        self.problem.setText(message or "")
        self.problem.setVisible(bool(message))

    def set_known(self, known: list[str]) -> None:
        """The folder's values for this field changed (a post saved with a new tag)."""

    def commit_pending(self) -> None:
        """Make text typed but not yet taken (a tag without its Enter) part of the value."""

    def set_spelling(self, spell: SpellCheck) -> None:
        """Underline misspelled words as the writer types; only prose fields do (a title, an
        excerpt), never addresses, pictures, dates or tags."""


class LineEditor(FieldEditor):
    """string, url, number: one line of text."""

    def __init__(self, field: Field, parent: QWidget | None = None) -> None:
        super().__init__(field, parent)
        self.example = shown_example(field)
        self.edit = QLineEdit(placeholderText=self.example)
        self.edit.textEdited.connect(self._emit_text)
        self.add(self.edit)
        self.setFocusProxy(self.edit)
        self.spelling: LineSpelling | None = None

    def _show(self, value: object) -> None:
        self.edit.setText(self.field.to_text(value))

    def _show_inherited(self, text: str) -> None:
        self.edit.setPlaceholderText(text or self.example)

    def set_spelling(self, spell: SpellCheck) -> None:
        if self.field.type == "string" and self.spelling is None:
            self.spelling = LineSpelling(self.edit, spell)


class TextEditor(FieldEditor):
    """text: several lines, with a live count against the field's limit."""

    def __init__(self, field: Field, parent: QWidget | None = None) -> None:
        super().__init__(field, parent)
        self.example = shown_example(field)
        self.edit = QPlainTextEdit(placeholderText=self.example)
        self.edit.setTabChangesFocus(True)
        self.edit.setFixedHeight(self.edit.fontMetrics().lineSpacing() * 3 + 12)
        # Fixed, not just a fixed height: an Expanding box made the form give this row all
        # its spare height, an empty gap under the count.
        self.edit.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.count = QLabel()
        self.count.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.edit.textChanged.connect(self._changed)
        self.add(self.edit)
        self.box.insertWidget(1, self.count)
        self.setFocusProxy(self.edit)
        self.spelling: TextSpelling | None = None

    def _show(self, value: object) -> None:
        self.edit.setPlainText(self.field.to_text(value))

    def _show_inherited(self, text: str) -> None:
        self.edit.setPlaceholderText(text or self.example)

    def set_spelling(self, spell: SpellCheck) -> None:
        if self.spelling is None:
            self.spelling = TextSpelling(self.edit, spell)

    def _changed(self) -> None:
        text = self.edit.toPlainText()
        limit = self.field.max
        self.count.setText(f"{len(text)} / {limit}" if limit else str(len(text)))
        over = limit is not None and len(text) > limit
        self.count.setStyleSheet("color: #c0392b;" if over else "")
        self._emit_text(text)


class DateEditor(FieldEditor):
    """date, datetime: a calendar picker; the post keeps its own date spelling on save."""

    def __init__(self, field: Field, parent: QWidget | None = None) -> None:
        super().__init__(field, parent)
        self.with_time = field.type == "datetime"
        self.edit = QDateTimeEdit() if self.with_time else QDateEdit()
        self.edit.setCalendarPopup(True)
        self.edit.setMinimumDate(_NO_DATE)
        self.edit.setSpecialValueText(" ")  # or the date the post inherits, greyed
        self.edit.setDisplayFormat("yyyy-MM-dd HH:mm" if self.with_time else "yyyy-MM-dd")
        self.edit.dateTimeChanged.connect(self._changed)
        self._tz: dt.tzinfo | None = None
        # The time a day-only field's value already had (a Jekyll `10:21:00 +0100`): picking
        # another day must not reset it to midnight.
        self._kept_time: dt.time | None = None
        self.add(self.edit)
        self.setFocusProxy(self.edit)

    def _show(self, value: object) -> None:
        try:
            parsed = parse_date(value) if value not in (None, "") else None
        except PostError as error:
            self.set_problem(error.message)
            parsed = None
        if parsed is None:
            self.edit.setDate(_NO_DATE)
            return
        self._tz = parsed.tzinfo if isinstance(parsed, dt.datetime) else None
        self._kept_time = parsed.timetz() if isinstance(parsed, dt.datetime) else None
        date = QDate(parsed.year, parsed.month, parsed.day)
        if isinstance(parsed, dt.datetime):
            time = QTime(parsed.hour, parsed.minute, parsed.second)
            self.edit.setDateTime(QDateTime(date, time))
        else:
            self.edit.setDate(date)

    def _show_inherited(self, text: str) -> None:
        self.edit.setSpecialValueText(text or " ")

    def _changed(self) -> None:
        if self._filling:
            return
        qdate = self.edit.date()
        if qdate == _NO_DATE:
            self.edited.emit(None)
            return
        day = dt.date(qdate.year(), qdate.month(), qdate.day())
        if self.with_time:
            qtime = self.edit.time()
            value = dt.datetime.combine(day, dt.time(qtime.hour(), qtime.minute(), qtime.second()))
            self.edited.emit(value.replace(tzinfo=self._tz))
        elif self._kept_time is not None:
            self.edited.emit(dt.datetime.combine(day, self._kept_time))
        else:
            self.edited.emit(day)
        self.set_problem(None)


class ListEditor(FieldEditor):
    """list (tags): a chip per item and a line to type more, completing from the folder."""

    def __init__(self, field: Field, known: list[str], parent: QWidget | None = None) -> None:
        super().__init__(field, parent)
        self.example = f"Add {field.label.lower()}…"
        self.tokens = TokenList(placeholder=self.example)
        self.tokens.set_known(known)
        self.tokens.changed.connect(self._changed)
        self.edit = self.tokens.input  # where the writer types, the label's buddy
        self.completer = self.tokens.completer
        self.add(self.tokens)
        self.setFocusProxy(self.edit)

    def _show(self, value: object) -> None:
        if value is None:
            items: list[object] = []
        elif isinstance(value, list):
            items = value
        else:  # a single value where a list belongs: one chip, and the problem says so
            items = [value]
        self.tokens.set_items(items)

    def _show_inherited(self, text: str) -> None:
        self.edit.setPlaceholderText(text or self.example)

    def _changed(self, items: list[object]) -> None:
        if self._filling:
            return
        self.set_problem(self.field.kind.check(items))
        self.edited.emit(items)

    def set_known(self, known: list[str]) -> None:
        self.tokens.set_known(known)

    def commit_pending(self) -> None:
        self.tokens.commit_pending()


class SelectEditor(FieldEditor):
    """select (category): an editable list of the field's choices and the folder's values."""

    def __init__(self, field: Field, known: list[str], parent: QWidget | None = None) -> None:
        super().__init__(field, parent)
        self.combo = QComboBox()
        self.combo.setEditable(True)
        self.combo.addItems([str(c) for c in field.choices] or known)
        self.combo.setCurrentIndex(-1)
        self.combo.lineEdit().textEdited.connect(self._emit_text)
        self.combo.activated.connect(lambda _: self._emit_text(self.combo.currentText()))
        self.add(self.combo)
        self.setFocusProxy(self.combo)

    def _show(self, value: object) -> None:
        self._show_text(self.field.to_text(value))

    def _show_inherited(self, text: str) -> None:
        self.combo.lineEdit().setPlaceholderText(text)

    def _show_text(self, text: str) -> None:
        # The item of that name becomes current: else QComboBox, when the field loses the
        # focus, "activates" the matching item and the form would report an edit.
        self.combo.setCurrentIndex(self.combo.findText(text))
        self.combo.setEditText(text)

    def set_known(self, known: list[str]) -> None:
        if self.field.choices:
            return  # the schema's choices are the list, whatever posts hold
        items = [self.combo.itemText(i) for i in range(self.combo.count())]
        if items == known:
            return
        # Rebuilding the list must not touch what the writer is typing (nor emit an edit).
        line = self.combo.lineEdit()
        text, at = line.text(), line.cursorPosition()
        self.combo.blockSignals(True)
        try:
            self.combo.clear()
            self.combo.addItems(known)
            self._show_text(text)
            line.setCursorPosition(at)
        finally:
            self.combo.blockSignals(False)


class BoolEditor(FieldEditor):
    """boolean: a checkbox carrying the field's name, so clicking the words toggles it."""

    labels_itself = True

    def __init__(self, field: Field, parent: QWidget | None = None) -> None:
        super().__init__(field, parent)
        self.check = QCheckBox(f"{field.label}{' *' if field.required else ''}")
        self.check.setToolTip(field.help)
        self.check.toggled.connect(lambda on: None if self._filling else self.edited.emit(on))
        self.add(self.check)
        self.setFocusProxy(self.check)

    def _show(self, value: object) -> None:
        self.check.setChecked(value is True)

    def _inherited_words(self, found: Inherited) -> str:
        return f"{'On' if found.value is True else 'Off'}, from {found.source}"
