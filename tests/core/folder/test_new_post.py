"""New posts shaped by their collection (editor/core/folder/new_post.py, new_post_shape.py)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from editor.core.errors import PostError
from editor.core.folder import ContentFolder, new_post

NOW = dt.datetime(2026, 3, 4, 9, 30, 15, tzinfo=dt.timezone(dt.timedelta(hours=5, minutes=30)))


def site(root: Path, files: dict[str, str]) -> ContentFolder:
    for rel, text in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    folder = ContentFolder(root)
    folder.scan()
    return folder


def test_a_jekyll_post_at_the_site_root_goes_in_posts_dated_as_the_newest(tmp_path):
    folder = site(
        tmp_path,
        {
            "_config.yml": "title: x\n",
            "_posts/2024-01-01-old.md": "---\ntitle: Old\ndate: '2024-01-01'\n---\n",
            "_posts/2025-01-29-new.md": (
                '---\nlayout: post\ntitle: "New"\ndate: 2025-01-29 18:15:32 +0530\ntags: [a]\n---\n'
            ),
            "_posts/2025-01-20-mid.md": (
                '---\nlayout: post\ntitle: "Mid"\ndate: 2025-01-20 08:00:00 +0530\ntags: [b]\n---\n'
            ),
        },
    )
    assert [c.name for c in new_post.collections(folder)][:2] == ["posts", "drafts"]
    post = new_post.make(folder, "Hello: world", now=NOW)
    assert post.path == tmp_path / "_posts/2026-03-04-hello-world.md"
    assert not post.path.exists() and not post.modified
    assert post.text == (
        '---\nlayout: post\ntitle: "Hello: world"\ndate: 2026-03-04 09:30:15 +0530\n'
        "tags: []\n---\n\n"
    )


def test_a_jekyll_draft_gets_no_date_in_its_name(tmp_path):
    folder = site(tmp_path, {"_config.yml": "title: x\n", "_drafts/a.md": "---\ntitle: A\n---\n"})
    drafts = next(c for c in new_post.collections(folder) if c.name == "drafts")
    post = new_post.make(folder, "Later", drafts, now=NOW)
    assert post.path == tmp_path / "_drafts/later.md"
    assert post.text == "---\ntitle: Later\n---\n\n"


def test_an_astro_post_takes_the_schemas_key_names(tmp_path):
    config = (
        'import { defineCollection, z } from "astro:content";\n'
        "const blog = defineCollection({ schema: z.object({ title: z.string(),"
        " description: z.string(), pubDate: z.coerce.date() }) });\n"
        "export const collections = { blog };\n"
    )
    folder = site(
        tmp_path,
        {
            "astro.config.mjs": "export default {};\n",
            "src/content.config.ts": config,
            "src/content/blog/a.md": "---\ntitle: A\ndescription: D\npubDate: 'Jul 08 2022'\n---\n",
        },
    )
    post = new_post.make(folder, "Привет", now=NOW)
    assert post.path == tmp_path / "src/content/blog/privet.md"
    assert post.text == "---\ntitle: Привет\ndescription: ''\npubDate: 'Mar 04 2026'\n---\n\n"


def test_a_zola_post_with_no_posts_beside_it_is_toml(tmp_path):
    folder = site(
        tmp_path,
        {"config.toml": 'base_url = "https://e.x"\n', "content/blog/_index.md": "+++\n+++\n"},
    )
    post = new_post.make(folder, "Hi", now=NOW, fields={"tags": ["a", "b"]})
    assert post.text.startswith('+++\ntitle = "Hi"\n')
    assert post.text.endswith('tags = ["a", "b"]\n+++\n\n')


def test_create_post_writes_what_new_post_makes(tmp_path):
    folder = site(tmp_path, {"a.md": "---\ntitle: A\ndate: 2024-01-01\n---\n"})
    made = new_post.make(folder, "Same", now=NOW)
    saved = new_post.create(folder, "Same", now=NOW)
    assert saved.path == made.path and saved.path.read_text() == made.text
    assert folder.entry(saved.path.relative_to(tmp_path)) is not None


def test_an_unknown_value_cannot_go_in_toml(tmp_path):
    folder = site(tmp_path, {"config.toml": 'base_url = "x"\n', "content/_index.md": "+++\n+++\n"})
    with pytest.raises(PostError):
        new_post.make(folder, "Hi", now=NOW, fields={"extra": {"a": 1}})


def test_a_placeholder_text_all_posts_share_is_not_copied_but_a_setting_is(tmp_path):
    lorem = "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor."
    posts = {
        f"_posts/p{n}.md": f"---\ntitle: P{n}\nexcerpt: '{lorem}'\nlayout: post\n---\nText.\n"
        for n in range(3)
    }
    (tmp_path / "package.json").write_text('{ "dependencies": { "next": "15.0.0" } }\n')
    for rel, text in posts.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(text)
    folder = ContentFolder(tmp_path)
    folder.scan()
    post = new_post.make(folder, "New", now=NOW)
    assert post.values["excerpt"] == "" and post.values["layout"] == "post"


def test_a_plain_folder_opened_above_its_posts_gets_the_new_post_beside_them(tmp_path):
    posts = tmp_path / "content/posts"
    for name in ("a.md", "b.md", "bundle/index.md"):
        (posts / name).parent.mkdir(parents=True, exist_ok=True)
        (posts / name).write_text(f"---\ntitle: {name}\ndate: 2026-01-01\n---\nText.\n")
    folder = ContentFolder(tmp_path)
    folder.scan()
    assert new_post.make(folder, "New one", now=NOW).path == posts / "new-one.md"
