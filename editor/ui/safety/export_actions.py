"""File > Export as HTML… and File > Open in Browser: the post in front, as a reader's browser
shows it.

Both write the standalone page of `editor.core.site.export` for the text as it is in the tab,
unsaved
edits included, atomically: an export that fails (a read-only folder, a full disk) leaves no
half-written file and tells the writer why through the window's prompter. Open in Browser
writes one file per post into the user's cache folder, overwritten each time, and hands its
URL to the system (`QDesktopServices`).

The page is rendered here, on the UI thread, not by the preview's worker: the worker keeps
only the newest request, so an export would take the place of a waiting preview render (or
the reverse), and a one-off command the writer asked for may take the 0.2 s that the longest
posts cost (README's benchmarks), under a busy cursor.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

from platformdirs import user_cache_path
from PySide6.QtCore import QObject, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QFileDialog, QWidget

from editor.core.document import Post
from editor.core.errors import PostError
from editor.core.session import Prompter
from editor.core.site import Renderer, Site, page_title, standalone_html
from editor.core.site.pictures import picture_site
from editor.core.site.rendering.choice import post_profile
from editor.core.site.rendering.profile import PYTHON_MARKDOWN, MarkdownProfile
from editor.core.storage import atomic_write, slugify
from editor.ui.settings import EXPORT_FOLDER, REMOTE_IMAGES, Settings


class Exporter(QObject):
    """Writes the current post as a standalone page: exported where the writer says, or to the
    cache folder and opened in the browser. `message` carries a line for the status bar.

    `current_post` gives the post in front as it would be saved now (None: no post open);
    `content_root` the open folder, whose site the post's pictures are looked up in."""

    message = Signal(str)

    def __init__(
        self,
        parent: QWidget,
        settings: Settings,
        prompter: Prompter,
        current_post: Callable[[], Post | None],
        content_root: Callable[[], Path | None],
        cache_folder: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self._window = parent
        self.settings = settings
        self.prompter = prompter
        self._current_post = current_post
        self._content_root = content_root
        self.cache_folder = cache_folder or user_cache_path("post-editor") / "preview"
        # Built on first use (pygments costs to load), one per Markdown profile: a page is
        # rendered by its site's Markdown, as the preview shows it.
        self._renderers: dict[MarkdownProfile, Renderer] = {}

    def export_html(self) -> Path | None:
        """File > Export as HTML…: ask where, write the page there; the path written."""
        post = self._current_post()
        if post is None:
            return None
        start = Path(self.settings.get(EXPORT_FOLDER) or Path.home())
        chosen, _ = QFileDialog.getSaveFileName(
            self._window,
            "Export as HTML",
            str(start / f"{_name(post)}.html"),
            "HTML pages (*.html *.htm)",
        )
        if not chosen:
            return None
        target = Path(chosen)
        if target.suffix.lower() not in (".html", ".htm"):
            target = target.with_name(target.name + ".html")
            # The dialog asked about the name as typed, not this one.
            if target.exists() and not self.prompter.confirm(
                "Replace the page?", f"{target} exists. Replace it with this post?", "Replace"
            ):
                return None
        if not self._write(post, target, "Could not export the post"):
            return None
        self.settings.set(EXPORT_FOLDER, str(target.parent))
        self.message.emit(f"Exported to {target}")
        return target

    def open_in_browser(self) -> Path | None:
        """File > Open in Browser: the page of the current text, in the system's browser."""
        post = self._current_post()
        if post is None:
            return None
        target = self.preview_file(post)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            self.prompter.inform(
                "Could not open the post in a browser",
                f"{target.parent}: could not make the folder: {error.strerror or error}",
            )
            return None
        if not self._write(post, target, "Could not open the post in a browser"):
            return None
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(target))):
            self.prompter.inform(
                "No browser could be started", f"The page is ready to open by hand:\n{target}"
            )
        return target

    def preview_file(self, post: Post) -> Path:
        """Where Open in Browser writes `post`: one file per post, overwritten each time. The
        name is the post file's (not its title's: a new title would leave the old page
        behind) and a hash of its path, so two `index.md` of different folders never share a
        file."""
        where = str(post.path.absolute()) if post.path else ""
        digest = hashlib.sha256(where.encode("utf-8", "surrogatepass")).hexdigest()[:10]
        return self.cache_folder / f"{_name(post, by_title=False)}-{digest}.html"

    def _write(self, post: Post, target: Path, failure: str) -> bool:
        """Render and write atomically; a failure is told to the writer, and leaves no file."""
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            profile = post_profile(post.path) if post.path else PYTHON_MARKDOWN
            renderer = self._renderers.get(profile) or Renderer(profile)
            self._renderers[profile] = renderer
            # Remote pictures as the preview has them: the writer's choice in View.
            remote = self.settings.get(REMOTE_IMAGES)
            page = standalone_html(post, renderer, self._site(post), remote_images=remote)
            atomic_write(target, page.encode("utf-8"))
            problem = None
        except PostError as error:
            problem = str(error)
        finally:
            QApplication.restoreOverrideCursor()  # before the message box, and on any error
        if problem is not None:
            self.prompter.inform(failure, problem)
            return False
        return True

    def _site(self, post: Post) -> Site | None:
        """The site the post's pictures are looked up in: the open folder's, for a post in it
        (a post in a subfolder may show pictures from the folder above), else its own."""
        if post.path is None:
            return None
        try:
            return picture_site(post.path, self._content_root())
        except OSError:  # an unreadable site folder: the page goes out without its pictures
            return None


def _name(post: Post, by_title: bool = True) -> str:
    """The file name (without extension) for a page of `post`: its title's slug, else its
    file's (an `index.md` in a folder of its own is named by the folder)."""
    title = page_title(post.values) if by_title and post.error is None else ""
    slug = slugify(title) if title else ""
    if not slug and post.path is not None:
        stem = post.path.parent.name if post.path.stem == "index" else post.path.stem
        slug = slugify(stem)
    return slug or "post"
