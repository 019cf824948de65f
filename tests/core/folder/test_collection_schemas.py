"""Each collection of an opened folder follows its own schema (its schema file, else its CMS
config collection, else inferred from its own posts), and an inferred schema holds no guessed
type against a post."""

from __future__ import annotations

from pathlib import Path, PurePath

import pytest
from sitefactory import post_text, site, write

from editor.core.folder.content_folder import ContentFolder


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No site marker above tmp_path may change where the test's site starts."""
    monkeypatch.setenv("HOME", str(tmp_path.parent))


def opened(root: Path) -> ContentFolder:
    folder = ContentFolder(root)
    folder.scan()
    return folder


def problems(folder: ContentFolder) -> dict[str, list[tuple[str, str]]]:
    """Each file's problems as (field, severity), by path; files without any left out."""
    return {
        e.path.as_posix(): [(p.field, p.severity) for p in e.problems]
        for e in folder.entries
        if e.problems
    }


def test_pages_do_not_teach_the_posts_schema(tmp_path):
    write(tmp_path, "_config.yml", "title: A site\n")
    posts = {f"_posts/2024-01-0{i}-p{i}.md": post_text(f"P{i}") for i in range(1, 4)}
    pages = {f"page{i}.md": "---\nlayout: page\nweight: 3\n---\nText.\n" for i in range(9)}
    site(tmp_path, posts | pages)
    folder = opened(tmp_path)
    assert folder.schema.order == ("title", "date")  # the posts', not the pages' layout
    assert folder.schema_for(PurePath("_posts/2024-01-01-p1.md")).field("title").required
    page_schema = folder.schema_for(PurePath("page1.md"))
    assert page_schema.field("layout") is not None
    assert not any(f.required for f in page_schema.fields)
    assert problems(folder) == {}  # pages need no title nor date


def test_the_site_root_opened_gives_each_decap_collection_its_schema(tmp_path):
    write(
        tmp_path,
        "admin/config.yml",
        "collections:\n"
        "  - name: blog\n    folder: content/blog\n    fields:\n"
        "      - {name: title, widget: string}\n      - {name: summary, widget: text}\n"
        "  - name: notes\n    folder: content/notes\n    fields:\n"
        "      - {name: title, widget: string}\n      - {name: mood, widget: string}\n",
    )
    site(
        tmp_path / "content",
        {
            "blog/a.md": "---\ntitle: A\nsummary: S\n---\nText.\n",
            "blog/b.md": "---\ntitle: B\n---\nText.\n",
            "notes/n.md": "---\ntitle: N\nmood: calm\n---\nText.\n",
            "notes/m.md": "---\ntitle: M\nsummary: S\n---\nText.\n",
        },
    )
    folder = opened(tmp_path)
    assert folder.schema_source.origin == "cms"
    assert folder.schema.order == ("title", "summary")
    assert folder.schema_for(PurePath("content/notes/n.md")).order == ("title", "mood")
    assert problems(folder) == {
        "content/blog/b.md": [("summary", "error")],
        "content/notes/m.md": [("mood", "error")],
    }
    assert not any("no folder collection" in n for n in folder.schema_source.notes)


def test_a_hugo_root_opened_follows_the_decap_collection_of_its_posts(tmp_path):
    write(tmp_path, "hugo.toml", "title = 'A site'\n")
    write(
        tmp_path,
        "static/admin/config.yml",
        "collections:\n  - name: posts\n    folder: content/posts\n    fields:\n"
        "      - {name: title, widget: string}\n      - {name: summary, widget: text}\n",
    )
    site(tmp_path / "content", {"posts/a.md": "---\ntitle: A\n---\nText.\n", "about.md": "Hi.\n"})
    folder = opened(tmp_path)
    assert (folder.schema_source.origin, folder.schema_source.cms.collection) == ("cms", "posts")
    assert problems(folder) == {"content/posts/a.md": [("summary", "error")]}


def test_a_schema_file_at_the_opened_folder_serves_its_collections(tmp_path):
    write(tmp_path, "_config.yml", "title: A site\n")
    # An author, not a title: Jekyll gives a post without one the title of its file name.
    write(tmp_path, ".post-editor.yaml", "fields:\n  - {name: author, required: true}\n")
    site(tmp_path / "_posts", {"2024-01-01-a.md": "---\nlayout: post\n---\nText.\n"})
    folder = opened(tmp_path)
    assert folder.schema_source.origin == "file"
    assert problems(folder) == {"_posts/2024-01-01-a.md": [("author", "error")]}


