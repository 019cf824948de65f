"""Jekyll's rules as plain functions: the reader's include/exclude filter, compiled once,
takes and skips exactly what pattern-by-pattern `fnmatch` matching does."""

from __future__ import annotations

from fnmatch import fnmatchcase

import pytest

from editor.core.site.generators.jekyll_rules import (
    DEFAULT_EXCLUDES,
    DEFAULT_INCLUDES,
    EntryFilter,
    is_special,
)


def plain_matches(patterns: tuple[str, ...], path: str, is_dir: bool) -> bool:
    """EntryFilter#glob_include? one pattern at a time, as the filter first did it."""
    for pattern in patterns:
        pattern = pattern.lstrip("/")
        if not pattern:
            continue
        if fnmatchcase(path, pattern) or path.startswith(pattern):
            return True
        if is_dir and pattern == path + "/":
            return True
    return False


def plain_takes(include: tuple[str, ...], exclude: tuple[str, ...], path, entry, is_dir):
    names = (entry, entry.rsplit("/", 1)[-1])
    included = any(plain_matches(include, name, is_dir) for name in names)
    excluded = plain_matches(tuple(p for p in exclude if p not in include), path, is_dir)
    if excluded and not included:
        return False
    return included or not any(is_special(name) for name in names)


FILTERS = [
    (DEFAULT_INCLUDES, DEFAULT_EXCLUDES),
    ((), ()),
    (("", "/"), ("", "/")),  # empty patterns match nothing
    (("_pages", ".well-known", "_posts/*.txt"), ("drafts-old", "*.txt", *DEFAULT_EXCLUDES)),
    (("*.md",), ("*.md",)),  # included and excluded: included wins
    (("[ab]*",), ("docs/", "/vendor", "a?c", "**/tmp", "x[!0-9]y", "[", "*[", "a.b(c)|d")),
    (("Gemfile",), ("Gemfile", "gemfiles", "node_modules/", "*~", "#*", "é*")),
]
ENTRIES = [
    ("docs", "docs", True),
    ("docs", "docs", False),
    ("docs/a.md", "a.md", False),
    ("vendor/bundle/x.md", "x.md", False),
    ("vendor", "vendor", True),
    ("vendor/bundle", "bundle", True),
    ("node_modules", "node_modules", True),
    ("a.txt", "a.txt", False),
    ("en/news/_posts/2020-01-01-a.txt", "2020-01-01-a.txt", False),
    ("en/news/_posts/sub/2020-01-01-a.md", "sub/2020-01-01-a.md", False),
    ("_pages", "_pages", True),
    ("_pages/a.md", "a.md", False),
    (".well-known", ".well-known", True),
    (".htaccess", ".htaccess", False),
    ("abc", "abc", False),
    ("abc", "abc", True),
    ("x5y", "x5y", False),
    ("xzy", "xzy", False),
    ("b/tmp", "tmp", True),
    ("drafts-old", "drafts-old", True),
    ("drafts-old-2/a.md", "a.md", False),
    ("#notes.md", "#notes.md", False),
    ("backup.md~", "backup.md~", False),
    ("a.b(c)|d", "a.b(c)|d", False),
    ("[", "[", False),
    ("écrits/a.md", "a.md", False),
    ("Gemfile", "Gemfile", False),
    ("gemfiles/x", "x", False),
    ("line\nbreak.md", "line\nbreak.md", False),
]


@pytest.mark.parametrize(("include", "exclude"), FILTERS)
def test_the_compiled_filter_takes_what_plain_fnmatch_takes(include, exclude):
    compiled = EntryFilter(include, exclude)
    for path, entry, is_dir in ENTRIES:
        wanted = plain_takes(include, exclude, path, entry, is_dir)
        assert compiled.takes(path, entry, is_dir) is wanted, (include, exclude, path, is_dir)


def test_the_table_tells_the_filters_apart():
    # The table is worth its salt: it holds entries that are taken and entries skipped.
    verdicts = {plain_takes(i, e, *row) for i, e in FILTERS for row in ENTRIES}
    assert verdicts == {True, False}
    site = EntryFilter(("_pages",), ("*.txt", *DEFAULT_EXCLUDES))
    assert site.takes("_pages", "_pages", True)
    assert not site.takes("a.txt", "a.txt", False)
    assert not site.takes("vendor/bundle/x.md", "x.md", False)
    assert not site.takes("_layouts", "_layouts", True)
    assert site.takes("docs/a.md", "a.md", False)
