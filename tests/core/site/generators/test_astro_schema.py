"""An Astro collection's schema from the site's own files: the JSON Schema the real
`astro sync` writes, else the config's `z.object({...})` read as far as it goes, with a note;
the schema is declared, so the folder holds posts to it."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from pathlib import PurePosixPath as P

from builds import built, generator
from sitefactory import site

from editor.core.folder import ContentFolder
from editor.core.site.generators import Astro, detect_generator

CONFIG = """\
import { defineCollection, z } from 'astro:content';
import { glob } from 'astro/loaders';

const blog = defineCollection({
  loader: glob({ base: './src/content/blog', pattern: '**/*.{md,mdx}' }),
  schema: ({ image }) =>
    z.object({
      title: z.string(),
      description: z.string().max(160),
      pubDate: z.coerce.date(),
      updatedDate: z.coerce.date().optional(),
      heroImage: image().optional(),
      tags: z.array(z.string().optional()),
      kind: z.enum(['note', 'essay']).default('note'),
      draft: z.boolean().optional().default(false),
      link: z.string().url().optional(),
      extra: z.object({ a: z.string() }).optional(),
      computed: z.string().transform((s) => s.trim()).optional(),
    }),
});

export const collections = { blog };
"""
POST = "---\ntitle: Hello\ndescription: A post.\npubDate: 2025-01-02\ntags: [a]\n---\nText.\n"


def astro_site(tmp_path: Path) -> Astro:
    site(
        tmp_path,
        {
            "astro.config.mjs": "import { defineConfig } from 'astro/config';\n"
            "export default defineConfig({});\n",
            "src/content.config.ts": CONFIG,
            "src/content/blog/hello.md": POST,
        },
    )
    found = detect_generator(tmp_path)
    assert isinstance(found, Astro)
    return found


def test_without_astro_sync_the_config_is_read_and_a_note_says_so(tmp_path):
    gen = astro_site(tmp_path)
    source = gen.collection_schema(gen.collections[0])
    assert source is not None and source.origin == "generator" and source.declared
    assert source.path == tmp_path / "src/content.config.ts"
    assert source.notes == (
        "run `astro sync` to let Post Editor read the blog collection's schema",
    )
    kinds = {f.name: (f.type, f.required) for f in source.schema.fields}
    assert kinds == {
        "title": ("string", True),
        "description": ("string", True),
        "pubDate": ("date", True),
        "updatedDate": ("date", False),
        "heroImage": ("image", False),
        "tags": ("list", True),
        "kind": ("select", False),
        "draft": ("boolean", False),
        "link": ("url", False),
        "computed": ("string", False),
    }
    assert source.schema.field("kind").choices == ("note", "essay")
    assert source.schema.defaults() == {"draft": False}


def test_a_synced_json_schema_comes_first(tmp_path):
    gen = astro_site(tmp_path)
    synced = tmp_path / ".astro/collections/blog.schema.json"
    synced.parent.mkdir(parents=True)
    blog = {
        "type": "object",
        "properties": {"title": {"type": "string"}, "heroImage": {"type": "string"}},
        "required": ["title"],
    }
    synced.write_text(json.dumps({"$ref": "#/definitions/blog", "definitions": {"blog": blog}}))
    source = gen.collection_schema(gen.collections[0])
    assert source is not None and source.path == synced and source.notes == ()
    assert [(f.name, f.type) for f in source.schema.fields] == [
        ("title", "string"),
        ("heroImage", "image"),  # image() in the config: the JSON Schema says string
    ]


def test_a_schema_that_cannot_be_read_leaves_the_posts_to_teach_it(tmp_path):
    astro_site(tmp_path)
    imported = re.sub(r"schema: .*\n    \}\),\n", "schema: postSchema,\n", CONFIG, flags=re.S)
    assert "z.object" not in imported
    (tmp_path / "src/content.config.ts").write_text(imported)
    folder = ContentFolder(tmp_path)
    folder.scan()
    source = folder.source_for(P("src/content/blog/hello.md"))
    assert source.origin == "inferred"
    assert any("run `astro sync`" in note and "cannot read" in note for note in source.notes)


def test_the_folder_holds_posts_to_the_collections_schema(tmp_path):
    astro_site(tmp_path)
    site(tmp_path, {"src/content/blog/bad.md": "---\ntitle: No description\n---\nText.\n"})
    folder = ContentFolder(tmp_path)
    entries = {e.path.name: e for e in folder.scan()}
    source = folder.source_for(P("src/content/blog/bad.md"))
    assert source.origin == "generator"
    assert folder.schema_for(P("src/content/blog/bad.md")).field("pubDate").required
    errors = {p.field for p in entries["bad.md"].problems if p.severity == "error"}
    assert {"description", "pubDate"} <= errors
    assert not [p for p in entries["hello.md"].problems if p.severity == "error"]


def test_the_schema_of_the_real_astro_sync(tmp_path):
    astro = generator("astro")
    astro_site(tmp_path)
    (tmp_path / "node_modules").symlink_to(Path(astro).parents[1], target_is_directory=True)
    built([astro, "sync"], tmp_path)
    synced = tmp_path / ".astro/collections/blog.schema.json"
    assert synced.is_file()
    gen = detect_generator(tmp_path)
    source = gen.collection_schema(gen.collections[0])
    assert source is not None and source.path == synced
    kinds = {f.name: (f.type, f.required) for f in source.schema.fields}
    assert kinds["title"] == ("string", True)
    assert kinds["pubDate"] == ("date", True)
    assert kinds["updatedDate"] == ("date", False)
    assert kinds["heroImage"] == ("image", False)
    assert kinds["kind"] == ("select", False)
    assert kinds["draft"] == ("boolean", False)
    assert source.schema.field("description").max == 160
    assert source.schema.field("kind").choices == ("note", "essay")
    assert kinds["computed"] == ("string", False)
    shutil.rmtree(tmp_path / ".astro")
