"""A post left in conflict by a merge (a pull), merged the way a writer reads it: the front
matter key by key with the lossless model, the body by lines with `git merge-file`.

A key changed on one side only takes that change, in that side's exact lines; a key both sides
changed alike takes it; a key both changed differently is a `KeyConflict` the writer settles
(ours or theirs). A key added or removed on one side is a change like any other. Everything
neither side changed keeps ours' bytes, which are base's. Front matter that cannot be merged
key by key (unreadable on a side, a key written twice, YAML on one side and TOML on the other,
JSON) is merged with the body as plain lines, so nothing is lost: the markers show where.
"""

from __future__ import annotations

import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from editor.core import storage
from editor.core.document import Post
from editor.core.errors import PostError
from editor.core.git.runner import run_git

Side = Literal["ours", "theirs"]
# The lines of one top-level key (None: the side has no such key).
Lines = str | None


@dataclass(frozen=True)
class KeyConflict:
    """A front-matter key both sides changed differently: each side's lines for it (None
    when that side removed it)."""

    key: str
    ours: Lines
    theirs: Lines


@dataclass(frozen=True)
class MergeResult:
    """The merge of a post's three versions. `parts` is the front matter: fixed text, or the
    name of a conflicting key whose lines the writer's choice gives. `body` is the merged
    body (the whole text when the front matter could not be merged key by key), with
    conflict markers where `body_conflicted`."""

    opening: str
    parts: tuple[str | KeyConflict, ...]
    closing: str
    body: str
    body_conflicted: bool

    @property
    def key_conflicts(self) -> tuple[KeyConflict, ...]:
        """The keys the writer must choose a side for, in ours' order."""
        return tuple(part for part in self.parts if isinstance(part, KeyConflict))

    def text_if_resolved(self, choices: Mapping[str, Side], body: str | None = None) -> str:
        """The post's text with each conflicting key's lines from the side chosen for it, and
        `body` (default: the merged body) after the front matter. Raises KeyError for a
        conflicting key without a choice."""
        front = []
        for part in self.parts:
            if isinstance(part, KeyConflict):
                lines = part.ours if choices[part.key] == "ours" else part.theirs
                front.append(lines or "")
            else:
                front.append(part)
        return self.opening + "".join(front) + self.closing + (self.body if body is None else body)


def merge_post(base: str, ours: str, theirs: str) -> MergeResult:
    """Merge three versions of a post's text (`git show :1:PATH`, `:2:`, `:3:`)."""
    sides = [Post(text) for text in (base, ours, theirs)]
    chunks = [_chunks(post) for post in sides]
    if any(found is None for found in chunks) or len({p.kind for p in sides}) > 1:
        body, conflicted = merge_lines(base, ours, theirs)
        return MergeResult("", (), "", body, conflicted)
    b, o, t = (found for found in chunks if found is not None)
    body, conflicted = merge_lines(*(post.body for post in sides))
    post = sides[1]
    opening = post.text[: post.layout.start]
    closing = post.text[post.layout.end : post.layout.body]
    return MergeResult(opening, _merge_keys(b, o, t), closing, body, conflicted)


@dataclass(frozen=True)
class _Chunks:
    """A front matter cut into its keys' lines and the text around them (`gaps[i]` comes
    before `keys[i]`; the last gap ends it)."""

    keys: tuple[str, ...]
    lines: Mapping[str, str]
    gaps: tuple[str, ...]


def _chunks(post: Post) -> _Chunks | None:
    """The post's front matter by key; None when it cannot be merged key by key."""
    if post.kind not in ("yaml", "toml", "none") or post.error is not None:
        return None
    if post.duplicate_keys or (post.values and not post.entries):
        return None
    fm = post.front_matter
    spans: dict[str, tuple[int, int]] = {}
    order: list[str] = []
    for entry in post.entries:
        if entry.key in spans:  # a TOML table's statements: one span from header to last
            if order[-1] != entry.key:
                return None  # a key's lines apart from each other: not one block to swap
            spans[entry.key] = (spans[entry.key][0], entry.end)
        else:
            spans[entry.key] = (entry.start, entry.end)
            order.append(entry.key)
    gaps, at = [], 0
    for key in order:
        start, end = spans[key]
        gaps.append(fm[at:start])
        at = end
    gaps.append(fm[at:])
    lines = {key: fm[start:end] for key, (start, end) in spans.items()}
    return _Chunks(tuple(order), lines, tuple(gaps))


