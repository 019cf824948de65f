"""The index kept between runs: a folder opened again is listed from it, never against the disk.

Whether a file was read again is told by the files this process opens (`opened_under`; the
folders here are smaller than the pool's first chunk, so all reading is in this process).
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from file_opens import opened_under

from editor.core.folder.cache_rows import RACY_NS
from editor.core.folder.checks.run import folder_problems
from editor.core.folder.content_folder import ContentFolder
from editor.core.folder.folder_walk import post_stamps
from editor.core.folder.index_cache import IndexCache
from editor.core.folder.lazy_read import read_facts

DAY_NS = 86_400 * 1_000_000_000


def post(title: str, extra: str = "") -> str:
    return f"---\ntitle: {title}\ndate: 2024-05-01\n{extra}---\nSome words here.\n"


def make_folder(root: Path, count: int = 5) -> Path:
    """A folder of posts whose mtimes are a day old (older than the racy window)."""
    root.mkdir(parents=True)
    for i in range(count):
        write_old(root / f"post-{i}.md", post(f"Title {i}"))
    return root


def write_old(path: Path, text: str, ns: int | None = None) -> None:
    path.write_text(text, encoding="utf-8")
    ns = ns if ns is not None else time.time_ns() - DAY_NS
    os.utime(path, ns=(ns, ns))


def behind_the_back(path: Path, text: str) -> None:
    """Rewrite a file in place to text of the same size, its mtime put back (`cp -p`, `rsync
    -t` onto the file): its size, mtime and inode are those the cache holds, not its ctime."""
    st = path.stat()
    data = text.encode("utf-8")
    assert len(data) == st.st_size
    with open(path, "r+b") as file:
        file.write(data)
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert path.stat().st_ino == st.st_ino


def titles(root: Path, cache: IndexCache | None) -> dict[str, str | None]:
    return {str(e.path): e.title for e in ContentFolder(root, cache).scan()}


def cache_at(tmp_path: Path) -> IndexCache:
    cache = IndexCache.connect(tmp_path / "cache" / "index.sqlite3")
    assert cache is not None
    return cache


def test_a_reopen_lists_from_the_cache_without_reading_unchanged_files(tmp_path):
    root = make_folder(tmp_path / "posts")
    first = titles(root, cache_at(tmp_path))
    with opened_under(root) as opened:
        assert titles(root, cache_at(tmp_path)) == first
    assert opened == set()  # not read: the cache was trusted


def test_a_rewrite_in_place_that_keeps_the_size_and_mtime_is_read_again(tmp_path):
    root = make_folder(tmp_path / "posts")
    titles(root, cache_at(tmp_path))
    behind_the_back(root / "post-1.md", post("Title X"))
    with opened_under(root) as opened:
        assert titles(root, cache_at(tmp_path))["post-1.md"] == "Title X"
    assert opened == {"post-1.md"}


def test_a_file_whose_mtime_changed_is_read_again(tmp_path):
    root = make_folder(tmp_path / "posts")
    titles(root, cache_at(tmp_path))
    write_old(root / "post-1.md", post("Title X"), ns=time.time_ns() - DAY_NS // 2)
    found = titles(root, cache_at(tmp_path))
    assert found["post-1.md"] == "Title X"
    assert found["post-2.md"] == "Title 2"


def test_files_added_and_removed_behind_the_apps_back_are_seen(tmp_path):
    root = make_folder(tmp_path / "posts")
    titles(root, cache_at(tmp_path))
    (root / "post-0.md").unlink()
    write_old(root / "new.md", post("New"))
    found = titles(root, cache_at(tmp_path))
    assert "post-0.md" not in found
    assert found["new.md"] == "New"
    with opened_under(root) as opened:  # and the cache now holds the folder as it is
        assert titles(root, cache_at(tmp_path)) == found
    assert opened == set()


def test_a_file_changed_just_before_it_was_cached_is_not_trusted(tmp_path):
    # Its mtime may not tell a rewrite within the same clock tick: read again next time.
    root = make_folder(tmp_path / "posts")
    write_old(root / "post-1.md", post("Title 1"), ns=time.time_ns())
    titles(root, cache_at(tmp_path))
    with opened_under(root) as opened:
        titles(root, cache_at(tmp_path))
    assert opened == {"post-1.md"}


def test_a_new_schema_file_judges_the_cached_entries_again(tmp_path):
    root = make_folder(tmp_path / "posts")
    write_old(root / "post-0.md", post("Title 0", "category: Misc\n"))
    before = {str(e.path): e.problems for e in ContentFolder(root, cache_at(tmp_path)).scan()}
    assert not before["post-0.md"]
    schema = "fields:\n  - {name: title}\n  - {name: category, type: select, choices: [News]}\n"
    (root / ".post-editor.yaml").write_text(schema, encoding="utf-8")
    after = {str(e.path): e for e in ContentFolder(root, cache_at(tmp_path)).scan()}
    assert [p.field for p in after["post-0.md"].problems] == ["category"]


def test_a_site_config_change_judges_the_cached_entries_again(tmp_path):
    # Hugo: a post dated in the future is published only with buildFuture.
    site = tmp_path / "site"
    (site / "content" / "posts").mkdir(parents=True)
    write_old(site / "hugo.toml", 'title = "t"\n')
    write_old(site / "content" / "posts" / "late.md", post("Late").replace("2024", "2999"))
    status = [e.status for e in ContentFolder(site / "content", cache_at(tmp_path)).scan()]
    assert status == ["scheduled"]
    write_old(site / "hugo.toml", 'title = "t"\nbuildFuture = true\n', ns=time.time_ns())
    status = [e.status for e in ContentFolder(site / "content", cache_at(tmp_path)).scan()]
    assert status == ["published"]


def test_a_corrupt_cache_is_made_anew_silently(tmp_path):
    root = make_folder(tmp_path / "posts")
    db = tmp_path / "cache" / "index.sqlite3"
    titles(root, cache_at(tmp_path))
    db.write_bytes(b"\x00garbage, not a database\xff" * 100)
    for name in ("index.sqlite3-wal", "index.sqlite3-shm"):
        (db.parent / name).unlink(missing_ok=True)
    with opened_under(root) as opened:
        assert titles(root, cache_at(tmp_path))["post-1.md"] == "Title 1"
    assert len(opened) == 5  # read, not trusted
    with opened_under(root) as opened:
        assert titles(root, cache_at(tmp_path))["post-1.md"] == "Title 1"
    assert opened == set()  # and cached again


def test_a_cache_of_another_version_is_made_anew(tmp_path):
    root = make_folder(tmp_path / "posts")
    titles(root, cache_at(tmp_path))
    with sqlite3.connect(tmp_path / "cache" / "index.sqlite3") as db:
        db.execute("UPDATE meta SET value = '0/old' WHERE key = 'format'")
    db.close()
    with opened_under(root) as opened:
        assert titles(root, cache_at(tmp_path))["post-1.md"] == "Title 1"
    assert len(opened) == 5


def test_without_a_usable_cache_folder_the_folder_is_listed_all_the_same(tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be")
    assert IndexCache.connect(blocker / "index.sqlite3") is None
    root = make_folder(tmp_path / "posts")
    assert titles(root, None)["post-1.md"] == "Title 1"


def test_the_cli_lists_and_checks_without_a_usable_cache_folder_and_says_nothing(tmp_path):
    root = make_folder(tmp_path / "posts")
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    env = {**os.environ, "XDG_CACHE_HOME": str(blocker)}
    outputs = []
    for command in (["list", str(root), "--json"], ["check", str(root)]):
        done = subprocess.run(
            [sys.executable, "-m", "editor", *command], capture_output=True, text=True, env=env
        )
        assert (done.returncode, done.stderr) == (0, "")
        outputs.append(done.stdout)
    assert len(json.loads(outputs[0])) == 5


def test_the_cli_check_reports_the_same_problems_from_the_cache(tmp_path):
    root = make_folder(tmp_path / "posts")
    write_old(root / "broken.md", "---\ntitle: [unclosed\n---\nText.\n")
    write_old(root / "untitled.md", "---\ndate: 2024-05-01\n---\nText.\n")
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "xdg")}
    runs = [
        subprocess.run(
            [sys.executable, "-m", "editor", "check", str(root)],
            capture_output=True,
            text=True,
            env=env,
        )
        for _ in range(2)
    ]
    assert (tmp_path / "xdg" / "post-editor" / "index.sqlite3").is_file()
    assert runs[0].returncode == runs[1].returncode == 1
    assert runs[0].stdout == runs[1].stdout
    assert "broken.md" in runs[0].stdout and "untitled.md" in runs[0].stdout


WRITER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from editor.core.folder.content_folder import ContentFolder
    from editor.core.folder.index_cache import IndexCache
    db, roots = Path(sys.argv[1]), [Path(p) for p in sys.argv[2:]]
    for round in range(15):
        for root in roots:
            for path in root.glob("*.md"):
                path.touch()  # so each scan rewrites every row
            ContentFolder(root, IndexCache.connect(db)).scan()
    """
)


