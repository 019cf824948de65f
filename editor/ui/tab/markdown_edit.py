"""The Markdown editor: a QPlainTextEdit with highlighting, formatting commands, list
continuation, word counts, and pictures dropped or pasted in.

A picture file dropped or pasted (or a screenshot pasted) is copied into the site's media folder
by the tab's `MediaImporter` and named by an `![alt](link)`; any other drop or paste is Qt's
own (text is inserted; a post file dropped goes on to the window, which opens it).

Each command is one undo step. Commands work on the selection (or the word or line under the
cursor) and leave the text selected or the cursor placed where the writer goes on typing.

A post's final line break shows as an empty last line, and text typed there would end the
file without one. As vim's 'fixendofline' and GtkSourceView's implicit trailing newline do,
the break stays (`text_to_save`) unless the writer deletes that break itself (Backspace at
the end, or Delete before it).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QMimeData, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import (
    QContextMenuEvent,
    QFont,
    QKeyEvent,
    QResizeEvent,
    QTextBlock,
    QTextCursor,
    QTextOption,
)
from PySide6.QtWidgets import QMenu, QPlainTextEdit, QWidget

from editor.core.document import QUOTE_MARKER, read_line, reading_minutes
from editor.core.document.markdown_lines import Kind
from editor.ui.spelling.spell_checker import text_edit_menu
from editor.ui.tab.highlighter import MarkdownHighlighter
from editor.ui.tab.media_drop import MediaImporter, has_picture, markdown_images
from editor.ui.tab.word_tally import WordTally


class MarkdownEdit(QPlainTextEdit):
    """The body editor. `statsChanged(words, minutes)` follows the text."""

    statsChanged = Signal(int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("markdownEdit")
        self._column: int | None = None  # focus mode's column width, in characters
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.setTabChangesFocus(False)
        self.highlighter = MarkdownHighlighter(self.document())
        self.highlighter.visible = self.visible_blocks
        # The tally follows each change line by line; the count is announced after a pause,
        # as the preview is, so the status bar does not flicker with each keystroke.
        self.tally = WordTally(self.document(), self)
        self.tally.counted.connect(self.count_words)
        self._count_timer = QTimer(self, singleShot=True, interval=300)
        self._count_timer.timeout.connect(self.count_words)
        self.textChanged.connect(self._count_timer.start)
        self.media: MediaImporter | None = None  # set by the tab: where pictures go
        self._final_break = False  # whether the text a save writes ends with a line break
        self._ends_with_break = False  # whether the document did, before the last change
        self.document().contentsChange.connect(self._follow_final_break)

    # --- the final line break ---------------------------------------------------------------

    def setPlainText(self, text: str) -> None:
        """Show `text` (a post opened or reloaded): its final line break is its own."""
        super().setPlainText(text)
        self.tally.reset(text)
        self._final_break = self._ends_with_break = self._document_ends_with_break()

    def text_to_save(self) -> str:
        """The text as a save writes it: with the final line break it was opened with (or
        typed), unless the writer deleted that break."""
        text = self.toPlainText()
        return text + "\n" if self._final_break and text and text[-1] != "\n" else text

    def _document_ends_with_break(self) -> bool:
        doc = self.document()  # a text ending in "\n" ends in an empty block
        return doc.blockCount() > 1 and doc.lastBlock().length() == 1

    def _follow_final_break(self, position: int, removed: int, added: int) -> None:
        ends = self._document_ends_with_break()
        if ends:
            self._final_break = True
        elif (
            self._ends_with_break
            and (removed, added) == (1, 0)
            and position == self.document().characterCount() - 1
        ):
            # That one character was the final break itself: deleted on purpose. Text
            # typed after it, or a last line deleted with the break before it, keep it.
            self._final_break = False
        self._ends_with_break = ends

    # --- pictures dropped or pasted ----------------------------------------------------------

    def canInsertFromMimeData(self, source: QMimeData) -> bool:
        if self.media is not None and has_picture(source):
            return True
        return super().canInsertFromMimeData(source)

    def insertFromMimeData(self, source: QMimeData) -> None:
        """At the cursor (a drop has put it at the drop point): the pictures' Markdown, one
        undo step; nothing when none could be added (the importer told the writer why)."""
        if self.media is None or not has_picture(source):
            super().insertFromMimeData(source)
            return
        added = self.media.add_from(source)
        if added:
            cursor = self.textCursor()
            cursor.beginEditBlock()
            cursor.insertText(markdown_images(added))
            cursor.endEditBlock()
            self.setTextCursor(cursor)

    def set_editor_font(self, font: QFont) -> None:
        """The writer's chosen font."""
        self.setFont(font)
        self._center_column()

    def set_column(self, characters: int | None) -> None:
        """Keep the text in a centred column about `characters` wide (focus mode); None:
        the whole width."""
        self._column = characters
        self._center_column()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._center_column()

    def _center_column(self) -> None:
        room = self.width() - 2 * self.frameWidth()
        if self._column:
            text_width = self.fontMetrics().horizontalAdvance("n") * self._column
            side = max(0, (room - text_width) // 2)
        else:
            side = 0
        if self.viewportMargins().left() != side:
            self.setViewportMargins(side, 0, side, 0)

    def count_words(self) -> None:
        """Announce the word count and reading time: now, or for a long text just opened as
        soon as a worker has counted it (the tally says `counted` then)."""
        words = self.tally.words
        if words is not None:
            self._show_count(words)

    def _show_count(self, words: int) -> None:
        self.statsChanged.emit(words, reading_minutes(words))

    # --- commands --------------------------------------------------------------------------

    def wrap_selection(self, marker: str, closing: str | None = None) -> None:
        """Bold (`**`), italic (`*`), code (`` ` ``): wrap the selection or the word, or
        unwrap it when it is already wrapped."""
        closing = marker if closing is None else closing
        if marker == closing and marker[0] in "*_" and marker == marker[0] * len(marker):
            self._toggle_emphasis(marker[0], len(marker))
            return
        cursor = self.textCursor()
        if not cursor.hasSelection():
            cursor.select(QTextCursor.SelectionType.WordUnderCursor)
        start, end = cursor.selectionStart(), cursor.selectionEnd()
        whole = self.toPlainText()
        if (
            whole[max(0, start - len(marker)) : start] == marker
            and whole[end : end + len(closing)] == closing
        ):
            cursor.setPosition(start - len(marker))
            cursor.setPosition(end + len(closing), QTextCursor.MoveMode.KeepAnchor)
        text = cursor.selectedText()
        start = cursor.selectionStart()
        cursor.beginEditBlock()
        if text.startswith(marker) and text.endswith(closing) and len(text) >= len(marker) * 2:
            inner = text[len(marker) : len(text) - len(closing)]
            cursor.insertText(inner)
        else:
            inner = text
            cursor.insertText(marker + text + closing)
            start += len(marker)
        cursor.endEditBlock()
        cursor.setPosition(start)
        cursor.setPosition(start + len(inner), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)

    def _toggle_emphasis(self, char: str, width: int) -> None:
        """Bold (`width` 2) or italic (1) on or off, keeping the other: the run of `char` around
        the selection says which are on (1 italic, 2 bold, 3 both), so `**word**` + italic is
        `***word***`, and bold off again leaves `*word*`, whichever came first."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            cursor.select(QTextCursor.SelectionType.WordUnderCursor)
        whole = self.toPlainText()
        start, end = cursor.selectionStart(), cursor.selectionEnd()
        while end - start >= 2 and whole[start] == char == whole[end - 1]:  # markers selected
            start, end = start + 1, end - 1
        left = start - len(whole[:start].rstrip(char))
        right = len(whole[end:]) - len(whole[end:].lstrip(char))
        around = min(left, right, 3)
        on = around >= 2 if width == 2 else around in (1, 3)
        now = around - width if on else around + width
        inner = whole[start:end]
        cursor.setPosition(start - around)
        cursor.setPosition(end + around, QTextCursor.MoveMode.KeepAnchor)
        cursor.beginEditBlock()
        cursor.insertText(char * now + inner + char * now)
        cursor.endEditBlock()
        start += now - around
        cursor.setPosition(start)
        cursor.setPosition(start + len(inner), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)

    def insert_link(self, url: str = "https://") -> None:
        """`[selection](url)`, with the URL selected so the writer types over it."""
        cursor = self.textCursor()
        label = cursor.selectedText() or "link text"
        cursor.beginEditBlock()
        start = cursor.selectionStart()
        cursor.insertText(f"[{label}]({url})")
        cursor.endEditBlock()
        url_start = start + len(label) + 3
        cursor.setPosition(url_start)
        cursor.setPosition(url_start + len(url), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)

    def _edit_lines(self, change: Callable[[str], str]) -> None:
        """Apply `change(line) -> line` to every line the selection touches, in one undo step."""
        cursor = self.textCursor()
        doc = self.document()
        first = doc.findBlock(cursor.selectionStart())
        last = doc.findBlock(cursor.selectionEnd())
        cursor.beginEditBlock()
        block = first
        while block.isValid():
            line_cursor = QTextCursor(block)
            line_cursor.movePosition(
                QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor
            )
            new = change(block.text())
            if new != block.text():
                line_cursor.insertText(new)
            if block == last:
                break
            block = block.next()
        cursor.endEditBlock()

    def set_heading(self, level: int) -> None:
        """Make the line a heading of `level` (0 makes it a paragraph again), inside its
        quote markers if it has any."""
        prefix = "#" * level + " " if level else ""

        def change(text: str) -> str:
            line = read_line(text)
            if line.kind is Kind.HEADING and line.item is None:
                return text[: line.quote_end] + prefix + text[line.content :]
            return text[: line.quote_end] + prefix + text[line.quote_end :].lstrip(" ")

        self._edit_lines(change)

    def toggle_list(self, numbered: bool = False) -> None:
        """Make the lines list items, or plain lines when they already are."""
        lines = self._selected_lines()
        if all(read_line(line).item for line in lines if line.strip()):
            self._edit_lines(_without_marker)
            return
        counter = iter(range(1, len(lines) + 1))
        self._edit_lines(
            lambda line: (
                (f"{next(counter)}. " if numbered else "- ") + line if line.strip() else line
            )
        )

    def toggle_quote(self) -> None:
        """Quote the lines with `> `, or unquote them."""
        lines = self._selected_lines()
        if all(QUOTE_MARKER.match(line) for line in lines if line.strip()):
            self._edit_lines(lambda line: QUOTE_MARKER.sub("", line, count=1))
        else:
            self._edit_lines(lambda line: "> " + line if line.strip() else ">")

    def insert_code_block(self) -> None:
        """Fence the selected lines (or an empty block) as code."""
        cursor = self.textCursor()
        text = cursor.selectedText().replace("\u2029", "\n")
        cursor.beginEditBlock()
        cursor.insertText(f"```\n{text}\n```" if text else "```\n\n```")
        cursor.endEditBlock()
        if not text:
            cursor.movePosition(QTextCursor.MoveOperation.Up)
            self.setTextCursor(cursor)

    def _selected_lines(self) -> list[str]:
        cursor = self.textCursor()
        doc = self.document()
        block, last = doc.findBlock(cursor.selectionStart()), doc.findBlock(cursor.selectionEnd())
        lines = [block.text()]
        while block != last and block.isValid():
            block = block.next()
            lines.append(block.text())
        return lines

    def visible_blocks(self) -> list[QTextBlock]:
        """The lines on screen, top to bottom."""
        blocks, block = [], self.firstVisibleBlock()
        bottom, offset = self.viewport().height(), self.contentOffset()
        while (
            block.isValid() and self.blockBoundingGeometry(block).translated(offset).top() < bottom
        ):
            blocks.append(block)
            block = block.next()
        return blocks

    # --- right-click -----------------------------------------------------------------------

    def context_menu(self, pos: QPoint) -> QMenu:
        """The menu for a right-click at `pos` (viewport coordinates): the standard entries,
        and on a misspelled word its suggestions, Add to Dictionary and Ignore."""
        highlighter = self.highlighter
        return text_edit_menu(self, highlighter.spell, highlighter.marks, pos)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.context_menu(event.pos())
        menu.exec(event.globalPos())
        menu.deleteLater()

    # --- typing ----------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if enter and not event.modifiers() and self._continue_list():
            return
        super().keyPressEvent(event)

    def _continue_list(self) -> bool:
        """Enter in a list item starts the next item; Enter in an empty item ends the list."""
        cursor = self.textCursor()
        if cursor.hasSelection():
            return False
        block = cursor.block()
        text = block.text()
        # The line as the highlighter read it: an item inside a code fence is code.
        item = read_line(text, block.previous().userState()).item
        if item is None or cursor.positionInBlock() < item.end:
            return False
        cursor.beginEditBlock()
        if not text[item.end :].strip():  # an empty item: end the list
            cursor.movePosition(QTextCursor.MoveOperation.StartOfBlock)
            cursor.movePosition(
                QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor
            )
            cursor.insertText("")
        else:
            marker = (
                f"{item.number + 1}{item.delimiter}" if item.number is not None else item.bullet
            )
            box = "[ ] " if item.task else ""
            cursor.insertText("\n" + text[: item.start] + marker + item.space + box)
        cursor.endEditBlock()
        self.setTextCursor(cursor)
        return True


def _without_marker(text: str) -> str:
    """A list item's line without its marker (its indent and quote markers stay)."""
    item = read_line(text).item
    return text[: item.start] + text[item.end :] if item else text
