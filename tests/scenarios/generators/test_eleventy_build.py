"""Eleventy is the judge (issue 15): a fixture blog built by the real `eleventy`, and what
`post-editor check` and `list` say about it. A `tags:` string is one tag to Eleventy, a
directory data file gives the posts their layout and tags; an invalid date breaks the build."""

from __future__ import annotations

from pathlib import Path

import pytest
from builds import build, built, errors, generator, listing, write_site

CONFIG = """\
export default function (eleventyConfig) {
  // Published posts only, as the base blog does: a draft is left out of the build.
  eleventyConfig.addPreprocessor("drafts", "*", (data) => {
    if (data.draft) return false;
  });
}
export const config = { dir: { input: "content", includes: "../_includes" } };
"""
SITE = {
    "eleventy.config.js": CONFIG,
    "package.json": '{ "name": "fixture", "type": "module", "private": true }\n',
    "_includes/post.njk": (
        "<h1>{{ title }}</h1>{% for tag in tags %}[{{ tag }}]{% endfor %}{{ content | safe }}"
    ),
    "content/blog/blog.11tydata.json": '{ "tags": ["posts"], "layout": "post.njk" }\n',
    "content/blog/first.md": "---\ntitle: First\ndate: 2018-07-04\ntags: another tag\n---\nText.\n",
    "content/blog/second.md": "---\ntitle: Second\ndate: 2018-08-24\n---\nText.\n",
    "content/blog/draft.md": "---\ntitle: Draft\ndate: 2018-09-01\ndraft: true\n---\nText.\n",
    "content/about.md": "---\ntitle: About\n---\nAbout me.\n",
}
BAD_DATE = "---\ntitle: Bad\ndate: next tuesday\n---\nText.\n"
# Eleventy builds this one, but on 2019-02-14: not what the writer meant, so still an error.
ROLLED_DATE = '---\ntitle: Rolled\ndate: 2018-13-45\n---\n{{ page.date | date: "%Y-%m-%d" }}\n'


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    eleventy = generator("eleventy")
    root = write_site(tmp_path_factory.mktemp("eleventy") / "site", SITE)
    built([eleventy, "--quiet"], root)
    return root


def test_the_build_publishes_what_the_writer_meant(site):
    first = (site / "_site/blog/first/index.html").read_text(encoding="utf-8")
    assert "[posts][another tag]" in first
    assert (site / "_site/about/index.html").is_file()
    assert not (site / "_site/blog/draft").exists()


def test_what_eleventy_builds_is_no_error(site):
    assert errors(site) == {}
    assert errors(site / "content/blog") == {}


def test_an_invalid_date_breaks_the_build_and_is_an_error(tmp_path):
    root = write_site(tmp_path / "site", {**SITE, "content/blog/bad.md": BAD_DATE})
    done = build([generator("eleventy"), "--quiet"], root)
    assert done.returncode != 0
    assert "date" in done.stdout + done.stderr
    found = errors(root / "content/blog")
    assert "bad.md" in found
    assert "date" in " ".join(found["bad.md"])


def test_a_date_eleventy_rolls_over_is_an_error(tmp_path):
    root = write_site(tmp_path / "site", {**SITE, "content/blog/rolled.md": ROLLED_DATE})
    built([generator("eleventy"), "--quiet"], root)
    assert "2019-02-14" in (root / "_site/blog/rolled/index.html").read_text(encoding="utf-8")
    found = errors(root / "content/blog")
    assert "date" in " ".join(found["rolled.md"])


def test_list_says_kind_and_status(site):
    rows = listing(site)
    assert (rows["content/blog/first.md"]["kind"], rows["content/blog/first.md"]["status"]) == (
        "post",
        "published",
    )
    assert rows["content/blog/draft.md"]["status"] == "draft"
    assert rows["content/about.md"]["kind"] == "page"
