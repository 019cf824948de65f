"""Folder-wide checks: each fires on a folder built to trip it and stays quiet otherwise, on the
bundled sample, and (but for what is really wrong there) on the messy sample site.

Every folder is a real one in tmp_path, most inside a site marked by a `hugo.toml`; the home
folder is pointed just above tmp_path, so no marker higher up can change where the site starts.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import paths
import pytest
from hypothesis import given
from hypothesis import strategies as st
from sitefactory import post_text, site, write

from editor.core.folder.checks.site_checks import (
    _MAYBE_TRAP,
    check_site,
    folder_problems,
    read_yaml11,
    read_yaml12,
    slug_of,
)
from editor.core.folder.content_folder import ContentFolder
from editor.core.schema.validate import Problem

TODAY = dt.date(2026, 6, 1)
SAMPLE = paths.SAMPLE
MESSY = Path("/work/shared/samples/messy-site")


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("HOME", str(tmp_path.parent))
    return tmp_path.parent


def hugo(root: Path, files: dict[str, str | bytes]) -> Path:
    """A Hugo site at `root` whose content folder `content/posts` holds `files`; returns it."""
    write(root, "hugo.toml", "title = 'A site'\n")
    return site(root / "content/posts", files)


def check(folder: Path, today: dt.date = TODAY) -> list[Problem]:
    content = ContentFolder(folder)
    content.scan()
    return check_site(content, today)


def brief(problems: list[Problem], root: Path) -> list[tuple[str, int, str, str]]:
    """(path relative to `root`, line, field, severity) of each problem."""
    return [
        (p.path.relative_to(root).as_posix(), p.line, p.field, p.severity)
        for p in problems
        if p.path
    ]


# ---- duplicate slugs and titles --------------------------------------------------------------


@pytest.mark.parametrize(
    ("first", "second", "extra"),
    [
        ("hello.md", "2024-03-01-hello.md", ""),
        ("hello.md", "hello/index.md", ""),
        ("hello.md", "hello.mdx", ""),
        ("hello.md", "other.md", "slug: hello\n"),
        ("hello.md", "other.md", "slug: /Hello/\n"),
    ],
)
def test_two_posts_with_one_slug_are_errors_naming_each_other(tmp_path, first, second, extra):
    posts = hugo(tmp_path, {first: post_text("One"), second: post_text("Two", extra=extra)})
    problems = check(posts)
    assert brief(problems, posts) == sorted(
        [
            (first, 1, "file", "error"),
            (second, 4 if extra else 1, "slug" if extra else "file", "error"),
        ]
    )
    by_path = {p.path.relative_to(posts).as_posix(): p.message for p in problems}
    assert second in by_path[first] and first in by_path[second]
    assert "‘hello’" in by_path[first].lower()


def test_one_slug_in_two_folders_is_two_addresses(tmp_path):
    posts = hugo(
        tmp_path,
        {"2024/notes.md": post_text("Notes 2024"), "2025/notes.md": post_text("Notes 2025")},
    )
    assert check(posts) == []


def test_every_post_sharing_a_slug_names_the_others(tmp_path):
    names = ["a/x.md", "a/x/index.md", "a/2024-01-01-x.md", "a/2025-01-01-x.md", "a/y.md"]
    files = {name: post_text(f"Post {i}") for i, name in enumerate(names)}
    files["a/y.md"] = post_text("Post y", extra="slug: x\n")
    posts = hugo(tmp_path, files)
    problems = check(posts)
    assert len(problems) == 5 and all(p.severity == "error" for p in problems)
    assert all(" and 1 more" in p.message for p in problems)


@pytest.mark.parametrize(
    ("rel", "slug"),
    [
        ("hello.md", "hello"),
        ("2024-01-31-hello-world.md", "hello-world"),
        ("hello/index.md", "hello"),
        ("section/_index.md", "section"),
        ("index.md", None),
        ("2024-1-31-not-a-date.md", "2024-1-31-not-a-date"),
    ],
)
def test_slug_of_follows_the_naming_conventions(rel, slug):
    assert slug_of(Path(rel), {}) == slug
    assert slug_of(Path(rel), {"slug": "set-here"}) == "set-here"


def test_posts_with_one_title_are_warnings_naming_each_other(tmp_path):
    posts = hugo(
        tmp_path,
        {
            "a.md": post_text("Hello   World"),
            "b.md": post_text("hello world"),
            "c.md": post_text("Hello, World"),
        },
    )
    problems = check(posts)
    assert brief(problems, posts) == [
        ("a.md", 2, "title", "warning"),
        ("b.md", 2, "title", "warning"),
    ]
    assert "b.md" in problems[0].message and "a.md" in problems[1].message


# ---- missing images --------------------------------------------------------------------------


def test_a_missing_cover_image_is_an_error_on_its_key(tmp_path):
    posts = hugo(
        tmp_path,
        {
            "gone.md": post_text("Gone", extra="coverImage: images/nope.png\n"),
            "here.md": post_text("Here", extra="coverImage: images/cover.png\n"),
            "web.md": post_text("Web", extra="heroImage: https://example.com/nope.png\n"),
            "alias.md": post_text("Alias", extra="image: ./missing.jpg\n"),
            "images/cover.png": b"png",
        },
    )
    problems = check(posts)
    assert brief(problems, posts) == [
        ("alias.md", 4, "image", "error"),
        ("gone.md", 4, "coverImage", "error"),
    ]
    assert "‘images/nope.png’" in problems[1].message


def test_every_image_field_of_the_schema_is_checked(tmp_path):
    posts = hugo(
        tmp_path,
        {
            ".post-editor.yaml": "fields:\n  - {name: title}\n  - {name: banner, type: image}\n",
            "a.md": post_text("A", extra="banner: banner.webp\n"),
        },
    )
    assert brief(check(posts), posts) == [("a.md", 4, "banner", "error")]
    write(posts, "banner.webp", b"webp")
    assert check(posts) == []


def test_a_missing_body_image_is_an_error_on_its_line(tmp_path):
    body = (
        "Intro.\n"
        "![there](img/a.png)\n"
        "![gone](img/gone.png)\n"
        '<img alt="x" src="img/also-gone.png">\n'
        "```\n"
        "![in code](img/not-checked.png)\n"
        "```\n"
        "`![in a span](img/not-checked.png)`\n"
        "![web](https://example.com/x.png)\n"
    )
    posts = hugo(tmp_path, {"p.md": post_text("P", body=body), "img/a.png": b"png"})
    problems = check(posts)
    assert brief(problems, posts) == [("p.md", 7, "body", "error"), ("p.md", 8, "body", "error")]
    assert "‘img/gone.png’" in problems[0].message


def test_a_root_relative_image_is_looked_for_in_the_static_folders(tmp_path):
    body = '![a](/img/a.png)\n![b](/img/b.png)\n{{< figure src="/img/c.png" >}}\n'
    posts = hugo(tmp_path, {"p.md": post_text("P", body=body)})
    write(tmp_path, "static/img/a.png", b"png")
    write(tmp_path, "assets/img/c.png", b"png")
    assert brief(check(posts), posts) == [("p.md", 6, "body", "error")]


def test_an_image_outside_the_site_is_an_error_even_when_the_file_exists(tmp_path):
    write(tmp_path, "outside.png", b"png")
    posts = hugo(tmp_path / "site", {"p.md": post_text("P", body="![x](../../../outside.png)\n")})
    problems = check(posts)
    assert brief(problems, posts) == [("p.md", 5, "body", "error")]
    assert "outside the site" in problems[0].message


# ---- links to posts that do not exist --------------------------------------------------------


def test_a_relative_link_to_a_missing_post_is_an_error(tmp_path):
    body = (
        "[there](other.md) [with anchor](other.md#part) [up](../pages/about.md)\n"
        "[gone](gone.md)\n"
        "[page](/about/) [web](https://example.com/x.md) `[code](code.md)`\n"
        "[encoded](my%20post.md)\n"
    )
    posts = hugo(
        tmp_path,
        {"p.md": post_text("P", body=body), "other.md": post_text("O"), "my post.md": post_text()},
    )
    write(tmp_path, "content/pages/about.md", post_text("About"))
    problems = check(posts)
    assert brief(problems, posts) == [("p.md", 6, "body", "error")]
    assert "‘gone.md’" in problems[0].message


def test_a_hugo_ref_to_a_missing_post_is_an_error(tmp_path):
    body = (
        '{{< ref "other" >}} {{< relref "other.md" >}} {{< ref "/posts/other" >}}\n'
        '{{< ref "bundle" >}} {{% ref "posts/bundle/index.md" %}} {{< ref "#anchor" >}}\n'
        '{{< ref "/pages/about" >}} {{< ref path="other.md#part" >}}\n'
        '{{< ref "missing" >}}\n'
        '`{{< ref "in-code" >}}`\n'
    )
    posts = hugo(
        tmp_path,
        {
            "p.md": post_text("P", body=body),
            "other.md": post_text("Other"),
            "bundle/index.md": post_text("Bundle"),
        },
    )
    write(tmp_path, "content/pages/about.md", post_text("About"))
    problems = check(posts)
    assert brief(problems, posts) == [("p.md", 8, "body", "error")]
    assert "‘missing’" in problems[0].message and "Hugo" in problems[0].message


def test_a_jekyll_post_url_or_link_to_nothing_is_an_error(tmp_path):
    write(tmp_path, "_config.yml", "title: A site\n")
    write(tmp_path, "about.md", "---\ntitle: About\n---\n")
    body = (
        "{% post_url 2024-01-01-hello %} {% post_url /2024-01-01-hello %}\n"
        "{% link _posts/2024-01-01-hello.md %} {% link about.md %}\n"
        "{% post_url 2024-01-01-gone %}\n"
        "{% link _posts/gone.md %}\n"
    )
    posts = site(
        tmp_path / "_posts",
        {"2024-01-01-hello.md": post_text("Hello"), "2024-02-01-p.md": post_text("P", body=body)},
    )
    problems = check(posts)
    assert brief(problems, posts) == [
        ("2024-02-01-p.md", 7, "body", "error"),
        ("2024-02-01-p.md", 8, "body", "error"),
    ]
    assert "post_url" in problems[0].message and "link" in problems[1].message


# ---- tags and categories outside the schema's choices ----------------------------------------

CHOICES = """\
fields:
  - {name: title}
  - {name: date, type: date}
  - {name: category, type: select, choices: [Guides, News]}
