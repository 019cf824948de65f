"""The schema a site's Decap/Sveltia or Front Matter CMS config gives a content folder.

Every site here is real files in tmp_path; the expected schema is written out field by field.
"""

from __future__ import annotations

import datetime as dt
import json
import textwrap
from pathlib import Path, PurePath

import pytest
import yaml

from editor.core.document.dates import DateFormat
from editor.core.folder.content_folder import ContentFolder
from editor.core.schema import SCHEMA_FILE
from editor.core.schema.cms.config import DECAP, FRONT_MATTER, find_site_root, read_cms_schema
from editor.core.schema.model import Field, Schema
from editor.core.schema.schema_file import load_schema_file
from editor.core.schema.source import schema_source
from tests.core.sitefactory import post_text, site, write

# ---- Decap / Sveltia: whole configs ----------------------------------------------------------

HUGO_CONFIG = """\
backend:
  name: git-gateway
  branch: main
media_folder: static/images/uploads
public_folder: /images/uploads
collections:
  - name: pages
    label: Pages
    files:
      - {file: content/about.md, label: About, name: about, fields: [{name: title}]}
  - name: blog
    label: Blog
    folder: content/posts
    create: true
    slug: "{{slug}}"
    path: "{{slug}}/index"
    media_folder: ""
    public_folder: ""
    fields:
      - {label: Title, name: title, widget: string, hint: "Keep it under 70 characters"}
      - {label: Publish Date, name: date, widget: datetime, format: "YYYY-MM-DDTHH:mm:ssZ"}
      - {label: Description, name: description, widget: text, required: false}
      - {label: Featured Image, name: image, widget: image, required: false}
      - {label: Tags, name: tags, widget: list, default: [news]}
      - {label: Category, name: category, widget: select, options: [Guides, News, Reviews]}
      - {label: Draft, name: draft, widget: boolean, default: false}
      - {label: Weight, name: weight, widget: number, required: false, value_type: int}
      - {label: Body, name: body, widget: markdown}
"""

HUGO_SCHEMA = Schema(
    (
        Field("title", "string", required=True, help="Keep it under 70 characters", label="Title"),
        Field(
            "date",
            "datetime",
            required=True,
            label="Publish Date",
            date_format=DateFormat(time="hms", zone="+HH:MM"),
        ),
        Field("description", "text", label="Description"),
        Field("image", "image", label="Featured Image"),
        Field("tags", "list", required=True, default=["news"], label="Tags"),
        Field("category", "select", required=True, choices=("Guides", "News", "Reviews")),
        Field("draft", "boolean", default=False, label="Draft"),
        Field("weight", "number", label="Weight"),
    ),
    naming="{slug}/index.md",
)


def test_a_hugo_site_with_static_admin_gets_the_collection_field_by_field(tmp_path):
    root = site(
        tmp_path / "site", {"static/admin/config.yml": HUGO_CONFIG, "content/posts/a.md": ""}
    )
    found = read_cms_schema(root / "content" / "posts")
    assert found is not None
    assert (found.cms, found.collection, found.site_root) == (DECAP, "blog", root)
    assert found.path == root / "static/admin/config.yml"
    assert found.notes == ()
    assert found.problem is None
    for expected, got in zip(HUGO_SCHEMA.fields, found.schema.fields, strict=True):
        assert got == expected, expected.name
    assert found.schema == HUGO_SCHEMA
    assert found.schema.defaults() == {"tags": ["news"], "draft": False}
    assert (found.media_folder, found.public_folder) == ("static/images/uploads", "/images/uploads")
    assert (found.collection_media_folder, found.collection_public_folder) == ("", "")


def test_the_stored_date_format_spells_new_dates_like_the_cms():
    spelled = HUGO_SCHEMA.field("date").date_format
    value = dt.datetime(2026, 3, 5, 14, 7, 9, tzinfo=dt.timezone(dt.timedelta(hours=1)))
    assert spelled.format(value) == "2026-03-05T14:07:09+01:00"


JEKYLL_CONFIG = """\
backend: {name: github, repo: ann/blog}
media_folder: assets/img
collections:
  - name: posts
    label: Posts
    folder: _posts
    slug: "{{year}}-{{month}}-{{day}}-{{slug}}"
    fields:
      - {label: Layout, name: layout, widget: hidden, default: post}
      - {label: Title, name: title, widget: string}
      - {label: Date, name: date, widget: datetime, date_format: "YYYY-MM-DD", time_format: false}
      - {label: Author, name: author, widget: hidden, default: "{{author-name}}"}
      - {label: Body, name: body, widget: markdown}
"""

