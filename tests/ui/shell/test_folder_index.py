"""Tests for editor/ui/shell/folder_index.py: opening, indexing, rescanning the open folder,
and what a post gets from it (schema, the root its saves stay in)."""

from __future__ import annotations

import pytest

from editor.core.errors import PostError
from editor.core.folder import ContentFolder
from editor.core.folder.index_cache import IndexCache
from editor.core.folder.judged_ahead import GUESS_FROM
from editor.core.folder.unjudged import Unjudged
from editor.core.schema import Schema
from editor.ui.jobs.render_service import RenderService
from editor.ui.panels.index_model import column_of
from editor.ui.shell.folder_index import FolderIndex
from editor.ui.shell.main_window import MainWindow

POSTS = {"a.md": "---\ntitle: A\ntags: [x]\n---\nBody\n", "sub/b.md": "---\ntitle: B\n---\n"}


@pytest.fixture
def index(qtbot) -> FolderIndex:
    made = FolderIndex()
    yield made
    made.indexer.wait(10)


def test_open_says_opened_at_once_then_loaded_with_the_index(qtbot, index, make_folder):
    root = make_folder(POSTS)
    opened = []
    index.opened.connect(opened.append)
    with qtbot.waitSignal(index.loaded, timeout=10_000) as loaded:
        index.open(root)
        assert opened == [index.folder]
    assert loaded.args == [index.folder]
    assert sorted(e.title for e in index.folder.entries) == ["A", "B"]
    assert index.taxonomy().tags == {"x": 1}


def test_a_rescan_says_refreshed_and_none_is_made_before_the_first_index(qtbot, index, make_folder):
    index.rescan()  # no folder: nothing to do
    root = make_folder(POSTS)
    with qtbot.waitSignal(index.loaded, timeout=10_000):
        index.open(root)
    (root / "c.md").write_text("---\ntitle: C\n---\n")
    with qtbot.waitSignal(index.refreshed, timeout=10_000):
        index.rescan()
    assert sorted(e.title for e in index.folder.entries) == ["A", "B", "C"]


def test_a_folder_that_cannot_be_opened_raises_and_leaves_the_open_one(
    qtbot, index, make_folder, tmp_path
):
    with qtbot.waitSignal(index.loaded, timeout=10_000):
        index.open(make_folder(POSTS))
    before = index.folder
    with pytest.raises(PostError):
        index.open(tmp_path / "missing")
    assert index.folder is before


def test_a_post_gets_the_folders_schema_and_root_or_none_outside_it(
    qtbot, index, make_folder, tmp_path
):
    outside = tmp_path / "elsewhere" / "p.md"
    assert index.holding(outside) is None
    assert isinstance(index.schema_for(outside), Schema)  # its place's, or the default
    assert index.taxonomy().tags == {}
    root = make_folder(POSTS)
    with qtbot.waitSignal(index.loaded, timeout=10_000):
        index.open(root)
    assert index.holding(root / "sub" / "b.md") == root
    assert index.holding(outside) is None
    assert index.schema_for(outside) is index.folder.schema


def test_a_folder_opened_again_is_listed_from_the_cache_before_its_scan_ends(
    qtbot, index, make_folder
):
    root = make_folder(POSTS)
    cached = []
    index.cached.connect(cached.append)
    with qtbot.waitSignal(index.loaded, timeout=10_000):
        index.open(root)
    assert cached == []  # never opened before: nothing to show early
    index.indexer.wait(10)  # its index is stored after it is listed
    (root / "c.md").write_text("---\ntitle: C\n---\n")
    again = FolderIndex()
    again.cached.connect(cached.append)
    again.loaded.connect(lambda _folder: cached.append("loaded"))
    with qtbot.waitSignal(again.loaded, timeout=10_000):
        again.open(root)
    [entries, loaded] = cached  # the cache's listing first, then the scan's
    assert loaded == "loaded"
    assert sorted(e.title for e in entries) == ["A", "B"]  # as the cache held it
    assert sorted(e.title for e in again.folder.entries) == ["A", "B", "C"]  # the disk's word
    again.indexer.wait(10)


def test_a_folder_is_listed_before_its_index_is_stored_and_stored_after(qtbot, index, make_folder):
    """The index cache is written after the window has listed the folder (the write would
    share the interpreter with the listing), and before the scan's job ends."""
    root = make_folder(POSTS)
    when_listed = []
    index.loaded.connect(
        lambda folder: when_listed.append(ContentFolder(root, index_cache()).cached_entries())
    )
    with qtbot.waitSignal(index.loaded, timeout=10_000):
        index.open(root)
    index.indexer.wait(10)
    assert when_listed == [[]]  # not stored yet when listed
    stored = ContentFolder(root, index_cache()).cached_entries()
    assert sorted(e.title for e in stored) == ["A", "B"]


