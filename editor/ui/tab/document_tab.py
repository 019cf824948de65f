"""One open post: the front-matter form, the Markdown editor and the preview, in a tab.

The tab keeps one edit session (`editor.core.session.EditSession`: the post as opened and the
form's edits to it). Form edits become lossless edits of it at once; the body lives in the
editor and joins the post when it is saved (or checked), so typing costs nothing but the
keystroke. A post whose front matter cannot be edited field by field (broken YAML or TOML, a
key written twice, JSON: the core's `needs_raw_mode`) opens in raw mode: the whole file in the
editor, saved exactly as shown. Saving and following the file on disk are in tab_file.py.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QRegularExpression, Qt, QTimer, Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from editor.core.document import Post
from editor.core.errors import PostError
from editor.core.folder import Taxonomy
from editor.core.schema import Facts, Problem, Schema, validate
from editor.core.session import EditSession, Prompter, needs_raw_mode, other_fields_text
from editor.core.site import MediaPlace, media_place, size_problem, too_large_html
from editor.core.site.pictures import picture_site
from editor.core.site.rendering.choice import chosen_profile, post_profile, profile_of_post
from editor.core.site.rendering.profile import PYTHON_MARKDOWN, MarkdownProfile
from editor.ui.jobs.render_service import RenderService
from editor.ui.preview.preview import Preview
from editor.ui.preview.remote_images import RemoteImages
from editor.ui.preview.scroll_sync import ScrollSync
from editor.ui.tab.disk_bar import DiskBar
from editor.ui.tab.find_bar import FindBar
from editor.ui.tab.form import FrontMatterForm
from editor.ui.tab.form_area import FormArea
from editor.ui.tab.image_field import ImageEditor
from editor.ui.tab.markdown_edit import MarkdownEdit
from editor.ui.tab.media_drop import MediaImporter
from editor.ui.tab.pane_keys import install_pane_keys
from editor.ui.tab.problem_list import ProblemList
from editor.ui.tab.site_place import SitePlace, status_label
from editor.ui.tab.tab_file import TabFile
from editor.ui.widgets.theme import NoticeColours

# Unicode white space, as str.strip() knows it (a no-break space alone is a blank body).
_NOT_BLANK = QRegularExpression(r"\S", QRegularExpression.PatternOption.UseUnicodePropertiesOption)
FOCUS_COLUMN = 72  # characters: a comfortable line to read and write
PREVIEW_DELAY_MS = 120  # the longest idle pause before the preview follows typing
# The shortest: the pause is as long as the last render took (within these two), so a render
# started in a pause that typing then ends delays the next by no more than the pause itself.
MIN_PREVIEW_DELAY_MS = 30
CHECK_DELAY_MS = 400
OPEN_ELSEWHERE = (
    "This post is open in another Post Editor window too. Make your changes in one of them: "
    "a save in one window and then in the other would overwrite the first one's changes."
)


class DocumentTab(TabFile, QWidget):
    """A post being edited. Signals: `modifiedChanged(bool)`, `titleChanged(str)`,
    `saved(Post)`, `statsChanged(words, minutes)`, `edited()` (any change by the writer).

    `within` is the content folder the post belongs to: a save never writes outside it (through
    a symlink). `site` is where the post sits in its site (None: outside the open folder):
    the form shows what the build gives it unwritten, the check judges it as the folder's
    index does, and a line above the form says its status. `gone` says why the file is no
    longer on disk, or is None.
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
        within: Path | None = None,
        site: SitePlace | None = None,
    ) -> None:
        super().__init__(parent)
        self.site = site
        schema = site.schema() if site else schema
        self.session = EditSession(post, schema.order)
        self.schema = schema
        self.renders = renders
        self.markdown_profile = _profile(post, schema, site)  # the site's Markdown
        self.prompter = prompter
        self.raw = needs_raw_mode(post)
        self._job = 0
        self._asked_at = 0.0  # when the awaited render was asked for (perf_counter)
        self._asked_text = ""  # the editor's text then: the page shows it, not the text now
        self._shown_source: tuple[str, int] = ("", 0)  # the Markdown of the page being built
        self.preview_ready = False  # the first render has been shown
        self.review_before_save = False  # show the diff of a save and ask first
        self._focus = False  # focus mode: the editor alone
        self._was_modified = False
        self.problems: list[Problem] = []
        self.within = within
        self.gone: str | None = None
        self.spelling_note = ""  # for the status bar when the tab comes to the front

        self.disk_bar = DiskBar()
        # Another window of the app has this post open too (the recovery keeper says when).
        self.elsewhere_bar = QLabel(OPEN_ELSEWHERE, wordWrap=True)
        self.elsewhere_bar.setObjectName("openElsewhereBar")
        NoticeColours(self.elsewhere_bar, "warning", extra="padding: 6px;")
        self.elsewhere_bar.hide()
        self.banner = QLabel(wordWrap=True)
        self.banner.setObjectName("rawBanner")
        NoticeColours(self.banner, "warning", extra="padding: 6px;")
        self.form = FrontMatterForm(
            schema,
            post.path,
            list(taxonomy.tags),
            list(taxonomy.categories),
            inherited=site.inherited() if site else None,
        )
        self.site_status = status_label(site)
        self.editor = MarkdownEdit()
        self.editor.setAccessibleName("Text")
        # Pictures dropped on the text or chosen for an image field go where the core says.
        self.media = MediaImporter(self.media_place, prompter)
        self.editor.media = self.media
        for field_editor in self.form.editors.values():
            if isinstance(field_editor, ImageEditor):
                field_editor.media = self.media
        self.find_bar = FindBar(self.editor)
        self.preview = Preview(images=images)
        self.preview.setAccessibleName("Preview")
        self.preview.set_base(post.path, within)
        self.scroll_sync = ScrollSync(self.editor, self.preview)
        self.problem_list = ProblemList()
        self.problem_list.problemChosen.connect(self.go_to_problem)
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
        self.editor.document().modificationChanged.connect(lambda _: self.announce())
        self.editor.statsChanged.connect(self.statsChanged)
        self.load(post)

    def _build_layout(self) -> None:
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
        self.form_area = FormArea(self.form, self.vsplit)  # as high as whole rows
        self.vsplit.addWidget(self.split)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.disk_bar)
        layout.addWidget(self.elsewhere_bar)
        layout.addWidget(self.banner)
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 6, 0)  # the status's last letter off the window's edge
        bar.addWidget(toggle)
        bar.addStretch(1)
        bar.addWidget(self.site_status)
        layout.addLayout(bar)
        layout.addWidget(self.vsplit, 1)
        layout.addWidget(self.problem_list)
        install_pane_keys(self, lambda: (self.form, self.editor, self.preview))

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

    def load(self, post: Post) -> None:
        """Show `post` in place of what the tab shows (on open, after revert or reload)."""
        if post.stamp is not None:  # read from disk just now: whatever the bar said is over
            self.set_gone(None)
            self.disk_bar.clear()
        self.session.reset(post)
        self.raw = needs_raw_mode(post)
        self.banner.setVisible(self.raw)
        self._show_form_parts()
        if self.raw:
            reason = post.error.message if post.error else "its front matter is JSON ({ })"
            where = f" (line {post.error.line})" if post.error and post.error.line else ""
            self.banner.setText(
                f"This post opens as plain text because {reason}{where}. "
                "Fix it here; Save writes exactly what you see."
            )
        else:
            others = _editor_text(other_fields_text(post, self.schema))
            self.form.fill(post.values, others, post.kind)
        # Raw mode shows the front matter, whose keys spell checking skips.
        self.editor.highlighter.front_matter = self.raw
        self.editor.setPlainText(_editor_text(post.text if self.raw else post.body))
        self.editor.document().setModified(False)
        self.check()
        self._preview_timer.stop()  # setPlainText started it: render once, now
        self._check_timer.stop()
        self.update_preview()
        self.announce()

    def media_place(self) -> MediaPlace:
        """Where pictures added to this post go and how it links to them (settings, CMS
        config, else the site's layout: `editor.core.site.media`)."""
        path = self.post.path
        if path is None:
            raise PostError("save the post first: its pictures go where it is saved")
        return media_place(path, picture_site(path, self.within), self.schema.media)

    def current_post(self) -> Post:
        """The post as it would be saved now: form edits plus the editor's text."""
        return self.post_builder()()

    def post_builder(self) -> Callable[[], Post]:
        """`current_post` in two steps: the editor's text is taken now, and the function
        returned builds the post from it on any thread (snapshots of long posts do)."""
        return self.session.builder(self.editor.text_to_save(), self.raw)

    def pending_changes(self, post: Post | None = None) -> str:
        """The unified diff of what saving now (`post`, else the current one) would change on
        disk; "" when nothing."""
        return self.session.pending_changes(post or self.current_post())

    @property
    def post(self) -> Post:
        """The post with the form's edits (the body as last loaded or saved)."""
        return self.session.post

    @property
    def language(self) -> str | None:
        """The post's language as its site reads it (None: it says none)."""
        return self.site.language(self.post.values) if self.site else None

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
        """A form edit: one lossless change to the front matter (`EditSession.edit`)."""
        try:
            self.session.edit({key: value})
        except PostError as error:
            self.prompter.inform("This field cannot be changed", error.message)
            return
        self._after_field_edit()

    def set_other_fields(self, values: dict[str, object]) -> None:
        """The "Other fields" YAML changed (none of its keys is a field's: the core's
        `read_other_fields` saw to that): apply it key by key."""
        try:
            self.session.edit_others(values, self.form.covered)
        except PostError as error:
            self.prompter.inform("These fields cannot be changed", error.message)
            return
        self._after_field_edit()

    def _after_field_edit(self) -> None:
        self.titleChanged.emit(self.title)
        self._check_timer.start()
        self._preview_timer.start()
        self.announce()
        self.edited.emit()

    def _text_changed(self) -> None:
        self._preview_timer.start()
        self._check_timer.start()
        self.edited.emit()

    def announce(self) -> None:
        """Say `modifiedChanged` when whether the tab holds unsaved changes changed."""
        if self.modified != self._was_modified:
            self._was_modified = self.modified
            self.modifiedChanged.emit(self._was_modified)

    # --- checking and preview ----------------------------------------------------------------

    def check(self) -> list[Problem]:
        """Validate what is on screen; show problems beside fields and in the list."""
        post = Post(self.editor.text_to_save(), self.post.path) if self.raw else self.post
        facts = Facts(
            post.path,
            post.values,
            post.error,
            post.duplicate_keys,
            # Found from the start, not by copying the text: a 200 MB post costs nothing.
            post.body_is_blank if self.raw else self.editor.document().find(_NOT_BLANK).isNull(),
            post.key_lines,
            post.body_line,
        )
        if self.site is None:
            self.problems = validate(facts, self.schema)
        else:  # the index's own rule: what the site gives the post counts
            self.problems = self.site.judge(facts).problems
            self.site_status.setText(self.site.describe(post.values, dt.date.today()))
        if not self.raw:
            worst: dict[str, str] = {}
            for problem in self.problems:
                worst.setdefault(problem.field, problem.message)
            self.form.show_problems(worst)
        self.problem_list.show_problems(self.problems)
        return self.problems

    def go_to_problem(self, problem: Problem) -> None:
        """Show where a problem is: its field in the form, else its line in the editor."""
        for name, editor in self.form.editors.items():
            if self.form.key_of(name) == problem.field and not self.raw:
                self.form_toggle.setChecked(True)
                self.form.layout().activate()  # a form just shown has its rows placed first
                self.form_area.ensureWidgetVisible(editor)
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
        self._job = self.renders.request(body, self.markdown_profile)
        self._asked_at, self._asked_text = time.perf_counter(), text

    def _show_render(self, job: int, pieces: list[str], lines: tuple[int, ...] = ()) -> None:
        if job != self._job:
            return  # another tab's render, or an older one of ours
        # The text the render was asked for: no second copy of a long post, and the page's
        # headings are matched to the lines they came from.
        text, self._asked_text = self._asked_text, ""
        if self.raw:
            shown = Post(text)
            values, body = shown.values, shown.body
            first_line = text[: len(text) - len(body)].count("\n") if text.endswith(body) else 0
        else:
            values, body, first_line = self.post.values, text, 0
        self._shown_source = (body, first_line)
        took = round((time.perf_counter() - self._asked_at) * 1000)
        self._preview_timer.setInterval(min(max(took, MIN_PREVIEW_DELAY_MS), PREVIEW_DELAY_MS))
        self.scroll_sync.piece_lines = lines
        self.preview.show_post(pieces, values)

    def _page_shown(self) -> None:
        self.scroll_sync.rendered(*self._shown_source)
        self.preview_ready = True
        self.previewShown.emit()

    def set_taxonomy(self, taxonomy: Taxonomy) -> None:
        """The folder's tags and categories changed: offer the new ones in the form."""
        self.form.set_taxonomy(list(taxonomy.tags), list(taxonomy.categories))


def _editor_text(text: str) -> str:
    """Text as a QPlainTextEdit holds it (it knows only \\n)."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _profile(post: Post, schema: Schema, site: SitePlace | None) -> MarkdownProfile:
    """The Markdown the post's preview follows: its site's, or its folder's choice."""
    if site is not None and post.path is not None:
        return profile_of_post(site.generator, schema.markdown, post.path)
    if site is not None:
        return chosen_profile(site.generator, schema.markdown)
    return post_profile(post.path) if post.path else PYTHON_MARKDOWN
