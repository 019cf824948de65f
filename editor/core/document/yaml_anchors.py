"""Anchors, aliases and `<<:` merge keys in a composed YAML tree: what a lossless edit must spare.

An anchored value (`base: &base {author: Anna}`) can stand in other places too: as an alias
(`author: *base`) or through a merge key (`<<: *base`), which brings its fields into another
mapping. In the composed tree such a value is one node reached from two places, standing in
the text where its anchor is (`shared_nodes`): an edit there changes every place using it.

PyYAML's safe constructor folds merged pairs into the mapping that merges them, in place, and
drops its `<<` pairs: after that the tree no longer says which fields are written where. Take
`written_pairs` before constructing and `restore_pairs` after, and the tree is the text again.

`refusal` says which edits of a top-level key these make wrong: a key that a `<<:` merge brings
in is overridden by a key of its own, but cannot be removed by deleting lines.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from editor.core.document.safe_yaml import MERGE_TAG
from editor.core.document.yaml_spans import Entry

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


def shared_at(root: Node | None, text: str) -> tuple[int, ...]:
    """Where in `text` each value stands that an anchor shares (`&a`, used by `*a`, `<<: *a`)."""
    if root is None or "&" not in text:  # no anchor: nothing is shared
        return ()
    return tuple(node.start_mark.index for node in shared_nodes(root))


def merge_of(key: str, entries: Sequence[Entry]) -> Entry | None:
    """The `<<:` entry that brings `key` in from another mapping, if one does."""
    return next((e for e in entries if e.merge and key in merged_keys(e.node)), None)


def refusal(
    key: str, entries: Sequence[Entry], shared: Sequence[int], removing: bool, first_line: int
) -> tuple[str, Entry] | None:
    """Why setting (or, `removing`, taking away) the top-level `key` would change other places
    or not do what is asked, and the entry to point at; None when it is fine. `shared` is
    `shared_at`, `first_line` the 0-based file line the entries' lines count from."""
    merge = merge_of(key, entries)
    own = next((e for e in entries if e.key == key and not e.merge), None)
    merges = [e for e in entries if e.merge]
    if key == "<<" and merges:
        return "‘<<’ is YAML's merge key: it brings in another mapping's fields", merges[0]
    if own is not None and any(own.start <= at < own.end for at in shared):
        # Replacing an alias (`*a`) is fine: the anchored value stays as it is.
        why = "holds a value that a YAML anchor (&) shares with other fields (*alias, <<: merge)"
        return f"‘{key}’ {why}; change it by hand, so that they stay as they are", own
    if removing and merge is not None:  # deleting lines cannot take a merged key away
        where = f"the `<<:` merge on line {first_line + merge.line + 1}"
        why = (
            f"overrides the one {where} brings in: removing it would bring that one back"
            if own
            else f"comes from {where}: removing it here cannot take it away"
        )
        return f"‘{key}’ {why}; change it by hand", own or merge
    return None