def index_cache() -> IndexCache:
    cache = IndexCache.connect()  # the user's (the tests' own cache folder)
    assert cache is not None
    return cache


def many_posts(count: int) -> dict[str, str]:
    """`count` posts (more than a chunk of `bulk_read.CHUNK`), one of which is broken."""
    posts = {
        f"p{n:03}.md": f"---\ntitle: Post {n}\ndate: 2026-01-{n % 28 + 1:02}\n---\nBody\n"
        for n in range(count)
    }
    posts["p005.md"] = "---\ntitle: [unclosed\n---\nBody\n"  # an error, once judged
    return posts


def test_a_folder_opened_afresh_is_listed_chunk_by_chunk_judged_as_read_then_in_place(
    qtbot, settings, prompter, make_folder
):
    root = make_folder(many_posts(650))
    win = MainWindow(settings, RenderService(use_process=False), prompter)
    qtbot.addWidget(win)
    win.show()
    table, proxy = win.panel.table, win.panel.proxy
    seen: list[tuple[int, list[str], list[str]]] = []  # rows, Status texts, Problems texts
    unknown = ("Status", "Problems")  # neither known before the judging
    picked: list[str] = []

    def listed(entries: list, first: bool) -> None:
        rows = range(proxy.rowCount())
        texts = [[proxy.index(r, column_of(c)).data() or "" for r in rows] for c in unknown]
        seen.append((proxy.rowCount(), *texts))
        if first:  # the writer picks a post and scrolls while the rest are read
            table.selectRow(3)
            picked.append(win.panel.selected_entries()[0].path)
            table.verticalScrollBar().setValue(40)

    win.folder_index.arrived.connect(listed)
    with qtbot.waitSignal(win.folderLoaded, timeout=30_000):
        win.open_folder(root)
    judged = ContentFolder(root).scan()
    assert 0 < seen[0][0] < len(judged)  # rows listed before the scan ended, not all
    # A chunk of a collection guessed is listed judged, its Status and Problems filled as
    # it arrives (the broken post's error with its chunk's); a row not judged yet claims
    # neither (a chunk of fewer than `GUESS_FROM` posts may come first).
    rows = [row for _, status, problems in seen for row in zip(status, problems, strict=True)]
    assert all(status or not problems for status, problems in rows)
    assert any(status for status, _ in rows) and "1 error" in [p for _, p in rows]
    assert proxy.rowCount() == len(judged)
    assert sorted(e.path for e in win.panel.model.entries) == [e.path for e in judged]
    assert not any(isinstance(e, Unjudged) for e in win.panel.model.entries)
    [chosen] = win.panel.selected_entries()
    assert chosen.path == picked[0] and not isinstance(chosen, Unjudged)  # kept, and judged
    assert table.verticalScrollBar().value() == 40
    assert "1 error" in [
        proxy.index(r, column_of("Problems")).data() for r in range(proxy.rowCount())
    ]


def test_a_folder_opened_again_from_the_cache_is_not_listed_as_read(qtbot, index, make_folder):
    root = make_folder(many_posts(450))
    with qtbot.waitSignal(index.loaded, timeout=10_000):
        index.open(root)
    index.indexer.wait(10)  # its index is stored after it is listed
    again = FolderIndex()
    told: list[tuple[list, bool]] = []
    again.arrived.connect(lambda entries, first: told.append((entries, first)))
    with qtbot.waitSignal(again.loaded, timeout=10_000):
        again.open(root)
    again.indexer.wait(10)
    [(entries, first)] = told  # the cache's listing, whole, and no chunk after it
    assert first and len(entries) == 450
    assert not any(isinstance(e, Unjudged) for e in entries)


def test_a_filter_only_judging_answers_lists_posts_once_judged(
    qtbot, settings, prompter, make_folder
):
    root = make_folder(many_posts(GUESS_FROM - 50))  # their schema is not guessed mid-scan
    win = MainWindow(settings, RenderService(use_process=False), prompter)
    qtbot.addWidget(win)
    win.show()
    panel = win.panel
    panel.quick.setCurrentIndex(panel.quick.findText("Published"))
    seen: list[tuple[int, int]] = []  # rows listed, rows shown by "Published"

    def listed(entries: list, first: bool) -> None:
        seen.append((panel.model.rowCount(), panel.proxy.rowCount()))

    win.folder_index.arrived.connect(listed)
    with qtbot.waitSignal(win.folderLoaded, timeout=30_000):
        win.open_folder(root)
    assert panel.quick.currentText() == "Published"
    assert seen and all(rows > 0 and shown == 0 for rows, shown in seen)  # unjudged: unknown
    published = [e for e in panel.model.entries if e.status == "published"]
    assert panel.proxy.rowCount() == len(published) > 0
