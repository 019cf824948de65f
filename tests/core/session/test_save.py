"""The save dialogue as data: which question comes next, and the dialogue run to a write."""

from __future__ import annotations

from pathlib import Path

import pytest

from editor.core.document.post import Post
from editor.core.errors import PostError
from editor.core.schema.validation import Problem
from editor.core.session import Ask, FlagAnswers, plan_save, save_post

TEXT = "---\ntitle: Old\n---\nBody.\n"
ERROR = Problem(None, 2, "title", "error", "too short")
WARNING = Problem(None, 2, "title", "warning", "hmm")


def edited(tmp_path: Path) -> Post:
    path = tmp_path / "post.md"
    path.write_text(TEXT, encoding="utf-8")
    return Post.read(path).with_value("title", "New")


def test_an_unchanged_post_is_skipped(tmp_path):
    path = tmp_path / "post.md"
    path.write_text(TEXT, encoding="utf-8")
    assert plan_save(Post.read(path), [ERROR], review=True).kind == "skip"


def test_the_questions_come_in_order_problems_review_overwrite(tmp_path):
    post = edited(tmp_path)
    steps = []
    agreed: set[Ask] = set()
    while (step := plan_save(post, [WARNING, ERROR], True, agreed, "it changed")).kind == "ask":
        assert step.ask is not None
        steps.append(step.ask)
        agreed.add(step.ask)
    assert steps == [Ask.PROBLEMS, Ask.REVIEW, Ask.OVERWRITE]
    assert step.kind == "write" and step.force


def test_the_questions_say_what_they_are_about(tmp_path):
    post = edited(tmp_path)
    problems = plan_save(post, [ERROR], review=False)
    assert problems.title == "Save with problems?" and problems.action == "Save Anyway"
    assert problems.text == "This post has 1 problem(s), first: too short. Save anyway?"
    review = plan_save(post, [], review=True)
    assert review.ask is Ask.REVIEW and "+title: New" in review.diff
    overwrite = plan_save(post, [], review=False, conflict="it changed on disk")
    assert (overwrite.title, overwrite.text, overwrite.action) == (
        "Changed on disk",
        "it changed on disk",
        "Overwrite",
    )


def test_warnings_alone_ask_nothing_and_write_without_force(tmp_path):
    step = plan_save(edited(tmp_path), [WARNING], review=False)
    assert step.kind == "write" and not step.force


def test_save_post_asks_about_a_change_on_disk_and_overwrites_when_told(tmp_path):
    post = edited(tmp_path)
    post.path.write_text("---\ntitle: Theirs\n---\n", encoding="utf-8")  # type: ignore[union-attr]
    declined = FlagAnswers()
    assert save_post(post, list, declined) is None
    assert declined.told == [
        "the file changed on disk since it was opened; save again to overwrite it"
    ]
    saved = save_post(post, list, FlagAnswers(frozenset({"Overwrite"})))
    assert saved is not None and saved.path.read_text() == post.text  # type: ignore[union-attr]


def test_save_post_checks_problems_only_when_there_is_something_to_save(tmp_path):
    path = tmp_path / "post.md"
    path.write_text(TEXT, encoding="utf-8")

    def fail() -> list[Problem]:
        raise AssertionError("checked an unchanged post")

    post = Post.read(path)
    assert save_post(post, fail, FlagAnswers()) is post


def test_save_post_stops_at_a_declined_question_and_writes_nothing(tmp_path):
    post = edited(tmp_path)
    answers = FlagAnswers()
    assert save_post(post, lambda: [ERROR], answers, review=True) is None
    assert post.path.read_text() == TEXT  # type: ignore[union-attr]
    assert answers.told == [plan_save(post, [ERROR], True).text]


def test_a_write_that_fails_raises(tmp_path):
    post = Post("---\ntitle: x\n---\n", tmp_path / "no-such-folder" / "post.md")
    with pytest.raises(PostError):
        save_post(post, list, FlagAnswers(), within=tmp_path / "elsewhere")
