"""Tests for editor/core/document/yaml_splice.py: edits that keep the style.

They edit through `Post` and compare the whole file with one written out by hand:
the splicer's promise is about the file a writer sees in `git diff`, not about fragments.
"""

from __future__ import annotations

import datetime as dt

import posts
import pytest

from editor.core.document import key_order
from editor.core.document.post import Post

PLUS_ONE = dt.timezone(dt.timedelta(hours=1))


def edited(text: str, key: str, value: object, order: tuple[str, ...] = ()) -> str:
    return Post(text).with_value(key, value, order).text


# --- quoted, plain and block scalars keep their style -------------------------------------


def test_a_single_quoted_value_stays_single_quoted():
    assert edited(posts.REFERENCE, "title", "It's here") == posts.REFERENCE.replace(
        "title: 'Shipping a static blog in an afternoon'", "title: 'It''s here'"
    )


def test_a_double_quoted_value_stays_double_quoted():
    assert edited(posts.HUGO_YAML, "title", 'Say "hi"') == posts.HUGO_YAML.replace(
        'title: "Tuning the build cache"', 'title: "Say \\"hi\\""'
    )


def test_a_plain_value_stays_plain_when_it_reads_the_same_everywhere():
    assert edited(posts.JEKYLL, "author", "Maria Lopez") == posts.JEKYLL.replace(
        "author: maria", "author: Maria Lopez"
    )
    assert edited(posts.UNICODE, "emoji", "✨ sparkles") == posts.UNICODE.replace(
        "emoji: 🚀 launch", "emoji: ✨ sparkles"
    )


TRAPS = ["no", "No", "on", "off", "y", "yes", "true", "~", "null", "12:30", "1.10", "1e3",
         "0x1F", "2024-01-01", ": x", "a: b", "#x", "- x", "[x]", " lead", "trail "]  # fmt: skip


@pytest.mark.parametrize("value", TRAPS)
def test_a_plain_value_that_would_read_differently_gets_quoted(value):
    quoted = "'" + value + "'"
    assert edited(posts.JEKYLL, "author", value) == posts.JEKYLL.replace(
        "author: maria", f"author: {quoted}"
    )


@pytest.mark.parametrize("value", TRAPS)
def test_a_new_value_that_would_read_differently_gets_quoted(value):
    assert edited(posts.ASTRO, "kicker", value) == posts.ASTRO.replace(
        "heroImage: '../../assets/blog-placeholder-4.jpg'\n",
        f"heroImage: '../../assets/blog-placeholder-4.jpg'\nkicker: '{value}'\n",
    )


def test_a_new_string_that_needs_quotes_takes_the_files_quote_character():
    assert edited(posts.HUGO_YAML, "subtitle", "Has: colon") == posts.HUGO_YAML.replace(
        "  - /old/cache/\n", '  - /old/cache/\nsubtitle: "Has: colon"\n'
    )


def test_a_yaml_1_1_boolean_set_to_a_boolean_is_written_true_or_false():
    assert edited(posts.YAML11_TRAPS, "comments", False) == posts.YAML11_TRAPS.replace(
        "comments: on", "comments: false"
    )


def test_a_folded_value_stays_folded_and_is_wrapped_again():
    text = (
        "Lorem ipsum dolor sit amet, consectetur adipiscing elit. Praesent elementum "
        "facilisis leo vel fringilla. Sed ut perspiciatis unde omnis iste natus error sit "
        "voluptatem."
    )
    assert edited(posts.REFERENCE, "excerpt", text) == posts.REFERENCE.replace(
        "  Lorem ipsum dolor sit amet, consectetur adipiscing elit. Praesent\n"
        "  elementum facilisis leo vel fringilla.\n",
        "  Lorem ipsum dolor sit amet, consectetur adipiscing elit. Praesent elementum facilisis\n"
        "  leo vel fringilla. Sed ut perspiciatis unde omnis iste natus error sit voluptatem.\n",
    )


