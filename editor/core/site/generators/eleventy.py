"""Eleventy (https://www.11ty.dev): every Markdown file of its input folder is a page;
folders its directory data files tag (`posts/posts.json` with `"tags": "posts"`) are
collections."""

from __future__ import annotations

from functools import cached_property
from pathlib import PurePosixPath

from editor.core.site.generators.base import Collection, Generator


class Eleventy(Generator):
    """An Eleventy site."""

    name = "eleventy"
    label = "Eleventy"
    markers = (".eleventy.js", ".eleventy.cjs", ".eleventy.mjs", "eleventy.config.*")

    @cached_property
    def collections(self) -> tuple[Collection, ...]:
        return (Collection("pages", PurePosixPath("."), "page"),)
