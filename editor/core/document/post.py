"""A post: the exact text of a post file, its parts, and lossless edits to it.

A `Post` is immutable. It holds the file's text (BOM and line endings included) and the text it
was read with; its front-matter values and body are views of that text. Each edit returns a new
`Post` whose text differs from the old one only in the span the edit is about, so saving an
unchanged post gives back the same bytes and a one-field change gives a one-entry diff.

    post = Post.read(path)
    post = post.with_value("title", "A better title").with_body(new_body)
    post = post.save()
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import cached_property
from pathlib import Path
from types import MappingProxyType
from typing import Literal

import yaml
from yaml.nodes import MappingNode

from editor.core import storage
from editor.core.document import safe_yaml, yaml_anchors, yaml_spans, yaml_splice
from editor.core.document.safe_yaml import Loader
from editor.core.errors import PostError
from editor.core.storage import added_blocks

Kind = Literal["yaml", "toml", "none"]

_OPENERS = {"---": "yaml", "+++": "toml"}
_CLOSERS = {
    "yaml": re.compile(r"^(?:---|\.\.\.)[ \t]*(?:\r\n|\n|\r|\Z)", re.M),
    "toml": re.compile(r"^\+\+\+[ \t]*(?:\r\n|\n|\r|\Z)", re.M),
}
# The delimiter lines end in LF or CRLF, as Jekyll and Hugo require: `^` above starts a
# line after `\n` only, so an opening line ended by a lone CR would make a block whose
# closing line an edit can hide.
_OPENER_BREAK = re.compile(r"\r?\n")
_BREAK = re.compile(r"\r\n|\n|\r")
_EMPTY: Mapping[str, object] = MappingProxyType({})


@dataclass(frozen=True)
class Layout:
    """Where a post's parts lie in its text, as offsets."""

    kind: Kind
    start: int  # first character of the front matter (after the opening line)
    end: int  # start of the closing line
    body: int  # first character of the body
    closed: bool = True

    @classmethod
    def of(cls, text: str) -> Layout:
        """Find the front-matter block, the way Jekyll, Hugo and gray-matter find it."""
        offset = 1 if text.startswith("\ufeff") else 0
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


@dataclass(frozen=True)
class _Parsed:
    values: Mapping[str, object]
    root: MappingNode | None
    error: PostError | None


