"""Astro sites as Astro sees them: collections from `src/content.config.ts` (or the legacy
`src/content/config.ts`), read without Node; Starlight's docs and locales; pages."""

from __future__ import annotations

import datetime as dt
from pathlib import Path, PurePosixPath

import pytest
from sitefactory import site

from editor.core.folder import ContentFolder
from editor.core.site.generators import Astro, Collection, detect_generator, glob_match

# The Astro blog example's content config (withastro/astro, examples/blog).
BLOG_CONFIG = """\
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

const blog = defineCollection({
\t// Load Markdown and MDX files in the `src/content/blog/` directory.
\tloader: glob({ base: './src/content/blog', pattern: '**/*.{md,mdx}' }),
\t// Type-check frontmatter using a schema
\tschema: ({ image }) =>
\t\tz.object({
\t\t\ttitle: z.string(),
\t\t\tdescription: z.string(),
\t\t\t// Transform string to Date object
\t\t\tpubDate: z.coerce.date(),
\t\t\tupdatedDate: z.coerce.date().optional(),
\t\t\theroImage: z.optional(image()),
\t\t}),
});

export const collections = { blog };
"""

STARLIGHT_CONTENT = """\
import { defineCollection } from 'astro:content';
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';

export const collections = {
\tdocs: defineCollection({ loader: docsLoader(), schema: docsSchema() }),
};
"""

STARLIGHT_CONFIG = """\
// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';

export const locales = {
\troot: { label: 'English', lang: 'en' },
\tfr: { label: 'Français', lang: 'fr' },
\t'pt-br': { label: 'Português do Brasil', lang: 'pt-BR' },
};

export default defineConfig({
\tintegrations: [
\t\tstarlight({
\t\t\ttitle: 'My Docs',
\t\t\tlocales,
\t\t\tsidebar: [{ label: 'Guides', autogenerate: { directory: 'guides' } }],
\t\t}),
\t],
});
"""


def post(title: str, date: str = "2022-07-08", extra: str = "") -> str:
    return (
        f"---\ntitle: '{title}'\ndescription: 'Lorem ipsum'\npubDate: '{date}'\n{extra}---\nText.\n"
    )


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("HOME", str(tmp_path))
    return tmp_path


@pytest.fixture
def blog(tmp_path: Path) -> Path:
    """The Astro blog example: a glob-loaded collection, an about page, a post in the future."""
    future = (dt.date.today() + dt.timedelta(days=30)).isoformat()
    return site(
        tmp_path / "blog",
        {
            "astro.config.mjs": "export default defineConfig({ site: 'https://example.com' });\n",
            "src/content.config.ts": BLOG_CONFIG,
            "src/content/blog/first-post.md": post("First post"),
            "src/content/blog/using-mdx.mdx": post("Using MDX"),
            "src/content/blog/next-week.md": post("Soon", future),
            "src/content/blog/wip.md": post("Work in progress", extra="draft: true\n"),
            "src/pages/about.md": "---\ntitle: About\n---\nAbout me.\n",
            "src/pages/_hidden.md": "---\ntitle: Not a page\n---\n",
            "src/components/README.md": "# Components\n",
            "public/notes.md": "# Served as it is\n",
            "node_modules/pkg/README.md": "# A package\n",
            "dist/old.md": "# Build output\n",
            "README.md": "# The repository\n",
        },
    )


def test_the_blog_example_lists_its_posts_and_its_pages(blog: Path) -> None:
    folder = ContentFolder(blog)
    entries = {e.path.as_posix(): e for e in folder.scan()}
    assert set(entries) == {
        "src/content/blog/first-post.md",
        "src/content/blog/using-mdx.mdx",
        "src/content/blog/next-week.md",
        "src/content/blog/wip.md",
        "src/pages/about.md",
    }
    first = entries["src/content/blog/first-post.md"]
    assert (first.collection, first.kind, first.status) == ("blog", "post", "published")
    assert first.date == dt.date(2022, 7, 8)
    assert entries["src/content/blog/next-week.md"].status == "published"  # Astro has no schedule
    assert entries["src/content/blog/wip.md"].status == "draft"
    about = entries["src/pages/about.md"]
    assert (about.collection, about.kind, about.errors) == (None, "page", 0)
    assert all(e.errors == 0 for e in entries.values())


