"""The folder panel: the index as a table the writer filters by typing, narrows with a quick
filter, sorts by a column header, and opens posts from."""

from __future__ import annotations

import warnings
from pathlib import Path, PurePath

import pytest
from PySide6.QtCore import QPoint, Qt
from sites import JEKYLL_POSTS, make_site

from editor.core.folder.content_folder import ContentFolder
from editor.ui.panels.folder_panel import FolderPanel
from editor.ui.panels.index_model import column_of
from editor.ui.settings import Settings


@pytest.fixture
def scanned(folder: Path) -> ContentFolder:
    content = ContentFolder(folder)
    content.scan()
    return content


@pytest.fixture
def panel(qtbot, scanned: ContentFolder) -> FolderPanel:
    widget = FolderPanel()
    qtbot.addWidget(widget)
    widget.resize(700, 400)
    widget.show()
    widget.set_entries(scanned.entries, scanned.taxonomy())
    return widget


def shown(panel: FolderPanel) -> list[str]:
    """The Title column, top to bottom."""
    return [panel.proxy.index(row, 0).data() for row in range(panel.proxy.rowCount())]


def type_filter(qtbot, panel: FolderPanel, text: str) -> None:
    panel.filter_box.clear()
    qtbot.keyClicks(panel.filter_box, text)


def choose_quick(panel: FolderPanel, label: str) -> None:
    index = panel.quick.findText(label)
    assert index >= 0, f"no quick filter {label!r} in {_labels(panel)}"
    panel.quick.setCurrentIndex(index)


def _labels(panel: FolderPanel) -> list[str]:
    return [panel.quick.itemText(i) for i in range(panel.quick.count())]


def visible_headers(panel: FolderPanel) -> list[str]:
    """The headers of the columns the table shows, left to right."""
    header = panel.table.horizontalHeader()
    return [
        panel.proxy.headerData(c, Qt.Orientation.Horizontal)
        for c in range(panel.proxy.columnCount())
        if not header.isSectionHidden(c)
    ]


def rows_by_title(panel: FolderPanel) -> dict[str, list[object]]:
    """Each shown row's cells under the shown headers but the title, by title."""
    header = panel.table.horizontalHeader()
    columns = [c for c in range(1, panel.proxy.columnCount()) if not header.isSectionHidden(c)]
    return {
        panel.proxy.index(row, 0).data(): [panel.proxy.index(row, c).data() for c in columns]
        for row in range(panel.proxy.rowCount())
    }


def test_every_post_is_a_row(panel, titles):
    assert panel.model.rowCount() == len(titles)
    assert set(shown(panel)) == titles
    # A folder of posts in one collection and one language: no Kind, Collection or Lang.
    assert visible_headers(panel) == ["Title", "Date", "Status", "Problems", "Category", "Tags"]
    assert panel.kind.isHidden() and panel.collection.isHidden()


def test_a_row_shows_date_category_tags_status_and_problems(panel):
    rows = rows_by_title(panel)
    assert rows["Robots read the ’scans’ first"] == [
        "2026-01-24",
        "Published",
        "",
        "Healthcare",
        "Ai",
    ]
    assert rows["Spring release notes"] == [
        "2019-03-04",
        "Published",
        "",
        "release, news",
        "changelog, spring",
    ]
    assert rows["Half-written thoughts on compilers"][1:3] == ["Draft", ""]
    assert rows["broken-front-matter.md"] == [None, "Published", "1 error", "", ""]


def test_the_title_takes_the_spare_width(panel):
    header = panel.table.horizontalHeader()
    others = sum(header.sectionSize(c) for c in range(1, 9) if not header.isSectionHidden(c))
    assert header.sectionSize(0) >= panel.table.viewport().width() - others - 2


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("glaciers", ["Glaciers in retreat"]),  # a title word
        ("RETREAT", ["Glaciers in retreat"]),  # any case
        ("changelog", ["Spring release notes"]),  # a tag
        ("environment", ["Glaciers in retreat"]),  # a category
        ("drafts/", ["Half-written thoughts on compilers"]),  # a folder in the path
        ("2019-03-04", ["Spring release notes"]),  # the file name
        ("technology windows", ["Written on Windows"]),  # every word must match
        ("no-such-thing", []),
    ],
)
def test_typing_in_the_filter_box_narrows_the_rows(qtbot, panel, typed, expected):
    type_filter(qtbot, panel, typed)
    assert shown(panel) == expected


