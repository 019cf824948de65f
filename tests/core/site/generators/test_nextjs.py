"""Next.js blogs as their own code reads them: the blog-starter's `_posts/`, other posts
folders, `pages/` MDX, drafts only when a post says so."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from sitefactory import site

from editor.core.folder import ContentFolder
from editor.core.site.generators import NextJs, detect_generator


def starter_post(title: str, date: str, extra: str = "") -> str:
    """A post as vercel/next.js examples/blog-starter writes them (gray-matter, YAML)."""
    return (
        f'---\ntitle: "{title}"\nexcerpt: "Lorem ipsum dolor sit amet."\n'
        f'coverImage: "/assets/blog/hello-world/cover.jpg"\ndate: "{date}"\n'
        'author:\n  name: Tim Neutkens\n  picture: "/assets/blog/authors/tim.jpeg"\n'
        f'ogImage:\n  url: "/assets/blog/hello-world/cover.jpg"\n{extra}---\n\nLorem ipsum.\n'
    )


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("HOME", str(tmp_path))
    return tmp_path


@pytest.fixture
def starter(tmp_path: Path) -> Path:
    future = (dt.date.today() + dt.timedelta(days=9)).isoformat() + "T05:35:07.322Z"
    package = {"private": True, "scripts": {"dev": "next"}, "dependencies": {"next": "latest"}}
    return site(
        tmp_path / "blog-starter",
        {
            "package.json": json.dumps(package),
            "_posts/hello-world.md": starter_post(
                "Learn How to Pre-render Pages", "2020-03-16T05:35:07.322Z"
            ),
            "_posts/dynamic-routing.md": starter_post("Dynamic Routing", future),
            "_posts/draft.md": starter_post("Not yet", "2020-03-16", "published: false\n"),
            "README.md": "# A statically generated blog example\n",
            "src/app/_components/notes.md": "# not content\n",
        },
    )


def test_the_blog_starter_is_found_by_its_package_json(starter: Path) -> None:
    nextjs = detect_generator(starter)
    assert isinstance(nextjs, NextJs)
    assert [(c.name, c.folder.as_posix(), c.kind) for c in nextjs.collections] == [
        ("posts", "_posts", "post")
    ]


def test_the_blog_starter_posts_are_listed_and_judged_by_what_they_say(starter: Path) -> None:
    entries = {e.path.as_posix(): e for e in ContentFolder(starter).scan()}
    assert {p: (e.collection, e.kind, e.status) for p, e in entries.items()} == {
        "_posts/hello-world.md": ("posts", "post", "published"),
        "_posts/dynamic-routing.md": ("posts", "post", "published"),  # nothing holds it back
        "_posts/draft.md": ("posts", "post", "draft"),
    }
    assert entries["_posts/hello-world.md"].date == dt.datetime(
        2020, 3, 16, 5, 35, 7, 322000, dt.UTC
    )
    assert all(e.errors == 0 for e in entries.values())


def test_other_posts_folders_and_mdx_pages(tmp_path: Path) -> None:
    root = site(
        tmp_path / "s",
        {
            "next.config.mjs": "export default {};\n",
            "posts/a.md": "---\ntitle: A\ndate: 2021-01-01\ndraft: true\n---\n",
            "content/posts/b.md": "---\ntitle: B\ndate: 2021-01-02\n---\n",
            "content/about.md": "---\ntitle: About\ndate: 2021-01-02\n---\n",
            "pages/about.mdx": "# About\n",
            "docs/notes.md": "# not read by the site\n",
        },
    )
    nextjs = detect_generator(root)
    assert [(c.name, c.folder.as_posix()) for c in nextjs.collections] == [
        ("posts", "posts"),
        ("content/posts", "content/posts"),
        ("content", "content"),
    ]
    entries = {
        e.path.as_posix(): (e.collection, e.kind, e.status) for e in ContentFolder(root).scan()
    }
    assert entries == {
        "posts/a.md": ("posts", "post", "draft"),
        "content/posts/b.md": ("content/posts", "post", "published"),
        "content/about.md": ("content", "post", "published"),
        "pages/about.mdx": (None, "page", "published"),
    }


def test_a_package_without_next_is_not_a_nextjs_site(tmp_path: Path) -> None:
    root = site(
        tmp_path / "s",
        {"package.json": '{"dependencies": {"react": "18"}}', "_posts/a.md": "# A\n"},
    )
    assert detect_generator(root).name == "plain"
