"""The site around a content folder: its root, its static folders, and what references name.

Each test builds a real site in tmp_path. The home folder is pointed at tmp_path, so a marker
file somewhere above the test's folders (a repository holding /tmp) cannot change the answers.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from sitefactory import write

from editor.core.site.site import (
    body_references,
    exists_in,
    local_path,
    resolve_local,
    site_kind,
    site_root,
    static_roots,
)


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("HOME", str(tmp_path))
    return tmp_path


# ---- site_root and site_kind -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("marker", "kind"),
    [
        ("hugo.toml", "hugo"),
        ("hugo.yaml", "hugo"),
        ("hugo.json", "hugo"),
        ("config.toml", "hugo"),
        ("config.yaml", "hugo"),
        ("_config.yml", "jekyll"),
        ("astro.config.mjs", "astro"),
        ("next.config.js", "next"),
        ("gatsby-config.ts", "gatsby"),
        ("package.json", "node"),
        (".git/HEAD", "git"),
        (".git", "git"),  # a worktree's .git is a file
    ],
)
def test_site_root_is_the_nearest_folder_above_with_a_marker(tmp_path, marker, kind):
    site = tmp_path / "blog"
    write(site, marker, "")
    content = site / "content/posts"
    content.mkdir(parents=True)
    assert site_root(content) == site
    assert site_kind(site) == kind


def test_site_root_takes_the_content_folder_itself_when_it_holds_the_marker(tmp_path):
    write(tmp_path / "outer", ".git/HEAD", "")
    write(tmp_path / "outer/site", "_config.yml", "")
    assert site_root(tmp_path / "outer/site") == tmp_path / "outer/site"


def test_the_nearest_marker_wins(tmp_path):
    write(tmp_path / "repo", ".git/HEAD", "")
    write(tmp_path / "repo/site", "_config.yml", "")
    posts = tmp_path / "repo/site/_posts"
    posts.mkdir()
    assert site_root(posts) == tmp_path / "repo/site"


def test_the_most_specific_marker_names_the_kind(tmp_path):
    write(tmp_path, "package.json", "{}")
    write(tmp_path, "astro.config.mjs", "")
    write(tmp_path, ".git/HEAD", "")
    assert site_kind(tmp_path) == "astro"


def test_without_a_marker_the_content_folder_is_the_site(tmp_path):
    content = tmp_path / "notes/posts"
    content.mkdir(parents=True)
    assert site_kind(tmp_path / "notes") is None
    assert site_root(content) == content


def test_the_home_folder_is_never_the_site(tmp_path):
    write(tmp_path, ".git/HEAD", "")  # dotfiles kept in git: tmp_path is $HOME here
    content = tmp_path / "blog/posts"
    content.mkdir(parents=True)
    assert site_root(content) == content


def test_a_relative_content_folder_gives_an_absolute_root(tmp_path, monkeypatch):
    write(tmp_path / "site", "hugo.toml", "")
    (tmp_path / "site/content").mkdir()
    monkeypatch.chdir(tmp_path / "site")
    assert site_root(Path("content")) == tmp_path / "site"


# ---- static_roots ----------------------------------------------------------------------------


def test_hugo_serves_static_then_assets_and_not_its_public_output(tmp_path):
    write(tmp_path, "hugo.toml", "")
    for name in ("assets", "static", "public"):
        (tmp_path / name).mkdir()
    assert static_roots(tmp_path) == [tmp_path / "static", tmp_path / "assets"]


def test_jekyll_serves_the_site_folder_itself(tmp_path):
    write(tmp_path, "_config.yml", "")
    (tmp_path / "assets").mkdir()
    assert static_roots(tmp_path) == [tmp_path]


@pytest.mark.parametrize("marker", ["astro.config.ts", "next.config.mjs"])
def test_astro_and_next_serve_public(tmp_path, marker):
    write(tmp_path, marker, "")
    (tmp_path / "public").mkdir()
    (tmp_path / "static").mkdir()
    assert static_roots(tmp_path) == [tmp_path / "public"]


def test_a_site_of_unknown_make_gets_every_usual_folder_that_exists(tmp_path):
    write(tmp_path, ".git/HEAD", "")
    for name in ("src", "assets", "public"):
        (tmp_path / name).mkdir()
    assert static_roots(tmp_path) == [
        tmp_path / "public",
        tmp_path / "assets",
        tmp_path / "src",
        tmp_path,
    ]


def test_eleventy_serves_its_input_folder_first(tmp_path):
    write(tmp_path, "eleventy.config.js", "")
    (tmp_path / "src").mkdir()
    assert static_roots(tmp_path) == [tmp_path, tmp_path / "src"]


def test_folders_that_do_not_exist_are_not_roots(tmp_path):
    write(tmp_path, "hugo.toml", "")
    write(tmp_path, "static", "a file, not a folder")
    assert static_roots(tmp_path) == []


# ---- local_path and resolve_local ------------------------------------------------------------


@pytest.mark.parametrize(
    "ref",
    [
        "https://example.com/a.png",
        "HTTP://EXAMPLE.COM/a.png",
        "//cdn.example.com/a.png",
        "mailto:ada@example.com",
        "#top",
        "data:image/png;base64,iVBORw0KGgo=",
        "",
        "   ",
        "?w=400",
        "{{ site.baseurl }}/img/a.png",
        "{% link _posts/a.md %}",
    ],
)
def test_references_that_are_not_local_resolve_to_none(tmp_path, ref):
    post = write(tmp_path, "post.md", "")
    assert local_path(ref) is None
    assert resolve_local(ref, post, tmp_path) is None


@pytest.mark.parametrize(
    ("ref", "path"),
    [
        ("img/a.png", "img/a.png"),
        ("img/a.png?w=400&h=200", "img/a.png"),
        ("img/a.png#part", "img/a.png"),
        ("my%20photo.png", "my photo.png"),
        ("<my photo.png>", "my photo.png"),
        ("caf%C3%A9.png", "café.png"),
        ("/img/a.png", "/img/a.png"),
        ("100%25.png", "100%.png"),
    ],
)
def test_local_path_strips_query_and_fragment_and_decodes(ref, path):
    assert local_path(ref) == path


def test_a_relative_reference_names_the_file_beside_the_post(tmp_path):
    image = write(tmp_path, "posts/img/a.png", b"png")
    post = write(tmp_path, "posts/p.md", "")
    for ref in ("img/a.png", "./img/a.png", "img/../img/a.png", "img/a.png?w=3"):
        assert resolve_local(ref, post, tmp_path) == image
    assert exists_in(image, tmp_path)


def test_a_relative_reference_in_a_subfolder_climbs_with_dotdot(tmp_path):
    image = write(tmp_path, "content/images/a.png", b"png")
    post = write(tmp_path, "content/posts/2024/p.md", "")
    assert resolve_local("../../images/a.png", post, tmp_path) == image


def test_a_root_relative_reference_is_found_in_the_static_roots_in_order(tmp_path):
    write(tmp_path, "hugo.toml", "")
    in_assets = write(tmp_path, "assets/img/only-in-assets.png", b"png")
    in_static = write(tmp_path, "static/img/both.png", b"png")
    write(tmp_path, "assets/img/both.png", b"png")
    post = write(tmp_path, "content/posts/p.md", "")
    assert resolve_local("/img/both.png", post, tmp_path) == in_static
    assert resolve_local("/img/only-in-assets.png", post, tmp_path) == in_assets


def test_a_root_relative_reference_in_a_jekyll_site_is_read_from_the_site_folder(tmp_path):
    write(tmp_path, "_config.yml", "")
    image = write(tmp_path, "assets/a.png", b"png")
    post = write(tmp_path, "_posts/2024-01-01-p.md", "")
    assert resolve_local("/assets/a.png", post, tmp_path) == image


def test_a_relative_front_matter_path_may_name_a_file_in_a_static_root(tmp_path):
    write(tmp_path, "hugo.toml", "")
    image = write(tmp_path, "static/images/a.png", b"png")
    post = write(tmp_path, "content/posts/p.md", "")
    assert resolve_local("images/a.png", post, tmp_path) == image


def test_a_missing_file_resolves_to_where_the_reference_says_it_is(tmp_path):
    post = write(tmp_path, "posts/p.md", "")
    target = resolve_local("img/nope.png", post, tmp_path)
    assert target == tmp_path / "posts/img/nope.png"
    assert not exists_in(target, tmp_path)


def test_a_folder_is_not_a_file(tmp_path):
    (tmp_path / "posts/img").mkdir(parents=True)
    post = write(tmp_path, "posts/p.md", "")
    target = resolve_local("img", post, tmp_path)
    assert target == tmp_path / "posts/img"
    assert not exists_in(target, tmp_path)


def test_a_reference_climbing_out_of_the_site_is_missing_even_if_the_file_exists(tmp_path):
    secret = write(tmp_path, "secret.png", b"not the site's")
    site = tmp_path / "site"
    post = write(site, "posts/p.md", "")
    target = resolve_local("../../secret.png", post, site)
    assert target == secret  # where it points: outside the site
    assert not exists_in(target, site)
    assert not exists_in(tmp_path / "site/../secret.png", site)


def test_a_link_inside_the_site_to_a_file_outside_it_does_not_count(tmp_path):
    outside = write(tmp_path, "elsewhere/a.png", b"png")
    site = tmp_path / "site"
    post = write(site, "posts/p.md", "")
    os.symlink(outside, site / "posts/a.png")
    target = resolve_local("a.png", post, site)
    assert target == site / "posts/a.png"
    assert not exists_in(target, site)


def test_a_link_inside_the_site_to_a_file_inside_it_counts(tmp_path):
    image = write(tmp_path, "site/media/a.png", b"png")
    post = write(tmp_path, "site/posts/p.md", "")
    os.symlink(image, tmp_path / "site/posts/a.png")
    assert exists_in(resolve_local("a.png", post, tmp_path / "site"), tmp_path / "site")


# ---- body_references -------------------------------------------------------------------------


def refs(body: str) -> list[tuple[str, str, int]]:
    return [(r.kind, r.target, r.line) for r in body_references(body)]


def test_body_references_finds_each_kind_with_its_line():
    body = (
        'Intro ![alt](img/a.png "title") and [a post](other.md#part).\n'
        '<img class="x" src="b.png"> <a href=\'c.md\'>c</a>\n'
        "[def]: refs/pic.jpg\n"
        "[other]: <another post.md>\n"
        '{{< figure src="/fig.png" >}} {{< ref "hello" >}} {{% relref path="/posts/x.md" %}}\n'
        "{% post_url 2010-07-21-name %} {% link _posts/a.md %}\n"
        "[parens](a_(b).md)\n"
    )
    assert refs(body) == [
        ("image", "img/a.png", 0),
        ("link", "other.md#part", 0),
        ("image", "b.png", 1),
        ("link", "c.md", 1),
        ("image", "refs/pic.jpg", 2),
        ("link", "another post.md", 3),
        ("image", "/fig.png", 4),
        ("hugo-ref", "hello", 4),
        ("hugo-ref", "/posts/x.md", 4),
        ("post_url", "2010-07-21-name", 5),
        ("jekyll-link", "_posts/a.md", 5),
        ("link", "a_(b).md", 6),
    ]


def test_a_linked_image_gives_the_link_and_the_image():
    assert refs("[![cover](c.png)](post.md)\n") == [("link", "post.md", 0), ("image", "c.png", 0)]


def test_code_comments_and_footnotes_hold_no_references():
    body = (
        "`![in a span](a.png)` and ``[two ticks](b.md)``\n"  # 0
        "```markdown\n"  # 1
        "![fenced](c.png)\n"  # 2
        "```\n"  # 3
        "~~~~\n"  # 4
        "[tilde](d.md)\n"  # 5
        "~~~\n"  # 6: too short to close the fence
        "[still fenced](e.md)\n"  # 7
        "~~~~~\n"  # 8
        "<!-- ![commented](f.png)\n"  # 9
        "[still commented](g.md) -->  ![after](h.png)\n"  # 10
        "[^1]: a footnote.md\n"  # 11
        '{{</* ref "shown, not run" */>}}\n'  # 12
        "[web](https://example.com/a.md) [anchor](#a) [mail](mailto:a@b.md)\n"  # 13
    )
    assert refs(body) == [("image", "h.png", 10)]


def test_an_unclosed_fence_hides_the_rest():
    assert refs("![seen](a.png)\n```\n![hidden](b.png)\n") == [("image", "a.png", 0)]


def test_fences_are_the_grammars_a_quote_ends_one_and_four_spaces_make_none():
    body = (
        "> ```\n"  # 0: a fence inside a quote...
        "> ![hidden](a.png)\n"  # 1
        "![after the quote](b.png)\n"  # 2: ...ends with the quote
        "    ```\n"  # 3: indented code, not a fence
        "![seen](c.png)\n"  # 4
        "````\n"  # 5
        "```\n"  # 6: too short to close
        "![code](d.png)\n"  # 7
        "````\n"  # 8
        "[end](e.md)\n"  # 9
    )
    assert refs(body) == [("image", "b.png", 2), ("image", "c.png", 4), ("link", "e.md", 9)]


def test_line_numbers_count_from_the_start_of_the_text():
    body = "one\n\n![x](a.png)\n" + "filler\n" * 50 + "[y](b.md) [z](c.md)\n"
    assert refs(body) == [("image", "a.png", 2), ("link", "b.md", 53), ("link", "c.md", 53)]


def test_a_body_without_references_gives_none():
    assert body_references("Plain text, a [bracket] and a ](https://example.com) link.\n") == []
    assert body_references("") == []
