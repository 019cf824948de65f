"""One open post: the form shows its values, edits save as the smallest change to the file,
the preview follows the text, a post YAML cannot read opens as plain text, and a save over a
file another program changed asks first."""

from __future__ import annotations

from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtWidgets import QStyle, QStyleOptionButton

from editor.core.schema import Problem
from editor.ui.jobs.render_service import RenderService
from editor.ui.shell.main_window import MainWindow

REFERENCE = "robots-read-the-scans.md"
BROKEN = "broken-front-matter.md"


def _retype(qtbot, line_edit, text: str) -> None:
    """Select all in a line edit and type over it, as a writer does."""
    line_edit.setFocus()
    qtbot.keyClick(line_edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(line_edit, text)


def _clear(qtbot, line_edit) -> None:
    """Select all in a line edit and delete it."""
    line_edit.setFocus()
    qtbot.keyClick(line_edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(line_edit, Qt.Key.Key_Delete)


def test_the_form_shows_each_value(open_tab):
    tab = open_tab(REFERENCE)
    editors = tab.form.editors
    assert editors["title"].edit.text() == "Robots read the ’scans’ first"
    assert editors["date"].edit.date() == QDate(2026, 1, 24)
    assert editors["excerpt"].edit.toPlainText() == (
        "Hospitals let a model sort the scans before a doctor sees them."
    )
    assert editors["coverImage"].edit.text() == (
        "https://images.example.com/photo-1?w=400&h=200&fit=crop"
    )
    assert editors["author"].edit.text() == "Some Author"
    assert editors["tags"].tokens.chip_texts() == ["Ai"]
    assert editors["category"].combo.currentText() == "Healthcare"
    assert editors["source"].edit.text() == "https://news.example.com/2026/01/23/some-story/"
    assert not editors["draft"].check.isChecked()
    assert tab.editor.toPlainText() == "The body of the story.\n"
    assert not tab.modified
    assert tab.problem_list.count() == 0


def test_opening_and_closing_a_post_never_writes_it(window, open_tab, folder, posts):
    for rel in posts:
        open_tab(rel)
    assert not any(tab.modified for tab in window.document_tabs())
    while window.tabs.count():
        assert window.close_tab(0)
    for rel, text in posts.items():
        assert (folder / rel).read_bytes() == text.encode()


def test_a_title_and_a_body_edit_change_only_their_lines(
    qtbot, window, open_tab, folder, put_cursor
):
    tab = open_tab(REFERENCE)
    _retype(qtbot, tab.form.editors["title"].edit, "It's a new title")
    put_cursor(tab.editor, 0)
    qtbot.keyClicks(tab.editor, " And more.")
    assert tab.title == "It's a new title"
    assert window.save_current()
    assert (folder / REFERENCE).read_text() == (
        "---\n"
        "title: 'It''s a new title'\n"
        "date: '2026-01-24'\n"
        "excerpt: >-\n"
        "  Hospitals let a model sort the scans\n"
        "  before a doctor sees them.\n"
        "coverImage: >-\n"
        "  https://images.example.com/photo-1?w=400&h=200&fit=crop\n"
        "author: Some Author\n"
        "tags:\n"
        "  - Ai\n"
        "category: Healthcare\n"
        "source: >-\n"
        "  https://news.example.com/2026/01/23/some-story/\n"
        "---\n"
        "The body of the story. And more.\n"
    )
    assert not tab.modified


def test_a_crlf_post_keeps_crlf_after_an_edit(qtbot, window, open_tab, folder, put_cursor):
    tab = open_tab("written-on-windows.md")
    _retype(qtbot, tab.form.editors["title"].edit, "Still on Windows")
    put_cursor(tab.editor, 0)
    qtbot.keyClicks(tab.editor, " Edited.")
    assert window.save_current()
    assert (folder / "written-on-windows.md").read_bytes() == (
        b"---\r\n"
        b"title: 'Still on Windows'\r\n"
        b"date: '2025-06-30'\r\n"
        b"author: Some Author\r\n"
        b"tags:\r\n"
        b"  - Windows\r\n"
        b"category: Technology\r\n"
        b"---\r\n"
        b"First line of the body. Edited.\r\n"
        b"Second line of the body.\r\n"
    )


def test_a_new_body_line_in_a_crlf_post_gets_crlf(qtbot, window, open_tab, folder, put_cursor):
    tab = open_tab("written-on-windows.md")
    put_cursor(tab.editor, 1)
    qtbot.keyClick(tab.editor, Qt.Key.Key_Return)
    qtbot.keyClicks(tab.editor, "Third line.")
    assert window.save_current()
    assert (
        (folder / "written-on-windows.md")
        .read_bytes()
        .endswith(b"---\r\nFirst line of the body.\r\nSecond line of the body.\r\nThird line.\r\n")
    )


def test_tags_and_category_edits_keep_the_list_style(qtbot, window, open_tab, folder):
    tab = open_tab(REFERENCE)
    tags = tab.form.editors["tags"].edit
    tags.setFocus()
    qtbot.keyClicks(tags, "Health")
    qtbot.keyClick(tags, Qt.Key.Key_Return)
    _retype(qtbot, tab.form.editors["category"].combo.lineEdit(), "Medicine")
    assert window.save_current()
    assert (folder / REFERENCE).read_text() == (
        "---\n"
        "title: 'Robots read the ’scans’ first'\n"
        "date: '2026-01-24'\n"
        "excerpt: >-\n"
        "  Hospitals let a model sort the scans\n"
        "  before a doctor sees them.\n"
        "coverImage: >-\n"
        "  https://images.example.com/photo-1?w=400&h=200&fit=crop\n"
        "author: Some Author\n"
        "tags:\n"
        "  - Ai\n"
        "  - Health\n"
        "category: Medicine\n"
        "source: >-\n"
        "  https://news.example.com/2026/01/23/some-story/\n"
        "---\n"
        "The body of the story.\n"
    )


def test_the_preview_shows_a_heading_just_typed(qtbot, open_tab, put_cursor):
    tab = open_tab(REFERENCE)
    qtbot.waitUntil(lambda: "The body of the story." in tab.preview.toPlainText(), timeout=5000)
    put_cursor(tab.editor, 0)
    qtbot.keyClick(tab.editor, Qt.Key.Key_Return)
    qtbot.keyClicks(tab.editor, "## Fresh heading")
    qtbot.waitUntil(lambda: "Fresh heading" in tab.preview.toPlainText(), timeout=5000)
    assert "##" not in tab.preview.toPlainText()


def test_the_preview_renders_in_the_worker_process(qtbot, settings, prompter, folder):
    renders = RenderService()
    window = MainWindow(settings, renders, prompter)
    qtbot.addWidget(window, before_close_func=lambda _: setattr(prompter, "unattended", True))
    try:
        with qtbot.waitSignal(window.folderLoaded, timeout=10_000):
            window.open_folder(folder)
        entry = next(e for e in window.panel.model.entries if str(e.path) == REFERENCE)
        tab = window.open_entry(entry)
        qtbot.waitUntil(
            lambda: "The body of the story." in tab.preview.toPlainText(), timeout=20_000
        )
        tab.editor.moveCursor(tab.editor.textCursor().MoveOperation.End)
        qtbot.keyClicks(tab.editor, "## Fresh heading")
        qtbot.waitUntil(lambda: "Fresh heading" in tab.preview.toPlainText(), timeout=20_000)
        assert "##" not in tab.preview.toPlainText()
        assert renders._pool is not None, "the render did not go through the worker"
        assert renders._use_process, "the worker failed and rendering fell back in-process"
    finally:
        renders.shutdown()


def test_a_post_with_broken_yaml_opens_as_plain_text(
    qtbot, window, open_tab, folder, prompter, put_cursor, posts
):
    path = folder / BROKEN
    tab = open_tab(BROKEN)
    assert tab.raw
    assert tab.editor.toPlainText() == posts[BROKEN]
    assert not tab.banner.isHidden()
    assert tab.banner.text() == (
        "This post opens as plain text because YAML error: did not find expected ',' or ']' "
        "(line 5). Fix it here; Save writes exactly what you see."
    )
    assert tab.form_area.isHidden()
    assert not tab.modified

    prompter.answer("confirm", True)  # "Save with problems?" (the YAML is still broken)
    assert window.save_current()
    assert path.read_bytes() == posts[BROKEN].encode()

    put_cursor(tab.editor, 6)
    qtbot.keyClicks(tab.editor, " Edited.")
    prompter.answer("confirm", True)
    assert window.save_current()
    assert path.read_text() == tab.editor.toPlainText()
    assert path.read_text() == (
        "---\n"
        "title: 'Broken front matter'\n"
        "date: '2026-03-01'\n"
        "tags: [one, two\n"
        "category: Healthcare\n"
        "---\n"
        "A body under broken YAML. Edited.\n"
    )


def test_fixing_the_yaml_of_a_raw_post_then_editing_again(
    qtbot, window, open_tab, folder, prompter, put_cursor
):
    """A writer mends the broken line in plain-text mode, saves, types on and saves again:
    the file holds what the editor shows, once."""
    tab = open_tab(BROKEN)
    put_cursor(tab.editor, 3)
    qtbot.keyClicks(tab.editor, "]")
    assert window.save_current()
    fixed = (
        "---\n"
        "title: 'Broken front matter'\n"
        "date: '2026-03-01'\n"
        "tags: [one, two]\n"
        "category: Healthcare\n"
        "---\n"
        "A body under broken YAML.\n"
    )
    assert (folder / BROKEN).read_text() == fixed
    put_cursor(tab.editor, tab.editor.document().blockCount() - 2)
    qtbot.keyClicks(tab.editor, " More.")
    assert window.save_current()
    assert (folder / BROKEN).read_text() == fixed.replace("YAML.\n", "YAML. More.\n")


def test_saving_over_a_file_changed_on_disk_asks_first(
    qtbot, window, open_tab, folder, prompter, put_cursor
):
    path = folder / "glaciers-in-retreat.md"
    tab = open_tab("glaciers-in-retreat.md")
    theirs = b"---\ntitle: 'Changed elsewhere'\ndate: '2025-11-02'\n---\nTheir text.\n"
    path.write_bytes(theirs)
    put_cursor(tab.editor, 0)
    qtbot.keyClicks(tab.editor, " Mine.")

    prompter.answer("confirm", False)
    assert not window.save_current()
    assert [(q.kind, q.title) for q in prompter.asked] == [("confirm", "Changed on disk")]
    assert path.read_bytes() == theirs
    assert tab.modified

    prompter.answer("confirm", True)
    assert window.save_current()
    assert path.read_text() == (
        "---\n"
        "title: 'Glaciers in retreat'\n"
        "date: '2025-11-02'\n"
        "excerpt: >-\n"
        "  The ice is going faster than the models said.\n"
        "author: Other Author\n"
        "tags:\n"
        "  - Climate\n"
        "  - Science\n"
        "category: Environment\n"
        "---\n"
        "Measurements from three valleys. Mine.\n"
    )
    assert not tab.modified


def test_a_missing_title_shows_in_the_problem_list_and_beside_the_field(qtbot, open_tab):
    tab = open_tab(REFERENCE)
    title = tab.form.editors["title"]
    assert title.problem.isHidden()
    _clear(qtbot, title.edit)
    qtbot.waitUntil(lambda: tab.problem_list.count() > 0, timeout=5000)
    items = [tab.problem_list.item(i).text() for i in range(tab.problem_list.count())]
    assert items == ["error: line 2: title: Title is missing"]
    assert not tab.problem_list.isHidden()
    assert not title.problem.isHidden()
    assert title.problem.text() == "Title is missing"


def test_activating_a_problem_puts_the_focus_on_its_field(qtbot, window, open_tab):
    tab = open_tab(REFERENCE)
    _clear(qtbot, tab.form.editors["title"].edit)
    qtbot.waitUntil(lambda: tab.problem_list.count() > 0, timeout=5000)
    tab.editor.setFocus()
    tab.problem_list.itemActivated.emit(tab.problem_list.item(0))
    assert window.focusWidget() is tab.form.editors["title"].edit


def test_revert_throws_the_changes_away(
    qtbot, window, open_tab, folder, prompter, put_cursor, posts
):
    tab = open_tab(REFERENCE)
    _retype(qtbot, tab.form.editors["title"].edit, "Not this")
    put_cursor(tab.editor, 0)
    qtbot.keyClicks(tab.editor, " Nor this.")
    prompter.answer("confirm", True)
    window.revert_current()
    assert [q.title for q in prompter.asked] == ["Revert"]
    assert tab.form.editors["title"].edit.text() == "Robots read the ’scans’ first"
    assert tab.editor.toPlainText() == "The body of the story.\n"
    assert not tab.modified
    assert window.tabs.tabText(window.tabs.indexOf(tab)) == "Robots read the ’scans’ first"
    assert (folder / REFERENCE).read_text() == posts[REFERENCE]


def test_typing_a_title_into_an_unquoted_post_keeps_it_unquoted(qtbot, window, open_tab, folder):
    """Jekyll writes plain values; a title typed word by word passes through "New " (a
    trailing space needs quotes) but ends as a plain word again."""
    tab = open_tab("2019-03-04-spring-release.md")
    _retype(qtbot, tab.form.editors["title"].edit, "New notes")
    assert window.save_current()
    assert (folder / "2019-03-04-spring-release.md").read_text() == (
        "---\n"
        "layout: post\n"
        "title: New notes\n"
        "date: 2019-03-04 10:21:00 +0100\n"
        "author: maria\n"
        "categories: [release, news]\n"
        "tags: [changelog, spring]\n"
        "---\n"
        "The spring edition is out.\n"
    )


def test_typing_at_the_end_of_the_excerpt_keeps_it_folded(qtbot, window, open_tab, folder):
    tab = open_tab(REFERENCE)
    excerpt = tab.form.editors["excerpt"].edit
    excerpt.setFocus()
    excerpt.moveCursor(excerpt.textCursor().MoveOperation.End)
    qtbot.keyClicks(excerpt, " Quickly.")
    assert window.save_current()
    assert (folder / REFERENCE).read_text() == reference_with(
        excerpt="  Hospitals let a model sort the scans before a doctor sees them. Quickly.\n"
    )


def reference_with(excerpt: str) -> str:
    """The reference post with other excerpt lines under `excerpt: >-`."""
    return (
        "---\n"
        "title: 'Robots read the ’scans’ first'\n"
        "date: '2026-01-24'\n"
        "excerpt: >-\n"
        f"{excerpt}"
        "coverImage: >-\n"
        "  https://images.example.com/photo-1?w=400&h=200&fit=crop\n"
        "author: Some Author\n"
        "tags:\n"
        "  - Ai\n"
        "category: Healthcare\n"
        "source: >-\n"
        "  https://news.example.com/2026/01/23/some-story/\n"
        "---\n"
        "The body of the story.\n"
    )


def test_the_draft_box_and_the_date_picker(qtbot, window, open_tab, folder):
    tab = open_tab(REFERENCE)
    draft = tab.form.editors["draft"].check
    draft.setFocus()
    qtbot.keyClick(draft, Qt.Key.Key_Space)
    assert draft.isChecked()
    date = tab.form.editors["date"].edit
    date.setFocus()
    qtbot.keyClick(date, Qt.Key.Key_Up)  # the year section has the cursor
    assert date.date() == QDate(2027, 1, 24)
    assert window.save_current()
    assert (folder / REFERENCE).read_text() == (
        "---\n"
        "title: 'Robots read the ’scans’ first'\n"
        "date: '2027-01-24'\n"
        "excerpt: >-\n"
        "  Hospitals let a model sort the scans\n"
        "  before a doctor sees them.\n"
        "coverImage: >-\n"
        "  https://images.example.com/photo-1?w=400&h=200&fit=crop\n"
        "author: Some Author\n"
        "tags:\n"
        "  - Ai\n"
        "category: Healthcare\n"
        "draft: true\n"
        "source: >-\n"
        "  https://news.example.com/2026/01/23/some-story/\n"
        "---\n"
        "The body of the story.\n"
    )


def test_other_fields_are_edited_as_yaml_key_by_key(qtbot, make_folder, settings, prompter):
    """Keys the folder's schema does not know (too rare to be inferred) show as YAML text."""
    posts = {
        f"post-{i}.md": f"---\ntitle: 'Post {i}'\ndate: '2026-01-{i + 1:02d}'\n---\nText.\n"
        for i in range(10)
    }
    posts["in-a-series.md"] = (
        "---\n"
        "title: 'In a series'\n"
        "date: '2026-02-01'\n"
        "series: one  # the first\n"
        "weight: 3\n"
        "---\n"
        "Text.\n"
    )
    root = make_folder(posts)
    window = MainWindow(settings, RenderService(use_process=False), prompter)
    qtbot.addWidget(window, before_close_func=lambda _: setattr(prompter, "unattended", True))
    with qtbot.waitSignal(window.folderLoaded, timeout=10_000):
        window.open_folder(root)
    tab = window.open_post(root / "in-a-series.md")
    others = tab.form.others
    assert others.toPlainText() == "series: one  # the first\nweight: 3\n"

    others.setFocus()
    cursor = others.textCursor()
    cursor.setPosition(len("series: one"))
    others.setTextCursor(cursor)
    qtbot.keyClicks(others, "-two")
    qtbot.waitUntil(lambda: tab.modified, timeout=3000)
    # A form edit after it must keep the "Other fields" edit.
    title = tab.form.editors["title"].edit
    title.selectAll()
    qtbot.keyClicks(title, "In a series, again")
    assert window.save_current()
    assert (root / "in-a-series.md").read_text() == (
        "---\n"
        "title: 'In a series, again'\n"
        "date: '2026-02-01'\n"
        "series: one-two  # the first\n"
        "weight: 3\n"
        "---\n"
        "Text.\n"
    )


def test_saving_with_a_problem_asks_and_no_keeps_the_file(
    qtbot, window, open_tab, folder, prompter, posts
):
    tab = open_tab(REFERENCE)
    _clear(qtbot, tab.form.editors["title"].edit)
    prompter.answer("confirm", False)
    assert not window.save_current()
    assert [q.title for q in prompter.asked] == ["Save with problems?"]
    assert "Title is missing" in prompter.asked[0].text
    assert (folder / REFERENCE).read_text() == posts[REFERENCE]
    assert tab.modified


def test_saving_an_unchanged_post_asks_nothing(window, open_tab, folder, prompter, posts):
    """Ctrl+S out of habit on a post with problems: there is nothing to save, so no
    "Save with problems?" question either."""
    open_tab(BROKEN)
    window.save_current()
    assert prompter.asked == []
    assert (folder / BROKEN).read_bytes() == posts[BROKEN].encode()


def test_picking_another_day_keeps_the_time_a_jekyll_date_had(qtbot, window, open_tab, folder):
    """The form's date field is day-only, but this post's date carries a time and a zone:
    picking another day must change the day, not reset the time to midnight."""
    rel = "2019-03-04-spring-release.md"
    before = (folder / rel).read_text()
    tab = open_tab(rel)
    date = tab.form.editors["date"].edit
    date.setFocus()
    date.setDate(date.date().addDays(1))
    assert window.save_current()
    assert (folder / rel).read_text() == before.replace(
        "date: 2019-03-04 10:21:00 +0100", "date: 2019-03-05 10:21:00 +0100"
    )


def test_clicking_the_words_draft_ticks_the_box(qtbot, window, open_tab, folder, posts):
    """The checkbox carries its own label, so the words are part of what a click toggles,
    and the form adds no second label beside it."""
    tab = open_tab(REFERENCE)
    editor = tab.form.editors["draft"]
    draft = editor.check
    assert draft.text() == "Draft"
    label = tab.form.layout().labelForField(editor)
    assert label is None or label.text() == ""
    option = QStyleOptionButton()
    option.initFrom(draft)
    option.text = draft.text()
    words = draft.style().subElementRect(QStyle.SubElement.SE_CheckBoxContents, option, draft)
    on_the_d = QPoint(words.left() + draft.fontMetrics().horizontalAdvance("D"), words.center().y())
    qtbot.mouseClick(draft, Qt.MouseButton.LeftButton, pos=on_the_d)
    assert draft.isChecked()
    assert window.save_current()
    assert (folder / REFERENCE).read_text() == posts[REFERENCE].replace(
        "category: Healthcare\n", "category: Healthcare\ndraft: true\n"
    )


def _to_end(qtbot, editor) -> None:
    """Ctrl+End: the cursor after the last character, as a writer puts it there."""
    editor.setFocus()
    qtbot.keyClick(editor, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)


def test_typing_at_the_end_of_a_post_keeps_its_final_newline(
    qtbot, window, open_tab, folder, posts
):
    """Issue 13, point 8: the editor shows a final newline as an empty last line; text typed
    there ended the file without one ("\\ No newline at end of file")."""
    rel = "glaciers-in-retreat.md"
    tab = open_tab(rel)
    _to_end(qtbot, tab.editor)
    qtbot.keyClicks(tab.editor, "A new last line.")
    assert window.save_current()
    assert (folder / rel).read_bytes() == (
        b"---\n"
        b"title: 'Glaciers in retreat'\n"
        b"date: '2025-11-02'\n"
        b"excerpt: >-\n"
        b"  The ice is going faster than the models said.\n"
        b"author: Other Author\n"
        b"tags:\n"
        b"  - Climate\n"
        b"  - Science\n"
        b"category: Environment\n"
        b"---\n"
        b"Measurements from three valleys.\n"
        b"A new last line.\n"
    )
    # Typed on, then some of it taken back: the line is still a line.
    qtbot.keyClicks(tab.editor, " And")
    qtbot.keyClick(tab.editor, Qt.Key.Key_Backspace)
    assert window.save_current()
    assert (folder / rel).read_bytes() == posts[rel].replace(
        "valleys.\n", "valleys.\nA new last line. An\n"
    ).encode()


def test_a_final_newline_deleted_on_purpose_stays_deleted(qtbot, window, open_tab, folder, posts):
    rel = "glaciers-in-retreat.md"
    tab = open_tab(rel)
    _to_end(qtbot, tab.editor)
    qtbot.keyClick(tab.editor, Qt.Key.Key_Backspace)
    assert window.save_current()
    assert (folder / rel).read_bytes() == posts[rel].removesuffix("\n").encode()
    # ...and typing on at the end of that line does not bring it back.
    qtbot.keyClicks(tab.editor, " Three.")
    assert window.save_current()
    assert (folder / rel).read_bytes() == posts[rel].replace(
        "valleys.\n", "valleys. Three."
    ).encode()


def test_a_crlf_post_keeps_its_final_crlf_when_typed_at_the_end(qtbot, window, open_tab, folder):
    tab = open_tab("written-on-windows.md")
    _to_end(qtbot, tab.editor)
    qtbot.keyClicks(tab.editor, "Third line.")
    assert window.save_current()
    assert (folder / "written-on-windows.md").read_bytes() == (
        b"---\r\n"
        b"title: 'Written on Windows'\r\n"
        b"date: '2025-06-30'\r\n"
        b"author: Some Author\r\n"
        b"tags:\r\n"
        b"  - Windows\r\n"
        b"category: Technology\r\n"
        b"---\r\n"
        b"First line of the body.\r\n"
        b"Second line of the body.\r\n"
        b"Third line.\r\n"
    )


def test_going_to_a_problem_scrolls_the_form_to_its_field(qtbot, window, open_tab):
    tab = open_tab(REFERENCE)
    tab.vsplit.setSizes([70, 700])  # a form far shorter than its rows: it scrolls
    qtbot.waitUntil(lambda: tab.form_area.verticalScrollBar().maximum() > 0)
    name, field = list(tab.form.editors.items())[-1]  # the last row, out of sight
    viewport = tab.form_area.viewport()

    def shown() -> bool:
        top_left = field.mapTo(viewport, field.rect().topLeft())
        return viewport.rect().contains(top_left) and top_left.y() + field.height() > 0

    assert not shown()
    tab.form_toggle.setChecked(False)  # folded away: going there unfolds it too
    tab.go_to_problem(Problem(tab.post.path, 2, tab.form.key_of(name), "error", "Wrong"))
    assert shown()
    assert tab.form_area.verticalScrollBar().value() > 0
    assert field.isAncestorOf(window.focusWidget()) or window.focusWidget() is field
