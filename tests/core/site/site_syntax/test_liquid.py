"""Liquid tags and variables in the preview (editor/core/site/site_syntax/liquid.py)."""

import datetime as dt

from syntaxrender import render

SITE = {"title": "My <Site>", "author": {"name": "Ann"}, "year": 2024, "big": True}


def liquid(text: str, **context: object) -> str:
    return render(text, "jekyll", site_variables=SITE, **context)


def test_site_variables_from_the_config_are_their_values_escaped():
    html = liquid("{{ site.title }} by {{site.author.name}}, {{ site.year }} {{ site.big }}\n")
    assert html == "<p>My &lt;Site&gt; by Ann, 2024 true</p>\n"


def test_other_variables_and_filters_are_labelled_marks():
    html = liquid("{{ page.title | upcase }} and {{ site.missing }} and {{ site.author }}\n")
    assert '<span class="site-syntax liquid">[Liquid <b>page.title | upcase</b>]</span>' in html
    assert "<b>site.missing</b>" in html
    assert "<b>site.author</b>" in html


def test_include_is_a_labelled_box_with_its_parameters():
    html = liquid('{% include note.html content="Use <b>this</b>" level=2 %}\n')
    assert 'class="site-syntax liquid"' in html
    assert (
        "<b>include</b> note.html content=&quot;Use &lt;b&gt;this&lt;/b&gt;&quot; level=2" in html
    )


def test_link_and_post_url_are_links():
    html = liquid("[A]({% link _posts/2020-01-01-a.md %}) and {% post_url 2020-01-01-a %}\n")
    assert '<a href="_posts/2020-01-01-a.md">A</a>' in html
    assert '<a href="2020-01-01-a" class="site-syntax link">2020-01-01-a</a>' in html
    resolved = liquid("[A]({% link about.md %})\n", resolve_link=lambda p: "/about/")
    assert '<a href="/about/">A</a>' in resolved


def test_a_variable_in_a_link_destination_is_its_value_or_the_expression():
    html = render(
        "[a]({{ site.url }}/x) [b]({{ page.url }})\n",
        "jekyll",
        site_variables={"url": "https://e.org"},
    )
    assert '<a href="https://e.org/x">a</a>' in html
    assert '<a href="%7B%7Bpage.url%7D%7D">b</a>' in html


def test_highlight_is_a_code_block():
    html = liquid("{% highlight ruby linenos %}\ndef x\n  1\nend\n{% endhighlight %}\n")
    assert html == '<pre><code class="language-ruby">def x\n  1\nend\n</code></pre>\n'


def test_raw_content_is_shown_as_written_in_text_and_in_code():
    html = liquid(
        "{% raw %}{{ page.title }}{% endraw %}\n\n```\n{% raw %}\n{% if x %}\n{% endraw %}\n```\n"
    )
    assert "<p>{{ page.title }}</p>" in html
    assert "<pre><code>\n{% if x %}\n\n</code></pre>" in html


def test_comments_are_hidden_and_keep_the_text_around():
    html = liquid("Before {% comment %}secret\nstuff{% endcomment %} after.\n")
    assert "secret" not in html
    assert "Before" in html and "after." in html


def test_other_tags_are_placeholders_and_the_markdown_between_them_renders():
    html = liquid("{% if site.big %}\n\n**Yes**\n\n{% endif %}\n\nA {% assign x = 1 %} b\n")
    assert "<b>if</b> site.big" in html
    assert "<b>endif</b>" in html
    assert "<p><strong>Yes</strong></p>" in html
    assert "<b>assign</b> x = 1" in html
    assert "{%" not in html


def test_eleventy_reads_liquid_too_without_site_values():
    html = render("{% include 'x.njk' %} {{ title }}\n", "eleventy")
    assert "<b>include</b> &#x27;x.njk&#x27;" in html or "<b>include</b> 'x.njk'" in html
    assert "<b>title</b>" in html


def test_a_date_value_is_shown():
    html = render("{{ site.since }}\n", "jekyll", site_variables={"since": dt.date(2020, 1, 2)})
    assert html == "<p>2020-01-02</p>\n"


def test_liquid_in_raw_html_values_marks_and_attributes():
    html = render(
        '<div class="note">\n<a href="{{ \'/docs/\' | relative_url }}">{{ site.title }}</a>\n'
        '{% if x %}<b title="{{ page.t }}">t</b>\n</div>\n',
        "jekyll",
        site_variables={"title": "Blog", "baseurl": "/base"},
    )
    assert '<a href="/base/docs/">Blog</a>' in html
    assert "[Liquid <b>if</b> x]" in html
    assert 'title="{{page.t}}"' in html


def test_several_constructs_in_one_link_destination():
    html = render(
        "[a](https://t.co/{{ page.h }}/{{ site.x }})\n", "jekyll", site_variables={"x": "y"}
    )
    assert '<a href="https://t.co/%7B%7Bpage.h%7D%7D/y">a</a>' in html
