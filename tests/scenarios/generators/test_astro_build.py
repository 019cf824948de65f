"""Astro is the judge (issue 15): one fixture blog built by the real `astro build` (the slow
generator: one build for the module), and what `post-editor check` and `list` say about it. An
image relative to the post resolves as Astro resolves it; a post that breaks the collection's
schema breaks the build, and is an error."""

from __future__ import annotations

import shutil
import struct
import zlib
from pathlib import Path

import pytest
from builds import build, built, errors, generator, listing, write_site


def png() -> bytes:
    """A real 1x1 PNG: Astro's image service decodes the images the schema's image() names."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\xff\x00\x00")
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


CONTENT_CONFIG = """\
import { defineCollection, z } from "astro:content";
import { glob } from "astro/loaders";

const blog = defineCollection({
  loader: glob({ base: "./src/content/blog", pattern: "**/*.{md,mdx}" }),
  schema: ({ image }) =>
    z.object({
      title: z.string(),
      description: z.string(),
      pubDate: z.coerce.date(),
      heroImage: image().optional(),
    }),
});

export const collections = { blog };
"""
PAGE = """\
---
import { getCollection, render } from "astro:content";
export async function getStaticPaths() {
  const posts = await getCollection("blog");
  return posts.map((post) => ({ params: { slug: post.id }, props: { post } }));
}
const { post } = Astro.props;
const { Content } = await render(post);
---
<h1>{post.data.title}</h1>
{post.data.heroImage && <img src={post.data.heroImage.src} alt="" />}
<Content />
"""
SITE = {
    "package.json": '{ "name": "fixture", "type": "module", "private": true }\n',
    "astro.config.mjs": (
        'import { defineConfig } from "astro/config";\nexport default defineConfig({});\n'
    ),
    "src/content.config.ts": CONTENT_CONFIG,
    "src/pages/blog/[...slug].astro": PAGE,
    "src/assets/hero.png": png(),
    "src/content/blog/first-post.md": (
        "---\ntitle: First post\ndescription: The first one\npubDate: 'Jul 08 2022'\n"
        "heroImage: '../../assets/hero.png'\n---\nText.\n"
    ),
    "src/content/blog/second-post.md": (
        "---\ntitle: Second post\ndescription: The second one\npubDate: 2022-07-15\n---\n"
        "See the [first post](./first-post.md).\n"
    ),
}
NO_TITLE = "---\ndescription: No title\npubDate: 2022-07-22\n---\nText.\n"


def astro_site(root: Path, files: dict[str, str | bytes]) -> Path:
    """A fixture project using the Astro of tests/generators (its node_modules, linked)."""
    write_site(root, files)
    modules = Path(generator("astro")).parents[1]
    (root / "node_modules").symlink_to(modules, target_is_directory=True)
    return root


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    astro = generator("astro")
    root = astro_site(tmp_path_factory.mktemp("astro") / "site", SITE)
    built([astro, "build", "--silent"], root)
    return root


def test_the_build_publishes_each_post_with_its_image(site):
    page = (site / "dist/blog/first-post/index.html").read_text(encoding="utf-8")
    assert "<h1>First post</h1>" in page
    assert list((site / "dist/_astro").glob("hero*.png"))
    assert (site / "dist/blog/second-post/index.html").is_file()


def test_what_astro_builds_is_no_error(site):
    assert errors(site) == {}
    assert errors(site / "src/content/blog") == {}


def test_a_post_missing_a_required_key_breaks_the_sync_and_is_an_error(site, tmp_path):
    """`astro sync` validates every entry against the schema as the build does, in a fraction
    of its time."""
    root = tmp_path / "site"
    shutil.copytree(site / "src", root / "src")
    astro_site(root, {name: SITE[name] for name in ("package.json", "astro.config.mjs")})
    (root / "src/content/blog/no-title.md").write_text(NO_TITLE, encoding="utf-8")
    done = build([generator("astro"), "sync"], root)
    assert done.returncode != 0
    assert "title" in done.stdout + done.stderr
    found = errors(root / "src/content/blog")
    assert list(found) == ["no-title.md"]
    assert any(message.startswith("title:") for message in found["no-title.md"])


def test_list_says_the_collection(site):
    rows = listing(site)
    row = rows["src/content/blog/first-post.md"]
    assert (row["collection"], row["kind"], row["status"]) == ("blog", "post", "published")
