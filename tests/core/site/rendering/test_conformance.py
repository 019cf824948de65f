"""The CommonMark spec's examples (0.31.2, all 652) and the GFM extension examples, run against
the CommonMark profile's renderer, compared as the spec's own runner compares
(`normalize.py`). What is switched off for the run: code highlighting (pygments' markup is ours,
not the spec's), heading ids (a generator's addition) and linkify except for GFM's autolink
examples; the core is `COMMONMARK_CORE`, the GFM examples add one extension each, as cmark-gfm
runs them. Examples we knowingly fail are listed with their reason and expected to fail."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from functools import cache
from pathlib import Path

import pytest

from editor.core.site.rendering.commonmark import CommonMarkRenderer
from editor.core.site.rendering.profile import COMMONMARK_CORE, MarkdownProfile
from tests.core.site.rendering.conformance.normalize import normalize_html

HERE = Path(__file__).parent / "conformance"
SPEC = json.loads((HERE / "commonmark-0.31.2.json").read_text(encoding="utf-8"))

# GFM section → the profile switch it needs.
_GFM_SECTIONS = {
    "Tables": {"tables": True},
    "Strikethroughs": {"strikethrough": True},
    "Autolinks": {"linkify": True},
    "HTML tag filter": {},
    "Footnotes": {"footnotes": True},
    "Interop": {"tables": True, "strikethrough": True, "linkify": True},
    "Task lists": {"task_lists": True},
}
# GFM examples we fail, by (section, number within it), and why.
_TASKS = 'mdit-py-plugins writes classes and disabled="disabled" on task lists (same display)'
GFM_KNOWN_FAILURES: dict[tuple[str, int], str] = {
    ("Tables", 6): "markdown-it aligns cells with style=text-align, cmark-gfm with align=",
    ("Strikethroughs", 1): "markdown-it strikes through ~~two~~ tildes only, GFM one as well",
    ("Strikethroughs", 2): "markdown-it strikes through ~~two~~ tildes only, GFM one as well",
    ("Autolinks", 1): "linkify-it's e-mail and trailing-punctuation rules differ from GFM's",
    ("Autolinks", 2): "linkify-it's e-mail and trailing-punctuation rules differ from GFM's",
    ("HTML tag filter", 1): "GitHub's tag filter (escaping <script>, <iframe>...) is not a "
    "generator's: Hugo omits all raw HTML, the others keep it",
    ("Interop", 1): "linkify-it takes a closing ~~ into the address it links",
    ("Footnotes", 1): "mdit-py-plugins' footnote markup (ids, classes, [1]) is markdown-it's",
    ("Task lists", 1): _TASKS,
    ("Task lists", 2): _TASKS,
    ("Task lists", 3): _TASKS,
}
SPEC_KNOWN_FAILURES: dict[int, str] = {}


def _gfm_examples() -> list[tuple[str, int, str, str]]:
    """(section, number in it, markdown, html) of each example in gfm-extensions.txt."""
    found: list[tuple[str, int, str, str]] = []
    section, number = "", 0
    text = (HERE / "gfm-extensions.txt").read_text(encoding="utf-8")
    fence = "`" * 32
    pattern = re.compile(rf"^{fence} example[^\n]*\n(.*?)^\.\n(.*?)^{fence}$", re.S | re.M)
    heads = [(m.start(), m[1]) for m in re.finditer(r"^## (.+)$", text, re.M)]
    for match in pattern.finditer(text):
        head = [name for at, name in heads if at < match.start()][-1]
        if head != section:
            section, number = head, 0
        number += 1
        found.append((section, number, match[1].replace("→", "\t"), match[2].replace("→", "\t")))
    return found


@cache
def _renderer(profile: MarkdownProfile) -> CommonMarkRenderer:
    return CommonMarkRenderer(profile, highlight=False)


def _spec_param(example: dict) -> object:
    number = example["example"]
    marks = []
    if number in SPEC_KNOWN_FAILURES:
        marks.append(pytest.mark.xfail(reason=SPEC_KNOWN_FAILURES[number], strict=True))
    return pytest.param(example, id=f"{number}-{example['section']}", marks=marks)


@pytest.mark.parametrize("example", [_spec_param(e) for e in SPEC])
def test_commonmark_spec(example):
    html = _renderer(COMMONMARK_CORE).render(example["markdown"])
    assert normalize_html(html) == normalize_html(example["html"])


def _gfm_param(section: str, number: int, markdown: str, expected: str) -> object:
    marks = []
    if (section, number) in GFM_KNOWN_FAILURES:
        reason = GFM_KNOWN_FAILURES[section, number]
        marks.append(pytest.mark.xfail(reason=reason, strict=True))
    return pytest.param(section, markdown, expected, id=f"{section}-{number}", marks=marks)


@pytest.mark.parametrize(
    ("section", "markdown", "expected"), [_gfm_param(*e) for e in _gfm_examples()]
)
def test_gfm_extensions(section, markdown, expected):
    profile = replace(COMMONMARK_CORE, **_GFM_SECTIONS[section])
    html = _renderer(profile).render(markdown)
    assert normalize_html(html) == normalize_html(expected)


def test_the_vendored_spec_is_whole():
    assert len(SPEC) == 652
    assert len(_gfm_examples()) > 20
