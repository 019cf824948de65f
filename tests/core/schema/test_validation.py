"""validate(post, schema): what is wrong with a post, on which file line, and how bad it is."""

from __future__ import annotations

from pathlib import Path

import pytest

from editor.core.document.post import Post
from editor.core.schema.model import Field, Schema
from editor.core.schema.validation import Problem, validate

PATH = Path("blog/post.md")
DEFAULT = Schema.DEFAULT


def problems(text: str, schema: Schema = DEFAULT) -> list[Problem]:
    return validate(Post(text, PATH), schema)


def where(found: list[Problem]) -> list[tuple[int, str, str]]:
    """(line, field, severity) of each problem: the part a test pins down exactly."""
    return [(p.line, p.field, p.severity) for p in found]


def fm(*lines: str, body: str = "Some text.\n") -> str:
    """A post whose front matter is `lines` (so lines[0] is file line 2)."""
    return "---\n" + "".join(line + "\n" for line in lines) + "---\n" + body


# ---- the baseline and the line format ------------------------------------------------------


def test_a_complete_post_has_no_problems():
    text = fm(
        "title: A post",
        "date: 2026-01-24",
        "excerpt: A short summary.",
        "tags: [ai, health]",
        "category: News",
        "source: https://news.example.com/2026/01/23/story/",
        "draft: false",
    )
    assert problems(text) == []


def test_a_problem_prints_as_path_line_severity_field_message():
    (problem,) = problems(fm("title: A post", "date: 2026-01-24", "tags: ai"))
    assert problem.path == PATH
    assert str(problem) == f"{PATH}:4: error: tags: {problem.message}"
    assert problem.message.strip()


# ---- required fields -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lines", "field"),
    [
        (["date: 2026-01-24", "author: Ann"], "title"),
        (["title: ''", "date: 2026-01-24"], "title"),
        (["title: A post", "author: Ann"], "date"),
        (["title: A post", "date:"], "date"),
    ],
    ids=["no-title", "empty-title", "no-date", "blank-date"],
)
def test_a_missing_required_field_is_an_error(lines, field):
    found = problems(fm(*lines))
    assert [(p.field, p.severity) for p in found] == [(field, "error")]
    assert found[0].line in (1, 2, 3)  # the front matter, not somewhere past it


# ---- wrong types -----------------------------------------------------------------------------

NUMBERED = Schema(
    (
        Field("title", "string", required=True),
        Field("date", "date", required=True),
        Field("readingTime", "number"),
    )
)


@pytest.mark.parametrize(
    ("line", "field", "schema"),
    [
        ("tags: ai", "tags", DEFAULT),
        ("tags: 'ai, health'", "tags", DEFAULT),
        ("draft: 'no'", "draft", DEFAULT),
        ('draft: "false"', "draft", DEFAULT),
        ("draft: 0", "draft", DEFAULT),
        ("readingTime: five minutes", "readingTime", NUMBERED),
        ("readingTime: '5'", "readingTime", NUMBERED),
    ],
)
def test_a_value_of_the_wrong_type_is_an_error_on_its_line(line, field, schema):
    found = problems(fm("title: A post", "date: 2026-01-24", "# a comment", line), schema)
    assert where(found) == [(5, field, "error")]


def test_a_quoted_number_is_told_to_lose_its_quotes():
    (problem,) = problems(fm("title: T", "date: 2026-01-24", "readingTime: '5'"), NUMBERED)
    assert "quote" in problem.message


@pytest.mark.parametrize(
    "value",
    ["someday", "'2026-13-45'", "2026-13-45", "2026-02-30", "24/01/2026x"],
)
def test_an_unparsable_date_is_an_error_on_the_date_line(value):
    found = problems(fm("title: A post", f"date: {value}", "author: Ann"))
    errors = [p for p in found if p.severity == "error"]
    assert len(errors) == 1, found
    assert errors[0].line == 3, f"{errors[0]} should point at the date, file line 3"


@pytest.mark.parametrize(
    "url", ["not a url", "www.example.com/story", "htp:/example.com", "https://exa mple.com/"]
)
def test_a_malformed_source_url_is_an_error(url):
    found = problems(fm("title: A post", "date: 2026-01-24", f"source: '{url}'"))
    assert where(found) == [(4, "source", "error")]


@pytest.mark.parametrize("url", ["https://example.com/a?b=c#d", "http://example.com", "/about/"])
def test_a_good_source_url_passes(url):
    assert problems(fm("title: A post", "date: 2026-01-24", f"source: {url}")) == []


# ---- YAML that does not parse ----------------------------------------------------------------


YAML_ERRORS = [
    (["title: Hello: world", "date: 2026-01-24"], 2, 13),
    (["title: T", "date: 2026-01-24", "author: a: b"], 4, 10),
]