NEXT_CONFIG = """\
backend: {name: git-gateway}
media_folder: public/uploads
public_folder: /uploads
collections:
  - name: blog
    label: Blog
    folder: ./content/blog/
    extension: mdx
    format: frontmatter
    fields:
      - {label: Title, name: title, widget: string}
      - {label: Date, name: date, widget: datetime, format: "YYYY-MM-DD"}
      - {label: Summary, name: summary, widget: text, maxlength: 160}
      - {label: Source, name: source, widget: string, type: url, required: false}
      - {label: Body, name: body, widget: markdown}
"""


def test_a_jekyll_site_with_admin_at_its_root(tmp_path):
    root = site(tmp_path / "site", {"admin/config.yml": JEKYLL_CONFIG, "_posts/.keep": ""})
    found = read_cms_schema(root / "_posts")
    date_only = DateFormat()
    assert found.schema == Schema(
        (
            Field("title", "string", required=True, label="Title"),
            Field("date", "date", required=True, label="Date", date_format=date_only),
        ),
        naming="{date}-{slug}.md",
        hidden=(
            Field("layout", "string", default="post", label="Layout"),
            Field("author", "string", label="Author"),
        ),
    )
    # A hidden key is neither in the form nor checked; its default is for new posts.
    assert found.schema.order == ("title", "date")
    assert found.schema.field("layout") is None
    assert found.schema.defaults() == {"layout": "post"}
    assert found.notes == (
        "‘author’ (line 12): its default ‘{{author-name}}’ is filled in by the CMS only;"
        " new posts here start without it.",
    )
    assert found.media_folder == "assets/img"


def test_a_next_site_with_public_admin_and_a_folder_written_loosely(tmp_path):
    root = site(tmp_path / "site", {"public/admin/config.yml": NEXT_CONFIG, "content/blog/.k": ""})
    found = read_cms_schema(root / "content" / "blog")
    assert found.schema == Schema(
        (
            Field("title", "string", required=True, label="Title"),
            Field("date", "date", required=True, label="Date", date_format=DateFormat()),
            Field("summary", "text", required=True, max=160, label="Summary"),
            Field("source", "url", label="Source"),
        ),
        naming="{slug}.mdx",
    )
    assert (found.path, found.public_folder) == (root / "public/admin/config.yml", "/uploads")


# ---- Decap / Sveltia: one rule at a time -----------------------------------------------------


def decap_site(tmp_path: Path, fields: list[object], **collection: object) -> Path:
    """A site whose static/admin/config.yml has one collection for content/posts; returns
    the content folder."""
    posts = {"name": "posts", "folder": "content/posts", "fields": fields} | collection
    config = yaml.safe_dump({"backend": {"name": "test-repo"}, "collections": [posts]})
    root = site(tmp_path / "site", {"static/admin/config.yml": config})
    (root / "content" / "posts").mkdir(parents=True)
    return root / "content" / "posts"


def test_decap_fields_are_required_unless_they_say_otherwise(tmp_path):
    folder = decap_site(
        tmp_path,
        [
            {"name": "title"},
            {"name": "subtitle", "required": False},
            {"name": "featured", "widget": "boolean"},
            {"name": "pinned", "widget": "boolean", "required": True},
            {"name": "tags", "widget": "list", "required": True},
            {"name": "layout", "widget": "hidden", "default": "post"},
        ],
    )
    schema = read_cms_schema(folder).schema
    required = {f.name: f.required for f in (*schema.fields, *schema.hidden)}
    # A boolean always holds a value (false), and a hidden key is not the writer's to fill.
    assert required == {
        "title": True,
        "subtitle": False,
        "featured": False,
        "pinned": False,
        "tags": True,
        "layout": False,
    }


def test_front_matter_fields_are_optional_unless_required(tmp_path):
    config = {
        "frontMatter.taxonomy.contentTypes": [
            {"name": "default", "fields": [{"name": "title", "type": "string"}]}
        ]
    }
    root = site(tmp_path / "s", {"frontmatter.json": json.dumps(config), "content/a.md": ""})
    assert read_cms_schema(root / "content").schema.field("title").required is False


