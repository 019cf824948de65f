"""The schema as data: field types both ways, the schema file, inference from posts."""

from __future__ import annotations

import datetime as dt
import itertools
import textwrap

import pytest
from hypothesis import given
from hypothesis import strategies as st

from editor.core.errors import PostError
from editor.core.schema.schema import (
    DEFAULT,
    SCHEMA_FILE,
    TYPES,
    Field,
    Schema,
    infer_schema,
    load_schema_file,
    schema_for_folder,
)

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
