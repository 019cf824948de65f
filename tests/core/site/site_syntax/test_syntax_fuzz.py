"""The site-syntax plugins never fail on any text, and never drop its words."""

import re

from hypothesis import given, settings
from hypothesis import strategies as st
from syntaxrender import render

PIECES = [
    "{{<",
    ">}}",
    "{{%",
    "%}}",
    "{{</*",
    "*/>}}",
    " /",
    "figure",
    "note",
    "/note",
    "highlight",
    "/highlight",
    "ref",
    ' src="a.png"',
    '"',
    "`",
    "{%",
    "%}",
    "{{",
    "}}",
    " raw ",
    " endraw ",
    " comment ",
    " endcomment ",
    "include",
    "<Aside",
    "</Aside>",
    "<Badge",
    "/>",
    ">",
    "{",
    "}",
    "import x",
    "export y",
    ":smile:",
    "<!--more-->",
    "\n",
    "\n\n",
    "  ",
    "- ",
    "> ",
    "```",
    "word",
]
CONTEXTS = [
    {"generator": "hugo", "emoji": True, "summary_separator": "<!--more-->"},
    {"generator": "jekyll", "site_variables": {"title": "T"}, "summary_separator": "<!--x-->"},
    {"generator": "astro", "file_type": ".mdx"},
    {"generator": "zola", "summary_separator": "<!-- more -->"},
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40), st.sampled_from(CONTEXTS))
def test_any_mix_of_site_syntax_renders(pieces, context):
    text = "".join(pieces) + "\n\nsentinelword\n"
    html = render(text, **context)
    assert "sentinelword" in html


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet="{}<>%/*`\"'= \nabAB:-", max_size=80), st.sampled_from(CONTEXTS))
def test_any_text_renders(text, context):
    html = render(text, **context)
    assert re.search(r"\ue000", html) is None