def test_clearing_the_filter_shows_every_post_again(qtbot, panel, titles):
    type_filter(qtbot, panel, "glaciers")
    assert len(shown(panel)) == 1
    panel.filter_box.clear()
    assert set(shown(panel)) == titles


def test_quick_filters_list_drafts_problems_categories_and_tags(panel):
    labels = _labels(panel)
    assert labels[:6] == [
        "All posts",
        "Published",
        "Drafts",
        "Scheduled",
        "Expired",
        "With problems",
    ]
    assert "Category: Technology (2)" in labels
    assert "Tag: Ai (1)" in labels
    assert "Tag: Climate (1)" in labels


def test_the_drafts_quick_filter(panel):
    choose_quick(panel, "Drafts")
    assert shown(panel) == ["Half-written thoughts on compilers"]


def test_the_problems_quick_filter(panel):
    choose_quick(panel, "With problems")
    assert shown(panel) == ["broken-front-matter.md"]


def test_a_tag_quick_filter(panel):
    choose_quick(panel, "Tag: Climate (1)")
    assert shown(panel) == ["Glaciers in retreat"]


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("Published", []),  # not known before the judging: none claimed
        ("Drafts", []),
        ("With problems", []),
        ("Tag: Climate (1)", ["Glaciers in retreat"]),  # known from the front matter
        ("Category: Technology (2)", ["Half-written thoughts on compilers", "Written on Windows"]),
    ],
)
def test_posts_not_judged_yet_pass_only_the_filters_their_front_matter_answers(
    qtbot, folder, label, expected
):
    told: list[list] = []
    content = ContentFolder(folder)
    content.scan(partial=told.append)  # a few posts: listed before their schema is guessed
    unjudged = [e for chunk in told for e in chunk]
    assert unjudged and not any(e.judged for e in unjudged)
    widget = FolderPanel()
    qtbot.addWidget(widget)
    widget.set_entries(unjudged, content.taxonomy())
    choose_quick(widget, label)
    assert sorted(shown(widget)) == expected


def test_sorting_by_status_puts_posts_not_judged_yet_after_every_status(qtbot, folder):
    told: list[list] = []
    content = ContentFolder(folder)
    judged = content.scan(partial=told.append)
    unjudged = {str(e.path): e for chunk in told for e in chunk}
    # Half the posts judged, half still as read (a cold open's rows, mid-way).
    mixed = [unjudged[str(e.path)] if i % 2 else e for i, e in enumerate(judged)]
    widget = FolderPanel()
    qtbot.addWidget(widget)
    widget.set_entries(mixed, content.taxonomy())
    widget.table.sortByColumn(column_of("Status"), Qt.SortOrder.AscendingOrder)
    order = [e.judged for e in widget.visible_entries()]
    assert order == sorted(order, reverse=True) and False in order and True in order


def test_a_category_quick_filter_and_typed_words_together(qtbot, panel):
    choose_quick(panel, "Category: Technology (2)")
    assert sorted(shown(panel)) == ["Half-written thoughts on compilers", "Written on Windows"]
    type_filter(qtbot, panel, "windows")
    assert shown(panel) == ["Written on Windows"]
    choose_quick(panel, "All posts")
    assert shown(panel) == ["Written on Windows"]


def test_the_chosen_quick_filter_stays_when_the_index_is_refreshed(panel, scanned, folder):
    choose_quick(panel, "Tag: Climate (1)")
    (folder / "more-ice.md").write_text(
        "---\ntitle: 'More ice'\ndate: '2025-12-01'\ntags:\n  - Climate\n---\nCold.\n"
    )
    scanned.scan()
    panel.set_entries(scanned.entries, scanned.taxonomy())
    assert panel.quick.currentText() == "Tag: Climate (2)"
    assert sorted(shown(panel)) == ["Glaciers in retreat", "More ice"]