def _merge_keys(base: _Chunks, ours: _Chunks, theirs: _Chunks) -> tuple[str | KeyConflict, ...]:
    """Ours' front matter with each key merged; keys ours lacks that theirs added (or changed
    when ours removed them: a conflict) go after the key before them in theirs (else first)."""
    parts: list[str | KeyConflict] = []
    placed: set[str] = set()
    added = [k for k in theirs.keys if k not in ours.lines]

    def merged(key: str) -> str | KeyConflict | None:
        b, o, t = base.lines.get(key), ours.lines.get(key), theirs.lines.get(key)
        if o == t or t == b:
            return o
        if o == b:
            return t
        return KeyConflict(key, o, t)

    def add_after(key: str | None) -> None:
        for new in added:
            at = theirs.keys.index(new)
            before = theirs.keys[at - 1] if at else None  # ours' or another added one
            if new not in placed and before == key:
                placed.add(new)
                if (part := merged(new)) is not None:
                    parts.append(part)
                add_after(new)

    add_after(None)
    for gap, key in zip(ours.gaps, ours.keys, strict=False):
        parts.append(gap)
        part = merged(key)
        placed.add(key)
        if part is not None:
            parts.append(part)
        add_after(key)
    parts.append(ours.gaps[-1])
    return tuple(part for part in parts if part != "")


def merge_lines(base: str, ours: str, theirs: str) -> tuple[str, bool]:
    """Three texts merged by lines (`git merge-file -p`): the result, with conflict markers
    where both sides changed the same lines, and whether there are any."""
    with tempfile.TemporaryDirectory(prefix="post-editor-merge-") as folder:
        names = []
        for name, text in (("ours", ours), ("base", base), ("theirs", theirs)):
            (Path(folder) / name).write_bytes(text.encode("utf-8"))
            names.append(name)
        labels = ["-L", "ours", "-L", "base", "-L", "theirs"]
        done = run_git(Path(folder), ["merge-file", "-p", *labels, *names], check=False)
    # merge-file's status: the number of conflicts (capped at 127), negative on an error.
    if done.returncode < 0 or done.returncode > 127:
        raise PostError(f"git merge-file failed: {done.err.strip()}")
    return _text(done.stdout, "the merged text"), done.returncode > 0


def conflict_sides(repo: Path, path: Path) -> tuple[str, str, str]:
    """The base, ours and theirs texts of a conflicted file (`path` relative to `repo`), from
    the index's stages 1, 2 and 3; a stage git has not (a file both sides added has no base)
    is empty."""
    rel = path.as_posix()
    texts = []
    for stage in (1, 2, 3):
        shown = run_git(repo, ["show", f":{stage}:{rel}"], check=False)
        texts.append(_text(shown.stdout, rel) if shown.returncode == 0 else "")
    return texts[0], texts[1], texts[2]


def _text(data: bytes, what: str) -> str:
    """`data` as UTF-8 text; PostError when it is not (a binary file, another encoding: it
    is resolved outside the app, with git or a text editor)."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise PostError(f"{what} is not UTF-8 text: resolve it with git or a text editor") from None


def mark_resolved(repo: Path, path: Path, text: str) -> None:
    """Write the resolved text to the file (atomically) and tell git it is resolved
    (`git add`). Raises PostError when git refuses."""
    storage.atomic_write(repo / path, text.encode("utf-8"))
    added = run_git(repo, ["add", "--", path.as_posix()], check=False)
    if added.returncode != 0:
        message = added.err.strip()
        raise PostError(f"git could not mark it resolved: {message}", repo / path)
