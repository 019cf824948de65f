"""An open post as its site sees it: the line above the form says its status, collection and
language; values the site gives it unwritten show greyed in the form, saying where they come
from, and are never written; the tab's own check judges the post as the folder's index does.

The sites are real Jekyll sites in the test's folder. What the site gives a post (its
`_config.yml` defaults) comes from `generator.inherited`, the seam the tests set where the
Jekyll module does not read defaults yet."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from sites import JEKYLL_HELLO, JEKYLL_POSTS, make_site

from editor.core.site.generators import Inherited

HELLO = "_posts/2024-03-01-hello.md"
DEFAULTS = "_config.yml defaults"
# A schema the site's posts follow: every post wants an author, which the defaults give.
SCHEMA = """\
fields:
  - {name: title, type: string, required: true}
  - {name: date, type: date, required: true}
  - {name: author, type: string, required: true}
  - {name: tags, type: list}
  - {name: draft, type: boolean}
"""


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """The window's folder: a Jekyll site (the shared `window` fixture opens it)."""
    return make_site(tmp_path / "blog", JEKYLL_POSTS | {".post-editor.yaml": SCHEMA})


@pytest.fixture
def defaults(window, monkeypatch) -> None:
    """The site's defaults give every post a layout and an author."""
    given = {"layout": Inherited("post", DEFAULTS), "author": Inherited("The Team", DEFAULTS)}
    monkeypatch.setattr(
        window.folder.generator,
        "inherited",
        lambda rel, place: given if place.kind == "post" else {},
    )


@pytest.mark.parametrize(
    ("rel", "line"),
    [
        ("_posts/2099-01-02-future.md", "Scheduled for 2099-01-02 · posts"),
        ("_posts/2024-05-03-held-back.md", "Draft · posts"),
        ("_posts/2024-04-02-bonjour.md", "Published · posts · French (fr)"),
        ("about.md", "Published page · pages"),
    ],
)
def test_the_tab_says_the_post_s_status_collection_and_language(open_tab, rel, line):
    tab = open_tab(rel)
    assert tab.site_status.isVisible()
    assert tab.site_status.text() == line


def test_the_status_follows_the_form(qtbot, open_tab):
    tab = open_tab(HELLO)
    assert tab.site_status.text() == "Published · posts"
    tab.form.editors["draft"].check.click()  # as a click on the box does
    qtbot.waitUntil(lambda: tab.site_status.text() == "Draft · posts", timeout=3000)


def test_a_post_outside_the_open_folder_has_no_status_line(window, make_folder):
    elsewhere = make_folder({"a.md": "---\ntitle: A\ndate: 2024-01-01\n---\nA.\n"})
    tab = window.open_post(elsewhere / "a.md")  # restored after a crash, say
    assert tab.site is None
    assert not tab.site_status.isVisible()


def test_a_plain_folder_s_post_has_one_too(qtbot, window, make_folder):
    plain = make_folder({"a.md": "---\ntitle: A\ndate: 2024-01-01\n---\nA.\n"})
    with qtbot.waitSignal(window.folderLoaded, timeout=10_000):
        window.open_folder(plain)
    assert window.open_post(plain / "a.md").site_status.text() == "Published · posts"


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
    assert (folder / HELLO).read_bytes() == JEKYLL_HELLO.encode()


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
    assert (folder / HELLO).read_text() == JEKYLL_HELLO.replace(
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


def test_without_inherited_values_the_missing_field_is_a_problem_in_both(window, open_tab):
    tab = open_tab(HELLO)
    assert [(p.field, p.severity) for p in tab.problems] == [("author", "error")]
    entry = next(e for e in window.panel.model.entries if str(e.path) == str(Path(HELLO)))
    assert [(p.field, p.message) for p in entry.problems] == [
        (p.field, p.message) for p in tab.problems
    ]
