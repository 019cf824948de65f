"""A post's front matter: where the block lies in the file (`Layout`: `---` YAML, `+++` TOML,
Hugo's `{ … }` JSON object at the top of the file, or none), and its text read into plain
values and the YAML node tree the splicer edits (`parse`), or the error that says where and
why it cannot be read."""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Literal, NamedTuple

import yaml
from yaml.nodes import MappingNode

from editor.core import lazy_module
from editor.core.document import safe_yaml
from editor.core.document.safe_yaml import Loader
from editor.core.document.yaml_values import plain_values
from editor.core.errors import PostError

if TYPE_CHECKING:
    import json
    import tomllib

    from editor.core.document import yaml_anchors
else:  # loaded where TOML or JSON front matter is read: most posts are YAML
    json = lazy_module("json")
    tomllib = lazy_module("tomllib")
    # loaded where a front matter merges (`<<:`): most have no merge key
    yaml_anchors = lazy_module("editor.core.document.yaml_anchors")

Kind = Literal["yaml", "toml", "json", "none"]

_OPENERS = {"---": "yaml", "+++": "toml"}
_CLOSERS = {
    "yaml": re.compile(r"^(?:---|\.\.\.)[ \t]*(?:\r\n|\n|\r|\Z)", re.M),
    "toml": re.compile(r"^\+\+\+[ \t]*(?:\r\n|\n|\r|\Z)", re.M),
}
# The delimiter lines end in LF or CRLF, as Jekyll and Hugo require: `^` above starts a
# line after `\n` only, so an opening line ended by a lone CR would make a block whose
# closing line an edit can hide.
_OPENER_BREAK = re.compile(r"\r?\n")
EMPTY: Mapping[str, object] = MappingProxyType({})


class Layout(NamedTuple):
    """Where a post's parts lie in its text, as offsets. (Records of a post read, here and
    `Parsed`, are named tuples: a dataclass costs ~0.5 ms to make, at each one-file command.)"""

    kind: Kind
    start: int  # first character of the front matter (after the opening line)
    end: int  # start of the closing line
    body: int  # first character of the body
    closed: bool = True

    @classmethod
    def of(cls, text: str) -> Layout:
        """Find the front-matter block, the way Jekyll, Hugo and gray-matter find it."""
        offset = 1 if text.startswith("\ufeff") else 0
        if text.startswith("{", offset):
            return cls._json(text, offset)
        opener = text[offset : offset + 3]
        kind = _OPENERS.get(opener)
        first_break = _OPENER_BREAK.search(text, offset)
        if kind is None or first_break is None or text[offset + 3 : first_break.start()].strip():
            return cls("none", offset, offset, offset)
        start = first_break.end()
        close = _CLOSERS[kind].search(text, start)
        if close is None:
            return cls(kind, start, len(text), len(text), closed=False)
        return cls(kind, start, close.start(), close.end())

    @classmethod
    def _json(cls, text: str, offset: int) -> Layout:
        """Hugo's JSON front matter: one object at the top, the rest of its last line blank.
        Text that starts with `{` but is no such object (a Liquid `{% … %}` tag, a Hugo
        `{{< shortcode >}}`) has no front matter."""
        try:
            value, end = json.JSONDecoder().raw_decode(text, offset)
        except json.JSONDecodeError:
            return cls("none", offset, offset, offset)
        brk = _OPENER_BREAK.search(text, end)
        rest_end = brk.start() if brk else len(text)
        if not isinstance(value, dict) or text[end:rest_end].strip():
            return cls("none", offset, offset, offset)
        return cls("json", offset, end, brk.end() if brk else len(text))


class Parsed(NamedTuple):
    """The front matter read: its plain values (read-only), the YAML mapping node they came
    from (None for TOML, no front matter, or an error), and why it cannot be read, or None."""

    values: Mapping[str, object]
    root: MappingNode | None
    error: PostError | None


def parse(text: str, layout: Layout, path: Path | None = None) -> Parsed:
    """The front matter of the post `text` (laid out as `layout`), read; an error names the
    file line and column, counted in the whole file."""
    if layout.kind == "none":
        return Parsed(EMPTY, None, None)
    reader = _Reader(text[layout.start : layout.end], text.count("\n", 0, layout.start), path)
    if not layout.closed:
        closer = "---" if layout.kind == "yaml" else "+++"
        return Parsed(
            EMPTY, None, reader.error(f"the front matter has no closing {closer} line", 0, None)
        )
    if layout.kind == "json":
        return Parsed(MappingProxyType(json.loads(text[layout.start : layout.end])), None, None)
    return reader.toml() if layout.kind == "toml" else reader.yaml()


