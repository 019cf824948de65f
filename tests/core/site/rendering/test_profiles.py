"""Tests for editor/core/site/rendering and the generators' `markdown_profile`: each site's
Markdown is its generator's, `.post-editor.yaml` may name the engine, and the CommonMark
engine renders what Python-Markdown gets wrong."""

from __future__ import annotations

from pathlib import Path

import pytest

from editor.core.site.render import Renderer, render_pieces
from editor.core.site.rendering.choice import post_profile
from editor.core.site.rendering.heading_ids import HeadingIdMaker
from editor.core.site.rendering.profile import PYTHON_MARKDOWN, MarkdownProfile


def _site(tmp_path: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return tmp_path


def test_a_plain_folder_keeps_python_markdown(tmp_path):
    post = _site(tmp_path, {"a.md": "# A\n"}) / "a.md"
    assert post_profile(post) == PYTHON_MARKDOWN


def test_hugo_omits_raw_html_unless_unsafe(tmp_path):
    root = _site(tmp_path, {"hugo.toml": "title = 'x'\n", "content/posts/a.md": "x\n"})
    profile = post_profile(root / "content/posts/a.md")
    assert (profile.engine, profile.raw_html, profile.typographer) == ("commonmark", False, True)
    html = Renderer(profile).render("<b>bold</b> text\n")
    assert "<b>" not in html and "raw HTML omitted" in html
    (root / "hugo.toml").write_text(
        "[markup.goldmark.renderer]\nunsafe = true\n[markup.goldmark.extensions]\n"
        "typographer = false\n",
        encoding="utf-8",
    )
    profile = post_profile(root / "content/posts/a.md")
    assert (profile.raw_html, profile.typographer) == (True, False)
    assert "<b>bold</b>" in Renderer(profile).render("<b>bold</b> text\n")


def test_jekyll_kramdown_input_sets_heading_ids(tmp_path):
    root = _site(tmp_path, {"_config.yml": "title: x\n", "_posts/2024-01-01-a.md": "x\n"})
    assert post_profile(root / "_posts/2024-01-01-a.md").heading_ids == "github"
    (root / "_config.yml").write_text("kramdown:\n  input: kramdown\n", encoding="utf-8")
    assert post_profile(root / "_posts/2024-01-01-a.md").heading_ids == "kramdown"


def test_astro_smartypants_off_in_its_config(tmp_path):
    config = "export default defineConfig({ markdown: { smartypants: false } });\n"
    root = _site(tmp_path, {"astro.config.mjs": config, "src/content/blog/a.md": "x\n"})
    profile = post_profile(root / "src/content/blog/a.md")
    assert (profile.typographer, profile.heading_ids) == (False, "github-slugger")


def test_eleventy_ids_only_with_markdown_it_anchor(tmp_path):
    root = _site(tmp_path, {"eleventy.config.js": "", "posts/a.md": "x\n"})
    assert post_profile(root / "posts/a.md").heading_ids == "none"
    (root / "package.json").write_text(
        '{"devDependencies": {"markdown-it-anchor": "^9"}}', encoding="utf-8"
    )
    assert post_profile(root / "posts/a.md").heading_ids == "markdown-it-anchor"


def test_zola_smart_punctuation(tmp_path):
    files = {"zola.toml": "[markdown]\nsmart_punctuation = true\n", "content/a.md": "x\n"}
    root = _site(tmp_path, files)
    profile = post_profile(root / "content/a.md")
    assert (profile.typographer, profile.heading_ids) == (True, "zola")


_FIELDS = "fields: [{name: title}]\n"


def test_post_editor_yaml_names_the_engine(tmp_path):
    files = {".post-editor.yaml": _FIELDS + "markdown: commonmark\n", "a.md": "x\n"}
    root = _site(tmp_path, files)
    assert post_profile(root / "a.md").engine == "commonmark"
    hugo = _site(
        tmp_path / "site",
        {"hugo.toml": "", "content/.post-editor.yaml": _FIELDS + "markdown: python-markdown\n"},
    )
    (hugo / "content/a.md").write_text("x\n", encoding="utf-8")
    assert post_profile(hugo / "content/a.md").engine == "python-markdown"


def test_a_bad_engine_name_in_post_editor_yaml_is_not_followed(tmp_path):
    files = {".post-editor.yaml": _FIELDS + "markdown: pandoc\n", "a.md": "x\n"}
    root = _site(tmp_path, files)
    assert post_profile(root / "a.md") == PYTHON_MARKDOWN


# What Python-Markdown renders differently from every generator's CommonMark.
_COMMONMARK_CASES = [
    ("- a\n  - nested by two\n", "<ul>\n<li>a\n<ul>\n<li>nested by two</li>"),
    ("Text\n- no blank line before\n", "<p>Text</p>\n<ul>\n<li>no blank line before</li>"),
    ("- item\n\n  ```\n  code\n  ```\n", "<pre><code>code\n</code></pre>"),
    ("see www.example.com now\n", '<a href="http://www.example.com">www.example.com</a>'),
    ("- [x] done\n", 'type="checkbox"'),
    ("~~gone~~\n", "<del>gone</del>"),
]


@pytest.mark.parametrize(("markdown", "expected"), _COMMONMARK_CASES)
def test_commonmark_renders_what_generators_render(markdown, expected):
    assert expected in Renderer(MarkdownProfile()).render(markdown)
    assert expected not in Renderer(PYTHON_MARKDOWN).render(markdown)


def test_heading_ids_follow_each_generator():
    def ids(style, *titles):
        maker = HeadingIdMaker(style)
        return [maker.make(t) for t in titles]

    assert ids("github", "Hello, World!", "Hello, World!") == ["hello-world", "hello-world-1"]
    assert ids("kramdown", "1. Intro: the start") == ["intro-the-start"]
    assert ids("zola", "Café au lait") == ["cafe-au-lait"]
    assert ids("markdown-it-anchor", "A b") == ["a-b"]
    assert ids("none", "A") == [""]


def test_pieces_carry_their_source_lines_with_commonmark():
    body = "First para.\n\nSecond para.\n\n# Heading\n\nThird.\n"
    rendered = render_pieces(body, MarkdownProfile())
    assert rendered.pieces == [
        "<p>First para.</p>",
        "<p>Second para.</p>",
        '<h1 id="heading">Heading</h1>\n<p>Third.</p>',
    ]
    assert rendered.lines == (0, 2, 4)
    assert render_pieces(body).lines == (0, 2, 4)  # Python-Markdown's, from its chunks
    assert render_pieces("A[^1].\n\n[^1]: a note\n").lines == ()  # rendered whole
