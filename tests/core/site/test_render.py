"""Tests for editor/core/site/render.py: the Markdown configuration, reuse of one instance, the
page."""

from __future__ import annotations

import datetime as dt
from importlib.resources import files

import markdown
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from editor.core.site.render import (
    MAX_RENDER_CHARS,
    Renderer,
    format_date,
    offline_images,
    page,
    size_problem,
    too_large_html,
)
from tests.hostile import huge_body

FOOTNOTED = (
    "# Notes\n\n# Notes\n\nA claim[^1] about HTML.\n\n[^1]: The source.\n*[HTML]: HyperText\n"
)
PLAIN = "# Notes\n\nJust text about HTML.\n"


@pytest.fixture(scope="module")
def renderer() -> Renderer:
    return Renderer()


def test_heading_gets_a_toc_id(renderer: Renderer) -> None:
    assert renderer.render("## Hello, World") == '<h2 id="hello-world">Hello, World</h2>'


def test_duplicate_headings_get_distinct_ids(renderer: Renderer) -> None:
    out = renderer.render("# Intro\n\n# Intro\n")
    assert '<h1 id="intro">' in out
    assert '<h1 id="intro_1">' in out


def test_fenced_code_is_coloured_with_inline_styles(renderer: Renderer) -> None:
    out = renderer.render("```python\ndef f():\n    return 'x'\n```\n")
    assert '<span style="color: #' in out
    # noclasses: no pygments class names that would need a stylesheet Qt never loads
    assert '<span class="' not in out
    assert "line-height" not in out  # Qt would stripe the code block
    assert "def" in out


def test_code_without_a_language_is_not_guessed(renderer: Renderer) -> None:
    out = renderer.render("```\ndef f():\n    return 1\n```\n")
    assert "<pre" in out
    assert '<span style="color' not in out


def test_tables_from_extra(renderer: Renderer) -> None:
    out = renderer.render("| a | b |\n|---|---|\n| 1 | 2 |\n")
    assert "<table>" in out
    assert "<th>a</th>" in out
    assert "<td>2</td>" in out


def test_sane_lists_keep_the_start_number_and_split_list_kinds(renderer: Renderer) -> None:
    assert '<ol start="3">' in renderer.render("3. three\n4. four\n")
    out = renderer.render("1. one\n\n* star\n")
    assert "<ol>" in out
    assert "<ul>" in out


def test_raw_html_passes_through(renderer: Renderer) -> None:
    out = renderer.render('<div class="note">Careful</div>\n\n<script>alert(1)</script>\n')
    assert '<div class="note">Careful</div>' in out
    assert "<script>alert(1)</script>" in out


def test_two_renders_in_a_row_give_the_same_output(renderer: Renderer) -> None:
    first = renderer.render(FOOTNOTED)
    assert first == renderer.render(FOOTNOTED)
    assert 'id="notes_1"' in first
    assert 'id="notes_2"' not in first


def test_reset_keeps_footnotes_abbreviations_and_ids_from_leaking() -> None:
    renderer = Renderer()
    assert 'class="footnote"' in renderer.render(FOOTNOTED)
    assert renderer.render(PLAIN) == Renderer().render(PLAIN)
    assert "<abbr" not in renderer.render(PLAIN)


def test_renderer_builds_markdown_once(monkeypatch: pytest.MonkeyPatch) -> None:
    renderer = Renderer()

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("a Markdown instance was built per render")

    monkeypatch.setattr(markdown.Markdown, "__init__", refuse)
    assert renderer.render("*a*") == "<p><em>a</em></p>"
    assert renderer.render("*b*") == "<p><em>b</em></p>"


def test_text_markdown_cannot_render_is_shown_escaped_and_the_next_render_is_clean() -> None:
    renderer = Renderer()
    # Python-Markdown recurses once per level of emphasis (3.11.4 caps nested lists instead)
    nested = "*" * 3000 + "<deep>" + "*" * 3000
    out = renderer.render(nested)
    assert 'class="render-error"' in out
    assert "&lt;deep&gt;" in out
    assert renderer.render(FOOTNOTED) == Renderer().render(FOOTNOTED)


MARKDOWNISH = st.text(alphabet=st.sampled_from(list("#*_-`>[]()!|:^~=+1. \n\t<>&\\\"'aZé\x00")))


@settings(deadline=None)
@given(st.one_of(st.text(), MARKDOWNISH))
def test_render_never_raises(renderer: Renderer, body: str) -> None:
    assert isinstance(renderer.render(body), str)


def test_page_escapes_every_meta_value() -> None:
    meta = {
        "title": "<script>alert('t')</script>",
        "date": "<b>soon</b>",
        "author": "A & B",
        "excerpt": "<i>x</i>",
        "coverImage": 'x.png" onerror="alert(1)',
    }
    out = page("<p>body</p>", meta, base_css="")
    assert "<script>" not in out
    assert "&lt;script&gt;alert(&#x27;t&#x27;)&lt;/script&gt;" in out
    assert "&lt;b&gt;soon&lt;/b&gt;" in out
    assert "A &amp; B" in out
    assert "&lt;i&gt;x&lt;/i&gt;" in out
    assert 'src="x.png&quot; onerror=&quot;alert(1)"' in out
    assert "<p>body</p>" in out  # the body is already HTML


