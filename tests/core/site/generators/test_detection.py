"""Which generator's site a folder is, told from the light table (`detection.SITES`) that runs
before any generator's module is loaded: the same answer as each class's own `detect`, in the
same order, for every marker and every rule that looks into a file."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from editor.core.site import generators
from editor.core.site.generators import GENERATORS, generator_at
from editor.core.site.generators.detection import SITES, HeldNames

# One site root per rule: each marker alone, and the roots whose rule reads a file or folder.
ROOTS: dict[str, dict[str, str]] = {
    "empty": {},
    "zola config.toml": {"config.toml": 'base_url = "https://a.org"\n', "content/a.md": ""},
    "hugo config.toml": {"config.toml": 'baseURL = "https://a.org"\n', "content/a.md": ""},
    "hugo config dir": {"config/_default/params.yaml": "a: 1\n", "config/_default/hugo.toml": ""},
    "config dir, no hugo file": {"config/_default/params.yaml": "a: 1\n"},
    "next package.json": {"package.json": json.dumps({"dependencies": {"next": "14"}})},
    "next dev package.json": {"package.json": json.dumps({"devDependencies": {"next": "14"}})},
    "other package.json": {"package.json": json.dumps({"dependencies": {"react": "18"}})},
    "bad package.json": {"package.json": "{"},
    "jekyll with package.json": {
        "_config.yml": "title: A\n",
        "package.json": json.dumps({"dependencies": {"next": "14"}}),
    },
    "zola and hugo": {"zola.toml": "", "hugo.toml": ""},
    # Names Astro and Next.js do not load: no site of theirs.
    "stray astro config": {
        "astro.config.bak": "",
        "next.config.json": "",
        "my-astro.config.mjs": "",
    },
}
for kind in GENERATORS:
    for marker in kind.markers:
        ROOTS[f"{kind.name} {marker}"] = {marker: ""}


def make(root: Path, files: dict[str, str]) -> Path:
    root.mkdir(exist_ok=True)
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return root


def test_the_table_names_each_generator_class_in_detection_order():
    assert [kind.name for kind in GENERATORS] == [site.name for site in SITES]
    assert tuple(getattr(generators, site.cls) for site in SITES) == GENERATORS
    assert [kind.name for kind in GENERATORS] == [
        "zola", "jekyll", "hugo", "astro", "next", "eleventy"
    ]  # fmt: skip


@pytest.mark.parametrize("name", sorted(ROOTS))
def test_the_table_finds_what_the_classes_detect(tmp_path: Path, name: str):
    root = make(tmp_path, ROOTS[name])
    names = frozenset(p.name for p in root.iterdir())
    by_classes = next((kind for kind in GENERATORS if kind.detect(root, names)), None)
    assert generator_at(root) is by_classes
    for site, kind in zip(SITES, GENERATORS, strict=True):
        assert site.detect(root, names) == kind.detect(root, names)


def test_a_few_roots_are_the_expected_generator(tmp_path: Path):
    expected = {
        "empty": None,
        "zola config.toml": "zola",
        "hugo config.toml": "hugo",
        "hugo config dir": "hugo",
        "config dir, no hugo file": None,
        "next package.json": "next",
        "next dev package.json": "next",
        "other package.json": None,
        "bad package.json": None,
        "jekyll with package.json": "jekyll",
        "zola and hugo": "zola",
        "astro astro.config.mjs": "astro",
        "astro astro.config.cts": "astro",
        "next next.config.ts": "next",
        "stray astro config": None,
        "eleventy .eleventy.js": "eleventy",
    }
    for name, generator in expected.items():
        root = make(tmp_path / name.replace(" ", "_").replace("*", "x"), ROOTS[name])
        found = generator_at(root)
        assert (found and found.name) == generator, name


def test_held_names_are_what_a_listing_of_the_folder_holds(tmp_path: Path):
    root = make(tmp_path / "site", {"hugo.toml": "", "content/a.md": ""})
    (root / "broken-link").symlink_to(root / "nowhere")
    held = HeldNames(root)
    listed = set(os.listdir(root))
    for name in ("hugo.toml", "content", "broken-link", "config.toml", "a.md", ".git"):
        assert (name in held) is (name in listed), name
    assert "hugo.toml" not in HeldNames(tmp_path / "missing")
