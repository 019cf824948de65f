"""A post as a standalone HTML file (editor/core/site/export.py): the page, the inlined stylesheet,
local pictures embedded, and nothing read from outside the site.

Each test builds a real site in tmp_path; the home folder is pointed at tmp_path, so a marker
file above the test's folders cannot change which folder is the site.
"""

from __future__ import annotations

import base64
import os
import re
from pathlib import Path

import pytest
from sitefactory import write

from editor.core.document.post import Post
from editor.core.errors import PostError
from editor.core.site import export
from editor.core.site.export import embed_images, standalone_html, standalone_page
from editor.core.site.render import Renderer, dark_css, default_css
from editor.core.site.site import Site
from tests.hostile import huge_body
from tests.users import as_nobody, open_folder

# Not a decodable PNG, and need not be: the export copies bytes, it never decodes them.
PICTURE = b"\x89PNG\r\n\x1a\n fake picture bytes \x00\xff"
DATA_URI = "data:image/png;base64," + base64.b64encode(PICTURE).decode()


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("HOME", str(tmp_path))
    return tmp_path


@pytest.fixture(scope="module")
def renderer() -> Renderer:
    return Renderer()


@pytest.fixture
def site_root(tmp_path: Path) -> Path:
    """A Hugo site: content/posts for the posts, static/ served at "/"."""
    root = tmp_path / "site"
    write(root, "hugo.toml", "title = 'A blog'\n")
    write(root, "content/posts/images/local.png", PICTURE)
    write(root, "static/img/served.png", PICTURE)
    return root


CSP_META = (
    '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
    "img-src data: file:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'\" />"
)


def post_at(root: Path, body: str, front: str = "title: 'Fish & <Chips>'\n") -> Post:
    path = write(root, "content/posts/p.md", f"---\n{front}---\n{body}")
    return Post.read(path)


def srcs(document: str) -> list[str]:
    return re.findall(r'<img\b[^>]*?\ssrc="([^"]*)"', document)


def test_the_page_has_a_doctype_a_charset_and_the_escaped_title(site_root, renderer):
    document = standalone_html(post_at(site_root, "## Hello\n\nSome *text*.\n"), renderer)
    assert document.startswith(f'<!DOCTYPE html>\n<html><head>{CSP_META}<meta charset="utf-8" />')
    assert "<title>Fish &amp; &lt;Chips&gt;</title>" in document
    assert '<h1 class="title">Fish &amp; &lt;Chips&gt;</h1>' in document
    assert '<h2 id="hello">Hello</h2>' in document and "<em>text</em>" in document
    assert "<Chips>" not in document


def test_the_stylesheet_is_inlined_with_the_dark_theme_behind_a_media_query(site_root, renderer):
    document = standalone_html(post_at(site_root, "Text.\n"), renderer)
    style = document[document.index("<style>") : document.index("</style>")]
    assert default_css() in style
    assert "img { max-width: 100%; height: auto; }" in style  # the browser's own rules
    assert f"@media (prefers-color-scheme: dark) {{\n{dark_css()}}}" in style
    assert "<link" not in document  # nothing for the page to fetch


def test_without_dark_the_page_is_light_only(site_root):
    document = standalone_page("<p>x</p>", {"title": "T"}, None, dark=False)
    assert "prefers-color-scheme" not in document and default_css() in document


def test_a_picture_beside_the_post_is_embedded(site_root, renderer):
    post = post_at(site_root, "![A local picture](images/local.png)\n")
    document = standalone_html(post, renderer)
    assert srcs(document) == [DATA_URI]
    assert 'alt="A local picture"' in document
    assert "images/local.png" not in document  # no reference left to a file beside the post
    encoded = srcs(document)[0].split(",", 1)[1]
    assert base64.b64decode(encoded) == PICTURE


def test_a_root_relative_picture_is_found_where_the_site_serves_it(site_root, renderer):
    document = standalone_html(post_at(site_root, "![](/img/served.png)\n"), renderer)
    assert srcs(document) == [DATA_URI]


def test_the_cover_image_from_the_front_matter_is_embedded(site_root, renderer):
    post = post_at(site_root, "Text.\n", "title: T\ncoverImage: /img/served.png\n")
    document = standalone_html(post, renderer)
    assert srcs(document) == [DATA_URI]


def test_with_remote_images_allowed_remote_and_missing_pictures_stay_as_written(
    site_root, renderer
):
    body = "![web](https://example.com/a.png)\n\n![gone](images/missing.png)\n"
    document = standalone_html(post_at(site_root, body), renderer, remote_images=True)
    assert srcs(document) == ["https://example.com/a.png", "images/missing.png"]
    assert "img-src data: file: https: http:;" in document


def test_without_remote_images_a_remote_picture_is_its_alt_text_as_in_the_preview(
    site_root, renderer
):
    """The writer's View > Remote Images, off: the page fetches nothing, as the preview."""
    body = "![The harbour](https://example.com/a.png)\n"
    front = "title: T\ncoverImage: https://example.com/cover.png\n"
    document = standalone_html(post_at(site_root, body, front), renderer)
    assert srcs(document) == []
    assert (
        '<span class="remote-image" title="https://example.com/a.png">[image: The harbour]</span>'
        in document
    )
    assert 'title="https://example.com/cover.png">[image: remote image]</span>' in document
    assert "img-src data: file:;" in document


HOSTILE = """\
<script>document.title = "ran"</script>
<p onclick="alert(1)">Click <a href="javascript:alert(1)">here</a>,
<a href="vbscript:msgbox(1)">there</a> or <a href="data:text/html,<b>x</b>">this</a>.</p>
<iframe src="https://example.com/"></iframe>
<meta http-equiv="refresh" content="0; url=https://example.com/">
<base href="https://example.com/">
<img src="images/local.png" onerror="alert(1)" alt="kept">

Still *Markdown*.
"""


