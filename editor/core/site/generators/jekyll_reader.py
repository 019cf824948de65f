"""Where Jekyll's reader finds a file (Reader#read_directories, #retrieve_posts, the
collections' reads, EntryFilter#filter): a post or draft, a document of a collection, a page,
or nothing, for `jekyll.py`.

What a file's folder decides (which collection, the categories of its folders, whether Jekyll
walks into it at all) is worked out once per folder: a scan asks it of every file, and a site
has a few hundred folders for thousands of posts. Only the filter's verdict on the file's own
name and the date its name spells are worked out per file.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal, NamedTuple

from editor.core.site.generators.jekyll_rules import EntryFilter, day_of, name_date

Kind = Literal["post", "draft", "doc", "page"]
MAGIC: dict[str, Literal["post", "draft"]] = {"_posts": "post", "_drafts": "draft"}
Parts = tuple[str, ...]


class Spot(NamedTuple):
    """Where Jekyll's reader finds a file: a post or draft (in `<base>/_posts`,
    `<base>/_drafts`), a document of a collection, or a page; `path` is the file's path as
    Jekyll names it in `defaults` scopes. (A tuple: a scan makes one per file.)"""

    kind: Kind
    label: str  # the collection's label: posts (drafts too), a collection's, pages
    base: Parts  # the folders above `_posts`: the post's categories
    inner: str  # the path inside `_posts`, `_drafts` or the collection folder
    path: str
    dated: tuple[str, str] | None  # (date text, slug) of its name (`name_date`)
    day: dt.date | None  # the day that spells; None without one, or when it is no real day


def spot_at(kind: Kind, label: str, base: Parts, inner: str, path: str) -> Spot:
    """A file's spot, its name's date read once: asked to place, date and judge it."""
    dated = name_date(inner)
    day = day_of(dated[0]) if dated else None
    return Spot(kind, label, base, inner, path, dated, day)


def _slashed(folders: Parts) -> str:
    """Folders' names as the start of a path: each followed by a slash."""
    return "".join(f"{part}/" for part in folders)


class Shelf(NamedTuple):
    """What every file directly in one folder shares: its kind, collection and categories,
    and the beginnings of its paths (the file's name completes each)."""

    kind: Kind
    label: str
    base: Parts
    inner: str  # the path inside `_posts`, `_drafts` or the collection folder, up to the name
    path: str  # the path from the site root, up to the name
    doc: str  # the path as `defaults` scopes name a document, up to the name


class JekyllReader:
    """Which files Jekyll reads, and as what, from the settings that decide it."""

    def __init__(
        self, collections_dir: Parts, labels: Parts, entries: EntryFilter, destination: str
    ) -> None:
        self._cd = collections_dir
        self._labels = labels
        self._filter = entries
        self._destination = destination
        self._walked: dict[Parts, bool] = {}
        self._shelves: dict[Parts, Shelf | None] = {}

    def walked(self, folder: Parts) -> bool:
        """Whether Jekyll's walk of the site (Reader#read_directories) enters `folder`."""
        if not folder:
            return True
        known = self._walked.get(folder)
        if known is None:
            path = "/".join(folder)
            known = (
                self.walked(folder[:-1])
                and path != self._destination
                and self._filter.takes(path, folder[-1], is_dir=True)
            )
            self._walked[folder] = known
        return known

    def reads_posts_in(self, base: Parts) -> bool:
        """Whether Jekyll reads `<base>/_posts` and `<base>/_drafts` (Reader#retrieve_posts:
        every walked folder, within `collections_dir` when one is set)."""
        cd = self._cd
        return self.walked(base) and (not cd or base[: len(cd)] == cd)

    def find(self, parts: Parts) -> Spot | None:
        """Where the file at `parts` (its path from the site root) sits, or None when Jekyll
        does not read it."""
        if not parts:
            return None  # the site's root itself: no file
        folder, name = parts[:-1], parts[-1]
        shelf = self._shelves.get(folder, False)
        if shelf is False:
            shelf = self._shelves[folder] = self._shelf(folder)
        if shelf is None:
            return None
        inner = shelf.inner + name
        if not self._filter.takes(shelf.path + name, inner, is_dir=False):
            return None
        return spot_at(shelf.kind, shelf.label, shelf.base, inner, shelf.doc + name)

    def _shelf(self, folder: Parts) -> Shelf | None:
        """What `folder`'s files share, None when Jekyll reads none of them: the first of
        the rules that holds, in the order Jekyll's reader applies them (a collection's
        folder, then `_posts`/`_drafts` anywhere, then a walked folder's pages)."""
        cd, path = self._cd, _slashed(folder)
        # A document's path is named from within `collections_dir` (a file inside it).
        strip = len(cd) if cd and folder[: len(cd)] == cd else 0
        doc = _slashed(folder[strip:])
        for label in self._labels:
            home = (*cd, f"_{label}")
            if folder[: len(home)] == home:
                inner = _slashed(folder[len(home) :])
                return Shelf("doc", label, (), inner, path, doc)
        for i, part in enumerate(folder):
            if part in MAGIC:
                if not self.reads_posts_in(folder[:i]):
                    return None
                inner = _slashed(folder[i + 1 :])
                return Shelf(MAGIC[part], "posts", folder[:i], inner, path, doc)
        if self.walked(folder):
            return Shelf("page", "pages", (), "", path, path)
        return None

    def enters(self, parts: Parts) -> bool:
        """Whether Jekyll reads any file in the folder at `parts`, or in one inside it."""
        if self.walked(parts):
            return True
        for i, part in enumerate(parts):
            if part in MAGIC:
                inner = parts[i + 1 : i + 2]
                return self.reads_posts_in(parts[:i]) and all(
                    self._filter.takes("/".join(parts), name, is_dir=True) for name in inner
                )
        for label in self._labels:
            folder = (*self._cd, f"_{label}")
            if parts[: len(folder)] == folder:
                inner = parts[len(folder) : len(folder) + 1]
                return all(self._filter.takes("/".join(parts), n, is_dir=True) for n in inner)
            if folder[: len(parts)] == parts:  # on the way to a collection's folder
                return True
        return False
