"""Eleventy sites as Eleventy sees them: the input folder of its config, directory data files
that tag folders into collections and give values, ignores, dates and drafts."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path, PurePosixPath

import pytest
from sitefactory import site

from editor.core.folder import ContentFolder
from editor.core.site.generators import Eleventy, Inherited, detect_generator

# eleventy-base-blog's config, as far as the layout goes (v9, ESM).
CONFIG = """\
export default async function(eleventyConfig) {
\t// Drafts, see also _data/eleventyDataSchema.js
\televentyConfig.addPreprocessor("drafts", "*", (data, content) => {
\t\tif(data.draft && process.env.ELEVENTY_RUN_MODE === "build") {
\t\t\treturn false;
\t\t}
\t});
\televentyConfig.ignores.add("content/scratch/");
};

export const config = {
\ttemplateFormats: ["md", "njk", "html", "liquid", "11ty.js"],
\tmarkdownTemplateEngine: "njk",
\tdir: {
\t\tinput: "content",          // default: "."
\t\tincludes: "../_includes",  // default: "_includes" (`input` relative)
\t\tdata: "../_data",          // default: "_data" (`input` relative)
\t\toutput: "_site"
\t},
};
"""


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("HOME", str(tmp_path))
    return tmp_path


@pytest.fixture
def base_blog(tmp_path: Path) -> Path:
    future = (dt.date.today() + dt.timedelta(days=40)).isoformat()
    return site(
        tmp_path / "blog",
        {
            "eleventy.config.js": CONFIG,
            ".gitignore": "_site/\nnode_modules/\n.cache\ncontent/private\n",
            "content/content.11tydata.js": 'export default {\n\tlayout: "layouts/home.njk",\n};\n',
            "content/blog/blog.11tydata.js": (
                'export default {\n\ttags: [\n\t\t"posts"\n\t],\n'
                '\t"layout": "layouts/post.njk",\n};\n'
            ),
            "content/blog/firstpost.md": (
                "---\ntitle: This is my first post.\ndate: 2018-05-01\n"
                "tags: another tag\n---\nText.\n"
            ),
            "content/blog/fourthpost/fourthpost.md": (
                "---\ntitle: This is my fourth post.\ndate: 2018-09-30\n"
                "tags:\n  - second tag\n---\n"
            ),
            "content/blog/fifthpost.md": (
                '---js\nconst title = "This is a fifth post";\nconst date = "2023-01-23";\n'
                "const draft = true;\n---\nThis is a draft post\n"
            ),
            "content/blog/later.md": f"---\ntitle: Later\ndate: {future}\n---\n",
            "content/blog/touched.md": "---\ntitle: Touched\ndate: Last Modified\n---\n",
            "content/blog/2019-02-03-named.md": "---\ntitle: Named\n---\n",
            "content/404.md": (
                "---\npermalink: 404.html\neleventyExcludeFromCollections: true\n---\n# Not found\n"
            ),
            "content/about.md": "---\ntitle: About\n---\nI write.\n",
            "content/private/notes.md": "---\ntitle: Ignored by .gitignore\n---\n",
            "content/scratch/idea.md": "---\ntitle: Ignored by the config\n---\n",
            "_includes/layouts/post.md": "---\nlayout: base\n---\n",
            "_site/blog/index.md": "# output\n",
            "README.md": "# eleventy-base-blog\n",
        },
    )


def test_the_base_blog_lists_posts_of_the_tagged_folder_and_pages(base_blog: Path) -> None:
    entries = {e.path.as_posix(): e for e in ContentFolder(base_blog).scan()}
    assert {p: (e.collection, e.kind, e.status) for p, e in entries.items()} == {
        "content/blog/firstpost.md": ("posts", "post", "published"),
        "content/blog/fourthpost/fourthpost.md": ("posts", "post", "published"),
        "content/blog/fifthpost.md": ("posts", "post", "draft"),
        "content/blog/later.md": ("posts", "post", "published"),  # no schedule in Eleventy
        "content/blog/touched.md": ("posts", "post", "published"),
        "content/blog/2019-02-03-named.md": ("posts", "post", "published"),
        "content/404.md": (None, "page", "published"),
        "content/about.md": (None, "page", "published"),
    }
    assert all(e.errors == 0 for e in entries.values()), {p: e.problems for p, e in entries.items()}
    fifth = entries["content/blog/fifthpost.md"]
    assert (fifth.title, fifth.date) == ("This is a fifth post", dt.date(2023, 1, 23))
    assert entries["content/blog/firstpost.md"].tags == ("posts", "another tag")
    assert entries["content/blog/2019-02-03-named.md"].date == dt.date(2019, 2, 3)
    assert entries["content/blog/touched.md"].date == dt.date.today()


def test_the_config_folders_are_read_statically(base_blog: Path) -> None:
    eleventy = detect_generator(base_blog)
    assert isinstance(eleventy, Eleventy)
    assert eleventy.dirs == {
        "input": PurePosixPath("content"),
        "includes": PurePosixPath("_includes"),
        "layouts": PurePosixPath("_includes"),
        "data": PurePosixPath("_data"),
        "output": PurePosixPath("_site"),
    }
    assert [(c.name, c.folder.as_posix(), c.kind) for c in eleventy.collections] == [
        ("posts", "content/blog", "post")
    ]


def test_values_come_from_the_directory_data_files_up_the_chain(base_blog: Path) -> None:
    eleventy = detect_generator(base_blog)
    rel = PurePosixPath("content/blog/fourthpost/fourthpost.md")
    assert eleventy.inherited(rel, eleventy.place(rel, {})) == {
        "layout": Inherited("layouts/post.njk", "content/blog/blog.11tydata.js"),
        "tags": Inherited(["posts"], "content/blog/blog.11tydata.js"),
    }
    about = PurePosixPath("content/about.md")
    assert eleventy.inherited(about, eleventy.place(about, {})) == {
        "layout": Inherited("layouts/home.njk", "content/content.11tydata.js")
    }


def test_a_json_directory_data_file_and_a_module_exports_config(tmp_path: Path) -> None:
    root = site(
        tmp_path / "s",
        {
            ".eleventy.js": (
                "module.exports = function(eleventyConfig) {\n"
                '  return { dir: { input: "src", output: "dist" } };\n};\n'
            ),
            "src/posts/posts.json": json.dumps(
                {"tags": "posts", "layout": "post.njk", "permalink": "/blog/{{ page.fileSlug }}/"}
            ),
            "src/posts/2024/2024.11tydata.json": json.dumps({"tags": ["archive"], "draft": True}),
            "src/posts/hello.md": "---\ntitle: Hello\ndate: 2024-03-01\n---\n",
            "src/posts/2024/old.md": "---\ntitle: Old\ndate: 2024-01-01\n---\n",
            "src/posts/hidden.md": (
                "---\ntitle: Data only\ndate: 2024-01-01\npermalink: false\n---\n"
            ),
            "src/.eleventyignore": "posts/skip.md\n",
            "src/posts/skip.md": "---\ntitle: Skipped\n---\n",
            "src/notes.markdown": "---\ntitle: Not a template format\n---\n",
        },
    )
    folder = ContentFolder(root)
    entries = {e.path.as_posix(): e for e in folder.scan()}
    assert set(entries) == {"src/posts/hello.md", "src/posts/2024/old.md", "src/posts/hidden.md"}
    old = entries["src/posts/2024/old.md"]
    assert (old.collection, old.status, old.tags) == ("posts", "draft", ("posts", "archive"))
    assert folder.placement(PurePosixPath("src/posts/hidden.md")).role == "headless"
    assert entries["src/posts/hello.md"].collection == "posts"


def test_a_data_file_that_is_code_is_a_note(tmp_path: Path) -> None:
    root = site(
        tmp_path / "s",
        {
            "eleventy.config.mjs": "export default function(c) {}\n",
            "notes/notes.11tydata.js": "module.exports = () => ({ tags: computeTags() });\n",
            "notes/a.md": "---\ntitle: A\n---\n",
        },
    )
    eleventy = detect_generator(root)
    assert eleventy.collections == ()
    assert any("notes/notes.11tydata.js" in note for note in eleventy.notes)
    # A literal tag inside the function is still read.
    site(
        root,
        {"notes/notes.11tydata.js": 'module.exports = function() { return { tags: "notes" }; };\n'},
    )
    assert [c.name for c in detect_generator(root).collections] == ["notes"]