@pytest.mark.parametrize(
    ("pattern", "good", "bad", "message"),
    [
        # Decap tests a pattern anywhere in the value, as JavaScript's RegExp.test does.
        (
            [".{12,}", "At least 12 characters"],
            "long enough title",
            "short",
            "At least 12 characters",
        ),
        (["[0-9]", "Needs a digit"], "abc1def", "abcdef", "Needs a digit"),
        (
            ["^[a-z0-9-]+$", "Lowercase words and hyphens"],
            "my-post-2",
            "My Post",
            "Lowercase words",
        ),
        ("^[a-z]+$", "abc", "ab1", "does not match the pattern ^[a-z]+$"),  # Sveltia: bare regex
    ],
)
def test_a_decap_pattern_is_checked_with_its_message(tmp_path, pattern, good, bad, message):
    folder = decap_site(tmp_path, [{"name": "slug", "pattern": pattern}])
    field = read_cms_schema(folder).schema.field("slug")
    assert field.problems(good) == []
    ((severity, said),) = field.problems(bad)
    assert severity == "error"
    assert said.startswith(f"‘{bad}’: {message}")


def test_an_anchored_pattern_is_kept_as_written(tmp_path):
    folder = decap_site(tmp_path, [{"name": "slug", "pattern": ["^[a-z-]+$", "Words"]}])
    assert read_cms_schema(folder).schema.field("slug").pattern == "[a-z-]+"


def test_a_pattern_python_cannot_read_is_left_out_with_a_note(tmp_path):
    folder = decap_site(tmp_path, [{"name": "year", "pattern": ["(?<y>\\d{4})", "A year"]}])
    found = read_cms_schema(folder)
    assert found.schema.field("year").pattern is None
    assert found.notes == (
        "‘year’ (line 5): the pattern ‘(?<y>\\d{4})’ is not one Post Editor can read.",
    )


@pytest.mark.parametrize(
    ("options", "choices", "noted"),
    [
        (["Guides", "News"], ("Guides", "News"), False),
        (
            [{"label": "Guides", "value": "guides"}, {"label": "News", "value": "news"}],
            ("guides", "news"),
            True,
        ),
        ([{"label": "one", "value": "one"}, 2, {"label": "3", "value": 3}], ("one", 2, 3), True),
    ],
    ids=["plain", "label-value", "mixed"],
)
def test_select_options_in_both_shapes(tmp_path, options, choices, noted):
    folder = decap_site(tmp_path, [{"name": "category", "widget": "select", "options": options}])
    found = read_cms_schema(folder)
    assert found.schema.field("category") == Field("category", "select", True, choices=choices)
    expected = ("‘category’ (line 5): its options show their values, not their labels.",)
    assert found.notes == (expected if noted else ())


def test_a_select_of_several_is_a_list_checked_against_the_options(tmp_path):
    entry = {"name": "topics", "widget": "select", "multiple": True, "options": ["ai", "web"]}
    field = read_cms_schema(decap_site(tmp_path, [entry])).schema.field("topics")
    assert (field.type, field.choices) == ("list", ("ai", "web"))
    assert field.problems(["ai"]) == []
    assert field.problems(["ai", "cooking"])[0][1].startswith("‘cooking’ is not one of")


def test_a_list_of_one_simple_field_is_a_plain_list(tmp_path):
    entry = {"name": "tags", "widget": "list", "field": {"name": "tag", "widget": "string"}}
    assert read_cms_schema(decap_site(tmp_path, [entry])).schema.field("tags").type == "list"


AWARE = dt.datetime(2026, 3, 5, 14, 7, 9, tzinfo=dt.timezone(dt.timedelta(hours=1)))


@pytest.mark.parametrize(
    ("options", "kind", "spelled"),
    [
        ({}, "datetime", None),  # Decap's own ISO default: new dates follow the posts
        ({"format": "YYYY-MM-DD"}, "date", "2026-03-05"),
        ({"format": "YYYY-MM-DD HH:mm"}, "datetime", "2026-03-05 14:07"),
        ({"format": "YYYY-MM-DDTHH:mm:ss.SSSZ"}, "datetime", "2026-03-05T14:07:09.000+01:00"),
        # A zone spelled Z: a value in another zone keeps its offset, so the instant is right.
        ({"format": "YYYY-MM-DDTHH:mm:ss[Z]"}, "datetime", "2026-03-05T14:07:09+01:00"),
        ({"date_format": "YYYY-MM-DD", "time_format": False}, "date", "2026-03-05"),
        ({"date_format": True, "time_format": True}, "datetime", "2026-03-05T14:07"),
        ({"date_format": "MMM D, YYYY"}, "date", "Mar 5, 2026"),
        ({"time_format": False}, "date", None),
        ({"timeFormat": False}, "date", None),  # Decap 2's spelling
        ({"widget": "date"}, "date", None),  # Decap's old date widget
    ],
)
def test_decap_date_formats(tmp_path, options, kind, spelled):
    field = read_cms_schema(
        decap_site(tmp_path, [{"name": "date", "widget": "datetime"} | options])
    ).schema.field("date")
    assert field.type == kind
    if spelled is None:
        assert field.date_format is None
    else:
        assert field.date_format.format(AWARE) == spelled


