"""The one YAML loader the app reads with: libyaml's CSafeLoader when present, else SafeLoader.

Only safe loaders, ever: a post carrying `!!python/object/apply:os.system` must run nothing.

And no alias bombs. Nine lines of anchors and aliases (`b: &b [*a, *a, ...]`, nine deep, the
"billion laughs") make a value of 9⁹ items. The loader builds it in an instant, sharing each
anchored value, but anything that walks it (a text box showing the title, a chip per tag, a
check of every item) walks 387 million of them. `check_aliases` measures, before anything is
built, how many values the document expands to, and refuses a document that is mostly
repetition. The rule is go-yaml's (yaml.v3 `decode.go`, `allowedAliasRatio`): a document may
take up to 99% of its values from aliases while it expands to at most 400,000 values, a share
falling to 10% at 4,000,000; an anchor that holds an alias to itself is refused outright, as
go-yaml does ("anchor 'a' value contains itself"). Psych's rule (no aliases at all in
`safe_load` unless asked for) would refuse the shared lists and `<<:` merge keys real sites
write; go-yaml's passes them and still caps the blow-up.
"""

from __future__ import annotations

import yaml

_Base: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# The safe loader's implicit resolvers by a scalar's first character, the wildcard ones after
# (the order PyYAML tries them in), joined once rather than at each scalar.
_IMPLICIT = {
    first: tuple(resolvers) + tuple(_Base.yaml_implicit_resolvers.get(None, ()))
    for first, resolvers in _Base.yaml_implicit_resolvers.items()
    if first is not None
}
_WILDCARD = tuple(_Base.yaml_implicit_resolvers.get(None, ()))
_CONTAINER_TAGS = {
    yaml.SequenceNode: _Base.DEFAULT_SEQUENCE_TAG,
    yaml.MappingNode: _Base.DEFAULT_MAPPING_TAG,
}


class Loader(_Base):  # type: ignore[misc, valid-type]
    """The safe loader, with PyYAML's tag resolution done in fewer steps: the parser asks it
    of every node (a tenth of reading a front matter). The same answers as PyYAML's
    `BaseResolver.resolve`, which also looks up path resolvers: this loader has none."""

    def resolve(self, kind: type[yaml.Node], value: str | None, implicit: tuple[bool, bool]) -> str:
        if kind is yaml.ScalarNode:
            if implicit[0]:
                for tag, regexp in _IMPLICIT.get(value[:1], _WILDCARD):  # type: ignore[index]
                    if regexp.match(value):  # type: ignore[arg-type]
                        return tag
            return self.DEFAULT_SCALAR_TAG
        return _CONTAINER_TAGS[kind]

    def descend_resolver(self, current_node: yaml.Node | None, current_index: object) -> None:
        """Path resolvers' bookkeeping: none here."""

    def ascend_resolver(self) -> None:
        """Path resolvers' bookkeeping: none here."""


# The tag of a `<<:` key: whoever reads a mapping's keys as written skips it.
MERGE_TAG = "tag:yaml.org,2002:merge"

# go-yaml's constants (yaml.v3 decode.go).
_RATIO_LOW, _RATIO_HIGH = 400_000, 4_000_000
_MIN_ALIASED, _MIN_DECODED = 100, 1000


class AliasBombError(yaml.MarkedYAMLError):
    """A document whose aliases repeat their anchored values past the bound (see the module)."""


def error_position(error: yaml.YAMLError) -> tuple[int | None, int | None]:
    """The 1-based (line, column) a YAML error points at: the problem, else the construct the
    problem was found in (an unclosed quote: where it opened); (None, None) when it has no mark.
    """
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    return (mark.line + 1, mark.column + 1) if mark else (None, None)


def error_reason(error: yaml.YAMLError) -> str:
    """What a YAML error says is wrong, in PyYAML's words (never "None")."""
    said = getattr(error, "problem", None) or getattr(error, "context", None)
    if said:
        return said
    # A marked error's own text is its marks, printed over several lines: not a reason.
    return "the YAML does not parse" if isinstance(error, yaml.MarkedYAMLError) else str(error)


def allowed_alias_ratio(decoded: int) -> float:
    """The share of values a document of `decoded` values may take from aliases (go-yaml's
    `allowedAliasRatio`: 99% up to 400,000 values, down to 10% at 4,000,000)."""
    if decoded <= _RATIO_LOW:
        return 0.99
    if decoded >= _RATIO_HIGH:
        return 0.10
    return 0.99 - 0.89 * (decoded - _RATIO_LOW) / (_RATIO_HIGH - _RATIO_LOW)


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []


def check_aliases(root: yaml.Node | None) -> None:
    """Raise AliasBombError when the composed document `root` expands, aliases followed, past
    go-yaml's bound, or holds an anchor that contains itself.

    The composer gives an alias as the very node its anchor names, so the graph shares nodes:
    the first time a node is met in document order is its anchor, each later meeting an alias.
    Each node's expanded size is counted once and reused, so the check costs one pass over the
    text's own nodes, however far they would expand. The counts are checked as they grow, in
    document order, as go-yaml's decoder does; the error points at the top-level key whose
    value first crosses the bound, and tells the whole document's expanded size.
    """
    if root is None:
        return
    sizes: dict[int, int] = {}  # id(node) -> values it expands to, itself included
    open_: set[int] = set()  # nodes whose expansion is being counted (the path from the root)
    decoded, aliased = 1, 0  # values decoded so far (the root's one), and of those, by alias
    key_mark = root.start_mark
    crossed: yaml.Mark | None = None  # where the counts first broke the rule
    # An explicit stack, not recursion: a deeply nested document must not overflow ours.
    stack: list[tuple[yaml.Node, list[yaml.Node], int]] = [(root, _children(root), 0)]
    open_.add(id(root))
    total = [1]  # expanded size of each node on the stack, so far
    while stack:
        node, kids, at = stack[-1]
        if at == len(kids):
            stack.pop()
            open_.discard(id(node))
            size = total.pop()
            sizes[id(node)] = size
            if total:
                total[-1] += size
            continue
        stack[-1] = (node, kids, at + 1)
        child = kids[at]
        if node is root and isinstance(root, yaml.MappingNode) and at % 2 == 0:
            key_mark = child.start_mark
        if id(child) in open_:
            raise AliasBombError(
                problem="an anchor's value holds an alias to itself, so it never ends",
                problem_mark=key_mark,
            )
        if id(child) in sizes:  # an alias: the alias itself, then its anchor's whole value
            repeated = sizes[id(child)]
            total[-1] += 1 + repeated
            decoded += 1 + repeated
            aliased += repeated
            if crossed is None and (
                aliased > _MIN_ALIASED
                and decoded > _MIN_DECODED
                and aliased / decoded > allowed_alias_ratio(decoded)
            ):
                crossed = key_mark
            continue
        decoded += 1
        open_.add(id(child))
        stack.append((child, _children(child), 0))
        total.append(1)
    if crossed is not None:
        raise AliasBombError(
            problem=(
                f"its aliases (*name) would make it {decoded:,} values, mostly"
                " repeats of a few (an alias bomb)"
            ),
            problem_mark=crossed,
        )


def load(text: str) -> object:
    """Plain values from YAML text (raises yaml.YAMLError, AliasBombError included)."""
    loader = Loader(text)
    try:
        root = loader.get_single_node()
        if root is None:
            return None
        if "*" in text:  # no alias without an asterisk: most documents skip the walk
            check_aliases(root)
        return loader.construct_document(root)
    finally:
        loader.dispose()
