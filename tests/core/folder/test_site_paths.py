"""Tests for editor/core/folder/site_paths.py: each file's site path, made from its folder's
once, is the path joined whole from the folder's place in the site and the file's path."""

from __future__ import annotations

import os
from pathlib import PurePath, PurePosixPath

import pytest

from editor.core.folder.site_paths import SitePaths

RELS = ["a.md", "sub/b.md", "sub/deeper/c.md", "sub/d.md", "a.md", "_posts/2020-01-01-x.md"]


@pytest.mark.parametrize("within", [os.curdir, "content", "src/content/blog"])
def test_a_site_path_is_the_folders_place_joined_with_the_files_path(within):
    paths = SitePaths(within)
    for rel in RELS:
        whole = PurePosixPath(rel) if within == os.curdir else PurePosixPath(within, rel)
        assert paths.of(rel) == whole
        assert paths.of(PurePath(rel)) == whole  # asked with a path as with its text
        assert str(paths.of(rel)) == str(whole)


def test_each_path_is_made_once():
    paths = SitePaths("content")
    assert paths.of("sub/b.md") is paths.of(PurePath("sub/b.md"))