def test_show_only_a_tag_or_a_category_chooses_its_quick_filter(panel):
    assert panel.show_only("tag", "Climate")
    assert panel.quick.currentText() == "Tag: Climate (1)"
    assert shown(panel) == ["Glaciers in retreat"]
    assert panel.show_only("category", "Technology")
    assert panel.quick.currentText() == "Category: Technology (2)"
    assert sorted(shown(panel)) == ["Half-written thoughts on compilers", "Written on Windows"]


def test_show_only_a_name_no_post_has_leaves_the_list_as_it_was(panel):
    choose_quick(panel, "Tag: Climate (1)")
    assert not panel.show_only("tag", "Technology")  # a category, not a tag
    assert not panel.show_only("category", "Nothing")
    assert panel.quick.currentText() == "Tag: Climate (1)"
    assert shown(panel) == ["Glaciers in retreat"]


def test_show_only_finds_a_name_that_looks_like_a_count(qtbot, make_folder):
    """A name is found by what it is, not by reading the labels back."""
    content = ContentFolder(
        make_folder(
            {
                "a.md": "---\ntitle: A\ntags: [C (2)]\n---\nA.\n",
                "b.md": "---\ntitle: B\ntags: [C]\n---\nB.\n",
            }
        )
    )
    content.scan()
    widget = FolderPanel()
    qtbot.addWidget(widget)
    widget.set_entries(content.entries, content.taxonomy())
    assert widget.show_only("tag", "C (2)")
    assert shown(widget) == ["A"]
    assert widget.show_only("tag", "C")
    assert shown(widget) == ["B"]


def test_newest_first_by_default(panel):
    assert shown(panel) == [
        "Half-written thoughts on compilers",  # 2026-02-10
        "Robots read the ’scans’ first",  # 2026-01-24
        "Glaciers in retreat",  # 2025-11-02
        "Written on Windows",  # 2025-06-30
        "Spring release notes",  # 2019-03-04 10:21 +01:00
        "broken-front-matter.md",  # no date
    ]


def test_sorting_by_title_ignores_case(panel):
    panel.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    assert shown(panel) == [
        "broken-front-matter.md",
        "Glaciers in retreat",
        "Half-written thoughts on compilers",
        "Robots read the ’scans’ first",
        "Spring release notes",
        "Written on Windows",
    ]
    panel.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert shown(panel)[0] == "Written on Windows"


def test_clicking_the_date_header_sorts_oldest_first(qtbot, panel):
    header = panel.table.horizontalHeader()
    assert header.sortIndicatorSection() == 1
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    x = header.sectionViewportPosition(1) + header.sectionSize(1) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    assert header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder
    assert shown(panel) == [
        "broken-front-matter.md",
        "Spring release notes",
        "Written on Windows",
        "Glaciers in retreat",
        "Robots read the ’scans’ first",
        "Half-written thoughts on compilers",
    ]


def test_activating_a_row_asks_to_open_its_post(qtbot, panel):
    type_filter(qtbot, panel, "glaciers")
    with qtbot.waitSignal(panel.openRequested) as opened:
        panel.table.activated.emit(panel.proxy.index(0, 2))
    assert opened.args[0].path == PurePath("glaciers-in-retreat.md")


def test_pressing_enter_on_a_row_opens_it(qtbot, panel):
    type_filter(qtbot, panel, "spring")
    panel.table.setFocus()
    panel.table.setCurrentIndex(panel.proxy.index(0, 0))
    with qtbot.waitSignal(panel.openRequested, timeout=2000) as opened:
        qtbot.keyClick(panel.table, Qt.Key.Key_Return)
    assert opened.args[0].title == "Spring release notes"


def test_a_saved_post_updates_its_row_and_a_new_one_is_added(panel, scanned, folder, titles):
    path = folder / "glaciers-in-retreat.md"
    path.write_text(path.read_text().replace("'Glaciers in retreat'", "'Ice in retreat'"))
    panel.model.update_entry(scanned.refresh(path))
    (folder / "new.md").write_text("---\ntitle: 'Brand new'\ndate: '2026-03-03'\n---\nHi.\n")
    panel.model.update_entry(scanned.refresh(folder / "new.md"))
    assert set(shown(panel)) == (titles - {"Glaciers in retreat"}) | {"Ice in retreat", "Brand new"}
    assert shown(panel)[0] == "Brand new"  # still newest first


