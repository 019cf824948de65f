"""Fields and schemas as data: each type both ways, round trips, and checks of values as
YAML loads them."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from editor.core.errors import PostError
from editor.core.schema.field_types import TYPES
from editor.core.schema.model import DEFAULT, Field, Schema

UTC = dt.UTC


# ---- the table of types --------------------------------------------------------------------


def test_the_table_has_every_type():
    expected = [
        "string",
        "text",
        "date",
        "datetime",
        "url",
        "image",
        "list",
        "select",
        "boolean",
        "number",
    ]
    assert sorted(TYPES) == sorted(expected)
    assert all(kind.name == name for name, kind in TYPES.items())


@pytest.mark.parametrize("name", TYPES)
def test_every_example_passes_its_type_and_round_trips(name):
    kind = TYPES[name]
    assert kind.examples
    for example in kind.examples:
        assert kind.check(example) is None, example
        assert kind.parse(kind.to_text(example)) == example, example
    assert kind.parse(kind.placeholder) == kind.examples[0]


@pytest.mark.parametrize("name", TYPES)
def test_nothing_is_fine_for_every_type(name):
    assert TYPES[name].check(None) is None
    assert TYPES[name].to_text(None) == ""


def test_default_schema_order_and_shape():
    assert DEFAULT.order == (
        "title",
        "date",
        "excerpt",
        "coverImage",
        "author",
        "tags",
        "category",
        "source",
        "draft",
    )
    assert Schema.DEFAULT is DEFAULT
    assert [f.name for f in DEFAULT.fields if f.required] == ["title", "date"]
    assert DEFAULT.field("title").max == 70
    assert DEFAULT.field("excerpt").max == 160
    assert DEFAULT.field("draft").default is False
    assert DEFAULT.field("nope") is None


@pytest.mark.parametrize("field", DEFAULT.fields, ids=lambda f: f.name)
def test_every_default_field_passes_its_own_checks(field):
    assert field.type in TYPES
    assert field.label and field.help
    if field.default is not None:
        assert field.check(field.default) is None
    for example in field.kind.examples:
        if example not in (None, "", []) and not (field.max and len(str(example)) > field.max):
            assert field.check(example) is None, example


def test_reference_post_values_pass_the_default_schema():
    reference = {
        "title": "A title that may hold ’curly’ quotes",
        "date": "2026-01-24",
        "excerpt": "A summary folded over several lines.",
        "coverImage": "https://images.example.com/photo-1?w=400&h=200&fit=crop",
        "author": "Some Author",
        "tags": ["Ai"],
        "category": "Healthcare",
        "source": "https://news.example.com/2026/01/23/some-story/",
        "draft": False,
    }
    assert {name: DEFAULT.field(name).check(v) for name, v in reference.items()} == dict.fromkeys(
        reference
    )


@pytest.mark.parametrize(
    ("name", "label"),
    [
        ("coverImage", "Cover image"),
        ("title", "Title"),
        ("sourceURL", "Source URL"),
        ("external help file", "External help file"),
        ("last_mod", "Last mod"),
        ("título", "Título"),
    ],
)
def test_labels_are_humanised_names(name, label):
    assert Field(name).label == label


def test_a_given_label_wins():
    assert Field("coverImage", label="Hero").label == "Hero"


def test_a_field_refuses_an_unknown_type_and_a_bad_pattern():
    with pytest.raises(PostError, match="unknown type ‘strng’"):
        Field("title", "strng")
    with pytest.raises(PostError, match="not a valid pattern"):
        Field("slug", pattern="[a-z")


# ---- round trips ---------------------------------------------------------------------------

PLAIN_TEXT = st.text(st.characters(categories=("L", "N", "P", "S", "Zs")), max_size=30)


@given(PLAIN_TEXT)
def test_string_and_text_round_trip(text):
    for name in ("string", "text", "select"):
        assert TYPES[name].parse(TYPES[name].to_text(text)) == text


@given(
    st.lists(
        PLAIN_TEXT | st.integers() | st.booleans() | st.dates() | st.none(),
        max_size=6,
    )
)
def test_list_round_trip(items):
    kind = TYPES["list"]
    assert kind.check(items) is None
    assert kind.parse(kind.to_text(items)) == items


@given(st.lists(st.from_regex(r"[a-zA-Z0-9][a-zA-Z0-9 -]{0,10}[a-zA-Z0-9]", fullmatch=True)))
def test_simple_lists_are_shown_comma_separated(items):
    assert TYPES["list"].to_text(items) == ", ".join(items)


@given(st.integers() | st.floats(allow_nan=False, allow_infinity=False))
def test_number_round_trip(number):
    kind = TYPES["number"]
    parsed = kind.parse(kind.to_text(number))
    assert parsed == number
    assert type(parsed) is type(number)


@given(st.booleans())
def test_boolean_round_trip(flag):
    assert TYPES["boolean"].parse(TYPES["boolean"].to_text(flag)) is flag


@given(st.dates())
def test_date_round_trip(day):
    assert TYPES["date"].parse(TYPES["date"].to_text(day)) == day


OFFSET = st.integers(-12 * 60, 14 * 60).map(lambda m: dt.timezone(dt.timedelta(minutes=m)))


@given(st.datetimes(timezones=st.none() | OFFSET))
def test_datetime_round_trip(moment):
    for name in ("date", "datetime"):
        parsed = TYPES[name].parse(TYPES[name].to_text(moment))
        assert parsed == moment
        assert parsed.utcoffset() == moment.utcoffset()


@given(st.from_regex(r"https?://[a-z0-9.-]+\.[a-z]{2,6}(/[A-Za-z0-9_~%?&=.-]*)*", fullmatch=True))
def test_url_and_image_round_trip(url):
    for name in ("url", "image"):
        assert TYPES[name].check(url) is None
        assert TYPES[name].parse(TYPES[name].to_text(url)) == url


@pytest.mark.parametrize(
    ("name", "text", "value"),
    [
        ("list", "a, b ,c", ["a", "b", "c"]),
        ("list", "[a, 'b, c']", ["a", "b, c"]),
        ("list", "", []),
        ("boolean", "Yes", True),
        ("boolean", "off", False),
        ("boolean", " ", None),
        ("number", "007", 7),
        ("number", "1.10", 1.1),
        ("datetime", "2026-01-24", dt.datetime(2026, 1, 24)),
        ("date", "2019-03-04 10:21:00 +0100", dt.datetime(2019, 3, 4, 9, 21, tzinfo=UTC)),
        ("date", "", None),
        ("url", " /about/ ", "/about/"),
        ("string", "Hello: world", "Hello: world"),
    ],
)
def test_parse_reads_what_writers_type(name, text, value):
    assert TYPES[name].parse(text) == value


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("list", "[a, [b]]", "inside a list"),
        ("list", "[unclosed", "is not a list"),
        ("list", "[a: b]", "inside a list"),
        ("boolean", "maybe", "‘maybe’ is not true or false"),
        ("number", "twelve", "‘twelve’ is not a number"),
        ("number", "nan", "‘nan’ is not a number"),
        ("date", "32/13/2020", "‘32/13/2020’ is not a date"),
        ("url", "example.com/page", "start it with https:// or /"),
    ],
)
def test_parse_refuses_with_a_message(name, text, message):
    with pytest.raises(PostError) as caught:
        TYPES[name].parse(text)
    assert message in caught.value.message


# ---- check() on values as YAML loads them ---------------------------------------------------


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("string", 1.1, "the number 1.1 is not text (put it in quotes"),
        ("string", False, "the yes/no value false is not text (put it in quotes"),
        ("string", dt.date(2024, 1, 1), "the date 2024-01-01 is not text"),
        ("string", ["a"], "a list is not text"),
        ("text", {"name": "Ada"}, "a group of fields is not text"),
        ("boolean", "no", "‘no’ is text, not true or false"),
        ("boolean", 1, "the number 1 is not true or false"),
        ("number", True, "the yes/no value true is not a number"),
        ("number", "3", "‘3’ is not a number (write it without quotes)"),
        ("number", "three", "‘three’ is not a number"),
        ("list", "Ai", "‘Ai’ is a single value, not a list"),
        ("list", [["a"]], "a list inside a list"),
        ("list", {"a": 1}, "a group of fields is not a list"),
        ("date", "32/13/2020", "‘32/13/2020’ is not a date (write it like 2026-01-24)"),
        ("date", 20260124, "the number 20260124 is not a date"),
        ("datetime", True, "the yes/no value true is not a date"),
        ("url", "news.example.com/story", "is not a web address"),
        ("url", "ftp://example.com/x", "is not a web address"),
        ("url", 3, "the number 3 is not a web address"),
        ("image", "javascript:alert(1)", "is not a picture's web address"),
        ("image", "a\nb.png", "is not a picture's web address"),
        ("select", ["News"], "a list is not a single choice"),
    ],
)
def test_check_names_the_problem(name, value, message):
    assert message in (TYPES[name].check(value) or "")


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("date", "2026-01-24"),
        ("date", "Jul 15 2022"),
        ("date", dt.datetime(2021, 5, 1, 9, tzinfo=UTC)),
        ("datetime", dt.date(2026, 1, 24)),
        ("url", "/2026/01/some-story/"),
        ("image", "../../assets/blog-placeholder-4.jpg"),
        ("image", "/assets/blog/hello-world/cover.jpg"),
        ("image", "cover.png"),
        ("list", ["changelog", 2024, dt.date(2024, 1, 1)]),
        ("number", 1.5),
        ("boolean", False),
    ],
)
def test_check_accepts_what_sites_write(name, value):
    assert TYPES[name].check(value) is None


def test_field_check_applies_the_constraints():
    title = Field("title", required=True, max=5)
    assert title.check("") == "needs a value"
    assert title.check(None) == "needs a value"
    assert title.check("abcdef") == "6 characters long; keep it to 5"
    assert title.check(3) == "the number 3 is not text (put it in quotes to keep it as text)"
    assert Field("excerpt").check(None) is None
    tags = Field("tags", "list", required=True, pattern="[a-z]+", choices=("a", "b"))
    assert tags.check([]) == "needs a value"
    assert tags.check(["a", "B"]) == "‘B’ does not match the pattern [a-z]+"
    assert tags.check(["a", "c"]) == "‘c’ is not one of the choices: a, b"
    assert tags.check(["b", "a"]) is None
    category = Field("category", "select", choices=["Guides", "News"])
    assert category.choices == ("Guides", "News")
    assert "not one of the choices" in category.check("Recipes")


@pytest.mark.parametrize(
    ("default", "help_text", "example"),
    [
        (None, "", ""),
        (None, "Keywords, separated by commas.", ""),
        (None, "Looks like a duck", ""),
        (None, "Where it happened, e.g. Paris.", "Paris"),
        (None, "The publication date, like 2026-01-24.", "2026-01-24"),
        (None, "A title (e.g. “Hello there”) readers see.", "Hello there"),
        (None, "For example: /about/", "/about/"),
        ("post", "e.g. page", "post"),
        (False, "", "false"),
    ],
)
def test_a_fields_example_is_only_one_the_schema_gives(default, help_text, example):
    kind = "boolean" if isinstance(default, bool) else "string"
    assert Field("x", kind, default=default, help=help_text).example == example