def test_a_folded_url_stays_folded_on_one_line():
    url = "https://images.example.com/photo-7654321?w=800&h=400&fit=crop"
    assert edited(posts.REFERENCE, "coverImage", url) == posts.REFERENCE.replace(
        "photo-1234567?w=400&h=200", "photo-7654321?w=800&h=400"
    )


def test_a_folded_title_stays_folded():
    assert edited(posts.BLOCK_SCALARS, "title", "A shorter title") == posts.BLOCK_SCALARS.replace(
        "title: >-\n  A title folded over\n  two lines\n", "title: >-\n  A shorter title\n"
    )


def test_a_literal_value_stays_literal():
    assert edited(posts.BLOCK_SCALARS, "notes", "one\ntwo\n") == posts.BLOCK_SCALARS.replace(
        "notes: |\n  Trailing newline kept.\n", "notes: |\n  one\n  two\n"
    )


def test_a_strip_chomped_literal_keeps_indentation_inside_the_value():
    value = "One\n  indented\nthree"
    assert edited(posts.BLOCK_SCALARS, "excerpt", value) == posts.BLOCK_SCALARS.replace(
        "excerpt: |-\n  A literal excerpt\n  that keeps its line breaks.\n",
        "excerpt: |-\n  One\n    indented\n  three\n",
    )


def test_a_keep_chomped_value_stays_keep_chomped_with_its_blank_lines():
    assert edited(posts.BLOCK_SCALARS, "summary", "Changed.\n\n") == posts.BLOCK_SCALARS.replace(
        "summary: >+\n  Keep trailing blank lines.\n\n\n", "summary: >+\n  Changed.\n\n"
    )


def test_a_value_ending_in_blank_lines_keeps_the_blank_line_after_its_entry_out():
    text = "---\ntitle: x\n\n# Publishing\nnext: 1\n---\n"
    result = Post(text).with_value("title", "Two blank\n\n")
    assert result.values == {"title": "Two blank\n\n", "next": 1}
    assert result.text.endswith("\n\n# Publishing\nnext: 1\n---\n")


def test_a_clip_chomped_folded_value_stays_clip_chomped():
    assert edited(posts.BLOCK_SCALARS, "intro", "Folded again.\n") == posts.BLOCK_SCALARS.replace(
        "intro: >\n  Folded with clip\n  chomping.\n", "intro: >\n  Folded again.\n"
    )


def test_a_block_scalar_keeps_its_deeper_indentation():
    text = "---\nnotes: |\n    four spaces\n    deep\nnext: 1\n---\n"
    assert edited(text, "notes", "still\ndeep\n") == (
        "---\nnotes: |\n    still\n    deep\nnext: 1\n---\n"
    )


def test_a_comment_after_a_block_scalar_header_stays():
    text = "---\nexcerpt: >- # shown on the index page\n  Old text.\nnext: 1\n---\n"
    assert edited(text, "excerpt", "New text.") == text.replace("Old text.", "New text.")


def test_a_block_scalar_in_a_crlf_file_keeps_crlf():
    assert edited(posts.CRLF, "excerpt", "Folded again.") == posts.CRLF.replace(
        "  Folded on\r\n  Windows.\r\n", "  Folded again.\r\n"
    )


def test_a_plain_value_set_to_a_multi_line_string_becomes_a_literal_block():
    assert edited(posts.JEKYLL, "author", "maria\nand bo") == posts.JEKYLL.replace(
        "author: maria\n", "author: |-\n  maria\n  and bo\n"
    )


def test_a_trailing_comment_stays_after_a_changed_value():
    assert edited(posts.HUGO_YAML, "expiryDate", dt.date(2031, 1, 1)) == posts.HUGO_YAML.replace(
        "expiryDate: 2030-01-01 # keep", "expiryDate: 2031-01-01 # keep"
    )


