"""Tests for editor/core/folder/post_paths.py: new-post paths and naming detection."""

from __future__ import annotations

import datetime
import os
import re
import tempfile
from pathlib import Path, PurePath

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from editor.core.errors import PostError
from editor.core.folder.post_paths import detect_naming, post_path
from editor.core.schema.naming import naming_problem

SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
DAY = datetime.date(2026, 1, 24)
HOSTILE = ["../../x", "/etc/passwd", "CON", "", "   ", "...", "..", ".", "\\\\server\\share", "nul"]
S = SLUG.pattern[1:-1]
SHAPES = {  # naming pattern → the relative paths it may produce
    "{slug}.md": re.compile(rf"^{S}\.md$"),
    "{date}-{slug}.md": re.compile(rf"^2026-01-24-{S}\.md$"),
    "{slug}/index.md": re.compile(rf"^{S}/index\.md$"),
    "{year}/{month}/{slug}.md": re.compile(rf"^2026/01/{S}\.md$"),
}
NAMINGS = list(SHAPES)


@pytest.mark.parametrize(
    ("naming", "relative"),
    [
        ("{slug}.md", "hello-world.md"),
        ("{date}-{slug}.md", "2026-01-24-hello-world.md"),
        ("{slug}/index.md", "hello-world/index.md"),
        ("{year}/{month}/{day}/{slug}.mdx", "2026/01/24/hello-world.mdx"),
        ("./posts/{slug}.md", "posts/hello-world.md"),
        ("posts\\{slug}.md", "posts/hello-world.md"),
    ],
)
def test_post_path_follows_the_pattern(tmp_path, naming, relative):
    assert post_path(tmp_path, naming, "Hello, World!", DAY) == tmp_path / relative


def test_post_path_never_overwrites_a_file(tmp_path):
    (tmp_path / "hello.md").write_text("x")
    (tmp_path / "hello-2.md").write_text("x")
    assert post_path(tmp_path, "{slug}.md", "Hello", DAY) == tmp_path / "hello-3.md"


def test_post_path_never_reuses_a_bundle_folder(tmp_path):
    (tmp_path / "hello").mkdir()  # a folder without index.md still belongs to someone
    assert post_path(tmp_path, "{slug}/index.md", "Hello", DAY) == tmp_path / "hello-2/index.md"


def test_post_path_counts_a_dangling_symlink_as_taken(tmp_path):
    (tmp_path / "hello.md").symlink_to(tmp_path / "nowhere.md")
    assert post_path(tmp_path, "{slug}.md", "Hello", DAY) == tmp_path / "hello-2.md"


def test_post_path_dated_names_only_collide_on_the_same_day(tmp_path):
    (tmp_path / "2026-01-23-hello.md").write_text("x")
    path = post_path(tmp_path, "{date}-{slug}.md", "Hello", DAY)
    assert path == tmp_path / "2026-01-24-hello.md"
    path.write_text("x")
    assert post_path(tmp_path, "{date}-{slug}.md", "Hello", DAY).name == "2026-01-24-hello-2.md"


@pytest.mark.parametrize("title", HOSTILE)
@pytest.mark.parametrize("naming", NAMINGS)
def test_post_path_hostile_titles_stay_inside(tmp_path, naming, title):
    path = post_path(tmp_path, naming, title, DAY)
    assert path.resolve().is_relative_to(tmp_path.resolve())
    assert path.resolve() != tmp_path.resolve()
    assert not path.exists()


@pytest.mark.parametrize(
    "naming",
    [
        "../{slug}.md",
        "posts/../../{slug}.md",
        "/tmp/{slug}.md",
        "..\\{slug}.md",
        "C:/{slug}.md",
        "{slug}.md:stream",
        "posts//{slug}.md",
    ],
)
def test_post_path_refuses_patterns_leaving_the_folder(tmp_path, naming):
    with pytest.raises(PostError) as error:
        post_path(tmp_path / "blog", naming, "Hello", DAY)
    assert error.value.path == tmp_path / "blog"


@pytest.mark.parametrize("naming", ["{date}.md", "{title}.md", "{slug}-{}.md", "posts.md"])
def test_post_path_refuses_bad_placeholders(tmp_path, naming):
    with pytest.raises(PostError):
        post_path(tmp_path, naming, "Hello", DAY)