"""


def test_categories_outside_the_choices_are_warnings(tmp_path):
    posts = hugo(
        tmp_path,
        {
            ".post-editor.yaml": CHOICES,
            "off.md": post_text("Off", extra="categories: [Gossip, News]\n"),
            "case.md": post_text("Case", extra="categories: news\n"),
            "fine.md": post_text("Fine", extra="categories: [Guides, News]\n"),
        },
    )
    problems = check(posts)
    assert brief(problems, posts) == [
        ("case.md", 4, "categories", "warning"),
        ("off.md", 4, "categories", "warning"),
    ]
    assert "did you mean ‘News’" in problems[0].message
    assert "‘Gossip’" in problems[1].message and "Guides, News" in problems[1].message


def test_a_key_validation_checks_is_not_reported_twice(tmp_path):
    posts = hugo(
        tmp_path,
        {".post-editor.yaml": CHOICES, "p.md": post_text("P", extra="category: Gossip\n")},
    )
    folder = ContentFolder(posts)
    folder.scan()
    assert [p.field for p in folder.entries[0].problems] == ["category"]  # validation's
    assert check_site(folder, TODAY) == []


def test_without_choices_any_tag_is_fine(tmp_path):
    posts = hugo(tmp_path, {"p.md": post_text("P", extra="tags: [anything, at all]\n")})
    assert check(posts) == []


# ---- YAML 1.1 traps --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "old", "new"),
    [
        ("no", "the yes/no value false", "the text ‘no’"),
        ("NO", "the yes/no value false", "the text ‘NO’"),
        ("On", "the yes/no value true", "the text ‘On’"),
        ("yEs", "the yes/no value true", "the text ‘yEs’"),
        ("off", "the yes/no value false", "the text ‘off’"),
        ("y", "the yes/no value true", "the text ‘y’"),
        ("12:30", "the number 750", "the text ‘12:30’"),
        ("1:20:00", "the number 4800", "the text ‘1:20:00’"),
        ("16:9", "the number 969", "the text ‘16:9’"),
        ("010", "the number 8", "the number 10"),
        ("0755", "the number 493", "the number 755"),
        ("08540", "the text ‘08540’", "the number 8540"),
        ("0o17", "the text ‘0o17’", "the number 15"),
        ("1e5", "the text ‘1e5’", "the number 100000"),
        ("1,000", "the number 1000", "the text ‘1,000’"),
    ],
)
def test_a_value_read_two_ways_is_a_warning_that_says_how_to_quote_it(tmp_path, value, old, new):
    posts = hugo(tmp_path, {"p.md": post_text("P", extra=f"status: {value}  # a comment\n")})
    problems = check(posts)
    assert brief(problems, posts) == [("p.md", 4, "status", "warning")]
    message = problems[0].message
    assert old in message and new in message, message
    assert "'" + value + "'" in message


@pytest.mark.parametrize(
    "value",
    [
        "'no'",
        '"12:30"',
        "!!str no",
        "false",
        "True",
        "TRUE",
        "null",
        "~",
        "7",
        "007",
        "-3",
        "1.5",
        "1.10",
        "1_000",
        "0x1F",
        "0b101",
        "1.5e+3",
        "2024-04-04",
        "2019-03-04 10:21:00 +0100",
        "2.0.0",
        "hello world",
        "no way",
        "12:30 pm",
        "[a, b]",
        ">-\n  no\n",
    ],
)
def test_a_value_every_reader_takes_alike_is_quiet(tmp_path, value):
    posts = hugo(tmp_path, {"p.md": post_text("P", extra=f"status: {value}\n")})
    assert check(posts) == []


def test_traps_in_lists_are_told_on_their_own_line(tmp_path):
    extra = "tags: [fine, yes]\naliases:\n  - ok\n  - off\nparams:\n  toc: on\n"
    posts = hugo(tmp_path, {"p.md": post_text("P", extra=extra)})
    assert brief(check(posts), posts) == [
        ("p.md", 4, "tags", "warning"),
        ("p.md", 7, "aliases", "warning"),
        ("p.md", 9, "params", "warning"),
    ]


def test_a_yes_no_field_is_told_to_write_true_or_false_first(tmp_path):
    extra = "draft: no\ncountry: NO\nfeatured: yes\n"
    posts = hugo(tmp_path, {"p.md": post_text("P", extra=extra)})
    draft, country, featured = check(posts)
    assert draft.message.endswith("write false for yes/no, or 'no' to keep the text")
    assert country.message.endswith("write 'NO' to keep the text, or false for yes/no")
    assert featured.message.endswith("write 'yes' to keep the text, or true for yes/no")
    schema = "fields:\n  - {name: title}\n  - {name: featured, type: boolean}\n"
    write(posts, ".post-editor.yaml", schema)
    assert check(posts)[2].message.endswith("write true for yes/no, or 'yes' to keep the text")


def test_a_value_validation_already_flags_is_not_told_twice(tmp_path):
    posts = hugo(tmp_path, {"p.md": "---\ntitle: yes\ndate: 2024-01-01\n---\nText.\n"})
    folder = ContentFolder(posts)
    folder.scan()
    assert [p.field for p in folder.entries[0].problems] == ["title"]
    assert check_site(folder, TODAY) == []


def test_toml_front_matter_has_no_yaml_traps(tmp_path):
    text = '+++\ntitle = "T"\ndate = 2024-01-01\nstatus = "no"\n+++\nText.\n'
    posts = hugo(tmp_path, {"p.md": text})
    assert check(posts) == []


@pytest.mark.parametrize(
    ("text", "yaml11", "yaml12"),
    [
        ("Yes", True, "Yes"),
        ("n", False, "n"),
        ("False", False, False),
        ("NULL", None, None),
        ("12:30", 750, "12:30"),
        ("-1:30", -90, "-1:30"),
        ("1:30.5", 90.5, "1:30.5"),
        ("010", 8, 10),
        ("0", 0, 0),
        ("0x1F", 31, 31),
        ("0b11", 3, 3),
        ("0o17", "0o17", 15),
        ("0,5", 5, "0,5"),
        ("1.", 1.0, 1.0),
        (".5", 0.5, 0.5),
        ("1.0e5", "1.0e5", 100000.0),
        ("1.0e+5", 100000.0, 100000.0),
        ("word", "word", "word"),
    ],
)
def test_the_two_yaml_readers(text, yaml11, yaml12):
    assert (read_yaml11(text), read_yaml12(text)) == (yaml11, yaml12)
    assert type(read_yaml11(text)) is type(yaml11) and type(read_yaml12(text)) is type(yaml12)


@pytest.mark.parametrize("text", ["0x_", "0b,", "+.e+5", "0o", "", "-", "."])
def test_shapes_that_are_no_number_stay_text(text):
    assert read_yaml11(text) == text and read_yaml12(text) == text


SCALAR_CHARS = "0123456789_,:.+-eEoxbBXyYnNsSOfFtTrRuUlLaA"
PLACES = ["key: {}\n", "key: {}  # note\r\n", "key:\n  {}\n", "list:\n  - {}\n", "k: [a, {}]\n"]
PLACES += ["k: [{},b]\n", "k: {{a: {}}}\n", "k: &anchor {}\n", "k:\n- {}\n"]


@given(
    text=st.text(SCALAR_CHARS, min_size=1, max_size=7)
    | st.sampled_from(["yes", "No", "OFF", "oN", "Y", "n", "tRUE", "nULL", "FaLsE"]),
    place=st.sampled_from(PLACES),
)
def test_the_quick_search_never_misses_a_value_the_readers_take_apart(text, place):
    old, new = read_yaml11(text), read_yaml12(text)
    if type(old) is type(new) and old == new:
        return
    assert _MAYBE_TRAP.search(place.format(text)), (text, old, new)


# ---- dates -----------------------------------------------------------------------------------


def test_a_published_post_dated_after_today_is_a_warning(tmp_path):
    posts = hugo(
        tmp_path,
        {
            "future.md": post_text("Future", date="2026-06-02"),
            "time.md": post_text("Time", date="2030-01-01T08:00:00Z"),
            "named.md": "---\ntitle: Named\npubDate: Jan 5 2027\n---\nText.\n",
            "2026-12-24-by-name.md": "---\ntitle: By name\n---\nText.\n",
            "today.md": post_text("Today", date="2026-06-01"),
            "past.md": post_text("Past", date="2020-01-01"),
            "draft.md": post_text("Draft", date="2030-01-01", extra="draft: true\n"),
            "unpublished.md": post_text("Unpub", date="2030-01-01", extra="published: false\n"),
        },
    )
    problems = check(posts)
    future = [p for p in problems if "after today" in p.message]
    assert brief(future, posts) == [
        ("2026-12-24-by-name.md", 1, "date", "warning"),
        ("future.md", 3, "date", "warning"),
        ("named.md", 3, "pubDate", "warning"),
        ("time.md", 3, "date", "warning"),
    ]
    assert "2026-06-02" in future[1].message


def test_the_real_today_is_the_default(tmp_path):
    posts = hugo(tmp_path, {"p.md": post_text("P", date="2999-01-01")})
    folder = ContentFolder(posts)
    folder.scan()
    assert len(check_site(folder)) == 1


DATED = """\
fields:
  - {name: title}
  - {name: date, type: date}
  - {name: draft, type: boolean}
