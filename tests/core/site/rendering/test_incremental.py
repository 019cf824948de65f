"""Tests for the CommonMark engine's block-by-block rendering (`CommonMarkRenderer.blocks`):
after any edit, at any place, the blocks joined are exactly the whole render, whether the
unchanged blocks come from the last call or not."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from editor.core.document.post import Post
from editor.core.site.render import Renderer
from editor.core.site.rendering.block_parse import BlockParse
from editor.core.site.rendering.commonmark import CommonMarkRenderer
from editor.core.site.rendering.profile import MarkdownProfile, SiteSyntaxContext
from editor.core.site.rendering.python_markdown import PythonMarkdownRenderer
from tests.paths import SAMPLE

HUGO = MarkdownProfile(typographer=True, definition_lists=True)
NO_RAW_HTML = MarkdownProfile(raw_html=False)

# What the sample posts lack: definitions used blocks away, lists loose and tight, fences with
# blank lines, HTML blocks across blank lines, repeated headings, a definition list, a table.
TANGLED = """# Notes

See [the guide][g] and [Other] too.

- one
- two

- three, loose now

1. first
   ```python
   x = 1

   y = 2
   ```
2. second

<div>

*inside a div*

</div>

<!--more-->

## Notes

Term
: its meaning

| a | b |
|---|---|
| 1 | 2 |

> quoted
lazily

    indented code

[g]: https://example.com/guide "Guide"
[other]: /other

Last "quoted" paragraph -- with www.example.com.
"""

POSTS = [Post(path.read_text(encoding="utf-8")).body for path in sorted(SAMPLE.glob("*.md"))]
POSTS.append(TANGLED)
PIECES = ["x", " ", "\n", "\n\n", "#", "# ", "- ", "1. ", "> ", "```", "    ", "*", "[g]"]
PIECES += ["[x]: /x\n", "<div>", "</div>", "---\n", "|", ": ", "[^1]", "\n[^1]: note\n"]


def _joined(renderer: CommonMarkRenderer, body: str) -> str:
    return "".join(html for _, html in renderer.blocks(body))


@settings(max_examples=150, deadline=None)
@given(
    post=st.sampled_from(POSTS),
    where=st.floats(0, 1),
    cut=st.integers(0, 12),
    insert=st.lists(st.sampled_from(PIECES), max_size=3).map("".join),
    profile=st.sampled_from([HUGO, NO_RAW_HTML]),
)
def test_an_edit_anywhere_renders_as_the_whole(post, where, cut, insert, profile):
    renderer = CommonMarkRenderer(profile)
    at = round(where * len(post))
    edited = post[:at] + insert + post[at + cut :]
    assert _joined(renderer, post) == renderer.render(post)
    assert _joined(renderer, edited) == renderer.render(edited)  # most blocks from the last call
    assert _joined(renderer, post) == renderer.render(post)  # and back


LONG = "\n".join(POSTS * 3).replace("[g]: ", "(g): ").replace("[other]: ", "(other): ")


@settings(max_examples=150, deadline=None)
@given(
    edits=st.lists(
        st.tuples(
            st.floats(0, 1), st.integers(0, 40), st.lists(st.sampled_from(PIECES), max_size=3)
        ),
        min_size=1,
        max_size=4,
    )
)
def test_blocks_found_again_after_edits_are_those_of_a_whole_parse(edits):
    md = CommonMarkRenderer(HUGO).md
    again = BlockParse(md)
    body = LONG
    assert again.spans(body) == BlockParse(md).spans(body)
    for where, cut, insert in edits:
        at = round(where * len(body))
        body = body[:at] + "".join(insert) + body[at + cut :]
        assert again.spans(body) == BlockParse(md).spans(body)


# (before, after): edits whose effect reaches blocks before or after the edited line.
REACHING = [
    ("Para\n\nNext\n", "Para\n---\n\nNext\n"),  # a paragraph above becomes a heading
    ("Para\n\nNext\n", "Para\n===\nNext\n"),
    ("- a\n\nText\n\n- b\n", "- a\n\n  Text\n\n- b\n"),  # one loose list now
    ("Term\n\nmeaning\n\nNext\n", "Term\n\n: meaning\n\nNext\n"),  # a definition list
    ("Term\n: a\n\nTerm2\n\nb\n", "Term\n: a\n\nTerm2\n\n: b\n"),  # one list of two
    ("Text\n\nMore\n\nEnd\n", "```\nText\n\nMore\n\nEnd\n"),  # a fence to the end
    ("```\nText\n\nMore\n```\n\nEnd\n", "```\nText\n\nMore\n\nEnd\n"),  # unclosed
    ("Text\n\nMore\n\nEnd\n", "<pre>\nText\n\nMore\n\nEnd\n"),  # raw HTML to the end
    ("    code\n\nText\n", "    code\n\n    more\nText\n"),
    ("> quote\n\nText\n", "> quote\nText\n"),  # lazy continuation
    ("| a |\n\n|---|\n| 1 |\n", "| a |\n|---|\n| 1 |\n"),
]


@pytest.mark.parametrize(("before", "after"), REACHING)
@pytest.mark.parametrize("filler", [0, 3, 200])
def test_edits_that_change_blocks_around_them(before, after, filler):
    md = CommonMarkRenderer(HUGO).md
    around = "".join(f"Paragraph {n}.\n\n" for n in range(filler))
    again = BlockParse(md)
    for body in (around + before + around, around + after + around, around + before + around):
        assert again.spans(body) == BlockParse(md).spans(body)


TANGLED_PM = (
    TANGLED.replace("[g]: ", "(g): ").replace("[other]: ", "(other): ")
    + """
