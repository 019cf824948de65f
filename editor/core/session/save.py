"""The save dialogue as data: before a post is written, the questions the writer answers.

A save may have to ask three things, in this order: the post has errors (save anyway?), the
writer wants to review the diff first (save?), and the file changed on disk since it was read
(overwrite?). `plan_save` says what comes next from what is known and what was agreed to;
`save_post` runs the dialogue through a `Prompter`: the window's dialogs, or the CLI's flags
(`questions.FlagAnswers`), so `set` and the window treat a file changed on disk alike.
Qt-free.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Literal

from editor.core.document.post import Post
from editor.core.errors import PostError
from editor.core.schema.validation import Problem
from editor.core.session.disk import pending_changes
from editor.core.session.questions import Prompter
from editor.core.storage import ConflictError


class Ask(Enum):
    """A question a save may ask before it writes."""

    PROBLEMS = "problems"  # the post has errors
    REVIEW = "review"  # the writer reviews every save's diff first
    OVERWRITE = "overwrite"  # the file changed on disk since it was read


@dataclass(frozen=True)
class SaveStep:
    """The next step of a save: `skip` (nothing to write), `ask` a question (its `title`,
    `text` and the `action` its yes button names, the `diff` to review), or `write` (over
    whatever is on disk when `force`)."""

    kind: Literal["skip", "ask", "write"]
    ask: Ask | None = None
    title: str = ""
    text: str = ""
    action: str = ""
    diff: str = ""
    force: bool = False


def plan_save(
    post: Post,
    problems: Sequence[Problem],
    review: bool,
    agreed: Collection[Ask] = (),
    conflict: str | None = None,
) -> SaveStep:
    """The next step of saving `post`, which has `problems`: `review` is the writer's "review
    before saving"; `agreed` the questions already answered yes; `conflict` what the disk said
    when a write was refused (`storage.ConflictError`), None before any was."""
    if not post.modified and post.stamp is not None:
        return SaveStep("skip")
    errors = [p for p in problems if p.severity == "error"]
    if errors and Ask.PROBLEMS not in agreed:
        text = f"This post has {len(errors)} problem(s), first: {errors[0].message}. Save anyway?"
        return SaveStep("ask", Ask.PROBLEMS, "Save with problems?", text, "Save Anyway")
    if review and Ask.REVIEW not in agreed and (diff := pending_changes(post)):
        return SaveStep("ask", Ask.REVIEW, "Review changes", "", "Save", diff)
    if conflict is not None and Ask.OVERWRITE not in agreed:
        return SaveStep("ask", Ask.OVERWRITE, "Changed on disk", conflict, "Overwrite")
    return SaveStep("write", force=Ask.OVERWRITE in agreed)


def ask(prompter: Prompter, step: SaveStep) -> bool:
    """Put the question of `step` to the writer; whether they agreed."""
    if step.ask is Ask.REVIEW:
        return prompter.review(step.title, step.diff, step.action)
    return prompter.confirm(step.title, step.text, step.action)


def save_post(
    post: Post,
    problems: Callable[[], Sequence[Problem]],
    prompter: Prompter,
    review: bool = False,
    within: Path | None = None,
) -> Post | None:
    """Run the save dialogue for `post` and write it: the post as saved, or None when the
    writer declined a question. `problems` is asked only when there is something to save.
    A write that fails raises PostError; a file that changed on disk meanwhile is asked
    about (the save checks it under the post's lock, so no change slips in between)."""
    if not post.modified and post.stamp is not None:
        return post
    found, agreed = problems(), set[Ask]()
    conflict: str | None = None
    while True:
        step = plan_save(post, found, review, agreed, conflict)
        if step.kind == "skip":
            return post
        if step.kind == "ask":
            if not ask(prompter, step):
                return None
            assert step.ask is not None
            agreed.add(step.ask)
            continue
        try:
            if post.stamp is None and within is not None:
                _make_folder(post, within)
            return post.save(force=step.force, within=within)
        except ConflictError as refused:
            if step.force:
                raise
            conflict = refused.message


def _make_folder(post: Post, within: Path) -> None:
    """Make the folder a new post goes in (a Hugo bundle's `slug/`, a first `_posts/`)
    inside the content folder `within`, when that is there (a content folder deleted while
    a post was open is not made again); PostError when it cannot be made."""
    if post.path is None or post.path.parent.is_dir() or not within.is_dir():
        return
    if not post.path.parent.resolve().is_relative_to(within.resolve()):
        return  # the save refuses it, and says why
    try:
        post.path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise PostError(f"cannot make the folder: {error.strerror or error}", post.path) from None