def test_a_trailing_comment_stays_a_comment_when_the_value_becomes_a_block():
    text = "---\ndescription: Short. # for search engines\nnext: 1\n---\n"
    result = Post(text).with_value("description", "Two\nlines")
    assert result.text == (
        "---\ndescription: |- # for search engines\n  Two\n  lines\nnext: 1\n---\n"
    )
    assert result.values["description"] == "Two\nlines"


def test_an_empty_value_gets_a_value_after_its_colon():
    text = "---\ntitle:\ndate: '2024-01-01'\n---\n"
    assert edited(text, "title", "Filled") == "---\ntitle: Filled\ndate: '2024-01-01'\n---\n"
    assert edited(text, "title", None) == text


# --- dates keep their spelling -------------------------------------------------------------


def test_a_quoted_date_string_set_to_a_date_stays_a_quoted_date_string():
    result = edited(posts.REFERENCE, "date", dt.date(2026, 2, 1))
    assert result == posts.REFERENCE.replace("date: '2026-01-24'", "date: '2026-02-01'")
    assert Post(result).values["date"] == "2026-02-01"


def test_a_quoted_iso_timestamp_keeps_its_fraction_and_zone():
    value = dt.datetime(2020, 3, 17, 6, 0, tzinfo=dt.UTC)
    assert edited(posts.NEXTJS, "date", value) == posts.NEXTJS.replace(
        "date: '2020-03-16T05:35:07.322Z'", "date: '2020-03-17T06:00:00.000Z'"
    )


def test_an_astro_date_keeps_its_month_name_spelling():
    assert edited(posts.ASTRO, "pubDate", dt.date(2022, 8, 1)) == posts.ASTRO.replace(
        "pubDate: 'Jul 15 2022'", "pubDate: 'Aug 01 2022'"
    )


def test_an_unquoted_jekyll_timestamp_stays_unquoted_in_its_format():
    value = dt.datetime(2019, 3, 5, 8, 0, tzinfo=PLUS_ONE)
    assert edited(posts.JEKYLL, "date", value) == posts.JEKYLL.replace(
        "date: 2019-03-04 10:21:00 +0100", "date: 2019-03-05 08:00:00 +0100"
    )


def test_a_jekyll_timestamp_set_and_set_back_gives_the_original_text():
    post = Post(posts.JEKYLL)
    later = post.with_value("date", dt.datetime(2020, 1, 1, 12, 0, tzinfo=PLUS_ONE))
    back = later.with_value("date", dt.datetime(2019, 3, 4, 10, 21, tzinfo=PLUS_ONE))
    assert back.text == posts.JEKYLL


def test_a_native_hugo_date_stays_native_and_reads_back_equal():
    value = dt.datetime(2021, 6, 1, 10, 0, tzinfo=dt.UTC)
    result = edited(posts.HUGO_YAML, "date", value)
    assert result == posts.HUGO_YAML.replace(
        "date: 2021-05-01T09:00:00Z", "date: 2021-06-01T10:00:00Z"
    )
    assert Post(result).values["date"] == value
    lastmod = dt.datetime(2021, 7, 1, 8, 15, tzinfo=dt.timezone(dt.timedelta(hours=2)))
    assert edited(posts.HUGO_YAML, "lastmod", lastmod) == posts.HUGO_YAML.replace(
        "lastmod: 2021-06-12T18:30:00+02:00", "lastmod: 2021-07-01T08:15:00+02:00"
    )


def test_a_us_date_stays_a_us_date():
    assert edited(posts.KEYS_WITH_SPACES, "ms.date", dt.date(2026, 12, 1)) == (
        posts.KEYS_WITH_SPACES.replace("ms.date: 01/18/2026", "ms.date: 12/01/2026")
    )


# --- lists keep their shape ----------------------------------------------------------------


def test_a_block_list_keeps_its_indentation_and_unchanged_items():
    assert edited(posts.REFERENCE, "tags", ["python", "static-sites", "yaml"]) == (
        posts.REFERENCE.replace("  - static-sites\n", "  - static-sites\n  - yaml\n")
    )


