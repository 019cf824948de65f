"""Hugo shortcodes in the preview (editor/core/site/site_syntax/hugo.py)."""

from syntaxrender import render

from editor.core.site.site_syntax.hugo import parse_args


def test_figure_renders_as_hugos_figure_with_its_markdown_caption():
    html = render('{{< figure src="/img/a.png" title="Sea" caption="A *calm* day" >}}\n')
    assert html.startswith('<figure><img src="/img/a.png" alt="A calm day">')
    assert "<figcaption><h4>Sea</h4><p>A <em>calm</em> day</p></figcaption></figure>" in html


def test_figure_arguments_are_escaped():
    html = render('{{< figure src="a.png" caption="<script>x</script>" alt="a\\"b" >}}\n')
    assert "<script>" not in html
    assert "&lt;script&gt;x&lt;/script&gt;" in html
    assert 'alt="a&quot;b"' in html
    html = render('{{< figure src="a.png" caption="<b>x</b> & y" >}}\n')
    assert 'alt="&lt;b&gt;x&lt;/b&gt; &amp; y"' in html


def test_ref_and_relref_are_links_to_the_resolved_url_or_the_path():
    html = render('See {{< ref "posts/a.md" >}}, [b]({{< relref "b.md#x" >}}).\n')
    assert '<a href="posts/a.md" class="site-syntax ref">posts/a.md</a>' in html
    assert '<a href="b.md#x">b</a>' in html
    resolved = render('[a]({{% ref "posts/a.md" %}})\n', resolve_link=lambda p: "/posts/a/")
    assert '<a href="/posts/a/">a</a>' in resolved


def test_highlight_is_a_code_block_of_its_language():
    html = render('{{< highlight go "linenos=table" >}}\nfunc main() {}\n{{< /highlight >}}\n')
    assert html == '<pre><code class="language-go">func main() {}\n</code></pre>\n'


def test_an_unknown_shortcode_is_a_labelled_box_with_all_its_arguments():
    html = render('{{< youtube id="w7Ft2ymGmfc" autoplay=true 42 >}}\n')
    assert 'class="site-syntax shortcode"' in html
    assert "<b>youtube</b>" in html
    assert "id=&quot;w7Ft2ymGmfc&quot; autoplay=true 42" in html
    assert "{{" not in html


def test_a_tag_over_several_lines_is_one_shortcode():
    html = render('{{< youtube\n  id="abc"\n  title="T" >}}\n\nAfter.\n')
    assert "id=&quot;abc&quot; title=&quot;T&quot;" in html
    assert "<p>After.</p>" in html


def test_paired_shortcodes_render_their_inner_markdown_both_kinds():
    for open_, close in (("{{% note %}}", "{{% /note %}}"), ("{{< note >}}", "{{< /note >}}")):
        html = render(f"{open_}\nSome **bold** text.\n\n- a\n- b\n{close}\n\nAfter.\n")
        assert '<td class="site-syntax-body">\n<p>Some <strong>bold</strong> text.</p>' in html
        assert "<li>a</li>" in html
        assert html.endswith("</td></tr></table>\n<p>After.</p>\n")


def test_nested_paired_shortcodes_close_in_order():
    html = render("{{< tabs >}}\n{{< tab name=A >}}\nOne\n{{< /tab >}}\n{{< /tabs >}}\n")
    assert html.count("<table") == 2
    assert html.index("<b>tabs</b>") < html.index("<b>tab</b>") < html.index("<p>One</p>")
    assert "{{" not in html


def test_inline_shortcodes_self_closing_and_paired():
    html = render('Press {{< kbd "Ctrl" >}} and {{% mark %}}this *one*{{% /mark %}}.\n')
    assert "<b>kbd</b> &quot;Ctrl&quot;" in html
    assert "<b>mark</b>]</span>this <em>one</em><span" in html
    assert "[/mark]" in html


def test_shortcode_comments_show_literally_as_hugo_prints_them():
    html = render('```\n{{</* figure src="x" */>}}\n```\n\nText {{%/* note */%}}.\n')
    assert "<code>{{&lt; figure src=&quot;x&quot; &gt;}}\n</code>" in html
    assert "<p>Text {{% note %}}.</p>" in html


def test_shortcodes_in_code_stay_as_written():
    html = render("`{{< x >}}`\n\n    {{< y >}}\n")
    assert "<code>{{&lt; x &gt;}}</code>" in html
    assert "<pre><code>{{&lt; y &gt;}}\n</code></pre>" in html


def test_parse_args_named_positional_and_quoted():
    assert parse_args(' a "b c" k="v \\"q\\"" r=`raw "x"` n=3') == (
        ["a", "b c"],
        {"k": 'v "q"', "r": 'raw "x"', "n": "3"},
    )


def test_an_unclosed_tag_is_left_as_text():
    assert render("{{< oops\n\nText\n") == "<p>{{&lt; oops</p>\n<p>Text</p>\n"