def test_the_blog_collection_is_read_from_the_config(blog: Path) -> None:
    astro = detect_generator(blog)
    assert isinstance(astro, Astro)
    assert astro.collections == (
        Collection("blog", PurePosixPath("src/content/blog"), "post", ("**/*.{md,mdx}",)),
    )
    # The example's pages never filter drafts out: the writer is told so.
    assert any("draft" in note for note in astro.notes)


def test_a_site_that_filters_drafts_gets_no_note(blog: Path) -> None:
    site(
        blog,
        {
            "src/pages/blog/index.astro": (
                "const posts = await getCollection('blog', ({ data }) => !data.draft);\n"
            )
        },
    )
    assert detect_generator(blog).notes == []


def test_opening_the_collection_folder_keeps_its_collection(blog: Path) -> None:
    entries = ContentFolder(blog / "src/content/blog").scan()
    assert {e.path.as_posix() for e in entries} == {
        "first-post.md",
        "using-mdx.mdx",
        "next-week.md",
        "wip.md",
    }
    assert {e.collection for e in entries} == {"blog"}


def test_a_glob_base_outside_src_content_and_a_pattern_list(tmp_path: Path) -> None:
    root = site(
        tmp_path / "s",
        {
            "astro.config.ts": "export default {};\n",
            "src/content.config.ts": (
                "const notes = defineCollection({ loader: glob({\n"
                "  pattern: ['*.md', 'deep/**/*.md'], base: './data/notes' }) });\n"
                'export const collections = { "field-notes": notes };\n'
            ),
            "data/notes/a.md": "---\ntitle: A\n---\n",
            "data/notes/skip/b.md": "---\ntitle: B\n---\n",
            "data/notes/deep/x/c.md": "---\ntitle: C\n---\n",
        },
    )
    astro = detect_generator(root)
    assert astro.collections == (
        Collection("field-notes", PurePosixPath("data/notes"), "page", ("*.md", "deep/**/*.md")),
    )
    paths = {e.path.as_posix(): e.collection for e in ContentFolder(root).scan()}
    assert paths == {"data/notes/a.md": "field-notes", "data/notes/deep/x/c.md": "field-notes"}


def test_a_legacy_config_names_folders_of_src_content(tmp_path: Path) -> None:
    root = site(
        tmp_path / "s",
        {
            "astro.config.mjs": "export default {};\n",
            "src/content/config.ts": (
                "import { z, defineCollection } from 'astro:content';\n"
                "const postsCollection = defineCollection({ type: 'content', schema: z.object({\n"
                "  title: z.string(), date: z.date() }) });\n"
                "const authors = defineCollection({ type: 'data',\n"
                "  schema: z.object({ name: z.string() }) });\n"
                "export const collections = {\n"
                "  posts: postsCollection, authors, guides: defineCollection({}) };\n"
            ),
            "src/content/posts/hello.md": "---\ntitle: Hi\ndate: 2024-01-02\n---\n",
            "src/content/posts/_draft-notes.md": "---\ntitle: underscored\n---\n",
            "src/content/guides/setup.md": "---\ntitle: Setup\n---\n",
        },
    )
    astro = detect_generator(root)
    assert [(c.name, c.folder.as_posix(), c.kind) for c in astro.collections] == [
        ("posts", "src/content/posts", "post"),  # a date in its schema
        ("guides", "src/content/guides", "page"),
    ]
    entries = {e.path.as_posix() for e in ContentFolder(root).scan()}
    assert entries == {"src/content/posts/hello.md", "src/content/guides/setup.md"}


