"""Edit one field of many posts at once: plan, show, apply, and undo.

`plan_field_edit` works out, writing nothing, each chosen post's new text by the core's
lossless edit (the same one `post-editor set` makes: only that field's lines change), with a
diff per file, and lists the posts it leaves out and why (unreadable, read-only, a single
value where a list is meant). `taxonomy_edit.apply_changes` writes the plan, each file
atomically and only if unchanged since the plan; `undo` puts back the bytes each written file
had, file by file, only where nobody changed it since.

    edit = FieldEdit("tags", "add", "python")
    plan = plan_field_edit(folder, [PurePath("a.md"), PurePath("b.md")], edit)
    result = apply_changes(plan.root, plan.changes)
    undone = undo(plan, result)       # later, from Edit > Undo Edit of N Posts
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import Literal

from editor.core import storage
from editor.core.document import Post, file_diff, read_bytes, typed_value
from editor.core.errors import PostError, quoted
from editor.core.folder.content_folder import ContentFolder
from editor.core.folder.taxonomy_edit import ApplyResult, FileChange, FileResult, Skipped
from editor.core.schema import Schema

Operation = Literal["set", "add", "remove", "unset"]
OPERATIONS: dict[Operation, str] = {
    "set": "Set to",
    "add": "Add to the list",
    "remove": "Remove from the list",
    "unset": "Remove the field",
}


def parse_value(key: str, raw: str, schema: Schema) -> object:
    """A value typed for `key` as `post-editor set` reads it: by the field's type when the
    schema knows the key, else the text as typed unless it is one of the YAML forms that keep
    every character of it (`yaml_emit.typed_value`: `[a, b]`, `true`, `42`, `2026-01-24`)."""
    field = schema.field(key)
    return field.parse(raw) if field is not None else typed_value(raw)


def parse_assignment(text: str, schema: Schema) -> tuple[str, object]:
    """`KEY=VALUE` → (key, value), the value read by `parse_value`."""
    key, sep, raw = text.partition("=")
    key = key.strip()
    if not sep or not key:
        raise PostError(f"‘{text}’ is not KEY=VALUE")
    return key, parse_value(key, raw, schema)


@dataclass(frozen=True)
class FieldEdit:
    """One change to make to every chosen post: set `key` to `value` (as typed: read per post
    by that post's schema), add `value` to its list, remove it from its list, or unset it."""

    key: str
    operation: Operation
    value: str = ""

    def describe(self) -> str:
        """The change in a few words, for a dialog's title and the undo action."""
        if self.operation == "unset":
            return f"remove {quoted(self.key)}"
        if self.operation == "set":
            return f"set {quoted(self.key)} to {quoted(self.value.strip())}"
        where = "to" if self.operation == "add" else "from"
        return f"{self.operation} {quoted(self.value.strip())} {where} {quoted(self.key)}"


@dataclass(frozen=True)
class FieldPlan:
    """Everything an edit of many posts would do, computed before anything is written."""

    root: Path
    edit: FieldEdit
    changes: tuple[FileChange, ...]
    problems: tuple[Skipped, ...]
    unchanged: tuple[PurePath, ...]  # posts that already are as asked

    @property
    def diff(self) -> str:
        """Every file's diff, one after the other."""
        return "".join(change.diff for change in self.changes)


def plan_field_edit(folder: ContentFolder, paths: Sequence[PurePath], edit: FieldEdit) -> FieldPlan:
    """What `edit` would do to the posts at `paths` (relative to the folder); writes nothing.
    Each post is read afresh, so the plan starts from the text on disk. Raises PostError for
    an empty key, or a value missing where the operation needs one."""
    if not edit.key.strip():
        raise PostError("choose a field")
    if edit.operation in ("add", "remove") and not edit.value.strip():
        raise PostError(f"give the value to {edit.operation}")
    changes: list[FileChange] = []
    problems: list[Skipped] = []
    unchanged: list[PurePath] = []
    for rel in paths:
        full = folder.root / rel
        try:
            storage.check_within(full, folder.root)
            post = Post.read(full)
            if post.error is not None:
                raise post.error
            edited = _edited(post, edit, folder.schema_for(rel))
        except PostError as error:
            located = error if error.path else error.at(full)
            problems.append(Skipped(full, rel, error.message, located))
            continue
        if edited.text == post.text:
            unchanged.append(rel)
        elif _read_only(full):
            reason = "the file is read-only; it is left as it is"
            problems.append(Skipped(full, rel, reason, PostError(reason, full)))
        else:
            changes.append(
                FileChange(full, rel, edit.key, edited, file_diff(rel, post.text, edited.text))
            )
    return FieldPlan(folder.root, edit, tuple(changes), tuple(problems), tuple(unchanged))


def _read_only(path: Path) -> bool:
    """Whether a save would be refused as read-only (root may write one, as storage allows)."""
    if os.access(path, os.W_OK, effective_ids=os.access in os.supports_effective_ids):
        return False
    return not os.stat(path).st_mode & 0o222


def _edited(post: Post, edit: FieldEdit, schema: Schema) -> Post:
    key, values = edit.key.strip(), post.values
    if edit.operation == "unset":
        return post.without(key) if key in values else post
    if edit.operation == "set":
        return post.with_value(key, parse_value(key, edit.value, schema), schema.order)
    item = edit.value.strip()  # a list item as typed: text, as a tag is
    current = values.get(key)
    if current is not None and not isinstance(current, list):
        raise PostError(f"{quoted(key)} holds one value, not a list; use “Set to” for it")
    items = list(current or [])
    if edit.operation == "add":
        if any(str(i) == item for i in items):
            return post
        return post.with_value(key, [*items, item], schema.order)
    kept = [i for i in items if str(i) != item]
    return post if len(kept) == len(items) else post.with_value(key, kept, schema.order)


# --- undo ---------------------------------------------------------------------------------------


def undo(plan: FieldPlan, result: ApplyResult) -> ApplyResult:
    """Put back the bytes each file written by `result` had before, where the file still
    holds what the plan wrote; a file changed (or removed) since is left alone and reported
    as "changed-on-disk", one that cannot be written as "failed"."""
    written = {path for path in result.written}
    return ApplyResult(
        tuple(_undo_one(change, plan.root) for change in plan.changes if change.path in written)
    )


def _undo_one(change: FileChange, root: Path) -> FileResult:
    before = change.old_text.encode("utf-8", "surrogatepass")
    try:
        storage.check_within(change.path, root)
        with storage.locked(change.path):  # no save of ours between the check and the write
            if (
                not os.path.lexists(change.path)
                or read_bytes(change.path) != change.post.to_bytes()
            ):
                reason = "the file changed on disk since the edit; it is left as it is"
                return FileResult(change.path, change.rel, "changed-on-disk", reason)
            storage.atomic_write(change.path, before)
    except PostError as error:
        return FileResult(change.path, change.rel, "failed", error.message)
    return FileResult(change.path, change.rel, "written")
