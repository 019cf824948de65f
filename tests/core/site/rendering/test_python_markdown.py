"""The Python-Markdown engine builds its extensions from their modules, not by name (a name is
looked up among every installed package's entry points): the same Markdown, HTML for HTML."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import markdown
import pytest

from editor.core.site.rendering.python_markdown import (
    EXTENSION_CONFIGS,
    EXTENSIONS,
    PythonMarkdownRenderer,
)
from tests.paths import SAMPLE

EXAMPLES = json.loads(
    (Path(__file__).parent / "conformance" / "commonmark-0.31.2.json").read_text(encoding="utf-8")
)
# Every part of Extra, with toc, sane_lists and codehilite.
EXTRA = """\
[TOC]

# A title {: #top .big }

Term
:   Its definition.

| a | b |
|---|:-:|
| 1 | 2 |

Text with a footnote[^1] and an HTML abbreviation.

*[HTML]: Hyper Text Markup Language

[^1]: The note.

```python
def f(x):
    return x * 2
```

<div markdown="1">
*emphasis* inside HTML
</div>

1. one
2. two
* a star list after a number list
"""


def by_name() -> markdown.Markdown:
    return markdown.Markdown(extensions=EXTENSIONS, extension_configs=EXTENSION_CONFIGS)


def test_extra_and_code_render_as_by_name():
    assert PythonMarkdownRenderer().render(EXTRA) == by_name().convert(EXTRA)


def test_the_sample_posts_render_as_by_name():
    renderer, named = PythonMarkdownRenderer(), by_name()
    posts = sorted(SAMPLE.rglob("*.md"))
    assert posts
    for post in posts:
        text = post.read_text(encoding="utf-8")
        assert renderer.render(text) == named.reset().convert(text), post.name


@pytest.mark.parametrize("start", range(0, len(EXAMPLES), 100))
def test_the_commonmark_examples_render_as_by_name(start):
    renderer, named = PythonMarkdownRenderer(), by_name()
    for example in EXAMPLES[start : start + 100]:
        text = example["markdown"]
        assert renderer.render(text) == named.reset().convert(text), example["example"]


def test_building_the_engine_reads_no_package_metadata():
    code = (
        "import sys\n"
        "from editor.core.site.rendering.python_markdown import PythonMarkdownRenderer\n"
        "PythonMarkdownRenderer().render('a ```b```\\n\\n```python\\nx = 1\\n```\\n')\n"
        "print('importlib.metadata' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["False"]
