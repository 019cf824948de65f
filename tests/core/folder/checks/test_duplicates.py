"""Posts that clash: one slug, one title; each fires on a folder built to trip it and stays
quiet otherwise."""

from __future__ import annotations

import pytest
from foldercheck import brief, check, hugo
from sitefactory import post_text


@pytest.mark.parametrize(
    ("first", "second", "extra"),
    [
        ("hello.md", "2024-03-01-hello.md", ""),
        ("hello.md", "hello/index.md", ""),
        ("hello.md", "hello.mdx", ""),
        ("hello.md", "other.md", "slug: hello\n"),
        ("hello.md", "other.md", "slug: /Hello/\n"),
    ],
)
def test_two_posts_with_one_slug_are_errors_naming_each_other(tmp_path, first, second, extra):
    posts = hugo(tmp_path, {first: post_text("One"), second: post_text("Two", extra=extra)})
    problems = check(posts)
    assert brief(problems, posts) == sorted(
        [
            (first, 1, "file", "error"),
            (second, 4 if extra else 1, "slug" if extra else "file", "error"),
        ]
    )
    by_path = {p.path.relative_to(posts).as_posix(): p.message for p in problems}
    assert second in by_path[first] and first in by_path[second]
    assert "‘hello’" in by_path[first].lower()


def test_one_slug_in_two_folders_is_two_addresses(tmp_path):
    posts = hugo(
        tmp_path,
        {"2024/notes.md": post_text("Notes 2024"), "2025/notes.md": post_text("Notes 2025")},
    )
    assert check(posts) == []


def test_every_post_sharing_a_slug_names_the_others(tmp_path):
    names = ["a/x.md", "a/x/index.md", "a/2024-01-01-x.md", "a/2025-01-01-x.md", "a/y.md"]
    files = {name: post_text(f"Post {i}") for i, name in enumerate(names)}
    files["a/y.md"] = post_text("Post y", extra="slug: x\n")
    posts = hugo(tmp_path, files)
    problems = check(posts)
    assert len(problems) == 5 and all(p.severity == "error" for p in problems)
    assert all(" and 1 more" in p.message for p in problems)


def test_posts_with_one_title_are_warnings_naming_each_other(tmp_path):
    posts = hugo(
        tmp_path,
        {
            "a.md": post_text("Hello   World"),
            "b.md": post_text("hello world"),
            "c.md": post_text("Hello, World"),
        },
    )
    problems = check(posts)
    assert brief(problems, posts) == [
        ("a.md", 2, "title", "warning"),
        ("b.md", 2, "title", "warning"),
    ]
    assert "b.md" in problems[0].message and "a.md" in problems[1].message
