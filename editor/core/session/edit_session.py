"""An edit session: one post as opened (or last saved) and the form's edits to it.

Every edit is applied to the base text, never on top of the last keystroke's result: a
half-typed value that needed quotes must not leave its quotes behind. The session also says
how a post is edited (field by field, or as raw text), what "Other fields" holds, and reads
its file when the writer asks for the version on disk. Qt-free: the document tab shows it.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml

from editor.core.document import safe_yaml
from editor.core.document.post import Post, splice_lines
from editor.core.errors import PostError
from editor.core.schema import Schema
from editor.core.session.disk import pending_changes, read_post

_REMOVED = object()  # an "Other fields" key the writer deleted


def needs_raw_mode(post: Post) -> bool:
    """Whether `post` must be edited as plain text: its front matter cannot be edited field by
    field (broken YAML or TOML, JSON, a key written twice)."""
    return post.error is not None or post.kind == "json" or bool(post.duplicate_keys)


def other_fields_text(post: Post, schema: Schema) -> str:
    """The entries of the post's keys no field of `schema` covers, as written."""
    covered, front_matter = schema.form_keys(post.values), post.front_matter
    return "".join(front_matter[e.start : e.end] for e in post.entries if e.key not in covered)


@dataclass(frozen=True)
class OtherFields:
    """The "Other fields" text read: its `values` when they can be applied, else the
    `problem` to show beside it."""

    values: dict[str, object] | None = None
    problem: str | None = None


def read_other_fields(
    text: str, schema: Schema, covered: set[str], keys: Mapping[str, str], kind: str = "yaml"
) -> OtherFields:
    """Read the "Other fields" text, written in the post's front-matter `kind` (YAML
    `key: value` lines, or TOML for a `+++` post), none of whose keys is in `covered` (the
    keys the fields show; `keys` maps each field's name to the key the post uses, to name
    the field that holds a key written here)."""
    if kind == "toml":
        try:
            values = tomllib.loads(text)
        except tomllib.TOMLDecodeError as error:
            return OtherFields(problem=f"not valid TOML: {error}")
    else:
        try:
            values = safe_yaml.load(text) if text.strip() else {}
        except yaml.YAMLError as error:
            where = f" (line {line})" if (line := safe_yaml.error_position(error)[0]) else ""
            reason = safe_yaml.error_reason(error)
            return OtherFields(problem=f"not valid YAML{where}: {reason}")
    if not isinstance(values, dict):
        return OtherFields(problem="write these as `key: value` lines")
    if taken := next((key for key in values if key in covered), None):
        name = next((n for n, k in keys.items() if k == taken), taken)
        field = schema.field(name)
        label = field.label if field else taken
        return OtherFields(problem=f"‘{taken}’ is {label} above; change it there")
    return OtherFields(values=values)


class EditSession:
    """A post being edited: `base` (as opened or saved), the form's edits to it (key → value,
    or removed) and `post`, the base with the edits made. `order` is the schema's key order,
    where a new key goes."""

    def __init__(self, post: Post, order: Sequence[str] = ()) -> None:
        self.order = tuple(order)
        self.reset(post)

    def reset(self, post: Post) -> None:
        """Start recording edits against `post` (as opened, reloaded or saved)."""
        self.base = self.post = post
        self._edits: dict[str, object] = {}

    @property
    def path(self) -> Path | None:
        """The post's file."""
        return self.post.path

    def edit(self, edits: Mapping[str, object]) -> Post:
        """Record field edits (key → value) and rebuild the post from the base; PostError,
        nothing recorded, when one cannot be made."""
        recorded = {**self._edits, **edits}
        post = self.base
        for key, value in recorded.items():
            if value is _REMOVED:
                post = post.without(key)
            else:
                post = post.with_value(key, value, self.order)
        self._edits, self.post = recorded, post
        return post

    def edit_others(self, values: Mapping[str, object], covered: set[str]) -> Post:
        """The "Other fields" now hold `values` (none of whose keys is in `covered`, the keys
        the fields show): set each of them, remove the other keys no field shows."""
        gone = {k: _REMOVED for k in self.post.values if k not in covered and k not in values}
        return self.edit({**gone, **{str(key): value for key, value in values.items()}})

    def builder(self, text: str, raw: bool) -> Callable[[], Post]:
        """A function building the post as saving it now would write it, with the editor
        holding `text` (the whole file in raw mode, else the body); it runs on any thread."""
        post = self.post
        if raw:
            return lambda: post.with_text(splice_lines(post.text, text, post.eol))
        return lambda: post.with_body(text)

    def rebase(self, on_disk: Post | None) -> None:
        """Keep the text, now as changes to `on_disk` (the file as it is now, or None when
        there is no file): the next save writes over it without asking again."""
        original, stamp = (on_disk.text, on_disk.stamp) if on_disk is not None else ("", None)
        path = self.post.path
        self.post = Post(self.post.text, path, original=original, stamp=stamp)
        self.base = Post(self.base.text, path, original=original, stamp=stamp)

    def restored(self, text: str) -> Post:
        """`text` (the whole file, as a crash left it unsaved) as a change to the file."""
        post = self.post
        return Post(text, post.path, original=post.original, stamp=post.stamp)

    def read_disk(self) -> Post:
        """The file as it is on disk now (reload, revert); PostError when it cannot be read."""
        if self.post.path is None:
            raise PostError("this post has no file yet")
        return read_post(self.post.path)

    def pending_changes(self, post: Post | None = None) -> str:
        """The unified diff of what saving `post` (else the session's) would change on disk."""
        return pending_changes(post or self.post)
