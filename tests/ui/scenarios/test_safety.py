"""Saving never writes outside the content folder (issue 4, point 5, "safety"): a post that is a
symlink to a file elsewhere is refused with a clear message and nothing is written; a link that
stays inside the folder is saved through; a new post with a hostile title lands inside.
"""

from __future__ import annotations

from pathlib import Path

import pytest

POST = "---\ntitle: 'Linked'\ndate: '2026-01-01'\n---\nBody.\n"


@pytest.fixture
def linked(make_folder, tmp_path: Path) -> tuple[Path, Path]:
    """A content folder whose `linked.md` points at a file outside it."""
    outside = tmp_path / "elsewhere" / "secret.md"
    outside.parent.mkdir()
    outside.write_text(POST)
    root = make_folder()
    (root / "linked.md").symlink_to(outside)
    return root, outside


def _open(qtbot, window, root: Path, rel: str):
    with qtbot.waitSignal(window.folderLoaded, timeout=10_000):
        window.open_folder(root)
    tab = window.open_post(root / rel)
    assert tab is not None
    return tab


def test_a_post_linked_out_of_the_folder_is_not_written_through(
    qtbot, window, linked, prompter, put_cursor
):
    root, outside = linked
    tab = _open(qtbot, window, root, "linked.md")
    put_cursor(tab.editor, 0)
    qtbot.keyClicks(tab.editor, " Mine.")
    assert not window.save_current()
    [question] = prompter.asked
    assert (question.kind, question.title) == ("inform", "Could not save")
    assert "outside the content folder" in question.text and str(outside) in question.text
    assert "nothing was written" in question.text
    assert outside.read_text() == POST
    assert (root / "linked.md").is_symlink()
    assert tab.modified and tab.editor.toPlainText() == "Body. Mine.\n"


def test_a_link_inside_the_folder_is_saved_through(qtbot, window, make_folder, put_cursor):
    root = make_folder()
    (root / "real").mkdir()
    (root / "real" / "post.md").write_text(POST)
    (root / "alias.md").symlink_to(root / "real" / "post.md")
    tab = _open(qtbot, window, root, "alias.md")
    put_cursor(tab.editor, 0)
    qtbot.keyClicks(tab.editor, " Mine.")
    assert window.save_current()
    assert (root / "real" / "post.md").read_text() == POST.replace("Body.", "Body. Mine.")
    assert (root / "alias.md").is_symlink()


@pytest.mark.parametrize("title", ["../../escaped", "/etc/passwd", "..", "a/../../b"])
def test_a_new_post_never_lands_outside_the_folder(window, folder, prompter, title):
    before = {p for p in folder.parent.rglob("*.md") if not p.is_relative_to(folder)}
    prompter.answer("ask_text", title)
    tab = window.new_post()
    assert tab is not None and tab.post.path is not None
    assert tab.post.path.resolve().is_relative_to(folder.resolve())
    after = {p for p in folder.parent.rglob("*.md") if not p.is_relative_to(folder)}
    assert after == before
