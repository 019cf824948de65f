"""The Hugo generator: sections, bundles, translations, cascade, dates and status, on small
Hugo sites made by each test."""

from __future__ import annotations

import datetime as dt
from pathlib import PurePosixPath as P

from sitefactory import site

from editor.core.document import Post
from editor.core.folder.content_folder import ContentFolder
from editor.core.schema import Schema
from editor.core.site.generators import Hugo, Inherited, detect_generator

TODAY = dt.date(2026, 6, 1)


def fm(**values: str) -> str:
    """A post whose front matter is `values`, each written as YAML text."""
    return "---\n" + "".join(f"{k}: {v}\n" for k, v in values.items()) + "---\nText.\n"


def hugo_site(tmp_path, files, config="title = 'A site'\n", name="hugo.toml") -> Hugo:
    site(tmp_path, {name: config, **files})
    generator = detect_generator(tmp_path / "content")
    assert isinstance(generator, Hugo)
    assert generator.root == tmp_path
    return generator


def place(gen: Hugo, rel: str, text: str = ""):
    values = {} if not text else _values(gen, rel)
    return gen.place(P(rel), values)


def _values(gen: Hugo, rel: str):
    return Post.read(gen.root / rel).values


def status(gen: Hugo, rel: str, today: dt.date = TODAY) -> str:
    values = _values(gen, rel)
    found = gen.place(P(rel), values)
    assert found is not None
    return gen.status(P(rel), found, values, today)


# --- sections, bundles, pages -----------------------------------------------------------


def test_sections_are_collections_and_the_biggest_holds_the_posts(tmp_path):
    gen = hugo_site(
        tmp_path,
        {
            "content/_index.md": fm(title="Home"),
            "content/about.md": fm(title="About"),
            "content/blog/a.md": fm(title="A"),
            "content/blog/b.md": fm(title="B"),
            "content/blog/2020/c.md": fm(title="C"),
            "content/docs/intro.md": fm(title="Intro"),
            "content/contact/index.md": fm(title="Contact"),  # a bundle, not a section
            "themes/t/content/x.md": fm(title="Theme's"),
        },
    )
    names = [(c.name, c.folder.as_posix(), c.kind) for c in gen.collections]
    assert names == [
        ("blog", "content/blog", "post"),
        ("docs", "content/docs", "page"),
        ("pages", "content", "page"),
    ]
    assert gen.place(P("content/blog/2020/c.md"), {}).collection.name == "blog"
    assert gen.place(P("content/about.md"), {}).kind == "page"
    assert gen.place(P("content/contact/index.md"), {}).role == "bundle"
    assert gen.place(P("themes/t/content/x.md"), {}) is None
    assert gen.place(P("README.md"), {}) is None


def test_main_sections_come_from_params(tmp_path):
    gen = hugo_site(
        tmp_path,
        {
            "content/notes/a.md": fm(title="A"),
            "content/notes/b.md": fm(title="B"),
            "content/posts/c.md": fm(title="C"),
        },
        config="[params]\nmainSections = ['posts']\n",
    )
    kinds = {c.name: c.kind for c in gen.collections}
    assert kinds == {"posts": "post", "notes": "page", "pages": "page"}


def test_section_pages_bundles_resources_and_headless_bundles(tmp_path):
    gen = hugo_site(
        tmp_path,
        {
            "content/posts/_index.md": fm(title="Posts"),
            "content/posts/trip/index.md": fm(title="Trip"),
            "content/posts/trip/notes.md": fm(title="A resource"),
            "content/posts/trip/more/deep.md": fm(title="A resource too"),
            "content/posts/gallery/index.md": fm(headless="true"),
            "content/posts/gallery/one.md": fm(title="One"),
            "content/posts/hidden.md": "---\n_build:\n  render: never\n---\nText.\n",
            "content/posts/linked.md": "---\nbuild:\n  render: link\n  list: always\n---\n",
            "content/posts/unlisted.md": "---\nbuild:\n  list: never\n---\nText.\n",
            "content/posts/branch/_index.md": fm(headless="true"),  # headless: leaf bundles only
        },
    )
    section = place(gen, "content/posts/_index.md")
    assert (section.kind, section.role) == ("page", "section")
    trip = place(gen, "content/posts/trip/index.md", "read")
    assert (trip.kind, trip.role, trip.collection.name) == ("post", "bundle", "posts")
    assert place(gen, "content/posts/trip/notes.md") is None
    assert place(gen, "content/posts/trip/more/deep.md") is None
    assert place(gen, "content/posts/gallery/index.md", "read").role == "headless"
    assert place(gen, "content/posts/gallery/one.md") is None
    assert place(gen, "content/posts/hidden.md", "read").role == "headless"
    assert place(gen, "content/posts/linked.md", "read").role == "headless"
    assert place(gen, "content/posts/unlisted.md", "read").role == ""
    assert place(gen, "content/posts/branch/_index.md", "read").role == "section"