def test_a_computed_pattern_is_a_note_and_the_folder_stands_in(tmp_path: Path) -> None:
    root = site(
        tmp_path / "s",
        {
            "astro.config.mjs": "export default {};\n",
            "src/content.config.ts": (
                "const ext = 'md';\n"
                "const blog = defineCollection({ loader: glob({\n"
                "  pattern: `**/*.${ext}`, base: './src/content/blog' }) });\n"
                "export const collections = { blog };\n"
            ),
            "src/content/blog/a.md": "---\ntitle: A\n---\n",
        },
    )
    astro = detect_generator(root)
    assert [c.folder.as_posix() for c in astro.collections] == ["src/content/blog"]
    assert any("‘blog’" in note and "glob" in note for note in astro.notes)


def test_without_a_config_each_folder_of_src_content_is_a_collection(tmp_path: Path) -> None:
    root = site(
        tmp_path / "s",
        {
            "astro.config.mjs": "export default {};\n",
            "src/content/blog/a.md": "---\ntitle: A\npubDate: 2024-01-01\n---\n",
            "src/content/docs/b.md": "---\ntitle: B\n---\n",
        },
    )
    collections = detect_generator(root).collections
    assert [(c.name, c.kind) for c in collections] == [("blog", "post"), ("docs", "page")]


@pytest.fixture
def starlight(tmp_path: Path) -> Path:
    return site(
        tmp_path / "docs",
        {
            "astro.config.mjs": STARLIGHT_CONFIG,
            "src/content.config.ts": STARLIGHT_CONTENT,
            "src/content/docs/index.mdx": "---\ntitle: Welcome\n---\n",
            "src/content/docs/guides/example.md": "---\ntitle: Example Guide\n---\n",
            "src/content/docs/guides/_partial.md": "Included elsewhere.\n",
            "src/content/docs/fr/guides/example.md": "---\ntitle: Guide d'exemple\n---\n",
            "src/content/docs/pt-br/index.mdx": "---\ntitle: Bem-vindo\ndraft: true\n---\n",
        },
    )


def test_starlight_docs_are_pages_in_their_locale_folders(starlight: Path) -> None:
    astro = detect_generator(starlight)
    assert astro.languages == ("en", "fr", "pt-BR")
    entries = {e.path.as_posix(): e for e in ContentFolder(starlight).scan()}
    assert {p: (e.collection, e.kind, e.language) for p, e in entries.items()} == {
        "src/content/docs/index.mdx": ("docs", "page", "en"),
        "src/content/docs/guides/example.md": ("docs", "page", "en"),
        "src/content/docs/fr/guides/example.md": ("docs", "page", "fr"),
        "src/content/docs/pt-br/index.mdx": ("docs", "page", "pt-BR"),
    }
    assert entries["src/content/docs/pt-br/index.mdx"].status == "draft"  # Starlight drops it
    assert all(e.errors == 0 for e in entries.values())


def test_astro_i18n_locales_with_a_default(tmp_path: Path) -> None:
    root = site(
        tmp_path / "s",
        {
            "astro.config.mjs": (
                "export default defineConfig({ i18n: { defaultLocale: 'en', "
                "locales: ['es', 'en', { path: 'french', codes: ['fr', 'fr-CA'] }] } });\n"
            ),
            "src/content/blog/en/a.md": "---\ntitle: A\n---\n",
            "src/content/blog/french/a.md": "---\ntitle: A\n---\n",
            "src/pages/es/about.md": "---\ntitle: Sobre\n---\n",
        },
    )
    astro = detect_generator(root)
    assert astro.languages == ("en", "es", "fr")
    assert {e.path.as_posix(): e.language for e in ContentFolder(root).scan()} == {
        "src/content/blog/en/a.md": "en",
        "src/content/blog/french/a.md": "fr",
        "src/pages/es/about.md": "es",
    }


@pytest.mark.parametrize(
    ("pattern", "path", "matches"),
    [
        ("**/[^_]*.{md,mdx}", "guides/a.md", True),
        ("**/[^_]*.{md,mdx}", "guides/_a.md", False),
        ("**/*.(md|mdx)", "a/b.mdx", True),
        ("*.md", "a/b.md", False),
    ],
)
def test_glob_patterns_read_as_astro_reads_them(pattern: str, path: str, matches: bool) -> None:
    assert glob_match(pattern, PurePosixPath(path)) is matches
