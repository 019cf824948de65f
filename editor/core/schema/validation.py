"""Check a post against a schema: problems with a place, a severity and plain words.

`validate` reads only what a post shows (values, key lines, duplicate keys, whether the body is
blank), so the folder index can check thousands of posts from compact `Facts` without keeping
their text, and the editor can check the open `Post` itself: both satisfy `Checkable`.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Literal, Protocol

from editor.core.errors import PostError
from editor.core.schema.model import Schema

Severity = Literal["error", "warning", "note"]  # a note: for the writer to know, not wrong


@dataclass(frozen=True)
class Problem:
    """Something wrong with a post, where it is and how bad it is."""

    path: Path | None
    line: int
    field: str  # a front-matter key, or "front matter", "body", "file"
    severity: Severity
    message: str
    column: int | None = None

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.severity}: {self.field}: {self.message}"

    def as_json(self) -> dict[str, object]:
        """A plain dict for `--json` output."""
        data = asdict(self)
        data["path"] = str(self.path) if self.path else None
        return data


class Checkable(Protocol):
    """What validation reads of a post (a `Post`, or the index's `Facts`)."""

    @property
    def path(self) -> Path | None: ...
    @property
    def values(self) -> Mapping[str, object]: ...
    @property
    def error(self) -> PostError | None: ...
    @property
    def duplicate_keys(self) -> Mapping[str, tuple[int, ...]]: ...
    @property
    def body_is_blank(self) -> bool: ...
    @property
    def body_line(self) -> int: ...
    def line_of(self, key: str) -> int | None: ...


@dataclass(frozen=True)
class Facts:
    """The little of a post that validation needs, small enough to keep for a whole folder."""

    path: Path | None
    values: Mapping[str, object]
    error: PostError | None
    duplicate_keys: Mapping[str, tuple[int, ...]]
    body_is_blank: bool
    key_lines: Mapping[str, int]
    body_line: int = 1

    def line_of(self, key: str) -> int | None:
        """1-based line of a top-level key."""
        return self.key_lines.get(key)


def problem_from_error(error: PostError, field: str = "file") -> Problem:
    """A PostError (unreadable file, broken YAML) as an error-level problem."""
    return Problem(error.path, error.line or 1, field, "error", error.message, error.column)


def validate(
    post: Checkable,
    schema: Schema,
    *,
    loose: Collection[str] = (),
    wants_text: bool = True,
    twice: tuple[Severity, str] = ("error", "site tools keep only one, or fail"),
    advice: Severity = "warning",
) -> list[Problem]:
    """Every problem of a post under a schema, in line order.

    `loose` names fields whose type is only a guess (inferred from the other posts, and
    read by neither the reference shape nor the generator with a type): a value of another
    type there is what the site accepts, so it is not reported. `wants_text` is False for a
    page (a Hugo section's `_index.md`, a Jekyll home page), which is often empty by design:
    no "no text yet" for it. `twice` is what a key written twice is to the site's YAML
    reader (its severity, and what the reader does), as its generator says. `advice` is
    what a text over its field's length is (`Field.problems` warns): a note where the
    length is only the reference shape's advice, not the writer's rule."""
    if post.error is not None:
        return [problem_from_error(post.error, "front matter")]
    problems = []

    def add(line: int | None, field: str, severity: Severity, message: str) -> None:
        # A problem with no line of its own stands on the first key's (looked up only then:
        # most posts have no such problem, and a folder's scan judges every post).
        line = line or min(filter(None, map(post.line_of, post.values)), default=1)
        problems.append(Problem(post.path, line, field, severity, message))

    for key, lines in post.duplicate_keys.items():
        add(lines[1], key, twice[0], f"written {len(lines)} times; {twice[1]}")
    values = post.values
    keys = schema.keys_in(values)
    for field in schema.fields:
        key = keys[field.name]
        value = values.get(key)
        if value is None or value == "" or value == []:
            # Empty: missing when required, else fine (`Field.problems` of an empty value).
            if field.required:
                add(post.line_of(key), key, "error", f"{field.label} is missing")
            continue
        if field.name in loose:
            continue
        if type(value) is str and len(value) <= field.fine_text:
            continue  # most values: text that needs no check
        if type(value) in field.always_fine:
            continue
        for severity, message in field.problems(value):
            add(post.line_of(key), key, advice if severity == "warning" else severity, message)
    for key in ("tags", "categories"):
        for dupe in _duplicates(values.get(key)):
            add(post.line_of(key), key, "warning", f"‘{dupe}’ is listed more than once")
    if post.body_is_blank and wants_text:
        add(post.body_line, "body", "warning", "the post has no text yet")
    return sorted(problems, key=lambda p: p.line)


def _duplicates(value: object) -> list[str]:
    """Items of a list that repeat, ignoring case and spaces (`Ai` and `ai` are one tag)."""
    if not isinstance(value, list) or len(value) < 2:  # one item cannot repeat
        return []
    seen: set[str] = set()
    dupes = []
    for item in value:
        if isinstance(item, list | dict):  # not a tag; and str() of an alias bomb is huge
            continue
        norm = " ".join(str(item).split()).casefold()
        if norm in seen and str(item) not in dupes:
            dupes.append(str(item))
        seen.add(norm)
    return dupes