def test_a_block_list_at_the_margin_stays_at_the_margin():
    assert edited(posts.LISTS_AT_THE_MARGIN, "tags", ["one", "two", "three", "four"]) == (
        posts.LISTS_AT_THE_MARGIN.replace("- three\n", "- three\n- four\n")
    )


def test_a_four_space_block_list_stays_four_spaces():
    assert edited(posts.LISTS_AT_THE_MARGIN, "authors", ["four-space", "more"]) == (
        posts.LISTS_AT_THE_MARGIN.replace("    - four-space\n", "    - four-space\n    - more\n")
    )


def test_removing_a_list_item_keeps_the_other_items_lines_and_comments():
    assert edited(posts.LISTS_AT_THE_MARGIN, "tags", ["one", "three"]) == (
        posts.LISTS_AT_THE_MARGIN.replace("- two\n", "")
    )
    assert edited(posts.COMMENTS, "tags", ["notes", "markdown", "yaml"]) == (
        posts.COMMENTS.replace("  - yaml\n", "  - markdown\n  - yaml\n")
    )


def test_comments_and_blank_lines_between_kept_list_items_stay():
    text = "---\ntags:\n  - a\n  # why b\n  - b\n\n  - c\nnext: 1\n---\n"
    assert edited(text, "tags", ["a", "b", "c", "d"]) == text.replace("  - c\n", "  - c\n  - d\n")
    assert edited(text, "tags", ["a", "b"]) == text.replace("\n  - c\n", "")


def test_a_new_list_item_that_needs_quotes_gets_them():
    assert edited(posts.REFERENCE, "tags", ["python", "static-sites", "no", "a: b"]) == (
        posts.REFERENCE.replace("  - static-sites\n", "  - static-sites\n  - 'no'\n  - 'a: b'\n")
    )


def test_a_block_list_in_a_crlf_file_keeps_crlf():
    assert edited(posts.CRLF, "tags", ["windows", "linux"]) == posts.CRLF.replace(
        "  - windows\r\n", "  - windows\r\n  - linux\r\n"
    )


def test_a_flow_list_stays_flow():
    assert edited(posts.JEKYLL, "categories", ["release", "news", "notes"]) == (
        posts.JEKYLL.replace("categories: [release, news]", "categories: [release, news, notes]")
    )


def test_a_flow_list_item_that_needs_quotes_gets_them():
    assert edited(posts.JEKYLL, "categories", ["release", "a, b", "no"]) == (
        posts.JEKYLL.replace("categories: [release, news]", "categories: [release, 'a, b', 'no']")
    )


def test_a_flow_list_item_starting_with_a_colon_gets_quotes():
    result = Post(posts.JEKYLL).with_value("categories", ["release", ":)"])
    assert result.text == posts.JEKYLL.replace(
        "categories: [release, news]", "categories: [release, ':)']"
    )
    assert result.error is None


def test_a_double_quoted_flow_list_stays_double_quoted():
    assert edited(posts.HUGO_YAML, "tags", ["build", "cache", "speed"]) == (
        posts.HUGO_YAML.replace('tags: ["build", "cache"]', 'tags: ["build", "cache", "speed"]')
    )


def test_an_empty_flow_list_fills_in_flow():
    assert edited(posts.HUGO_YAML, "categories", ["Guides"]) == posts.HUGO_YAML.replace(
        "categories: []", "categories: [Guides]"
    )


def test_a_flow_list_keeps_its_trailing_comment():
    assert edited(posts.COMMENTS, "series", ["intro"]) == posts.COMMENTS.replace(
        "series: [intro, basics]  #", "series: [intro]  #"
    )


def test_a_block_list_emptied_becomes_an_empty_flow_list():
    assert edited(posts.REFERENCE, "tags", []) == posts.REFERENCE.replace(
        "tags:\n  - python\n  - static-sites\n", "tags: []\n"
    )


