"""One unified diff for the CLI, the taxonomy plan and the window: lines cut at `\\n` only."""

from __future__ import annotations

from pathlib import PurePath

from editor.core.document.text_diff import file_diff, unified_diff


def test_a_line_separator_inside_a_title_stays_inside_its_line():
    old = "---\ntitle: One\u2028two\nx: 1\n---\n"
    diff = unified_diff(old, old.replace("x: 1", "x: 2"), "a", "b")
    assert " title: One\u2028two\n" in diff  # context, whole: not cut in two
    assert "-x: 1\n+x: 2\n" in diff


def test_a_crlf_line_shows_whole_and_files_are_named_as_git_names_them():
    diff = file_diff(PurePath("posts/a.md"), "t: 1\r\n", "t: 2\r\n")
    assert diff.startswith("--- a/posts/a.md\n+++ b/posts/a.md\n")
    assert "-t: 1\r\n+t: 2\r\n" in diff
    assert file_diff(PurePath("/abs/a.md"), "x", "y").startswith("--- /abs/a.md\n+++ /abs/a.md\n")