def test_two_processes_writing_at_once_leave_a_whole_cache(tmp_path):
    roots = [make_folder(tmp_path / name, 30) for name in ("a", "b")]
    db = tmp_path / "cache" / "index.sqlite3"
    argv = [sys.executable, "-c", WRITER, str(db)]
    writers = [subprocess.Popen([*argv, *map(str, roots)]) for _ in range(2)]
    assert [w.wait() for w in writers] == [0, 0]
    with sqlite3.connect(db) as check:
        assert check.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    check.close()
    cache = IndexCache.connect(db)
    assert cache is not None
    for root in roots:
        stored = cache.load(root, ContentFolder(root).generator.collections)
        assert stored is not None and len(stored.listing.values) == 30


def test_a_reopened_site_has_the_entries_and_places_a_fresh_scan_gives(tmp_path):
    site = tmp_path / "site"
    write_old_tree = {
        "hugo.toml": 'title = "t"\n',
        "content/posts/a.md": post("A", "tags: [x]\n"),
        "content/posts/b.md": post("B", "draft: true\n"),
        "content/docs/_index.md": "---\ntitle: Docs\n---\n",
        "content/docs/c.md": "---\ntitle: C\n---\nText.\n",
        "content/about.md": "---\ntitle: About\n---\n",
    }
    for rel, text in write_old_tree.items():
        (site / rel).parent.mkdir(parents=True, exist_ok=True)
        write_old(site / rel, text)
    root = site / "content"
    ContentFolder(root, cache_at(tmp_path)).scan()
    again, fresh = ContentFolder(root, cache_at(tmp_path)), ContentFolder(root)

    def seen(folder: ContentFolder) -> list[object]:
        return [
            (e.path, e.title, e.collection, e.kind, e.status, e.role, e.problems, e.facts)
            for e in folder.scan()
        ] + [(folder.placement(e.path), folder.schema_for(e.path)) for e in folder.entries]

    assert seen(again) == seen(fresh)
    assert again.schema_source == fresh.schema_source


