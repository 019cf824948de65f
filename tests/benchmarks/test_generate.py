"""Tests for benchmarks/generate.py, the synthetic content folder generator."""

from __future__ import annotations

import importlib.util
import random
import re
import sys
from pathlib import Path

import pytest
import yaml
from paths import REPO

SCRIPT = REPO / "benchmarks" / "generate.py"
REFERENCE_KEYS = [
    "title",
    "date",
    "excerpt",
    "coverImage",
    "author",
    "tags",
    "category",
    "source",
]


def _load_generator():
    spec = importlib.util.spec_from_file_location("benchmarks_generate", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses and friends look modules up by name
    spec.loader.exec_module(module)
    return module


gen = _load_generator()


def split_post(text: str) -> tuple[str, str]:
    """(front matter, body) of a generated post."""
    assert text.startswith("---\n")
    end = text.index("\n---\n", 4)
    return text[4 : end + 1], text[end + 5 :]


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    return gen.make_folder(tmp_path_factory.mktemp("posts"), 20)


@pytest.fixture(scope="module")
def posts(folder):
    return {path: path.read_text(encoding="utf-8") for path in sorted(folder.iterdir())}


def test_make_folder_writes_the_posts(folder, posts):
    assert len(posts) == 20
    assert all(path.suffix == ".md" for path in posts)
    assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", path.stem) for path in posts)


def test_front_matter_parses_with_the_reference_keys_in_order(posts):
    for path, text in posts.items():
        data = yaml.safe_load(split_post(text)[0])
        assert list(data) == REFERENCE_KEYS, path
        assert isinstance(data["title"], str) and data["title"]
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", data["date"])
        assert isinstance(data["excerpt"], str) and "\n" not in data["excerpt"]
        assert data["coverImage"].startswith("https://images.example.com/photo-")
        assert isinstance(data["author"], str) and " " in data["author"]
        assert len(data["tags"]) in range(1, 5)
        assert all(isinstance(tag, str) for tag in data["tags"])
        assert isinstance(data["category"], str)
        assert data["source"].startswith("https://news.example.com/")


def test_front_matter_has_the_reference_styles(posts):
    shape = re.compile(
        r"title: '([^']|'')*'\n"
        r"date: '\d{4}-\d{2}-\d{2}'\n"
        r"excerpt: >-\n(  \S.*\n){2,3}"
        r"coverImage: >-\n  https://\S+\n"
        r"author: [A-Z]\w+ [A-Z]\w+\n"
        r"tags:\n(  - \S.*\n){1,4}"
        r"category: \w+\n"
        r"source: >-\n  https://\S+/\n"
    )
    for path, text in posts.items():
        assert shape.fullmatch(split_post(text)[0]), path


def test_body_word_counts_are_in_range(posts):
    low, high = gen.BODY_WORDS
    for path, text in posts.items():
        assert low <= len(split_post(text)[1].split()) <= high, path


def test_bodies_use_every_kind_of_block(posts):
    bodies = "\n".join(split_post(text)[1] for text in posts.values())
    for pattern in [
        r"^## \w",
        r"^### \w",
        r"\*\w+\*",
        r"\*\*\w+ \w+\*\*",
        r"`\w+\(\)`",
        r"\[\w+ \w+\]\(https://example\.com/\w+\)",
        r"^- \w",
        r"^1\. ",
        r"^```python$",
        r"^```js$",
        r"^\| .* \|$",
        r"^> \w",
    ]:
        assert re.search(pattern, bodies, re.MULTILINE), pattern
    for path, text in posts.items():
        assert len(re.findall(r"^```", text, re.MULTILINE)) % 2 == 0, path


def test_titles_with_quotes_survive_yaml():
    text = gen._front_matter(random.Random(1), "Don't say ’never’: it's 'fine'", "x")
    assert yaml.safe_load(text.strip("-\n"))["title"] == "Don't say ’never’: it's 'fine'"


def test_some_titles_hold_quotes(tmp_path):
    titles = [
        yaml.safe_load(split_post(path.read_text(encoding="utf-8"))[0])["title"]
        for path in gen.make_folder(tmp_path, 300).iterdir()
    ]
    assert any("'" in title for title in titles)
    assert any("’" in title for title in titles)


def test_make_folder_is_deterministic(tmp_path):
    def contents(out: Path) -> dict[str, bytes]:
        return {path.name: path.read_bytes() for path in out.iterdir()}

    first = contents(gen.make_folder(tmp_path / "a", 10, seed=7))
    assert contents(gen.make_folder(tmp_path / "b", 10, seed=7)) == first
    assert contents(gen.make_folder(tmp_path / "c", 10, seed=8)) != first


def test_make_folder_gives_every_post_its_own_file(tmp_path):
    # Few words per title would collide often; the count of files must still match.
    gen.make_folder(tmp_path, 500)
    assert len(list(tmp_path.iterdir())) == 500


@pytest.mark.parametrize("words", [5000, 50000])
def test_make_post_has_about_the_asked_words(words):
    text = gen.make_post(words)
    front, body = split_post(text)
    assert list(yaml.safe_load(front)) == REFERENCE_KEYS
    assert words <= len(body.split()) <= words * 1.03
    assert gen.make_post(words) == text


def test_main_writes_a_folder(tmp_path, capsys):
    assert gen.main([str(tmp_path / "out"), "--posts", "3"]) == 0
    assert len(list((tmp_path / "out").glob("*.md"))) == 3
    assert capsys.readouterr().out.strip() == str(tmp_path / "out")


def test_main_writes_a_single_post(tmp_path, capsys):
    assert gen.main([str(tmp_path), "--single", "1000", "--seed", "3"]) == 0
    path = Path(capsys.readouterr().out.strip())
    assert path.parent == tmp_path
    assert path.read_text(encoding="utf-8") == gen.make_post(1000, seed=3)
