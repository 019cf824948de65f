"""The edit session: edits made against the base text, "Other fields", raw mode, rebase."""

from __future__ import annotations

from pathlib import Path

import pytest

from editor.core.document.post import Post
from editor.core.errors import PostError
from editor.core.schema import Schema
from editor.core.session import (
    EditSession,
    needs_raw_mode,
    other_fields_text,
    read_other_fields,
)

TEXT = "---\ntitle: Old\nmood: calm  # kept\n---\nBody.\n"


def saved(tmp_path: Path, text: str = TEXT) -> Post:
    path = tmp_path / "post.md"
    path.write_text(text, encoding="utf-8")
    return Post.read(path)


def test_each_edit_is_made_on_the_base_text_not_on_the_last_result(tmp_path):
    session = EditSession(saved(tmp_path), Schema.DEFAULT.order)
    session.edit({"title": "a: b"})  # needs quotes
    post = session.edit({"title": "a b"})  # and now does not: no quotes left behind
    assert post.text == TEXT.replace("title: Old", "title: a b")
    assert session.post is post and session.base.text == TEXT


def test_a_refused_edit_records_nothing(tmp_path):
    twice = "---\ntitle: Old\nmood: a\nmood: b\n---\n"
    session = EditSession(saved(tmp_path, twice), Schema.DEFAULT.order)
    session.edit({"title": "New"})
    with pytest.raises(PostError, match="written twice"):
        session.edit({"mood": "c"})
    assert session.post.values["title"] == "New"
    assert session.edit({}).text == twice.replace("Old", "New")


def test_other_fields_set_their_keys_and_remove_the_missing_ones(tmp_path):
    session = EditSession(saved(tmp_path), Schema.DEFAULT.order)
    post = session.edit_others({"weather": "rain"}, covered={"title"})
    assert "mood" not in post.values and post.values["weather"] == "rain"
    assert post.values["title"] == "Old"


def test_other_fields_text_is_the_uncovered_entries_as_written(tmp_path):
    assert other_fields_text(saved(tmp_path), Schema.DEFAULT) == "mood: calm  # kept\n"


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("a: [", "not valid YAML (line 2)"),
        ("- a\n- b\n", "write these as `key: value` lines"),
        ("title: x\n", "‘title’ is Title above; change it there"),
    ],
)
def test_other_fields_that_cannot_be_applied_say_why(text, problem):
    read = read_other_fields(text, Schema.DEFAULT, {"title"}, {"title": "title"})
    assert read.values is None and read.problem is not None
    assert read.problem.startswith(problem)


def test_other_fields_read_as_a_mapping():
    read = read_other_fields("a: 1\nb: [x]\n", Schema.DEFAULT, {"title"}, {})
    assert read.values == {"a": 1, "b": ["x"]} and read.problem is None
    assert read_other_fields("  \n", Schema.DEFAULT, set(), {}).values == {}


@pytest.mark.parametrize(
    ("text", "raw"),
    [
        (TEXT, False),
        ("no front matter\n", False),
        ("---\ntitle: [\n---\n", True),  # broken YAML
        ("+++\ntitle = 'x'\n+++\n", False),  # TOML, edited field by field too
        ("+++\ntitle = \n+++\n", True),  # broken TOML
        ('{"title": "x"}\n', True),  # Hugo's JSON
        ("---\ntitle: a\ntitle: b\n---\n", True),  # a key written twice
    ],
)
def test_raw_mode_is_for_front_matter_no_field_can_edit(text, raw):
    assert needs_raw_mode(Post(text)) is raw


def test_the_builder_takes_the_body_or_the_whole_file(tmp_path):
    session = EditSession(saved(tmp_path))
    assert session.builder("New body.\n", raw=False)().body == "New body.\n"
    whole = "---\ntitle: Raw\n---\nB\n"
    assert session.builder(whole, raw=True)().text == whole


def test_rebase_keeps_the_text_as_a_change_to_the_file_on_disk(tmp_path):
    session = EditSession(saved(tmp_path))
    session.edit({"title": "Mine"})
    (tmp_path / "post.md").write_text("---\ntitle: Theirs\n---\n", encoding="utf-8")
    session.rebase(session.read_disk())
    assert session.post.values["title"] == "Mine" and session.post.modified
    assert session.post.save().values["title"] == "Mine"  # no conflict asked about


def test_rebase_on_no_file_makes_the_whole_text_unsaved(tmp_path):
    session = EditSession(saved(tmp_path))
    session.rebase(None)
    assert session.post.stamp is None and session.post.original == ""


def test_pending_changes_is_the_diff_against_the_disk(tmp_path):
    session = EditSession(saved(tmp_path))
    session.edit({"title": "New"})
    diff = session.pending_changes()
    assert "-title: Old" in diff and "+title: New" in diff
    assert "post.md (on disk)" in diff
