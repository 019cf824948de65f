"""The words of an editor's document, kept up to date line by line as the writer types.

Counting a whole post on every pause copies and scans all of it: a second in a 200 MB post. The
tally keeps each line's count and, on each `contentsChange`, counts again only the lines the
change touched, so a keystroke costs a line. A text set whole (a post opened or reloaded) is
counted on a `LatestJob` when it is long; changes made meanwhile are noted as line splices and
applied when the counts arrive. A change too large to follow line by line (a huge paste or undo)
has the whole text counted again on the worker the next time the count is asked for.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QTextDocument

from editor.core.document.markdown_lines import line_word_counts, line_words
from editor.ui.jobs import LatestJob

COUNT_IN_BACKGROUND = 400_000  # characters (~20 ms of counting); longer texts use a worker
FOLLOW_LINES = 20_000  # a change touching more lines is counted afresh, on the worker


class WordTally(QObject):
    """The word count of `document`. `words` is None while a long text is being counted;
    `counted()` fires when it is known again."""

    counted = Signal()

    def __init__(self, document: QTextDocument, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self._lines: list[int] | None = []  # each block's words; None while counting
        self._total = 0
        self._blocks = document.blockCount()
        self._splices: list[tuple[int, int, int]] = []  # (first, old lines, new lines)
        self._afresh = False  # a change too large to follow: count the whole text again
        self._job = LatestJob(self)
        self._job.done.connect(self._arrived)
        document.contentsChange.connect(self._changed)
        self.reset(document.toPlainText())

    @property
    def words(self) -> int | None:
        """The words of the document now; None while they are being counted (then
        `counted` follows)."""
        if self._afresh:
            self.reset(self._document.toPlainText())
        return None if self._lines is None else self._total

    def reset(self, text: str) -> None:
        """Count `text`, the document's whole text just set: now when it is short, else on
        the worker."""
        self._afresh, self._splices = False, []
        self._blocks = self._document.blockCount()
        if len(text) < COUNT_IN_BACKGROUND:
            self._job.cancel()  # a long text's count still on its way is out of date
            self._take(line_word_counts(text))
        else:
            self._lines = None
            self._job.request(lambda: line_word_counts(text))

    def _take(self, lines: list[int]) -> None:
        self._lines, self._total = lines, sum(lines)

    def _arrived(self, lines: list[int]) -> None:
        """The counts of the text as it was set; the changes since are applied to them."""
        for first, old, new in self._splices:
            lines[first : first + old] = [-1] * new  # counted below, from the text as it is
        self._splices = []
        if len(lines) != self._document.blockCount():
            self._afresh = True  # a line break Qt reads otherwise: its own text is counted
        else:
            number = 0
            while -1 in lines[number:]:  # the few lines typed in meanwhile
                number = lines.index(-1, number)
                lines[number] = line_words(self._document.findBlockByNumber(number).text())
            self._take(lines)
        self.counted.emit()

    def _changed(self, position: int, _removed: int, added: int) -> None:
        """Count again the lines a change touched (Qt says where it starts and how much it
        added; the lines before are untouched, those after only moved)."""
        document = self._document
        blocks = document.blockCount()
        grown, self._blocks = blocks - self._blocks, blocks
        first = document.findBlock(position)
        last = document.findBlock(min(position + added, document.characterCount() - 1))
        if not first.isValid() or not last.isValid():
            self._afresh = True
            return
        start, new = first.blockNumber(), last.blockNumber() - first.blockNumber() + 1
        old = new - grown
        if self._afresh:
            return
        if new > FOLLOW_LINES or old > FOLLOW_LINES or old < 0:
            self._afresh, self._lines = True, None
            self._job.cancel()
            return
        if self._lines is None:
            self._splices.append((start, old, new))
            return
        counts, block = [], first
        for _ in range(new):
            counts.append(line_words(block.text()))
            block = block.next()
        self._total += sum(counts) - sum(self._lines[start : start + old])
        self._lines[start : start + old] = counts