1. one

    more of one

2. two

Term
: meaning

    code, indented

~~~
fenced

Not a paragraph
~~~

A paragraph {#an-id}

### Notes
"""
)
PM_PIECES = [*PIECES, "~~~", "    ", "{#notes}", "\n: ", "````", "\t"]


@settings(max_examples=150, deadline=None)
@given(
    post=st.sampled_from([*POSTS, TANGLED_PM]),
    where=st.floats(0, 1),
    cut=st.integers(0, 12),
    insert=st.lists(st.sampled_from(PM_PIECES), max_size=3).map("".join),
)
def test_python_markdown_pieces_render_as_the_whole(post, where, cut, insert):
    renderer = PythonMarkdownRenderer()
    at = round(where * len(post))
    edited = post[:at] + insert + post[at + cut :]
    for body in (post, edited, post):
        blocks = renderer.blocks(body)
        if blocks is not None:
            assert "".join(html for _, html in blocks) == renderer.render(body)


def test_python_markdown_cuts_before_each_paragraph_or_heading_at_the_margin():
    body = (
        "# A\n\nOne.\n\n- item\n\n    more\n\nTwo.\n\n```\nx\n\ny\n```\n\nTerm\n: def\n\nAfter.\n"
    )
    blocks = PythonMarkdownRenderer().blocks(body)
    assert blocks is not None
    assert [line for line, _ in blocks] == [0, 2, 8, 19]  # not in the fence, nor a term


def test_python_markdown_renders_whole_what_reaches_across_the_document():
    renderer = PythonMarkdownRenderer()
    for body in ("A [b][c].\n\n[c]: /c\n", "A[^1].\n\n[^1]: n\n", "<div>\n\nA\n\n</div>\n"):
        assert renderer.blocks(body) is None
    assert renderer.blocks("# A\n\ntext\n\n# A\n") is None  # the whole numbers the repeat


def test_a_keystroke_renders_only_the_block_it_is_in():
    renderer = CommonMarkRenderer(HUGO)
    body = "# Title\n\n" + "".join(f"Paragraph {n} of the post.\n\n" for n in range(50))
    renderer.blocks(body)
    rendered: list[str] = []
    original = renderer.md.render
    renderer.md.render = lambda text, env=None: rendered.append(text) or original(text, env)
    renderer.blocks(body.replace("Paragraph 7 ", "Paragraph 7x "))
    assert rendered == ["Paragraph 7x of the post.\n"]


@pytest.mark.parametrize("last", ["<div\n> \n has no line end", "```\ncode", "    code", "text"])
def test_a_last_block_without_a_line_end_renders_as_in_the_whole(last):
    renderer = CommonMarkRenderer(HUGO)
    body = "First.\n\n" + last
    assert _joined(renderer, body) == renderer.render(body)


def test_a_new_definition_renders_every_block_again():
    renderer = CommonMarkRenderer(HUGO)
    body = "A [link][a].\n\nB [link][b].\n"
    renderer.blocks(body)
    with_definition = body + "\n[b]: /b\n"
    assert _joined(renderer, with_definition) == renderer.render(with_definition)
    assert '<a href="/b">link</a>' in _joined(renderer, with_definition)


def test_repeated_headings_are_numbered_as_in_the_whole():
    renderer = CommonMarkRenderer(HUGO)
    body = "## Notes\n\ntext\n\n## Notes\n"
    assert _joined(renderer, body) == renderer.render(body)
    assert 'id="notes-1"' in _joined(renderer, body)


def test_pieces_carry_the_lines_of_their_blocks():
    body = "# One\n\nFirst.\n\n## Two\n\nSecond.\n\n## Three\n\nThird.\n"
    rendered = Renderer(HUGO).pieces(body)
    assert len(rendered.pieces) == len(rendered.lines)
    lines = body.split("\n")
    for piece, line in zip(rendered.pieces, rendered.lines, strict=True):
        assert lines[line].lstrip("# ") in piece


# A site's own syntax: paired shortcodes and components may span blank lines and blocks.
HUGO_SITE = HUGO.with_syntax(SiteSyntaxContext("hugo", summary_separator="<!--more-->"))
MDX_SITE = MarkdownProfile().with_syntax(SiteSyntaxContext("astro", file_type=".mdx"))
JEKYLL_SITE = MarkdownProfile().with_syntax(SiteSyntaxContext("jekyll", site_variables={"t": 1}))
SITE_POST = """import Badge from '../components/Badge.astro';

# Shortcodes

{{< figure src="a.png" caption="A *figure*" >}}

{{% note %}}
Inside a **note**.

- a list in it
{{% /note %}}

<Aside type="tip">

Children, *rendered*.

</Aside>

{% highlight ruby %}
x = 1

y = 2
{% endhighlight %}

Text with {{< ref "b.md" >}} and {{ site.t }} and <Badge text="New" /> inline.

<!--more-->

Last paragraph.
"""
SITE_PIECES = ["{{< note >}}", "{{< /note >}}", "{{% x %}}\n", "<Aside>", "</Aside>\n", "\n\n"]
SITE_PIECES += ["{% raw %}", "{% endraw %}", "{{<", ">}}", "<!--more-->\n", "# "]


@settings(max_examples=120, deadline=None)
@given(
    where=st.floats(0, 1),
    cut=st.integers(0, 12),
    insert=st.lists(st.sampled_from(SITE_PIECES), max_size=3).map("".join),
    profile=st.sampled_from([HUGO_SITE, MDX_SITE, JEKYLL_SITE]),
)
def test_an_edit_among_site_syntax_renders_as_the_whole(where, cut, insert, profile):
    renderer = CommonMarkRenderer(profile)
    at = round(where * len(SITE_POST))
    edited = SITE_POST[:at] + insert + SITE_POST[at + cut :]
    assert _joined(renderer, SITE_POST) == renderer.render(SITE_POST)
    assert _joined(renderer, edited) == renderer.render(edited)
    assert _joined(renderer, SITE_POST) == renderer.render(SITE_POST)


def test_the_site_syntax_of_the_profile_is_rendered():
    html = Renderer(HUGO_SITE).render(SITE_POST)
    assert "<figcaption>" in html and "site-syntax" in html and "{{&lt;" not in html


def test_an_opening_shortcode_pairs_with_its_end_however_far_below():
    renderer = CommonMarkRenderer(HUGO_SITE)
    paragraphs = "".join(f"Paragraph {n}.\n\n" for n in range(200))
    body = f"Intro.\n\n{paragraphs}{{{{% /note %}}}}\n\nAfter.\n"
    assert _joined(renderer, body) == renderer.render(body)
    opened = body.replace("Intro.\n", "Intro.\n\n{{% note %}}\n", 1)
    assert _joined(renderer, opened) == renderer.render(opened)