def test_a_reopen_after_a_change_an_addition_and_a_removal_gives_a_fresh_scans_entries(tmp_path):
    root = make_folder(tmp_path / "posts")
    (root / "sub").mkdir()
    write_old(root / "sub/deep.md", post("Deep", "tags: [a, b]\n"))
    ContentFolder(root, cache_at(tmp_path)).scan()
    write_old(root / "post-1.md", post("Changed, and longer", "tags: [c]\ncategory: News\n"))
    write_old(root / "sub/added.md", post("Added", "draft: true\n"))
    (root / "post-3.md").unlink()
    again = ContentFolder(root, cache_at(tmp_path)).scan()
    fresh = ContentFolder(root).scan()
    assert again == fresh  # every field but facts, which compare=False leaves out
    assert [e.facts for e in again] == [e.facts for e in fresh]
    assert [str(e.path) for e in again] == [
        "post-0.md",
        "post-1.md",
        "post-2.md",
        "post-4.md",
        "sub/added.md",
        "sub/deep.md",
    ]
    assert again[1].title == "Changed, and longer"
    assert ContentFolder(root, cache_at(tmp_path)).cached_entries() == fresh  # in path order


def test_a_folder_cached_under_one_spelling_is_reopened_with_the_paths_of_another(
    tmp_path, monkeypatch
):
    root = make_folder(tmp_path / "site" / "posts")
    write_old(root / "bad.md", "---\ntitle: [unclosed\n---\nx\n")  # a problem names its path
    monkeypatch.chdir(tmp_path / "site")
    ContentFolder(Path("posts"), cache_at(tmp_path)).scan()  # cached as posts/...
    for spelling in (root, Path("."), Path("../site/posts")):
        monkeypatch.chdir(root if spelling == Path(".") else tmp_path / "site")
        again = ContentFolder(spelling, cache_at(tmp_path)).scan()
        fresh = ContentFolder(spelling).scan()
        assert [e.facts for e in again] == [e.facts for e in fresh]
        assert [e.problems for e in again] == [e.problems for e in fresh]
        assert again[0].facts.path == spelling / "bad.md"


