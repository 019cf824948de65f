"""The `.post-editor.yaml` file: what it declares, and each mistake reported with its line."""

from __future__ import annotations

import datetime as dt
import itertools
import textwrap

import pytest

from editor.core.errors import PostError
from editor.core.schema import SCHEMA_FILE
from editor.core.schema.model import Field, Schema
from editor.core.schema.schema_file import load_schema_file, read_schema_file
from editor.core.schema.source import file_schema, schema_for_folder, schema_for_post, schema_source

UTC = dt.UTC


# ---- the schema file -----------------------------------------------------------------------

GOOD = """\
fields:
  - {name: title, type: string, required: true, max: 70}
  - {name: date, type: date, required: true}
  - {name: excerpt, type: text, max: 160}
  - {name: coverImage, type: image}
  - {name: tags, type: list}
  - {name: category, type: select, choices: [Guides, News]}
  - {name: draft, type: boolean, default: false}
naming: "{slug}.md"
language: en
"""


BOMB_LIST = (
    "[&a [l, l, l, l, l, l, l, l, l]"
    + "".join(
        f", &{name} [{', '.join([f'*{before}'] * 9)}]"
        for before, name in itertools.pairwise("abcde")
    )
    + "]"
)


def write(tmp_path, text):
    path = tmp_path / SCHEMA_FILE
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def test_a_good_file_loads_in_its_order(tmp_path):
    schema = load_schema_file(write(tmp_path, GOOD))
    assert schema.order == ("title", "date", "excerpt", "coverImage", "tags", "category", "draft")
    assert [f.type for f in schema.fields] == [
        "string",
        "date",
        "text",
        "image",
        "list",
        "select",
        "boolean",
    ]
    assert schema.field("title") == Field("title", "string", required=True, max=70)
    assert schema.field("category").choices == ("Guides", "News")
    assert schema.field("draft").default is False
    assert schema.naming == "{slug}.md"
    assert schema.language == "en"


def test_block_style_fields_with_help_pattern_and_label(tmp_path):
    path = write(
        tmp_path,
        """\
        fields:
          - name: slug
            type: string
            pattern: '[a-z0-9-]+'
            help: Lower case, dashes.
            label: Web name
            default: my-post
        """,
    )
    field = load_schema_file(path).field("slug")
    assert (field.pattern, field.help, field.label, field.default) == (
        "[a-z0-9-]+",
        "Lower case, dashes.",
        "Web name",
        "my-post",
    )


def test_a_field_without_type_inherits_it(tmp_path):
    path = write(tmp_path, "fields: [{name: draft}, {name: tags}, {name: mood}]\n")
    schema = load_schema_file(path)
    assert [f.type for f in schema.fields] == ["boolean", "list", "string"]
    assert schema.naming is None and schema.language is None


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        (
            "fields:\n  - {name: title}\n  - {name: x, type: strng}\n",
            3,
            "unknown type ‘strng’; use one of: string,",
        ),
        ("fields:\n  - {name: x, type: [a]}\n", 2, "unknown type a list"),
        ("fields:\n  - {name: 3}\n", 2, "name must be text, not the number 3"),
        ("fields:\n  - {name: title}\n  - {type: string}\n", 3, "has no name"),
        ("fields:\n  - {name: slug, pattern: '[a-z'}\n", 2, "not a valid pattern"),
        ("fields:\n  - name: title\n    colour: red\n", 3, "unknown key ‘colour’"),
        ("- {name: title}\n", 1, "must be a mapping"),
        ("fields:\n  - title\n", 2, "each field must be a mapping"),
        ("fields: {name: title}\n", 1, "must be a list of fields"),
        ("fields: []\n", 1, "must be a list of fields"),
        ("naming: '{slug}.md'\n", 1, "has no ‘fields’ list"),
        ("", 1, "must be a mapping"),
        ("fields:\n  - {name: a}\nfeilds: []\n", 3, "unknown setting ‘feilds’"),
        ("fields:\n  - {name: a}\n  - {name: a}\n", 3, "listed twice"),
        ("fields:\n  - {name: a, name: b}\n", 2, "given twice"),
        ("fields:\n  - {name: a, max: -1}\n", 2, "max must be a whole number"),
        ("fields:\n  - {name: a, required: 'yes'}\n", 2, "required must be true or false"),
        ("fields:\n  - {name: a}\n\n\nnaming: post.md\n", 5, "holding {slug}"),
        ('fields:\n  - {name: a}\nnaming: ".git/hooks/{slug}"\n', 3, "the hidden folder"),
        ('fields:\n  - {name: a}\nnaming: "../{slug}.md"\n', 3, "inside the folder"),
        ('fields:\n  - {name: a}\nnaming: "{slug}.sh"\n', 3, 'the extension ".sh"'),
        ("fields:\n  - {name: d, type: boolean, default: 'no'}\n", 2, "the default ‘no’ is text"),
        (
            "fields:\n  - name: c\n    type: select\n    choices: [A]\n    default: B\n",
            5,
            "the default ‘B’ is not one of the choices",
        ),
        ("fields:\n  - {name: [a\n", 3, "not valid YAML"),
        # Refused before a value is built: 9⁵ items behind five short lists.
        ("fields:\n  - name: x\n    choices: " + BOMB_LIST + "\n", 1, "(an alias bomb)"),
    ],
)
def test_a_bad_file_says_what_and_where(tmp_path, text, line, message):
    path = write(tmp_path, text)
    with pytest.raises(PostError) as caught:
        load_schema_file(path)
    assert message in caught.value.message
    assert caught.value.line == line
    assert caught.value.path == path


