"""Where a post's pictures go, and the address the site will serve them at.

A picture dropped on a post is copied into the site's media folder (`media_import` does the
copying); this module decides which folder that is and how the post should name the file.
First found wins:

1. `media:` in the folder's `.post-editor.yaml`::

       media: {folder: static/images, url: /images}

   `folder` is relative to the site root (the folder holding hugo.toml, _config.yml,
   package.json, .git...); one starting with `./` is relative to each post's own folder
   (`./` alone: beside the post). `url` is the address the site serves that folder at; without
   it, the post links to the file by a path relative to itself.
2. The CMS config the folder's schema came from (Decap/Sveltia `media_folder` and
   `public_folder`, a collection's own ones first; Front Matter's `publicFolder`), so a picture
   added here lands where the CMS would have put it.
3. The site's layout, as each generator's documentation and starters do it:

   ============  ==========================  ===============================================
   site          folder                      the post writes
   ============  ==========================  ===============================================
   Hugo          static/images               /images/name.png (static/ is served at "/")
   page bundle   beside the post             name.png (Hugo, Astro: `slug/index.md` keeps its
                                             pictures; Hugo calls them page resources)
   Next.js       public/images               /images/name.png (public/ is served at "/")
   Astro         public/images               /images/name.png (works in .md and .mdx alike,
                                             with no import; src/assets needs one in MDX)
   Gatsby        static/images               /images/name.png
   Jekyll        assets/images               /assets/images/name.png (Jekyll's own docs and
                                             its minima theme keep pictures under assets/)
   other         images/ beside the post     images/name.png (renders on GitHub, in Obsidian
                                             and in any Markdown viewer, site or not)
   ============  ==========================  ===============================================

A media folder must lie inside the site, links followed: a setting or a symlink that leads
elsewhere is refused when a picture is added (`MediaPlace.check_inside`). Qt-free.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from urllib.parse import quote

from editor.core.errors import PostError
from editor.core.schema import MediaSetting, url_problem
from editor.core.site.site import Site, site_kind

# (folder from the site root, the address it is served at) by generator.
_LAYOUTS: dict[str, tuple[str, str]] = {
    "hugo": ("static/images", "/images"),
    "next": ("public/images", "/images"),
    "astro": ("public/images", "/images"),
    "gatsby": ("static/images", "/images"),
    "jekyll": ("assets/images", "/assets/images"),
}
# Generators that render a picture beside `slug/index.md` (a page bundle) by its relative
# path; a site of unknown make links relatively anyway.
_BUNDLES = frozenset({"hugo", "astro", None, "node", "git", "eleventy"})
_BUNDLE_NAMES = frozenset({"index.md", "index.markdown", "index.mdx"})
_TEMPLATE = re.compile(r"\{\{\s*([a-z_]+)\s*\}\}")
_GIT = ".git"  # the repository's own store: nothing in it is served, hooks run from it


@dataclass(frozen=True)
class MediaPlace:
    """The media folder of one post, resolved: where files go and how the post names them."""

    folder: Path  # absolute, inside the site (checked by `check_inside`, not on creation)
    url: str | None  # the prefix a file's name is written after; None: relative to the post
    site: Site
    post_path: Path
    shown: str  # the folder as a writer knows it, for messages ("static/images")

    def link(self, file: Path) -> str:
        """How the post names `file`, a file in this folder: URL-encoded, with "/"."""
        if self.url is None:
            return relative_link(file, self.post_path)
        prefix = self.url.rstrip("/")
        name = quote(file.name)
        return f"{prefix}/{name}" if prefix or self.url.startswith("/") else name

    def check_inside(self) -> None:
        """Refuse a media folder outside the site: as written (`..`, an absolute path), and
        with symbolic links followed (the nearest existing folder on its way is looked at, so
        a link anywhere on the way that leads out is caught before anything is created); one
        inside the repository's `.git`; and a link prefix that is neither a web address nor a
        path (`url_problem`), whichever setting or CMS config it came from."""
        if self.url is not None and (problem := url_problem(self.url)):
            raise PostError(f"{problem}; nothing was copied")
        if not self.site.contains(self.folder):
            raise PostError(
                f"the media folder {self.shown} lies outside the site ({self.site.root});"
                " nothing was copied"
            )
        if _GIT in Path(os.path.relpath(self.folder, self.site.root)).parts:
            raise PostError(
                f"the media folder {self.shown} lies inside the repository's {_GIT} folder;"
                " nothing was copied"
            )
        existing = self.folder
        while not existing.exists() and existing != existing.parent:
            existing = existing.parent
        real_root = os.path.realpath(self.site.root)
        real = os.path.realpath(existing)
        if not (real == real_root or real.startswith(real_root.rstrip(os.sep) + os.sep)):
            raise PostError(
                f"the media folder {self.shown} is a link to {real}, outside the site;"
                " nothing was copied"
            )


def relative_link(file: Path, post_path: Path) -> str:
    """The URL-encoded path of `file` relative to the post's folder ("images/a%20b.png")."""
    rel = os.path.relpath(os.path.abspath(file), os.path.dirname(os.path.abspath(post_path)))
    return quote(PurePosixPath(*Path(rel).parts).as_posix())


