"""The indexer scans a folder off the UI thread, tells it scanned, and stores its index once
the window has listed it. A scan asked for after it, and a wait for it (quitting), do not
leave that store waiting for a listing that will not come."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from editor.core.folder.content_folder import ContentFolder
from editor.core.folder.index_cache import IndexCache
from editor.ui.jobs import indexer as indexer_module
from editor.ui.jobs.indexer import Indexer


@pytest.fixture(autouse=True)
def a_listing_waited_for_long(monkeypatch: pytest.MonkeyPatch) -> None:
    # A store left waiting for a listing would outlast each test's own wait by far.
    monkeypatch.setattr(indexer_module, "_LISTING_TIME", 120.0)


def make_folder(root: Path, count: int = 3) -> Path:
    root.mkdir(parents=True)
    for i in range(count):
        path = root / f"post-{i}.md"
        path.write_text(f"---\ntitle: Title {i}\n---\nWords.\n", encoding="utf-8")
        os.utime(path, ns=(1_700_000_000 * 10**9,) * 2)  # far from the racy window
    return root


def test_a_scan_asked_for_next_does_not_wait_for_the_last_ones_listing(qtbot, tmp_path):
    cache = IndexCache.connect(tmp_path / "cache" / "index.sqlite3")
    first, second = (ContentFolder(make_folder(tmp_path / name), cache) for name in "ab")
    indexer = Indexer()
    with qtbot.waitSignal(
        indexer.finished, timeout=30_000, check_params_cb=lambda folder: folder is second
    ):
        indexer.scan(first)
        indexer.scan(second)  # the first one's report is stale: never listed
    assert indexer.wait(30)
    assert len(ContentFolder(first.root, cache).cached_entries()) == 3  # and stored


def test_waiting_for_a_scan_does_not_wait_for_its_listing(qtbot, tmp_path):
    cache = IndexCache.connect(tmp_path / "cache" / "index.sqlite3")
    root = make_folder(tmp_path / "posts")
    indexer = Indexer()
    indexer.scan(ContentFolder(root, cache))
    assert indexer.wait(30)  # this thread, blocked here, cannot list it: stored at once
    assert len(ContentFolder(root, cache).cached_entries()) == 3
