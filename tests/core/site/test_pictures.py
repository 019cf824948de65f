"""The one rule for which file a picture reference shows: inside the site, links followed."""

from __future__ import annotations

import os
from pathlib import Path

from editor.core.site.pictures import local_picture, picture_site


def make(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"png")
    return path


def test_the_site_is_the_open_folders_for_a_post_inside_it(tmp_path):
    folder = tmp_path / "notes"
    post = folder / "2024" / "post.md"
    assert picture_site(post, folder).root == folder
    assert picture_site(post).root == post.parent  # no open folder: the post's own
    elsewhere = tmp_path / "elsewhere" / "post.md"
    assert picture_site(elsewhere, folder).root == elsewhere.parent


def test_only_files_inside_the_site_show(tmp_path):
    site_root = tmp_path / "site"
    make(site_root / "hugo.toml")
    post = site_root / "content/posts/post.md"
    beside = make(post.parent / "a.png")
    served = make(site_root / "static/img/b.png")
    os.symlink(make(tmp_path / "secret.png"), post.parent / "link.png")
    site = picture_site(post, post.parent)
    assert local_picture(post, site, "a.png") == beside
    assert local_picture(post, site, "/img/b.png") == served
    assert local_picture(post, site, "a.png?v=2#top") == beside
    for ref in ("../../../secret.png", "link.png", "missing.png", "https://x.org/a.png", ""):
        assert local_picture(post, site, ref) is None, ref
    assert local_picture(post, site, (tmp_path / "secret.png").as_uri()) is None
