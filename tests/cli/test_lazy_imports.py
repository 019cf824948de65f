"""A one-file command loads only what it needs: `render FILE` asks the site's generator for its
Markdown but loads no folder index nor its cache; `check FILE`, which judges the file by its
site's index, loads no Markdown renderer. How long they take is a benchmark
(benchmarks/run.py); what they load is checked here."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

POST = "---\ntitle: One\ndate: 2024-05-01\n---\nSome *words*.\n"
INDEX = ("editor.core.folder", "sqlite3")
RENDERERS = ("markdown", "markdown_it", "pygments")
# What only `check FOLDER` or `--format sarif` needs.
FOLDER_CHECKS = ("editor.core.folder.checks.run", "editor.core.folder.checks.yaml_traps")
FOLDER_CHECKS += ("importlib.metadata",)
# What only a new post needs: its file name from its title.
NEW_POST = ("slugify",)
# Each generator's own modules: loaded only for its site (detection reads markers alone).
G = "editor.core.site.generators."
SITE_RULES = {
    "zola": (G + "zola",),
    "jekyll": (G + "jekyll", G + "jekyll_rules", G + "jekyll_reader", G + "jekyll_defaults"),
    "hugo": (G + "hugo", G + "hugo_config", G + "hugo_cascade", G + "hugo_archetypes"),
    "astro": (G + "astro", G + "astro_schema"),
    "next": (G + "nextjs",),
    "eleventy": (G + "eleventy",),
    "any site": (G + "markdown_profiles", G + "js_literals", G + "go_templates"),
}
# What finds a folder's schema in a CMS config or infers it: `render FILE` asks only which
# engine the nearest `.post-editor.yaml` names.
SCHEMA_SOURCES = (
    "editor.core.schema.source",
    "editor.core.schema.cms",
    "editor.core.schema.inference",
)
# What reads or writes YAML: only where YAML is parsed (a post read, a YAML config).
YAML = ("yaml", "editor.core.document.safe_yaml", "editor.core.document.yaml_emit")
# What only edits a post or reads TOML: a one-file command on a YAML post loads none of it.
EDITS = ("editor.core.document.toml_splice", "editor.core.document.yaml_splice", "tomlkit")
EDITS += ("editor.core.storage.added_blocks", "tomllib", "difflib")
EDITS += ("editor.core.storage.backup_copy", "secrets")
# What places a post's entries on its lines (an edit, a problem's line, a `<<:` merge): a
# post without problems is read and judged from its values alone.
EDITS += ("editor.core.document.yaml_spans", "editor.core.document.yaml_anchors")
EDITS += ("editor.core.document.toml_spans", "editor.core.document.key_order")
# The read's stamp is hashed when a save asks (hashing loads OpenSSL).
EDITS += ("hashlib", "_hashlib")
# JSON is read or written only for JSON front matter, a package.json, a CMS's frontmatter.json,
# `list --json` and the JSON and SARIF reports.
JSON = ("json",)
ALL_SITE_RULES = tuple(m for modules in SITE_RULES.values() for m in modules)


def among(modules: set[str], names: tuple[str, ...]) -> list[str]:
    """The modules that are one of `names` or inside one of them."""
    return sorted(m for m in modules if any(m == n or m.startswith(f"{n}.") for n in names))


def loaded(argv: list[str], post: Path) -> set[str]:
    code = (
        "import sys\n"
        "from editor.cli import main\n"
        f"main({argv!r} + [{str(post)!r}])\n"
        "print(' '.join(sorted(sys.modules)))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return set(done.stdout.splitlines()[-1].split())


def test_render_file_loads_no_index(tmp_path):
    post = tmp_path / "post.md"
    post.write_text(POST, encoding="utf-8")
    modules = loaded(["render"], post)
    assert "editor.core.document.post" in modules  # it did read the post
    assert not [m for m in modules if m.startswith(INDEX)]


def test_check_file_loads_no_markdown_renderer(tmp_path):
    post = tmp_path / "post.md"
    post.write_text(POST, encoding="utf-8")
    modules = loaded(["check"], post)
    assert "editor.core.folder.checks.files" in modules  # judged by its site
    assert not [m for m in modules if m.split(".")[0] in RENDERERS]


def test_check_file_loads_no_folder_wide_check_nor_another_sites_rules(tmp_path):
    post = tmp_path / "post.md"
    post.write_text(POST, encoding="utf-8")
    modules = loaded(["check"], post)
    assert not among(modules, FOLDER_CHECKS + NEW_POST)
    # The post was just written, so its site's scan reads it: here, without the pool's modules.
    assert "editor.core.folder.bulk_read" in modules
    assert not among(modules, ("multiprocessing", "concurrent.futures"))
    # Its site's root is found by markers; the reference scanner (site.py) is not loaded.
    assert not among(modules, ("editor.core.site.site", "editor.core.document.markdown_lines"))


def test_render_file_loads_only_its_own_markdown_engine(tmp_path):
    post = tmp_path / "post.md"  # a plain folder's post: Python-Markdown
    post.write_text(POST, encoding="utf-8")
    modules = loaded(["render"], post)
    assert "markdown" in modules
    assert not among(
        modules, ("markdown_it", "mdit_py_plugins", "editor.core.site.site_syntax.install")
    )
    hugo = tmp_path / "hugo"
    (hugo / "content" / "posts").mkdir(parents=True)
    (hugo / "hugo.toml").write_text('title = "A site"\n', encoding="utf-8")
    post = hugo / "content" / "posts" / "post.md"  # a Hugo site's post: CommonMark
    post.write_text(POST, encoding="utf-8")
    modules = loaded(["render"], post)
    assert "markdown_it" in modules
    assert not among(modules, ("markdown",))


def hugo_post(root: Path) -> Path:
    (root / "content" / "posts").mkdir(parents=True)
    (root / "hugo.toml").write_text('title = "A site"\n', encoding="utf-8")
    post = root / "content" / "posts" / "post.md"
    post.write_text(POST, encoding="utf-8")
    return post


def test_a_plain_folder_loads_no_generator_module(tmp_path):
    post = tmp_path / "post.md"
    post.write_text(POST, encoding="utf-8")
    for argv, path in ((["check"], post), (["render"], post), (["list"], tmp_path)):
        modules = loaded(argv, path)
        assert "editor.core.site.generators.plain" in modules  # it did detect the folder
        assert not among(modules, ALL_SITE_RULES), argv
        if argv != ["render"]:  # only what renders asks for the Markdown profile
            assert not among(modules, ("editor.core.site.rendering",)), argv


def test_a_sites_file_loads_only_its_own_generator(tmp_path):
    post = hugo_post(tmp_path)
    others = tuple(
        m for name, ms in SITE_RULES.items() if name not in ("hugo", "any site") for m in ms
    )
    for argv in (["check"], ["render"]):
        modules = loaded(argv, post)
        assert "editor.core.site.generators.hugo" in modules
        assert not among(modules, others), argv


def test_a_warm_list_loads_no_yaml(tmp_path):
    plain = tmp_path / "plain"
    plain.mkdir()
    posts = [plain / "post.md", hugo_post(tmp_path / "hugo")]  # a site configured in TOML
    (posts[0]).write_text(POST, encoding="utf-8")
    for post in posts:  # old enough for the index cache to trust its stamps (2023)
        os.utime(post, (1_700_000_000, 1_700_000_000))
    for folder in (plain, tmp_path / "hugo"):
        assert "yaml" in loaded(["list"], folder)  # the first list reads the posts
        modules = loaded(["list"], folder)  # the second, from the index cache
        assert not among(modules, YAML), folder.name


def test_a_one_file_command_on_a_yaml_post_loads_no_editing_nor_toml(tmp_path):
    post = tmp_path / "post.md"
    post.write_text(POST, encoding="utf-8")
    for argv in (["check"], ["render"]):
        modules = loaded(argv, post)
        assert not among(modules, EDITS + JSON), argv
    assert not among(modules, ("platformdirs",))  # `render` keeps no cache nor notes
    # Python-Markdown's extensions are built from their modules: no entry points are read.
    assert not among(modules, ("importlib.metadata",))


def test_render_file_reads_no_cms_config(tmp_path):
    post = tmp_path / "post.md"
    post.write_text(POST, encoding="utf-8")
    modules = loaded(["render"], post)
    assert "editor.core.schema.nearest" in modules  # it did look for a .post-editor.yaml
    assert not among(modules, SCHEMA_SOURCES)
    # The stylesheet is read through the package's loader, not importlib.resources' readers.
    assert not among(modules, ("importlib.resources",))


def test_render_file_loads_the_model_of_fields_only_for_a_schema_file(tmp_path):
    post = tmp_path / "post.md"
    post.write_text(POST, encoding="utf-8")
    fields = ("editor.core.schema.model", "editor.core.schema.schema_file")
    fields += ("editor.core.schema.validation", "editor.core.schema.field_types")
    assert not among(loaded(["render"], post), fields)
    # A `.post-editor.yaml` is still read, and the Markdown engine it names renders the post.
    schema = "fields:\n  - {name: title}\nmarkdown: commonmark\n"
    (tmp_path / ".post-editor.yaml").write_text(schema, encoding="utf-8")
    modules = loaded(["render"], post)
    assert "editor.core.schema.schema_file" in modules
    assert "markdown_it" in modules


def test_check_file_reads_a_cms_config_only_where_the_site_has_one(tmp_path):
    post = tmp_path / "post.md"
    post.write_text(POST, encoding="utf-8")
    readers = ("editor.core.schema.cms.config", "editor.core.schema.cms.config_file")
    readers += ("editor.core.schema.cms.decap", "editor.core.schema.cms.frontmatter")
    modules = loaded(["check"], post)
    assert "editor.core.schema.cms.places" in modules  # it did look for one
    assert not among(modules, readers)
    (tmp_path / "admin").mkdir()
    config = "collections:\n  - {name: posts, folder: ., fields: [{name: title, widget: string}]}\n"
    (tmp_path / "admin" / "config.yml").write_text(config, encoding="utf-8")
    assert "editor.core.schema.cms.decap" in loaded(["check"], post)
