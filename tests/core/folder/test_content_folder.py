"""ContentFolder: which files are posts, the index and its rescans, taxonomy, naming, schema."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path, PurePath

import pytest
from sitefactory import post_text, site, write

from editor.core.document.post import Post
from editor.core.errors import PostError
from editor.core.folder import new_post, unjudged
from editor.core.folder.content_folder import ContentFolder
from editor.core.folder.folder_walk import scan_enters
from editor.core.schema.model import Schema
from editor.core.schema.validation import validate

DAY = dt.date(2026, 3, 1)


def scanned(root: Path) -> ContentFolder:
    folder = ContentFolder(root)
    folder.scan()
    return folder


def rels(folder: ContentFolder) -> list[str]:
    return [e.path.as_posix() for e in folder.entries]


def bump(path: Path, text: str) -> None:
    """Rewrite a file and move its mtime a second on, so no clock granularity hides it."""
    before = path.stat().st_mtime_ns
    path.write_bytes(text.encode("utf-8"))
    os.utime(path, ns=(before + 1_000_000_000, before + 1_000_000_000))


# ---- which files are posts -------------------------------------------------------------------


def test_post_files_are_found_recursively_and_everything_else_is_skipped(tmp_path):
    root = site(
        tmp_path / "content",
        {
            "a.md": post_text("A"),
            "b.markdown": post_text("B"),
            "c.mdx": post_text("C"),
            "LOUD.MD": post_text("Loud"),
            "2026/03/deep/d.md": post_text("D"),
            "folder.md/inner.md": post_text("Inner"),  # a folder with a post-like name
            ".git/HEAD.md": post_text("git"),
            ".git/objects/x.md": post_text("git"),
            "node_modules/pkg/README.md": post_text("npm"),
            "sub/node_modules/pkg/README.md": post_text("npm"),
            ".hidden/e.md": post_text("hidden"),
            ".obsidian.md": post_text("hidden file"),
            "notes.txt": "not a post",
            "image.png": b"\x89PNG\r\n\x1a\n\x00\x00",
            "sub/page.html": "<p>no</p>",
            "sub/draft.md.bak": post_text("backup"),
        },
    )
    outside = site(tmp_path / "elsewhere", {"o.md": post_text("Outside")})
    (root / "linked").symlink_to(outside, target_is_directory=True)
    expected = [
        "2026/03/deep/d.md",
        "LOUD.MD",
        "a.md",
        "b.markdown",
        "c.mdx",
        "folder.md/inner.md",
    ]
    folder = ContentFolder(root)
    folder.scan()
    assert rels(folder) == expected
    assert {e.title for e in folder.entries} == {"A", "B", "C", "Loud", "D", "Inner"}


def test_a_missing_or_file_root_is_a_post_error(tmp_path):
    with pytest.raises(PostError):
        ContentFolder(tmp_path / "nope")
    with pytest.raises(PostError):
        ContentFolder(write(tmp_path, "a.md", post_text()))


@pytest.mark.parametrize(
    ("name", "content", "line"),
    [
        ("latin1.md", "---\ntitle: Café\ndate: 2026-01-24\n---\nbody\n".encode("latin-1"), 2),
        ("binary.md", b"\x00\x01\x02\xff\xfe" * 40, 1),
        ("broken.md", b"---\ntitle: T\ndate: 2026-01-24\nauthor: a: b\n---\nbody\n", 4),
        ("unclosed.md", b"---\ntitle: T\ndate: 2026-01-24\nbody with no closing line\n", None),
    ],
)
def test_an_unreadable_post_is_listed_with_an_error(tmp_path, name, content, line):
    root = site(tmp_path / "content", {"good.md": post_text("Good"), name: content})
    folder = scanned(root)
    assert rels(folder) == sorted(["good.md", name])
    bad = folder.entry(PurePath(name))
    assert bad is not None
    assert bad.errors >= 1
    problem = next(p for p in bad.problems if p.severity == "error")
    if line is not None:
        assert problem.line == line
    assert problem.message.strip()
    good = folder.entry(PurePath("good.md"))
    assert good is not None and good.problems == ()


def test_scan_reports_progress_to_the_end(tmp_path):
    root = site(tmp_path / "c", {f"p{i}.md": post_text(f"P{i}") for i in range(3)})
    calls: list[tuple[int, int]] = []
    ContentFolder(root).scan(lambda done, total: calls.append((done, total)))
    assert calls[-1] == (3, 3)


def test_index_problems_are_those_of_the_post_itself(tmp_path):
    text = post_text(title="x" * 80, extra="tags: [Ai, ai]\ndraft: 'no'\n", body="")
    path = write(tmp_path / "c", "p.md", text)
    (entry,) = scanned(tmp_path / "c").entries
    schema = Schema.DEFAULT
    assert [str(p) for p in entry.problems] == [str(p) for p in validate(Post.read(path), schema)]
    assert (entry.errors, entry.warnings) == (1, 3)


def test_entry_fields_come_from_the_front_matter(tmp_path):
    root = site(
        tmp_path / "c",
        {
            "a.md": post_text("Alpha", extra="tags: [x, y]\ncategory: News\ndraft: true\n"),
            "b.md": "---\ntitle: Beta\npubDate: 2025-12-31\ncategories: [Tips]\n---\nb\n",
        },
    )
    a, b = scanned(root).entries
    assert (a.title, a.date, a.tags, a.categories, a.draft) == (
        "Alpha",
        dt.date(2026, 1, 24),
        ("x", "y"),
        ("News",),
        True,
    )
    assert (b.title, b.date, b.tags, b.categories, b.draft) == (
        "Beta",
        dt.date(2025, 12, 31),
        (),
        ("Tips",),
        False,
    )


# ---- taxonomy --------------------------------------------------------------------------------


def test_taxonomy_counts_tags_and_both_spellings_of_categories(tmp_path):
    root = site(
        tmp_path / "c",
        {
            "a.md": post_text("A", extra="tags: [ai, health]\ncategory: News\n"),
            "b.md": post_text("B", extra="tags:\n  - ai\ncategories: [News, Guides]\n"),
            "c.md": post_text("C", extra="tags: [ai]\ncategory: Guides\n"),
            "d.md": post_text("D", extra="categories:\n  - Opinion\n"),
            "e.md": post_text("E"),
        },
    )
    taxonomy = scanned(root).taxonomy()
    assert dict(taxonomy.tags) == {"ai": 3, "health": 1}
    assert dict(taxonomy.categories) == {"News": 2, "Guides": 2, "Opinion": 1}
    assert next(iter(taxonomy.tags)) == "ai"  # most used first


# ---- naming and new posts --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("files", "naming", "new_rel"),
    [
        (["hello.md", "world.md", "2026-01-01-odd.md"], "{slug}.md", "my-new-post.md"),
        (
            ["2026-01-01-hello.md", "2026-01-02-world.md", "about.md"],
            "{date}-{slug}.md",
            "2026-03-01-my-new-post.md",
        ),
        (
            ["hello/index.md", "world/index.md", "loose.md"],
            "{slug}/index.md",
            "my-new-post/index.md",
        ),
        (["hello.mdx", "world.mdx"], "{slug}.mdx", "my-new-post.mdx"),
    ],
    ids=["slug", "date-slug", "bundle", "mdx"],
)
def test_naming_is_detected_and_new_posts_follow_it(tmp_path, files, naming, new_rel):
    root = site(tmp_path / "c", {rel: post_text(rel) for rel in files})
    folder = scanned(root)
    assert folder.naming() == naming
    assert folder.new_post_path("My new post", DAY) == root / new_rel


def test_the_schema_file_naming_wins_over_detection(tmp_path):
    root = site(
        tmp_path / "c",
        {
            "hello.md": post_text("Hello"),
            ".post-editor.yaml": 'fields:\n  - {name: title}\nnaming: "{date}-{slug}.md"\n',
        },
    )
    assert scanned(root).new_post_path("Hi", DAY) == root / "2026-03-01-hi.md"


def test_a_new_post_path_never_takes_an_existing_name(tmp_path):
    root = site(
        tmp_path / "c",
        {"hello-world.md": post_text("Hello"), "hello-world-2.md": post_text("Hello 2")},
    )
    folder = scanned(root)
    path = folder.new_post_path("Hello, World!", DAY)
    assert path == root / "hello-world-3.md"
    assert not path.exists()


def test_a_new_bundle_never_takes_an_existing_folder(tmp_path):
    root = site(
        tmp_path / "c",
        {"hello/index.md": post_text("Hello"), "other/index.md": post_text("O"), "world/x.png": ""},
    )
    folder = scanned(root)
    assert folder.new_post_path("Hello", DAY) == root / "hello-2" / "index.md"
    assert folder.new_post_path("World", DAY) == root / "world-2" / "index.md"


@pytest.mark.parametrize(
    "title", ["../../etc/passwd", "/etc/passwd", "..", ".", "", "~/x", "a/../../b", "C:\\win"]
)
def test_a_new_post_path_stays_inside_the_folder(tmp_path, title):
    root = site(tmp_path / "c", {"hello.md": post_text("Hello")})
    path = scanned(root).new_post_path(title, DAY)
    assert path.parent == root
    assert path.resolve().is_relative_to(root.resolve())
    assert path.suffix == ".md" and not path.exists()


# ---- rescans ---------------------------------------------------------------------------------


def test_a_rescan_rereads_only_the_changed_file(tmp_path, monkeypatch):
    root = site(tmp_path / "c", {n: post_text(n.upper()) for n in ("a.md", "b.md", "c.md")})
    folder = ContentFolder(root)
    before = {e.path.as_posix(): e for e in folder.scan()}
    bump(root / "b.md", post_text("Changed"))
    reads: list[str] = []
    real = unjudged.read_many  # the scan's reading step (see `unjudged.read_posts`)

    def spy(paths: list[str], progress: object = None, arrived: object = None):
        reads.extend(Path(p).name for p in paths)
        return real(paths, progress, arrived)

    monkeypatch.setattr(unjudged, "read_many", spy)
    after = {e.path.as_posix(): e for e in folder.scan()}
    assert reads == ["b.md"]
    assert after["a.md"] is before["a.md"]
    assert after["c.md"] is before["c.md"]
    assert after["b.md"] is not before["b.md"]
    assert after["b.md"].title == "Changed"


def test_a_rescan_without_changes_keeps_every_entry(tmp_path):
    root = site(tmp_path / "c", {n: post_text(n) for n in ("a.md", "b.md")})
    folder = ContentFolder(root)
    first = folder.scan()
    second = folder.scan()
    assert all(x is y for x, y in zip(first, second, strict=True))


def test_a_removed_file_disappears_and_a_new_one_appears_on_rescan(tmp_path):
    root = site(tmp_path / "c", {n: post_text(n) for n in ("a.md", "b.md")})
    folder = scanned(root)
    (root / "a.md").unlink()
    write(root, "new/c.md", post_text("C"))
    folder.scan()
    assert rels(folder) == ["b.md", "new/c.md"]
    assert folder.entry(PurePath("a.md")) is None
    assert "a.md" not in folder.taxonomy().tags


def test_refresh_after_a_save_updates_that_entry_only(tmp_path):
    root = site(tmp_path / "c", {n: post_text(n) for n in ("a.md", "b.md")})
    folder = scanned(root)
    untouched = folder.entry(PurePath("a.md"))
    Post.read(root / "b.md").with_value("title", "Saved title").with_value("tags", ["new"]).save()
    entry = folder.refresh(root / "b.md")
    assert entry is not None
    assert (entry.title, entry.tags) == ("Saved title", ("new",))
    assert folder.entry(PurePath("b.md")) is entry
    assert folder.entry(PurePath("a.md")) is untouched
    assert dict(folder.taxonomy().tags) == {"new": 1}
    assert folder.refresh(PurePath("b.md")) == entry  # a relative path works too


def test_refresh_of_a_deleted_file_drops_it(tmp_path):
    root = site(tmp_path / "c", {n: post_text(n) for n in ("a.md", "b.md")})
    folder = scanned(root)
    (root / "a.md").unlink()
    assert folder.refresh(root / "a.md") is None
    assert rels(folder) == ["b.md"]


# ---- the folder's schema file ----------------------------------------------------------------

CHOICES = """\
fields:
  - {name: title, type: string, required: true}
  - {name: date, type: date, required: true}
  - {name: category, type: select, choices: [Guides, News]}
