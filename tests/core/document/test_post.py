"""Tests for editor/core/document/post.py: the lossless post engine, file by file and edit by edit.

Every assertion about an edit compares the whole file text with one written out by hand, so a
stray change anywhere (a comment, a line break, the BOM, the body) fails the test.
"""

from __future__ import annotations

import datetime as dt
import difflib
import os
import re

import frontmatter
import posts
import pytest

from editor.core.document.post import Post
from editor.core.document.post_file import decode
from editor.core.errors import PostError
from editor.core.storage.files import ConflictError
from tests.hostile import alias_bomb, bounded

# A field order like the app's default schema, for placing new keys.
ORDER = ("title", "date", "excerpt", "coverImage", "author", "tags", "category", "draft", "source")


def lf(text: str) -> str:
    """`text` with every line break spelled `\\n`."""
    return re.sub(r"\r\n|\r", "\n", text)


def head(post: Post) -> str:
    """Everything before the body: BOM, delimiters and front matter, as in the file."""
    return post.text[: len(post.text) - len(post.body)]


# --- 1. an unchanged post gives back its bytes ---------------------------------------------


@pytest.mark.parametrize("name", sorted(posts.GOLDEN))
def test_an_unchanged_post_gives_back_its_exact_bytes(name):
    text = posts.GOLDEN[name]
    post = Post(text)
    assert post.to_bytes() == text.encode("utf-8")
    assert post.text == text
    assert not post.modified


@pytest.mark.parametrize("name", sorted(posts.GOLDEN))
def test_a_post_read_from_disk_saves_its_exact_bytes(tmp_path, name):
    path = tmp_path / "post.md"
    data = posts.GOLDEN[name].encode("utf-8")
    path.write_bytes(data)
    post = Post.read(path)
    assert post.to_bytes() == data
    assert post.path == path
    post.save(force=True)
    assert path.read_bytes() == data


def test_saving_an_unchanged_post_does_not_write_the_file(tmp_path):
    path = tmp_path / "post.md"
    path.write_bytes(posts.REFERENCE.encode())
    os.utime(path, ns=(1_000_000_000, 1_000_000_000))
    post = Post.read(path)
    assert post.save() is post
    assert path.stat().st_mtime_ns == 1_000_000_000


def test_saving_an_edit_writes_exactly_the_new_text(tmp_path):
    path = tmp_path / "post.md"
    path.write_bytes(posts.CRLF.encode())
    post = Post.read(path).with_value("title", "Saved")
    assert post.modified
    saved = post.save()
    assert path.read_bytes() == posts.CRLF.replace("Written on Windows", "Saved").encode()
    assert not saved.modified
    assert saved.text == post.text


def test_saving_over_a_file_changed_on_disk_is_refused(tmp_path):
    path = tmp_path / "post.md"
    path.write_bytes(posts.ASTRO.encode())
    post = Post.read(path).with_value("title", "Mine")
    path.write_bytes(b"---\ntitle: Theirs\n---\n")
    with pytest.raises(ConflictError):
        post.save()
    assert path.read_bytes() == b"---\ntitle: Theirs\n---\n"


def test_saving_a_post_with_no_file_name_is_refused():
    with pytest.raises(PostError):
        Post(posts.ASTRO).save()


@pytest.mark.parametrize(
    ("name", "kind", "body"),
    [
        ("reference", "yaml", "\nLorem ipsum dolor sit amet.\n\n* one\n* two\n"),
        ("bom", "yaml", "Saved by an editor that writes a BOM.\n"),
        ("empty_front_matter", "yaml", "An empty front matter block.\n"),
        ("no_front_matter", "none", posts.NO_FRONT_MATTER),
        ("front_matter_only", "yaml", ""),
        ("no_final_newline", "yaml", "The last line of this file has no newline."),
        ("dots_closer", "yaml", "A YAML document end marker closes this front matter.\n"),
        ("hugo_toml", "toml", "\nBody of a post whose front matter is TOML.\n"),
        ("crlf", "yaml", "Every line ends with CRLF.\r\n\r\nEven this one.\r\n"),
    ],
)
def test_the_body_is_everything_after_the_closing_line(name, kind, body):
    post = Post(posts.GOLDEN[name])
    assert post.kind == kind
    assert post.body == body


def test_values_are_read_with_their_yaml_types():
    assert dict(Post(posts.HUGO_YAML).values) == {
        "title": "Tuning the build cache",
        "description": "How the cache decides what to rebuild.",
        "date": dt.datetime(2021, 5, 1, 9, 0, tzinfo=dt.UTC),
        "lastmod": dt.datetime(2021, 6, 12, 18, 30, tzinfo=dt.timezone(dt.timedelta(hours=2))),
        "draft": True,
        "tags": ["build", "cache"],
        "categories": [],
        "expiryDate": dt.date(2030, 1, 1),
        "params": {"toc": True, "weight": 20},
        "aliases": ["/old/cache/"],
    }
    assert dict(Post(posts.HUGO_TOML).values)["authors"] == ["Ana", "Bo"]
    assert dict(Post(posts.BOM).values) == {
        "title": "Starts with a byte order mark",
        "date": dt.date(2024, 5, 1),
    }