@pytest.mark.parametrize(("lines", "line", "column"), YAML_ERRORS)
def test_a_yaml_syntax_error_is_one_error_on_its_line(lines, line, column):
    assert where(problems(fm(*lines))) == [(line, "front matter", "error")]


@pytest.mark.parametrize(("lines", "line", "column"), YAML_ERRORS)
def test_a_yaml_syntax_error_tells_its_column(lines, line, column):
    (problem,) = problems(fm(*lines))
    # The Problem line format has no column slot: the column must travel as an attribute or in
    # the message, so a writer (and the UI) can find the spot on a long line.
    told = getattr(problem, "column", None) == column or f"column {column}" in problem.message
    assert told, f"no column {column} in {problem!r}"


def test_a_duplicate_key_is_an_error_on_the_line_of_the_second():
    text = fm("title: First", "date: 2026-01-24", "author: Ann", "title: Second")
    assert where(problems(text)) == [(5, "title", "error")]


# ---- warnings --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "lines",
    [["tags: [Ai, ai, health]"], ["tags:", "  - Ai", "  - health", "  - ai"]],
    ids=["flow", "block"],
)
def test_duplicate_tags_differing_in_case_are_a_warning(lines):
    found = problems(fm("title: A post", "date: 2026-01-24", *lines))
    assert where(found) == [(4, "tags", "warning")]


@pytest.mark.parametrize("body", ["", "\n", "\n  \n\t\n"])
def test_an_empty_body_is_a_warning_not_an_error(body):
    found = problems(fm("title: A post", "date: 2026-01-24", body=body))
    assert [(p.field, p.severity) for p in found] == [("body", "warning")]


def test_an_empty_body_warning_points_past_the_front_matter():
    (problem,) = problems(fm("title: A post", "date: 2026-01-24", body="\n"))
    # Line 2 is the title: the warning belongs at the closing `---` (4) or the body (5).
    assert problem.line in (4, 5), problem


@pytest.mark.parametrize(
    ("key", "limit"),
    [("title", 70), ("excerpt", 160), ("description", 160)],
)
def test_text_over_its_length_is_a_warning_and_at_the_limit_is_fine(key, limit):
    other = "title: A post" if key != "title" else "author: Ann"
    at_limit = fm(other, "date: 2026-01-24", f"{key}: {'x' * limit}")
    over = fm(other, "date: 2026-01-24", f"{key}: {'x' * (limit + 1)}")
    assert problems(at_limit) == []
    found = problems(over)
    assert where(found) == [(4, key, "warning")]
    assert str(limit + 1) in found[0].message


def test_a_long_title_alone_gives_no_error():
    found = problems(fm("title: " + "A very long headline " * 5, "date: 2026-01-24"))
    assert found and all(p.severity == "warning" for p in found)


# ---- aliases ---------------------------------------------------------------------------------


@pytest.mark.parametrize("key", ["pubDate", "publishDate", "publishedAt"])
def test_an_alias_of_date_satisfies_the_date_field(key):
    assert problems(fm("title: A post", f"{key}: 2026-01-24")) == []


def test_a_bad_pubdate_is_reported_under_its_own_key():
    found = problems(fm("title: A post", "pubDate: someday"))
    assert where(found) == [(3, "pubDate", "error")]


# ---- lines are file lines, whatever the encoding details ----------------------------------

LINES_POST = fm(
    "title: A post",  # 2
    "# a comment",  # 3
    "",  # 4
    "tags: single",  # 5
    "draft: 'no'",  # 6
    "title: Again",  # 7
)
LINES_EXPECTED = [(5, "tags", "error"), (6, "draft", "error"), (7, "title", "error")]


def variants(text: str) -> dict[str, str]:
    crlf = text.replace("\n", "\r\n")
    return {"lf": text, "crlf": crlf, "bom": "\ufeff" + text, "bom-crlf": "\ufeff" + crlf}


@pytest.mark.parametrize("variant", variants(LINES_POST))
def test_problem_lines_are_the_same_with_a_bom_or_crlf(variant):
    text = variants(LINES_POST)[variant]
    found = [p for p in problems(text) if p.field != "date"]  # the date is missing: any line
    assert where(found) == LINES_EXPECTED


YAML_ERROR_POST = fm("title: T", "date: 2026-01-24", "author: a: b")


@pytest.mark.parametrize("variant", variants(YAML_ERROR_POST))
def test_a_yaml_error_line_is_the_same_with_a_bom_or_crlf(variant):
    text = variants(YAML_ERROR_POST)[variant]
    assert where(problems(text)) == [(4, "front matter", "error")]


def test_a_file_read_from_disk_gives_the_lines_of_the_text(tmp_path):
    path = tmp_path / "post.md"
    path.write_bytes(("\ufeff" + LINES_POST).replace("\n", "\r\n").encode("utf-8"))
    found = [p for p in validate(Post.read(path), DEFAULT) if p.field != "date"]
    assert where(found) == LINES_EXPECTED
    assert {p.path for p in found} == {path}
