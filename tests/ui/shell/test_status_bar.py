"""Tests for editor/ui/shell/status_bar.py: the index's progress and summary, the post count as
posts are made and deleted, the word count."""

from __future__ import annotations

from editor.core.folder.content_folder import ContentFolder
from editor.ui.shell.status_bar import StatusBar, index_summary


def test_the_summary_counts_posts_and_those_with_problems(make_folder):
    one = ContentFolder(make_folder({"a.md": "---\ntitle: A\n---\n"}))
    one.scan()
    assert index_summary(one) == "1 post"
    two = ContentFolder(make_folder({"a.md": "---\ntitle: A\n---\n", "b.md": "---\n[\n---\n"}))
    two.scan()
    assert index_summary(two) == "2 posts, 1 with problems"


def test_the_summary_tells_posts_from_a_sites_pages(tmp_path):
    (tmp_path / "_config.yml").write_text("title: A site\n")
    (tmp_path / "_posts").mkdir()
    (tmp_path / "_posts/2024-01-01-a.md").write_text("---\ntitle: A\n---\nText.\n")
    (tmp_path / "about.md").write_text("---\ntitle: About\n---\nHi.\n")
    (tmp_path / "faq.md").write_text("---\ntitle: FAQ\n---\nHi.\n")
    site = ContentFolder(tmp_path)
    site.scan()
    assert index_summary(site) == "1 post and 2 pages"
    (tmp_path / "_posts/2024-01-01-a.md").unlink()
    site.scan()
    assert index_summary(site) == "2 pages"


def test_progress_shows_while_indexing_and_the_summary_after(qtbot, make_folder):
    bar = StatusBar()
    qtbot.addWidget(bar)
    bar.show()
    folder = ContentFolder(make_folder({"a.md": "---\ntitle: A\n---\n"}))
    bar.indexing(folder.root)
    assert bar.progress_bar.isVisible() and bar.currentMessage().startswith("Indexing ")
    bar.show_progress(1, 4)
    assert (bar.progress_bar.value(), bar.progress_bar.maximum()) == (1, 4)
    folder.scan()
    bar.indexed(folder)
    assert not bar.progress_bar.isVisible() and bar.currentMessage() == "1 post"
    bar.show_stats(120, 1)
    assert bar.stats.text() == "120 words · 1 min read"
    assert bar.count.text() == "1 post"


def _counted(window) -> str:
    return window.status.count.text()


def test_the_count_follows_a_new_post_saved_and_a_post_deleted_on_disk(
    qtbot, window, prompter, folder
):
    before = len(window.folder.entries)
    assert _counted(window) == f"{before} posts"
    prompter.answer("ask_text", "A post made today")
    tab = window.new_post()
    assert tab is not None
    assert _counted(window) == f"{before} posts"  # nothing written yet
    assert tab.save()
    assert tab.post.path.exists()
    assert _counted(window) == f"{before + 1} posts"
    with qtbot.waitSignal(window.folderRefreshed, timeout=5000):
        (folder / "glaciers-in-retreat.md").unlink()
    qtbot.waitUntil(lambda: _counted(window) == f"{before} posts", timeout=5000)
