"""An editable list of tokens (a post's tags): one chip per item, and a line to type more.

Enter or a comma turns what was typed into a chip; Backspace in the empty line removes the
last chip; each chip's × removes it. Completion offers the folder's known values (any part
of the name, any case), and an item the list already holds is never added twice. Items keep
the order they were written in, and the values the post holds (a year written as a number,
say) stay as they were: only what the writer types is new text.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from PySide6.QtCore import QEvent, QStringListModel, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import (
    QCompleter,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QWidget,
)

from editor.core.schema import clipped_text
from editor.ui.widgets.flow_layout import FlowLayout

# Palette roles rather than colours, so chips suit the light and the dark theme alike.
_CHIP_STYLE = """
QFrame#tokenList {
    background: palette(base);
    border: 1px solid palette(mid);
    border-radius: 3px;
}
QLineEdit#tokenInput { background: transparent; }
QFrame#tokenChip {
    background: palette(button);
    border: 1px solid palette(mid);
    border-radius: 9px;
}
QToolButton#tokenRemove { border: none; padding: 0 2px; }
QToolButton#tokenRemove:hover { color: palette(highlight); }
"""


def item_text(item: object) -> str:
    """An item as its chip shows it (a YAML date or boolean as written in YAML)."""
    if isinstance(item, bool):
        return "true" if item else "false"
    if isinstance(item, dt.date):
        return item.isoformat()
    if isinstance(item, list | Mapping):  # not a tag (the field's check says so); maybe huge
        return clipped_text(item)
    return str(item)


class TokenInput(QLineEdit):
    """The line at the end of the chips; `backspaceOnEmpty` asks to remove the last chip."""

    backspaceOnEmpty = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Backspace and not self.text() and not event.modifiers():
            self.backspaceOnEmpty.emit()
            return
        super().keyPressEvent(event)


class Chip(QFrame):
    """One item: its text and a × button. `removeRequested` when the × is clicked."""

    removeRequested = Signal()

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tokenChip")
        self.label = QLabel(text)
        self.label.setTextFormat(Qt.TextFormat.PlainText)  # a tag named <b> stays text
        remove = QToolButton(text="×")
        remove.setObjectName("tokenRemove")
        remove.setAutoRaise(True)
        # Out of the tab order: the keyboard removes chips with Backspace in the line, so
        # tabbing through the form never stops at every tag.
        remove.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        remove.setToolTip(f"Remove {text}")
        remove.setAccessibleName(f"Remove {text}")
        remove.clicked.connect(self.removeRequested)
        self.remove_button = remove
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 0, 2, 0)
        row.setSpacing(0)
        row.addWidget(self.label)
        row.addWidget(remove)


class TokenList(QFrame):
    """Chips and an input in a flow. `changed(list)` fires only for the writer's edits."""

    changed = Signal(list)
    _restyling = False  # a re-read of the style sheet is on its way

    def __init__(self, placeholder: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tokenList")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(_CHIP_STYLE)
        self._items: list[object] = []
        self._chips: list[Chip] = []
        self._known: list[str] = []
        self.input = TokenInput(placeholderText=placeholder, frame=False)
        self.input.setObjectName("tokenInput")
        self.input.setMinimumWidth(120)
        self.model = QStringListModel(self)
        self.completer = QCompleter(self.model, self)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.input.setCompleter(self.completer)
        self.completer.activated[str].connect(self._completed)
        self.input.returnPressed.connect(self._enter)
        self.input.textEdited.connect(self._split_at_commas)
        self.input.backspaceOnEmpty.connect(self._remove_last)
        self.flow = FlowLayout(self)
        self.flow.setContentsMargins(3, 3, 3, 3)
        self.flow.addWidget(self.input)
        self.setFocusProxy(self.input)

    def changeEvent(self, event: QEvent) -> None:
        """A new palette (the dark theme) re-reads the style sheet: Qt resolves its
        `palette(base)` once, so the field stayed white in the dark theme."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and not self._restyling:
            # Not from inside the event: a style sheet set there changes the palette again.
            self._restyling = True
            QTimer.singleShot(0, self, self._restyle)  # dropped if the field is gone

    def _restyle(self) -> None:
        self.setStyleSheet("")
        self.setStyleSheet(_CHIP_STYLE)
        self._restyling = False

    def mousePressEvent(self, event: QMouseEvent) -> None:
        """A click between the chips means "type here", as in a line edit."""
        self.input.setFocus(Qt.FocusReason.MouseFocusReason)
        super().mousePressEvent(event)

    # --- values ------------------------------------------------------------------------------

    def items(self) -> list[object]:
        """The items, in order."""
        return list(self._items)

    def set_items(self, items: Sequence[object]) -> None:
        """Show items held by the post (no `changed`)."""
        self._items = list(items)
        self._rebuild()

    def set_known(self, known: Sequence[str]) -> None:
        """The values completion offers (the folder's tags, most used first)."""
        self._known = list(known)
        self._update_completions()

    def add(self, text: str) -> bool:
        """Add a typed item; False when it is empty or already in the list."""
        text = text.strip()
        folded = text.casefold()
        if not text or any(item_text(i).casefold() == folded for i in self._items):
            return False
        # The folder's own spelling of a known tag, so "ai" joins the posts tagged "Ai".
        text = next((k for k in self._known if k.casefold() == folded), text)
        self._items.append(text)
        self._rebuild()
        self.changed.emit(self.items())
        return True

    def remove_at(self, index: int) -> None:
        """Remove the item at `index` (a writer's edit)."""
        del self._items[index]
        self._rebuild()
        self.changed.emit(self.items())

    def commit_pending(self) -> None:
        """Turn text still in the line into an item (before a save, say)."""
        if self.input.text().strip():
            self._commit_input()

    # --- typing ------------------------------------------------------------------------------

    def _enter(self) -> None:
        popup = self.completer.popup()
        if popup.isVisible() and popup.currentIndex().isValid():
            return  # Enter picks the highlighted completion: `activated` follows
        self._commit_input()

    def _completed(self, chosen: str) -> None:
        # The line edit and the completer still set the line's text after this signal;
        # take the choice once they are done, or the typed prefix comes back.
        QTimer.singleShot(0, self, lambda: self._take(chosen))

    def _take(self, chosen: str) -> None:
        self.input.clear()
        self.add(chosen)

    def _commit_input(self) -> None:
        text = self.input.text()
        self.input.clear()
        for part in text.split(","):
            self.add(part)

    def _split_at_commas(self, text: str) -> None:
        """A comma ends an item (typed or pasted); what follows the last one stays typed."""
        if "," not in text:
            return
        *done, rest = text.split(",")
        self.input.setText(rest.lstrip())
        for part in done:
            self.add(part)

    def _remove_last(self) -> None:
        if self._items:
            self.remove_at(len(self._items) - 1)

    def _chip_removed(self, chip: Chip) -> None:
        self.remove_at(self._chips.index(chip))
        self.input.setFocus()

    # --- chips -------------------------------------------------------------------------------

    def _rebuild(self) -> None:
        """One chip per item, in order, before the input."""
        for chip in self._chips:
            self.flow.removeWidget(chip)
            chip.hide()  # deleteLater waits for the event loop; until then it must not show
            chip.deleteLater()
        self._chips = []
        for index, item in enumerate(self._items):
            chip = Chip(item_text(item), self)
            chip.removeRequested.connect(lambda chip=chip: self._chip_removed(chip))
            self.flow.insertWidget(index, chip)
            self._chips.append(chip)
        self._update_completions()
        self.updateGeometry()

    def _update_completions(self) -> None:
        held = {item_text(i).casefold() for i in self._items}
        self.model.setStringList([k for k in self._known if k.casefold() not in held])

    def chip_texts(self) -> list[str]:
        """What the chips say, in order."""
        return [chip.label.text() for chip in self._chips]
