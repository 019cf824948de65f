"""Hugo (https://gohugo.io): content under `content/` (or the config's `contentDir`, per
language too), sections, page bundles, front matter in YAML, TOML or JSON."""

from __future__ import annotations

from functools import cached_property
from pathlib import PurePosixPath

from editor.core.site.generators.base import Collection, Generator


class Hugo(Generator):
    """A Hugo site."""

    name = "hugo"
    label = "Hugo"
    markers = ("hugo.toml", "hugo.yaml", "hugo.yml", "hugo.json", "config.toml", "config.yaml")

    @cached_property
    def collections(self) -> tuple[Collection, ...]:
        content = PurePosixPath("content")
        return (Collection("posts", content / "posts"), Collection("pages", content, "page"))
