"""Rename or merge a tag or a category across a folder: plan, show, then apply.

`plan_rename` works out, without writing anything, the new text of every post that uses the
old name(s), each made by the core's lossless edit (only the tags or category entry changes;
quoting, list style, indentation, comments and line endings stay), with a unified diff per
file, and lists every post it could not edit or could not read, with the reason. A dialog shows
that plan; `apply` then writes it, file by file, refusing any file that changed since the plan
was made. `near_duplicates` finds names that are probably one name spelled two ways (`Ai`,
`AI`); `terms` gives the names with their counts and such look-alikes, from the folder's index.

    plan = plan_rename(folder, "tag", ["Ai", "ai"], "AI")
    show(plan.changes, plan.problems)          # paths, diffs, posts that were left out
    result = apply(plan)
    for path in result.written:
        folder.refresh(path)
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import Literal, cast

from yaml.nodes import ScalarNode, SequenceNode

from editor.core.document import Post, file_diff, read_bytes, yaml_emit
from editor.core.errors import PostError, quoted
from editor.core.folder.content_folder import ContentFolder, IndexEntry
from editor.core.storage import ConflictError, folded

Kind = Literal["tag", "category"]
Status = Literal["written", "changed-on-disk", "failed"]

_KINDS: tuple[Kind, ...] = ("tag", "category")


# --- what a plan and its result hold ------------------------------------------------------------


@dataclass(frozen=True)
class FileChange:
    """One post's planned edit: its text now, its text after, and the diff between them."""

    path: Path  # absolute (the folder's root joined with `rel`)
    rel: PurePath  # relative to the folder, as the folder list shows it
    key: str  # the front-matter key that changes (`tags`, `categories` or `category`)
    post: Post  # the edited post; its `original` is the text planned from, its stamp that read
    diff: str  # unified diff, `a/rel` → `b/rel`

    @property
    def old_text(self) -> str:
        """The file's text when the plan was made."""
        return self.post.original

    @property
    def new_text(self) -> str:
        """The file's text once the plan is applied."""
        return self.post.text


@dataclass(frozen=True)
class Skipped:
    """A post the plan leaves out, and why: the dialog must show it, never hide it."""

    path: Path
    rel: PurePath
    reason: str  # one line for a writer
    error: PostError  # with the line and column to jump to, when known


@dataclass(frozen=True)
class Plan:
    """Everything a rename would do, computed before anything is written."""

    root: Path
    kind: Kind
    old: tuple[str, ...]
    new: str
    changes: tuple[FileChange, ...]
    problems: tuple[Skipped, ...]

    @property
    def diff(self) -> str:
        """Every file's diff, one after the other (for a single "show all" view)."""
        return "".join(change.diff for change in self.changes)


@dataclass(frozen=True)
class FileResult:
    """What `apply` did with one file of the plan."""

    path: Path
    rel: PurePath
    status: Status
    message: str = ""  # why it was not written; empty when it was


@dataclass(frozen=True)
class ApplyResult:
    """The outcome of `apply`, one entry per planned file, in the plan's order."""

    files: tuple[FileResult, ...]

    def _with(self, status: Status) -> tuple[Path, ...]:
        return tuple(f.path for f in self.files if f.status == status)

    @property
    def written(self) -> tuple[Path, ...]:
        """Files now holding their planned text."""
        return self._with("written")

    @property
    def changed_on_disk(self) -> tuple[Path, ...]:
        """Files left alone because another program changed (or removed) them since the plan."""
        return self._with("changed-on-disk")

    @property
    def failed(self) -> tuple[Path, ...]:
        """Files that could not be written; each is as it was."""
        return self._with("failed")

    @property
    def ok(self) -> bool:
        """Whether every planned file was written."""
        return all(f.status == "written" for f in self.files)


@dataclass(frozen=True)
class Term:
    """A tag or category as a taxonomy view lists it."""

    name: str
    count: int  # posts using it
    similar: tuple[str, ...]  # other names that are probably the same one (see near_duplicates)


# --- names and counts ---------------------------------------------------------------------------


def counts(folder: ContentFolder, kind: Kind) -> Mapping[str, int]:
    """Post counts per tag or category, from the folder's index (most used first)."""
    taxonomy = folder.taxonomy()
    return taxonomy.tags if _kind(kind) == "tag" else taxonomy.categories


def terms(folder: ContentFolder, kind: Kind, plurals: bool = False) -> list[Term]:
    """The names of one kind with their counts and look-alikes, most used first."""
    used = counts(folder, kind)
    similar: dict[str, tuple[str, ...]] = {}
    for group in near_duplicates(used, plurals):
        for name in group:
            similar[name] = tuple(other for other in group if other != name)
    return [Term(name, count, similar.get(name, ())) for name, count in used.items()]


_SEPARATORS = re.compile(r"[\s_\-‐-―]+")  # spaces, underscores and every kind of dash