def test_a_scalar_set_to_a_list_becomes_a_block_list():
    assert edited(posts.JEKYLL, "author", ["maria", "bo"]) == posts.JEKYLL.replace(
        "author: maria\n", "author:\n  - maria\n  - bo\n"
    )


def test_a_list_set_to_a_scalar_becomes_a_scalar():
    assert edited(posts.REFERENCE, "tags", "python") == posts.REFERENCE.replace(
        "tags:\n  - python\n  - static-sites\n", "tags: python\n"
    )


# --- nested mappings change one sub-key at a time -----------------------------------------


def test_a_nested_map_edit_changes_only_that_sub_keys_line():
    assert edited(posts.HUGO_YAML, "params", {"toc": True, "weight": 30}) == (
        posts.HUGO_YAML.replace("  weight: 20\n", "  weight: 30\n")
    )


def test_a_nested_map_keeps_the_quotes_of_its_other_values():
    value = {"name": "Ada L.", "picture": "/assets/blog/authors/ada.jpeg"}
    assert edited(posts.NEXTJS, "author", value) == posts.NEXTJS.replace(
        "  name: Ada Lindqvist\n", "  name: Ada L.\n"
    )
    value = {"name": "Ada Lindqvist", "picture": "/assets/blog/authors/bo.jpeg"}
    assert edited(posts.NEXTJS, "author", value) == posts.NEXTJS.replace(
        "  picture: '/assets/blog/authors/ada.jpeg'\n",
        "  picture: '/assets/blog/authors/bo.jpeg'\n",
    )


def test_a_new_sub_key_goes_at_the_end_of_its_map():
    value = {"name": "Ada Lindqvist", "picture": "/assets/blog/authors/ada.jpeg", "url": "/ada/"}
    assert edited(posts.NEXTJS, "author", value) == posts.NEXTJS.replace(
        "  picture: '/assets/blog/authors/ada.jpeg'\n",
        "  picture: '/assets/blog/authors/ada.jpeg'\n  url: /ada/\n",
    )


def test_a_new_sub_key_before_a_changed_one_keeps_both():
    value = {"url": "/ada/", "name": "Bo", "picture": "/assets/blog/authors/ada.jpeg"}
    result = Post(posts.NEXTJS).with_value("author", value)
    assert result.text == posts.NEXTJS.replace(
        "  name: Ada Lindqvist\n", "  url: /ada/\n  name: Bo\n"
    )
    assert result.values["author"] == value


def test_a_removed_sub_key_takes_only_its_line():
    assert edited(posts.NEXTJS, "author", {"name": "Ada Lindqvist"}) == posts.NEXTJS.replace(
        "  picture: '/assets/blog/authors/ada.jpeg'\n", ""
    )


def test_a_nested_map_in_a_crlf_file_keeps_crlf():
    text = "---\r\nparams:\r\n  toc: true # keep\r\n  weight: 20\r\n---\r\nbody\r\n"
    assert edited(text, "params", {"toc": False, "weight": 20}) == text.replace(
        "toc: true #", "toc: false #"
    )


def test_a_nested_map_emptied_reads_back_empty():
    result = Post(posts.HUGO_YAML).with_value("params", {})
    assert result.values["params"] == {}
    assert result.text == posts.HUGO_YAML.replace(
        "params:\n  toc: true\n  weight: 20\n", "params: {}\n"
    )


# --- lower-level helpers -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("key", "order", "expected_after"),
    [
        ("draft", ("title", "date", "draft", "tags"), "date"),
        ("first", ("first", "title"), None),
        ("tags", ("title", "tags"), "title"),
        ("nowhere", (), "tags"),
    ],
)
def test_insertion_point_follows_the_order(key, order, expected_after):
    post = Post("---\ntitle: a\ndate: b\ntags: []\n---\n")
    by_key = {e.key: e for e in post.entries}
    at = key_order.insertion_point(post.entries, key, order, len(post.front_matter))
    assert at == (by_key[expected_after].end if expected_after else 0)
