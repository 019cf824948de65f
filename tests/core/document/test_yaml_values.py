"""Tests for editor/core/document/yaml_values.py: the plain values of a composed tree, the same
as PyYAML's `construct_document` gives (or the same error it raises) for tricky front matter,
and a post's facts read through it the same as ever."""

from __future__ import annotations

import math
from random import Random

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from editor.core.document import Post, safe_yaml
from editor.core.document.yaml_values import plain_values
from tests.core import fuzzposts

CASES = {
    "flat strings": "title: Hello\nauthor: 'Ana'\nsummary: \"two\\nlines\"\n",
    "lists": "tags:\n  - a\n  - b\ncategories: [x, y, [z]]\n",
    "duplicate keys": "title: one\ntags: [a]\ntitle: two\n",
    "dates and times": "date: 2024-01-02\nupdated: 2024-01-02 10:11:12 +02:00\n"
    "at: 2024-01-02T03:04:05Z\n",
    "YAML 1.1 booleans": "a: yes\nb: No\nc: on\nd: OFF\ne: y\nf: true\ng: ~\nh: null\n",
    "numbers": "a: 0o17\nb: 017\nc: 0x1F\nd: 1_000\ne: 1:30\nf: .inf\ng: -.Inf\nh: .nan\ni: 1e3\n",
    "non-string keys": "1: one\n2024-01-02: day\ntrue: yes\n~: nothing\n3.5: f\n",
    "block scalars": "excerpt: >-\n  folded\n  text\nbody: |\n  kept\n\n  lines\n",
    "explicit tags": "a: !!str 2024-01-02\nb: !!int '7'\nc: !!float '1'\nd: !!bool 'yes'\n",
    "anchors without aliases": "base: &b {x: 1}\nother: &o [1, 2]\n",
    "aliases": "base: &b {x: 1}\nsame: *b\ntags: &t [a]\nmore: *t\n",
    "merge keys": "base: &b {x: 1, y: 2}\npost:\n  <<: *b\n  y: 3\n",
    "merge key with no alias": "post:\n  <<: {x: 1}\n  y: 3\n",
    "value key": "=: value\n",
    "complex key": "? [a, b]\n: listed\n",
    "mapping key": "? {a: 1}\n: mapped\n",
    "binary and sets": "data: !!binary aGVsbG8=\ns: !!set {a, b}\no: !!omap [a: 1, b: 2]\n",
    "unknown tag": "a: !custom thing\n",
    "a day that does not exist": "date: 2026-02-30\n",
    "a bool that is not one": "draft: !!bool maybe\n",
    "an int that is not one": "n: !!int ''\n",
    "deep nesting": "a: " + "[" * 60 + "]" * 60 + "\n",
    "nested mappings": "params:\n  seo:\n    title: T\n    tags: [a, {b: c}]\n",
    "unicode and CRLF": "title: Caf\u00e9 \u2014 \u00e0 la carte\r\ntags:\r\n  - \u00e9t\u00e9\r\n",
    "empty values": "title:\ntags: []\nparams: {}\n",
}


def _built(text: str, build: str) -> tuple[str, object]:
    loader = safe_yaml.Loader(text)
    try:
        root = loader.get_single_node()
        if root is None:
            return "empty", None
        if build == "plain":
            return "value", plain_values(loader, root, text)
        return "value", loader.construct_document(root)
    except Exception as error:  # what each says of a tree it cannot build
        return "error", (type(error), str(error))
    finally:
        loader.dispose()