def test_a_rescan_changes_only_its_rows_and_the_selection_stays(panel, scanned, folder, titles):
    row = shown(panel).index("Written on Windows")
    panel.table.selectRow(row)
    path = folder / "glaciers-in-retreat.md"
    path.write_text(path.read_text().replace("'Glaciers in retreat'", "'Ice in retreat'"))
    (folder / "2019-03-04-spring-release.md").unlink()
    scanned.scan()
    panel.show_changes(scanned.entries)
    assert set(shown(panel)) == (titles - {"Glaciers in retreat", "Spring release notes"}) | {
        "Ice in retreat"
    }
    [selected] = panel.table.selectionModel().selectedRows()
    assert selected.data() == "Written on Windows"


def test_visible_entries_follow_the_filter_and_the_order(qtbot, panel):
    type_filter(qtbot, panel, "technology")
    assert [str(e.path) for e in panel.visible_entries()] == [
        "drafts/compilers.md",
        "written-on-windows.md",
    ]


def test_filtering_uses_no_deprecated_qt_call(qtbot, panel):
    """Qt 6.12 deprecates invalidateRowsFilter; a deprecated call warns on every keystroke."""
    with warnings.catch_warnings():
        warnings.simplefilter("error", DeprecationWarning)
        type_filter(qtbot, panel, "glaciers")
        choose_quick(panel, "Drafts")
        choose_quick(panel, "All posts")
    assert shown(panel) == ["Glaciers in retreat"]


@pytest.fixture
def titled(qtbot, tmp_path):
    """A panel over a folder with posts of the given titles, and a way to add one more."""
    content = ContentFolder(tmp_path)

    def add(title: str) -> object:
        (tmp_path / f"{title.lower()}.md").write_text(f"---\ntitle: {title}\n---\nText\n")
        return content.refresh(tmp_path / f"{title.lower()}.md")

    def make(titles: list[str]) -> tuple[FolderPanel, object]:
        for title in titles:
            add(title)
        widget = FolderPanel()
        qtbot.addWidget(widget)
        widget.set_entries(content.entries, content.taxonomy())
        return widget, add

    return make


def test_a_post_added_under_a_filter_is_shown_only_if_it_matches(titled):
    panel, add = titled(["Alpha", "Beta"])
    panel.filter_box.setText("gam")
    assert shown(panel) == []
    panel.model.update_entry(add("Gamma"))
    panel.model.update_entry(add("Delta"))
    assert shown(panel) == ["Gamma"]
    panel.filter_box.setText("")
    assert sorted(shown(panel)) == ["Alpha", "Beta", "Delta", "Gamma"]


def test_a_post_added_to_a_sorted_list_takes_its_place(titled):
    panel, add = titled(["Beta", "Delta"])
    panel.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    panel.model.update_entry(add("Charlie"))
    panel.model.update_entry(add("Alpha"))
    assert shown(panel) == ["Alpha", "Beta", "Charlie", "Delta"]
    panel.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert shown(panel) == ["Delta", "Charlie", "Beta", "Alpha"]


def test_the_selected_post_stays_selected_when_the_list_is_sorted(titled):
    panel, _ = titled(["Beta", "Alpha", "Charlie"])
    panel.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    panel.table.selectRow(2)  # Charlie
    panel.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    [selected] = panel.table.selectionModel().selectedRows()
    assert selected.data() == "Charlie" and selected.row() == 0


# --- a site: kinds, collections and publishing statuses ------------------------------------


@pytest.fixture
def site_panel(qtbot, tmp_path) -> tuple[FolderPanel, ContentFolder]:
    content = ContentFolder(make_site(tmp_path / "blog", JEKYLL_POSTS))
    content.scan()
    widget = FolderPanel()
    qtbot.addWidget(widget)
    widget.show()
    widget.set_entries(content.entries, content.taxonomy())
    return widget, content


