"""Pictures copied into a site's media folder: where they go, their names, the links written,
and every refusal.

Each test builds a real site in tmp_path (HOME points there, so no marker above it counts) and
imports real picture files; the link each import returns is resolved back through `Site`, the
way the preview and the site checks read it.
"""

from __future__ import annotations

import os
import struct
import zlib
from pathlib import Path

import pytest
from sitefactory import post_text, write

from editor.core.errors import PostError
from editor.core.folder.content_folder import ContentFolder
from editor.core.schema import SCHEMA_FILE
from editor.core.schema.media import MediaSetting, url_problem
from editor.core.schema.schema_file import load_schema_file
from editor.core.site.media import media_place
from editor.core.site.media_import import import_bytes, import_file, is_picture
from editor.core.site.site import Site
from tests.users import as_nobody, give_to_nobody, open_folder


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("HOME", str(tmp_path))
    return tmp_path


def png(shade: int = 0) -> bytes:
    """A real 1×1 PNG; `shade` makes pictures with different bytes."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(bytes([0, shade, 128, 255]))
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


def picture(tmp_path: Path, name: str = "My Photo.PNG", data: bytes | None = None) -> Path:
    """A picture outside the site, as on the writer's desktop."""
    return write(tmp_path / "desktop", name, png() if data is None else data)


def make_site(root: Path, marker: str | None, post: str = "content/posts/a.md") -> Path:
    files = {post: post_text()}
    if marker:
        files[marker] = ""
    for rel, content in files.items():
        write(root, rel, content)
    return root / post


def place_for(post: Path, setting: MediaSetting | None = None, site_root: Path | None = None):
    site = Site(site_root) if site_root else Site.around(post.parent)
    return media_place(post, site, setting)


# ---- where each kind of site keeps its pictures ----------------------------------------------


@pytest.mark.parametrize(
    ("marker", "folder", "link"),
    [
        ("hugo.toml", "static/images", "/images/my-photo.png"),
        ("next.config.mjs", "public/images", "/images/my-photo.png"),
        ("astro.config.mjs", "public/images", "/images/my-photo.png"),
        ("gatsby-config.js", "static/images", "/images/my-photo.png"),
        ("_config.yml", "assets/images", "/assets/images/my-photo.png"),
    ],
)
def test_each_generator_gets_its_media_folder_and_served_link(tmp_path, marker, folder, link):
    post = make_site(tmp_path / "site", marker)
    added = import_file(picture(tmp_path), place_for(post))
    assert added.path == tmp_path / "site" / folder / "my-photo.png"
    assert added.path.read_bytes() == png()
    assert (added.link, added.copied) == (link, True)
    site = Site.around(post.parent)
    assert site.resolve(added.link, post) == added.path
    assert site.exists(added.path)


def test_a_hugo_page_bundle_keeps_its_pictures_beside_the_post(tmp_path):
    post = make_site(tmp_path / "site", "hugo.toml", "content/posts/trip/index.md")
    added = import_file(picture(tmp_path), place_for(post))
    assert added.path == post.parent / "my-photo.png"
    assert added.link == "my-photo.png"


def test_a_folder_of_no_known_site_gets_an_images_folder_beside_the_post(tmp_path):
    post = make_site(tmp_path / "notes", None, "My Notes/a.md")
    added = import_file(picture(tmp_path), place_for(post))
    assert added.path == tmp_path / "notes" / "My Notes" / "images" / "my-photo.png"
    assert added.link == "images/my-photo.png"
    assert Site.around(post.parent).resolve(added.link, post) == added.path


# ---- the settings key and the CMS config -----------------------------------------------------

SCHEMA_WITH_MEDIA = """\
fields:
  - {name: title, required: true}
media: {folder: static/uploads, url: /uploads}
"""


def test_the_schema_file_media_setting_wins_over_the_layout(tmp_path):
    post = make_site(tmp_path / "site", "hugo.toml")
    write(tmp_path / "site/content/posts", SCHEMA_FILE, SCHEMA_WITH_MEDIA)
    folder = ContentFolder(post.parent)
    folder.scan()
    assert folder.schema.media == MediaSetting("static/uploads", "/uploads", "site", SCHEMA_FILE)
    added = import_file(picture(tmp_path), place_for(post, folder.schema.media))
    assert added.path == tmp_path / "site/static/uploads/my-photo.png"
    assert added.link == "/uploads/my-photo.png"


