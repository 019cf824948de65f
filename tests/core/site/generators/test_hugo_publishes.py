"""The real `hugo` beside the Hugo generator: the pages Hugo publishes are the ones the
folder list calls published, and no others."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path, PurePosixPath

from sitefactory import site
from unavailable import unavailable

from editor.core.folder.content_folder import ContentFolder, IndexEntry

LAYOUT = "{{ .Title }}\n"
# Hugo 0.111 (Debian's) and later read all of these alike: `_build` rather than `build`,
# cascade paths with `**`, headless on a leaf bundle only.
FILES = {
    "hugo.toml": (
        "baseURL = 'https://example.org/'\ndisableKinds = ['rss', 'sitemap', 'taxonomy', 'term']\n"
        "defaultContentLanguage = 'en'\n[languages.en]\nweight = 1\n[languages.fr]\nweight = 2\n"
    ),
    "layouts/_default/single.html": LAYOUT,
    "layouts/_default/list.html": LAYOUT,
    "content/_index.md": "---\ntitle: Home\n---\n",
    "content/posts/_index.md": (
        "---\ntitle: Posts\ncascade:\n  - _target:\n      path: /posts/old/**\n"
        "    draft: true\n---\n"
    ),
    "content/posts/plain.md": "---\ntitle: Plain\n---\n",
    "content/posts/undated-untitled.md": "No front matter at all.\n",
    "content/posts/dated.md": "---\ntitle: Dated\ndate: 2001-01-01\ntags: a b\n---\n",
    "content/posts/draft.md": "---\ntitle: Draft\nDraft: true\n---\n",
    "content/posts/unpublished.md": "---\ntitle: U\npublished: false\n---\n",
    "content/posts/future.md": "---\ntitle: Future\ndate: 2999-01-01\n---\n",
    "content/posts/future-pub.md": "---\ntitle: F\npublishDate: 2999-01-01\n---\n",
    "content/posts/past-pub.md": "---\ntitle: P\ndate: 2999-01-01\npublishdate: 2001-01-01\n---\n",
    "content/posts/expired.md": "---\ntitle: Gone\nexpiryDate: 2001-01-01\n---\n",
    "content/posts/expired-alias.md": "---\ntitle: Gone\nunpublishdate: 2001-01-01\n---\n",
    "content/posts/old/_index.md": "---\ntitle: Old\n---\n",
    "content/posts/old/one.md": "---\ntitle: One\n---\n",
    "content/posts/trip/index.md": "+++\ntitle = 'Trip'\n+++\n",
    "content/posts/trip/notes.md": "---\ntitle: A resource\n---\n",
    "content/posts/gallery/index.md": "---\ntitle: Gallery\nheadless: true\n---\n",
    "content/posts/unrendered.md": "---\ntitle: U\n_build:\n  render: never\n---\n",
    "content/posts/plain.fr.md": "---\ntitle: Simple\n---\n",
    "content/posts/draft.fr.md": "---\ntitle: Brouillon\ndraft: true\n---\n",
    "content/posts/name.de.md": "---\ntitle: de is no language here\n---\n",
    "content/about.md": "---\ntitle: About\n---\n",
    "archetypes/default.md": "---\ntitle: archetype\n---\n",
}


def output_of(entry: IndexEntry) -> PurePosixPath:
    """Where Hugo writes the page of an entry (defaultContentLanguage at the root)."""
    rel = PurePosixPath(entry.path.as_posix()).relative_to("content")
    parts = rel.with_suffix("").name.split(".")
    if entry.language != "en":
        parts = parts[:-1]
    name = ".".join(parts)
    folder = rel.parent if name in ("index", "_index") else rel.parent / name
    prefix = PurePosixPath(".") if entry.language == "en" else PurePosixPath(entry.language)
    return prefix / folder / "index.html"


def test_what_hugo_publishes_is_what_the_list_calls_published(tmp_path: Path):
    hugo = shutil.which("hugo")
    if hugo is None:
        unavailable("hugo is not installed")
    root = site(tmp_path / "site", FILES)
    subprocess.run(
        [hugo, "--quiet", "--destination", str(tmp_path / "public")],
        cwd=root,
        check=True,
        capture_output=True,
        timeout=120,
    )
    public = tmp_path / "public"
    built = {p.relative_to(public).as_posix() for p in public.rglob("index.html")}
    folder = ContentFolder(root)
    entries = folder.scan()
    listed = {e.path.as_posix() for e in entries}
    assert "content/posts/trip/notes.md" not in listed  # a resource of its bundle
    assert "archetypes/default.md" not in listed
    expected = {
        output_of(e).as_posix()
        for e in entries
        if e.status == "published" and folder.placement(e.path).role != "headless"
    }
    # Pages Hugo makes without a file: the French home and section, a redirect to "/".
    assert built - {"en/index.html", "fr/index.html", "fr/posts/index.html"} == expected
    posts = {
        e.path.relative_to("content/posts").as_posix(): e.status
        for e in entries
        if e.path.is_relative_to("content/posts")
    }
    assert {name: state for name, state in posts.items() if state != "published"} == {
        "draft.md": "draft",
        "unpublished.md": "draft",
        "future.md": "scheduled",
        "future-pub.md": "scheduled",
        "expired.md": "expired",
        "expired-alias.md": "expired",
        "old/_index.md": "draft",
        "old/one.md": "draft",
        "draft.fr.md": "draft",
    }
    assert all(e.errors == 0 for e in entries), [e.problems for e in entries if e.errors]
