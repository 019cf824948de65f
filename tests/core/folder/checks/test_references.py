"""Images and links that lead nowhere: each fires on a folder built to trip it and stays quiet
otherwise."""

from __future__ import annotations

from foldercheck import brief, check, hugo
from sitefactory import post_text, site, write


def test_a_missing_cover_image_is_an_error_on_its_key(tmp_path):
    posts = hugo(
        tmp_path,
        {
            "gone.md": post_text("Gone", extra="coverImage: images/nope.png\n"),
            "here.md": post_text("Here", extra="coverImage: images/cover.png\n"),
            "web.md": post_text("Web", extra="heroImage: https://example.com/nope.png\n"),
            "alias.md": post_text("Alias", extra="image: ./missing.jpg\n"),
            "images/cover.png": b"png",
        },
    )
    problems = check(posts)
    assert brief(problems, posts) == [
        ("alias.md", 4, "image", "error"),
        ("gone.md", 4, "coverImage", "error"),
    ]
    assert "‘images/nope.png’" in problems[1].message


def test_every_image_field_of_the_schema_is_checked(tmp_path):
    posts = hugo(
        tmp_path,
        {
            ".post-editor.yaml": "fields:\n  - {name: title}\n  - {name: banner, type: image}\n",
            "a.md": post_text("A", extra="banner: banner.webp\n"),
        },
    )
    assert brief(check(posts), posts) == [("a.md", 4, "banner", "error")]
    write(posts, "banner.webp", b"webp")
    assert check(posts) == []


def test_a_missing_body_image_is_an_error_on_its_line(tmp_path):
    body = (
        "Intro.\n"
        "![there](img/a.png)\n"
        "![gone](img/gone.png)\n"
        '<img alt="x" src="img/also-gone.png">\n'
        "```\n"
        "![in code](img/not-checked.png)\n"
        "```\n"
        "`![in a span](img/not-checked.png)`\n"
        "![web](https://example.com/x.png)\n"
    )
    posts = hugo(tmp_path, {"p.md": post_text("P", body=body), "img/a.png": b"png"})
    problems = check(posts)
    assert brief(problems, posts) == [("p.md", 7, "body", "error"), ("p.md", 8, "body", "error")]
    assert "‘img/gone.png’" in problems[0].message


def test_a_root_relative_image_is_looked_for_in_the_static_folders(tmp_path):
    body = '![a](/img/a.png)\n![b](/img/b.png)\n{{< figure src="/img/c.png" >}}\n'
    posts = hugo(tmp_path, {"p.md": post_text("P", body=body)})
    write(tmp_path, "static/img/a.png", b"png")
    write(tmp_path, "assets/img/c.png", b"png")
    assert brief(check(posts), posts) == [("p.md", 6, "body", "error")]


def test_an_image_outside_the_site_is_an_error_even_when_the_file_exists(tmp_path):
    write(tmp_path, "outside.png", b"png")
    posts = hugo(tmp_path / "site", {"p.md": post_text("P", body="![x](../../../outside.png)\n")})
    problems = check(posts)
    assert brief(problems, posts) == [("p.md", 5, "body", "error")]
    assert "outside the site" in problems[0].message


def test_a_relative_link_to_a_missing_post_is_an_error(tmp_path):
    body = (
        "[there](other.md) [with anchor](other.md#part) [up](../pages/about.md)\n"
        "[gone](gone.md)\n"
        "[page](/about/) [web](https://example.com/x.md) `[code](code.md)`\n"
        "[encoded](my%20post.md)\n"
    )
    posts = hugo(
        tmp_path,
        {"p.md": post_text("P", body=body), "other.md": post_text("O"), "my post.md": post_text()},
    )
    write(tmp_path, "content/pages/about.md", post_text("About"))
    problems = check(posts)
    assert brief(problems, posts) == [("p.md", 6, "body", "error")]
    assert "‘gone.md’" in problems[0].message


def test_a_hugo_ref_to_a_missing_post_is_an_error(tmp_path):
    body = (
        '{{< ref "other" >}} {{< relref "other.md" >}} {{< ref "/posts/other" >}}\n'
        '{{< ref "bundle" >}} {{% ref "posts/bundle/index.md" %}} {{< ref "#anchor" >}}\n'
        '{{< ref "/pages/about" >}} {{< ref path="other.md#part" >}}\n'
        '{{< ref "missing" >}}\n'
        '`{{< ref "in-code" >}}`\n'
    )
    posts = hugo(
        tmp_path,
        {
            "p.md": post_text("P", body=body),
            "other.md": post_text("Other"),
            "bundle/index.md": post_text("Bundle"),
        },
    )
    write(tmp_path, "content/pages/about.md", post_text("About"))
    problems = check(posts)
    assert brief(problems, posts) == [("p.md", 8, "body", "error")]
    assert "‘missing’" in problems[0].message and "Hugo" in problems[0].message


def test_a_jekyll_post_url_or_link_to_nothing_is_an_error(tmp_path):
    write(tmp_path, "_config.yml", "title: A site\n")
    write(tmp_path, "about.md", "---\ntitle: About\n---\n")
    body = (
        "{% post_url 2024-01-01-hello %} {% post_url /2024-01-01-hello %}\n"
        "{% link _posts/2024-01-01-hello.md %} {% link about.md %}\n"
        "{% post_url 2024-01-01-gone %}\n"
        "{% link _posts/gone.md %}\n"
    )
    posts = site(
        tmp_path / "_posts",
        {"2024-01-01-hello.md": post_text("Hello"), "2024-02-01-p.md": post_text("P", body=body)},
    )
    problems = check(posts)
    assert brief(problems, posts) == [
        ("2024-02-01-p.md", 7, "body", "error"),
        ("2024-02-01-p.md", 8, "body", "error"),
    ]
    assert "post_url" in problems[0].message and "link" in problems[1].message


def test_a_link_to_a_post_address_no_post_has_is_a_warning(tmp_path):
    body = (
        "[ok](/posts/other/) [ok too](/posts/Other) [slug key](/posts/renamed/)\n"
        "[static](/posts/archive/) [file](/posts/feed.xml) [page](/about/) [deep](/posts/a/b/)\n"
        "[gone](/posts/nowhere/)\n"
    )
    posts = hugo(
        tmp_path,
        {
            "p.md": post_text("P", body=body),
            "other.md": post_text("O"),
            "third.md": post_text("T", extra="slug: renamed\n"),
        },
    )
    write(tmp_path, "static/posts/archive/index.html", "<p>Archive</p>")
    problems = check(posts)
    assert brief(problems, posts) == [("p.md", 7, "body", "warning")]
    assert "‘/posts/nowhere/’" in problems[0].message and "‘nowhere’" in problems[0].message


def test_post_addresses_are_not_guessed_in_jekyll_whose_permalinks_are_dated(tmp_path):
    write(tmp_path, "_config.yml", "title: A site\n")
    body = "[gone](/posts/nowhere/)\n"
    posts = site(tmp_path / "_posts", {"2024-01-01-p.md": post_text("P", body=body)})
    assert check(posts) == []