@pytest.mark.parametrize(
    ("name", "key", "line"),
    [
        ("reference", "title", 2),
        ("reference", "source", 14),
        ("comments", "date", 6),
        ("comments", "category", 12),
        ("bom", "date", 3),
        ("keys_with_spaces", "Module Name", 4),
        ("hugo_toml", "draft", 4),
        ("reference", "missing", None),
    ],
)
def test_line_of_tells_the_file_line_of_a_key(name, key, line):
    assert Post(posts.GOLDEN[name]).line_of(key) == line


# --- 2. one field set: only its lines change ----------------------------------------------

# (fixture, key, new value, the whole expected file)
ONE_FIELD_EDITS = [
    (
        "reference",
        "title",
        "A better title",
        posts.REFERENCE.replace(
            "title: 'Shipping a static blog in an afternoon'", "title: 'A better title'"
        ),
    ),
    (
        "jekyll",
        "title",
        "Spring notes",
        posts.JEKYLL.replace("title: Release notes for the spring edition", "title: Spring notes"),
    ),
    (
        "hugo_yaml",
        "draft",
        False,
        posts.HUGO_YAML.replace("draft: true", "draft: false"),
    ),
    (
        "hugo_yaml",
        "title",
        "Faster builds",
        posts.HUGO_YAML.replace('title: "Tuning the build cache"', 'title: "Faster builds"'),
    ),
    (
        "nextjs",
        "coverImage",
        "/assets/blog/new/cover.jpg",
        posts.NEXTJS.replace(
            "coverImage: '/assets/blog/hello-world/cover.jpg'",
            "coverImage: '/assets/blog/new/cover.jpg'",
        ),
    ),
    (
        "astro",
        "description",
        "A shorter description",
        posts.ASTRO.replace(
            "description: 'Lorem ipsum dolor sit amet'", "description: 'A shorter description'"
        ),
    ),
    (
        "comments",
        "date",
        "2023-03-01",
        posts.COMMENTS.replace(
            "date: '2023-02-10'   # the day it went live",
            "date: '2023-03-01'   # the day it went live",
        ),
    ),
    (
        "comments",
        "category",
        "Notes",
        posts.COMMENTS.replace("category: Guides", "category: Notes"),
    ),
    (
        "crlf",
        "title",
        "Still on Windows",
        posts.CRLF.replace("title: 'Written on Windows'\r\n", "title: 'Still on Windows'\r\n"),
    ),
    (
        "mixed_eol",
        "title",
        "Still mixed",
        posts.MIXED_EOL.replace("title: 'Mixed line endings'\n", "title: 'Still mixed'\n"),
    ),
    (
        "mixed_eol",
        "date",
        "2022-03-03",
        posts.MIXED_EOL.replace("date: '2022-02-22'\r\n", "date: '2022-03-03'\r\n"),
    ),
    (
        "bom",
        "title",
        "Still a BOM",
        "\ufeff---\ntitle: 'Still a BOM'\ndate: 2024-05-01\n---\n"
        "Saved by an editor that writes a BOM.\n",
    ),
    (
        "no_final_newline",
        "title",
        "Still no newline",
        "---\ntitle: 'Still no newline'\ndate: '2024-01-05'\n---\n"
        "The last line of this file has no newline.",
    ),
    (
        "front_matter_only",
        "title",
        "Still only front matter",
        "---\ntitle: 'Still only front matter'\n---",
    ),
    (
        "empty_front_matter",
        "title",
        "Now titled",
        "---\ntitle: Now titled\n---\nAn empty front matter block.\n",
    ),
    (
        "block_scalars",
        "date",
        "2024-08-01",
        posts.BLOCK_SCALARS.replace("date: '2024-07-01'", "date: '2024-08-01'"),
    ),
    (
        "keys_with_spaces",
        "Module Name",
        "Example.Other",
        posts.KEYS_WITH_SPACES.replace(
            "Module Name: Example.Utility", "Module Name: Example.Other"
        ),
    ),
    (
        "keys_with_spaces",
        "ms.date",
        dt.date(2026, 2, 3),
        posts.KEYS_WITH_SPACES.replace("ms.date: 01/18/2026", "ms.date: 02/03/2026"),
    ),
    (
        "yaml11_traps",
        "draft",
        True,
        posts.YAML11_TRAPS.replace("draft: no", "draft: true"),
    ),
    (
        "yaml11_traps",
        "time",
        "13:45",
        posts.YAML11_TRAPS.replace("time: 12:30", "time: '13:45'"),
    ),
    (
        "yaml11_traps",
        "version",
        "1.20",
        posts.YAML11_TRAPS.replace("version: 1.10", "version: '1.20'"),
    ),
    (
        "unicode",
        "author",
        "Мария",
        posts.UNICODE.replace("author: 'Юлия'", "author: 'Мария'"),
    ),
    (
        "unicode",
        "emoji",
        "🎉 party",
        posts.UNICODE.replace("emoji: 🚀 launch", "emoji: 🎉 party"),
    ),
    (
        "tabs_body",
        "title",
        "Still tabs",
        posts.TABS_BODY.replace("title: 'Tabs in the body'", "title: 'Still tabs'"),
    ),
    (
        "dots_closer",
        "title",
        "Still dots",
        "---\ntitle: 'Still dots'\n...\nA YAML document end marker closes this front matter.\n",
    ),
]