def test_a_scan_enters_the_content_dirs_only(tmp_path):
    gen = hugo_site(tmp_path, {"content/posts/a.md": fm(title="A")})
    for folder, entered in [
        (".", True),
        ("content", True),
        ("content/posts/deep", True),
        ("themes", False),
        ("layouts", False),
        ("public", False),
        ("static", False),
        ("archetypes", False),
        ("data", False),
    ]:
        assert gen.enters(P(folder)) is entered, folder


# --- languages ----------------------------------------------------------------------------


def test_translation_by_content_dir(tmp_path):
    gen = hugo_site(
        tmp_path,
        {
            "content/en/posts/a.md": fm(title="A"),
            "content/fr/posts/a.md": fm(title="A"),
            "content/fr/posts/b.en.md": fm(title="B"),
            "content/fr/notes/n.md": fm(title="N"),
            "content/stray.md": fm(title="Not built"),
        },
        config=(
            "defaultContentLanguage: fr\n"
            "languages:\n"
            "  en: {contentDir: content/en, weight: 2}\n"
            "  fr: {contentDir: content/fr, weight: 1}\n"
        ),
        name="hugo.yaml",
    )
    assert gen.languages == ("fr", "en")
    assert gen.default_language == "fr"
    assert [(c.name, c.folder.as_posix(), c.kind, c.language) for c in gen.collections] == [
        ("posts", "content/fr/posts", "post", "fr"),  # the default language first
        ("posts", "content/en/posts", "post", "en"),
        ("notes", "content/fr/notes", "page", "fr"),
        ("pages", "content/fr", "page", "fr"),
        ("pages", "content/en", "page", "en"),
    ]
    assert gen.language(P("content/en/posts/a.md"), {"lang": "de"}) == "en"
    assert gen.language(P("content/fr/posts/a.md"), {}) == "fr"
    assert gen.language(P("content/fr/posts/b.en.md"), {}) == "en"  # the suffix wins
    assert gen.place(P("content/stray.md"), {}) is None
    assert not gen.enters(P("content/other"))


def test_translation_by_file_name(tmp_path):
    gen = hugo_site(
        tmp_path,
        {
            "content/posts/a.md": fm(title="A"),
            "content/posts/a.en.md": fm(title="A"),
            "content/posts/a.de.md": fm(title="Not a language of the site"),
            "content/posts/a.EN.md": fm(title="Suffixes are case-sensitive"),
            "content/posts/a.es.md": fm(title="Disabled"),
            "content/posts/trip/index.en.md": fm(title="Trip"),
            "content/posts/trip/index.fr.md": fm(title="Voyage"),
        },
        config=(
            "DefaultContentLanguage = 'fr'\n"
            "[languages.EN]\nweight = 2\n[languages.fr]\nweight = 1\n"
            "[languages.es]\ndisabled = true\n"
        ),
    )
    assert gen.languages == ("fr", "en")
    lang = {name: gen.language(P(f"content/posts/{name}"), {}) for name in ("a.md", "a.en.md")}
    assert lang == {"a.md": "fr", "a.en.md": "en"}
    assert gen.language(P("content/posts/a.de.md"), {}) == "fr"
    assert gen.language(P("content/posts/a.EN.md"), {}) == "fr"
    assert gen.place(P("content/posts/a.es.md"), {}) is None
    assert gen.place(P("content/posts/trip/index.fr.md"), {}).role == "bundle"
    assert gen.language(P("content/posts/trip/index.fr.md"), {}) == "fr"


def test_a_site_of_one_language_reads_the_writers_lang_key(tmp_path):
    gen = hugo_site(tmp_path, {"content/posts/a.md": fm(title="A")})
    assert gen.languages == ()
    assert gen.language(P("content/posts/a.md"), {"lang": "pt-br"}) == "pt-br"
    assert gen.language(P("content/posts/a.fr.md"), {}) is None  # fr is no language here
    coded = hugo_site(tmp_path / "de", {"content/p/a.md": ""}, config="languageCode = 'de'\n")
    assert coded.language(P("content/p/a.md"), {}) == "de"