class Post:
    """One post file's text and the lossless edits made to it (see the module docstring)."""

    def __init__(
        self,
        text: str,
        path: Path | None = None,
        *,
        original: str | None = None,
        stamp: storage.FileStamp | None = None,
    ) -> None:
        self.text = text
        self.path = path
        self.original = text if original is None else original
        self.stamp = stamp
        self.layout = Layout.of(text)

    # --- reading ---------------------------------------------------------------------------

    @classmethod
    def read(cls, path: Path) -> Post:
        """Read a post file; raises PostError for a file that is not a readable text post.
        A save of it that a crash cut short is undone first (see `storage.sweep`)."""
        storage.sweep_if_left(path)
        data = read_bytes(path)
        return cls(decode(data, path), path, stamp=storage.stamp_of(path, data))

    @property
    def kind(self) -> Kind:
        """`yaml` (`---`), `toml` (`+++`) or `none` when the file has no front matter."""
        return self.layout.kind

    @property
    def front_matter(self) -> str:
        """The text between the delimiters."""
        return self.text[self.layout.start : self.layout.end]

    @property
    def body(self) -> str:
        """Everything after the closing delimiter line, as it is in the file."""
        return self.text[self.layout.body :]

    @property
    def body_is_blank(self) -> bool:
        """Whether the body holds nothing but white space."""
        return not self.body.strip()

    @property
    def values(self) -> Mapping[str, object]:
        """The front matter as plain values (read-only); empty when it does not parse."""
        return self._parsed.values

    @property
    def error(self) -> PostError | None:
        """Why the front matter cannot be read, or None."""
        return self._parsed.error

    @property
    def modified(self) -> bool:
        """Whether the text differs from what was read or last saved."""
        return self.text != self.original

    @cached_property
    def eol(self) -> str:
        """The line break most lines use (`\\n` for a file with none)."""
        crlf = self.text.count("\r\n")
        return "\r\n" if crlf > self.text.count("\n") - crlf else "\n"

    @cached_property
    def _first_line(self) -> int:
        """0-based file line of the front matter's first line."""
        return self.text.count("\n", 0, self.layout.start)

    @cached_property
    def body_line(self) -> int:
        """1-based file line where the body starts."""
        return self.text.count("\n", 0, self.layout.body) + 1

    @cached_property
    def _parsed(self) -> _Parsed:
        if self.kind == "none":
            return _Parsed(_EMPTY, None, None)
        if not self.layout.closed:
            closer = "---" if self.kind == "yaml" else "+++"
            return _Parsed(
                _EMPTY, None, self._error(f"the front matter has no closing {closer} line", 0, None)
            )
        if self.kind == "toml":
            return self._parse_toml()
        return self._parse_yaml()

    def _error(self, message: str, line: int | None, column: int | None) -> PostError:
        """An error at a 0-based line/column of the front matter, told in file lines."""
        file_line = None if line is None else self._first_line + line + 1
        return PostError(message, self.path, file_line, None if column is None else column + 1)

    def _parse_yaml(self) -> _Parsed:
        fm = self.front_matter
        try:
            loader = Loader(fm)
        except UnicodeEncodeError as exc:  # libyaml takes UTF-8: a str with a lone surrogate
            line = fm.count("\n", 0, exc.start)
            col = exc.start - (fm.rfind("\n", 0, exc.start) + 1)
            return _Parsed(
                _EMPTY, None, self._error("YAML error: a character is not text", line, col)
            )
        root = None
        merging: list[tuple[MappingNode, yaml_anchors.Pairs]] = []
        try:
            root = loader.get_single_node()
            if "*" in fm:  # an alias bomb is refused before anything walks its values
                safe_yaml.check_aliases(root)
            if root is not None and "<<" in fm:  # constructing folds merges into the tree
                merging = yaml_anchors.written_pairs(root)
            values = loader.construct_document(root) if root is not None else {}
        except yaml.MarkedYAMLError as exc:
            line, col = safe_yaml.error_position(exc)
            reason = safe_yaml.error_reason(exc)
            line, col = (line - 1, col - 1) if line and col else (None, None)  # 0-based here
            return _Parsed(_EMPTY, None, self._error(f"YAML error: {reason}", line, col))
        except _BAD_SCALAR as exc:
            return _Parsed(_EMPTY, None, self._bad_value(root, exc))
        except (yaml.YAMLError, TypeError, OverflowError, RecursionError) as exc:
            return _Parsed(_EMPTY, None, self._error(f"YAML error: {exc}", 0, None))
        finally:
            yaml_anchors.restore_pairs(merging)  # the tree as written, for the splicer
            loader.dispose()
        if not isinstance(values, dict) or (root is not None and not isinstance(root, MappingNode)):
            return _Parsed(
                _EMPTY,
                None,
                self._error("the front matter is not a list of `key: value` lines", 0, None),
            )
        return _Parsed(MappingProxyType(values), root, None)

    def _bad_value(self, root: yaml.Node | None, exc: Exception) -> PostError:
        """The error for a scalar the safe loader cannot build: a day that does not exist
        (2026-02-30), or a value its explicit tag cannot hold (`!!bool maybe`, `!!int ''`)."""
        node = _bad_scalar(root) if root is not None else None
        if node is None:
            return self._error(f"YAML error: {exc}", 0, None)
        line, col = node.start_mark.line, node.start_mark.column
        if node.tag == "tag:yaml.org,2002:timestamp" and isinstance(exc, ValueError):
            return self._error(f"not a real date: {exc}", line, col)
        tag = node.tag.rsplit(":", 1)[-1]
        value = f"‘{node.value}’" if len(node.value) < 40 and node.value.isprintable() else "this"
        return self._error(f"YAML error: {value} is not a valid !!{tag}", line, col)

    def _parse_toml(self) -> _Parsed:
        try:
            values = tomllib.loads(self.front_matter.replace("\r\n", "\n"))
        except tomllib.TOMLDecodeError as exc:
            where = re.search(r"\(at line (\d+), column (\d+)\)", str(exc))
            line, col = (int(where[1]) - 1, int(where[2]) - 1) if where else (None, None)
            return _Parsed(_EMPTY, None, self._error(f"TOML error: {exc}", line, col))
        return _Parsed(MappingProxyType(values), None, None)

    @cached_property
    def entries(self) -> Sequence[yaml_spans.Entry]:
        """The top-level entries of YAML front matter, in file order (empty when none)."""
        root = self._parsed.root
        if root is None:
            return ()
        try:
            return tuple(yaml_spans.locate(self.front_matter, root))
        except yaml_spans.SpliceError:
            return ()

    @cached_property
    def _all_key_lines(self) -> Mapping[str, tuple[int, ...]]:
        """Every 1-based file line each top-level key stands on (two for a key written twice)."""
        lines: dict[str, tuple[int, ...]] = {}
        first = self._first_line + 1
        for key_node, _ in self._parsed.root.value if self._parsed.root else ():
            if key_node.tag == yaml_spans.MERGE_TAG:
                continue  # `<<:` twice merges twice; and a merged key is not written here
            key = str(key_node.value)
            lines[key] = (*lines.get(key, ()), first + key_node.start_mark.line)
        return lines

    @property
    def duplicate_keys(self) -> Mapping[str, tuple[int, ...]]:
        """Keys written more than once, with the 1-based file lines where they stand."""
        return {key: at for key, at in self._all_key_lines.items() if len(at) > 1}

    @cached_property
    def key_lines(self) -> Mapping[str, int]:
        """1-based file line of each top-level key (the first, for a key written twice)."""
        return {key: at[0] for key, at in self._all_key_lines.items()}

    def line_of(self, key: str) -> int | None:
        """1-based file line of a top-level key, or None when the post has no such key."""
        if key in self.key_lines:
            return self.key_lines[key]
        if self.kind == "toml":
            match = re.search(rf"^{re.escape(key)}\s*=", self.front_matter, re.M)
            if match:
                return self._first_line + self.front_matter.count("\n", 0, match.start()) + 1
        return None

    # --- editing ---------------------------------------------------------------------------

    def _with_text(self, text: str) -> Post:
        return Post(text, self.path, original=self.original, stamp=self.stamp)

    def with_text(self, text: str) -> Post:
        """The whole file replaced, as in a raw-text editor (the text is kept as given)."""
        return self if text == self.text else self._with_text(text)

    def _editable_entries(self, key: str) -> Sequence[yaml_spans.Entry]:
        """The entries, after checking that front-matter fields can be edited losslessly."""
        if self.kind == "toml":
            raise PostError(
                "editing +++ TOML front matter is not supported yet; the file was left as it is",
                self.path,
            )
        if self.error is not None:
            raise PostError(
                f"fix the front matter first ({self.error.message}, line {self.error.line})",
                self.path,
                self.error.line,
                self.error.column,
            )
        if key in self.duplicate_keys:
            lines = " and ".join(map(str, self.duplicate_keys[key]))
            raise PostError(
                f"‘{key}’ is written twice (lines {lines}); keep one first",
                self.path,
                self.duplicate_keys[key][0],
            )
        if self._parsed.root is not None and not self.entries:
            try:
                yaml_spans.locate(self.front_matter, self._parsed.root)
            except yaml_spans.SpliceError as exc:
                raise PostError(
                    f"cannot edit this front matter losslessly: {exc}", self.path
                ) from None
        return self.entries

    @cached_property
    def _shared(self) -> tuple[int, ...]:
        return yaml_anchors.shared_at(self._parsed.root, self.front_matter)

    def _check_edit(self, key: str, entries: Sequence[yaml_spans.Entry], removing: bool) -> None:
        """Refuse an edit that anchors or merges make wrong (see `yaml_anchors.refusal`)."""
        found = yaml_anchors.refusal(key, entries, self._shared, removing, self._first_line)
        if found is not None:
            message, entry = found
            raise PostError(message, self.path, self._first_line + entry.line + 1)

    def with_value(self, key: str, value: object, order: Sequence[str] = ()) -> Post:
        """The post with one front-matter field set. A new key goes where `order` puts it.

        A key merged in by `<<:` is never edited where it is written (in another mapping,
        which others may merge too): a top-level key overrides it, after the last `<<:` line.
        Every reader lets that key win: PyYAML, js-yaml and Go's yaml.v3 let an explicit key
        win wherever it stands, Ruby's Psych merges at the `<<:` line, so a later key wins."""
        entries = self._editable_entries(key)
        if key in self.values and _same(self.values[key], value):
            return self
        self._check_edit(key, entries, removing=False)
        fm, style = self.front_matter, yaml_splice.NewStyle.of(entries)
        entry = next((e for e in entries if e.key == key and not e.merge), None)
        try:
            if entry is not None:
                new_fm = yaml_splice.replace(fm, entry, value, style, self.eol)
            else:
                pos = yaml_splice.insertion_point(entries, key, order, len(fm))
                if yaml_anchors.merge_of(key, entries) is not None:
                    pos = max(pos, *(e.end for e in entries if e.merge))
                indent = entries[0].indent if entries else 0  # the mapping may sit right of 0
                new_fm = yaml_splice.insert(fm, pos, key, value, indent, style, self.eol)
        except yaml_spans.SpliceError as exc:  # a nested mapping that cannot be spliced
            line = self._first_line + entry.line + 1 if entry else None
            raise PostError(f"cannot change ‘{key}’ losslessly: {exc}", self.path, line) from None
        if self.kind == "none":
            bom = self.text[: self.layout.start]
            return self._with_text(f"{bom}---{self.eol}{new_fm}---{self.eol}{self.body}")
        return self._with_front_matter(new_fm)

    def without(self, key: str) -> Post:
        """The post with a front-matter field removed (only its lines go)."""
        entries = self._editable_entries(key)
        self._check_edit(key, entries, removing=True)
        entry = next((e for e in entries if e.key == key and not e.merge), None)
        if entry is None:
            return self
        new_fm = yaml_splice.remove(self.front_matter, entry)
        if not new_fm and self._block_is_ours():
            # The file had no front matter: it keeps none (a block we did not add stays, as
            # an empty block makes a Jekyll page of a file).
            bom = self.text[: self.text.startswith("\ufeff")]
            return self._with_text(bom + self.body)
        return self._with_front_matter(new_fm)

    def _block_is_ours(self) -> bool:
        """Whether the front-matter block is one we added to a file that had none: in this
        editing session, or in one whose save the file still is (see `added_blocks`)."""
        if Layout.of(self.original).kind == "none":
            return True
        return added_blocks.was_added(self.path, self.original)

    def _with_front_matter(self, fm: str) -> Post:
        layout = self.layout
        return self._with_text(self.text[: layout.start] + fm + self.text[layout.end :])

    def with_body(self, body: str) -> Post:
        """The post with a new body. Lines that did not change keep their exact line breaks,
        so the body may be given with `\\n` breaks (as an editor widget holds it)."""
        if self.kind != "none" and not self.layout.closed:
            raise PostError(
                "the front matter has no closing line, so the body cannot be told apart", self.path
            )
        new_body = splice_lines(self.body, body, self.eol)
        if new_body == self.body:
            return self
        head = self.text[: self.layout.body]
        if new_body and self.kind != "none" and not head.endswith(("\n", "\r")):
            head += self.eol  # the closing line ended the file: it needs its break now
        return self._with_text(head + new_body)

    # --- writing ---------------------------------------------------------------------------

    def to_bytes(self) -> bytes:
        """The file's bytes: UTF-8, BOM and line endings as they are in the text."""
        return self.text.encode("utf-8", "surrogatepass")

    def save(self, force: bool = False, within: Path | None = None) -> Post:
        """Write the post atomically; returns it as now saved. An unchanged post is not
        written. Raises storage.ConflictError when the file changed on disk since it was
        read (unless `force`), PostError when it cannot be written or when `within` is given
        and the file really lies outside that folder (a symlink)."""
        if self.path is None:
            raise PostError("this post has no file name yet")
        if not self.modified and self.stamp is not None and not force:
            return self
        stamp = storage.save(self.path, self.to_bytes(), self.stamp, force=force, within=within)
        added_blocks.note_save(self.path, self.text, self.kind != "none" and self._block_is_ours())
        return Post(self.text, self.path, stamp=stamp)


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