def test_posts_or_pages_only(site_panel):
    panel, _ = site_panel
    assert panel.kind.isVisible()
    assert [panel.kind.itemText(i) for i in range(3)] == ["Posts and pages", "Posts", "Pages"]
    panel.kind.setCurrentIndex(2)
    assert shown(panel) == ["About us"]
    panel.kind.setCurrentIndex(1)
    assert "About us" not in shown(panel) and "Hello Jekyll" in shown(panel)
    panel.kind.setCurrentIndex(0)
    assert "About us" in shown(panel)


def test_one_collection_only(site_panel):
    panel, _ = site_panel
    assert panel.collection.isVisible()
    labels = [panel.collection.itemText(i) for i in range(panel.collection.count())]
    assert labels == ["All collections", "drafts (1)", "pages (1)", "posts (4)"]
    assert panel.show_collection("drafts")
    assert shown(panel) == ["An idea"]
    assert not panel.show_collection("nothing")
    assert shown(panel) == ["An idea"]


def test_the_collection_filter_and_the_quick_filter_together(site_panel):
    panel, _ = site_panel
    panel.show_collection("posts")
    choose_quick(panel, "Scheduled")
    assert shown(panel) == ["From the future"]
    panel.collection.setCurrentIndex(0)
    choose_quick(panel, "Published")
    assert {"Hello Jekyll", "Bonjour"} <= set(shown(panel))
    assert not {"From the future", "Held back"} & set(shown(panel))


def test_the_drafts_filter_lists_what_the_build_leaves_out(site_panel):
    panel, _ = site_panel
    choose_quick(panel, "Drafts")
    assert "Held back" in shown(panel)  # published: false
    assert "Hello Jekyll" not in shown(panel)


def test_the_expired_filter(site_panel, monkeypatch):
    """Expiry is Hugo's; the seam is the folder's generator, whose answer the list shows."""
    panel, content = site_panel
    judge = content.generator.status
    monkeypatch.setattr(
        content.generator,
        "status",
        lambda rel, place, values, today: (
            "expired" if rel.name.endswith("hello.md") else judge(rel, place, values, today)
        ),
    )
    content.refresh(content.root / "_posts/2024-03-01-hello.md")
    panel.show_changes(content.entries)
    choose_quick(panel, "Expired")
    assert shown(panel) == ["Hello Jekyll"]


def test_the_path_column_is_hidden_until_the_header_menu_shows_it(panel):
    assert "Path" not in visible_headers(panel)
    menu = panel.column_menu()
    path = next(a for a in menu.actions() if a.text() == "Path")
    assert not path.isChecked()
    path.trigger()
    assert visible_headers(panel)[-1] == "Path"
    assert "drafts/compilers.md" in [row[-1] for row in rows_by_title(panel).values()]
    tags = next(a for a in panel.column_menu().actions() if a.text() == "Tags")
    tags.trigger()
    assert "Tags" not in visible_headers(panel)


def test_the_columns_shown_are_remembered(qtbot, scanned, settings):
    first = FolderPanel(Settings(settings))
    qtbot.addWidget(first)
    first.set_entries(scanned.entries, scanned.taxonomy())
    first.show_column("Path", True)
    first.show_column("Category", False)
    again = FolderPanel(Settings(settings))
    qtbot.addWidget(again)
    again.set_entries(scanned.entries, scanned.taxonomy())
    assert "Path" in visible_headers(again)
    assert "Category" not in visible_headers(again)


def test_a_row_is_one_line_of_text_high(panel):
    line = panel.table.fontMetrics().height()
    assert line < panel.table.rowHeight(0) <= line + 10


# --- the filter's own rows: narrowing searches, the selection across keystrokes ---------------


def test_the_selected_post_stays_selected_while_it_matches_and_leaves_when_filtered_out(
    qtbot, panel
):
    panel.table.selectRow(shown(panel).index("Written on Windows"))
    type_filter(qtbot, panel, "technology")
    [selected] = panel.table.selectionModel().selectedRows()
    assert selected.data() == "Written on Windows"
    assert panel.selected_entries()[0].title == "Written on Windows"
    panel.filter_box.setText("glaciers")
    assert panel.table.selectionModel().selectedRows() == []
    panel.filter_box.setText("")
    assert panel.selected_entries() == []


