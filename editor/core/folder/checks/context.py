"""What the checks of one folder share, worked out once per run: the folder, the site around
it, and the names its posts go by."""

from __future__ import annotations

import os
from pathlib import Path, PurePath

from editor.core.folder.checks.names import page_name, slug_of
from editor.core.folder.content_folder import ContentFolder, IndexEntry
from editor.core.schema import Schema
from editor.core.site import Site, site_kind

# Site generators that publish a folder's posts under /<folder name>/<slug>/ by default.
_SECTIONED = frozenset({"hugo", "next", "astro"})


class CheckContext:
    """What the reference and YAML checks share: the folder, its site, and the posts' names."""

    def __init__(self, folder: ContentFolder, site: Site, entries: list[IndexEntry]) -> None:
        self.root, self.site = folder.root, site
        # Hugo reads "/posts/a" in a ref from its content folder, which may hold this one.
        content = site.root / "content"
        within = content.is_dir() and Path(os.path.abspath(folder.root)).is_relative_to(content)
        self.content_dirs = [content, folder.root] if within else [folder.root]
        self.file_stems = {PurePath(e.path.name).stem.casefold() for e in entries}
        # Keys known to hold yes/no values: the default's (draft), and a schema file's or CMS
        # config's. Not an inferred schema's: it learnt "boolean" from YAML 1.1 readings of
        # these very traps.
        origin = folder.schema_source.origin
        declared = folder.schema.fields if origin in ("file", "cms") else ()
        self.yes_no_keys = {
            f.name for f in (*Schema.DEFAULT.fields, *declared) if f.type == "boolean"
        }
        self.page_names = self.file_stems | {page_name(e.path).casefold() for e in entries}
        # Where Hugo, Next.js and Astro publish this folder's posts by default: /posts/<slug>/
        # for content/posts, _posts or src/content/posts. Jekyll's dated permalinks differ.
        kind = site_kind(site.root)
        self.section = folder.root.name.lstrip("_").casefold() if kind in _SECTIONED else None
        slugs = (slug_of(e.path, e.facts.values) for e in entries)
        self.slugs = {slug.casefold() for slug in slugs if slug}