@pytest.mark.parametrize(
    ("name", "key", "value", "expected"),
    ONE_FIELD_EDITS,
    ids=[f"{name}-{key}" for name, key, *_ in ONE_FIELD_EDITS],
)
def test_setting_one_field_changes_only_its_lines(name, key, value, expected):
    original = posts.GOLDEN[name]
    assert expected != original  # the expectation really spells out a change
    post = Post(original).with_value(key, value)
    assert post.text == expected
    assert post.modified


def test_the_edit_of_a_duplicated_file_changes_only_the_other_key():
    post = Post(posts.DUPLICATE_KEYS).with_value("date", "2022-10-10")
    assert post.text == posts.DUPLICATE_KEYS.replace("'2022-09-09'", "'2022-10-10'")


EDITABLE_FIELDS = [
    pytest.param(name, key, id=f"{name}-{key}")
    for name, text in sorted(posts.EDITABLE.items())
    for key in Post(text).values
]


@pytest.mark.parametrize(("name", "key"), EDITABLE_FIELDS)
def test_setting_a_field_to_its_current_value_changes_nothing(name, key):
    text = posts.EDITABLE[name]
    post = Post(text)
    same = post.with_value(key, post.values[key])
    assert same.text == text
    assert not same.modified


# (fixture, key, a passing value): set it, then set the old value back.
SET_AND_BACK = [
    ("reference", "title", "Elsewhere"),
    ("reference", "date", "2020-01-01"),
    ("reference", "author", "Bo"),
    ("reference", "tags", ["python", "static-sites", "more"]),
    ("reference", "tags", ["static-sites"]),
    ("reference", "category", "Other"),
    ("jekyll", "author", "someone else"),
    ("jekyll", "categories", ["release"]),
    ("jekyll", "layout", "page"),
    ("hugo_yaml", "title", "Elsewhere"),
    ("hugo_yaml", "date", dt.datetime(2022, 1, 1, 12, 0, tzinfo=dt.UTC)),
    ("hugo_yaml", "lastmod", dt.datetime(2022, 1, 1, 12, 0, tzinfo=dt.UTC)),
    ("hugo_yaml", "expiryDate", dt.date(2040, 1, 1)),
    ("hugo_yaml", "params", {"toc": False, "weight": 20}),
    ("hugo_yaml", "aliases", ["/a/", "/b/"]),
    ("hugo_yaml", "tags", ["build"]),
    ("nextjs", "author", {"name": "Bo", "picture": "/assets/blog/authors/ada.jpeg"}),
    ("nextjs", "date", "2021-01-01T00:00:00.000Z"),
    ("astro", "pubDate", dt.date(2023, 1, 2)),
    ("comments", "date", "2024-01-01"),
    ("comments", "tags", ["notes", "yaml", "more"]),
    ("comments", "tags", ["notes"]),
    ("comments", "series", ["intro"]),
    ("crlf", "title", "Elsewhere"),
    ("crlf", "tags", ["windows", "linux"]),
    ("mixed_eol", "author", "Cy"),
    ("block_scalars", "notes", "Other text.\n"),
    ("block_scalars", "excerpt", "Other\nlines"),
    ("block_scalars", "summary", "Other text.\n\n"),
    ("keys_with_spaces", "ms.date", "02/02/2026"),
    ("lists_at_the_margin", "tags", ["one", "three"]),
    ("lists_at_the_margin", "authors", ["four-space", "more"]),
    ("unicode", "tags", ["日本語"]),
]


@pytest.mark.parametrize(
    ("name", "key", "value"),
    SET_AND_BACK,
    ids=[f"{name}-{key}-{i}" for i, (name, key, _) in enumerate(SET_AND_BACK)],
)
def test_setting_a_field_and_setting_it_back_gives_the_original_text(name, key, value):
    text = posts.EDITABLE[name]
    post = Post(text)
    changed = post.with_value(key, value)
    assert changed.text != text
    assert changed.with_value(key, post.values[key]).text == text


# --- 4. new fields: where they go, and taking them away again ----------------------------


def test_a_new_key_goes_after_the_last_key_the_order_puts_before_it():
    post = Post(posts.REFERENCE).with_value("draft", False, ORDER)
    assert post.text == posts.REFERENCE.replace(
        "category: Guides\n", "category: Guides\ndraft: false\n"
    )


def test_a_new_key_goes_right_after_its_predecessor_even_early_in_the_file():
    post = Post(posts.REFERENCE).with_value("subtitle", "A subtitle", ("title", "subtitle", "date"))
    assert post.text == posts.REFERENCE.replace(
        "date: '2026-01-24'\n", "subtitle: A subtitle\ndate: '2026-01-24'\n"
    )


def test_a_new_key_with_no_predecessor_goes_before_its_first_follower():
    post = Post(posts.REFERENCE).with_value("kicker", "News", ("kicker", "author"))
    assert post.text == posts.REFERENCE.replace(
        "author: Ada Lindqvist\n", "kicker: News\nauthor: Ada Lindqvist\n"
    )


@pytest.mark.parametrize("order", [(), ("unrelated", "other"), ("before", "lonely", "after")])
def test_a_new_key_the_order_cannot_place_goes_at_the_end(order):
    post = Post(posts.REFERENCE).with_value("lonely", 3, order)
    assert post.text == posts.REFERENCE.replace(
        "  https://news.example.com/2026/01/23/shipping-a-static-blog/\n",
        "  https://news.example.com/2026/01/23/shipping-a-static-blog/\nlonely: 3\n",
    )


