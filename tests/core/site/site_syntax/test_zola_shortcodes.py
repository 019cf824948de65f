"""Zola shortcodes in the preview (editor/core/site/site_syntax/zola.py)."""

from syntaxrender import render


def zola(text: str) -> str:
    return render(text, "zola")


def test_a_shortcode_alone_on_a_line_is_a_box_with_its_arguments():
    html = zola('{{ youtube(id="e1C9kpMV2e8", autoplay=true) }}\n\nAfter.\n')
    assert "<b>youtube</b> id=&quot;e1C9kpMV2e8&quot;, autoplay=true" in html
    assert html.endswith("<p>After.</p>\n")
    assert "{{" not in html


def test_a_shortcode_in_a_line_is_a_mark():
    html = zola('Hello {{ pirate(name="Bob (the) Sponge") }} there.\n')
    assert "<b>pirate</b> name=&quot;Bob (the) Sponge&quot;]</span> there." in html


def test_a_body_shortcode_renders_its_markdown_inside():
    html = zola('{% quote(author="Vincent") %}\nA **fine** day.\n{% end %}\n')
    assert "<b>quote</b> author=&quot;Vincent&quot;" in html
    assert '<td class="site-syntax-body">\n<p>A <strong>fine</strong> day.</p>' in html
    assert "{%" not in html


def test_commented_shortcodes_show_as_written():
    html = zola("`{{/* youtube(id=1) */}}` and {%/* quote() */%}\n")
    assert "<code>{{ youtube(id=1) }}</code>" in html
    assert "{% quote() %}" in html


def test_variables_are_not_shortcodes():
    assert zola("{{ page.title }}\n") == "<p>{{ page.title }}</p>\n"