# --- dates and status ---------------------------------------------------------------------


def test_dates_follow_hugos_keys_case_insensitively(tmp_path):
    gen = hugo_site(tmp_path, {})
    date = gen.date
    assert date(P("content/p/a.md"), {"PublishDate": "2020-01-02"}) == dt.date(2020, 1, 2)
    assert date(P("content/p/a.md"), {"date": "someday", "lastmod": "2020-01-03"}) == dt.date(
        2020, 1, 3
    )  # Hugo passes over a value it cannot read
    assert date(P("content/p/a.md"), {"pubdate": "2020-01-04"}) == dt.date(2020, 1, 4)
    assert date(P("content/p/a.md"), {"title": "No date"}) is None


def test_dates_from_the_file_name_when_configured(tmp_path):
    gen = hugo_site(tmp_path, {}, config="[frontmatter]\ndate = [':filename', ':default']\n")
    assert gen.date(P("content/p/2021-03-04-trip.md"), {}) == dt.date(2021, 3, 4)
    assert gen.date(P("content/p/2021-03-05-trip/index.md"), {}) == dt.date(2021, 3, 5)
    assert gen.date(P("content/p/trip.md"), {"date": "2020-01-01"}) == dt.date(2020, 1, 1)


def test_status_as_hugo_builds(tmp_path):
    gen = hugo_site(
        tmp_path,
        {
            "content/p/draft.md": fm(draft="true"),
            "content/p/Draft.md": fm(Draft="true"),
            "content/p/unpublished.md": fm(published="false"),
            "content/p/future.md": fm(date="2026-06-02"),
            "content/p/future-publish.md": fm(date="2020-01-01", publishDate="2027-01-01"),
            "content/p/past-publish.md": fm(date="2099-01-01", publishdate="2020-01-01"),
            "content/p/expired.md": fm(expiryDate="2026-05-31"),
            "content/p/expires-today.md": fm(expirydate="2026-06-01"),
            "content/p/unpublishdate.md": fm(unpublishdate="2020-01-01"),
            "content/p/later.md": fm(expirydate="2026-06-01T12:00:00Z"),
            "content/p/today.md": fm(date="2026-06-01"),
        },
    )
    found = {
        rel.name: status(gen, f"content/p/{rel.name}") for rel in (tmp_path / "content/p").iterdir()
    }
    assert found == {
        "draft.md": "draft",
        "Draft.md": "draft",
        "unpublished.md": "draft",
        "future.md": "scheduled",
        "future-publish.md": "scheduled",
        "past-publish.md": "published",
        "expired.md": "expired",
        "expires-today.md": "expired",
        "unpublishdate.md": "expired",
        "later.md": "published",
        "today.md": "published",
    }


def test_build_options_of_the_config_publish_what_they_let_through(tmp_path):
    gen = hugo_site(
        tmp_path,
        {
            "content/p/draft.md": fm(draft="true"),
            "content/p/future.md": fm(date="2099-01-01"),
            "content/p/expired.md": fm(expirydate="2020-01-01"),
        },
        config="buildDrafts = true\nbuildFuture = true\nbuildExpired = true\n",
    )
    for name in ("draft.md", "future.md", "expired.md"):
        assert status(gen, f"content/p/{name}") == "published"


# --- cascade --------------------------------------------------------------------------------


CASCADES = {
    "content/_index.md": "---\ncascade:\n  layout: wide\n  comments: true\n---\n",
    "content/docs/_index.md": (
        "+++\ntitle = 'Docs'\n[[cascade]]\ncomments = false\n"
        "[[cascade]]\ndraft = true\n[cascade._target]\npath = '/docs/old/**'\n"
        "[[cascade]]\nbanner = 'section.png'\n[cascade._target]\nkind = '{section,home}'\n"
        "+++\n"
    ),
    "content/docs/a.md": fm(title="A"),
    "content/docs/old/b.md": fm(title="B"),
    "content/docs/c.md": fm(title="C", layout="narrow"),
    "content/blog/_index.md": "---\ncascade:\n  _build:\n    render: never\n---\n",
    "content/blog/x.md": fm(title="X"),
}