@pytest.mark.parametrize(
    "keystrokes",
    [
        ["g", "gl", "gla", "glaciers", "glacier", "g", ""],  # typed on, then erased
        ["re", "ret", "retreat in", "in", "in retreat", "retreat"],  # words added, reordered
        ["technology", "technology windows", "windows", "w"],
        ["s", "sp", "spx", "sp"],  # nothing matches, then something again
    ],
)
def test_each_keystroke_shows_what_a_fresh_search_shows(qtbot, panel, scanned, keystrokes):
    for text in keystrokes:
        panel.filter_box.setText(text)
        words = text.casefold().split()
        expected = [
            e.title or e.path.name
            for e in panel.model.entries
            if all(
                w in " ".join([e.title or "", *e.tags, *e.categories, str(e.path)]).casefold()
                for w in words
            )
        ]
        assert shown(panel) == expected, text


def test_a_saved_post_that_no_longer_matches_leaves_the_filtered_rows(qtbot, tmp_path):
    content = ContentFolder(tmp_path)
    for name, tags in (("a", "[xyzzy]"), ("b", "[xyzzy]"), ("c", "[]")):
        (tmp_path / f"{name}.md").write_text(f"---\ntitle: {name.upper()}\ntags: {tags}\n---\n")
        content.refresh(tmp_path / f"{name}.md")
    panel = FolderPanel()
    qtbot.addWidget(panel)
    panel.set_entries(content.entries, content.taxonomy())
    panel.filter_box.setText("xyz")
    assert sorted(shown(panel)) == ["A", "B"]
    (tmp_path / "a.md").write_text("---\ntitle: A\ntags: []\n---\n")
    panel.model.update_entry(content.refresh(tmp_path / "a.md"))
    assert shown(panel) == ["B"]
    (tmp_path / "c.md").write_text("---\ntitle: C\ntags: [xyzzy]\n---\n")
    panel.model.update_entry(content.refresh(tmp_path / "c.md"))
    assert sorted(shown(panel)) == ["B", "C"]


def test_the_filter_finds_accented_titles_typed_without_their_accents(qtbot, tmp_path):
    (tmp_path / "cafe.md").write_text("---\ntitle: Le café du coin\n---\nText.\n", "utf-8")
    (tmp_path / "other.md").write_text("---\ntitle: Another post\n---\nText.\n", "utf-8")
    content = ContentFolder(tmp_path)
    content.scan()
    widget = FolderPanel()
    qtbot.addWidget(widget)
    widget.set_entries(content.entries, content.taxonomy())
    for typed in ("cafe", "CAFÉ"):
        type_filter(qtbot, widget, typed)
        assert shown(widget) == ["Le café du coin"]


def test_posts_listed_as_read_join_the_sorted_filtered_list_and_the_selection_stays(
    qtbot, tmp_path
):
    root = tmp_path / "blog"
    root.mkdir()
    for n in range(30):
        tags = "[sea]" if n % 3 == 0 else "[land]"
        (root / f"p{n:02}.md").write_text(
            f"---\ntitle: Post {n}\ndate: 2026-03-{n + 1:02}\ntags: {tags}\n---\nx\n"
        )
    told: list[list] = []
    judged = ContentFolder(root).scan(partial=told.append)
    widget = FolderPanel()
    qtbot.addWidget(widget)
    widget.show()
    chunk = told[0]
    widget.add_entries(chunk[:10], first=True)
    widget.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)  # by date, oldest first
    widget.table.selectRow(3)
    [picked] = widget.selected_entries()
    assert picked.title == "Post 3"  # a post about the sea, which the filter keeps
    type_filter(qtbot, widget, "sea")
    inserted: list[int] = []
    widget.model.rowsInserted.connect(lambda *_: inserted.append(1))
    widget.add_entries(chunk[10:], first=False)
    assert not inserted  # one change of the layout, not a row at a time
    assert shown(widget) == [f"Post {n}" for n in range(0, 30, 3)]  # sorted and filtered
    assert widget.selected_entries() == [picked]
    widget.set_entries(judged, None, in_place=True)
    assert shown(widget) == [f"Post {n}" for n in range(0, 30, 3)]
    [kept] = widget.selected_entries()
    assert kept.path == picked.path and kept in judged
