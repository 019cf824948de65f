"""Jekyll sites as Jekyll reads them: config, collections, placement, dates, status,
defaults and languages, on fixture sites made here; one test runs the real `jekyll build`."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
from pathlib import Path, PurePosixPath

import pytest
from sitefactory import site
from unavailable import unavailable

from editor.core.folder.content_folder import ContentFolder
from editor.core.schema import Schema
from editor.core.site.generators import Jekyll, detect_generator

P = PurePosixPath
TODAY = dt.date(2026, 1, 24)


def jekyll(root: Path, files: dict[str, str]) -> Jekyll:
    generator = detect_generator(site(root, files))
    assert isinstance(generator, Jekyll)
    return generator


def judged(gen: Jekyll, rel: str, values: dict[str, object]):
    place = gen.place(P(rel), values)
    assert place is not None, rel
    return place, gen.build_values(P(rel), place, values)


# --- config and collections --------------------------------------------------------------


def test_collections_come_from_the_config_list_or_map(tmp_path):
    listed = jekyll(tmp_path / "a", {"_config.yml": "collections: [recipes, docs]\n"})
    assert [c.name for c in listed.collections] == [
        "posts", "drafts", "recipes", "docs", "pages",
    ]  # fmt: skip
    mapped = jekyll(
        tmp_path / "b",
        {
            "_config.yml": "collections_dir: my_collections\n"
            "collections:\n  recipes: {output: true, permalink: '/r/:name'}\n"
        },
    )
    recipes = mapped.collections[2]
    assert (recipes.name, recipes.folder, recipes.kind) == (
        "recipes", P("my_collections/_recipes"), "page",
    )  # fmt: skip
    assert mapped.collections[0].folder == P("my_collections/_posts")
    assert mapped.collection_options["recipes"]["permalink"] == "/r/:name"


def test_a_toml_config_is_read(tmp_path):
    gen = jekyll(tmp_path, {"_config.toml": "future = true\ncollections = ['notes']\n"})
    assert gen.config["future"] is True
    assert "notes" in [c.name for c in gen.collections]


def test_an_unreadable_config_gives_a_note_and_the_defaults(tmp_path):
    gen = jekyll(tmp_path, {"_config.yml": "title: [unclosed\n", "_posts/2020-01-02-a.md": ""})
    assert gen.config == {}
    assert len(gen.notes) == 1
    assert "_config.yml does not parse" in gen.notes[0]
    assert "default settings are assumed" in gen.notes[0]
    assert gen.place(P("_posts/2020-01-02-a.md"), {}).kind == "post"


# --- what Jekyll reads -----------------------------------------------------------------


def test_posts_drafts_documents_and_pages_are_placed(tmp_path):
    gen = jekyll(
        tmp_path,
        {
            "_config.yml": "collections: [recipes]\n",
            "_recipes/cake.md": "---\ntitle: Cake\n---\n",
            "_recipes/notes.md": "plain text, no front matter\n",
            "about.md": "---\n---\nAbout\n",
            "README.md": "# Read me\n",
        },
    )
    assert gen.place(P("_posts/2020-01-02-a.md"), {}).collection.name == "posts"
    assert gen.place(P("_drafts/idea.md"), {"title": "x"}).collection.name == "drafts"
    cake = gen.place(P("_recipes/cake.md"), {"title": "Cake"})
    assert (cake.collection.name, cake.kind) == ("recipes", "page")
    about = gen.place(P("about.md"), {})  # `---` alone makes a page
    assert (about.collection.name, about.kind) == ("pages", "page")
    # No front matter: static files Jekyll copies as they are.
    assert gen.place(P("README.md"), {}) is None
    assert gen.place(P("_recipes/notes.md"), {}) is None


def test_posts_folders_anywhere_give_categories(tmp_path):
    gen = jekyll(tmp_path, {"_config.yml": ""})
    place, seen = judged(gen, "blog/tech/_posts/2020-01-08-nested.md", {"category": "solo"})
    assert (place.collection.name, place.kind) == ("posts", "post")
    assert seen["categories"] == ["blog", "tech", "solo"]
    # Inside `_posts`, sub-folders give none.
    assert "categories" not in judged(gen, "_posts/sub/2020-01-07-x.md", {})[1]


def test_what_jekyll_does_not_read_is_not_entered(tmp_path):
    gen = jekyll(
        tmp_path,
        {"_config.yml": "exclude: [drafts-old, '*.txt']\ninclude: [_pages]\ncollections: [docs]\n"},
    )
    for folder in ("_site", "_layouts", "_includes", "_sass", "_data", "_plugins", "_misc",
                   "node_modules", "vendor/bundle", "drafts-old", "blog/_private"):  # fmt: skip
        assert not gen.enters(P(folder)), folder
    for folder in ("blog", "_posts", "blog/_posts", "_drafts", "_posts/2020", "_docs", "_pages"):
        assert gen.enters(P(folder)), folder
    assert gen.place(P("_layouts/post.md"), {"title": "x"}) is None
    assert gen.place(P("drafts-old/a.md"), {"title": "x"}) is None
    assert gen.place(P("_notes/a.md"), {"title": "x"}) is None  # not a collection
    assert gen.place(P("_pages/a.md"), {"title": "x"}).kind == "page"  # included


def test_with_a_collections_dir_only_its_posts_are_read(tmp_path):
    gen = jekyll(tmp_path, {"_config.yml": "collections_dir: content\n"})
    assert gen.place(P("_posts/2020-01-02-a.md"), {}) is None
    assert gen.place(P("content/_posts/2020-01-02-a.md"), {}).kind == "post"


def test_a_badly_named_post_is_listed_with_one_error(tmp_path):
    gen = jekyll(tmp_path, {"_config.yml": ""})
    rel = P("_posts/hello.md")
    place = gen.place(rel, {"title": "Hello"})
    assert (place.kind, place.role) == ("post", "skipped")
    [problem] = gen.problems(rel, place, {"title": "Hello"})
    assert problem.severity == "error"
    assert problem.message == (
        "Jekyll skips this post: its name must start with the date, YYYY-MM-DD-"
    )
    assert gen.status(rel, place, {"title": "Hello"}, TODAY) == "draft"
    assert gen.problems(P("_posts/2020-1-5-ok.md"), place, {}) == []


def test_draft_true_is_a_warning_as_jekyll_publishes_the_post(tmp_path):
    gen = jekyll(tmp_path, {"_config.yml": ""})
    rel, values = P("_posts/2020-01-02-a.md"), {"draft": True}
    place = gen.place(rel, values)
    assert gen.status(rel, place, values, TODAY) == "published"
    [problem] = gen.problems(rel, place, values)
    assert (problem.severity, problem.field) == ("warning", "draft")


# --- dates, titles, tags -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ({}, dt.date(2020, 1, 2)),
        ({"date": "2013-11-22 5:00:00 +0000"}, dt.datetime(2013, 11, 22, 5, tzinfo=dt.UTC)),
        ({"date": dt.date(2019, 5, 6)}, dt.date(2019, 5, 6)),
    ],
)
def test_a_posts_date_is_its_own_else_its_names(tmp_path, values, expected):
    gen = jekyll(tmp_path, {"_config.yml": ""})
    rel = P("_posts/2020-01-02-hello-world.md")
    assert gen.date(rel, values) == expected
    assert judged(gen, str(rel), values)[1]["date"] == values.get("date", expected)


def test_a_document_gets_a_title_from_its_name(tmp_path):
    gen = jekyll(tmp_path, {"_config.yml": ""})
    assert judged(gen, "_posts/2020-01-02-hello-world.md", {})[1]["title"] == "Hello World"
    assert judged(gen, "_posts/2020-01-02-a.md", {"title": "Mine"})[1]["title"] == "Mine"
    assert "title" not in judged(gen, "about.md", {"layout": "page"})[1]


@pytest.mark.parametrize(
    ("values", "tags", "categories"),
    [
        ({"tags": "security"}, ["security"], None),
        ({"tags": "a  b", "categories": "x y"}, ["a", "b"], ["x", "y"]),
        ({"tag": "one two", "tags": "x y"}, ["one two"], None),
        ({"tags": ["a", None, "b"], "category": "news"}, ["a", "b"], ["news"]),
        ({"categories": [2020, "x"], "category": "x"}, None, ["2020", "x"]),
    ],
)
def test_tags_and_categories_are_the_lists_jekyll_makes(tmp_path, values, tags, categories):
    gen = jekyll(tmp_path, {"_config.yml": ""})
    seen = judged(gen, "_posts/2020-01-02-a.md", values)[1]
    assert seen.get("tags") == tags
    assert seen.get("categories") == categories


def test_schemas_ask_pages_and_drafts_for_less(tmp_path):
    gen = jekyll(tmp_path, {"_config.yml": "collections: [docs]\n", "_docs/a.md": "---\n---\n"})
    post = gen.place(P("_posts/2020-01-02-a.md"), {})
    assert gen.schema_for(post, Schema.DEFAULT) is Schema.DEFAULT
    draft = gen.schema_for(gen.place(P("_drafts/a.md"), {}), Schema.DEFAULT)
    assert not draft.field("date").required
    assert draft.field("title").required
    doc = gen.schema_for(gen.place(P("_docs/a.md"), {}), Schema.DEFAULT)
    assert not any(f.required for f in doc.fields)


# --- status ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("config", "rel", "values", "status"),
    [
        ("", "_drafts/a.md", {}, "draft"),
        ("show_drafts: true\n", "_drafts/a.md", {}, "published"),
        ("", "_posts/2020-01-02-a.md", {"published": False}, "draft"),
        ("unpublished: true\n", "_posts/2020-01-02-a.md", {"published": False}, "published"),
        ("", "_posts/2030-01-02-a.md", {}, "scheduled"),
        ("", "_posts/2020-01-02-a.md", {"date": "2030-01-01 5:00:00 +0000"}, "scheduled"),
        ("future: true\n", "_posts/2030-01-02-a.md", {}, "published"),
        ("collections: [docs]\n", "_docs/a.md", {"date": dt.date(2030, 1, 1)}, "scheduled"),
        ("", "about.md", {"date": dt.date(2030, 1, 1)}, "published"),  # pages have no date
        ("", "about.md", {"published": False}, "draft"),
    ],
)
def test_status_is_what_jekyll_does_with_the_file(tmp_path, config, rel, values, status):
    gen = jekyll(tmp_path, {"_config.yml": config})
    place = gen.place(P(rel), values or {"title": "x"})
    assert gen.status(P(rel), place, values, TODAY) == status


# --- defaults ------------------------------------------------------------------------------

DEFAULTS = """\
collections: [docs]
defaults:
  - scope: {path: ""}
    values: {layout: default, author: Site}
  - scope: {path: "", type: posts}
    values: {layout: post}
  - scope: {path: "_posts"}
    values: {author: Posts}
  - scope: {path: "/blog"}
    values: {author: Slash}
  - scope: {path: "blog/*/_posts"}
    values: {mood: glob}
  - scope: {path: "", type: drafts}
    values: {layout: never}
  - scope: {path: "pt"}
    values: {lang: pt}
  - no-values: here
