"""Next.js blogs (https://nextjs.org): Markdown posts read by the site's own code, most often
with gray-matter, from `_posts/`, `posts/` or `content/`."""

from __future__ import annotations

from functools import cached_property
from pathlib import PurePosixPath

from editor.core.site.generators.base import Collection, Generator


class NextJs(Generator):
    """A Next.js site."""

    name = "next"
    label = "Next.js"
    markers = ("next.config.*",)

    @cached_property
    def collections(self) -> tuple[Collection, ...]:
        folders = ("_posts", "posts", "content")
        found = [name for name in folders if (self.root / name).is_dir()]
        return tuple(Collection(name.lstrip("_"), PurePosixPath(name)) for name in found)