def test_a_missing_file_is_a_post_error(tmp_path):
    with pytest.raises(PostError, match="cannot read"):
        load_schema_file(tmp_path / SCHEMA_FILE)


def test_schema_for_folder_prefers_the_file(tmp_path):
    posts = [{"layout": "post", "title": "A"}]
    assert schema_for_folder(tmp_path, posts).order == ("layout", "title")
    write(tmp_path, GOOD)
    assert schema_for_folder(tmp_path, posts).order[:2] == ("title", "date")


# ---- a file that lists collections -----------------------------------------------------------

COLLECTIONS = """\
collections:
  - name: posts
    folder: content/posts
    naming: "{slug}/index.md"
    fields:
      - {name: title, required: true}
      - {name: date, type: date, required: true}
  - folder: ./content/docs/
    fields:
      - {name: title, required: true}
      - {name: weight, type: number}
  - folder: content/docs/api
    fields:
      - {name: symbol, required: true}
"""


def test_a_file_may_list_collections_each_with_its_folder(tmp_path):
    found = read_schema_file(write(tmp_path, COLLECTIONS))
    assert found.schema is None
    posts, docs, api = found.collections
    assert (posts.name, posts.folder) == ("posts", tmp_path / "content/posts")
    assert (posts.schema.order, posts.schema.naming) == (("title", "date"), "{slug}/index.md")
    assert (docs.name, docs.folder, docs.schema.order) == (
        None,
        tmp_path / "content/docs",
        ("title", "weight"),
    )
    assert docs.schema.naming is None
    # The deepest collection holding a folder is its own.
    assert found.collection_for(tmp_path / "content/posts/a-bundle") is posts
    assert found.collection_for(tmp_path / "content/docs/guide") is docs
    assert found.collection_for(tmp_path / "content/docs/api") is api
    assert found.collection_for(tmp_path / "content") is None
    assert found.collection_for(tmp_path / "content/postscript") is None


def test_a_file_of_one_schema_reads_as_before(tmp_path):
    found = read_schema_file(write(tmp_path, GOOD))
    assert found.collections == ()
    assert found.schema == load_schema_file(tmp_path / SCHEMA_FILE)


def test_load_schema_file_says_the_file_lists_collections(tmp_path):
    with pytest.raises(PostError, match="lists collections"):
        load_schema_file(write(tmp_path, COLLECTIONS))


