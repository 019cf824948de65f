"""New posts are judged by the real builds (issue 16): `post-editor new` at each fixture site's
root, then the site's own build, which must accept the post and publish it (or leave a Hugo
draft out, as Hugo's archetype makes new posts drafts). One build per generator; a Next.js
blog has no build of its own to ask, so gray-matter, its front-matter reader, reads the post."""

from __future__ import annotations

import re
from pathlib import Path

from builds import built, generator, gray_matter, post_editor, write_site
from test_astro_build import SITE as ASTRO_SITE
from test_astro_build import astro_site

from editor.core.document import Post

JEKYLL = {
    "_config.yml": "title: Fixture\ntimezone: UTC\n",
    "_layouts/post.html": "<h1>{{ page.title }}</h1>{{ content }}",
    "tags.json": "---\n---\n{{ site.tags | jsonify }}\n",
    "_posts/2025-01-29-first.md": (
        '---\nlayout: post\ntitle: "First"\ndate: 2025-01-29 18:15:32 +0530\n---\nText.\n'
    ),
    "_posts/2025-02-01-second.md": (
        '---\nlayout: post\ntitle: "Second"\ndate: 2025-02-01 08:00:00 +0530\n---\nText.\n'
    ),
}
HUGO = {
    "hugo.toml": 'title = "Fixture"\nbaseURL = "https://example.org/"\n',
    "layouts/_default/single.html": "{{ .Title }}|{{ .Content }}",
    "layouts/_default/list.html": "{{ range .Pages }}[{{ .Title }}]{{ end }}",
    "content/posts/first/index.md": (
        '+++\ntitle = "First"\ndate = 2024-03-01T10:00:00+01:00\ndraft = false\n+++\nText.\n'
    ),
    "content/posts/second/index.md": (
        '+++\ntitle = "Second"\ndate = 2024-04-01T10:00:00+01:00\ndraft = false\n+++\nText.\n'
    ),
}
ELEVENTY = {
    "eleventy.config.js": (
        'export const config = { dir: { input: "content", includes: "../_includes" } };\n'
    ),
    "package.json": '{ "name": "fixture", "type": "module", "private": true }\n',
    "_includes/post.njk": "<h1>{{ title }}</h1>{{ content | safe }}",
    "content/blog/blog.11tydata.json": '{ "tags": ["posts"], "layout": "post.njk" }\n',
    "content/blog/first.md": "---\ntitle: First\ndate: 2018-07-04\n---\nText.\n",
    "content/blog/second.md": "---\ntitle: Second\ndate: 2018-08-24\n---\nText.\n",
}

NEXT = {
    "package.json": '{ "private": true, "dependencies": { "next": "15.0.0" } }\n',
    "_posts/hello-world.md": (
        "---\ntitle: 'Learn How to Pre-render Pages Using Static Generation with Next.js'\n"
        "excerpt: 'Lorem ipsum dolor sit amet.'\ncoverImage: '/assets/blog/hello-world/cover.jpg'\n"
        "date: '2020-03-16T05:35:07.322Z'\nauthor:\n  name: Tim Neutkens\n"
        "  picture: '/assets/blog/authors/tim.jpeg'\n---\nText.\n"
    ),
    "_posts/preview.md": (
        "---\ntitle: 'Preview Mode for Static Generation'\nexcerpt: 'Lorem ipsum.'\n"
        "coverImage: '/assets/blog/preview/cover.jpg'\ndate: '2020-03-16T05:35:07.322Z'\n"
        "author:\n  name: Joe Haddad\n  picture: '/assets/blog/authors/joe.jpeg'\n---\nText.\n"
    ),
}


def new(root: Path, title: str, *more: str) -> Path:
    done = post_editor("new", root, "--title", title, *more, cwd=root)
    assert done.returncode == 0, done.stderr
    return Path(done.stdout.strip())