def test_a_media_folder_of_dot_slash_is_beside_each_post_with_relative_links(tmp_path):
    post = make_site(tmp_path / "site", "hugo.toml")
    setting = MediaSetting("./pictures", None, "post")
    added = import_file(picture(tmp_path), place_for(post, setting))
    assert added.path == post.parent / "pictures" / "my-photo.png"
    assert added.link == "pictures/my-photo.png"


@pytest.mark.parametrize(
    ("media", "line", "column", "message"),
    [
        ("media: static/images", 3, 8, "media must be a mapping"),
        ("media: {folder: ../shared}", 3, 17, "must be a path inside the site"),
        ("media: {folder: /var/www}", 3, 17, "must be a path inside the site"),
        ("media: {url: /images}", 3, 8, "media needs a folder"),
        ("media: {folder: img, where: x}", 3, 22, "unknown key ‘where’ in media"),
        ("media: {folder: img, url: 'https://cdn.example.com'}", 3, 27, "the site's own path"),
        ("media: {folder: [a]}", 3, 17, "media folder must be text"),
        ("media: {folder: img, url: 'javascript:alert(1)'}", 3, 27, "neither a web address"),
        ("media: {folder: img, url: ' JavaScript:x'}", 3, 27, "must not start with javascript:"),
        ("media: {folder: img, url: 'data:text/html,x'}", 3, 27, "must not start with data:"),
        ("media: {folder: img, url: 'file:/etc'}", 3, 27, "must not start with file:"),
        ("media: {folder: .git/hooks}", 3, 17, "inside the repository's .git folder"),
    ],
)
def test_a_bad_media_setting_is_an_error_with_its_position(tmp_path, media, line, column, message):
    path = write(tmp_path, SCHEMA_FILE, f"fields:\n  - {{name: title}}\n{media}\n")
    with pytest.raises(PostError) as raised:
        load_schema_file(path)
    assert message in raised.value.message
    assert (raised.value.path, raised.value.line, raised.value.column) == (path, line, column)


DECAP = """\
media_folder: static/img/uploads
public_folder: /img/uploads
collections:
  - name: posts
    folder: content/posts
    fields: [{name: title, widget: string}]
"""


def test_a_decap_config_puts_pictures_where_the_cms_would(tmp_path):
    post = make_site(tmp_path / "site", "hugo.toml")
    write(tmp_path / "site", "static/admin/config.yml", DECAP)
    folder = ContentFolder(post.parent)
    folder.scan()
    assert folder.schema_source.origin == "cms"
    added = import_file(picture(tmp_path), place_for(post, folder.schema.media))
    assert added.path == tmp_path / "site/static/img/uploads/my-photo.png"
    assert added.link == "/img/uploads/my-photo.png"


def test_a_decap_collection_media_folder_of_nothing_is_beside_the_entry(tmp_path):
    post = make_site(tmp_path / "site", "hugo.toml")
    config = DECAP.replace(
        "    folder: content/posts\n",
        "    folder: content/posts\n    media_folder: ''\n    public_folder: ''\n",
    )
    write(tmp_path / "site", "static/admin/config.yml", config)
    folder = ContentFolder(post.parent)
    folder.scan()
    added = import_file(picture(tmp_path), place_for(post, folder.schema.media))
    assert (added.path, added.link) == (post.parent / "my-photo.png", "my-photo.png")


FRONT_MATTER = """\
{
  "frontMatter.content.publicFolder": "[[workspace]]/static",
  "frontMatter.taxonomy.contentTypes": [
    {"name": "default", "fields": [{"title": "Title", "name": "title", "type": "string"}]}
  ]
}
"""


def test_a_front_matter_public_folder_is_served_at_the_root(tmp_path):
    post = make_site(tmp_path / "site", "hugo.toml")
    write(tmp_path / "site", "frontmatter.json", FRONT_MATTER)
    folder = ContentFolder(post.parent)
    folder.scan()
    added = import_file(picture(tmp_path), place_for(post, folder.schema.media))
    assert (added.path, added.link) == (tmp_path / "site/static/my-photo.png", "/my-photo.png")


