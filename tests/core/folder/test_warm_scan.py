"""A folder scanned again with nothing changed takes its index as the cache (or the last scan)
held it, and writes nothing to the cache; one file changed is read and stored again."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from editor.core.folder.content_folder import ContentFolder
from editor.core.folder.folder_walk import post_stamps
from editor.core.folder.index_cache import IndexCache

DAY_NS = 86_400 * 1_000_000_000


def make_folder(root: Path) -> Path:
    """A folder of posts in two subfolders, their mtimes a day old (past the racy window)."""
    for i in range(6):
        path = root / ("news" if i % 2 else "notes") / f"post-{i}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"---\ntitle: Title {i}\ndate: 2024-05-0{i + 1}\n---\nWords.\n")
        ns = time.time_ns() - DAY_NS
        os.utime(path, ns=(ns, ns))
    return root


def data_version(watcher: sqlite3.Connection) -> int:
    """The database's version as `watcher` sees it: it moves on each other connection's commit."""
    return watcher.execute("PRAGMA data_version").fetchone()[0]


def test_a_warm_scan_with_nothing_changed_writes_nothing(tmp_path):
    root = make_folder(tmp_path / "posts")
    db = tmp_path / "cache" / "index.sqlite3"
    cold = ContentFolder(root, IndexCache.connect(db)).scan()
    watcher = sqlite3.connect(db)
    before = data_version(watcher)
    warm_folder = ContentFolder(root, IndexCache.connect(db))
    warm = warm_folder.scan()
    assert [(e.path, e.title, e.date, e.problems) for e in warm] == [
        (e.path, e.title, e.date, e.problems) for e in cold
    ]
    assert warm_folder.scan() == warm  # and again, from the last scan
    assert data_version(watcher) == before
    watcher.close()


def test_a_changed_file_is_read_and_stored_again(tmp_path):
    root = make_folder(tmp_path / "posts")
    db = tmp_path / "cache" / "index.sqlite3"
    folder = ContentFolder(root, IndexCache.connect(db))
    folder.scan()
    changed = root / "news" / "post-1.md"
    changed.write_text("---\ntitle: A new title\ndate: 2024-05-02\n---\nWords.\n")
    assert {e.title for e in folder.scan()} >= {"A new title"}
    reopened = ContentFolder(root, IndexCache.connect(db)).scan()
    assert [e.title for e in reopened if e.path.name == "post-1.md"] == ["A new title"]


def test_the_walk_stamps_each_folders_posts_in_name_order(tmp_path):
    root = make_folder(tmp_path / "posts")
    (root / "skipped").mkdir()
    (root / "skipped" / "post.md").write_text("---\ntitle: x\n---\n")
    (root / ".hidden").mkdir()
    (root / ".hidden" / "secret.md").write_text("---\ntitle: x\n---\n")
    (root / "notes" / "picture.png").write_bytes(b"")
    (root / "notes" / ".post-0.md.0123456789abcdef.tmp").write_text("torn")
    leftovers: set[str] = set()
    stamps = post_stamps(str(root), lambda name, rel: rel != "skipped", leftovers)
    order = [os.path.join(sub, f"post-{i}.md") for sub in ("notes", "news") for i in range(6)]
    assert list(stamps) == [rel for rel in order if (root / rel).exists()]
    st = (root / "news" / "post-1.md").stat()
    assert stamps[os.path.join("news", "post-1.md")] == (
        st.st_mtime_ns,
        st.st_size,
        st.st_ino,
        st.st_ctime_ns,
    )
    assert leftovers == {str(root / "notes" / "post-0.md")}


def test_the_walk_keeps_its_rules_for_each_kind_of_name(tmp_path):
    # Names that sort before "." and after it, by code point (upper case first); a folder
    # named like a post, links to a post, to a folder and to themselves, hidden posts.
    root = tmp_path / "posts"
    root.mkdir()
    for name in ("b.md", "B.md", "-a.md", "_c.MD", "d.markdown", "e.mdx", ".draft.md", "f.txt"):
        (root / name).write_text("---\ntitle: x\n---\n")
    (root / "bundle.md").mkdir()
    (root / "bundle.md" / "index.md").write_text("---\ntitle: x\n---\n")
    (root / "a-link.md").symlink_to(root / "b.md")
    (root / "folder-link.md").symlink_to(root / "bundle.md")
    (root / "folder-link").symlink_to(root / "bundle.md")
    (root / "a-loop.md").symlink_to(root / "a-loop.md")
    (root / ".hidden-folder").mkdir()
    (root / ".hidden-folder" / "post.md").write_text("---\ntitle: x\n---\n")
    stamps = post_stamps(str(root), lambda name, rel: True)
    # A link that loops is no post, and the posts after it are still found.
    assert list(stamps) == [
        "-a.md",
        "B.md",
        "_c.MD",
        "a-link.md",
        "b.md",
        "d.markdown",
        "e.mdx",
        os.path.join("bundle.md", "index.md"),
    ]
    assert stamps["a-link.md"] == stamps["b.md"]


REOPEN = """
import sys
from pathlib import Path
from editor.core.folder.content_folder import ContentFolder
from editor.core.folder.index_cache import IndexCache
folder = ContentFolder(Path(sys.argv[2]), IndexCache.connect(Path(sys.argv[1])))
print([str(e.path) for e in folder.scan()], "editor.core.folder.bulk_read" in sys.modules)
"""


def test_a_site_reopened_with_a_file_it_makes_no_page_of_reads_no_file(tmp_path):
    # Jekyll makes no page of a README: it has no entry, and the listing still holds its
    # stamps, so a reopen with nothing changed takes the whole listing and reads nothing.
    site = tmp_path / "site"
    (site / "_posts").mkdir(parents=True)
    files = {
        "_config.yml": "title: t\n",
        "README.md": "# About this site\n",
        "_posts/2024-05-01-hello.md": "---\ntitle: Hello\n---\nWords.\n",
    }
    for rel, text in files.items():
        (site / rel).write_text(text, encoding="utf-8")
        ns = time.time_ns() - DAY_NS
        os.utime(site / rel, ns=(ns, ns))
    argv = [sys.executable, "-c", REOPEN, str(tmp_path / "cache" / "index.sqlite3"), str(site)]
    first = subprocess.run(argv, capture_output=True, text=True, check=True).stdout
    again = subprocess.run(argv, capture_output=True, text=True, check=True).stdout
    (site / "README.md").write_text("# About this site, again\n", encoding="utf-8")
    changed = subprocess.run(argv, capture_output=True, text=True, check=True).stdout
    listed = "['_posts/2024-05-01-hello.md']"
    assert (first, again, changed) == (f"{listed} True\n", f"{listed} False\n", f"{listed} True\n")


def test_a_reopened_folder_tells_each_posts_problems_as_they_were_found(tmp_path):
    # Stored as rows, made problems (with their file's path) only when asked for: through a
    # reopen, a listing written again from a reopened folder's rows, and a second reopen.
    root = make_folder(tmp_path / "posts")
    for i, bad in ((0, "date: not a date\ntags: {a: 1}\n"), (3, "draft: maybe\n")):
        path = root / ("news" if i % 2 else "notes") / f"post-{i}.md"
        path.write_text(f"---\ntitle: Title {i}\n{bad}---\nWords.\n")
        ns = time.time_ns() - DAY_NS
        os.utime(path, ns=(ns, ns))
    db = tmp_path / "cache" / "index.sqlite3"
    cold = ContentFolder(root, IndexCache.connect(db)).scan()
    told = [(str(e.path), e.errors, e.warnings, e.problems) for e in cold]
    assert sum(bool(e.problems) for e in cold) == 2
    assert all(p.path == root / e.path for e in cold for p in e.problems)
    reopened = ContentFolder(root, IndexCache.connect(db))
    warm = reopened.scan()
    assert [(e.errors, e.warnings) for e in warm] == [(t[1], t[2]) for t in told]
    assert [e.problem_count for e in warm] == [len(t[3]) for t in told]  # before they are made
    assert [(str(e.path), e.errors, e.warnings, e.problems) for e in warm] == told
    assert warm == cold
    unasked = ContentFolder(root, IndexCache.connect(db))
    unasked.scan()
    (root / "notes" / "post-2.md").unlink()  # the listing written anew from the rows read
    unasked.scan()
    again = ContentFolder(root, IndexCache.connect(db)).scan()
    assert [(e.errors, e.warnings) for e in again] == [
        (t[1], t[2]) for t in told if "2" not in t[0]
    ]
    assert [(str(e.path), e.problems) for e in again] == [
        (t[0], t[3]) for t in told if "post-2" not in t[0]
    ]
