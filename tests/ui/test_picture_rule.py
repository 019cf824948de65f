"""One rule says which file a post's picture reference shows (`core.site.pictures`): the
preview, the cover field's thumbnail and the exported page agree on every reference.

Before the rule, the preview and the thumbnail each had a fallback of their own ("beside the
post", a `file:` URL, the site around the post's own folder), so they showed pictures the
exported page left out, and missed ones it embedded.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QColor, QImage, QTextDocument

from editor.core.document.post import Post
from editor.core.folder.content_folder import Taxonomy
from editor.core.schema import Schema
from editor.core.site.export import embed_images
from editor.core.site.pictures import local_picture, picture_site
from editor.ui.jobs.render_service import RenderService
from editor.ui.tab.document_tab import DocumentTab

IMAGE = QTextDocument.ResourceType.ImageResource.value
REFS = [
    "beside.png",  # in the post's folder
    "/images/served.png",  # served at "/" from static/
    "images/served.png",  # a theme's front-matter path, read against static/ too
    "../../static/images/served.png",  # climbs, but stays inside the site
    "../../../outside.png",  # climbs out of the site
    "link.png",  # a link inside the site to a file outside it
    "missing.png",
    "https://example.com/remote.png",
]


def png(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    image = QImage(8, 8, QImage.Format.Format_RGB32)
    image.fill(QColor("teal"))
    assert image.save(str(path))
    return path


@pytest.fixture
def site(tmp_path: Path) -> Path:
    """A Hugo site with a post in content/posts, and a picture outside the site."""
    root = tmp_path / "site"
    (root / "content/posts").mkdir(parents=True)
    (root / "hugo.toml").write_text("title = 'Pictures'\n", encoding="utf-8")
    png(root / "content/posts/beside.png")
    png(root / "static/images/served.png")
    os.symlink(png(tmp_path / "outside.png"), root / "content/posts/link.png")
    return root


def tab_for(qtbot, prompter, post_path: Path, within: Path | None) -> Iterator[DocumentTab]:
    post = Post.read(post_path)
    renders = RenderService(use_process=False)
    tab = DocumentTab(post, Schema.DEFAULT, Taxonomy({}, {}), renders, prompter, within=within)
    qtbot.addWidget(tab)
    yield tab
    renders.shutdown()


def shown(tab: DocumentTab, ref: str) -> dict[str, bool]:
    """Whether the preview, the cover thumbnail and the exported page show `ref`."""
    path = tab.post.path
    assert path is not None
    image = tab.preview.loadResource(IMAGE, QUrl(ref))
    cover = tab.form.editors["coverImage"]
    page = embed_images(f'<img src="{ref}">', path, picture_site(path, tab.within))
    return {
        "preview": isinstance(image, QImage) and not image.isNull(),
        "thumbnail": cover.local_file(ref) is not None,
        "export": "data:image/png" in page,
    }


@pytest.fixture
def tab(qtbot, prompter, site: Path) -> Iterator[DocumentTab]:
    post = site / "content/posts/post.md"
    post.write_text("---\ntitle: Pictures\n---\n", encoding="utf-8")
    yield from tab_for(qtbot, prompter, post, site / "content/posts")


@pytest.mark.parametrize("ref", REFS)
def test_the_preview_the_thumbnail_and_the_export_agree(tab, ref):
    path = tab.post.path
    expected = local_picture(path, picture_site(path, tab.within), ref) is not None
    assert shown(tab, ref) == dict.fromkeys(("preview", "thumbnail", "export"), expected)


def test_what_the_rule_shows(tab):
    path = tab.post.path
    site = picture_site(path, tab.within)
    assert [ref for ref in REFS if local_picture(path, site, ref)] == REFS[:4]


def test_a_file_url_shows_nowhere(tab, tmp_path):
    url = (tmp_path / "outside.png").as_uri()
    assert shown(tab, url) == {"preview": False, "thumbnail": False, "export": False}


def test_a_post_in_a_subfolder_finds_pictures_from_the_open_folder(qtbot, prompter, tmp_path):
    """No site marker anywhere: the open folder is the site, so "/images/a.png" of a post in
    2024/ is the folder's images/a.png, in all three (the preview looked in 2024/ alone)."""
    folder = tmp_path / "notes"
    png(folder / "images/a.png")
    post = folder / "2024/post.md"
    post.parent.mkdir(parents=True)
    post.write_text("---\ntitle: Notes\n---\n", encoding="utf-8")
    for tab in tab_for(qtbot, prompter, post, folder):
        assert shown(tab, "/images/a.png") == dict.fromkeys(
            ("preview", "thumbnail", "export"), True
        )