ONE = "  - folder: content/posts\n    fields:\n      - {name: title}\n"


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("collections: []\n", 1, "must be a list of collections"),
        ("collections: {folder: a}\n", 1, "must be a list of collections"),
        ("collections:\n  - content/posts\n", 2, "each collection must be a mapping"),
        ("fields:\n  - {name: a}\ncollections:\n" + ONE, 1, "‘fields’ goes inside each"),
        ("collections:\n" + ONE + "naming: '{slug}.md'\n", 5, "‘naming’ goes inside each"),
        ("collections:\n  - fields:\n      - {name: title}\n", 2, "has no folder"),
        ("collections:\n  - folder: a\n", 2, "this collection has no ‘fields’ list"),
        ("collections:\n  - folder: [a]\n    fields: [{name: t}]\n", 2, "folder must be text"),
        ("collections:\n  - folder: ../a\n    fields: [{name: t}]\n", 2, "inside the site"),
        ("collections:\n  - folder: /srv/a\n    fields: [{name: t}]\n", 2, "inside the site"),
        ("collections:\n  - folder: .git/a\n    fields: [{name: t}]\n", 2, ".git folder"),
        (
            "collections:\n  - folder: a\n    name: 3\n    fields: [{name: t}]\n",
            3,
            "name must be text, not the number 3",
        ),
        (
            "collections:\n" + ONE + "    colour: red\n",
            5,
            "unknown key ‘colour’ in a collection; use name, folder, fields",
        ),
        ("collections:\n" + ONE + ONE, 5, "folder is listed twice"),
        ("collections:\n" + ONE + ONE.replace("posts", "posts/"), 5, "folder is listed twice"),
        (
            "collections:\n  - {name: a, folder: x, fields: [{name: t}]}\n"
            "  - {name: a, folder: y, fields: [{name: t}]}\n",
            3,
            "the collection ‘a’ is listed twice",
        ),
        # A mistake inside a collection keeps its own line.
        ("collections:\n" + ONE + "      - {name: x, type: strng}\n", 5, "unknown type ‘strng’"),
        ("collections:\n" + ONE + "    naming: post.md\n", 5, "holding {slug}"),
        ("collections:\n" + ONE + "    media: {url: /i}\n", 5, "media needs a folder"),
        ("colections:\n" + ONE, 1, "unknown setting ‘colections’"),
    ],
)
def test_a_bad_collection_says_what_and_where(tmp_path, text, line, message):
    path = write(tmp_path, text)
    with pytest.raises(PostError) as caught:
        read_schema_file(path)
    assert message in caught.value.message
    assert caught.value.line == line
    assert caught.value.path == path


def test_a_post_read_alone_follows_the_collection_holding_it(tmp_path):
    write(tmp_path, COLLECTIONS)
    (tmp_path / ".git").mkdir()
    bundle = tmp_path / "content/posts/hello/index.md"
    assert schema_for_post(bundle).order == ("title", "date")
    assert schema_for_post(tmp_path / "content/docs/intro.md").order == ("title", "weight")
    # A post outside every collection follows what it would without the file.
    assert schema_for_post(tmp_path / "content/about.md") == Schema.DEFAULT


def test_a_collection_counts_from_a_folder_opened_inside_the_site(tmp_path):
    path = write(tmp_path, COLLECTIONS)
    posts = tmp_path / "content/posts"
    schema, found = file_schema(posts, top=posts)
    assert (schema.order, found) == (("title", "date"), path)
    assert schema_source(posts, [], top=posts).origin == "file"
    assert file_schema(tmp_path / "content", top=tmp_path / "content") is None
    # A file of one schema above the opened folder is not the opened folder's.
    write(tmp_path, GOOD)
    assert file_schema(posts, top=posts) is None
    assert file_schema(posts, top=tmp_path)[0].order[:2] == ("title", "date")


def test_a_broken_file_above_the_opened_folder_is_reported(tmp_path):
    write(tmp_path, "collections:\n  - folder: content/posts\n")
    posts = tmp_path / "content/posts"
    with pytest.raises(PostError, match="no ‘fields’ list") as caught:
        file_schema(posts, top=posts)
    assert caught.value.line == 2
