"""Folder checks by the generator's rules, on a site opened at its root: translations,
pages and sections share names legitimately, Jekyll's dated addresses differ by day, links
and images resolve as the generator resolves them."""

from __future__ import annotations

from foldercheck import TODAY, brief, check
from sitefactory import post_text, site, write

from editor.core.folder.checks.duplicates import check_duplicates
from editor.core.folder.content_folder import ContentFolder


def test_translations_share_a_title_and_a_slug(tmp_path):
    write(tmp_path, "hugo.toml", "title = 'A site'\n")
    site(
        tmp_path / "content/posts",
        {
            "en/hello.md": post_text("Hello", extra="lang: en\nslug: hello\n"),
            "fr/hello.md": post_text("Hello", extra="lang: fr\nslug: hello\n"),
            "a.md": post_text("Same", extra="lang: fr\n"),
            "b.md": post_text("Same", extra="lang: en\n"),
            "c.md": post_text("Twice", extra="lang: fr\n"),
            "d.md": post_text("Twice", extra="lang: fr\n"),
        },
    )
    posts = tmp_path / "content/posts"
    assert brief(check(posts), posts) == [
        ("c.md", 2, "title", "warning"),
        ("d.md", 2, "title", "warning"),
    ]


def test_a_page_and_a_post_do_not_clash_nor_pages_by_title(tmp_path):
    write(tmp_path, "_config.yml", "title: A site\n")
    site(
        tmp_path,
        {
            "_posts/2024-01-01-about.md": post_text("About"),
            "about.md": "---\ntitle: About\n---\nHi.\n",
            "tags/index.md": "---\ntitle: Tags\n---\nList.\n",
            "categories/index.md": "---\ntitle: Tags\n---\nList.\n",
        },
    )
    assert check(tmp_path) == []


def test_jekyll_posts_of_different_days_have_different_addresses(tmp_path):
    write(tmp_path, "_config.yml", "title: A site\n")
    undated = "---\ntitle: {}\n---\nText.\n"
    site(
        tmp_path / "_posts",
        {
            "2020-01-01-hello.md": undated.format("Hi 2020"),
            "2021-05-01-hello.md": undated.format("Hi 2021"),
            # The front matter's date wins over the name's: one day, one address.
            "2022-01-01-same.md": post_text("Same 1"),
            "2023-01-01-same.md": post_text("Same 2"),
        },
    )
    assert [p.field for p in check(tmp_path)] == ["file", "file"]


def test_sections_are_not_compared_for_addresses(tmp_path):
    write(tmp_path, "hugo.toml", "title = 'A site'\n")
    site(tmp_path / "content/posts", {"a.md": post_text("A"), "a/_index.md": "---\n---\n"})
    entries = ContentFolder(tmp_path).scan()
    assert [e.role for e in entries] == ["section", ""]
    assert check_duplicates(tmp_path, entries) == []


def test_hugo_refs_and_section_links_resolve_from_the_site_root_opened(tmp_path):
    write(tmp_path, "hugo.toml", "title = 'A site'\n")
    body = '{{< ref "/posts/b" >}} [b](/posts/b/) [nope](/posts/nope/) {{< ref "/posts/gone" >}}\n'
    site(tmp_path / "content/posts", {"a.md": post_text("A", body=body), "b.md": post_text("B")})
    problems = check(tmp_path)
    assert brief(problems, tmp_path) == [
        ("content/posts/a.md", 5, "body", "warning"),
        ("content/posts/a.md", 5, "body", "error"),
    ] or brief(problems, tmp_path) == [
        ("content/posts/a.md", 5, "body", "error"),
        ("content/posts/a.md", 5, "body", "warning"),
    ]
    messages = " ".join(p.message for p in problems)
    assert "‘/posts/gone’" in messages and "‘nope’" in messages


def test_astro_images_resolve_relative_to_the_post(tmp_path):
    write(tmp_path, "astro.config.mjs", "export default {}\n")
    write(tmp_path, "src/assets/cover.jpg", b"jpg")
    extra = "heroImage: ../../assets/cover.jpg\n"
    body = "![x](../../assets/cover.jpg) ![y](../../assets/gone.jpg)\n"
    site(tmp_path / "src/content/blog", {"a.md": post_text("A", extra=extra, body=body)})
    for opened in (tmp_path, tmp_path / "src/content/blog"):
        problems = [p for p in check(opened, TODAY) if p.severity == "error"]
        assert [p.message.split(":")[0] for p in problems] == [
            "the image ‘../../assets/gone.jpg’ is missing"
        ]