def test_post_path_refuses_a_subfolder_symlinked_outside(tmp_path):
    root, outside = tmp_path / "blog", tmp_path / "elsewhere"
    root.mkdir()
    outside.mkdir()
    (root / "2026").symlink_to(outside)
    with pytest.raises(PostError, match="outside"):
        post_path(root, "{year}/{slug}.md", "Hello", DAY)


def test_post_path_accepts_a_root_reached_through_a_symlink(tmp_path):
    real = tmp_path / "real"
    real.mkdir()
    (real / "hello.md").write_text("x")
    link = tmp_path / "link"
    link.symlink_to(real)
    assert post_path(link, "{slug}.md", "Hello", DAY) == link / "hello-2.md"


@settings(max_examples=60, deadline=None)
@given(
    titles=st.lists(st.text(), min_size=1, max_size=6),
    naming=st.sampled_from(NAMINGS),
)
def test_post_path_stays_inside_and_never_names_an_existing_file(titles, naming):
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "blog"
        root.mkdir()
        made = set()
        for title in titles:
            path = post_path(root, naming, title, DAY)
            assert path.resolve().is_relative_to(root.resolve())
            assert not os.path.lexists(path)
            assert SHAPES[naming].match(path.relative_to(root).as_posix())
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(title)
            made.add(path)
        assert len(made) == len(titles)


def _paths(*names: str) -> list[PurePath]:
    return [PurePath(name) for name in names]


@pytest.mark.parametrize(
    ("paths", "naming"),
    [
        (_paths(), "{slug}.md"),
        (_paths("hello.md", "world.md", "2020-01-01-old.md"), "{slug}.md"),
        (_paths("2020-01-01-a.md", "2021-02-03-b.md", "notes.md"), "{date}-{slug}.md"),
        (_paths("a/index.md", "b/index.md", "c.md"), "{slug}/index.md"),
        (_paths("a/index.mdx", "b/index.mdx", "c/index.md"), "{slug}/index.mdx"),
        (_paths("a.mdx", "b.mdx", "c.md"), "{slug}.mdx"),
        (_paths("2020-01-01-a.markdown", "2020-01-02-b.markdown"), "{date}-{slug}.markdown"),
        (_paths("posts/a.md", "posts/b.md"), "{slug}.md"),
        (_paths("a.md", "b.mdx"), "{slug}.md"),
        (_paths("index.md", "about.md", "x.md"), "{slug}.md"),
        (_paths("2020-01-01-a/index.md", "2020-01-02-b/index.md"), "{slug}/index.md"),
    ],
)
def test_detect_naming(paths, naming):
    assert detect_naming(paths) == naming


def test_detect_naming_accepts_any_iterable():
    assert detect_naming(PurePath(f"2020-01-0{i}-x.md") for i in range(1, 4)) == "{date}-{slug}.md"


@pytest.mark.parametrize(
    ("naming", "problem"),
    [
        (".git/hooks/{slug}", 'leads into the hidden folder or file ".git"'),
        (".git/hooks/{slug}.md", 'leads into the hidden folder or file ".git"'),
        ("posts/.drafts/{slug}.md", '".drafts"'),
        (".{slug}.md", '".{slug}.md"'),
        ("{slug}", "gives new posts no extension; a post ends in .md, .mdx, .markdown"),
        ("{slug}.sh", 'gives new posts the extension ".sh"'),
        ("{slug}.html", 'the extension ".html"'),
        ("{slug}.md.exe", 'the extension ".exe"'),
        ("{slug}/index", "no extension"),
    ],
)
def test_a_naming_into_a_hidden_folder_or_to_a_file_that_is_no_post_is_refused(
    tmp_path, naming, problem
):
    """Issue 13, point 15: what the folder list would never show as a post, new posts never
    become (and `.git/hooks/` is where git runs programs from)."""
    assert problem in naming_problem(naming)
    with pytest.raises(PostError, match=re.escape(problem)):
        post_path(tmp_path, naming, "pre-commit", DAY)
    assert list(tmp_path.iterdir()) == []
