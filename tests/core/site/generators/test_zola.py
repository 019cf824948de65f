"""Zola sites as Zola's loader sees them: sections, bundles, orphan pages, translations by
file name, drafted sections, TOML front matter."""

from __future__ import annotations

import datetime as dt
from pathlib import Path, PurePosixPath

import pytest
from sitefactory import site

from editor.core.folder import ContentFolder
from editor.core.site.generators import Zola, detect_generator

# Like zola's own test_site_i18n config.
CONFIG = """\
base_url = "https://example.com"
compile_sass = false
build_search_index = true
default_language = "en"
ignored_content = ["*.draft.md"]
taxonomies = [{name = "tags"}]

[languages.fr]
generate_feeds = true
taxonomies = [{name = "tags"}]

[languages.it]
build_search_index = true
"""


def page(title: str, date: str | None = "2017-01-01", extra: str = "") -> str:
    dated = f"date = {date}\n" if date else ""
    return f'+++\ntitle = "{title}"\n{dated}{extra}+++\nText.\n'


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("HOME", str(tmp_path))
    return tmp_path


@pytest.fixture
def multilingual(tmp_path: Path) -> Path:
    future = (dt.date.today() + dt.timedelta(days=20)).isoformat()
    return site(
        tmp_path / "site",
        {
            "config.toml": CONFIG,
            "content/_index.md": '+++\ntitle = "Home"\n+++\n',
            "content/_index.fr.md": '+++\ntitle = "Accueil"\n+++\n',
            "content/base.md": page("Base", None),
            "content/base.fr.md": page("Base", None),
            "content/blog/_index.md": '+++\ntitle = "Blog"\nsort_by = "date"\n+++\n',
            "content/blog/_index.fr.md": '+++\ntitle = "Blog"\nsort_by = "date"\n+++\n',
            "content/blog/something.md": page("Something"),
            "content/blog/something.fr.md": page("Quelque chose"),
            "content/blog/soon.md": page("Soon", future),
            "content/blog/wip.md": page("Work in progress", extra="draft = true\n"),
            "content/blog/2018-10-10-dated-by-name.md": page("Dated by name", None),
            "content/blog/with-assets/index.md": page("With assets"),
            "content/blog/with-assets/index.fr.md": page("Avec des fichiers"),
            "content/blog/with-assets/notes.md": page("A page of its own", None),
            "content/blog/typo.de.md": page("Undeclared language"),
            "content/blog/later.draft.md": page("Ignored content"),
            "content/loose/orphan.md": page("Orphan", None),
            "content/secret/_index.md": '+++\ntitle = "Secret"\ndraft = true\n+++\n',
            "content/secret/inner.md": page("Inside a drafted section", None),
            "content/docs/_index.md": '+++\ntitle = "Docs"\n+++\n',
            "content/docs/intro.md": page("Intro", None),
            "templates/page.md": "not content\n",
            "public/old.md": "build output\n",
        },
    )


def test_the_config_gives_the_languages(multilingual: Path) -> None:
    zola = detect_generator(multilingual)
    assert isinstance(zola, Zola)
    assert zola.languages == ("en", "fr", "it")
    assert [(c.name, c.folder.as_posix(), c.kind) for c in zola.collections] == [
        ("blog", "content/blog", "post"),  # sorted by date
        ("index", "content", "page"),
        ("docs", "content/docs", "page"),
        ("secret", "content/secret", "page"),
    ]


def test_every_page_is_placed_as_zola_places_it(multilingual: Path) -> None:
    folder = ContentFolder(multilingual)
    entries = {e.path.as_posix(): e for e in folder.scan()}
    seen = {p: (e.collection, e.kind, e.status, e.language) for p, e in entries.items()}
    assert seen == {
        "content/_index.md": ("index", "page", "published", "en"),
        "content/_index.fr.md": ("index", "page", "published", "fr"),
        "content/base.md": ("index", "page", "published", "en"),
        "content/base.fr.md": ("index", "page", "published", "fr"),
        "content/blog/_index.md": ("blog", "page", "published", "en"),
        "content/blog/_index.fr.md": ("blog", "page", "published", "fr"),
        "content/blog/something.md": ("blog", "post", "published", "en"),
        "content/blog/something.fr.md": ("blog", "post", "published", "fr"),
        "content/blog/soon.md": ("blog", "post", "published", "en"),  # no schedule in Zola
        "content/blog/wip.md": ("blog", "post", "draft", "en"),
        "content/blog/2018-10-10-dated-by-name.md": ("blog", "post", "published", "en"),
        "content/blog/with-assets/index.md": ("blog", "post", "published", "en"),
        "content/blog/with-assets/index.fr.md": ("blog", "post", "published", "fr"),
        "content/blog/with-assets/notes.md": (None, "page", "published", "en"),  # orphan
        "content/blog/typo.de.md": ("blog", "post", "published", "en"),
        "content/loose/orphan.md": (None, "page", "published", "en"),
        "content/secret/_index.md": ("secret", "page", "draft", "en"),
        "content/secret/inner.md": ("secret", "page", "draft", "en"),
        "content/docs/_index.md": ("docs", "page", "published", "en"),
        "content/docs/intro.md": ("docs", "page", "published", "en"),
    }
    assert folder.placement(PurePosixPath("content/blog/_index.md")).role == "section"
    assert folder.placement(PurePosixPath("content/blog/with-assets/index.md")).role == "bundle"
    # TOML front matter is read: titles and TOML dates reach the index.
    assert entries["content/blog/something.fr.md"].title == "Quelque chose"
    assert entries["content/blog/something.md"].date == dt.date(2017, 1, 1)
    assert entries["content/blog/2018-10-10-dated-by-name.md"].date == dt.date(2018, 10, 10)
    errors = {
        p: [m.message for m in e.problems if m.severity == "error"] for p, e in entries.items()
    }
    assert {p: m for p, m in errors.items() if m} == {
        "content/blog/typo.de.md": [
            "Zola stops: the language ‘de’ of the file name is not among the config's "
            "languages (en, fr, it)"
        ]
    }


def test_a_page_index_beside_a_section_stops_zola(tmp_path: Path) -> None:
    root = site(
        tmp_path / "s",
        {
            "zola.toml": 'base_url = "https://example.com"\n',
            "content/foo/_index.md": '+++\ntitle = "Foo"\n+++\n',
            "content/foo/bar/_index.md": '+++\ntitle = "Bar"\n+++\n',
            "content/foo/bar/index.md": page("Bar page"),
            "content/foo/post.fr.md": page("One language: a dot is part of the name"),
        },
    )
    entries = {e.path.as_posix(): e for e in ContentFolder(root).scan()}
    assert [
        p.message for p in entries["content/foo/bar/index.md"].problems if p.severity == "error"
    ] == ["Zola stops: a page index.md cannot sit beside a section's _index.md"]
    assert entries["content/foo/post.fr.md"].errors == 0