"""


def test_defaults_match_by_path_and_type_as_jekyll_matches_them(tmp_path):
    gen = jekyll(tmp_path, {"_config.yml": DEFAULTS})

    def inherited(rel: str) -> dict[str, object]:
        place = gen.place(P(rel), {"title": "x"})
        found = gen.inherited(P(rel), place)
        assert {i.source for i in found.values()} <= {"_config.yml defaults"}
        return {key: i.value for key, i in found.items()}

    # A longer path wins over a type; a type wins over none at the same length.
    assert inherited("_posts/2020-01-02-a.md") == {"layout": "post", "author": "Posts"}
    # Drafts are of type posts in Jekyll 4: the `drafts` type matches nothing.
    assert inherited("_drafts/a.md") == {"layout": "post", "author": "Site"}
    # A scope path with a leading slash matches nothing (Jekyll compares it as written).
    assert inherited("blog/tech/_posts/2020-01-02-a.md") == {
        "layout": "post", "author": "Site", "mood": "glob",
    }  # fmt: skip
    assert inherited("about.md") == {"layout": "default", "author": "Site"}
    assert inherited("_docs/a.md") == {"layout": "default", "author": "Site"}


def test_build_values_put_defaults_under_the_files_own(tmp_path):
    gen = jekyll(tmp_path, {"_config.yml": DEFAULTS})
    seen = judged(gen, "about.md", {"author": "Me"})[1]
    assert (seen["author"], seen["layout"]) == ("Me", "default")


# --- languages ---------------------------------------------------------------------------


def test_language_from_front_matter_defaults_folder_or_site(tmp_path):
    gen = jekyll(tmp_path / "a", {"_config.yml": DEFAULTS + "lang: en\n"})
    assert gen.languages == ("en",)
    assert gen.language(P("about.md"), {"lang": "fr"}) == "fr"
    assert gen.language(P("pt/about.md"), {}) == "pt"  # from defaults
    # Jekyll matches a scope path as a string prefix: `pt` holds `pt-br/` too.
    assert gen.language(P("pt-br/about.md"), {}) == "pt"
    assert gen.language(P("es-mx/about.md"), {}) == "es-mx"
    assert gen.language(P("uk/_posts/2020-01-02-a.md"), {}) == "uk"
    assert gen.language(P("_posts/uk/2020-01-02-a.md"), {}) == "uk"
    assert gen.language(P("img/about.md"), {}) == "en"
    assert gen.language(P("about.md"), {}) == "en"
    polyglot = jekyll(
        tmp_path / "b", {"_config.yml": "languages: [en, de, pt-BR]\ndefault_lang: en\n"}
    )
    assert polyglot.languages == ("en", "de", "pt-BR")
    assert polyglot.language(P("pt-br/about.md"), {}) == "pt-BR"
    assert polyglot.language(P("uk/about.md"), {}) == "en"  # not one of the site's


# --- the folder index -----------------------------------------------------------------------

SITE = {
    "_config.yml": "title: Blog\ncollections:\n  recipes:\n    output: true\nlang: en\n",
    "_posts/2020-01-02-tagged.md": "---\ntitle: Tagged\ntags: security\n---\nText.\n",
    "_posts/2020-01-03-no-front-matter.md": "Text only.\n",
    "_posts/2020-01-04-timed.md": "---\ntitle: Timed\ndate: 2013-11-22 5:00:00 +0000\n---\nText.\n",
    "_posts/2099-01-01-future.md": "---\ntitle: Future\n---\nText.\n",
    "_posts/2020-01-06-hidden.md": "---\ntitle: Hidden\npublished: false\n---\nText.\n",
    "_posts/badname.md": "---\ntitle: Bad name\n---\nText.\n",
    "blog/_posts/2020-01-08-nested.md": "---\ntitle: Nested\n---\nText.\n",
    "_drafts/idea.md": "---\ntitle: Idea\n---\nText.\n",
    "_recipes/cake.md": "---\ntitle: Cake\n---\nText.\n",
    "_recipes/notes.md": "No front matter: a static file.\n",
    "pt-br/sobre.md": "---\ntitle: Sobre\n---\nTexto.\n",
    "index.md": "---\nlayout: home\n---\n",
    "README.md": "# A static file\n",
    "_layouts/default.html": "{{ content }}\n",
    "_layouts/note.md": "---\n---\n{{ content }}\n",
}


def test_the_index_lists_the_site_as_jekyll_sees_it(tmp_path):
    root = site(tmp_path, SITE)
    entries = {e.path.as_posix(): e for e in ContentFolder(root).scan()}
    assert sorted(entries) == sorted(
        rel for rel in SITE if rel.endswith(".md") and rel not in (
            "_recipes/notes.md", "README.md", "_layouts/note.md",
        )
    )  # fmt: skip
    shown = {
        rel: (e.kind, e.collection, e.status, e.date, e.language) for rel, e in entries.items()
    }
    assert shown["_posts/2020-01-02-tagged.md"] == (
        "post", "posts", "published", dt.date(2020, 1, 2), "en",
    )  # fmt: skip
    assert shown["_posts/2020-01-04-timed.md"][3] == dt.datetime(2013, 11, 22, 5, tzinfo=dt.UTC)
    assert shown["_posts/2099-01-01-future.md"][2] == "scheduled"
    assert shown["_posts/2020-01-06-hidden.md"][2] == "draft"
    assert shown["_drafts/idea.md"][:3] == ("post", "drafts", "draft")
    assert shown["_recipes/cake.md"][:3] == ("page", "recipes", "published")
    assert shown["pt-br/sobre.md"] == ("page", "pages", "published", None, "pt-br")
    assert entries["_posts/2020-01-02-tagged.md"].tags == ("security",)
    assert entries["blog/_posts/2020-01-08-nested.md"].categories == ("blog",)
    assert entries["_posts/2020-01-03-no-front-matter.md"].title == "No Front Matter"
    # The one error of the site: the post Jekyll skips.
    errors = {rel: [p.message for p in e.problems if p.severity == "error"]
              for rel, e in entries.items()}  # fmt: skip
    assert {rel: found for rel, found in errors.items() if found} == {
        "_posts/badname.md": [
            "Jekyll skips this post: its name must start with the date, YYYY-MM-DD-"
        ]
    }


def test_real_jekyll_publishes_what_the_statuses_say(tmp_path):
    if shutil.which("jekyll") is None:
        unavailable("jekyll is not installed (apt-get install jekyll)")
    root = site(tmp_path / "site", SITE)
    env = {**os.environ, "JEKYLL_ENV": "production"}
    run = subprocess.run(
        ["jekyll", "build", "--quiet", "--source", str(root), "--destination", str(root / "_site")],
        capture_output=True, text=True, env=env, timeout=300, check=False,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    built = {p.relative_to(root / "_site").as_posix() for p in (root / "_site").rglob("*.html")}
    entries = ContentFolder(root).scan()
    posts = [e for e in entries if e.collection == "posts"]
    published = {e.path.stem.split("-", 3)[3] for e in posts if e.status == "published"}
    in_site = {Path(p).stem for p in built if p.count("/") >= 3}  # /:categories/:y/:m/:d/:title
    assert published == in_site == {"tagged", "no-front-matter", "timed", "nested"}
    assert not any("badname" in p or "bad-name" in p for p in built)
    assert "pt-br/sobre.html" in built
    assert "recipes/cake.html" in built