def test_a_hostile_body_exports_with_nothing_that_runs_or_fetches(site_root, renderer):
    front = "title: T\ncoverImage: 'javascript:alert(1)'\n"
    document = standalone_html(post_at(site_root, HOSTILE, front), renderer)
    body = document[document.index("<body>") :]
    for gone in ("<script", "onclick", "onerror", "javascript:", "vbscript:", "data:text"):
        assert gone not in body.lower()
    for tag in ("<iframe", "<meta", "<base"):
        assert tag not in body
    assert '<img src="' + DATA_URI + '" alt="kept">' in body  # the picture, embedded
    assert "Still <em>Markdown</em>." in body
    assert "<p>Click <a>here</a>,\n<a>there</a> or <a>this</a>.</p>" in body
    # The lock on the door: first in the head, before anything that could load.
    assert document.index(CSP_META) == len("<!DOCTYPE html>\n<html><head>")


def test_a_reference_climbing_out_of_the_site_is_not_read(site_root, tmp_path, renderer):
    write(tmp_path, "secret.png", PICTURE)
    document = standalone_html(post_at(site_root, "![](../../../secret.png)\n"), renderer)
    assert srcs(document) == ["../../../secret.png"]


def test_a_link_inside_the_site_to_a_file_outside_is_not_read(site_root, tmp_path, renderer):
    outside = write(tmp_path, "elsewhere/private.png", PICTURE)
    os.symlink(outside, site_root / "content/posts/images/linked.png")
    document = standalone_html(post_at(site_root, "![](images/linked.png)\n"), renderer)
    assert srcs(document) == ["images/linked.png"]


def test_a_file_that_is_not_a_picture_is_not_embedded(site_root, renderer):
    write(site_root, "content/posts/notes.txt", "private notes\n")
    document = standalone_html(post_at(site_root, '<img src="notes.txt">\n'), renderer)
    assert 'src="notes.txt"' in document and "base64" not in document


def test_html_pictures_in_any_quoting_are_embedded_and_data_src_is_left(site_root):
    post_path = site_root / "content/posts/p.md"
    document = (
        "<p><img src='images/local.png' alt=one>"
        "<img alt=two src=images/local.png>"
        '<img data-src="images/local.png" src="https://example.com/b.png"></p>'
    )
    out = embed_images(document, post_path, Site(site_root))
    assert out == (
        f'<p><img src="{DATA_URI}" alt=one>'
        f'<img alt=two src="{DATA_URI}">'
        '<img data-src="images/local.png" src="https://example.com/b.png"></p>'
    )


def test_a_percent_encoded_name_with_an_escaped_ampersand_is_found(site_root, renderer):
    write(site_root, "content/posts/images/fish & chips.png", PICTURE)
    document = standalone_html(post_at(site_root, "![](images/fish%20&%20chips.png)\n"), renderer)
    assert srcs(document) == [DATA_URI]


def test_a_picture_over_the_limit_is_linked_by_its_file_url(site_root, renderer, monkeypatch):
    monkeypatch.setattr(export, "MAX_EMBED_BYTES", len(PICTURE) - 1)
    document = standalone_html(post_at(site_root, "![](images/local.png)\n"), renderer)
    expected = (site_root / "content/posts/images/local.png").as_uri()
    assert srcs(document) == [expected]


def test_past_the_pages_total_pictures_are_linked_by_their_file_url(
    site_root, renderer, monkeypatch
):
    monkeypatch.setattr(export, "MAX_EMBED_TOTAL", len(PICTURE) + 1)
    write(site_root, "content/posts/images/second.png", PICTURE + b"\0")
    body = "![](images/local.png)\n![](images/second.png)\n![](images/local.png)\n"
    document = standalone_html(post_at(site_root, body), renderer)
    second = (site_root / "content/posts/images/second.png").as_uri()
    assert srcs(document) == [DATA_URI, second, DATA_URI]


def test_the_text_given_is_what_is_exported_not_the_file(site_root, renderer):
    post = post_at(site_root, "On disk.\n").with_body("Typed but not saved.\n")
    document = standalone_html(post, renderer)
    assert "Typed but not saved." in document and "On disk." not in document


def test_without_a_path_nothing_is_embedded(renderer):
    document = standalone_html(Post("---\ntitle: T\n---\n![](images/local.png)\n"), renderer)
    assert srcs(document) == ["images/local.png"]


def test_a_site_that_cannot_be_read_gives_the_page_without_its_pictures(renderer):
    # Outside pytest's own temp folder, which only root may enter; as `nobody` when the
    # tests run as root, who may read anything.
    with open_folder() as shared:
        root = shared / "site"
        write(root, ".git/HEAD", "ref: refs/heads/main\n")
        write(root, "images/local.png", PICTURE)
        post = Post("---\ntitle: T\n---\nStill here.\n\n![](images/local.png)\n", root / "p.md")
        root.chmod(0o000)
        try:
            with as_nobody():
                document = standalone_html(post, renderer)
        finally:
            root.chmod(0o755)
    assert "<p>Still here.</p>" in document and srcs(document) == ["images/local.png"]


def test_a_body_too_large_to_render_is_refused_with_a_post_error(site_root):
    """Issue 13, point 16: Export as HTML renders on the UI thread; minutes of it are refused."""
    post = post_at(site_root, huge_body())
    with pytest.raises(PostError, match=r"too large to render \(1,000,\d{3} characters"):
        standalone_html(post, Renderer())