def test_a_new_key_goes_before_comments_and_blank_lines_that_follow_its_predecessor():
    post = Post(posts.COMMENTS).with_value("subtitle", "Sub", ("title", "subtitle"))
    assert post.text == posts.COMMENTS.replace(
        "title: Comments inside front matter\n",
        "title: Comments inside front matter\nsubtitle: Sub\n",
    )


def test_a_new_key_at_the_end_goes_after_the_last_entry_not_after_the_last_comment():
    post = Post(posts.COMMENTS).with_value("draft", True)
    assert post.text == posts.COMMENTS.replace(
        "category: Guides\n", "category: Guides\ndraft: true\n"
    )


def test_a_new_key_in_a_crlf_file_gets_crlf():
    post = Post(posts.CRLF).with_value("author", "Bo", ORDER)
    assert post.text == posts.CRLF.replace("tags:\r\n", "author: Bo\r\ntags:\r\n")


def test_a_new_key_after_a_block_scalar_keeping_its_blank_lines_goes_after_them():
    post = Post(posts.BLOCK_SCALARS).with_value("kicker", "K", ("summary", "kicker"))
    assert post.text == posts.BLOCK_SCALARS.replace(
        "  Keep trailing blank lines.\n\n\n", "  Keep trailing blank lines.\n\n\nkicker: K\n"
    )


def test_a_new_list_and_a_new_mapping_are_written_as_blocks():
    post = (
        Post(posts.ASTRO)
        .with_value("tags", ["astro", "blog"], ("title", "tags"))
        .with_value("author", {"name": "Ada", "url": "https://ada.example.com"})
    )
    assert post.text == (
        "---\n"
        "title: 'Second post'\n"
        "tags:\n"
        "  - astro\n"
        "  - blog\n"
        "description: 'Lorem ipsum dolor sit amet'\n"
        "pubDate: 'Jul 15 2022'\n"
        "heroImage: '../../assets/blog-placeholder-4.jpg'\n"
        "author:\n"
        "  name: Ada\n"
        "  url: https://ada.example.com\n"
        "---\n"
        "\n"
        "Astro keeps its dates in a long human form.\n"
    )


def test_a_new_multi_line_string_is_a_literal_block():
    post = Post(posts.ASTRO).with_value("notes", "First line.\nSecond line.\n")
    assert post.text == posts.ASTRO.replace(
        "heroImage: '../../assets/blog-placeholder-4.jpg'\n",
        "heroImage: '../../assets/blog-placeholder-4.jpg'\n"
        "notes: |\n"
        "  First line.\n"
        "  Second line.\n",
    )


def test_a_post_without_front_matter_gets_a_block_and_loses_it_again():
    post = Post(posts.NO_FRONT_MATTER)
    titled = post.with_value("title", "Just Markdown")
    assert titled.text == "---\ntitle: Just Markdown\n---\n" + posts.NO_FRONT_MATTER
    assert titled.kind == "yaml"
    assert titled.body == posts.NO_FRONT_MATTER
    assert titled.without("title").text == posts.NO_FRONT_MATTER


def test_a_crlf_post_with_a_bom_and_no_front_matter_gets_a_crlf_block_after_the_bom():
    text = "\ufeff# Notes\r\n\r\nWritten on Windows.\r\n"
    titled = Post(text).with_value("title", "Notes")
    assert (
        titled.text == "\ufeff---\r\ntitle: Notes\r\n---\r\n# Notes\r\n\r\nWritten on Windows.\r\n"
    )
    assert titled.without("title").text == text


def test_an_empty_post_gets_a_front_matter_block():
    titled = Post("").with_value("title", "New")
    assert titled.text == "---\ntitle: New\n---\n"
    assert titled.without("title").text == ""


def test_removing_the_last_field_of_an_existing_block_keeps_the_block():
    assert Post(posts.FRONT_MATTER_ONLY).without("title").text == "---\n---"
    assert Post(posts.ASTRO).without("title").without("description").without("pubDate").without(
        "heroImage"
    ).text == ("---\n---\n\nAstro keeps its dates in a long human form.\n")


@pytest.mark.parametrize(
    ("name", "key", "expected"),
    [
        ("reference", "tags", posts.REFERENCE.replace("tags:\n  - python\n  - static-sites\n", "")),
        (
            "reference",
            "excerpt",
            posts.REFERENCE.replace(
                "excerpt: >-\n  Lorem ipsum dolor sit amet, consectetur adipiscing elit. Praesent\n"
                "  elementum facilisis leo vel fringilla.\n",
                "",
            ),
        ),
        (
            "comments",
            "date",
            posts.COMMENTS.replace("date: '2023-02-10'   # the day it went live\n", ""),
        ),
        (
            "comments",
            "tags",
            posts.COMMENTS.replace("tags:\n  - notes     # first tag\n  - yaml\n", ""),
        ),
        (
            "hugo_yaml",
            "params",
            posts.HUGO_YAML.replace("params:\n  toc: true\n  weight: 20\n", ""),
        ),
        ("crlf", "date", posts.CRLF.replace("date: '2021-08-08'\r\n", "")),
        (
            "block_scalars",
            "summary",
            posts.BLOCK_SCALARS.replace("summary: >+\n  Keep trailing blank lines.\n\n\n", ""),
        ),
        ("reference", "missing", posts.REFERENCE),
    ],
)
def test_removing_a_field_removes_only_its_lines(name, key, expected):
    assert Post(posts.GOLDEN[name]).without(key).text == expected


