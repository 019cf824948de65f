"""An open post as its site sees it (editor/ui/tab/site_place.py): the line above the form
says its status, collection and language; the tab's own check judges the post as the folder's
index does. The site is a real Jekyll site in the test's folder. (Values the site gives a post
unwritten, in the form: test_inherited.py.)"""

from __future__ import annotations

from pathlib import Path

import pytest
from sites import JEKYLL_POSTS, make_site

HELLO = "_posts/2024-03-01-hello.md"
# A schema the site's posts follow: every post wants an author.
SCHEMA = """\
fields:
  - {name: title, type: string, required: true}
  - {name: date, type: date, required: true}
  - {name: author, type: string, required: true}
  - {name: tags, type: list}
  - {name: published, type: boolean}
"""


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """The window's folder: a Jekyll site (the shared `window` fixture opens it)."""
    return make_site(tmp_path / "blog", JEKYLL_POSTS | {".post-editor.yaml": SCHEMA})


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
    published = tab.form.editors["published"].check
    published.click()  # as clicks on the box do: published: true,
    published.click()  # then false, which Jekyll leaves out
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


def test_the_tab_s_problems_are_the_index_s(window, open_tab, folder):
    tab = open_tab(HELLO)
    assert [(p.field, p.severity) for p in tab.problems] == [("author", "error")]
    entry = window.folder.refresh(folder / HELLO)
    assert list(entry.problems) == tab.problems