def test_page_shows_the_header_in_reading_order() -> None:
    meta = {
        "title": "Hello",
        "date": dt.date(2024, 3, 5),
        "author": {"name": "Ada Lovelace", "picture": "/ada.png"},
        "heroImage": "/cover.jpg",
        "description": "What this is about.",
    }
    out = page("<p>BODY</p>", meta, base_css="")
    marks = [
        '<h1 class="title">Hello</h1>',
        "5 March 2024 · Ada Lovelace",
        '<img src="/cover.jpg"',
        "What this is about.",
        "<p>BODY</p>",
    ]
    positions = [out.index(mark) for mark in marks]
    assert positions == sorted(positions)
    assert "picture" not in out
    assert "<title>Hello</title>" in out


@pytest.mark.parametrize("key", ["coverImage", "cover", "image", "heroImage"])
def test_page_takes_the_cover_from_any_usual_key(key: str) -> None:
    assert '<img src="/c.png"' in page("", {key: "/c.png"}, base_css="")


def test_page_without_meta_has_no_empty_header_parts() -> None:
    out = page("<p>x</p>", {}, base_css="")
    assert "<h1" not in out
    assert "byline" not in out
    assert "<img" not in out


def test_page_uses_the_packaged_stylesheet_unless_given_one() -> None:
    css = (files("editor") / "resources" / "preview.css").read_text(encoding="utf-8")
    assert "max-width" in css
    assert css in page("", {})
    custom = page("", {}, base_css="body { color: red; }")
    assert "body { color: red; }" in custom
    assert css not in custom


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (dt.date(2024, 3, 5), "5 March 2024"),
        (dt.datetime(2024, 12, 25, 9, 30), "25 December 2024, 09:30"),
        (dt.datetime(2024, 12, 25), "25 December 2024"),
        ("2024-03-05", "5 March 2024"),
        ("2024-03-05T18:45:00Z", "5 March 2024, 18:45"),
        ("next spring", "next spring"),
        (2024, "2024"),
    ],
)
def test_format_date(value: object, shown: str) -> None:
    assert format_date(value) == shown


def test_offline_images_hide_remote_pictures_and_only_those() -> None:
    remote = '<p><img alt="A &amp; B" src="https://example.com/a.png"></p>'
    assert offline_images(remote) == (
        '<p><span class="remote-image" title="https://example.com/a.png">[image: A &amp; B]'
        "</span></p>"
    )
    # A lazy-loading data-src is not the picture's address: the local src is shown.
    local = '<img src="/images/a.png" alt="a" data-src="https://cdn.example.com/a.png">'
    assert offline_images(local) == local


def test_a_body_past_the_limit_is_not_rendered_but_said_to_be_too_large(
    renderer: Renderer,
) -> None:
    """Issue 13, point 16: a 200 MB body ran for minutes; past MAX_RENDER_CHARS the HTML says
    so at once."""
    body = huge_body()
    assert len(body) > MAX_RENDER_CHARS
    html = renderer.render(body)
    assert html == too_large_html(len(body))
    assert f"({len(body):,} characters; the preview stops at 1,000,000)" in html
    assert size_problem(len(body)) is not None
    assert size_problem(MAX_RENDER_CHARS) is None
    assert "<p>The <em>river</em>" in renderer.render(body[:2000])  # what the body is


def _titles(out: str) -> int:
    """How many times the page shows a heading saying "Hello World"."""
    return out.count('<h1 class="title">') + out.count("Hello <em>World</em></h1>")


@pytest.mark.parametrize(
    "title",
    ["Hello World", "hello world", "  Hello   *World* ", "**Hello** _world_", "HELLO WORLD"],
)
def test_a_body_opening_with_the_title_shows_it_once(renderer: Renderer, title: str) -> None:
    body = renderer.render("# Hello *World*\n\nText.\n")
    out = page(body, {"title": title, "date": "2024-03-05"}, base_css="")
    assert _titles(out) == 1
    assert '<h1 class="title">' not in out
    assert "5 March 2024" in out  # the rest of the header stays
    assert f"<title>{title.strip()}</title>" in out  # the document keeps its title


@pytest.mark.parametrize("body", ["## Hello World\n\nText.\n", "Hello World\n===========\n"])
def test_any_heading_level_or_style_opening_the_body_counts(renderer: Renderer, body: str) -> None:
    out = page(renderer.render(body), {"title": "Hello World"}, base_css="")
    assert '<h1 class="title">' not in out
    assert out.count("Hello World</h") == 1


@pytest.mark.parametrize(
    "body",
    [
        "# Introduction\n\nText.\n",  # another first heading
        "Text first.\n\n# Hello World\n",  # the title's words, but not first
        "# Hello World, again\n",
    ],
)
def test_a_body_not_opening_with_the_title_keeps_the_title(renderer: Renderer, body: str) -> None:
    out = page(renderer.render(body), {"title": "Hello World"}, base_css="")
    assert out.count('<h1 class="title">Hello World</h1>') == 1