NEW_VALUES = {
    "str": "Hello, world",
    "quoted_str": "it's: tricky # really",
    "int": 42,
    "float": 2.5,
    "bool": False,
    "none": None,
    "list": ["alpha", "beta gamma", "no"],
    "empty_list": [],
    "dict": {"name": "Ada", "links": ["https://a.example.com"]},
    "date": dt.date(2026, 1, 24),
    "datetime": dt.datetime(2026, 1, 24, 10, 30, tzinfo=dt.UTC),
    "multi_line": "line one\nline two\n",
    "long": " ".join(["word"] * 30),
}


def _as_read_back(value):
    """What a new value reads back as: a new date is written as a quoted ISO string."""
    return value.isoformat() if isinstance(value, dt.date) else value


@pytest.mark.parametrize("kind", sorted(NEW_VALUES))
@pytest.mark.parametrize("name", sorted(posts.EDITABLE))
@pytest.mark.parametrize("key", ["probe", "new key"])
def test_adding_then_removing_a_field_gives_the_original_bytes_back(name, kind, key):
    text = posts.EDITABLE[name]
    value = NEW_VALUES[kind]
    post = Post(text)
    added = post.with_value(key, value)
    assert added.error is None
    assert dict(added.values) == {**post.values, key: _as_read_back(value)}
    assert added.body == post.body
    # the new entry is one inserted run of text: everything else is still there as it was
    same = next(
        (i for i, (a, b) in enumerate(zip(text, added.text, strict=False)) if a != b), len(text)
    )
    assert added.text.endswith(text[same:])
    removed = added.without(key)
    assert removed.text == text
    assert removed.to_bytes() == text.encode()


# --- 5. the body ---------------------------------------------------------------------------


def test_a_new_body_with_lf_breaks_keeps_crlf_in_a_crlf_file():
    post = Post(posts.CRLF)
    edited = post.with_body("Every line ends with CRLF.\n\nA new line.\nEven this one.\n")
    assert edited.text == posts.CRLF.replace(
        "\r\nEven this one.", "\r\nA new line.\r\nEven this one."
    )


def test_a_changed_body_line_in_a_crlf_file_gets_crlf():
    post = Post(posts.CRLF)
    edited = post.with_body("Every line ends with CRLF, still.\n\nEven this one.\n")
    assert edited.text == posts.CRLF.replace("with CRLF.", "with CRLF, still.")


def test_a_new_body_keeps_each_untouched_line_break_of_a_mixed_file():
    post = Post(posts.MIXED_EOL)
    edited = post.with_body("Some lines CRLF,\nsome LF.\n\nThe end, changed.\nAdded.\n")
    assert edited.text == (
        "---\r\n"
        "title: 'Mixed line endings'\n"
        "date: '2022-02-22'\r\n"
        "author: Bo\n"
        "---\n"
        "Some lines CRLF,\r\n"
        "some LF.\n"
        "\r\n"
        "The end, changed.\r\n"
        "Added.\r\n"
    )


def test_a_new_body_in_an_lf_file_is_kept_as_given():
    post = Post(posts.REFERENCE)
    edited = post.with_body("\nNew body.\n")
    assert edited.text == head(post) + "\nNew body.\n"


def test_a_body_without_a_final_line_break_stays_without_one():
    post = Post(posts.NO_FINAL_NEWLINE)
    edited = post.with_body("The last line changed, still no newline.")
    assert edited.text == (
        "---\ntitle: 'No newline at the end'\ndate: '2024-01-05'\n---\n"
        "The last line changed, still no newline."
    )


def test_a_body_added_to_a_post_that_ends_on_its_closing_line_starts_on_a_new_line():
    edited = Post(posts.FRONT_MATTER_ONLY).with_body("Now with a body.\n")
    assert edited.text == "---\ntitle: 'Only front matter'\n---\nNow with a body.\n"
    assert edited.values == {"title": "Only front matter"}


def test_a_body_can_gain_and_lose_its_final_line_break():
    post = Post(posts.CRLF)
    assert post.with_body("One line.").text == head(post) + "One line."
    assert post.with_body("One line.\n").text == head(post) + "One line.\r\n"


def test_tab_only_lines_and_trailing_spaces_in_the_body_survive_a_body_edit():
    post = Post(posts.TABS_BODY)
    new_body = post.body.replace("A paragraph.", "A changed paragraph.")
    edited = post.with_body(new_body)
    assert edited.text == posts.TABS_BODY.replace("A paragraph.", "A changed paragraph.")
    assert "\n\t\n\t\t\n" in edited.body
    assert "trailing spaces.  \n" in edited.body


WITH_A_BODY = sorted(name for name in posts.GOLDEN if name != "unterminated")


@pytest.mark.parametrize("name", WITH_A_BODY)
def test_the_same_body_changes_nothing(name):
    text = posts.GOLDEN[name]
    post = Post(text)
    assert post.with_body(post.body).text == text
    assert post.with_body(lf(post.body)).text == text


@pytest.mark.parametrize("name", WITH_A_BODY)
def test_a_body_edit_never_touches_the_front_matter(name):
    post = Post(posts.GOLDEN[name])
    edited = post.with_body("# Rewritten\n\nEverything new.\n")
    # A closing line that ended the file gains its line break, and nothing else changes.
    assert head(edited) in (head(post), head(post) + post.eol)
    assert lf(edited.body) == "# Rewritten\n\nEverything new.\n"
    assert dict(edited.values) == dict(post.values)


