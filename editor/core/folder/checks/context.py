"""What the checks of one folder share, worked out once per run: the folder, the site around
it, and the names its posts go by."""

from __future__ import annotations

import os
from pathlib import Path, PurePath

from editor.core.folder.checks.names import page_name, slug_of
from editor.core.folder.content_folder import ContentFolder, IndexEntry
from editor.core.schema import Schema, SchemaSource
from editor.core.site import Site, site_kind

# Site generators that publish a section's posts under /<section>/<slug>/ by default.
_SECTIONED = frozenset({"hugo", "next", "astro"})


class CheckContext:
    """What the reference and YAML checks share: the folder, its site, and the posts' names."""

    def __init__(self, folder: ContentFolder, site: Site, entries: list[IndexEntry]) -> None:
        self.root, self.site, self.folder = folder.root, site, folder
        # Hugo reads "/posts/a" in a ref from its content folder, which may hold this one,
        # or lie inside it (the site root opened).
        content = site.root / "content"
        here = Path(os.path.abspath(folder.root))
        within = content.is_dir() and (here.is_relative_to(content) or content.is_relative_to(here))
        self.content_dirs = [content, folder.root] if within else [folder.root]
        self.content_dirs += [site.root / rel for rel in folder.generator.link_roots()]
        # A page's own files (a bundle's images) are published at its address, below the
        # language's prefix on a multilingual site ("/en/basics/images/a.png").
        self.languages = frozenset(folder.generator.languages)
        self.file_stems = {PurePath(e.path.name).stem.casefold() for e in entries}
        self.page_names = self.file_stems | {page_name(e.path).casefold() for e in entries}
        self._yes_no: dict[int, set[str]] = {}
        # Where Hugo, Next.js and Astro publish a collection's posts by default: /posts/<slug>/
        # for content/posts, _posts or src/content/posts. Jekyll's dated permalinks differ.
        self.sections: dict[str, set[str]] = {}
        # Other addresses posts answer at: Hugo's `aliases`, jekyll-redirect-from's
        # `redirect_from` ("/templates/list/" for templates/lists.md).
        self.aliases = {
            alias.strip("/").casefold()
            for entry in entries
            for key in ("aliases", "redirect_from")
            for alias in _texts(entry.facts.values.get(key))
        }
        if site_kind(site.root) in _SECTIONED:
            folders = {c.name: c.folder for c in folder.generator.collections}
            for entry in entries:
                slug = slug_of(entry.path, entry.facts.values)
                if slug is not None:
                    section = self._section(folders.get(entry.collection or ""))
                    self.sections.setdefault(section, set()).add(slug.casefold())

    def _section(self, collection_folder: PurePath | None) -> str:
        """The section name of a collection's posts: its folder's name, or the opened
        folder's when that lies inside the collection (a Hugo section opened)."""
        opened = self.folder.site_path(".")
        if collection_folder is not None and collection_folder.is_relative_to(opened):
            name = collection_folder.name if collection_folder.parts else self.root.name
        else:
            name = Path(os.path.abspath(self.root)).name
        return name.lstrip("_").casefold()

    def yes_no_keys(self, source: SchemaSource) -> set[str]:
        """Keys known to hold yes/no values: the default's (draft), and a schema file's or CMS
        config's. Not an inferred schema's: it learnt "boolean" from YAML 1.1 readings of
        these very traps."""
        known = self._yes_no.get(id(source))
        if known is None:
            declared = source.schema.fields if source.declared else ()
            fields = (*Schema.DEFAULT.fields, *declared)
            known = self._yes_no[id(source)] = {f.name for f in fields if f.type == "boolean"}
        return known


def _texts(value: object) -> list[str]:
    """A key's value as the texts it lists (one text, or a list's texts)."""
    if isinstance(value, str):
        return [value]
    return [item for item in value if isinstance(item, str)] if isinstance(value, list) else []
