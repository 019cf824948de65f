"""The merge of a conflicted post: front matter key by key (YAML and TOML), body by lines with
real `git merge-file`; untouched lines keep their bytes."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from gitrepos import git, make_repo

from editor.core.errors import PostError
from editor.core.git.conflicts import KeyConflict, conflict_sides, merge_post

BODY = "First paragraph.\n\nSecond paragraph.\n\nThird paragraph.\n"

YAML_BASE = (
    "---\n"
    "title: Hello\n"
    "# the day it went out\n"
    "date: 2024-01-02\n"
    "tags:\n  - one\n  - two\n"
    "summary: >-\n  A short\n  summary\n"
    "---\n" + BODY
)
TOML_BASE = (
    "+++\n"
    'title = "Hello"\n'
    "date = 2024-01-02\n"
    'tags = ["one", "two"]\n'
    "\n[extra]\n"
    'mood = "calm"\n'
    "+++\n" + BODY
)


def change(text: str, old: str, new: str) -> str:
    assert old in text
    return text.replace(old, new, 1)


CASES = {
    # name: (base, ours, theirs, expected text, conflicting keys)
    "yaml one side": (
        YAML_BASE,
        change(YAML_BASE, "title: Hello\n", "title: 'Hello, world'\n"),
        change(YAML_BASE, "  - two\n", "  - two\n  - three\n"),
        change(
            change(YAML_BASE, "title: Hello\n", "title: 'Hello, world'\n"),
            "  - two\n",
            "  - two\n  - three\n",
        ),
        [],
    ),
    "yaml both alike": (
        YAML_BASE,
        change(YAML_BASE, "date: 2024-01-02\n", "date: 2024-02-03\n"),
        change(YAML_BASE, "date: 2024-01-02\n", "date: 2024-02-03\n"),
        change(YAML_BASE, "date: 2024-01-02\n", "date: 2024-02-03\n"),
        [],
    ),
    "yaml key added on one side": (
        YAML_BASE,
        YAML_BASE,
        change(YAML_BASE, "date: 2024-01-02\n", "date: 2024-01-02\ndraft: true\n"),
        change(YAML_BASE, "date: 2024-01-02\n", "date: 2024-01-02\ndraft: true\n"),
        [],
    ),
    "yaml key removed on one side": (
        YAML_BASE,
        change(YAML_BASE, "summary: >-\n  A short\n  summary\n", ""),
        change(YAML_BASE, "title: Hello\n", "title: Hi\n"),
        change(
            change(YAML_BASE, "summary: >-\n  A short\n  summary\n", ""),
            "title: Hello\n",
            "title: Hi\n",
        ),
        [],
    ),
    "toml one side each": (
        TOML_BASE,
        change(TOML_BASE, 'mood = "calm"\n', 'mood = "glad"\n'),
        change(TOML_BASE, 'title = "Hello"\n', "title = 'Hi'  # shorter\n"),
        change(
            change(TOML_BASE, 'mood = "calm"\n', 'mood = "glad"\n'),
            'title = "Hello"\n',
            "title = 'Hi'  # shorter\n",
        ),
        [],
    ),
    "toml key added on one side": (
        TOML_BASE,
        TOML_BASE,
        change(TOML_BASE, 'tags = ["one", "two"]\n', 'tags = ["one", "two"]\ndraft = true\n'),
        change(TOML_BASE, 'tags = ["one", "two"]\n', 'tags = ["one", "two"]\ndraft = true\n'),
        [],
    ),
}


@pytest.mark.parametrize("name", CASES)
def test_changes_on_one_side_or_alike_merge_cleanly(name):
    base, ours, theirs, expected, conflicting = CASES[name]
    result = merge_post(base, ours, theirs)
    assert [c.key for c in result.key_conflicts] == conflicting
    assert not result.body_conflicted
    assert result.text_if_resolved({}) == expected


def test_a_key_both_changed_differently_is_the_writers_choice_in_that_sides_lines():
    ours = change(YAML_BASE, "title: Hello\n", "title: Hello there\n")
    ours = change(ours, "  - two\n", "  - two\n  - mine\n")
    theirs = change(YAML_BASE, "title: Hello\n", 'title: "Hello, you"\n')
    theirs = change(theirs, "  - two\n", "  - two\n  - yours\n")
    result = merge_post(YAML_BASE, ours, theirs)
    assert result.key_conflicts == (
        KeyConflict("title", "title: Hello there\n", 'title: "Hello, you"\n'),
        KeyConflict(
            "tags", "tags:\n  - one\n  - two\n  - mine\n", "tags:\n  - one\n  - two\n  - yours\n"
        ),
    )
    picked = result.text_if_resolved({"title": "theirs", "tags": "ours"})
    assert picked == change(ours, "title: Hello there\n", 'title: "Hello, you"\n')
    with pytest.raises(KeyError):
        result.text_if_resolved({"title": "theirs"})


def test_a_key_removed_on_one_side_and_changed_on_the_other_is_a_conflict():
    ours = change(TOML_BASE, "date = 2024-01-02\n", "")
    theirs = change(TOML_BASE, "date = 2024-01-02\n", "date = 2025-05-05\n")
    result = merge_post(TOML_BASE, ours, theirs)
    assert result.key_conflicts == (KeyConflict("date", None, "date = 2025-05-05\n"),)
    assert result.text_if_resolved({"date": "ours"}) == ours
    assert result.text_if_resolved({"date": "theirs"}) == theirs


def test_the_body_merges_by_lines_when_the_sides_touch_different_lines():
    ours = change(YAML_BASE, "First paragraph.", "First paragraph, edited.")
    theirs = change(YAML_BASE, "Third paragraph.", "Third paragraph, edited.")
    result = merge_post(YAML_BASE, ours, theirs)
    assert not result.body_conflicted and result.key_conflicts == ()
    assert result.text_if_resolved({}) == change(
        ours, "Third paragraph.", "Third paragraph, edited."
    )


def test_the_body_keeps_conflict_markers_where_both_sides_changed_a_line():
    ours = change(YAML_BASE, "Second paragraph.", "Second, ours.")
    theirs = change(YAML_BASE, "Second paragraph.", "Second, theirs.")
    theirs = change(theirs, "title: Hello\n", "title: Hi\n")
    result = merge_post(YAML_BASE, ours, theirs)
    assert result.body_conflicted
    assert "<<<<<<< ours\nSecond, ours.\n=======\nSecond, theirs.\n>>>>>>> theirs\n" in result.body
    assert result.text_if_resolved({}).startswith("---\ntitle: Hi\n# the day it went out\n")
    # The writer's body replaces the merged one.
    fixed = result.text_if_resolved({}, body="Resolved.\n")
    assert fixed.endswith("---\nResolved.\n")


def test_front_matter_that_cannot_be_read_merges_with_the_body_as_lines():
    ours = change(YAML_BASE, "title: Hello\n", "title: [broken\n")
    theirs = change(YAML_BASE, "title: Hello\n", "title: Fine\n")
    result = merge_post(YAML_BASE, ours, theirs)
    assert result.body_conflicted and result.key_conflicts == ()
    text = result.text_if_resolved({})
    assert "<<<<<<< ours\ntitle: [broken\n=======\ntitle: Fine\n>>>>>>> theirs\n" in text


def test_a_conflicted_file_that_is_not_utf8_is_a_clear_error(tmp_path):
    repo = make_repo(tmp_path / "repo", {"post.md": "---\ntitle: A\n---\nBody\n"})
    git(repo, "checkout", "-q", "-b", "other")
    (repo / "post.md").write_bytes(b"---\ntitle: B\n---\nBody \xe9\n")
    git(repo, "commit", "-q", "-am", "Latin-1 on a branch")
    git(repo, "checkout", "-q", "-")
    (repo / "post.md").write_bytes(b"---\ntitle: C\n---\nBody\n")
    git(repo, "commit", "-q", "-am", "Ours")
    subprocess.run(["git", "-C", str(repo), "merge", "-q", "other"], capture_output=True)
    with pytest.raises(PostError, match="not UTF-8"):
        conflict_sides(repo, Path("post.md"))