def test_a_body_edit_works_on_broken_front_matter():
    post = Post(posts.BROKEN_YAML)
    edited = post.with_body("Fixed body.\n")
    assert edited.text == posts.BROKEN_YAML.replace(
        "The front matter above does not parse; its text must still open and save untouched.",
        "Fixed body.",
    )
    assert edited.error is not None


def test_a_body_that_looks_like_a_closing_line_stays_body():
    post = Post(posts.ASTRO)
    edited = post.with_body("---\nnot: front matter\n---\n")
    assert edited.body == "---\nnot: front matter\n---\n"
    assert dict(edited.values) == dict(post.values)


def test_with_text_replaces_the_whole_file_as_given():
    post = Post(posts.ASTRO)
    assert post.with_text(posts.ASTRO) is post
    raw = Post(posts.CRLF).with_text("---\ntitle: x\n---\nraw\n")
    assert raw.text == "---\ntitle: x\n---\nraw\n"
    assert raw.values == {"title": "x"}
    assert raw.modified


# --- 6. values read back -------------------------------------------------------------------

STRINGS = [
    "plain words",
    "it's",
    'say "hi"',
    "both ' and \"",
    "''",
    "# not a comment",
    "a # b",
    "a #b",
    "key: value",
    ": x",
    "x:",
    "- dash",
    "-",
    "? question",
    "[bracket",
    "{brace}",
    "a, b",
    "  leading spaces",
    "trailing spaces  ",
    " both ",
    "",
    " ",
    "line one\nline two",
    "ends with a newline\n",
    "two newlines at the end\n\n",
    "\n",
    "\nstarts with a newline",
    "a\n\nb",
    "  indented\nblock",
    "trailing spaces  \nnext line",
    "tab\there",
    "\ttab first",
    "tab last\t",
    "café naïve",
    "日本語のタイトル",
    "emoji 🚀 launch",
    "🎉",
    "bell \x07",
    "escape \x1b[0m",
    "nul \x00 inside",
    "\x85 next line",
    "line\u2028separator",
    "bom \ufeff inside",
    "carriage\rreturn",
    "crlf\r\ninside",
    "no",
    "No",
    "on",
    "off",
    "y",
    "n",
    "yes",
    "true",
    "~",
    "null",
    "12:30",
    "1:20:30",
    "1.10",
    "1_000",
    "0x1F",
    "0o17",
    "1e3",
    ".inf",
    ".nan",
    "2024-01-01",
    "2024-01-01 10:00:00",
    "<<",
    "=",
    "@handle",
    "`backtick`",
    "%percent",
    "!tag",
    "&anchor",
    "*alias",
    "|pipe",
    ">greater",
    "'single'",
    '"double"',
    "...",
    "---",
    "--- not a closer",
    "https://example.com/a?b=c&d=e#frag",
    " ".join(["long"] * 40),
    "a " * 40 + "end",
]

OTHER_VALUES = [
    0,
    1,
    -7,
    10**20,
    1.5,
    -0.25,
    1e20,
    1e-7,
    float("inf"),
    float("-inf"),
    True,
    False,
    None,
    [],
    {},
    ["a", 1, True, None, 2.5],
    ["no", "12:30", "a, b", "[x]", "line\nbreak"],
    [["nested"], []],
    {"a": 1},
    {"name": "Ada", "tags": ["x", "y"], "nested": {"deep": "no", "n": None}},
    [{"name": "a", "url": "/a/"}, {"name": "b"}],
    {"key with spaces": "v", "yes": True},
    {"name": "dots\x85 from cp1252", "alias": "line\u2028separator"},
    [{"name": "a\x85b"}],
    [["a\x85b"], "multi\nline"],
]

# (fixture, key): a single-quoted, plain, folded, literal, double-quoted scalar, a block
# list, a flow list, a nested mapping, a key that is not there yet, and a plain scalar
# followed by a blank line.
TARGETS = [
    ("reference", "title"),
    ("comments", "title"),  # followed by a blank line and a comment
    ("reference", "author"),
    ("reference", "excerpt"),
    ("reference", "tags"),
    ("reference", "probe"),
    ("block_scalars", "notes"),
    ("block_scalars", "summary"),
    ("hugo_yaml", "title"),
    ("jekyll", "categories"),
    ("hugo_yaml", "params"),
]


TARGETS_AND_VALUES = [
    pytest.param(name, key, value, id=f"{name}-{key}-{ascii(value)[:24]}")
    for name, key in TARGETS
    for value in STRINGS + OTHER_VALUES
]


@pytest.mark.parametrize(("name", "key", "value"), TARGETS_AND_VALUES)
def test_a_value_reads_back_as_it_was_set(name, key, value):
    post = Post(posts.EDITABLE[name])
    edited = post.with_value(key, value)
    assert edited.error is None, edited.text
    assert edited.values[key] == value, edited.text
    assert type(edited.values[key]) is type(value)
    others = {k: v for k, v in post.values.items() if k != key}
    assert {k: v for k, v in edited.values.items() if k != key} == others
    assert edited.body == post.body
    assert decode(edited.to_bytes()) == edited.text  # a file we could read again


