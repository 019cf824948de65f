"""Next.js blogs (https://nextjs.org): Markdown posts read by the site's own code, most often
with gray-matter, from `_posts/` (the blog-starter), `posts/`, `content/` (or `content/posts/`)
or the folders of `src/content/`. Next.js has no rules of its own for them: a post is a draft
only when it says so (`draft: true`, `published: false`), and a future date publishes.
`.mdx` files under `pages/` (with @next/mdx) are pages."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Container, Mapping
from functools import cached_property
from pathlib import Path, PurePosixPath

from editor.core.site.generators.base import Collection, Generator, Placement, Status
from editor.core.site.generators.detection import NEXTJS_MARKERS, nextjs_site
from editor.core.site.generators.markdown_profiles import NEXTJS_PROFILE
from editor.core.site.rendering.profile import MarkdownProfile

_FOLDERS = ("_posts", "posts", "content/posts", "content", "src/posts", "src/_posts")
_PAGES = (PurePosixPath("pages"), PurePosixPath("src/pages"))


class NextJs(Generator):
    """A Next.js site."""

    name = "next"
    label = "Next.js"
    markers = NEXTJS_MARKERS

    @classmethod
    def detect(cls, root: Path, names: Container[str]) -> bool:
        """A `next.config.js/mjs/ts`, or a package.json that depends on `next` (the blog-starter
        has no config file)."""
        return nextjs_site(root, names)

    def markdown_profile(self) -> MarkdownProfile:
        """remark with remark-gfm."""
        return NEXTJS_PROFILE

    @cached_property
    def collections(self) -> tuple[Collection, ...]:
        folders = [PurePosixPath(f) for f in _FOLDERS if (self.root / f).is_dir()]
        content = self.root / "src" / "content"
        if content.is_dir():
            folders += [
                PurePosixPath("src/content", e.name)
                for e in sorted(os.scandir(content), key=lambda e: e.name)
                if e.is_dir() and not e.name.startswith(".")
            ]
        names: dict[str, int] = {}
        found = []
        for folder in folders:
            name = folder.name.lstrip("_") or folder.as_posix()
            names[name] = names.get(name, 0) + 1
            found.append(Collection(name if names[name] == 1 else folder.as_posix(), folder))
        return tuple(found)

    def enters(self, rel_folder: PurePosixPath) -> bool:
        """Only the posts' folders and `pages/` (and those leading to them)."""
        wanted = [c.folder for c in self.collections] + list(_PAGES)
        return any(rel_folder.is_relative_to(f) or f.is_relative_to(rel_folder) for f in wanted)

    def place(self, rel: PurePosixPath, values: Mapping[str, object]) -> Placement | None:
        collection = self.collection_of(rel)
        if collection is not None:
            return Placement(collection, collection.kind)
        if rel.suffix in (".md", ".mdx") and any(rel.is_relative_to(p) for p in _PAGES):
            return Placement(None, "page")
        return None  # a README or notes beside the code: not part of the site

    def status(
        self, rel: PurePosixPath, place: Placement, values: Mapping[str, object], today: dt.date
    ) -> Status:
        """Only what the post says: nothing in Next.js holds back a future date."""
        if values.get("draft") is True or values.get("published") is False:
            return "draft"
        return "published"