def test_decap_picker_utc_writes_a_literal_z(tmp_path):
    entry = {"name": "date", "widget": "datetime", "format": "YYYY-MM-DDTHH:mm:ssZ"}
    field = read_cms_schema(decap_site(tmp_path, [entry | {"picker_utc": True}])).schema.field(
        "date"
    )
    assert field.date_format.format(dt.datetime(2026, 3, 5, 14, 7, 9, tzinfo=dt.UTC)) == (
        "2026-03-05T14:07:09Z"
    )


@pytest.mark.parametrize(
    ("options", "told"),
    [
        ({"date_format": "DD.MM.YYYY"}, "stored as ‘DD.MM.YYYY’"),
        ({"date_format": "DD/MM/YYYY"}, "stored as ‘DD/MM/YYYY’"),  # read as US, days swapped
        ({"format": "LLL"}, "stored as ‘LLL’"),
        ({"format": "dddd, MMMM D YYYY"}, "stored as ‘dddd, MMMM D YYYY’"),
        ({"time_format": "HH:mm"}, "a time without a date"),
        ({"date_format": False}, "a time without a date"),
    ],
)
def test_dates_we_cannot_read_are_text_with_a_note(tmp_path, options, told):
    found = read_cms_schema(
        decap_site(tmp_path, [{"name": "when", "widget": "datetime"} | options])
    )
    assert found.schema.field("when").type == "string"
    (note,) = found.notes
    assert note.startswith("‘when’ (line 5): ") and told in note


UNSUPPORTED = [
    {"name": "seo", "widget": "object", "fields": [{"name": "title"}]},
    {"name": "author", "widget": "relation", "collection": "authors", "search_fields": ["n"]},
    {"name": "snippet", "widget": "code"},
    {"name": "place", "widget": "map"},
    {"name": "accent", "widget": "color"},
    {"name": "gallery", "widget": "list", "fields": [{"name": "src", "widget": "image"}]},
    {"name": "blocks", "widget": "list", "types": [{"name": "quote", "widget": "object"}]},
    {"name": "people", "widget": "list", "field": {"name": "p", "widget": "object"}},
    {"name": "stars", "widget": "rating"},
]


def test_unsupported_widgets_are_listed_and_their_keys_left_alone(tmp_path):
    folder = decap_site(tmp_path, [{"name": "title"}, *UNSUPPORTED])
    found = read_cms_schema(folder)
    assert found.schema.order == ("title",)
    assert len(found.notes) == len(UNSUPPORTED)
    for entry, note in zip(UNSUPPORTED, found.notes, strict=True):
        assert note.startswith(f"‘{entry['name']}’ (line ")
        assert note.endswith(
            "which the form cannot edit: the key is kept as it is, under Other fields."
        )
    assert "uses the relation widget" in found.notes[1]
    assert "is a list of objects" in found.notes[5]


def test_caveats_are_noted_for_fields_that_are_taken(tmp_path):
    found = read_cms_schema(
        decap_site(
            tmp_path,
            [
                {"name": "attachment", "widget": "file", "required": False},
                {"name": "aside", "widget": "markdown", "required": False},
                {"name": "rating", "widget": "number", "min": 1, "max": 5},
                {"name": "when", "widget": "datetime", "default": "{{now}}"},
                {"name": "count", "widget": "number", "default": "many"},
                {"name": "title"},
                {"name": "title", "widget": "text"},
            ],
        )
    )
    assert [(f.name, f.type, f.default) for f in found.schema.fields] == [
        ("attachment", "string", None),
        ("aside", "text", None),
        ("rating", "number", None),
        ("when", "datetime", None),
        ("count", "number", None),
        ("title", "string", None),
    ]
    assert found.notes == (
        "‘attachment’ (line 5): a file widget; Post Editor has no file type, so it is edited"
        " as text.",
        "‘aside’ (line 8): a Markdown field; edited here as plain text, without a preview.",
        "‘rating’ (line 11): min and max are not checked.",
        "‘count’ (line 18): its default is left out: ‘many’ is not a number.",
        "‘title’ (line 22) is listed twice: the first is used.",
    )


# ---- which collection, which config ----------------------------------------------------------