def test_a_reopened_folder_is_checked_as_a_fresh_scan_checks_it(tmp_path):
    root = make_folder(tmp_path / "posts", count=3)
    write_old(root / "twin.md", post("Twin", "slug: post-1\ntags: [Python, python]\n"))
    write_old(root / "twice.md", post("Twice", "title: Again\npublishDate: 2024-01-01\n"))
    write_old(root / "bad.md", "---\ntitle: [unclosed\n---\nx\n")
    write_old(root / "yes.md", post("Yes", "draft: yes\nrelated: [nowhere]\n"))
    ContentFolder(root, cache_at(tmp_path)).scan()
    again = ContentFolder(root, cache_at(tmp_path))
    again.scan()
    fresh = ContentFolder(root)
    fresh.scan()
    expected = folder_problems(fresh)
    assert len(expected) >= 4  # the folder-wide checks found something to compare
    assert folder_problems(again) == expected
    assert [e.facts for e in again.entries] == [e.facts for e in fresh.entries]
    # A cached entry's path is kept as text until asked for: asked, it is the scan's path.
    assert [(type(e.path), e.path) for e in again.entries] == [
        (type(e.path), e.path) for e in fresh.entries
    ]


def test_entries_judged_anew_over_cached_facts_are_cached_with_those_facts(tmp_path):
    root = make_folder(tmp_path / "posts")
    ContentFolder(root, cache_at(tmp_path)).scan()
    # A new post with a field of its own: the schema is inferred anew, every entry judged
    # again over the facts the cache held, and written back with them.
    write_old(root / "new.md", post("New", "rating: 5\n"))
    ContentFolder(root, cache_at(tmp_path)).scan()
    again = ContentFolder(root, cache_at(tmp_path))
    fresh = ContentFolder(root)
    assert again.scan() == fresh.scan()
    assert [e.facts for e in again.entries] == [e.facts for e in fresh.entries]
    assert folder_problems(again) == folder_problems(fresh)


def test_an_entry_tells_its_path_text_with_or_without_the_cache(tmp_path):
    root = make_folder(tmp_path / "posts")
    (root / "sub").mkdir()
    write_old(root / "sub" / "deep.md", post("Deep"))
    ContentFolder(root, cache_at(tmp_path)).scan()
    for entries in (ContentFolder(root, cache_at(tmp_path)).scan(), ContentFolder(root).scan()):
        assert [e.path_text for e in entries] == [str(e.path) for e in entries]
        assert str(Path("sub", "deep.md")) in [e.path_text for e in entries]


def test_a_reopened_folders_facts_read_one_by_one_or_all_at_once_equal_a_fresh_scans(tmp_path):
    root = make_folder(tmp_path / "posts", count=80)  # past the few read one by one
    ContentFolder(root, cache_at(tmp_path)).scan()
    again, fresh = ContentFolder(root, cache_at(tmp_path)), ContentFolder(root)
    assert again.scan() == fresh.scan()
    assert [e.facts for e in again.entries] == [e.facts for e in fresh.entries]
    assert [e.facts.values["title"] for e in again.entries] == [
        e.facts.values["title"] for e in fresh.entries
    ]


def test_facts_whose_row_another_window_rewrote_are_read_from_the_file(tmp_path):
    root = make_folder(tmp_path / "posts")
    ContentFolder(root, cache_at(tmp_path)).scan()
    # The listing holds both files' entries with the stamps they have; another window has
    # since stored post-1's row anew, with other stamps (here, faked).
    with sqlite3.connect(tmp_path / "cache" / "index.sqlite3") as db:
        db.execute("UPDATE entries SET mtime_ns = mtime_ns + 1 WHERE rel = 'post-1.md'")
    db.close()
    again = ContentFolder(root, cache_at(tmp_path))
    with opened_under(root) as opened:
        again.scan()
        one, two = again.entry(Path("post-1.md")), again.entry(Path("post-2.md"))
        assert one is not None and two is not None
        assert (one.title, two.title) == ("Title 1", "Title 2")
        assert opened == set()  # listed from the cache
        assert two.facts.values["title"] == "Title 2"
        assert opened == set()  # its row agrees: the cache tells
        assert one.facts.values["title"] == "Title 1"
        assert opened == {"post-1.md"}  # its row disagrees: its file tells


