"""Plain values from a composed YAML tree, the common front matter built without PyYAML's
constructor machinery.

PyYAML's `construct_document` is Python code paid per node: each scalar goes through
`construct_object` (its memo of anchors, its guard against recursion, its generators for
containers) and two `construct_scalar` calls before its value comes out; for a post's front
matter of strings and short lists that is half of reading it, more than libyaml's own
parsing. `plain_values` builds the same values straight from the tree: a string scalar is
its node's text, any other scalar goes to the very constructor PyYAML would call for its
tag, mappings and sequences are built in place.

It only does what it does exactly as `construct_document` would. A tree it does not take
whole (aliases, merge keys, `=` keys, a key that is not a scalar, a tag outside the plain
ones, a tree deeper than `_DEEPEST`, a scalar its constructor refuses) is built again by
`construct_document` from scratch, which gives the value or raises the error the reader
reports, as before. Building the values changes nothing in the tree or in the loader.
"""

from __future__ import annotations

from collections.abc import Callable

import yaml
from yaml.nodes import MappingNode, ScalarNode, SequenceNode

_TAG = "tag:yaml.org,2002:"
_STR, _MAP, _SEQ = _TAG + "str", _TAG + "map", _TAG + "seq"
# The scalars built by PyYAML's own safe constructor for their tag, the same call it makes.
_SCALARS: dict[str, Callable[[yaml.SafeLoader, ScalarNode], object]] = {
    _TAG + tag: yaml.SafeLoader.yaml_constructors[_TAG + tag]
    for tag in ("null", "bool", "int", "float", "timestamp")
}
_DEEPEST = 40  # deeper trees go the full way, which has its own guard against recursion


class _NotPlain(Exception):
    """The tree holds something `plain_values` leaves to the full constructor."""


def plain_values(loader: yaml.SafeLoader, root: yaml.Node, text: str) -> object:
    """The plain values of `root`, composed by `loader` from `text`: what
    `loader.construct_document(root)` gives, or raises, for the same tree."""
    if "*" not in text and "<<" not in text:  # no alias, no merge: each node met once
        try:
            return _value(loader, root, 0)
        except Exception:  # whatever it is, the full way says it as ever
            pass
    return loader.construct_document(root)


def _value(loader: yaml.SafeLoader, node: yaml.Node, depth: int) -> object:
    tag = node.tag
    if type(node) is ScalarNode:
        if tag == _STR:
            return node.value
        return _SCALARS[tag](loader, node)  # KeyError: a tag left to the full way
    if depth == _DEEPEST:
        raise _NotPlain
    depth += 1
    if type(node) is SequenceNode and tag == _SEQ:
        return [_value(loader, item, depth) for item in node.value]
    if type(node) is MappingNode and tag == _MAP:
        mapping: dict[object, object] = {}
        for key_node, value_node in node.value:
            key_tag = key_node.tag
            if type(key_node) is not ScalarNode:
                raise _NotPlain  # unhashable, or a merge `<<` written another way
            # the string case first, inline: most keys are plain words
            key = key_node.value if key_tag == _STR else _SCALARS[key_tag](loader, key_node)
            mapping[key] = _value(loader, value_node, depth)
        return mapping
    raise _NotPlain