"""


def test_a_schema_file_with_choices_makes_another_value_an_error(tmp_path):
    root = site(
        tmp_path / "c",
        {
            ".post-editor.yaml": CHOICES,
            "ok.md": post_text("Ok", extra="category: News\n"),
            "off.md": post_text("Offbeat", extra="author: Ann\ncategory: Gossip\n"),
        },
    )
    folder = scanned(root)
    assert folder.schema_problem() is None
    assert folder.schema.field("category").choices == ("Guides", "News")
    assert folder.entry(PurePath("ok.md")).problems == ()
    (problem,) = folder.entry(PurePath("off.md")).problems
    assert (problem.line, problem.field, problem.severity) == (5, "category", "error")
    assert "Gossip" in problem.message


@pytest.mark.parametrize(
    ("schema_text", "line"),
    [
        ("fields:\n  - {name: title, type: string}\n  - {name: date, type: dat}\n", 3),
        ("fields:\n  - {name: title}\n  - name: date\n    typo: date\n", 4),
        ("fields:\n  - {name: title\n  - {name: date}\n", 3),
        ("fields: [\n", 2),
    ],
    ids=["bad-type", "unknown-key", "yaml-error", "unclosed"],
)
def test_a_broken_schema_file_is_reported_with_its_line_and_scanning_goes_on(
    tmp_path, schema_text, line
):
    root = site(
        tmp_path / "c",
        {
            ".post-editor.yaml": schema_text,
            "good.md": post_text("Good"),
            "nodate.md": "---\ntitle: No date\n---\nbody\n",
        },
    )
    folder = ContentFolder(root)
    entries = folder.scan()
    error = folder.schema_problem()
    assert isinstance(error, PostError)
    assert error.path == root / ".post-editor.yaml"
    assert error.line == line
    assert [e.path.as_posix() for e in entries] == ["good.md", "nodate.md"]
    assert folder.schema == Schema.DEFAULT
    assert folder.entry(PurePath("good.md")).problems == ()
    assert [p.field for p in folder.entry(PurePath("nodate.md")).problems] == ["date"]


def test_a_new_post_takes_the_schema_files_defaults(tmp_path):
    write(
        tmp_path,
        ".post-editor.yaml",
        "fields:\n  - {name: title, type: string}\n  - {name: date, type: date}\n"
        "  - {name: draft, type: boolean, default: true}\n"
        "  - {name: layout, type: string, default: post}\n",
    )
    folder = ContentFolder(tmp_path)
    folder.scan()
    post = new_post.create(folder, "Hello", today=dt.date(2026, 3, 4))
    assert post.path.read_text() == (
        "---\ntitle: Hello\ndate: '2026-03-04'\ndraft: true\nlayout: post\n---\n\n"
    )


def test_a_new_post_in_a_folder_of_no_schema_file_gets_no_default_it_did_not_ask_for(tmp_path):
    folder = ContentFolder(tmp_path)
    folder.scan()
    post = new_post.create(folder, "Hello", today=dt.date(2026, 3, 4))
    assert post.path.read_text() == "---\ntitle: Hello\ndate: '2026-03-04'\n---\n\n"


def test_a_new_post_spells_its_date_and_fills_hidden_fields_as_the_cms_config_says(tmp_path):
    write(tmp_path, "hugo.toml", "title = 'A site'\n")
    write(
        tmp_path,
        "static/admin/config.yml",
        "collections:\n  - name: posts\n    folder: content/posts\n    fields:\n"
        "      - {name: title, widget: string}\n"
        "      - {name: publishDate, widget: datetime, format: 'YYYY-MM-DD HH:mm'}\n"
        "      - {name: layout, widget: hidden, default: blog}\n",
    )
    posts = tmp_path / "content/posts"
    posts.mkdir(parents=True)
    folder = ContentFolder(posts)
    folder.scan()
    post = new_post.create(folder, "Hello", today=dt.date(2026, 3, 4))
    assert post.path.read_text() == (
        "---\ntitle: Hello\npublishDate: '2026-03-04 00:00'\nlayout: blog\n---\n\n"
    )


# --- what killed saves left (issue 13, point 10) -----------------------------------------------

HOLD_LOCK = (
    "import sys\n"
    "from pathlib import Path\n"
    "from editor.core.storage.file_lock import locked\n"
    "with locked(Path(sys.argv[1])):\n"
    "    print('held', flush=True)\n"
    "    sys.stdin.readline()\n"
)


def test_a_scan_clears_what_killed_saves_left_and_never_lists_it(tmp_path):
    import hashlib

    write(tmp_path, "a.md", post_text(title="A"))
    write(tmp_path, "sub/b.md", post_text(title="B"))
    (tmp_path / ".a.md.0123456789abcdef.tmp").write_text("---\ntitle: half")
    (tmp_path / ".a.md.lock").write_text("")
    # b.md was being written in place (it has a hard link) when its writer died: torn.
    whole = (tmp_path / "sub" / "b.md").read_bytes()
    tag = hashlib.sha256(b"the new version").hexdigest()[:16]
    (tmp_path / "sub" / f".b.md.{tag}.bak").write_bytes(whole)
    (tmp_path / "sub" / "b.md").write_bytes(b"the new" + whole[7:])
    (tmp_path / ".other.txt").write_text("not ours: kept")
    assert rels(scanned(tmp_path)) == ["a.md", "sub/b.md"]
    assert sorted(os.listdir(tmp_path)) == [".other.txt", "a.md", "sub"]
    assert os.listdir(tmp_path / "sub") == ["b.md"]
    assert (tmp_path / "sub" / "b.md").read_bytes() == whole


@pytest.mark.skipif(not hasattr(os, "fork"), reason="POSIX locks only")
def test_a_scan_keeps_the_temp_file_of_a_save_still_running(tmp_path):
    import subprocess
    import sys

    post = write(tmp_path, "a.md", post_text(title="A"))
    temp = tmp_path / ".a.md.0123456789abcdef.tmp"
    temp.write_text("being written")
    saver = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(post)], stdin=subprocess.PIPE, stdout=subprocess.PIPE
    )
    try:
        assert saver.stdout is not None and saver.stdout.readline() == b"held\n"
        assert rels(scanned(tmp_path)) == ["a.md"]
        assert temp.exists()
    finally:
        saver.communicate(b"\n", timeout=30)
    assert rels(scanned(tmp_path)) == ["a.md"]
    assert os.listdir(tmp_path) == ["a.md"]


@pytest.mark.parametrize(
    ("name", "entered"),
    [
        ("posts", True),
        ("2026", True),
        (".git", False),
        (".obsidian", False),
        ("node_modules", False),
        ("__pycache__", False),
    ],
)
def test_the_scan_and_the_disk_watch_enter_the_same_folders(name, entered):
    assert scan_enters(name) is entered


def test_entries_come_in_the_order_of_their_paths_as_paths_compare(tmp_path):
    names = ["a-b/x.md", "a/b.md", "a.md", "a/b/c.md", "a0.md", "B.md", "a b.md", "é.md", "a/a.md"]
    for name in names:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("---\ntitle: T\n---\nText.\n", encoding="utf-8")
    listed = [e.path for e in ContentFolder(tmp_path).scan()]
    assert listed == sorted(PurePath(n) for n in names)
