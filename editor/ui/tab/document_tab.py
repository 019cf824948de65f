"""One open post: the front-matter form, the Markdown editor and the preview, in a tab.

The tab owns one `Post`. Form edits become lossless edits of it at once; the body lives in
the editor and joins the post when it is saved (or checked), so typing costs nothing but the
keystroke. A post whose front matter cannot be edited field by field (broken YAML, TOML, a key
written twice) opens in raw mode: the whole file in the editor, saved exactly as shown.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QRegularExpression, Qt, QTimer, Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from editor.core.document import Post, splice_lines, unified_diff
from editor.core.errors import PostError
from editor.core.folder import Taxonomy
from editor.core.schema import Facts, Problem, Schema, validate
from editor.core.site import MediaPlace, Site, media_place, size_problem, too_large_html
from editor.core.storage import ConflictError
from editor.ui.jobs.render_service import RenderService
from editor.ui.preview.preview import Preview
from editor.ui.preview.remote_images import RemoteImages
from editor.ui.preview.scroll_sync import ScrollSync
from editor.ui.prompts import Prompter
from editor.ui.tab.disk_bar import DiskBar
from editor.ui.tab.find_bar import FindBar
from editor.ui.tab.form import FrontMatterForm
from editor.ui.tab.image_field import ImageEditor
from editor.ui.tab.markdown_edit import MarkdownEdit
from editor.ui.tab.media_drop import MediaImporter

_REMOVED = object()  # an "Other fields" key the writer deleted
# Unicode white space, as str.strip() knows it (a no-break space alone is a blank body).
_NOT_BLANK = QRegularExpression(r"\S", QRegularExpression.PatternOption.UseUnicodePropertiesOption)
FOCUS_COLUMN = 72  # characters: a comfortable line to read and write
PREVIEW_DELAY_MS = 120  # idle pause before the preview follows typing
CHECK_DELAY_MS = 400
OPEN_ELSEWHERE = (
    "This post is open in another Post Editor window too. Make your changes in one of them: "
    "a save in one window and then in the other would overwrite the first one's changes."
)


class DocumentTab(QWidget):
    """A post being edited. Signals: `modifiedChanged(bool)`, `titleChanged(str)`,
    `saved(Post)`, `statsChanged(words, minutes)`, `edited()` (any change by the writer).

    `within` is the content folder the post belongs to: a save never writes outside it (through
    a symlink). `gone` says why the file is no longer on disk, or is None.
    """

    modifiedChanged = Signal(bool)
    edited = Signal()
    titleChanged = Signal(str)
    saved = Signal(object)
    statsChanged = Signal(int, int)
    previewShown = Signal()

    def __init__(
        self,
        post: Post,
        schema: Schema,
        taxonomy: Taxonomy,
        renders: RenderService,
        prompter: Prompter,
        parent: QWidget | None = None,
        images: RemoteImages | None = None,
    ) -> None:
        super().__init__(parent)
        self.post = post
        self.schema = schema
        self.renders = renders
        self.prompter = prompter
        self.raw = _needs_raw_mode(post)
        self._job = 0
        self._shown_source: tuple[str, int] = ("", 0)  # the Markdown of the page being built
        self.preview_ready = False  # the first render has been shown
        self.review_before_save = False  # show the diff of a save and ask first
        self._focus = False  # focus mode: the editor alone
        self._was_modified = False
        self.problems: list[Problem] = []
        self.within: Path | None = None
        self.gone: str | None = None

        self.disk_bar = DiskBar()
        # Another window of the app has this post open too (the recovery keeper says when).
        self.elsewhere_bar = QLabel(OPEN_ELSEWHERE, wordWrap=True)
        self.elsewhere_bar.setObjectName("openElsewhereBar")
        self.elsewhere_bar.setStyleSheet("background: #fff3cd; color: #664d03; padding: 6px;")
        self.elsewhere_bar.hide()
        self.banner = QLabel(wordWrap=True)
        self.banner.setObjectName("rawBanner")
        self.banner.setStyleSheet("background: #fff3cd; color: #664d03; padding: 6px;")
        self.form = FrontMatterForm(
            schema, post.path, list(taxonomy.tags), list(taxonomy.categories)
        )
        self.editor = MarkdownEdit()
        # Pictures dropped on the text or chosen for an image field go where the core says.
        self.media = MediaImporter(self.media_place, prompter)
        self.editor.media = self.media
        for field_editor in self.form.editors.values():
            if isinstance(field_editor, ImageEditor):
                field_editor.media = self.media
        self.find_bar = FindBar(self.editor)
        self.preview = Preview(images=images)
        self.preview.set_base(post.path)
        self.scroll_sync = ScrollSync(self.editor, self.preview)
        self.problem_list = QListWidget()
        self.problem_list.setObjectName("problemList")
        self.problem_list.setMaximumHeight(90)
        self.problem_list.itemActivated.connect(self._go_to_problem)
        self.problem_list.itemClicked.connect(self._go_to_problem)
        self._build_layout()

        self._preview_timer = QTimer(self, singleShot=True, interval=PREVIEW_DELAY_MS)
        self._preview_timer.timeout.connect(self.update_preview)
        self._check_timer = QTimer(self, singleShot=True, interval=CHECK_DELAY_MS)
        self._check_timer.timeout.connect(self.check)
        self.renders.rendered.connect(self._show_render)
        self.preview.pageShown.connect(self._page_shown)
        self.form.fieldEdited.connect(self.set_field)
        self.form.othersEdited.connect(self.set_other_fields)
        self.editor.textChanged.connect(self._text_changed)
        self.editor.document().modificationChanged.connect(lambda _: self._announce())
        self.editor.statsChanged.connect(self.statsChanged)
        self._load(post)

    def _build_layout(self) -> None:
        form_area = QScrollArea()
        form_area.setWidget(self.form)
        form_area.setWidgetResizable(True)
        self.form_area = form_area
        toggle = QToolButton(text="Front matter", checkable=True, checked=True)
        toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toggle.setArrowType(Qt.ArrowType.DownArrow)
        toggle.toggled.connect(self._toggle_form)
        self.form_toggle = toggle
        editor_column = QWidget()
        column = QVBoxLayout(editor_column)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.editor)
        column.addWidget(self.find_bar)
        self.split = QSplitter(Qt.Orientation.Horizontal)
        self.split.addWidget(editor_column)
        self.split.addWidget(self.preview)
        self.split.setSizes([500, 500])
        self.vsplit = QSplitter(Qt.Orientation.Vertical)
        self.vsplit.addWidget(form_area)
        self.vsplit.addWidget(self.split)
        self.vsplit.setSizes([260, 500])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.disk_bar)
        layout.addWidget(self.elsewhere_bar)
        layout.addWidget(self.banner)
        layout.addWidget(toggle)
        layout.addWidget(self.vsplit, 1)
        layout.addWidget(self.problem_list)

    def set_focus_mode(self, on: bool, preview_shown: bool) -> None:
        """Focus mode: the editor alone, its text in a centred column; off: the form and the
        preview as the View menu has them."""
        self._focus = on
        self._show_form_parts()
        self.preview.setVisible(not on and preview_shown)
        self.editor.set_column(FOCUS_COLUMN if on else None)

    def _show_form_parts(self) -> None:
        """The form and its toggle: hidden in raw mode (the editor shows the front matter)
        and in focus mode; otherwise the form as its toggle has it."""
        form_shown = not self.raw and not self._focus
        self.form_toggle.setVisible(form_shown)
        self.form_area.setVisible(form_shown and self.form_toggle.isChecked())

    def _toggle_form(self, shown: bool) -> None:
        self.form_area.setVisible(shown)
        self.form_toggle.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)

    # --- the post ----------------------------------------------------------------------------

    def _load(self, post: Post) -> None:
        """Show a post (on open, after revert or reload)."""
        if post.stamp is not None:  # read from disk just now: whatever the bar said is over
            self._set_gone(None)
            self.disk_bar.clear()
        self.post = post
        self._reset_edits(post)
        self.raw = _needs_raw_mode(post)
        self.banner.setVisible(self.raw)
        self._show_form_parts()
        if self.raw:
            reason = post.error.message if post.error else "its front matter is TOML (+++)"
            where = f" (line {post.error.line})" if post.error and post.error.line else ""
            self.banner.setText(
                f"This post opens as plain text because {reason}{where}. "
                "Fix it here; Save writes exactly what you see."
            )
        else:
            self.form.fill(post.values, self._other_fields_text())
        # Raw mode shows the front matter, whose keys spell checking skips.
        self.editor.highlighter.front_matter = self.raw
        self.editor.setPlainText(_editor_text(post.text if self.raw else post.body))
        self.editor.document().setModified(False)
        self.check()
        self._preview_timer.stop()  # setPlainText started it: render once, now
        self._check_timer.stop()
        self.update_preview()
        self._announce()

    def _other_fields_text(self) -> str:
        """The entries of the post's keys no field covers, as written."""
        covered, fm = self.schema.form_keys(self.post.values), self.post.front_matter
        return _editor_text(
            "".join(fm[e.start : e.end] for e in self.post.entries if e.key not in covered)
        )

    def media_place(self) -> MediaPlace:
        """Where pictures added to this post go and how it links to them (settings, CMS
        config, else the site's layout: `editor.core.site.media`)."""
        path = self.post.path
        if path is None:
            raise PostError("save the post first: its pictures go where it is saved")
        return media_place(path, Site.around(self.within or path.parent), self.schema.media)

    def current_post(self) -> Post:
        """The post as it would be saved now: form edits plus the editor's text."""
        return self.post_builder()()

    def post_builder(self) -> Callable[[], Post]:
        """`current_post` in two steps: the editor's text is taken now, and the function
        returned builds the post from it on any thread (snapshots of long posts do)."""
        text, post = self.editor.text_to_save(), self.post
        if self.raw:
            return lambda: post.with_text(splice_lines(post.text, text, post.eol))
        return lambda: post.with_body(text)

    def _reviewed(self, post: Post) -> bool:
        """With "review before saving" on, the writer saw the diff and chose Save."""
        if not self.review_before_save or not (diff := self.pending_changes(post)):
            return True
        return self.prompter.review("Review changes", diff, "Save")

    def pending_changes(self, post: Post | None = None) -> str:
        """The unified diff of what saving now (`post`, else the current one) would change on
        disk; "" when nothing."""
        post = post or self.current_post()
        path = post.path
        try:
            on_disk = path.read_bytes().decode("utf-8", errors="replace") if path else ""
        except OSError:
            on_disk = ""  # gone, or unreadable: the save would write the whole text
        name = path.name if path else "new post"
        return unified_diff(on_disk, post.text, f"{name} (on disk)", f"{name} (to be saved)")

    @property
    def modified(self) -> bool:
        """Whether saving would change the file."""
        return self.post.modified or self.editor.document().isModified()

    @property
    def title(self) -> str:
        """The post's title, or its file name."""
        title = self.post.values.get("title")
        if title and not isinstance(title, list | dict):  # as the folder list: not a title
            return str(title)
        return self.post.path.name if self.post.path else "Untitled"

    def set_field(self, key: str, value: object) -> None:
        """A form edit: one lossless change to the front matter."""
        self._apply_edits({key: value}, "This field cannot be changed")

    def _reset_edits(self, post: Post) -> None:
        """Start recording form edits against `post` (as opened or as saved)."""
        self._base = post
        self._edits: dict[str, object] = {}  # key → value, or _REMOVED

    def _apply_edits(self, edits: dict[str, object], failure: str) -> None:
        """Record form edits and rebuild the post from the one opened. Every keystroke is
        applied to the original text, never on top of the last keystroke's result: a
        half-typed value that needed quotes must not leave its quotes behind."""
        recorded = {**self._edits, **edits}
        post = self._base
        try:
            for key, value in recorded.items():
                if value is _REMOVED:
                    post = post.without(key)
                else:
                    post = post.with_value(key, value, self.schema.order)
        except PostError as error:
            self.prompter.inform(failure, error.message)
            return
        self._edits, self.post = recorded, post
        self._after_field_edit()

    def set_other_fields(self, values: dict[str, object]) -> None:
        """The "Other fields" YAML changed (none of its keys is a field's: the form saw to
        that): apply it key by key."""
        covered = self.form.covered
        gone = {k: _REMOVED for k in self.post.values if k not in covered and k not in values}
        edits = {**gone, **{str(key): value for key, value in values.items()}}
        self._apply_edits(edits, "These fields cannot be changed")

    def _after_field_edit(self) -> None:
        self.titleChanged.emit(self.title)
        self._check_timer.start()
        self._preview_timer.start()
        self._announce()
        self.edited.emit()

    def _text_changed(self) -> None:
        self._preview_timer.start()
        self._check_timer.start()
        self.edited.emit()

    def _announce(self) -> None:
        if self.modified != self._was_modified:
            self._was_modified = self.modified
            self.modifiedChanged.emit(self._was_modified)

    # --- checking and preview ----------------------------------------------------------------

    def check(self) -> list[Problem]:
        """Validate what is on screen; show problems beside fields and in the list."""
        if self.raw:
            self.problems = validate(Post(self.editor.text_to_save(), self.post.path), self.schema)
        else:
            post = self.post
            facts = Facts(
                post.path,
                post.values,
                post.error,
                post.duplicate_keys,
                # Found from the start, not by copying the text: a 200 MB post costs nothing.
                self.editor.document().find(_NOT_BLANK).isNull(),
                post.key_lines,
            )
            self.problems = validate(facts, self.schema)
            worst: dict[str, str] = {}
            for problem in self.problems:
                worst.setdefault(problem.field, problem.message)
            self.form.show_problems(worst)
        self.problem_list.clear()
        for problem in self.problems:
            item = QListWidgetItem(
                f"{problem.severity}: line {problem.line}: {problem.field}: {problem.message}"
            )
            item.setData(Qt.ItemDataRole.UserRole, problem)
            self.problem_list.addItem(item)
        self.problem_list.setVisible(bool(self.problems))
        return self.problems

    def _go_to_problem(self, item: QListWidgetItem) -> None:
        self.go_to_problem(item.data(Qt.ItemDataRole.UserRole))

    def go_to_problem(self, problem: Problem) -> None:
        """Show where a problem is: its field in the form, else its line in the editor."""
        for name, editor in self.form.editors.items():
            if self.form.key_of(name) == problem.field and not self.raw:
                self.form_toggle.setChecked(True)
                editor.setFocus()
                return
        first_line = 1 if self.raw else self.post.body_line
        block = self.editor.document().findBlockByNumber(max(0, problem.line - first_line))
        self.editor.setTextCursor(QTextCursor(block))
        self.editor.setFocus()

    def update_preview(self) -> None:
        """Ask for a render of the current body (the answer arrives in `_show_render`). A
        post too large to render is not even copied out of the editor: the preview says so."""
        chars = self.editor.document().characterCount() - 1  # less the last line's end
        if size_problem(chars):
            self._job = 0  # no render of ours is awaited: drop any still on its way
            self._shown_source = ("", 0)
            self.preview.show_post([too_large_html(chars)], {} if self.raw else self.post.values)
            return
        text = self.editor.toPlainText()
        body = Post(text).body if self.raw else text
        self._job = self.renders.request(body)

    def _show_render(self, job: int, pieces: list[str]) -> None:
        if job != self._job:
            return  # another tab's render, or an older one of ours
        text = self.editor.toPlainText()
        if self.raw:
            shown = Post(text)
            values, body = shown.values, shown.body
            first_line = text[: len(text) - len(body)].count("\n") if text.endswith(body) else 0
        else:
            values, body, first_line = self.post.values, text, 0
        self._shown_source = (body, first_line)
        self.preview.show_post(pieces, values)

    def _page_shown(self) -> None:
        self.scroll_sync.rendered(*self._shown_source)
        self.preview_ready = True
        self.previewShown.emit()

    def set_taxonomy(self, taxonomy: Taxonomy) -> None:
        """The folder's tags and categories changed: offer the new ones in the form."""
        self.form.set_taxonomy(list(taxonomy.tags), list(taxonomy.categories))

    # --- saving ------------------------------------------------------------------------------

    def save(self) -> bool:
        """Save through the core (lossless, atomic); ask before writing errors or over a file
        that changed on disk. Returns whether the post is saved."""
        if not self.raw:
            self.form.commit_pending()  # a tag typed without its Enter is still meant
        post = self.current_post()
        if not post.modified and post.stamp is not None:
            return True
        errors = [p for p in self.check() if p.severity == "error"]
        if errors and not self.prompter.confirm(
            "Save with problems?",
            f"This post has {len(errors)} problem(s), first: {errors[0].message}. Save anyway?",
            "Save Anyway",
        ):
            return False
        if not self._reviewed(post):
            return False
        try:
            saved = post.save(within=self.within)
        except ConflictError as conflict:
            if not self.prompter.confirm("Changed on disk", conflict.message, "Overwrite"):
                return False
            try:
                saved = post.save(force=True, within=self.within)
            except PostError as error:
                self.prompter.inform("Could not save", str(error))
                return False
        except PostError as error:
            self.prompter.inform("Could not save", str(error))
            return False
        was_raw = self.raw
        self.post = saved
        self._reset_edits(saved)
        self.raw = _needs_raw_mode(saved)
        if was_raw and not self.raw:
            self._load(saved)
        self.editor.document().setModified(False)
        self._set_gone(None)
        self.disk_bar.clear()
        self._announce()
        self.saved.emit(saved)
        return True

    def revert(self) -> None:
        """Throw away the changes and show the file as it is on disk."""
        if self.post.path is None:
            return
        try:
            self._load(Post.read(self.post.path))
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
        self._load(post)
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
        original, stamp = (disk.text, disk.stamp) if disk is not None else ("", None)
        path = self.post.path
        self.post = Post(self.post.text, path, original=original, stamp=stamp)
        self._base = Post(self._base.text, path, original=original, stamp=stamp)
        if disk is not None:
            self._set_gone(None)
        self._announce()

    def mark_gone(self, reason: str) -> None:
        """The file was deleted, moved or replaced by a folder: keep the text, as unsaved."""
        self.rebase(None)
        self._set_gone(reason)

    def set_open_elsewhere(self, elsewhere: bool) -> None:
        """Say (or stop saying) that another window has this post open."""
        self.elsewhere_bar.setVisible(elsewhere)

    def _set_gone(self, reason: str | None) -> None:
        if reason != self.gone:
            self.gone = reason
            self.titleChanged.emit(self.title)

    def restore(self, text: str) -> None:
        """Show `text`, the whole file as a crash left it unsaved, as a change to the file."""
        disk = self.post
        self._load(Post(text, disk.path, original=disk.original, stamp=disk.stamp))


def _needs_raw_mode(post: Post) -> bool:
    return post.error is not None or post.kind == "toml" or bool(post.duplicate_keys)


def _editor_text(text: str) -> str:
    """Text as a QPlainTextEdit holds it (it knows only \\n)."""
    return text.replace("\r\n", "\n").replace("\r", "\n")
