"""The site-syntax plugins on snippets of real sites (samples/, see its README): nothing
raw outside code, every construct's arguments shown, Markdown around them intact."""

import re
from pathlib import Path

from syntaxrender import render

SAMPLES = Path(__file__).parent / "samples"
CODE = re.compile(r"<(pre|code)\b.*?</\1>", re.DOTALL)
TAGS = re.compile(r"<[^>]*>")


def shown_text(html: str) -> str:
    """What a reader sees as text outside code."""
    return TAGS.sub("", CODE.sub("", html))


def sample(name: str, generator: str, **context: object) -> str:
    text = (SAMPLES / name).read_text(encoding="utf-8")
    return render(text, generator, file_type=Path(name).suffix, **context)


def test_hugo_docs():
    html = sample("hugo_docs.md", "hugo")
    assert "{{" not in shown_text(html)
    for shown in (
        "<b>youtube</b> 2xkNJL4gJ9E",
        "<b>code-toggle</b> file=&quot;config&quot;",
        "<b>new-in</b> &quot;0.109.0&quot;",
        "<b>gh</b> 7587",
        "proxy = &quot;direct&quot;",
        '<a href="content-management/image-processing#anchor">the anchor</a>',
        '<a href="functions/images">image filters</a>',
        '<img src="/images/hugo-logo.png" alt="Hugo logo">',
        "<figcaption><p>The <em>Hugo</em> logo</p></figcaption>",
        '<pre><code class="language-html">&lt;section id=&quot;main&quot;&gt;',
        "<code>{{% shortcodename parameters %}}</code>",
    ):
        assert shown in html
    # The paragraph right after a paired shortcode is still a paragraph.
    assert "<p>Since Hugo <code>0.42</code> a project" in html


def test_jekyll_docs():
    html = sample("jekyll_docs.md", "jekyll", site_variables={"title": "Jekyll", "baseurl": "/b"})
    assert "{{" not in shown_text(html) and "{%" not in shown_text(html)
    for shown in (
        "<b>include</b> docs_version_badge.html version=&quot;4.0&quot;",
        '<a href="_docs/configuration.md">the config</a> of Jekyll.',
        "<p>Use <code>{{ page.title }}</code> and <code>{% if %}</code> in your templates.</p>",
        '<pre><code class="language-ruby">def foo',
        '<a href="/b/docs/variables/">Liquid variables</a>',
        "<b>site.description</b>",
        "<b>for</b> post in site.posts",
        "<b>post.title</b>",
        '<a href="2010-07-21-name-of-post">post</a>',
        "<b>page.date | date_to_string</b>",
    ):
        assert shown in html
    assert "maintainers" not in html


def test_starlight_mdx():
    html = sample("starlight.mdx", "astro")
    assert "import" not in shown_text(html)
    assert "&lt;Tab" not in html and "&lt;Badge" not in shown_text(html)
    for shown in (
        "<b>Badge</b> slot=&quot;preview&quot; text=&quot;New&quot; variant=&quot;tip&quot;",
        "<b>Tabs</b> syncKey=&quot;pkg&quot;",
        "<b>TabItem</b> label=&quot;npm&quot;",
        '<code class="language-sh">npm create astro@latest -- --template starlight',
        "<p>Run <strong>pnpm</strong> instead.</p>",
        "<b>Badge</b> text=&quot;v1&quot; size=&quot;small&quot;",
        '<code class="site-syntax expression">{frontmatter.title}</code>',
    ):
        assert shown in html
    assert "A comment MDX drops" not in html
    assert html.count("<table") == html.count("</table>") == 5