def served_link(file: Path, place: MediaPlace) -> str | None:
    """How the post of `place` links to `file`, a file already inside the site, or None when
    the site would not publish it where the post can name it (then it is copied).

    In a site of a known generator, a file in a folder served at "/" is named by its address
    ("/images/a.png"; in Jekyll, which serves its whole folder, not one under an _folder or a
    dotfolder). Otherwise a post that links relatively (a page bundle, a site of unknown make)
    names any file of the site by its path from the post, and any post names a file in its own
    folder or below that way.
    """
    site = place.site
    path = Path(os.path.abspath(file))
    if not site.exists(path):
        return None
    if site_kind(site.root) in _LAYOUTS:
        for root in site.published:
            if path.is_relative_to(root):
                parts = path.relative_to(root).parts
                if root == site.root and any(p.startswith(("_", ".")) for p in parts):
                    continue
                return "/" + quote("/".join(parts))
    relative = place.url is None or not place.url.startswith("/")
    if relative or path.is_relative_to(place.post_path.parent):
        return relative_link(path, place.post_path)
    return None


def media_place(post_path: Path, site: Site, setting: MediaSetting | None = None) -> MediaPlace:
    """The media folder for the post at `post_path` in `site`: by `setting` (the folder's
    `.post-editor.yaml` or CMS config, see `Schema.media`) when given, else by the site's
    layout (see the module's table)."""
    post_path = Path(os.path.abspath(post_path))
    post_folder = post_path.parent
    if setting is not None:
        folder_text = _fill(setting, post_path)
        # Decap reads a collection's "/static/img" (and a filled-in {{media_folder}}) from
        # the site root, anything else from the entry's folder.
        if setting.base == "post" and not folder_text.startswith("/"):
            folder = Path(os.path.normpath(post_folder / folder_text))
        else:
            folder = Path(os.path.normpath((setting.root or site.root) / folder_text.lstrip("/")))
        url = None if setting.url is None else _fill_text(setting.url, setting, post_path)
        shown = folder_text or "the post's folder"
        return MediaPlace(folder, url, site, post_path, shown)
    kind = site_kind(site.root)
    if post_path.name in _BUNDLE_NAMES and kind in _BUNDLES and post_folder != site.root:
        return MediaPlace(post_folder, "", site, post_path, "the post's folder")
    if kind in _LAYOUTS:
        rel, url = _LAYOUTS[kind]
        return MediaPlace(site.root / rel, url, site, post_path, rel)
    return MediaPlace(post_folder / "images", "images", site, post_path, "images")


def _fill(setting: MediaSetting, post_path: Path) -> str:
    return _fill_text(setting.folder, setting, post_path).strip()


def _fill_text(text: str, setting: MediaSetting, post_path: Path) -> str:
    """`text` with Decap's placeholders filled in for the post; an unknown one is refused."""
    if "{{" not in text:
        return text
    stem = post_path.parent.name if post_path.name in _BUNDLE_NAMES else post_path.stem
    values = dict(setting.template_values) | {"slug": stem, "filename": post_path.stem}
    values["dirname"] = ""  # the entry's folder below the collection's: flat collections

    def fill(match: re.Match[str]) -> str:
        if match[1] not in values:
            raise PostError(
                f"{setting.source or 'the media setting'} names the media folder with"
                f" {{{{{match[1]}}}}}, which Post Editor cannot fill in; nothing was copied"
            )
        return values[match[1]]

    return _TEMPLATE.sub(fill, text)
