"""Jekyll (https://jekyllrb.com): `_posts` named `YYYY-MM-DD-title.md`, `_drafts`, the
collections of `_config.yml`, and pages everywhere else."""

from __future__ import annotations

from functools import cached_property
from pathlib import PurePosixPath

from editor.core.site.generators.base import Collection, Generator


class Jekyll(Generator):
    """A Jekyll site."""

    name = "jekyll"
    label = "Jekyll"
    markers = ("_config.yml", "_config.yaml", "_config.toml")

    @cached_property
    def collections(self) -> tuple[Collection, ...]:
        return (
            Collection("posts", PurePosixPath("_posts")),
            Collection("drafts", PurePosixPath("_drafts")),
            Collection("pages", PurePosixPath("."), "page"),
        )
