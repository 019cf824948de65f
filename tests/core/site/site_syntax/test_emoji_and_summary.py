"""Emoji shortcodes and the summary divider (editor/core/site/site_syntax/emoji.py,
summary.py)."""

import subprocess
import sys

from syntaxrender import render


def test_emoji_shortcodes_where_the_site_turns_them_on():
    assert (
        render("Hi :smile: :+1: :not_an_emoji:\n", emoji=True) == "<p>Hi 😄 👍 :not_an_emoji:</p>\n"
    )


def test_emoji_shortcodes_stay_when_the_site_does_not_turn_them_on():
    assert render("Hi :smile:\n") == "<p>Hi :smile:</p>\n"


def test_emoji_shortcodes_in_code_stay():
    assert render("`:smile:`\n", emoji=True) == "<p><code>:smile:</code></p>\n"


def test_the_summary_marker_is_a_labelled_divider():
    html = render("Intro.\n\n<!--more-->\n\nRest.\n", summary_separator="<!--more-->")
    assert html.startswith('<p>Intro.</p>\n<table class="site-syntax summary"')
    assert "Summary ends here" in html
    assert html.endswith("<p>Rest.</p>\n")


def test_a_jekyll_separator_from_the_config():
    html = render("A\n\n<!-- cut -->\n\nB\n", "jekyll", summary_separator="<!-- cut -->")
    assert "Summary ends here" in html


def test_the_emoji_table_is_loaded_only_by_a_site_that_turns_emoji_on():
    """Its table is megabytes in the window and in its render worker."""
    code = (
        "import sys\n"
        "from editor.core.site import render_pieces\n"
        "from editor.core.site.rendering.profile import PYTHON_MARKDOWN\n"
        "render_pieces('Hi :smile:', PYTHON_MARKDOWN)\n"
        "print('emoji' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["False"]
