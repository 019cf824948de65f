"""The post list's columns on real sites: Kind, Collection and Lang only where a site has
pages, several collections or several languages; Status as the generator decides it."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from sites import HUGO_POSTS, JEKYLL_POSTS, make_site
from test_folder_panel import rows_by_title, visible_headers

from editor.core.folder.content_folder import ContentFolder
from editor.ui.panels.folder_panel import FolderPanel
from editor.ui.panels.index_model import HEADERS, column_of


def panel_on(qtbot, root: Path) -> FolderPanel:
    content = ContentFolder(root)
    content.scan()
    widget = FolderPanel()
    qtbot.addWidget(widget)
    widget.resize(900, 400)
    widget.show()
    widget.set_entries(content.entries, content.taxonomy())
    return widget


@pytest.fixture
def jekyll(qtbot, tmp_path) -> FolderPanel:
    return panel_on(qtbot, make_site(tmp_path / "blog", JEKYLL_POSTS))


def test_a_site_with_pages_collections_and_languages_shows_their_columns(jekyll):
    # Path: when the writer asks; Problems: when a post has one; Git: in a repository.
    assert visible_headers(jekyll) == [h for h in HEADERS if h not in ("Path", "Problems", "Git")]
    rows = rows_by_title(jekyll)
    kind, collection, lang, status = (
        visible_headers(jekyll).index(name) - 1 for name in ("Kind", "Collection", "Lang", "Status")
    )
    assert rows["About us"][kind] == "Page"
    assert rows["About us"][collection] == "pages"
    assert rows["Hello Jekyll"][kind] == "Post"
    assert rows["Hello Jekyll"][collection] == "posts"
    assert rows["Bonjour"][lang] == "fr"
    assert rows["From the future"][status] == "Scheduled"
    assert rows["Held back"][status] == "Draft"
    assert rows["Hello Jekyll"][status] == "Published"


def test_a_row_s_tooltip_says_its_status_kind_collection_and_language(jekyll):
    tips = {
        jekyll.proxy.index(row, 0).data(): jekyll.proxy.index(row, 0).data(3)  # ToolTipRole
        for row in range(jekyll.proxy.rowCount())
    }
    assert tips["Bonjour"].splitlines()[:2] == [
        str(Path("_posts/2024-04-02-bonjour.md")),
        "Published · post · posts · fr",
    ]


def test_a_site_of_one_language_shows_no_lang_column(qtbot, tmp_path):
    panel = panel_on(qtbot, make_site(tmp_path / "hugo", HUGO_POSTS))
    headers = visible_headers(panel)
    assert "Lang" not in headers
    assert {"Kind", "Collection"} <= set(headers)  # content/posts and the about page


def test_sorting_by_status_puts_each_status_together(jekyll):
    jekyll.table.sortByColumn(column_of("Status"), Qt.SortOrder.AscendingOrder)
    statuses = [e.status for e in jekyll.visible_entries()]
    assert statuses == sorted(statuses, key=("published", "draft", "scheduled", "expired").index)


def test_a_column_appears_when_a_saved_post_calls_for_it(qtbot, tmp_path):
    files = {
        rel: text.replace("title:", "lang: de\ntitle:", 1) if rel.endswith(".md") else text
        for rel, text in HUGO_POSTS.items()
    }
    root = make_site(tmp_path / "hugo", files)
    content = ContentFolder(root)
    content.scan()
    panel = panel_on(qtbot, root)
    assert panel.table.isColumnHidden(column_of("Lang"))  # every post in German
    post = root / "content/posts/second.md"
    post.write_text(post.read_text().replace("lang: de", "lang: en"))
    panel.model.update_entry(content.refresh(post))
    assert not panel.table.isColumnHidden(column_of("Lang"))


@pytest.mark.parametrize("width", [360, 460, 700])
def test_the_title_keeps_its_share_however_many_columns_a_site_adds(qtbot, jekyll, width):
    jekyll.resize(width, 400)
    qtbot.waitUntil(lambda: jekyll.table.viewport().width() < width)
    header = jekyll.table.horizontalHeader()
    viewport = jekyll.table.viewport().width()
    assert header.sectionSize(0) >= int(viewport * 0.4)
    assert header.sectionSize(column_of("Date")) >= 80  # a whole date, never "20…"


def test_a_wide_list_gives_each_column_its_width_and_the_title_the_rest(qtbot, jekyll):
    jekyll.resize(1400, 400)
    header = jekyll.table.horizontalHeader()
    qtbot.waitUntil(lambda: header.sectionSize(column_of("Tags")) == 90)
    shown = [c for c in range(1, len(HEADERS)) if not header.isSectionHidden(c)]
    others = sum(header.sectionSize(c) for c in shown)
    assert header.sectionSize(0) >= jekyll.table.viewport().width() - others - 2