def test_nan_reads_back_as_nan():
    value = Post(posts.REFERENCE).with_value("score", float("nan")).values["score"]
    assert isinstance(value, float)
    assert value != value


def changed_lines(old: str, new: str) -> tuple[list[str], list[str]]:
    """The lines only `old` has and the lines only `new` has, by difflib."""
    removed, added = [], []
    for line in difflib.ndiff(old.splitlines(), new.splitlines()):
        if line.startswith("- "):
            removed.append(line[2:])
        elif line.startswith("+ "):
            added.append(line[2:])
    return removed, added


# --- 7. refusals -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("edit", "old", "new"),
    [
        (lambda p: p.with_value("title", "New"), ['title = "A TOML front matter post"'],
         ['title = "New"']),
        (lambda p: p.with_value("new", 1), [], ["new = 1"]),
        (lambda p: p.without("draft"), ["draft = false"], []),
    ],
)  # fmt: skip
def test_a_toml_field_edit_changes_only_its_line(edit, old, new):
    post = Post(posts.HUGO_TOML)
    edited = edit(post)
    assert changed_lines(post.text, edited.text) == (old, new)
    assert edited.error is None


def test_a_key_added_to_toml_goes_before_the_first_table():
    edited = Post(posts.HUGO_TOML).with_value("series", ["A"])
    assert edited.text == posts.HUGO_TOML.replace(
        "tags = ['toml', 'hugo']\n", "tags = ['toml', 'hugo']\nseries = [\"A\"]\n"
    )
    assert edited.values["extra"] == Post(posts.HUGO_TOML).values["extra"]


def test_none_removes_a_toml_key_as_toml_has_no_empty_value():
    post = Post(posts.HUGO_TOML)
    assert post.with_value("draft", None).text == post.without("draft").text
    assert "draft" not in post.with_value("draft", None).values


def test_toml_entries_and_key_lines():
    post = Post(posts.HUGO_TOML)
    assert [e.key for e in post.entries] == ["title", "date", "draft", "authors", "tags", "extra"]
    assert post.key_lines["title"] == 2 and post.line_of("extra") == 8
    assert post.front_matter[post.entries[-1].start :].startswith("[extra]\nsummary")


JSON_POST = '{\n  "title": "JSON",\n  "tags": ["a"]\n}\n\nBody.\n'


def test_json_front_matter_is_read_and_its_field_edits_are_refused():
    post = Post(JSON_POST)
    assert post.kind == "json" and post.error is None
    assert dict(post.values) == {"title": "JSON", "tags": ["a"]}
    # python-frontmatter's JSON handler, an independent reader, reads the same values
    assert frontmatter.loads(JSON_POST, handler=frontmatter.JSONHandler()).metadata == post.values
    assert post.body == "\nBody.\n"
    with pytest.raises(PostError, match="JSON"):
        post.with_value("title", "New")
    assert post.with_body("\nOther.\n").text == JSON_POST.replace("Body.", "Other.")


@pytest.mark.parametrize("text", ["{% include x.html %}\nBody\n", "{{< note >}}\n", '{"a": 1} b\n'])
def test_a_body_starting_with_a_brace_has_no_front_matter(text):
    assert Post(text).kind == "none"


def test_a_toml_body_edit_is_allowed():
    post = Post(posts.HUGO_TOML).with_body("\nNew body.\n")
    assert post.text == posts.HUGO_TOML.replace(
        "Body of a post whose front matter is TOML.", "New body."
    )


@pytest.mark.parametrize(
    "edit",
    [lambda p: p.with_value("title", "Fixed"), lambda p: p.with_value("new", 1)],
)
def test_a_field_edit_of_broken_yaml_is_refused_with_the_line(edit):
    post = Post(posts.BROKEN_YAML)
    with pytest.raises(PostError) as caught:
        edit(post)
    assert caught.value.line in (2, 3)
    assert post.text == posts.BROKEN_YAML
    assert post.error is not None and post.error.line in (2, 3)


def test_editing_a_duplicated_key_is_refused_with_both_lines():
    post = Post(posts.DUPLICATE_KEYS)
    assert post.duplicate_keys == {"title": (2, 4)}
    with pytest.raises(PostError) as caught:
        post.with_value("title", "One title")
    assert caught.value.line == 2
    assert "2" in caught.value.message and "4" in caught.value.message
    with pytest.raises(PostError):
        post.without("title")
    assert post.text == posts.DUPLICATE_KEYS


@pytest.mark.parametrize(
    "edit",
    [
        lambda p: p.with_value("title", "Closed"),
        lambda p: p.without("title"),
        lambda p: p.with_body("New body\n"),
    ],
)
def test_edits_of_unterminated_front_matter_are_refused(edit):
    post = Post(posts.UNTERMINATED)
    assert post.error is not None
    assert "closing" in post.error.message
    with pytest.raises(PostError):
        edit(post)
    assert post.text == posts.UNTERMINATED


