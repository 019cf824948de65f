"""How a site names a post: the slug it is published under."""

from __future__ import annotations

from pathlib import Path

import pytest

from editor.core.folder.checks.names import slug_of


@pytest.mark.parametrize(
    ("rel", "slug"),
    [
        ("hello.md", "hello"),
        ("2024-01-31-hello-world.md", "hello-world"),
        ("hello/index.md", "hello"),
        ("section/_index.md", "section"),
        ("index.md", None),
        ("2024-1-31-not-a-date.md", "2024-1-31-not-a-date"),
    ],
)
def test_slug_of_follows_the_naming_conventions(rel, slug):
    assert slug_of(Path(rel), {}) == slug
    assert slug_of(Path(rel), {"slug": "set-here"}) == "set-here"
