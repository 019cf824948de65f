"""A Hugo site's configuration: its file or its config dir, keys as Hugo reads them."""

from __future__ import annotations

from pathlib import PurePosixPath as P

from sitefactory import site

from editor.core.site.generators import Hugo, detect_generator


def test_a_config_dir_is_merged_as_hugo_merges_it(tmp_path):
    site(
        tmp_path,
        {
            "config/_default/hugo.toml": "contentDir = 'src'\nDefaultContentLanguage = 'de'\n",
            "config/_default/params.toml": "mainSections = ['blog']\n",
            "config/_default/languages.toml": "[de]\nweight = 1\n[en]\nweight = 2\n",
            "config/_default/menus.en.toml": "[[main]]\nname = 'Home'\n",
            "config/production/params.yaml": "mainSections: [notes]\n",
            "config/development/hugo.toml": "buildDrafts = true\n",
            "src/blog/a.md": "---\ntitle: A\n---\n",
            "src/notes/b.md": "---\ntitle: B\n---\n",
        },
    )
    gen = detect_generator(tmp_path / "src" / "blog")
    assert isinstance(gen, Hugo) and gen.root == tmp_path
    assert gen.config["params"] == {"mainsections": ["notes"]}  # production wins
    assert gen.config["languages"]["en"]["menus"] == {"main": [{"name": "Home"}]}
    assert "builddrafts" not in gen.config  # `hugo server` only
    assert gen.languages == ("de", "en")
    assert {c.name: c.kind for c in gen.collections} == {
        "notes": "post",
        "blog": "page",
        "pages": "page",
    }
    assert gen.enters(P("src/blog")) and not gen.enters(P("content"))
    assert gen.notes == []


def test_hugo_dot_toml_comes_before_config_dot_toml(tmp_path):
    site(tmp_path, {"hugo.yaml": "contentDir: pages\n", "config.toml": "contentDir = 'x'\n"})
    gen = Hugo(tmp_path)
    assert list(gen.content_dirs) == [P("pages")]


def test_a_config_that_cannot_be_read_is_a_note_and_hugos_defaults(tmp_path):
    site(tmp_path, {"hugo.toml": "title = 'unclosed\n", "content/posts/a.md": "---\n---\n"})
    gen = Hugo(tmp_path)
    assert gen.config == {}
    assert len(gen.notes) == 1 and "hugo.toml cannot be read" in gen.notes[0]
    assert list(gen.content_dirs) == [P("content")]
    assert gen.place(P("content/posts/a.md"), {}) is not None


def test_yaml_config_is_read_safely(tmp_path):
    site(tmp_path, {"hugo.yaml": "title: !!python/object/apply:os.system ['true']\n"})
    gen = Hugo(tmp_path)
    assert gen.config == {}
    assert "hugo.yaml cannot be read" in gen.notes[0]


def test_module_mounts_name_the_content_dirs(tmp_path):
    site(
        tmp_path,
        {
            "hugo.toml": (
                "[[module.mounts]]\nsource = 'docs/en'\ntarget = 'content'\nlang = 'en'\n"
                "[[module.mounts]]\nsource = 'assets'\ntarget = 'assets'\n"
            ),
        },
    )
    assert Hugo(tmp_path).content_dirs == {P("docs/en"): "en"}
