"""The open posts, one tab each: which tab holds a post, and what each tab's label says."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QTabWidget, QWidget

from editor.core.folder.content_folder import Taxonomy
from editor.ui.shell.start_page import StartPage
from editor.ui.tab.document_tab import DocumentTab


class TabSet(QTabWidget):
    """The tabs of the open posts. A tab's label is its post's title, with a dot while it has
    unsaved changes and a note when its file is gone, and the mark `note` gives (its git
    change: "M" beside the title, "Git: modified" in the tooltip); its tooltip is the file's
    path. Saving
    and closing (with their questions) stay with the window. While no tab is open, the
    `start` page covers the empty area."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, documentMode=True, tabsClosable=True, movable=True)
        self.setAccessibleName("Open posts")
        self.start = StartPage(self)
        self.start.setGeometry(self.rect())
        self.start.raise_()
        # A post's (short mark, longer words) beyond the tab's own: set by the git wiring.
        self.note: Callable[[DocumentTab], tuple[str, str] | None] = lambda tab: None

    def tabInserted(self, index: int) -> None:
        super().tabInserted(index)
        self.start.hide()

    def tabRemoved(self, index: int) -> None:
        super().tabRemoved(index)
        self.start.setVisible(self.count() == 0)  # the last tab closed: what to do next

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.start.setGeometry(self.rect())  # a child, not a tab: it follows by hand

    def documents(self) -> list[DocumentTab]:
        """The open posts, in tab order."""
        return [self.widget(i) for i in range(self.count())]  # type: ignore[misc]

    def current(self) -> DocumentTab | None:
        """The post in front."""
        widget = self.currentWidget()
        return widget if isinstance(widget, DocumentTab) else None

    def find(self, path: Path) -> DocumentTab | None:
        """The tab where the post at `path` is open (links resolved), if any."""
        for tab in self.documents():
            if tab.post.path and tab.post.path.resolve() == path.resolve():
                return tab
        return None

    def add(self, tab: DocumentTab) -> None:
        """Show a new tab, in front."""
        self.setCurrentIndex(self.addTab(tab, tab.title))
        self.label(tab)

    def label(self, tab: DocumentTab) -> None:
        """Bring a tab's label and tooltip up to date with its post."""
        index = self.indexOf(tab)
        if index >= 0:
            gone = " (not on disk)" if tab.gone else ""
            mark, words = self.note(tab) or ("", "")
            text = ("● " if tab.modified else "") + tab.title + gone + (f"  {mark}" if mark else "")
            self.setTabText(index, text)
            self.setTabToolTip(index, str(tab.post.path or "") + (f"\n{words}" if words else ""))

    def relabel(self) -> None:
        """Bring every tab's label up to date (the marks `note` gives changed)."""
        for tab in self.documents():
            self.label(tab)

    def set_taxonomy(self, taxonomy: Taxonomy) -> None:
        """The folder's tags and categories, for every tab's completion and category list."""
        for tab in self.documents():
            tab.set_taxonomy(taxonomy)

    def set_review_first(self, on: bool) -> None:
        """Whether each tab's saves show their diff and ask first."""
        for tab in self.documents():
            tab.review_before_save = on
