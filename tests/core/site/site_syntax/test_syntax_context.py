"""The site-syntax context read from a site's files (editor/core/site/site_syntax/context.py)."""

from pathlib import PurePosixPath

from sitefactory import site
from syntaxrender import render

from editor.core.site.generators import detect_generator
from editor.core.site.site_syntax import site_syntax_context

POST = PurePosixPath("content/posts/a.md")


def test_hugo_emoji_setting_and_summary_marker(tmp_path):
    root = site(tmp_path, {"hugo.toml": "enableEmoji = true\ntitle = 'T'\n"})
    context = site_syntax_context(detect_generator(root), POST)
    assert (context.generator, context.emoji, context.file_type) == ("hugo", True, ".md")
    assert context.summary_separator == "<!--more-->"


def test_hugo_without_emoji(tmp_path):
    root = site(tmp_path, {"hugo.yaml": "title: T\n"})
    assert not site_syntax_context(detect_generator(root), POST).emoji


def test_jekyll_variables_jemoji_and_excerpt_separator(tmp_path):
    root = site(
        tmp_path,
        {
            "_config.yml": "title: Blog\nplugins: [jekyll-feed, jemoji]\n"
            "excerpt_separator: <!--x-->\n"
        },
    )
    context = site_syntax_context(detect_generator(root), PurePosixPath("_posts/2020-01-01-a.md"))
    assert context.generator == "jekyll"
    assert context.site_variables["title"] == "Blog"
    assert context.emoji
    assert context.summary_separator == "<!--x-->"
    html = render("{{ site.title }} :smile:\n", **context.__dict__)
    assert html == "<p>Blog 😄</p>\n"


def test_jekyll_default_excerpt_is_not_marked(tmp_path):
    root = site(tmp_path, {"_config.yml": "title: Blog\n"})
    context = site_syntax_context(detect_generator(root), PurePosixPath("_posts/a.md"))
    assert context.summary_separator is None and not context.emoji


def test_an_mdx_post_of_an_astro_site(tmp_path):
    root = site(tmp_path, {"astro.config.mjs": "export default {}\n", "package.json": "{}"})
    context = site_syntax_context(detect_generator(root), PurePosixPath("src/content/docs/a.mdx"))
    assert (context.generator, context.file_type) == ("astro", ".mdx")


def test_a_plain_folder(tmp_path):
    context = site_syntax_context(detect_generator(tmp_path), PurePosixPath("a.md"))
    assert context.generator == "plain"
    assert render("{{< x >}} {% y %}\n", **context.__dict__) == "<p>{{&lt; x &gt;}} {% y %}</p>\n"