def _same(old: object, new: object) -> bool:
    """Equal and of the same type (so `1` and `True`, or a date and its string, differ)."""
    if type(old) is not type(new):
        return False
    if isinstance(old, list):
        return len(old) == len(new) and all(map(_same, old, new))  # type: ignore[arg-type]
    if isinstance(old, dict):
        return old.keys() == new.keys() and all(_same(old[k], new[k]) for k in old)  # type: ignore[union-attr,index]
    return old == new


def _lines(text: str) -> list[tuple[str, str]]:
    """(content, line break) pairs; the last line's break may be empty."""
    out, pos = [], 0
    for brk in _BREAK.finditer(text):
        out.append((text[pos : brk.start()], brk.group()))
        pos = brk.end()
    if pos < len(text):
        out.append((text[pos:], ""))
    return out


def splice_lines(old: str, new: str, eol: str) -> str:
    """`new`, but with the exact line breaks of `old` on every line it shares with it.

    New lines get `eol`. This lets a widget that only knows `\\n` edit a CRLF or mixed file
    without rewriting the lines the user did not touch.
    """
    if eol == "\n" and "\r" not in old and "\r" not in new:
        return new  # every break, kept or new, is "\n" (most posts): nothing to carry over
    a, b = _lines(old), _lines(new)
    if [c for c, _ in a] == [c for c, _ in b] and [bool(k) for _, k in a] == [
        bool(k) for _, k in b
    ]:
        return old
    # The lines before and after the edited region pair up as they are: SequenceMatcher
    # (without autojunk) is quadratic in repeated lines such as blank ones, and a 10 MB
    # post would take minutes; an edit usually touches one place.
    head = 0
    while head < min(len(a), len(b)) and a[head][0] == b[head][0]:
        head += 1
    tail = 0
    while tail < min(len(a), len(b)) - head and a[-1 - tail][0] == b[-1 - tail][0]:
        tail += 1
    pairs = [(i, i) for i in range(head)]
    middle_a, middle_b = a[head : len(a) - tail], b[head : len(b) - tail]
    matcher = SequenceMatcher(
        None, [c for c, _ in middle_a], [c for c, _ in middle_b], autojunk=False
    )
    for tag, i1, _, j1, j2 in matcher.get_opcodes():
        for k in range(j2 - j1):
            pairs.append((head + i1 + k if tag == "equal" else None, head + j1 + k))
    pairs += [(len(a) - tail + k, len(b) - tail + k) for k in range(tail)]
    out = []
    for i, j in pairs:
        content, brk = b[j]
        old_brk = a[i][1] if i is not None else ""
        out.append(content + ((old_brk or eol) if brk else ""))
    return "".join(out)


def read_bytes(path: Path) -> bytes:
    """A file's bytes, or a PostError that says in plain words why it cannot be read. Only a
    regular file is read: a FIFO or a device is refused at once (see `storage.read_regular`)."""
    try:
        return storage.read_regular(path)
    except FileNotFoundError:
        raise PostError("no such file", path) from None
    except IsADirectoryError:
        raise PostError("this is a folder, not a post file", path) from None
    except PermissionError:
        raise PostError("permission denied: the file cannot be read", path) from None
    except OSError as exc:
        raise PostError(f"cannot read the file: {exc.strerror or exc}", path) from None


def decode(data: bytes, path: Path | None = None) -> str:
    """UTF-8 text (a BOM kept as U+FEFF), or a PostError for binary and non-UTF-8 files."""
    if b"\x00" in data[:8192]:
        raise PostError("this looks like a binary file, not a Markdown post", path)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise PostError(
            f"the file is not UTF-8 text (byte 0x{data[exc.start]:02X}); "
            "convert it to UTF-8 in another editor first, it was left as it is",
            path,
            line,
            column,
        ) from None