def test_jekyll_link_tags_resolve_from_the_site_root_opened(tmp_path):
    write(tmp_path, "_config.yml", "title: A site\n")
    body = "{% post_url 2020-01-01-b %} {% link _posts/2020-01-01-b.md %}"
    body += " {% post_url 2020-01-01-x %}\n"
    site(
        tmp_path / "_posts",
        {"2020-01-02-a.md": post_text("A", body=body), "2020-01-01-b.md": post_text("B")},
    )
    problems = check(tmp_path)
    assert brief(problems, tmp_path) == [("_posts/2020-01-02-a.md", 5, "body", "error")]
    assert "‘2020-01-01-x’" in problems[0].message


def test_what_jekyll_and_hugo_print_verbatim_is_no_reference(tmp_path):
    write(tmp_path, "_config.yml", "title: A site\n")
    body = (
        "{% highlight diff %}\n{% raw %}\n- {% post_url 2018-03-20-nowhere %}\n{% endraw %}\n"
        "{% endhighlight %}\n\nAnd {% comment %}{% link gone.md %}{% endcomment %} too.\n"
    )
    site(tmp_path, {"_posts/2024-01-01-a.md": "---\ntitle: A\n---\n" + body})
    assert check(tmp_path) == []
    write(tmp_path, "_posts/2024-01-02-b.md", "---\ntitle: B\n---\n{% post_url 2018-03-20-no %}\n")
    assert brief(check(tmp_path), tmp_path) == [("_posts/2024-01-02-b.md", 4, "body", "error")]


def test_an_escaped_hugo_shortcode_is_no_ref(tmp_path):
    write(tmp_path, "hugo.toml", "title = 'A site'\n")
    site(tmp_path / "content/posts", {"a.md": '---\ntitle: A\n---\n{{</* ref "gone" */>}}\n'})
    assert check(tmp_path) == []


def test_a_relative_image_may_be_read_from_the_page_address(tmp_path):
    # Jekyll publishes _tutorials/intro.md at /tutorials/intro/: "../../img" is /img there.
    write(tmp_path, "_config.yml", "collections:\n  tutorials:\n    output: true\n")
    write(tmp_path, "img/concept.png", "png")
    page = '---\ntitle: Intro\n---\n<img src="../../img/concept.png" />\n'
    site(tmp_path, {"_tutorials/intro.md": page, "_tutorials/b.md": page.replace("img/", "x/")})
    assert brief(check(tmp_path), tmp_path) == [("_tutorials/b.md", 4, "body", "error")]


def test_eleventy_reads_a_link_to_a_source_file_from_its_input_folder(tmp_path):
    write(tmp_path, "eleventy.config.js", 'export const config = { dir: { input: "content" } };\n')
    posts = {
        "blog/first.md": "---\ntitle: First\n---\nHi.\n",
        "blog/second.md": (
            '---\ntitle: Second\n---\n<a href="/blog/first.md">1</a>\n'
            '<a href="blog/first.md">1</a>\n<a href="blog/none.md">0</a>\n'
        ),
    }
    site(tmp_path / "content", posts)
    assert brief(check(tmp_path), tmp_path) == [("content/blog/second.md", 6, "body", "error")]


def test_jekyll_reads_a_date_as_ruby_does(tmp_path):
    write(tmp_path, "_config.yml", "title: A site\n")
    site(
        tmp_path / "_posts",
        {
            "2023-01-29-a.md": "---\ntitle: A\ndate: '2023-01-29 18:30:22 2023 -0800'\n---\nHi.\n",
            "2023-01-30-b.md": "---\ntitle: B\ndate: 'someday'\n---\nHi.\n",
        },
    )
    folder = ContentFolder(tmp_path)
    ruby, broken = folder.scan()
    assert str(ruby.date) == "2023-01-29 18:30:22-08:00" and ruby.problems == ()
    assert [(p.field, p.severity) for p in broken.problems] == [("date", "error")]