"""


def test_a_draft_without_a_date_is_a_warning_where_posts_are_dated(tmp_path):
    posts = hugo(
        tmp_path,
        {
            ".post-editor.yaml": DATED,
            "undated-draft.md": "---\ntitle: Undated\ndraft: true\n---\nText.\n",
            "dated-draft.md": post_text("Dated", extra="draft: true\n"),
            "undated-post.md": "---\ntitle: Published\n---\nText.\n",
            "2026-01-01-named-draft.md": "---\ntitle: Named\ndraft: true\n---\nText.\n",
        },
    )
    problems = check(posts)
    assert brief(problems, posts) == [("undated-draft.md", 1, "date", "warning")]
    assert "draft has no date" in problems[0].message


def test_a_missing_date_validation_reports_is_not_told_twice(tmp_path):
    posts = hugo(
        tmp_path,
        {
            "dated.md": post_text("Dated"),
            "undated-draft.md": "---\ntitle: Undated\ndraft: true\n---\nText.\n",
        },
    )
    folder = ContentFolder(posts)
    folder.scan()
    assert [p.field for e in folder.entries for p in e.problems] == ["date"]  # required
    assert check_site(folder, TODAY) == []


def test_without_a_date_field_an_undated_draft_is_fine(tmp_path):
    posts = hugo(tmp_path, {"p.md": "---\ntitle: Docs page\ndraft: true\n---\nText.\n"})
    assert check(posts) == []


# ---- reading the folder ----------------------------------------------------------------------


def test_unreadable_and_broken_posts_are_left_to_their_own_validation(tmp_path):
    posts = hugo(
        tmp_path,
        {
            "latin1.md": "---\ntitle: café\n---\n![x](gone.png)\n".encode("latin-1"),
            "broken.md": "---\ntitle: [unclosed\nstatus: no\n---\nText.\n",
            "binary.md": b"\x00\x01\x02",
            "fine.md": post_text("Fine"),
        },
    )
    assert check(posts) == []


def test_a_folder_not_scanned_yet_is_scanned_first(tmp_path):
    posts = hugo(tmp_path, {"p.md": post_text("P", body="![x](gone.png)\n")})
    assert len(check_site(ContentFolder(posts), TODAY)) == 1


def test_problems_come_in_file_then_line_order_and_progress_is_told(tmp_path):
    posts = hugo(
        tmp_path,
        {
            "b.md": post_text("B", extra="status: no\n", body="![x](gone.png)\n"),
            "a.md": post_text("A", body="![x](gone.png)\n"),
        },
    )
    told: list[tuple[int, int]] = []
    folder = ContentFolder(posts)
    folder.scan()
    problems = check_site(folder, TODAY, progress=lambda done, total: told.append((done, total)))
    assert [(p.path.name, p.line) for p in problems] == [("a.md", 5), ("b.md", 4), ("b.md", 6)]
    assert told[-1] == (2, 2)


# ---- the samples -----------------------------------------------------------------------------


def test_the_bundled_sample_is_quiet(tmp_path):
    copy = shutil.copytree(SAMPLE, tmp_path / "sample")
    assert check(copy) == []


@pytest.mark.skipif(not MESSY.is_dir(), reason="the shared messy sample site is not here")
def test_on_the_messy_site_only_what_is_really_wrong_fires(tmp_path):
    copy = shutil.copytree(MESSY, tmp_path / "messy")
    posts = copy / "content/posts"
    assert brief(check(posts), posts) == [
        # ../../assets/blog-placeholder-4.jpg: there is no such file, and no site marker
        # says the site reaches above content/posts
        ("astro-style.md", 5, "heroImage", "error"),
        # /assets/blog/hello-world/cover.jpg: not in the folder, which has no static folder
        ("nextjs-style.md", 4, "coverImage", "error"),
        ("yaml11-traps.md", 4, "draft", "warning"),
        ("yaml11-traps.md", 5, "comments", "warning"),
        ("yaml11-traps.md", 6, "country", "warning"),
        ("yaml11-traps.md", 7, "time", "warning"),
    ]


def test_folder_problems_put_the_schema_file_first_then_post_by_post_by_line(tmp_path):
    root = hugo(
        tmp_path / "site",
        {
            ".post-editor.yaml": "fields: [oops\n",
            "a.md": post_text("Same", extra="draft: no\n"),
            "b.md": "---\ndate: 2026-01-02\n---\nNo title.\n",
            "c.md": post_text("Same"),
        },
    )
    folder = ContentFolder(root)
    folder.scan()
    found = [(p.path, p.line, p.field, p.severity) for p in folder_problems(folder, TODAY)]
    assert found == [
        (root / ".post-editor.yaml", 2, ".post-editor.yaml", "error"),  # where YAML gives up
        (root / "a.md", 2, "title", "warning"),
        (root / "a.md", 4, "draft", "warning"),
        (root / "b.md", 2, "title", "error"),
        (root / "c.md", 2, "title", "warning"),
    ]


def test_a_link_to_a_post_address_no_post_has_is_a_warning(tmp_path):
    body = (
        "[ok](/posts/other/) [ok too](/posts/Other) [slug key](/posts/renamed/)\n"
        "[static](/posts/archive/) [file](/posts/feed.xml) [page](/about/) [deep](/posts/a/b/)\n"
        "[gone](/posts/nowhere/)\n"
    )
    posts = hugo(
        tmp_path,
        {
            "p.md": post_text("P", body=body),
            "other.md": post_text("O"),
            "third.md": post_text("T", extra="slug: renamed\n"),
        },
    )
    write(tmp_path, "static/posts/archive/index.html", "<p>Archive</p>")
    problems = check(posts)
    assert brief(problems, posts) == [("p.md", 7, "body", "warning")]
    assert "‘/posts/nowhere/’" in problems[0].message and "‘nowhere’" in problems[0].message


def test_post_addresses_are_not_guessed_in_jekyll_whose_permalinks_are_dated(tmp_path):
    write(tmp_path, "_config.yml", "title: A site\n")
    body = "[gone](/posts/nowhere/)\n"
    posts = site(tmp_path / "_posts", {"2024-01-01-p.md": post_text("P", body=body)})
    assert check(posts) == []


DECAP = """\
collections:
  - name: posts
    folder: content/posts
    fields:
      - {name: title, widget: string}
      - {name: author, widget: object, fields: [{name: name, widget: string}]}
"""


def test_what_a_cms_config_holds_that_the_form_does_not_take_is_a_note_at_its_line(tmp_path):
    posts = hugo(tmp_path, {"p.md": post_text("P")})
    write(tmp_path, "static/admin/config.yml", DECAP)
    folder = ContentFolder(posts)
    folder.scan()
    notes = [p for p in folder_problems(folder, TODAY) if p.severity == "note"]
    assert [(p.path, p.line, p.field) for p in notes] == [
        (tmp_path / "static/admin/config.yml", 6, "CMS config")
    ]
    assert "‘author’" in notes[0].message and "object" in notes[0].message


def test_a_cms_config_that_cannot_be_read_is_a_note_where_yaml_gave_up(tmp_path):
    posts = hugo(tmp_path, {"p.md": post_text("P")})
    write(tmp_path, "static/admin/config.yml", DECAP + "  - [\n")
    folder = ContentFolder(posts)
    folder.scan()
    notes = [p for p in folder_problems(folder, TODAY) if p.severity == "note"]
    assert [(p.path.name, p.line) for p in notes] == [("config.yml", 8)]
    assert "not valid YAML" in notes[0].message