def test_a_decap_folder_template_is_filled_in_for_the_post(tmp_path):
    post = make_site(tmp_path / "site", "hugo.toml")
    config = DECAP.replace(
        "    folder: content/posts\n",
        "    folder: content/posts\n"
        "    media_folder: '{{media_folder}}/{{slug}}'\n"
        "    public_folder: '{{public_folder}}/{{slug}}'\n",
    )
    write(tmp_path / "site", "static/admin/config.yml", config)
    folder = ContentFolder(post.parent)
    folder.scan()
    added = import_file(picture(tmp_path), place_for(post, folder.schema.media))
    assert added.path == tmp_path / "site/static/img/uploads/a/my-photo.png"
    assert added.link == "/img/uploads/a/my-photo.png"


# ---- names ----------------------------------------------------------------------------------


def test_a_taken_name_gets_a_number_and_the_same_picture_is_used_again(tmp_path):
    post = make_site(tmp_path / "site", "hugo.toml")
    place = place_for(post)
    first = import_file(picture(tmp_path, "Sunset!.png"), place)
    other = import_file(picture(tmp_path, "sunset.png", png(shade=9)), place)
    again = import_file(picture(tmp_path, "SUNSET.png"), place)
    assert first.link == "/images/sunset.png"
    assert (other.link, other.copied) == ("/images/sunset-2.png", True)
    assert (again.path, again.copied) == (first.path, False)
    assert sorted(os.listdir(place.folder)) == ["sunset-2.png", "sunset.png"]


def test_pasted_bytes_are_named_after_the_post(tmp_path):
    post = make_site(tmp_path / "site", "next.config.js", "posts/hello-world.md")
    added = import_bytes(png(), "png", place_for(post))
    assert added.path == tmp_path / "site/public/images/hello-world-image.png"
    assert added.link == "/images/hello-world-image.png"


def test_a_link_relative_to_the_post_is_url_encoded(tmp_path):
    post = make_site(tmp_path / "notes", None, "a.md")
    setting = MediaSetting("my pictures", None, "site")
    added = import_file(picture(tmp_path), place_for(post, setting, tmp_path / "notes"))
    assert added.link == "my%20pictures/my-photo.png"
    assert Site(tmp_path / "notes").resolve(added.link, post) == added.path


def test_a_picture_already_served_by_the_site_is_named_where_it_is(tmp_path):
    post = make_site(tmp_path / "site", "hugo.toml")
    there = write(tmp_path / "site", "static/img/logo.png", png())
    added = import_file(there, place_for(post))
    assert (added.path, added.link, added.copied) == (there, "/img/logo.png", False)
    assert not (tmp_path / "site/static/images").exists()


def test_a_picture_in_hugos_assets_is_copied_to_static_as_hugo_does_not_publish_it(tmp_path):
    post = make_site(tmp_path / "site", "hugo.toml")
    assets = write(tmp_path / "site", "assets/images/a.png", png())
    added = import_file(assets, place_for(post))
    assert (added.path, added.link, added.copied) == (
        tmp_path / "site/static/images/a.png",
        "/images/a.png",
        True,
    )
    assert added.path.read_bytes() == assets.read_bytes()


# ---- refusals -------------------------------------------------------------------------------


def test_a_media_folder_linked_outside_the_site_is_refused(tmp_path):
    post = make_site(tmp_path / "site", "hugo.toml")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (tmp_path / "site/static").mkdir()
    (tmp_path / "site/static/images").symlink_to(elsewhere)
    with pytest.raises(PostError, match="outside the site; nothing was copied"):
        import_file(picture(tmp_path), place_for(post))
    assert os.listdir(elsewhere) == []


def test_a_cms_public_folder_that_is_a_script_link_is_refused_before_copying(tmp_path):
    """Issue 13, point 15: whichever config names it, a `javascript:` prefix never reaches a
    post's picture link."""
    post = make_site(tmp_path / "site", "hugo.toml")
    config = DECAP.replace("/img/uploads", "'javascript:alert(document.domain)//'")
    write(tmp_path / "site", "static/admin/config.yml", config)
    folder = ContentFolder(post.parent)
    folder.scan()
    with pytest.raises(PostError, match=r"must not start with javascript:\); nothing was copied"):
        import_file(picture(tmp_path), place_for(post, folder.schema.media))
    assert not (tmp_path / "site/static/img").exists()