@pytest.mark.parametrize(
    "text",
    [
        "---\n{title: Flow, date: 2024-01-01}\n---\nbody\n",  # a flow mapping
        "---\n- a list\n- not a mapping\n---\nbody\n",
        "---\njust a string\n---\nbody\n",
        "---\nbase: &b shared\ntitle: *b\n---\nbody\n",  # an alias
        "---\n? [complex, key]\n: value\ntitle: x\n---\nbody\n",
        "---\ntitle: x\n---\n---\nsecond: doc\n---\n",
    ],
)
def test_front_matter_that_cannot_be_edited_losslessly_is_refused_cleanly(text):
    post = Post(text)
    assert post.to_bytes() == text.encode()
    try:
        edited = post.with_value("title", "Changed")
    except PostError:
        assert post.text == text
    else:  # an edit that is allowed must then be right
        assert edited.values["title"] == "Changed"
        assert edited.body == post.body


# --- 8. files that cannot be read --------------------------------------------------------


def test_reading_a_latin_1_file_is_refused_with_the_line(tmp_path):
    path = tmp_path / "latin.md"
    path.write_bytes("---\ntitle: café\n---\nnaïve\n".encode("latin-1"))
    with pytest.raises(PostError) as caught:
        Post.read(path)
    assert caught.value.path == path
    assert caught.value.line == 2
    assert caught.value.column == 11
    assert "UTF-8" in caught.value.message
    assert path.read_bytes() == "---\ntitle: café\n---\nnaïve\n".encode("latin-1")


def test_reading_a_binary_file_is_refused(tmp_path):
    path = tmp_path / "cover.md"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01")
    with pytest.raises(PostError) as caught:
        Post.read(path)
    assert caught.value.path == path
    assert "binary" in caught.value.message


def test_reading_a_missing_file_is_refused(tmp_path):
    path = tmp_path / "gone.md"
    with pytest.raises(PostError) as caught:
        Post.read(path)
    assert caught.value.path == path
    assert caught.value.message


def test_reading_a_folder_is_refused(tmp_path):
    with pytest.raises(PostError) as caught:
        Post.read(tmp_path)
    assert caught.value.path == tmp_path
    assert "folder" in caught.value.message


def test_a_bom_is_read_as_part_of_the_text(tmp_path):
    path = tmp_path / "bom.md"
    path.write_bytes(posts.BOM.encode("utf-8"))
    post = Post.read(path)
    assert post.text.startswith("\ufeff---")
    assert post.values["title"] == "Starts with a byte order mark"


@pytest.mark.parametrize("value", ["\n", "a\n", "a\nb", {"k": 1}])
def test_a_flow_value_with_a_comment_becoming_lines_keeps_the_comment_out_of_the_value(value):
    # Found by hypothesis: `title: [] # note` set to "a\n" gave `|` then `a # note`.
    edited = Post("---\ntitle: [] # note\nx: 1\n---\n").with_value("title", value)
    assert edited.values["title"] == value
    assert edited.text.splitlines()[1].endswith(" # note")


@pytest.mark.parametrize("value", ["word" * 19 + "\n\t", "word " * 30])
def test_a_quoted_value_folded_over_lines_keeps_the_comment_after_its_last_line(value):
    # Found by hypothesis: the comment went up to the first line, inside the quotes.
    edited = Post("---\ndraft: null # note\nx: 1\n---\n").with_value("draft", value)
    assert edited.values["draft"] == value
    assert edited.text.split("\nx: 1")[0].endswith(" # note")


# --- long posts ---------------------------------------------------------------------------


def test_a_one_line_edit_of_a_long_crlf_post_keeps_every_break() -> None:
    # Blank lines repeat thousands of times: the shape that made the line matching quadratic.
    body = "".join(f"Paragraph {n} of a long post.\r\n\r\n" for n in range(60_000))
    post = Post("---\r\ntitle: Long\r\n---\r\n" + body)
    edited = body.replace("\r\n", "\n").replace("Paragraph 30000 ", "Paragraph 30000 (edited) ")
    saved = post.with_body(edited)
    assert saved.body == body.replace("Paragraph 30000 ", "Paragraph 30000 (edited) ")


def test_an_lf_post_takes_the_editor_text_as_it_is() -> None:
    post = Post("---\ntitle: T\n---\nOne.\n\nTwo.\n")
    assert post.with_body("One.\n\nTwo, edited.\nThree.").text == (
        "---\ntitle: T\n---\nOne.\n\nTwo, edited.\nThree."
    )


def test_reading_a_post_a_killed_save_left_torn_gives_the_whole_earlier_version(tmp_path):
    # A save writing in place (a hard-linked post) was killed half-way: the post is torn,
    # its backup and lock file are still there. Reading it puts the backup back first.
    import hashlib

    whole = "---\ntitle: Whole\n---\n\nThe earlier text, all of it.\n"
    new = "---\ntitle: New\n---\n\nThe text being saved.\n"
    path = tmp_path / "post.md"
    path.write_text(new[:20] + whole[20:])
    tag = hashlib.sha256(new.encode()).hexdigest()[:16]
    (tmp_path / f".post.md.{tag}.bak").write_text(whole)
    (tmp_path / ".post.md.lock").write_text("")
    assert Post.read(path).text == whole
    assert sorted(p.name for p in tmp_path.iterdir()) == ["post.md"]


def test_an_alias_bomb_is_a_yaml_error_and_gives_no_values(tmp_path):
    """Issue 13, point 13: refused by `safeyaml.check_aliases` before any value is built."""
    with bounded():
        post = Post(alias_bomb(), tmp_path / "bomb.md")
        assert post.error is not None and "alias bomb" in post.error.message
    assert post.error.line == 5  # file line of `d:`
    assert post.values == {}
