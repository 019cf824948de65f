"""Jekyll's `defaults` worked out once per folder give every file what the per-file rule
(`defaults_for`, FrontmatterDefaults#all) gives it: the same sets, merged the same way."""

from __future__ import annotations

import itertools

import pytest

from editor.core.site.generators.jekyll_defaults import (
    FolderDefaults,
    default_sets,
    defaults_for,
)


def scoped(path: str | None, kind: str | None = None, **values: object) -> dict[str, object]:
    scope: dict[str, object] = {}
    if path is not None:
        scope["path"] = path
    if kind is not None:
        scope["type"] = kind
    return {"scope": scope, "values": values}


SETS = [
    scoped("", layout="default", tags=["all"]),
    scoped("en", lang="en"),
    scoped("en/news", kind="posts", layout="news"),
    scoped("en/news/_posts/2020", year=2020),  # a scope ending within a file's name
    scoped("/de/", lang="de"),
    scoped("docs", kind="pages", toc=True),
    scoped("_recipes", kind="recipes", layout="recipe"),
    scoped("recipes/soups", kind="recipes", hot=True),
    scoped("*/news", sidebar=True),
    scoped("en/*", nested={"a": 1}),
    scoped("*.md", kind="pages", md=True),
    scoped("fr/_posts/*-draft.md", flagged=True),
    scoped(None, kind="drafts", draft_default=True),
    scoped("en/news", kind="posts", nested={"b": 2}),  # same path, later: precedence rules
    {"scope": {"path": "x"}},  # no values: skipped, as Jekyll skips it
]
FILES = [  # (doc path, site path, kind)
    ("index.md", "index.md", "pages"),
    ("about.html", "about.html", "pages"),
    ("en/index.md", "en/index.md", "pages"),
    ("en/news/index.md", "en/news/index.md", "pages"),
    ("en/news/_posts/2020-01-01-a.md", "en/news/_posts/2020-01-01-a.md", "posts"),
    ("en/news/_posts/2021-01-01-b.md", "en/news/_posts/2021-01-01-b.md", "posts"),
    ("en/news/_posts/deep/2020-02-02-c.md", "en/news/_posts/deep/2020-02-02-c.md", "posts"),
    ("de/_posts/2020-01-01-d.md", "de/_posts/2020-01-01-d.md", "posts"),
    ("de/news/x.md", "de/news/x.md", "pages"),
    ("fr/_posts/2020-01-01-e-draft.md", "fr/_posts/2020-01-01-e-draft.md", "posts"),
    ("fr/_posts/2020-01-01-f.md", "fr/_posts/2020-01-01-f.md", "posts"),
    ("_drafts/g.md", "_drafts/g.md", "drafts"),
    ("docs/guide.md", "docs/guide.md", "pages"),
    ("docs/sub/deeper.md", "docs/sub/deeper.md", "pages"),
    ("_recipes/soup.md", "_recipes/soup.md", "recipes"),
    ("_recipes/soups/miso.md", "collections/_recipes/soups/miso.md", "recipes"),
    ("recipes/soups/leek.md", "recipes/soups/leek.md", "recipes"),
]


@pytest.mark.parametrize("collections_dir", ["", "collections"])
@pytest.mark.parametrize("count", [0, 1, 4, len(SETS)])
def test_each_file_gets_what_the_per_file_rule_gives(collections_dir, count):
    sets = default_sets({"defaults": SETS[:count]})
    folders = FolderDefaults(sets, collections_dir)
    for doc, site, kind in FILES:
        assert folders.values(doc, site, kind) == defaults_for(
            sets, doc, site, kind, collections_dir
        ), (doc, kind)


def test_every_ordering_of_the_sets_merges_as_the_per_file_rule():
    """Which set wins depends on their order and paths: the folder's merge keeps both."""
    picked = [SETS[0], SETS[1], SETS[2], SETS[13], SETS[9], SETS[8]]
    for order in itertools.permutations(picked, 4):
        sets = default_sets({"defaults": list(order)})
        folders = FolderDefaults(sets, "")
        for doc, site, kind in FILES:
            assert folders.values(doc, site, kind) == defaults_for(sets, doc, site, kind, "")


def test_a_folders_values_are_worked_out_once_and_shared_by_its_files():
    sets = default_sets({"defaults": [SETS[1], SETS[2]]})
    folders = FolderDefaults(sets, "")
    a = folders.values("en/news/_posts/2020-01-01-a.md", "en/news/_posts/2020-01-01-a.md", "posts")
    b = folders.values("en/news/_posts/2021-01-01-b.md", "en/news/_posts/2021-01-01-b.md", "posts")
    assert a == {"lang": "en", "layout": "news"}
    assert a is b