def test_a_media_folder_in_the_repositorys_git_folder_is_refused(tmp_path):
    post = make_site(tmp_path / "site", "hugo.toml")
    setting = MediaSetting(".git/hooks", "/hooks")  # a CMS config could say so
    with pytest.raises(PostError, match=r"inside the repository.s \.git folder"):
        import_file(picture(tmp_path), place_for(post, setting))
    assert not (tmp_path / "site/.git/hooks").exists()


@pytest.mark.parametrize("url", ["/images", "images", "../img", "https://cdn.example.com/i"])
def test_a_path_or_a_web_address_is_a_media_url(url):
    assert url_problem(url) is None


def test_a_media_folder_climbing_out_with_dots_is_refused(tmp_path):
    post = make_site(tmp_path / "site", "hugo.toml")
    setting = MediaSetting("../shared", "/shared")  # a CMS config could say so
    with pytest.raises(PostError, match="lies outside the site"):
        import_file(picture(tmp_path), place_for(post, setting))
    assert not (tmp_path / "shared").exists()


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("report.pdf", b"%PDF-1.7", "‘report.pdf’ is not a picture"),
        ("photo.png", b"%PDF-1.7 renamed", "is not a PNG picture"),
        ("drawing.svg", b"<html>not svg</html>", "is not a SVG picture"),
    ],
)
def test_what_is_not_a_picture_is_refused(tmp_path, name, data, message):
    post = make_site(tmp_path / "site", "hugo.toml")
    with pytest.raises(PostError, match=message):
        import_file(picture(tmp_path, name, data), place_for(post))
    assert not (tmp_path / "site/static").exists()


def test_magic_bytes_are_checked_per_format():
    assert is_picture(png(), ".png")
    assert is_picture(b"\xff\xd8\xff\xe0rest", ".JPG")
    assert is_picture(b'<?xml version="1.0"?>\n<!-- made by hand -->\n<svg xmlns="x">', ".svg")
    assert is_picture(b"RIFF\x10\x00\x00\x00WEBPVP8 ", ".webp")
    assert not is_picture(png(), ".gif")


def test_an_unreadable_source_says_so(tmp_path):
    post = make_site(tmp_path / "site", "hugo.toml")
    with pytest.raises(PostError) as raised:
        import_file(tmp_path / "desktop/gone.png", place_for(post))
    assert (
        raised.value.message == "could not read ‘gone.png’: it no longer exists; nothing was added"
    )


def test_a_read_only_media_folder_says_so_and_writes_nothing():
    with open_folder() as root:
        post = make_site(root / "site", "hugo.toml")
        images = root / "site/static/images"
        images.mkdir(parents=True)
        source = write(root, "desktop/cat.png", png())
        give_to_nobody(*root.rglob("*"))
        images.chmod(0o555)
        with as_nobody(), pytest.raises(PostError) as raised:
            import_file(source, place_for(post))
        assert raised.value.message == (
            "could not copy the picture into static/images: permission denied"
            " (the folder is read-only); nothing was added"
        )
        assert os.listdir(images) == []


def test_a_name_taken_by_another_program_meanwhile_is_left_alone(tmp_path, monkeypatch):
    post = make_site(tmp_path / "site", "hugo.toml")
    folder = tmp_path / "site/static/images"
    folder.mkdir(parents=True)
    looked = os.path.lexists

    def late(path):  # the name looks free, then another program writes it
        if Path(path) == folder / "my-photo.png" and not looked(path):
            (folder / "my-photo.png").write_bytes(b"theirs")
            return False
        return looked(path)

    monkeypatch.setattr(os.path, "lexists", late)
    added = import_file(picture(tmp_path), place_for(post))
    assert (folder / "my-photo.png").read_bytes() == b"theirs"
    assert (added.path, added.link) == (folder / "my-photo-2.png", "/images/my-photo-2.png")
