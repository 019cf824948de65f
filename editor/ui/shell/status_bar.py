"""The window's status bar: passing messages, the folder's post count, the open post's word count,
the index's progress."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QLabel, QProgressBar, QStatusBar, QWidget

from editor.core.folder.content_folder import ContentFolder

INDEXED_MS = 8000  # how long the summary of a new index stays


class StatusBar(QStatusBar):
    """On the left `count` (the folder's posts and pages, kept up to date as posts are saved,
    made or deleted), or a passing message over it (Qt hides a status bar's normal widgets
    while a message shows: the index summary, which says the count too, is not doubled); on
    the right `stats` (the open post's words and reading time) and a progress bar shown
    while a folder is indexed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Not only a passing message: one said before a post was made went on counting the
        # old number until it timed out.
        self.count = QLabel(objectName="postCount")
        self.stats = QLabel()
        self.addWidget(self.count)
        self.progress_bar = QProgressBar(maximumWidth=180, textVisible=False)
        self.progress_bar.hide()
        self.addPermanentWidget(self.stats)
        self.addPermanentWidget(self.progress_bar)

    def show_stats(self, words: int, minutes: int) -> None:
        """The open post's word count and reading time."""
        self.stats.setText(f"{words} words · {minutes} min read")

    def note(self, text: str) -> None:
        """Say `text` for a while (a tab's note as it comes to the front); "" says nothing."""
        if text:
            self.showMessage(text, 10_000)

    def indexing(self, root: Path) -> None:
        """A folder's index is on the way."""
        self.showMessage(f"Indexing {root}…")
        self.count.clear()  # another folder's count until this one is indexed
        self.progress_bar.show()

    def show_progress(self, done: int, total: int) -> None:
        """`done` of `total` posts indexed."""
        self.progress_bar.setMaximum(max(total, 1))
        self.progress_bar.setValue(done)

    def indexed(self, folder: ContentFolder) -> None:
        """A folder's first index is shown: how many posts, and what the form follows."""
        self.progress_bar.hide()
        self.showMessage(index_summary(folder), INDEXED_MS)
        self.show_count(folder)

    def show_count(self, folder: ContentFolder) -> None:
        """The folder's posts and pages as its index holds them now."""
        self.count.setText(post_count(folder))


def index_summary(folder: ContentFolder) -> str:
    """ "12 posts and 3 pages, 2 with problems; the form follows config.yml (1 note in
    View > Problems)"."""
    problems = sum(bool(e.errors) for e in folder.entries)
    message = post_count(folder)
    message += f", {problems} with problems" if problems else ""
    source = folder.schema_source
    if source.origin == "cms" and source.path is not None:
        message += f"; the form follows {source.path.name}"
    if notes := len(source.notes):
        message += f" ({notes} note{'s' * (notes != 1)} in View > Problems)"
    return message


def post_count(folder: ContentFolder) -> str:
    """ "12 posts and 3 pages", "1 post", "2 pages"."""
    entries = folder.entries
    pages = sum(e.kind == "page" for e in entries)
    message = _count(len(entries) - pages, "post") if len(entries) > pages or not pages else ""
    if pages:
        message += (" and " if message else "") + _count(pages, "page")
    return message


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'s' * (number != 1)}"