def test_a_collection_for_another_folder_gives_no_cms_schema(tmp_path):
    root = site(
        tmp_path / "site",
        {
            "static/admin/config.yml": HUGO_CONFIG,
            "content/news/a.md": post_text("A", extra="layout: wide\n"),
        },
    )
    found = read_cms_schema(root / "content" / "news")
    assert found.schema is None
    assert found.notes == (
        "static/admin/config.yml has no folder collection for content/news"
        " (its folders: content/posts).",
    )
    source = schema_source(root / "content" / "news", [{"title": "A", "layout": "wide"}])
    assert (source.origin, source.path) == ("inferred", None)
    assert source.schema.order == ("title", "layout")
    assert source.notes == found.notes


def test_two_collections_on_one_folder_are_told_and_the_first_is_used(tmp_path):
    config = yaml.safe_dump(
        {
            "collections": [
                {
                    "name": "en",
                    "folder": "content/posts",
                    "filter": {"field": "lang", "value": "en"},
                    "fields": [{"name": "title"}],
                },
                {
                    "name": "fi",
                    "folder": "content/posts/",
                    "filter": {"field": "lang", "value": "fi"},
                    "fields": [{"name": "otsikko"}],
                },
            ]
        }
    )
    root = site(tmp_path / "site", {"admin/config.yml": config, "content/posts/a.md": ""})
    found = read_cms_schema(root / "content" / "posts")
    assert (found.collection, found.schema.order) == ("en", ("title",))
    assert found.notes == (
        "The collections ‘en’, ‘fi’ all use content/posts: the form follows ‘en’.",
    )


BROKEN = """\
backend:
  name: git-gateway
collections:
  - name: posts
    folder: content/posts
    fields:
      - {name: title, widget: string
      - {name: date, widget: datetime}
"""


def test_a_broken_config_is_a_note_with_its_line_and_the_posts_are_used(tmp_path):
    root = site(
        tmp_path / "site",
        {
            "static/admin/config.yml": BROKEN,
            "content/posts/a.md": post_text("A", extra="mood: calm\n"),
            "content/posts/b.md": post_text("B", extra="mood: grim\n"),
        },
    )
    folder = ContentFolder(root / "content" / "posts")
    folder.scan()
    source = folder.schema_source
    assert source.origin == "inferred"
    assert folder.schema.order == ("title", "date", "mood")
    assert source.cms.problem.path == root / "static/admin/config.yml"
    assert source.cms.problem.line == 8
    (note,) = source.notes
    assert note.startswith(f"{root / 'static/admin/config.yml'}:8:")
    assert note.endswith("the form follows the posts instead.")
    assert folder.schema_problem() is None  # that is for the folder's own schema file


def posts_with(fields: str, more: str = "") -> str:
    """A one-collection config for content/posts, its fields written as YAML flow."""
    return f"collections: [{{folder: content/posts, {more}fields: {fields}}}]"


@pytest.mark.parametrize(
    "text",
    [
        "",
        "[]",
        "collections: 3",
        "collections: [3, {folder: 5}, {folder: content/posts}]",
        posts_with("nope"),
        posts_with("[3, {name: 5}, {widget: string}, {name: '  '}]"),
        "!!python/object/apply:os.system ['echo hacked']",
        posts_with("[{name: t, widget: [1]}]", more="name: [1], "),
        posts_with("[{name: s, widget: select, options: {a: 1}}]"),
        posts_with("[{name: l, widget: list, field: 3}]"),
        posts_with("[{name: d, widget: datetime, format: 7}]"),
        posts_with("[{name: p, pattern: [3]}, {name: q, pattern: []}]"),
        posts_with("[{name: t}]", more="slug: 5, path: [], "),
        'collections: [{folder: "content/\\0posts", fields: [{name: t}]}]',
        posts_with("[{name: h, widget: hidden, default: {a: 1}}]"),
        "a: !!int 1e3",
        "b: !!timestamp 2026-02-30",
    ],
)
def test_odd_configs_never_crash(tmp_path, text):
    root = site(tmp_path / "site", {"admin/config.yml": text, "content/posts/a.md": post_text()})
    found = read_cms_schema(root / "content" / "posts")
    assert found is not None and found.cms == DECAP
    assert found.schema is not None or found.notes
    ContentFolder(root / "content" / "posts").scan()


