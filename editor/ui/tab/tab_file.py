"""The document tab's file side: saving, reverting, and following the file on disk.

`TabFile` is a part of `DocumentTab` (its base class), kept apart so that the tab's module
holds the widgets and this one what happens between the tab and the disk. Every decision is
the core's (`editor.core.session`: the save dialogue, the reads of the file); this part shows
the results: the text reloaded with the cursor kept, the "gone" mark, the bars.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import SignalInstance
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QLabel

from editor.core.document.post import Post
from editor.core.errors import PostError
from editor.core.schema.validation import Problem
from editor.core.session import EditSession, Prompter, needs_raw_mode, save_post
from editor.ui.tab.disk_bar import DiskBar
from editor.ui.tab.form import FrontMatterForm
from editor.ui.tab.markdown_edit import MarkdownEdit


class TabFile:
    """Saving and reloading for `DocumentTab`, which provides the attributes and the
    methods declared here (`load` shows a post, `announce` tells whether it is modified)."""

    session: EditSession
    prompter: Prompter
    form: FrontMatterForm
    editor: MarkdownEdit
    disk_bar: DiskBar
    elsewhere_bar: QLabel
    raw: bool
    review_before_save: bool
    within: Path | None
    gone: str | None
    saved: SignalInstance  # Signal(Post)
    titleChanged: SignalInstance  # Signal(str)

    # What DocumentTab defines (this base class is never used alone).
    @property
    def post(self) -> Post:
        raise NotImplementedError

    @property
    def title(self) -> str:
        raise NotImplementedError

    def load(self, post: Post) -> None:
        raise NotImplementedError

    def announce(self) -> None:
        raise NotImplementedError

    def check(self) -> list[Problem]:
        raise NotImplementedError

    def current_post(self) -> Post:
        raise NotImplementedError

    # --- saving ------------------------------------------------------------------------------

    def save(self) -> bool:
        """Save through the core (lossless, atomic), which asks before writing errors, after
        the review of the diff (when the writer wants one) and over a file that changed on
        disk (`core.session.save_post`). Returns whether the post is saved."""
        if not self.raw:
            self.form.commit_pending()  # a tag typed without its Enter is still meant
        post = self.current_post()
        try:
            saved = save_post(post, self.check, self.prompter, self.review_before_save, self.within)
        except PostError as error:
            self.prompter.inform("Could not save", str(error))
            return False
        if saved is None or saved is post:  # declined, or nothing to write
            return saved is not None
        was_raw = self.raw
        self.session.reset(saved)
        self.raw = needs_raw_mode(saved)
        if was_raw and not self.raw:
            self.load(saved)
        self.editor.document().setModified(False)
        self.set_gone(None)
        self.disk_bar.clear()
        self.announce()
        self.saved.emit(saved)
        return True

    def revert(self) -> None:
        """Throw away the changes and show the file as it is on disk."""
        if self.post.path is None:
            return
        try:
            self.load(self.session.read_disk())
        except PostError as error:
            self.prompter.inform("Could not reload", str(error))

    # --- the file on disk changed ------------------------------------------------------------

    def reload(self, post: Post) -> None:
        """Show `post` (the file as changed on disk) in place of the text, keeping the cursor
        and the scroll position where they were."""
        # By line and column: a change above the cursor (the usual pull) leaves it on the
        # same line of text rather than shifting it by the length of the change.
        cursor = self.editor.textCursor()
        line, column = cursor.blockNumber(), cursor.positionInBlock()
        scroll = self.editor.verticalScrollBar().value()
        self.load(post)
        block = self.editor.document().findBlockByNumber(line)
        if not block.isValid():
            block = self.editor.document().lastBlock()
        kept = QTextCursor(block)
        kept.setPosition(block.position() + min(column, block.length() - 1))
        self.editor.setTextCursor(kept)
        self.editor.verticalScrollBar().setValue(scroll)

    def rebase(self, disk: Post | None) -> None:
        """Keep the text on screen, now as changes to `disk` (the file as it is on disk, or
        None when there is no file): the next save writes over it without asking again."""
        self.session.rebase(disk)
        if disk is not None:
            self.set_gone(None)
        self.announce()

    def mark_gone(self, reason: str) -> None:
        """The file was deleted, moved or replaced by a folder: keep the text, as unsaved."""
        self.rebase(None)
        self.set_gone(reason)

    def set_open_elsewhere(self, elsewhere: bool) -> None:
        """Say (or stop saying) that another window has this post open."""
        self.elsewhere_bar.setVisible(elsewhere)

    def set_gone(self, reason: str | None) -> None:
        """Say why the file is no longer on disk (None: it is back), in the title too."""
        if reason != self.gone:
            self.gone = reason
            self.titleChanged.emit(self.title)

    def restore(self, text: str) -> None:
        """Show `text`, the whole file as a crash left it unsaved, as a change to the file."""
        self.load(self.session.restored(text))
