"""Tests for editor/core/schema/naming.py: which naming patterns are refused, and why (that
`post_path` then writes nothing is in tests/core/folder/test_post_paths.py)."""

from __future__ import annotations

import pytest

from editor.core.schema.naming import naming_problem


@pytest.mark.parametrize("naming", ["{slug}.MD", "./{slug}.markdown", "{year}/{slug}/index.mdx"])
def test_every_post_extension_the_folder_list_shows_is_a_naming(naming):
    assert naming_problem(naming) is None


@pytest.mark.parametrize(
    ("naming", "problem"),
    [
        ("{title}.md", 'unknown placeholder "{title}"'),
        ("posts.md", "has no {slug}"),
        ("../{slug}.md", "must be a relative path inside the folder"),
        ("/tmp/{slug}.md", "must be a relative path inside the folder"),
        ("c:{slug}.md", "must be a relative path inside the folder"),
    ],
)
def test_a_naming_that_could_collide_or_leave_the_folder_is_refused(naming, problem):
    assert problem in naming_problem(naming)