def lastmod_posts(count: int) -> dict[str, str]:
    return {f"p{i}.md": post_text(f"P{i}", extra="show_lastmod: 3\n") for i in range(count)}


def test_a_value_the_generator_accepts_is_not_an_error_because_inference_guessed(tmp_path):
    files = lastmod_posts(9) | {"odd.md": post_text("Odd", extra="show_lastmod: true\n")}
    folder = opened(site(tmp_path, files))
    assert folder.schema.field("show_lastmod").type == "number"  # the form still offers it
    assert problems(folder) == {}


def test_a_key_the_generator_reads_with_a_type_still_errs(tmp_path):
    files = {f"p{i}.md": post_text(f"P{i}", extra="published: true\n") for i in range(9)}
    folder = opened(site(tmp_path, files | {"odd.md": post_text("O", extra="published: 3\n")}))
    assert problems(folder) == {"odd.md": [("published", "error")]}


def test_a_declared_type_still_errs(tmp_path):
    files = lastmod_posts(2) | {"odd.md": post_text("Odd", extra="show_lastmod: true\n")}
    schema = "fields:\n  - {name: title}\n  - {name: show_lastmod, type: number}\n"
    folder = opened(site(tmp_path, files | {".post-editor.yaml": schema}))
    assert problems(folder) == {"odd.md": [("show_lastmod", "error")]}


def test_a_page_may_be_empty_a_post_may_not(tmp_path):
    write(tmp_path, "hugo.toml", "title = 'A site'\n")
    site(tmp_path / "content", {"posts/a.md": post_text("A", body=""), "about.md": "---\n---\n"})
    folder = opened(tmp_path)
    assert problems(folder) == {"content/posts/a.md": [("body", "warning")]}
    assert folder.validate(PurePath("content/about.md"), folder.entries[0].facts) == []


def test_a_changed_schema_file_rejudges_only_its_collection(tmp_path):
    write(tmp_path, "_config.yml", "title: A site\n")
    site(tmp_path, {"_posts/2024-01-01-a.md": post_text("A"), "about.md": "---\n---\nHi.\n"})
    folder = opened(tmp_path)
    page = folder.entry(PurePath("about.md"))
    write(tmp_path / "_posts", ".post-editor.yaml", "fields:\n  - {name: mood, required: true}\n")
    folder.scan()
    assert problems(folder) == {"_posts/2024-01-01-a.md": [("mood", "error")]}
    assert folder.entry(PurePath("about.md")) is page


TWO_COLLECTIONS = """\
collections:
  - name: posts
    folder: content/posts
    fields:
      - {name: title, required: true}
      - {name: summary, type: text, required: true}
  - name: docs
    folder: content/docs
    fields:
      - {name: title, required: true}
      - {name: weight, type: number, required: true}
"""


def two_collections(root: Path, generator_file: tuple[str, str] | None = None) -> Path:
    """A site whose schema file lists posts and docs; in each, one post that follows its
    collection and one that follows the other; and a post outside both."""
    if generator_file is not None:
        write(root, *generator_file)
    return site(
        root,
        {
            ".post-editor.yaml": TWO_COLLECTIONS,
            "content/posts/a.md": "---\ntitle: A\nsummary: S\n---\nText.\n",
            "content/posts/b.md": "---\ntitle: B\nweight: 2\n---\nText.\n",
            "content/docs/c.md": "---\ntitle: C\nweight: 1\n---\nText.\n",
            "content/docs/d.md": "---\ntitle: D\nsummary: S\n---\nText.\n",
            "content/notes/n.md": "---\ntitle: N\nmood: calm\n---\nText.\n",
        },
    )


# Hugo: both sections hold posts (a page section's posts need no field its schema requires).
HUGO = ("hugo.toml", "[params]\nmainSections = ['posts', 'docs']\n")


