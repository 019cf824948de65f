"""Tests for editor/core/document/yaml_anchors.py: anchors, aliases and merge keys in a composed
tree."""

from __future__ import annotations

import yaml

from editor.core.document import yaml_anchors

MERGING = "base: &base {author: Anna}\nother: &o {lang: en}\n<<: [*base, *o]\ntitle: x\n"


def compose(text: str) -> yaml.MappingNode:
    node = yaml.compose(text, Loader=yaml.SafeLoader)
    assert isinstance(node, yaml.MappingNode)
    return node


def test_a_tree_is_the_text_again_after_construction_when_its_pairs_are_restored():
    root = compose(MERGING)
    keys = [k.value for k, _ in root.value]
    saved = yaml_anchors.written_pairs(root)
    loader = yaml.SafeLoader("")
    assert loader.construct_document(root)["author"] == "Anna"
    assert [k.value for k, _ in root.value] != keys  # PyYAML folded the merge in
    yaml_anchors.restore_pairs(saved)
    assert [k.value for k, _ in root.value] == keys == ["base", "other", "<<", "title"]


def test_shared_nodes_are_the_anchored_values_and_merged_keys_what_a_merge_brings():
    root = compose(MERGING)
    shared = yaml_anchors.shared_nodes(root)
    assert sorted(n.start_mark.line for n in shared) == [0, 1]
    merge_value = next(v for k, v in root.value if k.tag == yaml_anchors.MERGE_TAG)
    assert yaml_anchors.merged_keys(merge_value) == {"author", "lang"}


def test_walking_an_alias_bomb_visits_each_node_once():
    lines = ["a: &a [x, x, x, x, x, x, x, x, x]"]
    for prev, cur in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"{cur}: &{cur} [" + ", ".join([f"*{prev}"] * 9) + "]")
    root = compose("\n".join(lines) + "\n")  # 9**9 strings if expanded
    # (counted first: pytest's report of a failed assert would print the nodes, expanded)
    walked, shared = len(list(yaml_anchors.walk(root))), len(yaml_anchors.shared_nodes(root))
    assert walked == 1 + 9 + 9 + 9  # the root, 9 keys, 9 lists, the 9 x of the first list
    assert shared == 8  # every list but the last is used again
