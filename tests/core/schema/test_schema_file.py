"""The `.post-editor.yaml` file: what it declares, and each mistake reported with its line."""

from __future__ import annotations

import datetime as dt
import itertools
import textwrap

import pytest

from editor.core.errors import PostError
from editor.core.schema.model import Field
from editor.core.schema.schema_file import SCHEMA_FILE, load_schema_file
from editor.core.schema.source import schema_for_folder

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
