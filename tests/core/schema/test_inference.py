"""A schema inferred from a folder's posts over the reference shape."""

from __future__ import annotations

import datetime as dt

import pytest

from editor.core.schema.field_types import TYPES
from editor.core.schema.inference import infer_schema
from editor.core.schema.model import DEFAULT, Field, Schema

UTC = dt.UTC


# ---- inference -----------------------------------------------------------------------------


def hugo_posts(count=20):
    return [
        {
            "title": f"Post {i}",
            "date": dt.datetime(2021, 5, i % 28 + 1, 9, tzinfo=UTC),
            "draft": i % 3 == 0,
            "tags": ["build", "cache"],
            **({"weight": i} if i % 2 else {}),
            **({"toc": True} if i == 0 else {}),
            **({"params": {"toc": True}} if i % 4 == 0 else {}),
        }
        for i in range(count)
    ]


def test_inference_on_a_hugo_folder():
    schema = infer_schema(hugo_posts())
    assert schema.order == ("title", "date", "draft", "tags", "weight")
    assert schema.field("date").type == "datetime"
    assert schema.field("date").required
    assert schema.field("title") == DEFAULT.field("title")
    assert schema.field("weight").type == "number"


def jekyll_posts(count=10):
    return [
        {
            "layout": "post",
            "title": f"Release notes {i}",
            "date": f"2019-03-{i + 1:02d} 10:21:00 +0100",
            "author": "maria",
            "categories": ["release", "news"],
        }
        for i in range(count)
    ]


def test_inference_on_a_jekyll_folder():
    schema = infer_schema(jekyll_posts())
    assert schema.order == ("layout", "title", "date", "author", "categories")
    assert [f.type for f in schema.fields] == ["string", "string", "datetime", "string", "list"]
    assert schema.field("layout").label == "Layout"


def test_default_fields_no_post_uses_go_and_aliases_stand_for_them():
    # Astro's heroImage is the reference shape's coverImage; no post here has a date, so
    # requiring one would flag every post of the folder.
    schema = infer_schema([{"title": "A", "heroImage": "../img/a.jpg"}])
    assert schema.order == ("title", "coverImage")
    assert schema.field("coverImage").type == "image"
    assert schema.keys_in({"heroImage": "x"}) == {"title": "title", "coverImage": "heroImage"}


def test_a_required_field_of_a_custom_base_stays_when_unused():
    base = Schema((Field("title", required=True), Field("date", "date", required=True)))
    assert infer_schema([{"title": "A"}], base).order == ("title", "date")


def test_a_base_field_holding_mappings_is_left_out():
    posts = [{"title": "A", "author": {"name": "Ada", "picture": "/a.jpeg"}}] * 3
    assert "author" not in infer_schema(posts).order


@pytest.mark.parametrize(
    ("values", "kind"),
    [
        ([True, False], "boolean"),
        ([dt.date(2024, 1, 1), "2024-02-02"], "date"),
        (["Jul 15 2022", "2021-05-01T09:00:00Z", "2021-05-02T09:00:00Z"], "datetime"),
        ([["a"], []], "list"),
        ([1, 2.5], "number"),
        (["https://example.com/a", "http://example.com/b"], "url"),
        (["https://example.com/a.jpg", "/img/b.PNG?w=3"], "image"),
        (["short", "a\nlonger one"], "text"),
        (["x" * 121], "text"),
        (["plain words", None], "string"),
        ([None, None], "string"),
        ([1, "two", "three"], "string"),
    ],
)
def test_inferred_types(values, kind):
    schema = infer_schema([{"title": "T", "extra": value} for value in values])
    assert schema.field("extra").type == kind


def test_mappings_and_rare_keys_are_left_out():
    posts = [{"title": str(i), "params": {"a": 1}} for i in range(20)]
    posts[0]["once"] = "only here"  # 1 post in 20: under 10%
    posts[1]["twice"] = posts[2]["twice"] = "here and there"  # 2 in 20: kept
    assert infer_schema(posts).order == ("title", "twice")


def test_an_empty_folder_gets_the_base():
    assert infer_schema([]) is DEFAULT
    custom = Schema((Field("name"),), naming="{slug}/index.md")
    assert infer_schema(iter(()), custom) is custom


def test_inference_keeps_the_base_naming_and_language():
    base = Schema((Field("title", required=True),), naming="{date}-{slug}.md", language="fi")
    schema = infer_schema([{"title": "A", "lang": "fi"}], base)
    assert (schema.naming, schema.language) == ("{date}-{slug}.md", "fi")
    assert schema.order == ("title", "lang")


def test_inference_reads_a_generator_once():
    schema = infer_schema(post for post in hugo_posts(10_000))
    assert schema.order == ("title", "date", "draft", "tags", "weight")


def test_to_text_shows_what_a_date_field_holds():
    kind = TYPES["date"]
    assert kind.to_text("Jul 15 2022") == "2022-07-15"
    assert kind.to_text("not yet") == "not yet"
    assert kind.to_text(20260124) == "20260124"
    assert kind.to_text(dt.datetime(2021, 5, 1, 9, tzinfo=UTC)) == "2021-05-01 09:00:00+00:00"


def test_each_key_of_a_post_belongs_to_one_field_at_most():
    """Issue 13, point 1: the one rule for which key each field shows. An alias never takes
    a key another field is named by, nor one another field already shows."""
    schema = Schema(
        (
            Field("excerpt", "text", aliases=("description", "summary")),
            Field("coverImage", "image", aliases=("image", "heroImage")),
            Field("image", "image"),  # inferred beside coverImage: the folder uses both keys
            Field("lede", "text", aliases=("description", "summary")),
        )
    )
    astro = {"description": "d", "summary": "s", "image": "i.png", "heroImage": "h.png"}
    assert schema.keys_in(astro) == {
        "excerpt": "description",
        "coverImage": "heroImage",  # not `image`: the field of that name shows it
        "image": "image",
        "lede": "summary",  # not `description`: Excerpt shows it
    }
    # A field with nothing to show names the key a value typed into it gets.
    assert schema.keys_in({"summary": "s"}) == {
        "excerpt": "summary",
        "coverImage": "coverImage",
        "image": "image",
        "lede": "lede",
    }
    # The name wins over an alias; the alias is left to another field, or to Other fields.
    assert schema.keys_in({"lede": "l", "description": "d"})["lede"] == "lede"
    assert Schema((Field("excerpt", aliases=("description",)),)).keys_in(
        {"excerpt": "e", "description": "d"}
    ) == {"excerpt": "excerpt"}


def test_the_form_keys_are_the_shown_ones_and_every_field_name():
    schema = Schema((Field("title"), Field("excerpt", "text", aliases=("description",))))
    values = {"title": "T", "description": "d", "series": "s"}
    assert schema.form_keys(values) == {"title", "excerpt", "description"}
    assert schema.form_keys({"excerpt": "e", "description": "d"}) == {"title", "excerpt"}
