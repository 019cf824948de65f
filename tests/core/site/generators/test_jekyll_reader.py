"""Jekyll's reader worked out once per folder finds every file where the per-file rule it
replaced found it: the same kind, collection, categories, inner path and scope path, or the
same "not read"."""

from __future__ import annotations

import itertools

import pytest

from editor.core.site.generators.jekyll_reader import MAGIC, JekyllReader, Spot, spot_at
from editor.core.site.generators.jekyll_rules import (
    DEFAULT_EXCLUDES,
    DEFAULT_INCLUDES,
    EntryFilter,
)

Parts = tuple[str, ...]


class PerFile:
    """The rule as `Jekyll._find` applied it to each file, whole, before it was split by
    folder (kept here as the reference)."""

    def __init__(self, cd: Parts, labels: Parts, entries: EntryFilter, destination: str):
        self.cd, self.labels, self.filter, self.destination = cd, labels, entries, destination

    def walked(self, folder: Parts) -> bool:
        if not folder:
            return True
        path = "/".join(folder)
        return (
            self.walked(folder[:-1])
            and path != self.destination
            and self.filter.takes(path, folder[-1], is_dir=True)
        )

    def reads_posts_in(self, base: Parts) -> bool:
        return self.walked(base) and (not self.cd or base[: len(self.cd)] == self.cd)

    def find(self, parts: Parts) -> Spot | None:
        cd, posix = self.cd, "/".join(parts)
        strip = len(cd) if cd and parts[: len(cd)] == cd else 0
        doc_path = "/".join(parts[strip:])
        for label in self.labels:
            folder = (*cd, f"_{label}")
            if parts[: len(folder)] == folder and len(parts) > len(folder):
                inner = "/".join(parts[len(folder) :])
                if not self.filter.takes(posix, inner, is_dir=False):
                    return None
                return spot_at("doc", label, (), inner, doc_path)
        for i, part in enumerate(parts[:-1]):
            if part in MAGIC:
                base, inner = parts[:i], "/".join(parts[i + 1 :])
                if not self.reads_posts_in(base):
                    return None
                if not self.filter.takes(posix, inner, is_dir=False):
                    return None
                return spot_at(MAGIC[part], "posts", base, inner, doc_path)
        if self.walked(parts[:-1]) and self.filter.takes(posix, parts[-1], False):
            return spot_at("page", "pages", (), parts[-1], posix)
        return None


FOLDERS = [
    (),
    ("en",),
    ("en", "news"),
    ("_posts",),
    ("_posts", "2020"),
    ("_drafts",),
    ("en", "_posts"),
    ("en", "news", "_posts"),
    ("en", "news", "_posts", "deep"),
    ("_site",),
    ("public",),
    ("public", "_posts"),
    ("_recipes",),
    ("_recipes", "soups"),
    ("_recipes", "_posts"),
    ("docs",),
    ("docs", "_posts"),
    ("docs", "_recipes"),
    ("docs", "_recipes", "x"),
    ("docs", "en", "_posts"),
    ("node_modules", "_posts"),
    ("vendor", "bundle"),
    ("lib",),
    ("lib", "_posts"),
    ("_layouts",),
    ("#tmp",),
    ("old~",),
    (".hidden", "_posts"),
    ("_posts", "_drafts"),
    ("_drafts", "_posts"),
]
NAMES = [
    "2020-01-05-hello.md",
    "2020-1-5-short.md",
    "2020-02-30-no-day.md",
    "undated.md",
    "index.html",
    "_partial.md",
    ".htaccess",
    "#draft.md",
    "backup.md~",
    "Gemfile",
    "README.md",
    "secret-2020-01-01-x.md",
    "docs",
]
SETTINGS = [
    ((), ("recipes",), EntryFilter(), "_site"),
    (("docs",), ("recipes",), EntryFilter(), "_site"),
    ((), (), EntryFilter(("_layouts", "#tmp"), ("lib", "*.html", *DEFAULT_EXCLUDES)), "public"),
    (
        (),
        ("recipes", "posts2"),
        EntryFilter(
            ("_partial.md", *DEFAULT_INCLUDES),
            ("en/news/_posts/2020-01*", "README.md", "_recipes/soups", *DEFAULT_EXCLUDES),
        ),
        "_site",
    ),
    (("docs", "en"), (), EntryFilter((), ("docs/en/_posts/undated.md",)), "docs/_site"),
]


@pytest.mark.parametrize("settings", SETTINGS, ids=range(len(SETTINGS)))
def test_each_file_is_found_where_the_per_file_rule_found_it(settings):
    reader, plain = JekyllReader(*settings), PerFile(*settings)
    found = 0
    for folder, name in itertools.product(FOLDERS, NAMES):
        parts = (*folder, name)
        expected = plain.find(parts)
        assert reader.find(parts) == expected, parts
        found += expected is not None
    # A check that can fail: both read some files and leave others.
    assert 0 < found < len(FOLDERS) * len(NAMES)


@pytest.mark.parametrize("settings", SETTINGS, ids=range(len(SETTINGS)))
def test_asked_in_any_order_the_answers_are_the_same(settings):
    """The folders' answers are kept: asking a folder's files after its subfolders' (or the
    reverse) changes nothing."""
    pairs = list(itertools.product(FOLDERS, NAMES))
    forward, backward = JekyllReader(*settings), JekyllReader(*settings)
    ahead = {(*f, n): forward.find((*f, n)) for f, n in pairs}
    behind = {(*f, n): backward.find((*f, n)) for f, n in reversed(pairs)}
    assert ahead == behind


def test_the_root_itself_is_no_file():
    assert JekyllReader((), (), EntryFilter(), "_site").find(()) is None