@pytest.mark.parametrize("generator_file", [None, HUGO], ids=["plain", "hugo"])
def test_a_schema_file_listing_two_collections_judges_each_post_by_its_own(
    tmp_path, generator_file
):
    folder = opened(two_collections(tmp_path, generator_file))
    assert folder.schema_source.origin == "file"
    assert folder.schema_for(PurePath("content/posts/a.md")).order == ("title", "summary")
    assert folder.schema_for(PurePath("content/docs/c.md")).order == ("title", "weight")
    assert problems(folder) == {
        "content/posts/b.md": [("summary", "error")],
        "content/docs/d.md": [("weight", "error")],
    }
    # A post outside both follows what its folder would without the file: inferred.
    outside = folder.source_for(PurePath("content/notes/n.md"))
    assert outside.origin == "inferred"
    assert "mood" in folder.schema_for(PurePath("content/notes/n.md")).order
    assert folder.schema_problem() is None


def test_a_plain_site_root_opened_takes_the_first_collection_listed_as_its_own(tmp_path):
    folder = opened(two_collections(tmp_path))
    assert folder.schema.order == ("title", "summary")
    assert folder.schema_source.path == tmp_path / ".post-editor.yaml"


def test_a_collection_folder_opened_follows_the_sites_schema_file(tmp_path):
    two_collections(tmp_path)
    docs = opened(tmp_path / "content/docs")
    assert docs.schema_source.path == tmp_path / ".post-editor.yaml"
    assert problems(docs) == {"d.md": [("weight", "error")]}
    notes = opened(tmp_path / "content/notes")
    assert notes.schema_source.origin == "inferred"


def test_a_changed_collection_in_the_sites_file_rejudges_the_opened_folder(tmp_path):
    two_collections(tmp_path)
    docs = opened(tmp_path / "content/docs")
    write(tmp_path, ".post-editor.yaml", TWO_COLLECTIONS.replace("weight, type", "order, type"))
    docs.scan()
    assert problems(docs) == {
        "c.md": [("order", "error")],
        "d.md": [("order", "error")],
    }


def test_a_broken_collection_is_the_folders_schema_problem_with_its_line(tmp_path):
    two_collections(tmp_path)
    broken = TWO_COLLECTIONS.replace("weight, type: number", "weight, type: nmber")
    write(tmp_path, ".post-editor.yaml", broken)
    for root in (tmp_path, tmp_path / "content/docs"):
        problem = opened(root).schema_problem()
        assert problem is not None and "unknown type ‘nmber’" in problem.message
        assert (problem.path, problem.line) == (tmp_path / ".post-editor.yaml", 11)


JEKYLL_DEFAULTS = """\
title: A site
defaults:
  - scope: {path: "", type: posts}
    values: {layout: post, author: Ann, comments: true}
"""


def jekyll_with_defaults(root: Path) -> Path:
    """A Jekyll site whose `_config.yml` defaults give posts a layout, an author and comments
    that no post writes."""
    write(root, "_config.yml", JEKYLL_DEFAULTS)
    posts = {f"_posts/2025-01-0{i}-p{i}.md": post_text(f"Post {i}") for i in range(1, 4)}
    return site(root, posts | {"about.md": "---\ntitle: About\n---\nHi.\n"})


@pytest.mark.parametrize("opened_at", ["", "_posts"])
def test_a_collection_knows_the_keys_its_jekyll_defaults_give(tmp_path, opened_at):
    jekyll_with_defaults(tmp_path)
    folder = opened(tmp_path / opened_at)
    schema = folder.schema_for(PurePath("_posts/2025-01-01-p1.md").relative_to(opened_at))
    # A field each, after the posts' own keys, typed by the value the defaults give.
    assert [(f.name, f.type) for f in schema.fields] == [
        ("title", "string"),
        ("date", "date"),
        ("layout", "string"),
        ("author", "string"),
        ("comments", "boolean"),
    ]
    assert not folder.schema_source.declared
    assert problems(folder) == {}


def test_a_key_a_schema_file_requires_is_given_by_the_defaults(tmp_path):
    jekyll_with_defaults(tmp_path)
    fields = "fields:\n  - {name: title, required: true}\n  - {name: author, required: true}\n"
    write(tmp_path / "_posts", ".post-editor.yaml", fields)
    folder = opened(tmp_path)
    assert folder.source_for(PurePath("_posts/2025-01-01-p1.md")).origin == "file"
    assert problems(folder) == {}  # every post inherits its author
