"""Brings the preview's page up to date a piece at a time, so a long post never stalls typing.

Qt parses HTML and lays text out on the UI thread, and PySide holds the GIL through both, so a
worker thread would stall the event loop all the same: `setHtml` and the layout of a
50,000-word page take about 250 ms here, and swapping in a finished document costs a layout of
the whole page again. Instead the body is cut between top-level paragraphs into pieces, and
only the pieces that differ from those shown are parsed (each into a QTextDocument of its own,
with the page's stylesheet) and put in place of the old ones in the shown document, whose
layout then redoes just those blocks. Typing changes one piece: a few milliseconds. A new
page is filled in from the top, at most SLICE_MS of work per event-loop turn.

The render worker cuts the body (`editor.core.site.pieces`) where the pieces give Qt exactly the
blocks the whole page gives; tests/ui/preview/test_page_builder.py compares the two pixel for pixel.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QTextCursor, QTextDocument, QTextDocumentFragment

SLICE_MS = 8.0  # work per event-loop turn; one piece may overrun it, never by a whole turn


def piece_page(piece: str, css: str, last: bool) -> str:
    """A piece after the first as a page of its own: the page's stylesheet, without the body's
    top margin (and bottom margin, but for the last piece), which Qt gives the first (and last)
    block of a page."""
    margins = "margin-top: 0px;" if last else "margin-top: 0px; margin-bottom: 0px;"
    return (
        f"<html><head><style>\n{css}\nbody {{ {margins} }}</style></head>"
        f'<body><div class="post"><div class="body">\n{piece}\n</div></div></body></html>'
    )


class PageBuilder(QObject):
    """Brings `document` to a list of pages (the first a whole page, the others `piece_page`s)
    a slice at a time, replacing only the pieces that changed; `done` when it shows the last
    list asked for."""

    done = Signal()

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self._document = document
        self._shown: list[str] = []  # the pages the document holds, in order
        self._blocks: list[int] = []  # how many blocks each of them holds
        self._target: list[str] = []
        self._timer = QTimer(self, singleShot=True, interval=0)
        self._timer.timeout.connect(self._step)

    def show(self, pages: list[str]) -> None:
        """Start bringing the document to `pages`; a newer call takes over from this one."""
        self._target = pages
        # In a turn of its own: the render that asked arrived in one, and a piece replaced
        # costs a layout; both in one turn would make a stall of two.
        self._timer.start()

    def busy(self) -> bool:
        return self._shown != self._target

    def piece_starts(self) -> list[int]:
        """The number of the first document block of each piece shown, once the document
        shows the last list asked for ([] before)."""
        if self.busy():
            return []
        starts, at = [], 0
        for count in self._blocks:
            starts.append(at)
            at += count
        return starts

    def _step(self) -> None:
        began = time.perf_counter()
        changed = False
        while self._shown != self._target:
            if changed and (time.perf_counter() - began) * 1000 >= SLICE_MS:
                self._timer.start()
                return
            self._change_one()
            changed = True
        if changed:  # `done` in a turn of its own: what it starts adds to no slice
            self._timer.start()
        else:
            self.done.emit()

    def _change_one(self) -> None:
        """Replace, insert or remove the first piece that differs."""
        shown, target = self._shown, self._target
        first = next(
            (n for n, (old, new) in enumerate(zip(shown, target, strict=False)) if old != new),
            min(len(shown), len(target)),
        )
        if first == 0:
            self._set_first(target[0])
            return
        kept_after = 0  # pieces equal at the ends of both lists, after `first`
        room = min(len(shown), len(target)) - first
        while kept_after < room and shown[-1 - kept_after] == target[-1 - kept_after]:
            kept_after += 1
        old_left = len(shown) - kept_after - first
        new_left = len(target) - kept_after - first
        cursor = QTextCursor(self._document)
        cursor.beginEditBlock()  # one change, so the layout redoes these blocks once
        if old_left:
            self._remove(cursor, first)
        if new_left:
            self._insert(cursor, first, target[first])
        cursor.endEditBlock()

    def _block_of(self, piece: int) -> int:
        return sum(self._blocks[:piece])

    def _remove(self, cursor: QTextCursor, piece: int) -> None:
        # From the end of the piece before to the end of this one: the document is then as if
        # this piece had never been appended.
        start = self._document.findBlockByNumber(self._block_of(piece))
        end = self._document.findBlockByNumber(self._block_of(piece) + self._blocks[piece] - 1)
        cursor.setPosition(start.position() - 1)
        cursor.setPosition(end.position() + end.length() - 1, QTextCursor.MoveMode.KeepAnchor)
        cursor.removeSelectedText()
        del self._shown[piece], self._blocks[piece]

    def _insert(self, cursor: QTextCursor, piece: int, page_html: str) -> None:
        before = self._document.blockCount()
        previous = self._document.findBlockByNumber(self._block_of(piece) - 1)
        cursor.setPosition(previous.position() + previous.length() - 1)
        parsed = QTextDocument()
        parsed.setHtml(page_html)
        # A new block in the piece's first format, which the fragment's first block then
        # fills; inserted at the end of a block, that block would take the paragraph in.
        cursor.insertBlock(parsed.begin().blockFormat(), parsed.begin().charFormat())
        cursor.insertFragment(QTextDocumentFragment(parsed))
        self._shown.insert(piece, page_html)
        self._blocks.insert(piece, self._document.blockCount() - before)

    def _set_first(self, page_html: str) -> None:
        """The first piece is a whole page (title, byline, stylesheet): parsed in place when
        it is all there is, otherwise put in place of the old first piece."""
        document = self._document
        if len(self._shown) <= 1:
            document.setHtml(page_html)
            self._shown, self._blocks = [page_html], [document.blockCount()]
            return
        before = document.blockCount()
        parsed = QTextDocument()
        parsed.setHtml(page_html)
        end = document.findBlockByNumber(self._blocks[0] - 1)
        cursor = QTextCursor(document)
        cursor.beginEditBlock()
        cursor.setPosition(end.position() + end.length() - 1, QTextCursor.MoveMode.KeepAnchor)
        cursor.removeSelectedText()
        cursor.insertFragment(QTextDocumentFragment(parsed))  # into the emptied first block
        # The page's own format (the body's background and margins) comes with setHtml
        # only; a new stylesheet, dark for light, must reach it too.
        document.rootFrame().setFrameFormat(parsed.rootFrame().frameFormat())
        cursor.endEditBlock()
        self._shown[0] = page_html
        self._blocks[0] += document.blockCount() - before