def test_an_alias_bomb_in_a_config_stays_small(tmp_path):
    levels = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    levels += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 9)]
    config = "\n".join(levels) + textwrap.dedent(
        """
        collections:
          - name: *a8
            folder: content/posts
            fields:
              - {name: title, widget: *a8}
              - {name: tags, widget: list, default: *a8}
              - {name: cat, widget: select, options: *a8, default: *a8}
        """
    )
    root = site(tmp_path / "site", {"admin/config.yml": config, "content/posts/a.md": ""})
    found = read_cms_schema(root / "content" / "posts")
    assert found.schema.order == ("tags", "cat")
    assert sum(len(note) for note in found.notes) < 1000


def test_the_nearest_site_root_is_used_and_the_search_stops_at_the_repository(tmp_path):
    outer = site(tmp_path / "outer", {"admin/config.yml": "collections: []"})
    inner = site(outer / "blog", {"public/admin/config.yml": NEXT_CONFIG, "content/blog/a.md": ""})
    assert find_site_root(inner / "content" / "blog") == inner
    assert read_cms_schema(inner / "content" / "blog").path == inner / "public/admin/config.yml"
    # A site's config never lives above its repository: none is looked for there.
    repo = site(outer / "repo", {".git/HEAD": "ref: refs/heads/main\n", "posts/a.md": ""})
    assert find_site_root(repo / "posts") is None
    assert read_cms_schema(repo / "posts") is None


def test_a_relative_content_folder_finds_the_site_above_it(tmp_path, monkeypatch):
    root = site(
        tmp_path / "site", {"static/admin/config.yml": HUGO_CONFIG, "content/posts/a.md": ""}
    )
    monkeypatch.chdir(root / "content")
    assert read_cms_schema(Path("posts")).schema == HUGO_SCHEMA


# ---- Front Matter CMS ------------------------------------------------------------------------

FRONT_MATTER_CONFIG = """\
{
  "$schema": "https://frontmatter.codes/frontmatter.schema.json",
  // Front Matter reads its config as JSON with comments
  "frontMatter.taxonomy.dateFormat": "yyyy-MM-dd",
  "frontMatter.content.publicFolder": {"path": "static", "relative": false},
  "frontMatter.content.pageFolders": [
    {"title": "Posts", "path": "[[workspace]]/content/posts", "contentTypes": ["post", "default"]},
    {"title": "Notes", "path": "[[workspace]]/content/notes/"},
  ],
  "frontMatter.taxonomy.contentTypes": [
    {"name": "default", "fields": [
      {"title": "Title", "name": "title", "type": "string", "single": true, "required": true},
      {"title": "Date", "name": "date", "type": "datetime", "default": "{{now}}"},
      {"title": "Is in draft", "name": "draft", "type": "draft"}
    ]},
    {"name": "post", "pageBundle": true, "fields": [
      {"title": "Title", "name": "title", "type": "string", "single": true, "required": true},
      {"title": "Description", "name": "description", "type": "string",
       "description": "Shown in search results"},
      {"title": "Published", "name": "date", "type": "datetime", "required": true,
       "dateFormat": "yyyy-MM-dd'T'HH:mm:ssXXX"},
      {"title": "Cover", "name": "cover", "type": "image"},
      {"title": "Tags", "name": "tags", "type": "tags"},
      {"title": "Categories", "name": "categories", "type": "categories"},
      {"title": "Kind", "name": "kind", "type": "choice", "choices": ["essay", "link"],
       "default": "essay"},
      {"name": "split", "type": "divider"},
      {"title": "SEO", "name": "seo", "type": "fields", "fields": []},
      {"title": "Draft", "name": "draft", "type": "draft"},
      {"title": "Weight", "name": "weight", "type": "number", "hidden": true, "default": 10},
    ]}
  ]
}
"""


def front_matter_site(tmp_path: Path, text: str = FRONT_MATTER_CONFIG) -> Path:
    files = {"frontmatter.json": text, "content/posts/a.md": "", "content/notes/b.md": ""}
    return site(tmp_path / "site", files)


def test_front_matter_takes_the_page_folders_first_content_type(tmp_path):
    root = front_matter_site(tmp_path)
    found = read_cms_schema(root / "content" / "posts")
    assert (found.cms, found.collection, found.path) == (
        FRONT_MATTER,
        "post",
        root / "frontmatter.json",
    )
    assert found.schema == Schema(
        (
            Field("title", "string", required=True, label="Title"),
            Field("description", "text", help="Shown in search results", label="Description"),
            Field(
                "date",
                "datetime",
                required=True,
                label="Published",
                date_format=DateFormat(time="hms", zone="+HH:MM"),
            ),
            Field("cover", "image", label="Cover"),
            Field("tags", "list", label="Tags"),
            Field("categories", "list", label="Categories"),
            Field("kind", "select", choices=("essay", "link"), default="essay", label="Kind"),
            Field("draft", "boolean", label="Draft"),
        ),
        naming="{slug}/index.md",
        hidden=(Field("weight", "number", default=10, label="Weight"),),
    )
    assert found.notes == (
        "content/posts holds content types ‘post’, ‘default’: the form follows ‘post’.",
        "‘seo’ has the type fields, which the form cannot edit: the key is kept as it is,"
        " under Other fields.",
    )
    assert found.media_folder == "static"


