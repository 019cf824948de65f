"""Values the build gives a post that it does not write (a site's defaults, a section's
cascade), in an open post: shown greyed in their fields with where they come from, never
written unless the writer types a value, and counted by the tab's check as by the index
(editor/ui/tab/form.py, field_editors.py, site_place.py).

The seam is the folder's generator's `inherited`: on a plain folder, which inherits nothing
of its own, the tests say what the site gives; the generator's `build_values` (the base
rule) puts it under the post's values for validation, as it does for every generator."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from editor.core.site.generators import Inherited

HELLO = "hello.md"
HELLO_TEXT = "---\ntitle: Hello\ndate: 2024-03-01\ntags: [intro]\n---\nFirst words.\n"
DEFAULTS = "_config.yml defaults"
# Every post wants an author, which the site gives.
SCHEMA = """\
fields:
  - {name: title, type: string, required: true}
  - {name: date, type: date, required: true}
  - {name: author, type: string, required: true}
  - {name: tags, type: list}
"""


@pytest.fixture
def folder(make_folder) -> Path:
    """The window's folder: one post and a schema wanting an author."""
    return make_folder({HELLO: HELLO_TEXT, ".post-editor.yaml": SCHEMA})


@pytest.fixture
def defaults(window, monkeypatch) -> None:
    """The site gives every post a layout and an author."""
    given = {"layout": Inherited("post", DEFAULTS), "author": Inherited("The Team", DEFAULTS)}
    monkeypatch.setattr(window.folder.generator, "inherited", lambda rel, place: given)


def test_inherited_values_show_greyed_with_where_they_come_from(open_tab, defaults):
    tab = open_tab(HELLO)
    author = tab.form.editors["author"]
    assert author.edit.text() == ""
    assert author.edit.placeholderText() == "The Team"
    assert author.inherited_note.isVisible()
    assert author.inherited_note.text() == f"from {DEFAULTS}"
    assert DEFAULTS in author.toolTip()
    # `layout` is no field of the form: it is said under "Other fields".
    assert tab.form.others.toPlainText() == ""
    assert tab.form.others_inherited.isVisible()
    assert tab.form.others_inherited.text() == f"layout: post (from {DEFAULTS})"
    # A field the post writes shows its own value, nothing inherited.
    assert not tab.form.editors["title"].inherited_note.isVisible()


def test_a_post_with_inherited_values_opens_and_saves_byte_identical(
    window, open_tab, folder, defaults
):
    tab = open_tab(HELLO)
    assert not tab.modified
    assert tab.save()
    window.close_tab(window.tabs.indexOf(tab))
    assert (folder / HELLO).read_bytes() == HELLO_TEXT.encode()


def test_typing_into_an_inherited_field_writes_only_that_key(
    qtbot, window, open_tab, folder, defaults
):
    tab = open_tab(HELLO)
    author = tab.form.editors["author"]
    author.edit.setFocus()
    qtbot.keyClicks(author.edit, "Ann")
    assert not author.inherited_note.isVisible()
    assert window.save_current()
    # One line added, in the schema's order; nothing else of the file changed.
    assert (folder / HELLO).read_text() == HELLO_TEXT.replace(
        "date: 2024-03-01\n", "date: 2024-03-01\nauthor: Ann\n"
    )
    # Emptied again: the inherited value is back, greyed.
    author.edit.selectAll()
    qtbot.keyClick(author.edit, Qt.Key.Key_Delete)
    assert author.inherited_note.isVisible()
    assert author.edit.placeholderText() == "The Team"


def test_the_tab_s_check_counts_inherited_values_as_the_index_does(
    window, open_tab, folder, defaults
):
    tab = open_tab(HELLO)
    assert tab.problems == []
    assert not tab.form.editors["author"].problem.isVisible()
    entry = window.folder.refresh(folder / HELLO)  # judged again, with the defaults
    assert list(entry.problems) == tab.problems


def test_without_inherited_values_the_missing_field_is_a_problem_in_both(window, open_tab, folder):
    tab = open_tab(HELLO)
    assert [(p.field, p.severity) for p in tab.problems] == [("author", "error")]
    assert tab.form.editors["author"].inherited_note.isHidden()
    assert list(window.folder.refresh(folder / HELLO).problems) == tab.problems


JEKYLL_CONFIG = """\
title: A site
defaults:
  - scope: {path: "", type: posts}
    values: {layout: post, author: The Team}
"""
JEKYLL_POST = "---\ntitle: Hello\ndate: 2024-03-01\n---\nFirst words.\n"


def test_a_jekyll_sites_defaults_are_fields_of_the_form_shown_greyed(qtbot, window, make_folder):
    # A real site: its `_config.yml` defaults are the collection's keys, with no stand-in.
    site = make_folder({"_config.yml": JEKYLL_CONFIG, "_posts/2024-03-01-hello.md": JEKYLL_POST})
    with qtbot.waitSignal(window.folderLoaded, timeout=10_000):
        window.open_folder(site)
    entry = next(e for e in window.panel.model.entries if e.path.name == "2024-03-01-hello.md")
    tab = window.open_entry(entry)
    assert tab is not None
    for name, value in (("layout", "post"), ("author", "The Team")):
        editor = tab.form.editors[name]
        assert (editor.edit.text(), editor.edit.placeholderText()) == ("", value)
        assert editor.inherited_note.text() == f"from {DEFAULTS}"
    assert not tab.form.others_inherited.isVisible()
    assert tab.save()
    assert (site / "_posts/2024-03-01-hello.md").read_text() == JEKYLL_POST
