"""Keeps the preview at the place the writer is in the editor.

A line of the text is placed in two steps. First by anchors, lines of the text whose place on
the page is known, between which the place is interpolated by line: the pieces of the page
(`PageBuilder`), each starting at the source line the renderer gives (`piece_lines`:
CommonMark's token maps, Python-Markdown's chunks); when it gives none (a body rendered
whole), the headings: the n-th Markdown heading of the text (the core grammar's `headings`) is
the n-th heading of the page (after the post's title); a post whose headings cannot be
matched, with raw HTML headings say, is followed by proportion.
Then by its words: a run of plain words from the line is looked up in the page nearest that
estimate, which puts a paragraph under a tall picture where it really is.

The top line the editor shows decides where the preview is; when the cursor's line would
then be out of the preview's sight, the preview moves to show it at the same height as the
cursor.

Scrolling and cursor moves are throttled, and typing itself never moves the preview: the
render that follows a pause in typing does.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from PySide6.QtCore import QObject, QPoint, QPointF, Qt, QTimer
from PySide6.QtGui import QAbstractTextDocumentLayout, QTextBlock, QTextCursor, QTextDocument
from PySide6.QtWidgets import QPlainTextEdit

from editor.core.document import headings, read_line
from editor.ui.preview.preview import Preview

SYNC_INTERVAL_MS = 40  # at most 25 preview moves a second while the editor scrolls

# A word the page shows exactly as written: no emphasis, link or code marks around it.
_PLAIN_WORD = re.compile(r"(?!_)[\w’',.;:!?-]*[^\W_][\w’',.;:!?-]*(?<!_)")
_PHRASE_WORDS = 6
_CASE = QTextDocument.FindFlag.FindCaseSensitively


def plain_phrase(line: str) -> str:
    """The first run of words in a Markdown line that the page shows as they are written
    (two to six of them, or one long word); "" when there is none."""
    runs: list[list[str]] = [[]]
    for token in line[read_line(line).content :].split():
        if _PLAIN_WORD.fullmatch(token):
            runs[-1].append(token)
            if len(runs[-1]) == _PHRASE_WORDS:
                break
        elif runs[-1]:
            runs.append([])
    for run in runs:
        if len(run) >= 2 or (run and len(run[0]) >= 6):
            return " ".join(run)
    return ""


def interpolate(points: Sequence[tuple[float, float]], x: float) -> float:
    """The y of `x` on the broken line through `points` (sorted by x, at least one)."""
    xs = [p[0] for p in points]
    at = bisect.bisect_right(xs, x)
    if at == 0:
        return points[0][1]
    if at == len(points):
        return points[-1][1]
    (x0, y0), (x1, y1) = points[at - 1], points[at]
    return y0 if x1 == x0 else y0 + (y1 - y0) * (x - x0) / (x1 - x0)


class ScrollSync(QObject):
    """Moves `preview` to follow `editor`. Call `rendered` when a new page is shown."""

    def __init__(self, editor: QPlainTextEdit, preview: Preview) -> None:
        super().__init__(preview)
        self.editor = editor
        self.preview = preview
        self._first_line = 0  # where the body starts in the editor (raw mode shows the YAML)
        self._body = ""  # the text last rendered
        # Its headings' editor lines, found when first needed (None before): reading a
        # 50,000-word text for them takes about 10 ms, and the pieces' lines mostly do.
        self._heading_lines: list[int] | None = []
        # The body line each piece of the page starts at (() for a body rendered whole). Set
        # by the tab with each render.
        self.piece_lines: tuple[int, ...] = ()
        # The page's heading blocks matched to those lines (None: not looked up since the
        # page changed). Their places are asked of the layout only when needed: laying out
        # a 50,000-word page to its end takes tens of milliseconds.
        self._matched: list[QTextBlock] | None = None
        self._pieces: list[QTextBlock] | None = None  # the first block of each, as _matched
        self._revision = editor.document().revision()
        self._timer = QTimer(self, singleShot=True, interval=SYNC_INTERVAL_MS)
        self._timer.timeout.connect(self.sync)
        editor.verticalScrollBar().valueChanged.connect(self._schedule)
        editor.cursorPositionChanged.connect(self._cursor_moved)
        preview.pageChanged.connect(self._page_changed)

    def rendered(self, body: str, first_line: int = 0) -> None:
        """A page of `body` (which starts at editor line `first_line`) is shown: put it in
        place now, so it never shows at a wrong place first."""
        self._first_line = first_line
        self._body, self._heading_lines = body, None
        self._matched = self._pieces = None
        self.sync()

    def _schedule(self) -> None:
        if not self._timer.isActive():  # a throttle, not a debounce: scrolling moves it too
            self._timer.start()

    def _cursor_moved(self) -> None:
        revision = self.editor.document().revision()
        if revision != self._revision:  # typing: the next render will place the preview
            self._revision = revision
            return
        self._schedule()

    def _page_changed(self) -> None:
        self._matched = self._pieces = None
        self._schedule()

    # --- where things are --------------------------------------------------------------------

    def _place(self, cursor: QTextCursor) -> float:
        """The page y of an editor position: estimated by headings, then found by words."""
        block = cursor.block()
        fraction = cursor.positionInBlock() / max(block.length(), 1)
        estimate = self._estimate(block.blockNumber() + fraction)
        for _ in range(3):  # on a blank line, the writer is just after the text above it
            if block.text().strip() or not block.previous().isValid():
                break
            block, fraction = block.previous(), 1.0
        phrase = plain_phrase(block.text())
        found = self._find_near(phrase, estimate) if phrase else None
        if found is None:
            return estimate
        page_block, offset = found
        # As far into the page's paragraph as the position is into the line.
        at = min(offset + round(fraction * block.length()), max(page_block.length() - 1, 0))
        line = page_block.layout().lineForTextPosition(at)
        top = self.preview.document().documentLayout().blockBoundingRect(page_block).top()
        return top + (line.y() if line.isValid() else 0.0)

    def _find_near(self, phrase: str, estimate: float) -> tuple[QTextBlock, int] | None:
        """The page block holding `phrase` nearest to `estimate`, and where in it."""
        document = self.preview.document()
        layout = document.documentLayout()
        start = max(layout.hitTest(QPointF(0, estimate), Qt.HitTestAccuracy.FuzzyHit), 0)
        best: tuple[float, QTextCursor] | None = None
        for flags in (_CASE, _CASE | QTextDocument.FindFlag.FindBackward):
            found = document.find(phrase, start, flags)
            if found.isNull():
                continue
            distance = abs(layout.blockBoundingRect(found.block()).top() - estimate)
            if best is None or distance < best[0]:
                best = (distance, found)
        if best is None:
            return None
        found = best[1]
        return found.block(), found.selectionStart() - found.block().position()

    def _anchors(self) -> tuple[list[int], list[QTextBlock]]:
        """Editor lines whose page blocks are known, and those blocks: the pieces after the
        first when their source lines are (the first starts at the page's top), else the
        headings."""
        if self._pieces is None:  # asked of the page once per change of it
            self._pieces = self.preview.piece_blocks() if self.piece_lines else []
        pieces = self._pieces
        if pieces and len(pieces) == len(self.piece_lines):
            return [self._first_line + line for line in self.piece_lines[1:]], pieces[1:]
        blocks = self._matched_headings()
        return (list(self._headings()) if blocks else []), blocks

    def _headings(self) -> list[int]:
        """The editor lines of the rendered text's headings."""
        if self._heading_lines is None:
            # An empty heading (`#` alone) makes no block in Qt's page: it cannot be matched.
            found = headings(self._body)
            self._heading_lines = [self._first_line + h.line for h in found if h.title]
        return self._heading_lines

    def _matched_headings(self) -> list[QTextBlock]:
        """The page's heading blocks paired with the text's, or none when they differ."""
        if self._matched is None:
            found: list[QTextBlock] = []
            block = self.preview.document().begin()
            while block.isValid():  # formats only: this lays nothing out
                if block.blockFormat().headingLevel() > 0:
                    found.append(block)
                block = block.next()
            if len(found) == len(self._headings()) + 1:
                found = found[1:]  # the post's title, above the body
            self._matched = found if len(found) == len(self._headings()) else []
        return self._matched

    def _estimate(self, line: float) -> float:
        """The page y of an editor line, interpolated between the anchors around it."""
        lines, blocks = self._anchors()
        # The text may have lost lines since the render: the end stays after every heading.
        lines.append(max(self.editor.document().blockCount(), lines[-1] + 1 if lines else 1))
        after = bisect.bisect_right(lines, line)
        if after == len(lines):
            return self.preview.document().size().height()
        layout = self.preview.document().documentLayout()
        upper = (lines[after], self._page_y(blocks, after, layout))
        if after == 0:
            lower = (float(self._first_line), 0.0)
        else:
            lower = (lines[after - 1], self._page_y(blocks, after - 1, layout))
        return interpolate([lower, upper], max(line, lower[0]))

    def _page_y(
        self, blocks: list[QTextBlock], index: int, layout: QAbstractTextDocumentLayout
    ) -> float:
        """The y of the index-th anchor's block, or of the page's end after the last."""
        if index < len(blocks):
            return layout.blockBoundingRect(blocks[index]).top()
        return self.preview.document().size().height()

    # --- moving ------------------------------------------------------------------------------

    def sync(self) -> None:
        """Put the preview at the editor's place now."""
        if not self.preview.isVisible():
            return
        bar = self.preview.verticalScrollBar()
        source = self.editor.verticalScrollBar()
        if 0 < source.maximum() <= source.value():
            bar.setValue(bar.maximum())  # the editor's end is the page's end, whatever else
            return
        if source.value() == 0:
            target = 0.0
        else:
            target = self._place(self.editor.cursorForPosition(QPoint(0, 0)))
        target = self._keep_cursor_in_sight(target)
        bar.setValue(round(min(max(target, 0.0), bar.maximum())))

    def _keep_cursor_in_sight(self, top: float) -> float:
        """`top`, or a place that shows the cursor's line when the editor shows it."""
        rect = self.editor.cursorRect()
        view = self.editor.viewport().height()
        if rect.bottom() < 0 or rect.top() > view:
            return top
        y = self._place(self.editor.textCursor())
        sight = self.preview.viewport().height()
        line = self.editor.fontMetrics().lineSpacing()
        if top <= y <= top + sight - 2 * line:
            return top
        return y - sight * rect.top() / max(view, 1)
