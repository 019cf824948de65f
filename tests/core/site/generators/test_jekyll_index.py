"""What the folder index asks Jekyll of every file (status, language, date) reads the same
values `build_values` gives the build, though it no longer derives them all again."""

from __future__ import annotations

import datetime as dt
from pathlib import PurePosixPath

from sitefactory import site

from editor.core.site.generators import Jekyll, detect_generator

P = PurePosixPath
TODAY = dt.date(2026, 1, 24)
CONFIG = """\
languages: [en, de]
defaults:
  - scope: {path: "de"}
    values: {lang: de, published: false}
  - scope: {path: "en/hidden"}
    values: {published: false}
  - scope: {path: "fr", type: posts}
    values: {language: fr, lang: "  "}
  - scope: {path: "", type: pages}
    values: {published: false, lang: it}
"""
FILES = [
    "de/_posts/2020-01-01-a.md",
    "en/_posts/2020-01-01-b.md",
    "en/hidden/_posts/2020-01-01-c.md",
    "en/hidden/_posts/2030-01-01-future.md",
    "fr/_posts/2020-01-01-d.md",
    "fr/_posts/not-dated.md",
    "_drafts/e.md",
    "about.md",
    "de/about.md",
]
VALUES: list[dict[str, object]] = [
    {},
    {"title": "t"},
    {"published": True},
    {"published": None},
    {"published": False},
    {"published": "no"},
    {"lang": "en"},
    {"lang": ""},
    {"lang": None, "language": "es"},
    {"language": " pt "},
    {"date": "2031-05-01"},
    {"date": dt.date(2019, 1, 1), "published": True, "lang": "de"},
]


def expected_status(gen: Jekyll, rel: P, values: dict[str, object]) -> str:
    """Publisher#publish? over `build_values`, as Jekyll.status first read it."""
    place = gen.place(rel, values)
    if place.role == "skipped" or rel.parts[0] == "_drafts":
        return "draft"
    page = place.kind == "page"
    given = values if page else gen.build_values(rel, place, values)
    if given.get("published") is False:
        return "draft"
    date = gen.date(rel, values)
    day = date.date() if isinstance(date, dt.datetime) else date
    return "scheduled" if not page and day is not None and day > TODAY else "published"


def expected_language(gen: Jekyll, rel: P, values: dict[str, object]) -> str | None:
    """The first non-blank `lang`/`language` of the defaults under the file's own values."""
    merged = {k: found.value for k, found in gen.inherited(rel, None).items()} | values
    for key in ("lang", "language"):
        value = merged.get(key)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return {"de": "de", "en": "en"}.get(rel.parts[0], "en")


def test_status_and_language_read_what_the_build_sees(tmp_path):
    root = site(tmp_path, {"_config.yml": CONFIG, **{f: "---\n---\n" for f in FILES}})
    gen = detect_generator(root)
    assert isinstance(gen, Jekyll)
    statuses = set()
    for name in FILES:
        for values in VALUES:
            rel = P(name)
            place = gen.place(rel, values)
            status = gen.status(rel, place, values, TODAY)
            assert status == expected_status(gen, rel, values), (name, values)
            assert gen.language(rel, values) == expected_language(gen, rel, values), (name, values)
            statuses.add(status)
    assert statuses == {"draft", "published", "scheduled"}  # the table holds every case
