"""Hugo is the judge (issue 15): a multilingual fixture site built by the real `hugo`, and what
`post-editor check` and `list` say about the same files. Section pages, headless bundles and
translations build without complaint, so they get no error; drafts, future and expired posts
are left out of public/, and `list` says so."""

from __future__ import annotations

from pathlib import Path

import pytest
from builds import built, check, errors, generator, listing, write_site

CONFIG = """\
baseURL = "https://example.org/"
title = "Fixture"
defaultContentLanguage = "en"
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]
[languages.en]
  weight = 1
[languages.fr]
  weight = 2
"""
# Hugo renders nothing without templates: one for pages, one for lists.
SINGLE = "{{ .Title }}|{{ .Lang }}|{{ .Content }}"
LIST = "{{ .Title }}|{{ range .Pages }}[{{ .Title }}]{{ end }}"


def post(title: str, extra: str = "", body: str = "Text.\n") -> str:
    return f"---\ntitle: {title}\ndate: 2024-01-24\n{extra}---\n{body}"


SITE = {
    "hugo.toml": CONFIG,
    "layouts/_default/single.html": SINGLE,
    "layouts/_default/list.html": LIST,
    "content/_index.md": "---\ntitle: Home\n---\n",
    "content/posts/_index.md": "---\ntitle: Posts\ncascade:\n  author: Ann\n---\n",
    "content/posts/hello.md": post("Hello"),
    "content/posts/hello.fr.md": post("Hello"),
    "content/posts/bundle/index.md": post("A bundle", body="![cat](cat.png)\n"),
    "content/posts/bundle/cat.png": b"\x89PNG\r\n\x1a\n",
    "content/headless/index.md": "---\nheadless: true\n---\n",
    "content/headless/part.md": "---\n---\nA part other pages use.\n",
    "content/posts/a-draft.md": post("A draft", "draft: true\n"),
    "content/posts/future.md": "---\ntitle: Future\ndate: 2999-01-01\n---\nText.\n",
    "content/posts/expired.md": post("Expired", "expiryDate: 2000-01-01\n"),
}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site, built once with Hugo's defaults (buildDrafts, buildFuture, buildExpired off)."""
    hugo = generator("hugo")
    root = write_site(tmp_path_factory.mktemp("hugo") / "site", SITE)
    built([hugo, "--quiet"], root)
    return root


def test_the_build_publishes_what_the_writer_meant(site):
    public = site / "public"
    assert (public / "posts/hello/index.html").read_text().startswith("Hello|en|")
    assert (public / "fr/posts/hello/index.html").read_text().startswith("Hello|fr|")
    assert (public / "posts/bundle/cat.png").is_file()
    assert (public / "posts/index.html").read_text().startswith("Posts|")
    assert not (public / "headless").exists()
    for left_out in ("a-draft", "future", "expired"):
        assert not (public / "posts" / left_out).exists(), left_out


def test_what_hugo_builds_is_no_error(site):
    assert errors(site) == {}
    assert errors(site / "content") == {}


def test_translations_sharing_a_title_are_not_flagged(site):
    translations = {"posts/hello.md", "posts/hello.fr.md"}
    flagged = [p for p in check(site / "content") if p["path"] in translations]
    assert flagged == []


def test_list_says_collection_kind_status_and_language(site):
    rows = listing(site)
    seen = {path: (row["kind"], row["status"], row["language"]) for path, row in rows.items()}
    assert seen["content/posts/hello.md"] == ("post", "published", "en")
    assert seen["content/posts/hello.fr.md"] == ("post", "published", "fr")
    assert seen["content/posts/_index.md"][0] == "page"
    assert seen["content/posts/a-draft.md"][1] == "draft"
    assert seen["content/posts/future.md"][1] == "scheduled"
    assert seen["content/posts/expired.md"][1] == "expired"
    assert rows["content/posts/hello.md"]["collection"] == "posts"
