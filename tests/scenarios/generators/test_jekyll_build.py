"""Jekyll is the judge (issue 15): a fixture site built by the real `jekyll`, and what
`post-editor check` and `list` say about the same files. What Jekyll builds as the writer meant
is no error; what breaks the build is one."""

from __future__ import annotations

from pathlib import Path

import pytest
from builds import build, built, errors, generator, listing, write_site

CONFIG = "title: Fixture\nlang: en\ntimezone: UTC\nfuture: false\n"
# Lists what Jekyll read, so that the test can see it in the built page.
TAGS_PAGE = "---\ntitle: Tags\n---\n{% for tag in site.tags %}[{{ tag[0] }}]{% endfor %}\n"
GOOD = {
    "_config.yml": CONFIG,
    "tags.html": TAGS_PAGE,
    "_posts/2013-11-20-dated-by-its-name.md": "---\ntitle: Dated by its name\n---\nText.\n",
    "_posts/2013-11-21-tags-as-words.md": (
        "---\ntitle: Tags as words\ntags: alpha beta\n---\nText.\n"
    ),
    "_posts/2013-11-22-time-and-zone.md": (
        "---\ntitle: Time and zone\ndate: 2013-11-22 5:00:00 +0000\n---\nText.\n"
    ),
    "_posts/2013-11-23-unpublished.md": "---\ntitle: Unpublished\npublished: false\n---\nText.\n",
    "_posts/2999-01-01-in-the-future.md": "---\ntitle: In the future\n---\nText.\n",
    "_drafts/a-draft.md": "---\ntitle: A draft\n---\nText.\n",
}
BAD_DATE = "---\ntitle: Bad date\ndate: 2014-13-45\n---\nText.\n"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The good site, built once: Jekyll must accept it."""
    jekyll = generator("jekyll")
    root = write_site(tmp_path_factory.mktemp("jekyll") / "site", GOOD)
    built([jekyll, "build", "--quiet"], root)
    return root


def test_the_build_publishes_what_the_writer_meant(site):
    out = site / "_site"
    assert (out / "2013/11/20/dated-by-its-name.html").is_file()
    assert (out / "2013/11/22/time-and-zone.html").is_file()
    assert "[alpha][beta]" in (out / "tags.html").read_text(encoding="utf-8")
    assert not (out / "2013/11/23/unpublished.html").exists()
    assert not (out / "2999/01/01/in-the-future.html").exists()
    assert not list(out.rglob("a-draft.html"))


def test_what_jekyll_builds_is_no_error(site):
    assert errors(site) == {}
    assert errors(site / "_posts") == {}


def test_an_invalid_date_breaks_the_build_and_is_an_error(tmp_path):
    jekyll = generator("jekyll")
    bad = "_posts/2014-01-01-bad.md"
    root = write_site(tmp_path / "site", {"_config.yml": CONFIG, bad: BAD_DATE})
    done = build([jekyll, "build", "--quiet"], root)
    assert done.returncode != 0
    assert "Invalid date" in done.stdout + done.stderr
    found = errors(root)
    assert list(found) == [bad]
    assert "date" in " ".join(found[bad])


def test_list_says_collection_kind_status_and_language(site):
    rows = listing(site)
    assert rows["_posts/2013-11-21-tags-as-words.md"]["tags"] == ["alpha", "beta"]
    seen = {
        path: (row["collection"], row["kind"], row["status"], row["language"])
        for path, row in rows.items()
    }
    assert seen["_posts/2013-11-20-dated-by-its-name.md"] == ("posts", "post", "published", "en")
    assert seen["_posts/2013-11-23-unpublished.md"][2] == "draft"
    assert seen["_posts/2999-01-01-in-the-future.md"][2] == "scheduled"
    assert seen["_drafts/a-draft.md"][1:3] == ("post", "draft")
    assert rows["_posts/2013-11-20-dated-by-its-name.md"]["date"] == "2013-11-20"
