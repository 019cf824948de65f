"""`post-editor new` on a site whose `_config.yml` defaults give posts values: the new post
writes none of them (the build gives them), and it checks clean by its collection's schema,
which knows those keys."""

from __future__ import annotations

from pathlib import Path

import pytest

CONFIG = """\
title: A site
defaults:
  - scope: {path: "", type: posts}
    values: {layout: post, author: Ann, comments: true}
"""


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No site marker above tmp_path may change where the test's site starts."""
    monkeypatch.setenv("HOME", str(tmp_path.parent))


def test_a_new_post_writes_none_of_the_values_the_defaults_give(run, write, tmp_path):
    write(tmp_path / "_config.yml", CONFIG)
    for day in (1, 2, 3):
        text = f"---\ntitle: Post {day}\ndate: 2025-01-0{day}\n---\nText.\n"
        write(tmp_path / f"_posts/2025-01-0{day}-post-{day}.md", text)
    ran = run("new", tmp_path / "_posts", "--title", "Fresh words")
    assert ran.rc == 0, ran.err
    made = Path(ran.out.strip())
    assert made.parent == tmp_path / "_posts"
    keys = [line.split(":")[0] for line in made.read_text().split("---")[1].splitlines() if line]
    assert keys == ["title", "date"]
    assert run("check", tmp_path).rc == 0
