"""Tests for editor/core/folder/field_edit.py: one field of many posts edited at once, on a
real folder, whole files compared: only the edited field's lines change, and undo puts back
the bytes."""

from __future__ import annotations

from pathlib import Path, PurePath

import pytest

from editor.core.errors import PostError
from editor.core.folder.content_folder import ContentFolder
from editor.core.folder.field_edit import FieldEdit, plan_field_edit, undo
from editor.core.folder.taxonomy_edit import apply_changes
from tests.users import as_nobody, give_to_nobody, open_folder

BLOCK = "---\ntitle: One\n# a comment\ntags:\n  - a   # first\n  - b\ndraft: true\n---\nBody.\n"
FLOW = "---\ntitle: 'Two'\ntags: [a, c]\n---\nBody.\n"
CRLF = "---\r\ntitle: Three\r\ndraft: false\r\n---\r\nBody.\r\n"
SINGLE = "---\ntitle: Four\ntags: solo\n---\n"


def _folder(root: Path, files: dict[str, str]) -> ContentFolder:
    for name, text in files.items():
        (root / name).write_bytes(text.encode())
    folder = ContentFolder(root)
    folder.scan()
    return folder


def _rels(*names: str) -> list[PurePath]:
    return [PurePath(name) for name in names]


def test_add_a_tag_changes_only_the_tags_lines(tmp_path: Path) -> None:
    folder = _folder(tmp_path, {"block.md": BLOCK, "flow.md": FLOW, "crlf.md": CRLF})
    plan = plan_field_edit(
        folder, _rels("block.md", "flow.md", "crlf.md"), FieldEdit("tags", "add", "new")
    )
    assert [c.rel.as_posix() for c in plan.changes] == ["block.md", "flow.md", "crlf.md"]
    result = apply_changes(plan.root, plan.changes)
    assert result.ok
    assert (tmp_path / "block.md").read_bytes().decode() == BLOCK.replace(
        "  - b\n", "  - b\n  - new\n"
    )
    assert (tmp_path / "flow.md").read_bytes().decode() == FLOW.replace("[a, c]", "[a, c, new]")
    crlf = (tmp_path / "crlf.md").read_bytes().decode()
    assert crlf.count("\r\n") == crlf.count("\n") and "new" in crlf  # line endings kept


def test_a_post_already_as_asked_is_unchanged_not_planned(tmp_path: Path) -> None:
    folder = _folder(tmp_path, {"block.md": BLOCK, "flow.md": FLOW})
    plan = plan_field_edit(folder, _rels("block.md", "flow.md"), FieldEdit("tags", "add", "c"))
    assert [c.rel.as_posix() for c in plan.changes] == ["block.md"]
    assert plan.unchanged == (PurePath("flow.md"),)


def test_remove_and_unset_and_set_by_the_fields_type(tmp_path: Path) -> None:
    folder = _folder(tmp_path, {"block.md": BLOCK, "flow.md": FLOW})
    removed = plan_field_edit(folder, _rels("flow.md"), FieldEdit("tags", "remove", "a"))
    assert removed.changes[0].new_text == FLOW.replace("[a, c]", "[c]")
    unset = plan_field_edit(folder, _rels("block.md", "flow.md"), FieldEdit("draft", "unset"))
    assert [c.rel.as_posix() for c in unset.changes] == ["block.md"]
    assert unset.changes[0].new_text == BLOCK.replace("draft: true\n", "")
    published = plan_field_edit(folder, _rels("block.md"), FieldEdit("draft", "set", "false"))
    assert published.changes[0].new_text == BLOCK.replace("draft: true", "draft: false")


def test_a_single_value_is_not_taken_for_a_list(tmp_path: Path) -> None:
    folder = _folder(tmp_path, {"single.md": SINGLE, "flow.md": FLOW})
    plan = plan_field_edit(folder, _rels("single.md", "flow.md"), FieldEdit("tags", "add", "x"))
    assert [c.rel.as_posix() for c in plan.changes] == ["flow.md"]
    assert "not a list" in plan.problems[0].reason


def test_an_unreadable_post_is_left_out_with_its_reason(tmp_path: Path) -> None:
    folder = _folder(tmp_path, {"bad.md": "---\ntitle: [unclosed\n---\n", "flow.md": FLOW})
    plan = plan_field_edit(folder, _rels("bad.md", "flow.md"), FieldEdit("tags", "add", "x"))
    assert [p.rel.as_posix() for p in plan.problems] == ["bad.md"]
    assert len(plan.changes) == 1


def test_a_value_is_needed_to_add(tmp_path: Path) -> None:
    folder = _folder(tmp_path, {"flow.md": FLOW})
    with pytest.raises(PostError, match="give the value"):
        plan_field_edit(folder, _rels("flow.md"), FieldEdit("tags", "add", " "))


def test_undo_restores_the_bytes_unless_changed_since(tmp_path: Path) -> None:
    folder = _folder(tmp_path, {"block.md": BLOCK, "flow.md": FLOW, "crlf.md": CRLF})
    plan = plan_field_edit(
        folder, _rels("block.md", "flow.md", "crlf.md"), FieldEdit("tags", "add", "n")
    )
    result = apply_changes(plan.root, plan.changes)
    (tmp_path / "flow.md").write_text("changed by hand\n")
    undone = undo(plan, result)
    assert (tmp_path / "block.md").read_bytes() == BLOCK.encode()
    assert (tmp_path / "crlf.md").read_bytes() == CRLF.encode()
    assert (tmp_path / "flow.md").read_text() == "changed by hand\n"
    assert {f.rel.as_posix(): f.status for f in undone.files}["flow.md"] == "changed-on-disk"


def test_a_read_only_file_is_left_out_with_a_message() -> None:
    with open_folder() as root:
        folder = _folder(root, {"flow.md": FLOW, "block.md": BLOCK})
        give_to_nobody(*root.iterdir())
        (root / "flow.md").chmod(0o444)
        with as_nobody():  # root may write a read-only file
            plan = plan_field_edit(
                folder, _rels("flow.md", "block.md"), FieldEdit("tags", "add", "x")
            )
            result = apply_changes(plan.root, plan.changes)
        assert [p.reason for p in plan.problems] == ["the file is read-only; it is left as it is"]
        assert result.ok and (root / "flow.md").read_text() == FLOW