class _Reader:
    """Reads one front-matter text; errors are told in lines of the file it is in."""

    def __init__(self, text: str, first_line: int, path: Path | None) -> None:
        self.text = text
        self.first_line = first_line  # 0-based file line of the front matter's first line
        self.path = path

    def error(self, message: str, line: int | None, column: int | None) -> PostError:
        """An error at a 0-based line/column of the front matter, told in file lines."""
        file_line = None if line is None else self.first_line + line + 1
        return PostError(message, self.path, file_line, None if column is None else column + 1)

    def yaml(self) -> Parsed:
        fm = self.text
        try:
            loader = Loader(fm)
        except UnicodeEncodeError as exc:  # libyaml takes UTF-8: a str with a lone surrogate
            line = fm.count("\n", 0, exc.start)
            col = exc.start - (fm.rfind("\n", 0, exc.start) + 1)
            return Parsed(EMPTY, None, self.error("YAML error: a character is not text", line, col))
        root = None
        merging: list[tuple[MappingNode, yaml_anchors.Pairs]] = []
        try:
            root = loader.get_single_node()
            if "*" in fm:  # an alias bomb is refused before anything walks its values
                safe_yaml.check_aliases(root)
            if root is not None and "<<" in fm:  # constructing folds merges into the tree
                merging = yaml_anchors.written_pairs(root)
            values = plain_values(loader, root, fm) if root is not None else {}
        except yaml.MarkedYAMLError as exc:
            line, col = safe_yaml.error_position(exc)
            reason = safe_yaml.error_reason(exc)
            line, col = (line - 1, col - 1) if line and col else (None, None)  # 0-based here
            return Parsed(EMPTY, None, self.error(f"YAML error: {reason}", line, col))
        except _BAD_SCALAR as exc:
            return Parsed(EMPTY, None, self.bad_value(root, exc))
        except (yaml.YAMLError, TypeError, OverflowError, RecursionError) as exc:
            return Parsed(EMPTY, None, self.error(f"YAML error: {exc}", 0, None))
        finally:
            if merging:  # the tree as written, for the splicer
                yaml_anchors.restore_pairs(merging)
            loader.dispose()
        if not isinstance(values, dict) or (root is not None and not isinstance(root, MappingNode)):
            return Parsed(
                EMPTY,
                None,
                self.error("the front matter is not a list of `key: value` lines", 0, None),
            )
        return Parsed(MappingProxyType(values), root, None)

    def bad_value(self, root: yaml.Node | None, exc: Exception) -> PostError:
        """The error for a scalar the safe loader cannot build: a day that does not exist
        (2026-02-30), or a value its explicit tag cannot hold (`!!bool maybe`, `!!int ''`)."""
        node = _bad_scalar(root) if root is not None else None
        if node is None:
            return self.error(f"YAML error: {exc}", 0, None)
        line, col = node.start_mark.line, node.start_mark.column
        if node.tag == "tag:yaml.org,2002:timestamp" and isinstance(exc, ValueError):
            return self.error(f"not a real date: {exc}", line, col)
        tag = node.tag.rsplit(":", 1)[-1]
        value = f"‘{node.value}’" if len(node.value) < 40 and node.value.isprintable() else "this"
        return self.error(f"YAML error: {value} is not a valid !!{tag}", line, col)

    def toml(self) -> Parsed:
        try:
            values = tomllib.loads(self.text.replace("\r\n", "\n"))
        except tomllib.TOMLDecodeError as exc:
            where = re.search(r"\(at line (\d+), column (\d+)\)", str(exc))
            line, col = (int(where[1]) - 1, int(where[2]) - 1) if where else (None, None)
            return Parsed(EMPTY, None, self.error(f"TOML error: {exc}", line, col))
        return Parsed(MappingProxyType(values), None, None)


# What PyYAML's safe constructors raise on a scalar they cannot build: ValueError for a day
# that does not exist or `!!int x`, and (bugs of theirs) KeyError for `!!bool maybe`,
# IndexError for `!!int ''`, AttributeError for `!!timestamp soon`.
_BAD_SCALAR = (ValueError, KeyError, IndexError, AttributeError)


def _bad_scalar(root: yaml.Node) -> yaml.ScalarNode | None:
    """The first scalar the safe loader cannot build."""
    stack = [root]
    while stack:
        node = stack.pop(0)
        if isinstance(node, yaml.ScalarNode):
            try:
                yaml.SafeLoader("").construct_object(node)
            except (*_BAD_SCALAR, yaml.YAMLError):
                return node
        elif isinstance(node, yaml.MappingNode):
            stack.extend(part for pair in node.value for part in pair)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
    return None