def _fold(name: str, plurals: bool) -> str:
    """The form two spellings of one name share: no accents, case, or separator choice."""
    words = _SEPARATORS.sub(" ", folded(name)).strip().split(" ")
    if plurals and words[-1].endswith("s") and not words[-1].endswith("ss") and len(words[-1]) > 3:
        words[-1] = words[-1][:-1]
    return " ".join(words)


def near_duplicates(names: Iterable[str], plurals: bool = False) -> list[list[str]]:
    """Groups of two or more names that differ only in case, accents, spacing, hyphens or
    underscores (`Ai`/`AI`/`ai`; `open source`/`open-source`/`Open_Source`; `café`/`cafe`).

    With `plurals`, a last word's trailing `s` is ignored too (`robot`/`robots`). It is off by
    default because plurals are often different names on purpose (`news`/`new`,
    `Windows`/`window`, `pandas`/`panda`), where case and spacing variants almost never are.
    Each group is sorted, and groups come in the order of their folded form, so the result
    does not depend on the order of `names`.
    """
    groups: dict[str, set[str]] = {}
    for name in names:
        groups.setdefault(_fold(name, plurals), set()).add(name)
    return [sorted(group) for _, group in sorted(groups.items()) if len(group) > 1]


# --- planning -----------------------------------------------------------------------------------


def plan_rename(folder: ContentFolder, kind: Kind, old: str | Sequence[str], new: str) -> Plan:
    """What renaming `old` (one name, or several to merge) to `new` would do; writes nothing.

    Names match exactly, case included: pass every spelling to merge. A post that already
    holds `new` keeps it once, at the first place either name stood. The posts come from the
    folder's index (scanned here if it never was); one changed on disk since the last scan is
    read again, so a stale index neither hides a post nor plans from old text. A post whose
    front matter cannot be read is listed in `problems`, as is one the core will not edit.
    Raises PostError for a bad kind or name.
    """
    kind = _kind(kind)
    olds = _old_names(old)
    new = _new_name(new)
    if not folder.entries:
        folder.scan()
    changes: list[FileChange] = []
    problems: list[Skipped] = []
    for entry in folder.entries:
        full = folder.root / entry.path
        fresh = _unchanged_since_scan(full, entry)
        if fresh and entry.facts.error is not None:
            problems.append(_unreadable(full, entry.path, entry.facts.error))
            continue
        if fresh and not olds.intersection(entry.tags if kind == "tag" else entry.categories):
            continue
        try:
            post = Post.read(full)
            if post.error is not None:
                problems.append(_unreadable(full, entry.path, post.error))
                continue
            key = _key(kind, post.values)
            edited = _renamed(post, key, olds, new) if key else None
        except PostError as error:
            problems.append(Skipped(full, entry.path, error.message, _located(error, full)))
            continue
        if edited is not None:
            diff = file_diff(entry.path, post.text, edited.text)
            changes.append(FileChange(full, entry.path, key or "", edited, diff))
    return Plan(folder.root, kind, tuple(sorted(olds)), new, tuple(changes), tuple(problems))


def _kind(kind: str) -> Kind:
    if kind not in _KINDS:
        raise PostError(f"unknown kind {quoted(str(kind))}; use “tag” or “category”")
    return cast(Kind, kind)


def _old_names(old: str | Sequence[str]) -> frozenset[str]:
    try:
        olds = [old] if isinstance(old, str) else list(old)
    except TypeError:  # neither a name nor a list of names
        olds = []
    if not olds or not all(isinstance(name, str) and name for name in olds):
        raise PostError("give the name (or names) to rename")
    return frozenset(olds)


def _new_name(new: str) -> str:
    # Stripped: a space typed at the end of a dialog field is never part of the name.
    name = new.strip() if isinstance(new, str) else ""
    if not name:
        raise PostError("the new name is empty")
    if any(not c.isprintable() for c in name):
        raise PostError(f"the new name {quoted(name)} holds a line break or a control character")
    return name


def _unchanged_since_scan(path: Path, entry: IndexEntry) -> bool:
    try:
        st = os.stat(path)
    except OSError:
        return True  # gone: nothing there to rename; the next scan drops it from the index
    return (st.st_mtime_ns, st.st_size) == (entry.mtime_ns, entry.size)


def _located(error: PostError, path: Path) -> PostError:
    return error if error.path else error.at(path)


def _unreadable(path: Path, rel: PurePath, error: PostError) -> Skipped:
    reason = f"not checked, the front matter cannot be read: {error.message}"
    return Skipped(path, rel, reason, _located(error, path))


def _key(kind: Kind, values: Mapping[str, object]) -> str | None:
    """The key this post keeps the names under, read the way the folder index reads it
    (`categories` wins over `category`), so a plan touches exactly the posts counted."""
    if kind == "tag":
        return "tags" if "tags" in values else None
    return next((key for key in ("categories", "category") if key in values), None)


