"""A scan's posts judged half in worker processes: the entries a scan in one process gives."""

from __future__ import annotations

import pytest
from sitefactory import post_text, site

from editor.core.folder import ContentFolder, bulk_read, scan_entries


def entries(root) -> list[tuple]:
    return [(e, *e.__getstate__()) for e in ContentFolder(root).scan()]


@pytest.fixture
def parallel(monkeypatch):
    """Read and judge in worker processes from 24 files on, in chunks of 5, on 3 CPUs."""
    monkeypatch.setattr(bulk_read, "PARALLEL_FROM", 24)
    monkeypatch.setattr(bulk_read, "CHUNK", 5)
    monkeypatch.setattr(bulk_read, "_cpus", lambda: 3)
    monkeypatch.setattr(scan_entries, "CHUNK", 5)
    return monkeypatch


def jekyll_site(root):
    """Posts, drafts (which Jekyll tells apart by their collection), pages, a collection with
    defaults, badly named and broken posts, in two languages."""
    files = {
        "_config.yml": "collections:\n  recipes:\n    output: true\n"
        "defaults:\n  - scope: {path: '', type: recipes}\n    values: {layout: recipe}\n",
    }
    for n in range(30):
        day = f"2024-01-{n % 28 + 1:02}"
        extra = f"tags: [a, t{n % 3}]\nlang: en\n" + ("published: false\n" if n == 7 else "")
        files[f"en/_posts/{day}-post-{n}.md"] = post_text(f"Post {n}", day, extra=extra)
        files[f"de/_posts/2023-05-{n % 28 + 1:02}-beitrag-{n}.md"] = (
            f"---\ntitle: Beitrag {n}\nlang: de\ndate: 2023-05-01 10:00:00 +0000\n---\nText\n"
        )
    for n in range(8):
        files[f"_drafts/draft-{n}.md"] = post_text(f"Draft {n}")
        files[f"_recipes/dish-{n}.md"] = f"---\ntitle: Dish {n}\n---\nCook.\n"
        files[f"about/page-{n}/index.md"] = f"---\ntitle: Page {n}\nlayout: page\n---\n"
    files["en/_posts/no-date-in-name.md"] = post_text("Skipped by Jekyll")
    files["en/_posts/2024-02-01-broken.md"] = "---\ntitle: [unclosed\n---\n"
    files["en/_posts/2024-02-02-twice.md"] = "---\ntitle: A\ntitle: B\ndate: 2024-13-01\n---\n"
    return site(root, files)


def test_a_site_judged_in_workers_gives_the_entries_judged_here(tmp_path, parallel):
    root = jekyll_site(tmp_path / "site")
    pooled = entries(root)
    parallel.setattr(bulk_read, "PARALLEL_FROM", 10**9)
    here = entries(root)
    assert len(here) == 87
    assert {e[0].status for e in here} >= {"draft", "published"}
    assert sum(bool(e[0].problems) for e in here) >= 3
    assert pooled == here


def test_posts_the_workers_cannot_judge_are_judged_here(tmp_path, parallel):
    # The site's config is gone once the folder is opened: the workers, finding no Jekyll
    # site there, judge nothing, and the scan judges every post here as it would have.
    root = jekyll_site(tmp_path / "site")
    pooled, here = ContentFolder(root), ContentFolder(root)
    (root / "_config.yml").unlink()
    pooled_entries = [(e, *e.__getstate__()) for e in pooled.scan()]
    parallel.setattr(bulk_read, "PARALLEL_FROM", 10**9)
    assert pooled_entries == [(e, *e.__getstate__()) for e in here.scan()]
    assert {e[0].collection for e in pooled_entries} >= {"posts", "drafts"}  # Jekyll's