def test_facts_read_just_after_their_file_changed_are_read_again_under_a_trusted_listing(
    tmp_path,
):
    # One window read post-1 within the racy window of its mtime and stored its facts; it was
    # then rewritten within the same tick (same stamps); another window read it long after
    # and stored the folder's listing later, on another file's change, without its facts.
    root = make_folder(tmp_path / "posts", count=2)
    stamps = post_stamps(str(root), lambda name, rel: True)
    mtime = stamps["post-1.md"][0]
    entries = {str(e.path): e for e in ContentFolder(root).scan()}
    cache = cache_at(tmp_path)

    def rows(read_ns: int) -> dict:
        return {rel: (stamps[rel], read_ns, (entries[rel],)) for rel in entries}

    assert cache.save(root, None, rows(mtime + RACY_NS // 2), list(entries), [])
    behind_the_back(root / "post-1.md", post("Title X"))
    assert cache.save(root, None, rows(mtime + DAY_NS // 2), ["post-0.md"], [])
    stored = cache_at(tmp_path).load(root, reread=lambda rel: read_facts(root / rel))
    assert stored is not None
    listed, _ = stored.trusted_rows(stamps)
    assert listed.keys() == entries.keys()  # the listing is trusted...
    assert listed["post-1.md"][0].facts.values["title"] == "Title X"  # ...not the racy facts
    assert listed["post-0.md"][0].facts.values["title"] == "Title 0"


def test_a_folder_listing_the_cache_cannot_read_is_read_from_the_files(tmp_path):
    root = make_folder(tmp_path / "posts")
    ContentFolder(root, cache_at(tmp_path)).scan()
    behind_the_back(root / "post-1.md", post("Title X"))
    with sqlite3.connect(tmp_path / "cache" / "index.sqlite3") as db:
        db.execute("UPDATE folders SET listing = x'80059501'")  # torn
    db.close()
    assert titles(root, cache_at(tmp_path))["post-1.md"] == "Title X"
    assert titles(root, cache_at(tmp_path))["post-1.md"] == "Title X"  # and stored anew


REOPEN = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from editor.core.folder.content_folder import ContentFolder
    from editor.core.folder.index_cache import IndexCache
    entries = ContentFolder(Path(sys.argv[2]), IndexCache.connect(Path(sys.argv[1]))).scan()
    print(len(entries), "editor.core.folder.bulk_read" in sys.modules, "slugify" in sys.modules)
    """
)


def test_a_reopen_with_no_file_changed_loads_no_reader_of_files_nor_namer(tmp_path):
    root = make_folder(tmp_path / "posts")
    argv = [sys.executable, "-c", REOPEN, str(tmp_path / "cache" / "index.sqlite3"), str(root)]
    first = subprocess.run(argv, capture_output=True, text=True, check=True).stdout
    again = subprocess.run(argv, capture_output=True, text=True, check=True).stdout
    write_old(root / "post-1.md", post("Changed"), time.time_ns() - DAY_NS // 2)
    changed = subprocess.run(argv, capture_output=True, text=True, check=True).stdout
    # A post's slug is made when one is named: no index loads the transliteration.
    assert (first, again, changed) == ("5 True False\n", "5 False False\n", "5 True False\n")


def test_a_term_many_posts_use_is_held_once_scanned_or_reopened(tmp_path):
    root = tmp_path / "posts"
    root.mkdir()
    for i in range(3):
        write_old(root / f"p{i}.md", post(f"T{i}", "tags: [python, notes]\ncategories: [dev]\n"))
    ContentFolder(root, cache_at(tmp_path)).scan()
    for entries in (ContentFolder(root).scan(), ContentFolder(root, cache_at(tmp_path)).scan()):
        assert len({id(e.tags[0]) for e in entries}) == 1
        assert len({id(e.categories[0]) for e in entries}) == 1
        assert [e.tags for e in entries] == [("python", "notes")] * 3


def test_a_rewrite_in_place_seen_by_a_later_scan_in_the_same_session_is_stored(tmp_path):
    root = make_folder(tmp_path / "posts")
    folder = ContentFolder(root, cache_at(tmp_path))
    folder.scan()
    behind_the_back(root / "post-1.md", post("Title X"))
    assert {str(e.path): e.title for e in folder.scan()}["post-1.md"] == "Title X"
    with opened_under(root) as opened:  # the cache holds what that scan read
        assert titles(root, cache_at(tmp_path))["post-1.md"] == "Title X"
    assert opened == set()