def _name(value: object) -> str | None:
    """A list item or value as the index counts it, or None for what is not a name."""
    return None if value is None or isinstance(value, list | dict) else str(value)


def _renamed(post: Post, key: str, olds: frozenset[str], new: str) -> Post | None:
    """The post with the names renamed under `key`, or None when it holds none of them."""
    value = post.values[key]
    if not isinstance(value, list):
        if _name(value) not in olds or value == new:
            return None
        return post.with_value(key, new)  # a single value keeps its quotes and comment
    if not any(_name(item) in olds for item in value):
        return None  # holding `new` twice is not ours to fix here
    items: list[object] = []
    renamed: list[int] = []  # positions in `value` whose item becomes `new`
    kept_new = False
    for index, item in enumerate(value):
        name = _name(item)
        if name not in olds and name != new:
            items.append(item)
        elif not kept_new:  # the first place of either name holds the one `new`
            kept_new = True
            items.append(new if name in olds else item)
            if name in olds and item != new:
                renamed.append(index)
    if items == value and all(type(a) is type(b) for a, b in zip(items, value, strict=True)):
        return None
    by_core = post.with_value(key, items)  # raises PostError when the core refuses the post
    return _with_item_comments(post, key, renamed, new, items, by_core) or by_core


def _with_item_comments(
    post: Post, key: str, renamed: list[int], new: str, items: list[object], by_core: Post
) -> Post | None:
    """The same edit, but with each renamed item's own text replaced in place.

    `with_value` rewrites a replaced list item's whole span, which drops a comment after the
    item (`- Ai  # main`), a comment line above it and a flow list's own spacing. Here only the
    item's characters change, written in that item's quoting; removed duplicates then go
    through `with_value`. Used only when it reads back exactly like the core's edit.
    """
    if post.kind != "yaml":
        return None  # a TOML array is changed item by item already: its comments stay
    entry = next((e for e in post.entries if e.key == key), None)
    if entry is None or not isinstance(entry.node, SequenceNode):
        return None
    fm = post.front_matter
    for index in reversed(renamed):
        node = entry.node.value[index]
        if not isinstance(node, ScalarNode) or node.style not in ("", None, "'", '"'):
            return None  # a block scalar as an item: leave it to the core
        start, end = node.start_mark.index, node.end_mark.index
        if not entry.value_start <= start < end <= entry.value_end:
            return None  # an alias (`*a`): its text stands elsewhere
        # A tag or an anchor before the item (`!!str Ai`, `&a Ai`) stays.
        start += len(_PROPERTIES.match(fm, start, end).group())  # type: ignore[union-attr]
        fm = fm[:start] + yaml_emit.flow_item(new, node.style or "") + fm[end:]
    head, tail = post.text[: post.layout.start], post.text[post.layout.end :]
    try:
        edited = post.with_text(head + fm + tail).with_value(key, items)
    except PostError:
        return None
    if edited.error is not None or _strict(edited.values) != _strict(by_core.values):
        return None
    return edited


_PROPERTIES = re.compile(r"(?:[!&]\S*[ \t]+)*")


def _strict(values: Mapping[str, object]) -> str:
    """Values compared with their types (`1` is not `True`, a date is not its string)."""
    return repr(dict(values))


# --- applying -----------------------------------------------------------------------------------


def apply(plan: Plan) -> ApplyResult:
    """Write every planned file atomically, each on its own: a file that changed on disk
    since the plan (compared byte for byte with the text planned from) is left alone, a file
    that cannot be written is reported and stays as it was, and the others are written."""
    return apply_changes(plan.root, plan.changes)


def apply_changes(root: Path, changes: Sequence[FileChange]) -> ApplyResult:
    """Write planned changes as `apply` does (any plan's: a rename's, a field edit's), each
    file inside `root` on its own."""
    return ApplyResult(tuple(_apply_one(change, root) for change in changes))


def _apply_one(change: FileChange, root: Path) -> FileResult:
    planned_from = change.old_text.encode("utf-8", "surrogatepass")
    if not os.path.lexists(change.path):
        return _result(change, "changed-on-disk", "the file was deleted or moved since the plan")
    try:
        on_disk = read_bytes(change.path)
    except PostError as error:
        return _result(change, "failed", error.message)
    if on_disk != planned_from:
        # The stamp alone would trust an equal size and mtime; an edit that fast is real.
        return _result(change, "changed-on-disk", "the file changed on disk since the plan")
    try:
        change.post.save(within=root)
    except ConflictError as error:  # changed between the check above and the save
        return _result(change, "changed-on-disk", error.message)
    except PostError as error:
        return _result(change, "failed", error.message)
    return _result(change, "written")


def _result(change: FileChange, status: Status, message: str = "") -> FileResult:
    return FileResult(change.path, change.rel, status, message)
