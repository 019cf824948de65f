"""The unified diff shown by Compare and by the recovery dialog: the same as `diff -u` gives,
and quick on a 10 MB post with one change (difflib alone is quadratic in repeated lines)."""

from __future__ import annotations

import difflib

import pytest

from editor.core.document.text_diff import unified_diff
from editor.ui.widgets.diff_view import DiffDialog

OLD = "".join(f"line {n}\n" for n in range(40))


@pytest.mark.parametrize(
    "new",
    [
        OLD,
        OLD.replace("line 20\n", "line twenty\n"),
        OLD.replace("line 1\n", "").replace("line 38\n", "line 38\nadded\n"),
        "inserted first\n" + OLD,
        OLD + "appended last\n",
    ],
    ids=["same", "one-change", "two-changes", "at-start", "at-end"],
)
def test_the_diff_is_what_difflib_gives(new):
    expected = "".join(
        difflib.unified_diff(OLD.splitlines(True), new.splitlines(True), "a (on disk)", "a (here)")
    )
    assert unified_diff(OLD, new, "a (on disk)", "a (here)") == expected


def test_a_missing_final_line_break_is_said():
    diff = unified_diff("one\ntwo\n", "one\ntwo", "a", "b")
    assert diff.endswith("+two\n\\ No newline at end of file\n")


def test_a_10_mb_post_with_one_change_is_diffed_to_one_line():
    old = "A paragraph of text.\n\n" * 450_000
    new = old[:5_000_000] + "X" + old[5_000_000:]
    diff = unified_diff(old, new, "a", "b")
    assert diff.count("\n-") == 1 and diff.count("\n+") == 2  # the header's +++ and one line
    assert diff.splitlines()[2].startswith("@@ -")


def test_the_dialog_shows_the_diff(qtbot):
    dialog = DiffDialog("Compare", "-old\n+new\n")
    qtbot.addWidget(dialog)
    assert dialog.view.toPlainText() == "-old\n+new\n"
    assert dialog.view.isReadOnly()
    empty = DiffDialog("Compare", "")
    qtbot.addWidget(empty)
    assert empty.view.toPlainText() == "(no differences)"


def _marked(view, line: int) -> list[str]:
    """The words of a shown line drawn on a background (the changed words)."""
    block = view.document().findBlockByNumber(line)
    return [
        block.text()[r.start : r.start + r.length]
        for r in block.layout().formats()
        if r.format.background().style() != r.format.background().style().NoBrush
    ]


def test_the_changed_words_of_a_changed_line_are_marked(qtbot):
    old = "---\ntitle: Glaciers in retreat\ntags: [ice]\n---\nThe ice melts fast.\n"
    new = "---\ntitle: Glaciers in full retreat\ntags: [ice]\n---\nThe ice melts slowly.\n"
    dialog = DiffDialog("t", unified_diff(old, new, "a/p.md", "b/p.md"))
    qtbot.addWidget(dialog)
    lines = dialog.view.toPlainText().split("\n")
    removed, added = (
        lines.index("-title: Glaciers in retreat"),
        lines.index("+title: Glaciers in full retreat"),
    )
    assert _marked(dialog.view, removed) == []  # nothing of it is gone: only words were added
    assert _marked(dialog.view, added) == ["full "]
    assert _marked(dialog.view, lines.index("-The ice melts fast.")) == ["fast"]
    assert _marked(dialog.view, lines.index("+The ice melts slowly.")) == ["slowly"]
    assert _marked(dialog.view, lines.index(" tags: [ice]")) == []