def _own(root):
    return {
        str(e.path): [(p.field, p.severity) for p in e.problems] for e in ContentFolder(root).scan()
    }


def test_a_key_written_twice_is_as_bad_as_the_generators_reader_says(tmp_path):
    twice = "---\ntitle: A\ntitle: B\n---\nText.\n"
    write(tmp_path / "jekyll", "_config.yml", "title: A site\n")
    write(tmp_path / "jekyll", "_posts/2024-01-01-a.md", twice)
    assert _own(tmp_path / "jekyll") == {"_posts/2024-01-01-a.md": [("title", "warning")]}
    write(tmp_path / "astro", "astro.config.mjs", "export default {};\n")
    write(tmp_path / "astro", "src/content/blog/a.md", twice)
    assert _own(tmp_path / "astro") == {"src/content/blog/a.md": [("title", "error")]}


def test_zola_links_from_its_content_folder(tmp_path):
    write(tmp_path, "config.toml", 'base_url = "https://example.com"\n')
    pages = {
        "_index.md": "+++\ntitle = 'Home'\n+++\n",
        "docs/_index.md": "+++\ntitle = 'Docs'\n+++\n",
        "docs/a.md": "+++\ntitle = 'A'\n+++\n[b](@/docs/b.md#part) [gone](@/docs/gone.md)\n",
        "docs/b.md": "+++\ntitle = 'B'\n+++\nText.\n",
    }
    site(tmp_path / "content", pages)
    assert brief(check(tmp_path), tmp_path) == [("content/docs/a.md", 4, "body", "error")]


def test_hugo_refs_find_translations_and_bundle_pictures_their_language_address(tmp_path):
    write(
        tmp_path,
        "hugo.toml",
        "defaultContentLanguage = 'en'\n[languages.en]\nweight = 1\n[languages.fr]\nweight = 2\n",
    )
    write(tmp_path, "content/basics/images/a.png", "png")
    body = (
        '{{% relref "basics/_index.md" %}} ![a](/en/basics/images/a.png)'
        " ![b](/en/basics/images/b.png)\n"
    )
    site(
        tmp_path / "content",
        {
            "_index.en.md": "---\ntitle: Home\n---\n" + body,
            "basics/_index.en.md": "---\ntitle: Basics\n---\nText.\n",
        },
    )
    assert brief(check(tmp_path), tmp_path) == [("content/_index.en.md", 4, "body", "error")]


def test_code_in_a_hugo_code_shortcode_or_a_code_block_holds_no_reference(tmp_path):
    write(tmp_path, "hugo.toml", "title = 'A site'\n")
    body = (
        '{{< code file="x.html" >}}\n<img src="/images/none.png">\n{{< /code >}}\n\n'
        '        source += "<img src=\\"#{@url}\\">"\n'
    )
    site(tmp_path / "content/posts", {"a.md": "---\ntitle: A\n---\n" + body})
    assert check(tmp_path) == []


def test_a_long_title_is_a_note_on_a_generators_site_and_a_warning_in_a_plain_folder(tmp_path):
    long = "---\ntitle: " + "Word " * 20 + "\ndate: 2024-01-01\n---\nText.\n"
    site(tmp_path / "plain", {"a.md": long})
    write(tmp_path / "blog", "_config.yml", "title: A site\n")
    site(tmp_path / "blog/_posts", {"2024-01-01-a.md": long})
    assert _own(tmp_path / "plain") == {"a.md": [("title", "warning")]}
    assert _own(tmp_path / "blog") == {"_posts/2024-01-01-a.md": [("title", "note")]}


def test_a_link_to_a_posts_alias_is_no_unknown_address(tmp_path):
    write(tmp_path, "hugo.toml", "title = 'A site'\n")
    posts = {
        "lists.md": "---\ntitle: Lists\naliases: [/templates/list/]\n---\nText.\n",
        "a.md": "---\ntitle: A\n---\n[l](/templates/list/) [n](/templates/nowhere/)\n",
    }
    site(tmp_path / "content/templates", posts)
    assert brief(check(tmp_path), tmp_path) == [("content/templates/a.md", 4, "body", "warning")]
