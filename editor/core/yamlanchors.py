"""Anchors, aliases and `<<:` merge keys in a composed YAML tree: what a lossless edit must spare.

An anchored value (`base: &base {author: Anna}`) can stand in other places too: as an alias
(`author: *base`) or through a merge key (`<<: *base`), which brings its fields into another
mapping. In the composed tree such a value is one node reached from two places, standing in
the text where its anchor is (`shared_nodes`): an edit there changes every place using it.

PyYAML's safe constructor folds merged pairs into the mapping that merges them, in place, and
drops its `<<` pairs: after that the tree no longer says which fields are written where. Take
`written_pairs` before constructing and `restore_pairs` after, and the tree is the text again.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

MERGE_TAG = "tag:yaml.org,2002:merge"
Pairs = list[tuple[Node, Node]]


def _children(node: Node) -> list[Node]:
    if isinstance(node, MappingNode):
        return [part for pair in node.value for part in pair]
    if isinstance(node, SequenceNode):
        return list(node.value)
    return []


def walk(root: Node) -> Iterator[Node]:
    """Every node under `root` (itself included), once each: aliases make the tree a graph,
    and a hostile one (a "billion laughs") would be huge if walked as a tree."""
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) not in seen:
            seen.add(id(node))
            yield node
            stack.extend(_children(node))


def shared_nodes(root: Node) -> list[Node]:
    """The nodes reached from two places: anchored values (`&a`) used again elsewhere."""
    seen: set[int] = set()
    shared: dict[int, Node] = {}
    for node in walk(root):
        for child in _children(node):
            if id(child) in seen:
                shared[id(child)] = child
            seen.add(id(child))
    return list(shared.values())


def alias_items(node: SequenceNode) -> set[int]:
    """The indexes of a list's items that are aliases (`*a`): their nodes stand where their
    anchors are (outside the list, or before the item), so their own text cannot be found."""
    out, pos = set(), node.start_mark.index
    for index, item in enumerate(node.value):
        if item.start_mark.index < pos or item.end_mark.index > node.end_mark.index:
            out.add(index)
        else:
            pos = item.end_mark.index
    return out


def written_pairs(root: Node) -> list[tuple[MappingNode, Pairs]]:
    """Each mapping under `root` that holds a `<<:` merge key, with its pairs as written."""
    return [
        (node, list(node.value))
        for node in walk(root)
        if isinstance(node, MappingNode) and any(k.tag == MERGE_TAG for k, _ in node.value)
    ]


def restore_pairs(saved: Sequence[tuple[MappingNode, Pairs]]) -> None:
    """Give each mapping that `written_pairs` saved its pairs as written again."""
    for node, pairs in saved:
        node.value = list(pairs)


def merged_keys(value: Node) -> set[str]:
    """The keys a `<<:` key's value brings in: a mapping's, or those of a list of mappings,
    and the keys their own merges bring in."""
    keys: set[str] = set()
    seen: set[int] = set()
    stack = [value]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, SequenceNode):
            stack.extend(node.value)
        elif isinstance(node, MappingNode):
            for key_node, value_node in node.value:
                if key_node.tag == MERGE_TAG:
                    stack.append(value_node)
                elif isinstance(key_node, ScalarNode):
                    keys.add(key_node.value)
    return keys