def test_cascade_from_enclosing_sections_nearest_first(tmp_path):
    gen = hugo_site(tmp_path, CASCADES)
    a = P("content/docs/a.md")
    assert gen.inherited(a, gen.place(a, {})) == {
        "layout": Inherited("wide", "content/_index.md"),
        "comments": Inherited(False, "content/docs/_index.md"),
    }
    old = P("content/docs/old/b.md")
    assert gen.inherited(old, gen.place(old, {}))["draft"] == Inherited(
        True, "content/docs/_index.md"
    )
    assert status(gen, "content/docs/old/b.md") == "draft"
    assert status(gen, "content/docs/a.md") == "published"
    section = P("content/docs/_index.md")
    assert gen.inherited(section, gen.place(section, {}))["banner"].value == "section.png"
    # The file's own values win over the cascade in what the build reads.
    c = P("content/docs/c.md")
    seen = gen.build_values(c, gen.place(c, {}), {"title": "C", "layout": "narrow"})
    assert seen["layout"] == "narrow" and seen["comments"] is False
    # A cascade of build options makes the pages below headless.
    assert place(gen, "content/blog/x.md", "read").role == "headless"


def test_cascade_from_the_config_and_per_language_index_files(tmp_path):
    gen = hugo_site(
        tmp_path,
        {
            "content/posts/_index.fr.md": fm(cascade="{draft: true}"),
            "content/posts/a.md": fm(title="A"),
            "content/posts/a.fr.md": fm(title="A"),
        },
        config=(
            "[languages.en]\nweight = 1\n[languages.fr]\nweight = 2\n"
            "[[cascade]]\ntype = 'article'\n[cascade._target]\nlang = 'en'\n"
        ),
    )
    en, fr = P("content/posts/a.md"), P("content/posts/a.fr.md")
    assert gen.inherited(en, gen.place(en, {})) == {"type": Inherited("article", "hugo.toml")}
    assert gen.inherited(fr, gen.place(fr, {})) == {
        "draft": Inherited(True, "content/posts/_index.fr.md")
    }


# --- what the build reads -------------------------------------------------------------------


def test_a_taxonomy_given_as_a_string_is_one_term(tmp_path):
    gen = hugo_site(tmp_path, {"content/posts/a.md": fm(title="A")})
    a = P("content/posts/a.md")
    seen = gen.build_values(a, gen.place(a, {}), {"tags": "a b", "categories": "security"})
    assert seen == {"tags": ["a b"], "categories": ["security"]}
    values = {"tags": ["x"]}
    assert gen.build_values(a, gen.place(a, {}), values) is values


def test_no_page_needs_a_title_or_a_date(tmp_path):
    gen = hugo_site(tmp_path, {"content/posts/a.md": fm(title="A")})
    post = gen.place(P("content/posts/a.md"), {})
    assert post.kind == "post"
    assert not any(f.required for f in gen.schema_for(post, Schema.DEFAULT).fields)
    assert (
        gen.schema_for(post, Schema.DEFAULT).field("date").type == Schema.DEFAULT.field("date").type
    )


# --- the folder list ------------------------------------------------------------------------


def test_the_folder_list_of_a_multilingual_site(tmp_path):
    hugo_site(
        tmp_path,
        {
            "content/en/posts/_index.md": fm(title="Posts"),
            "content/en/posts/a.md": fm(title="A", date="2020-01-01"),
            "content/en/posts/b.md": fm(title="Future", date="2999-01-01"),
            "content/en/posts/trip/index.md": fm(title="Trip", date="2020-02-02"),
            "content/en/posts/trip/notes.md": fm(title="A resource"),
            "content/fr/posts/a.md": fm(title="A", date="2020-01-01", tags="sécurité"),
            "content/fr/about.md": fm(title="À propos"),
            "layouts/partials/x.md": "---\nnot: content\n---\n",
        },
        config=(
            "[languages.en]\ncontentDir = 'content/en'\n[languages.fr]\ncontentDir = 'content/fr'\n"
        ),
    )
    folder = ContentFolder(tmp_path)
    rows = [
        (e.path.as_posix(), e.kind, e.collection, e.status, e.language, e.tags, e.errors)
        for e in folder.scan()
    ]
    assert rows == [
        ("content/en/posts/_index.md", "page", "posts", "published", "en", (), 0),
        ("content/en/posts/a.md", "post", "posts", "published", "en", (), 0),
        ("content/en/posts/b.md", "post", "posts", "scheduled", "en", (), 0),
        ("content/en/posts/trip/index.md", "post", "posts", "published", "en", (), 0),
        ("content/fr/about.md", "page", "pages", "published", "fr", (), 0),
        ("content/fr/posts/a.md", "post", "posts", "published", "fr", ("sécurité",), 0),
    ]