def test_jekyll_builds_a_new_post_dated_as_its_posts(tmp_path):
    root = write_site(tmp_path / "site", JEKYLL)
    path = new(root, "Привет мир")
    assert path.parent == root / "_posts" and path.name.endswith("-привет-мир.md")
    post = Post.read(path)
    assert post.text.startswith('---\nlayout: post\ntitle: "Привет мир"\ndate: 20')
    # Its date spelled as the newest post spells it: time and zone (`+0530` style).
    assert re.fullmatch(
        r"date: \d{4}-\d\d-\d\d \d\d:\d\d:\d\d [+-]\d{4}", post.text.splitlines()[3]
    )
    # What `set` writes is what the build reads: a new title, a tag, another day.
    edit = ["--field", "title=Hello: again", "--field", "tags=[field-notes]"]
    edited = post_editor("set", path, *edit, "--field", "date=2025-03-01", cwd=root)
    assert edited.returncode == 0, edited.stderr
    built([generator("jekyll"), "build", "--quiet"], root)
    pages = list((root / "_site").rglob("*привет-мир*"))
    assert len(pages) == 1 and "<h1>Hello: again</h1>" in pages[0].read_text(encoding="utf-8")
    assert "/2025/03/01/" in pages[0].as_posix()
    assert '"field-notes"' in (root / "_site/tags.json").read_text(encoding="utf-8")


def test_hugo_builds_a_new_bundle_and_leaves_it_out_as_a_draft(tmp_path):
    root = write_site(tmp_path / "site", HUGO)
    path = new(root, "Привет мир")
    assert path == root / "content/posts/привет-мир/index.md"
    post = Post.read(path)
    assert post.kind == "toml" and list(post.values) == ["title", "date", "draft"]
    assert post.values["draft"] is True
    hugo = generator("hugo")
    built([hugo, "--quiet"], root)
    assert not (root / "public/posts/привет-мир").exists()
    edit = ["--field", "title=Hello: again", "--field", "tags=[field-notes]"]
    edited = post_editor("set", path, *edit, cwd=root)
    assert edited.returncode == 0, edited.stderr
    built([hugo, "--quiet", "--buildDrafts", "--destination", "with-drafts"], root)
    page = root / "with-drafts/posts/привет-мир/index.html"
    assert page.read_text(encoding="utf-8").startswith("Hello: again|")
    assert "[Hello: again]" in (root / "with-drafts/tags/field-notes/index.html").read_text()


def test_astro_builds_a_new_post_with_the_schemas_keys(tmp_path):
    root = astro_site(tmp_path / "site", ASTRO_SITE)
    path = new(root, "Привет мир")
    assert path == root / "src/content/blog/privet-mir.md"
    post = Post.read(path)
    assert list(post.values) == ["title", "description", "pubDate"]
    built([generator("astro"), "build", "--silent"], root)
    page = root / "dist/blog/privet-mir/index.html"
    assert "<h1>Привет мир</h1>" in page.read_text(encoding="utf-8")


def test_eleventy_builds_a_new_post_in_its_collection_folder(tmp_path):
    root = write_site(tmp_path / "site", ELEVENTY)
    path = new(root, "Привет мир")
    assert path == root / "content/blog/privet-mir.md"
    built([generator("eleventy"), "--quiet"], root)
    page = root / "_site/blog/privet-mir/index.html"
    assert "<h1>Привет мир</h1>" in page.read_text(encoding="utf-8")


def test_gray_matter_reads_a_new_nextjs_post_and_its_edits(tmp_path):
    # The blog-starter reads `_posts/*.md` with gray-matter (lib/api.ts): what it reads is
    # what the post says, before and after `set`.
    root = write_site(tmp_path / "site", NEXT)
    path = new(root, "Привет мир")
    assert path == root / "_posts/privet-mir.md"
    data = gray_matter(path)
    assert data["title"] == "Привет мир" and data["date"].startswith("20")
    edited = post_editor("set", path, "--field", "title=Hello: again", cwd=root)
    assert edited.returncode == 0, edited.stderr
    assert gray_matter(path)["title"] == "Hello: again"