def test_a_page_folder_without_content_types_takes_the_default_one(tmp_path):
    found = read_cms_schema(front_matter_site(tmp_path) / "content" / "notes")
    assert found.collection == "default"
    assert found.schema == Schema(
        (
            Field("title", "string", required=True, label="Title"),
            Field("date", "date", label="Date", date_format=DateFormat()),  # the global format
            Field("draft", "boolean", label="Is in draft"),
        )
    )
    assert found.notes == ()


def test_front_matter_choices_draft_states_and_date_formats(tmp_path):
    config = {
        "frontMatter.content.draftField": {
            "name": "status",
            "type": "choice",
            "choices": ["draft", "in review", "published"],
        },
        "frontMatter.taxonomy.contentTypes": [
            {
                "name": "default",
                "fields": [
                    {"name": "title", "type": "string"},
                    {"name": "status", "type": "draft"},
                    {
                        "name": "kind",
                        "type": "choice",
                        "choices": [{"id": "a", "title": "Article"}],
                    },
                    {
                        "name": "topics",
                        "type": "choice",
                        "multiple": True,
                        "choices": ["ai", "web"],
                    },
                    {"name": "when", "type": "datetime", "dateFormat": "dd.MM.yyyy"},
                    {"name": "body_html", "type": "string", "wysiwyg": True},
                ],
            }
        ],
    }
    root = site(tmp_path / "s", {"frontmatter.json": json.dumps(config), "posts/a.md": ""})
    found = read_cms_schema(root / "posts")
    schema = found.schema
    assert schema.field("title").type == "text"  # Front Matter shows it over several lines
    assert schema.field("status") == Field(
        "status", "select", choices=("draft", "in review", "published")
    )
    assert schema.field("kind").choices == ("a",)
    assert (schema.field("topics").type, schema.field("topics").choices) == ("list", ("ai", "web"))
    assert schema.field("when").type == "string"
    assert found.notes == (
        "‘kind’: its choices show their ids, not their titles.",
        "‘when’: its dates are stored as ‘dd.MM.yyyy’, which Post Editor does not read as dates:"
        " edited as text.",
        "‘body_html’: a rich-text field; edited here as plain text.",
    )


def test_a_folder_no_page_folder_lists_gets_no_front_matter_schema(tmp_path):
    root = front_matter_site(tmp_path)
    (root / "drafts").mkdir()
    found = read_cms_schema(root / "drafts")
    assert found.schema is None
    assert found.notes == ("frontmatter.json lists no page folder drafts.",)


TYPES_KEY = '"frontMatter.taxonomy.contentTypes"'


@pytest.mark.parametrize(
    "text",
    [
        "",
        "[]",
        "{" + TYPES_KEY + ": 3}",
        '{"a": ' + "9" * 5000 + "}",  # past Python's limit on digits in a number
        '{"frontMatter.content.pageFolders": [{"path": 3}, 4, {"path": "[[workspace]]/posts",'
        ' "contentTypes": "post"}], ' + TYPES_KEY + ": [5]}",
        "{" + TYPES_KEY + ': [{"name": "default", "fields": [3, {"name": 4}, {"name": "x",'
        ' "type": ["string"]}, {"name": "c", "type": "choice", "choices": {"a": 1}}]}]}',
        "{" + TYPES_KEY + ': [{"name": "default", "fields": [{"name": "d", "type": "datetime",'
        ' "dateFormat": 7, "default": [1]}, {"name": "n", "type": "number",'
        ' "numberOptions": 3}]}]}',
    ],
)
def test_odd_front_matter_configs_never_crash(tmp_path, text):
    root = site(tmp_path / "site", {"frontmatter.json": text, "posts/a.md": post_text()})
    found = read_cms_schema(root / "posts")
    assert found is not None and found.cms == FRONT_MATTER
    assert found.schema is not None or found.notes
    ContentFolder(root / "posts").scan()


