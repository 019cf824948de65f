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
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from editor.core import cached_property, lazy_module, storage
from editor.core.document import front_matter
from editor.core.document.front_matter import Kind, Layout
from editor.core.document.line_breaks import dominant_eol, splice_lines
from editor.core.document.post_file import decode, read_bytes
from editor.core.document.safe_yaml import MERGE_TAG
from editor.core.errors import PostError

if TYPE_CHECKING:
    from editor.core.document import (
        key_order,
        toml_spans,
        toml_splice,
        yaml_anchors,
        yaml_spans,
        yaml_splice,
    )
    from editor.core.storage import added_blocks
else:  # what edits and saves a post, loaded at the first edit (`render FILE` makes none)
    key_order = lazy_module("editor.core.document.key_order")
    # what places a post's entries on its lines, loaded when first asked (for an edit, or a
    # problem's line): reading and judging a post need only its values
    toml_spans = lazy_module("editor.core.document.toml_spans")
    yaml_anchors = lazy_module("editor.core.document.yaml_anchors")
    yaml_spans = lazy_module("editor.core.document.yaml_spans")
    toml_splice = lazy_module("editor.core.document.toml_splice")
    yaml_splice = lazy_module("editor.core.document.yaml_splice")
    added_blocks = lazy_module("editor.core.storage.added_blocks")


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

    @classmethod
    def look(cls, path: Path) -> Post:
        """Read a post only to look at it (the folder-wide checks read every body): no stamp
        to save against, and no look for a killed save's leftovers, which the folder's scan
        cleared just before. PostError as `read`."""
        return cls(decode(read_bytes(path), path), path)

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
        return dominant_eol(self.text)

    @cached_property
    def _first_line(self) -> int:
        """0-based file line of the front matter's first line."""
        return self.text.count("\n", 0, self.layout.start)

    @cached_property
    def body_line(self) -> int:
        """1-based file line where the body starts."""
        return self.text.count("\n", 0, self.layout.body) + 1

    @cached_property
    def _parsed(self) -> front_matter.Parsed:
        return front_matter.parse(self.text, self.layout, self.path)

    @cached_property
    def entries(self) -> Sequence[yaml_spans.Entry | toml_spans.TomlEntry]:
        """The top-level entries of the front matter, in file order (empty when none): YAML
        `key: value` entries, or TOML's top-level `key = value` lines and tables (a table from
        its header up to the next header)."""
        if self.kind == "toml":
            if self.error is not None:
                return ()
            try:
                return tuple(toml_spans.top_level(self.front_matter))
            except yaml_spans.SpliceError:
                return ()
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
        if self.kind == "toml":  # TOML has no key written twice: tomllib refuses the file
            for entry in self.entries:
                lines.setdefault(entry.key, (first + entry.line,))
            return lines
        for key_node, _ in self._parsed.root.value if self._parsed.root else ():
            if key_node.tag == MERGE_TAG:
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
        if self.kind == "json":
            raise PostError(
                "editing { } JSON front matter field by field is not supported; edit the file"
                " as text (or turn it into YAML or TOML)",
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
        """The post with one front-matter field set. A new key goes where `order` puts it
        (in TOML, always before the first table). In TOML, None removes the key.

        A key merged in by `<<:` is never edited where it is written (in another mapping,
        which others may merge too): a top-level key overrides it, after the last `<<:` line.
        Every reader lets that key win: PyYAML, js-yaml and Go's yaml.v3 let an explicit key
        win wherever it stands, Ruby's Psych merges at the `<<:` line, so a later key wins."""
        entries = self._editable_entries(key)
        if key in self.values and _same(self.values[key], value):
            return self
        if self.kind == "toml":
            return self._toml_edit(key, value, order)
        self._check_edit(key, entries, removing=False)
        fm, style = self.front_matter, yaml_splice.NewStyle.of(entries)
        entry = next((e for e in entries if e.key == key and not e.merge), None)
        try:
            if entry is not None:
                new_fm = yaml_splice.replace(fm, entry, value, style, self.eol)
            else:
                pos = key_order.insertion_point(entries, key, order, len(fm))
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
        if self.kind == "toml":
            return self._toml_edit(key, None)
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

    def _toml_edit(self, key: str, value: object, order: Sequence[str] = ()) -> Post:
        """A TOML key set (or removed, for None: TOML has no empty value)."""
        fm = self.front_matter
        try:
            if value is None:
                new_fm = toml_splice.remove(fm, key, self.eol)
            else:
                new_fm = toml_splice.set_value(fm, key, value, order, self.eol)
        except yaml_spans.SpliceError as exc:
            line = self.line_of(key)
            raise PostError(f"cannot change ‘{key}’ losslessly: {exc}", self.path, line) from None
        return self if new_fm == fm else self._with_front_matter(new_fm)

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


def _same(old: object, new: object) -> bool:
    """Equal and of the same type (so `1` and `True`, or a date and its string, differ)."""
    if type(old) is not type(new):
        return False
    if isinstance(old, list):
        return len(old) == len(new) and all(map(_same, old, new))  # type: ignore[arg-type]
    if isinstance(old, dict):
        return old.keys() == new.keys() and all(_same(old[k], new[k]) for k in old)  # type: ignore[union-attr,index]
    return old == new
