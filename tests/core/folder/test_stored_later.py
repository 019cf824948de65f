"""A scan may leave its index to be written to the cache later (`scan(store=False)`, then
`store()`): the window lists a folder opened afresh before its index is stored. What is
stored is what a scan that stored at once would have stored."""

from __future__ import annotations

import os
from pathlib import Path

from editor.core.folder.content_folder import ContentFolder
from editor.core.folder.index_cache import IndexCache


def make_folder(root: Path, count: int = 5) -> Path:
    """A folder of posts whose mtimes are a day old (older than the racy window)."""
    root.mkdir(parents=True)
    for i in range(count):
        write_old(root / f"post-{i}.md", f"---\ntitle: Title {i}\n---\nWords.\n")
    return root


def write_old(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")
    ns = 1_700_000_000 * 1_000_000_000  # 2023: far from the racy window
    os.utime(path, ns=(ns, ns))


def cache_at(tmp_path: Path) -> IndexCache:
    cache = IndexCache.connect(tmp_path / "cache" / "index.sqlite3")
    assert cache is not None
    return cache


def cached_titles(root: Path, tmp_path: Path) -> list[str | None]:
    return sorted(e.title or "" for e in ContentFolder(root, cache_at(tmp_path)).cached_entries())


def test_a_scan_told_not_to_store_leaves_the_cache_until_store(tmp_path):
    root = make_folder(tmp_path / "posts")
    folder = ContentFolder(root, cache_at(tmp_path))
    assert len(folder.scan(store=False)) == 5
    assert cached_titles(root, tmp_path) == []  # nothing stored yet
    folder.store()
    assert cached_titles(root, tmp_path) == [f"Title {i}" for i in range(5)]
    folder.store()  # once: nothing is left to write
    assert cached_titles(root, tmp_path) == [f"Title {i}" for i in range(5)]


def test_stored_later_or_at_once_the_cache_holds_the_same_entries(tmp_path):
    root = make_folder(tmp_path / "posts")
    at_once = ContentFolder(root, cache_at(tmp_path / "a"))
    at_once.scan()
    later = ContentFolder(root, cache_at(tmp_path / "b"))
    later.scan(store=False)
    later.store()
    a = ContentFolder(root, cache_at(tmp_path / "a")).cached_entries()
    b = ContentFolder(root, cache_at(tmp_path / "b")).cached_entries()
    assert [(e.path, e.title, e.status, e.problems) for e in a] == [
        (e.path, e.title, e.status, e.problems) for e in b
    ]


def test_a_post_saved_before_the_index_is_stored_is_stored_by_the_next_scan(tmp_path):
    """A save's `refresh` adds a post the scan did not see; the store then writes the scan's
    files (the new one has no stamps in it), and the next scan stores the new one."""
    root = make_folder(tmp_path / "posts")
    folder = ContentFolder(root, cache_at(tmp_path))
    folder.scan(store=False)
    write_old(root / "new.md", "---\ntitle: New\n---\nWords.\n")
    assert folder.refresh(root / "new.md") is not None
    folder.store()
    assert cached_titles(root, tmp_path) == [f"Title {i}" for i in range(5)]
    folder.scan()
    assert cached_titles(root, tmp_path) == ["New", *(f"Title {i}" for i in range(5))]


def test_a_file_a_save_makes_a_post_before_the_index_is_stored_is_stored_by_the_next_scan(
    tmp_path,
):
    """Jekyll makes no page of `about.md` without front matter; a save gives it some, and
    its `refresh` places it anew (a new kind of file for the index) between the scan and
    the store: the store writes what the scan made, the next scan the page."""
    site = tmp_path / "site"
    (site / "_posts").mkdir(parents=True)
    write_old(site / "_config.yml", "title: t\n")
    write_old(site / "_posts" / "2024-01-02-a.md", "---\ntitle: A\n---\nWords.\n")
    write_old(site / "about.md", "No front matter: Jekyll copies it as it is.\n")
    ContentFolder(site, cache_at(tmp_path)).scan()
    folder = ContentFolder(site, cache_at(tmp_path))  # reopened: placed from the cache
    folder.scan(store=False)
    write_old(site / "about.md", "---\ntitle: About\n---\nWords.\n")
    assert folder.refresh(site / "about.md") is not None
    folder.store()
    assert cached_titles(site, tmp_path) == ["A"]
    folder.scan()
    assert cached_titles(site, tmp_path) == ["A", "About"]


def test_a_still_copy_scanned_reads_the_disk_and_leaves_the_cache_to_the_folder(tmp_path):
    root = make_folder(tmp_path / "posts")
    folder = ContentFolder(root, cache_at(tmp_path))
    copy = folder.still()  # a worker's copy, taken before the folder was first scanned
    assert len(copy.scan()) == 5
    assert cached_titles(root, tmp_path) == []  # not written by the copy
    assert len(folder.scan()) == 5  # the folder's own first scan, from its own state
    assert cached_titles(root, tmp_path) == [f"Title {i}" for i in range(5)]