def test_broken_front_matter_json_is_a_note_with_its_line(tmp_path):
    text = FRONT_MATTER_CONFIG.replace('"type": "tags"}', '"type": "tags"')
    root = front_matter_site(tmp_path, text)
    found = read_cms_schema(root / "content" / "posts")
    assert found.schema is None
    assert (found.problem.path, found.problem.line) == (root / "frontmatter.json", 24)
    assert found.notes[0].startswith(f"{root / 'frontmatter.json'}:24:")


def test_decap_is_tried_first_and_front_matter_after_it(tmp_path):
    root = front_matter_site(tmp_path)
    write(root, "admin/config.yml", BROKEN)
    found = read_cms_schema(root / "content" / "notes")
    assert (found.cms, found.collection) == (FRONT_MATTER, "default")
    assert found.notes[0].startswith(f"{root / 'admin/config.yml'}:8:")
    fixed = BROKEN.replace("string\n", "string}\n").replace("content/posts", "content/notes")
    write(root, "admin/config.yml", fixed)
    found = read_cms_schema(root / "content" / "notes")
    assert (found.cms, found.schema.order, found.notes) == (DECAP, ("title", "date"), ())


# ---- the folder follows it -------------------------------------------------------------------


def test_the_schema_file_wins_over_both_configs(tmp_path):
    root = front_matter_site(tmp_path)
    write(root, "static/admin/config.yml", HUGO_CONFIG)
    posts = root / "content" / "posts"
    write(posts, SCHEMA_FILE, "fields:\n  - {name: title, required: true}\n  - {name: mood}\n")
    source = schema_source(posts, [])
    assert (source.origin, source.path, source.notes) == ("file", posts / SCHEMA_FILE, ())
    assert source.schema == load_schema_file(posts / SCHEMA_FILE)
    (posts / SCHEMA_FILE).unlink()
    assert schema_source(posts, []).schema == HUGO_SCHEMA  # Decap before Front Matter


def test_the_folder_checks_its_posts_against_the_cms_schema(tmp_path):
    root = site(
        tmp_path / "site",
        {
            "static/admin/config.yml": HUGO_CONFIG,
            "content/posts/ok/index.md": post_text("Ok", extra="tags: [a]\ncategory: News\n"),
            "content/posts/off/index.md": post_text(
                "Offbeat", extra="tags: [a]\ncategory: Gossip\n"
            ),
        },
    )
    folder = ContentFolder(root / "content" / "posts")
    folder.scan()
    assert folder.schema == HUGO_SCHEMA
    assert (folder.schema_source.origin, folder.schema_source.cms.collection) == ("cms", "blog")
    assert folder.naming() == "{slug}/index.md"
    assert folder.entry(PurePath("ok/index.md")).problems == ()
    (problem,) = folder.entry(PurePath("off/index.md")).problems
    assert (problem.field, problem.severity) == ("category", "error")
    assert "Gossip" in problem.message


def test_a_rescan_follows_a_changed_config(tmp_path):
    root = site(
        tmp_path / "site",
        {"static/admin/config.yml": HUGO_CONFIG, "content/posts/a/index.md": post_text("A")},
    )
    folder = ContentFolder(root / "content" / "posts")
    folder.scan()
    assert folder.schema_source.origin == "cms"
    assert [p.field for p in folder.entries[0].problems] == ["tags", "category"]
    write(
        root, "static/admin/config.yml", HUGO_CONFIG.replace("folder: content/posts", "folder: x")
    )
    folder.scan()  # no post changed: only the config did
    assert folder.schema_source.origin == "inferred"
    assert folder.entries[0].problems == ()


@pytest.mark.parametrize(
    ("collection", "problem"),
    [
        ({"path": ".git/hooks/{{slug}}"}, 'the hidden folder or file ".git"'),
        ({"extension": "sh"}, 'gives new posts the extension ".sh"'),
        ({"extension": "json"}, 'the extension ".json"'),
    ],
)
def test_a_decap_name_template_into_git_or_to_no_post_is_a_note(tmp_path, collection, problem):
    """Issue 13, point 15: new posts are then named like the folder's files."""
    folder = decap_site(tmp_path, [{"name": "title"}], **collection)
    (folder / "older.md").write_text("---\ntitle: Older\n---\n")
    found = read_cms_schema(folder)
    assert found.schema.naming is None
    assert any(problem in note for note in found.notes)
    content = ContentFolder(folder)
    content.scan()
    assert content.new_post_path("Pre commit", dt.date(2026, 1, 24)) == folder / "pre-commit.md"