def _same(a: object, b: object) -> bool:
    """Equal, and of the same types all the way down (1 and True and 1.0 are not the same)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return list(map(repr, a)) == list(map(repr, b)) and all(  # type: ignore[arg-type]
            _same(x, y) for x, y in zip(a.values(), b.values(), strict=True)
        )
    if isinstance(a, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))  # type: ignore[arg-type]
    if isinstance(a, float) and math.isnan(a):
        return math.isnan(b)  # type: ignore[arg-type]
    return a == b and repr(a) == repr(b)


@pytest.mark.parametrize("text", CASES.values(), ids=CASES.keys())
def test_plain_values_are_what_the_full_constructor_builds(text: str):
    plain, full = _built(text, "plain"), _built(text, "full")
    assert plain[0] == full[0]
    if plain[0] == "error":
        assert plain[1] == full[1]
    else:
        assert _same(plain[1], full[1])


def test_aliases_still_share_their_anchored_value():
    # Shared values come from the full constructor: one list, seen under both keys.
    kind, values = _built("tags: &t [a]\nmore: *t\n", "plain")
    assert kind == "value" and values["tags"] is values["more"]  # type: ignore[index]


@pytest.mark.parametrize("text", CASES.values(), ids=CASES.keys())
@pytest.mark.parametrize("shape", ["plain", "bom", "crlf"])
def test_a_posts_facts_are_what_the_full_constructor_gives(text: str, shape: str):
    source = f"---\n{text}---\nBody.\n"
    if shape == "bom":
        source = "\ufeff" + source
    elif shape == "crlf":
        source = source.replace("\r\n", "\n").replace("\n", "\r\n")
    post = Post(source)
    full = _built(post.front_matter, "full")
    if full[0] == "error" or not isinstance(full[1], dict):
        assert post.error is not None and dict(post.values) == {}
    else:
        assert post.error is None
        assert _same(dict(post.values), full[1])


def _compare_front_matter(data: bytes) -> None:
    post = Post(data.decode("utf-8", "replace"))
    if post.kind != "yaml" or not post.layout.closed:
        return
    plain, full = _built(post.front_matter, "plain"), _built(post.front_matter, "full")
    assert plain[0] == full[0]
    assert plain[0] != "value" or _same(plain[1], full[1])
    if plain[0] == "error":
        assert plain[1] == full[1]
    reference = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    assert _tags(post.front_matter, safe_yaml.Loader) == _tags(post.front_matter, reference)


@pytest.mark.parametrize("data", [data for _, data in fuzzposts.CORPUS])
def test_the_fuzzing_corpus_reads_the_same_both_ways(data: bytes):
    _compare_front_matter(data)


@settings(max_examples=300, derandomize=True, database=None, deadline=None)
@given(st.sampled_from([data for _, data in fuzzposts.CORPUS]), st.randoms())
def test_mutated_posts_read_the_same_both_ways(seed: bytes, rng: Random):
    _compare_front_matter(fuzzposts.mutate(seed, rng.randint))


def test_errors_are_reported_as_before():
    post = Post("---\ntitle: ok\ndate: 2026-02-30\n---\n")
    assert post.error is not None and post.error.line == 3
    assert "not a real date" in post.error.message
    post = Post("---\ndraft: !!bool maybe\n---\n")
    assert post.error is not None and "maybe" in post.error.message


def _tags(text: str, loader_class: type) -> list[str] | str:
    """Every node's tag, in document order, as `loader_class` resolves them (or its error)."""
    loader = loader_class(text)
    try:
        stack, tags = [loader.get_single_node()], []
    except yaml.YAMLError as error:
        return str(error)
    finally:
        loader.dispose()
    while stack:
        node = stack.pop()
        if node is None:
            continue
        tags.append(node.tag)
        if isinstance(node, yaml.MappingNode):
            stack.extend(part for pair in node.value for part in pair)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
    return tags


@pytest.mark.parametrize(
    "text",
    [*CASES.values(), *(data.decode("utf-8", "replace") for _, data in fuzzposts.CORPUS)],
)
def test_the_loader_resolves_each_tag_as_pyyamls_own_safe_loader(text: str):
    reference = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    front = Post(text).front_matter if text.startswith(("---", "\ufeff---")) else text
    assert _tags(front, safe_yaml.Loader) == _tags(front, reference)
