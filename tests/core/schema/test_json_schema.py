"""A schema from the JSON Schema `astro sync` writes for a collection: keys, required ones,
types, choices, dates, images and defaults."""

from __future__ import annotations

import json

import pytest

from editor.core.errors import PostError
from editor.core.schema.json_schema import load_json_schema, schema_from_json

DATE = {
    "anyOf": [
        {"type": "string", "format": "date-time"},
        {"type": "string", "format": "date"},
        {"type": "integer", "format": "unix-time"},
    ]
}
SYNCED = {
    "$ref": "#/definitions/blog",
    "definitions": {
        "blog": {
            "type": "object",
            "properties": {
                "title": {"type": "string", "maxLength": 80},
                "pubDate": DATE,
                "heroImage": {"type": "string"},
                "link": {"type": "string", "format": "uri"},
                "kind": {"type": "string", "enum": ["note", "essay"]},
                "tags": {"type": "array", "items": {"type": "string"}, "default": []},
                "draft": {"type": "boolean", "default": False},
                "rating": {"type": "number"},
                "author": {"type": "object", "properties": {"name": {"type": "string"}}},
                "$schema": {"type": "string"},
            },
            "required": ["title", "pubDate", "kind"],
            "additionalProperties": False,
        }
    },
    "$schema": "http://json-schema.org/draft-07/schema#",
}


def test_each_property_becomes_a_field_of_its_kind():
    schema, notes = schema_from_json(SYNCED, frozenset({"heroImage"}))
    kinds = {f.name: (f.type, f.required) for f in schema.fields}
    assert kinds == {
        "title": ("string", True),
        "pubDate": ("date", True),
        "heroImage": ("image", False),
        "link": ("url", False),
        "kind": ("select", True),
        "tags": ("list", False),
        "draft": ("boolean", False),
        "rating": ("number", False),
    }
    assert schema.field("title").max == 80
    assert schema.field("kind").choices == ("note", "essay")
    assert schema.defaults() == {"draft": False}  # an empty list is no value to write
    assert notes == ["the field ‘author’ is not a kind the form edits; it is left as it is"]


def test_without_images_known_an_image_is_a_string():
    schema, _ = schema_from_json(SYNCED)
    assert schema.field("heroImage").type == "string"


def test_a_broken_file_is_an_error_with_its_line(tmp_path):
    path = tmp_path / "blog.schema.json"
    path.write_text('{\n  "a": \n}', encoding="utf-8")
    with pytest.raises(PostError) as error:
        load_json_schema(path)
    assert (error.value.path, error.value.line) == (path, 3)
    path.write_text(json.dumps({"type": "string"}), encoding="utf-8")
    with pytest.raises(PostError, match="no object"):
        load_json_schema(path)
