"""Running the checks over a folder: unreadable posts, order and progress, the samples (quiet,
but for what is really wrong on the messy site), and everything `folder_problems` lists."""

from __future__ import annotations

import shutil
from pathlib import Path

import paths
from foldercheck import TODAY, brief, check, hugo
from sitefactory import post_text, write
from unavailable import unavailable

from editor.core.folder.checks.run import check_site, folder_problems
from editor.core.folder.content_folder import ContentFolder

SAMPLE = paths.SAMPLE
MESSY = Path("/work/shared/samples/messy-site")


def test_unreadable_and_broken_posts_are_left_to_their_own_validation(tmp_path):
    posts = hugo(
        tmp_path,
        {
            "latin1.md": "---\ntitle: café\n---\n![x](gone.png)\n".encode("latin-1"),
            "broken.md": "---\ntitle: [unclosed\nstatus: no\n---\nText.\n",
            "binary.md": b"\x00\x01\x02",
            "fine.md": post_text("Fine"),
        },
    )
    assert check(posts) == []


def test_a_bad_byte_deep_in_a_body_is_named_once_by_the_folder_check(tmp_path):
    # The index reads a post's first bytes only: the folder check, reading the body, says it.
    body = "A line of the body that is long enough.\n" * 200
    posts = hugo(
        tmp_path,
        {
            "deep.md": post_text("Deep", body=body).encode() + b"\xff\n",
            "latin1.md": "---\ntitle: caf\u00e9\n---\nText.\n".encode("latin-1"),
        },
    )
    found = brief(check(posts), posts)
    assert [(path, field, severity) for path, _, field, severity in found] == [
        ("deep.md", "file", "error")
    ]


def test_a_folder_not_scanned_yet_is_scanned_first(tmp_path):
    posts = hugo(tmp_path, {"p.md": post_text("P", body="![x](gone.png)\n")})
    assert len(check_site(ContentFolder(posts), TODAY)) == 1


def test_problems_come_in_file_then_line_order_and_progress_is_told(tmp_path):
    posts = hugo(
        tmp_path,
        {
            "b.md": post_text("B", extra="status: no\n", body="![x](gone.png)\n"),
            "a.md": post_text("A", body="![x](gone.png)\n"),
        },
    )
    told: list[tuple[int, int]] = []
    folder = ContentFolder(posts)
    folder.scan()
    problems = check_site(folder, TODAY, progress=lambda done, total: told.append((done, total)))
    assert [(p.path.name, p.line) for p in problems] == [("a.md", 5), ("b.md", 4), ("b.md", 6)]
    assert told[-1] == (2, 2)


def test_the_bundled_sample_is_quiet(tmp_path):
    copy = shutil.copytree(SAMPLE, tmp_path / "sample")
    assert check(copy) == []


def test_on_the_messy_site_only_what_is_really_wrong_fires(tmp_path):
    if not MESSY.is_dir():
        unavailable("the shared messy sample site (../shared/samples) is not beside the clone")
    copy = shutil.copytree(MESSY, tmp_path / "messy")
    posts = copy / "content/posts"
    assert brief(check(posts), posts) == [
        # ../../assets/blog-placeholder-4.jpg: there is no such file, and no site marker
        # says the site reaches above content/posts
        ("astro-style.md", 5, "heroImage", "error"),
        # /assets/blog/hello-world/cover.jpg: not in the folder, which has no static folder
        ("nextjs-style.md", 4, "coverImage", "error"),
        ("yaml11-traps.md", 4, "draft", "warning"),
        ("yaml11-traps.md", 5, "comments", "warning"),
        ("yaml11-traps.md", 6, "country", "warning"),
        ("yaml11-traps.md", 7, "time", "warning"),
    ]


def test_folder_problems_put_the_schema_file_first_then_post_by_post_by_line(tmp_path):
    root = hugo(
        tmp_path / "site",
        {
            ".post-editor.yaml": "fields: [oops\n",
            "a.md": post_text("Same", extra="draft: no\n"),
            "b.md": "---\ndate: someday\n---\nNo title, a date Hugo cannot read.\n",
            "c.md": post_text("Same"),
        },
    )
    folder = ContentFolder(root)
    folder.scan()
    found = [(p.path, p.line, p.field, p.severity) for p in folder_problems(folder, TODAY)]
    assert found == [
        (root / ".post-editor.yaml", 2, ".post-editor.yaml", "error"),  # where YAML gives up
        (root / "a.md", 2, "title", "warning"),
        (root / "a.md", 4, "draft", "warning"),
        (root / "b.md", 2, "date", "error"),
        (root / "c.md", 2, "title", "warning"),
    ]


DECAP = """\
collections:
  - name: posts
    folder: content/posts
    fields:
      - {name: title, widget: string}
      - {name: author, widget: object, fields: [{name: name, widget: string}]}
"""


def test_what_a_cms_config_holds_that_the_form_does_not_take_is_a_note_at_its_line(tmp_path):
    posts = hugo(tmp_path, {"p.md": post_text("P")})
    write(tmp_path, "static/admin/config.yml", DECAP)
    folder = ContentFolder(posts)
    folder.scan()
    notes = [p for p in folder_problems(folder, TODAY) if p.severity == "note"]
    assert [(p.path, p.line, p.field) for p in notes] == [
        (tmp_path / "static/admin/config.yml", 6, "CMS config")
    ]
    assert "‘author’" in notes[0].message and "object" in notes[0].message


def test_a_cms_config_that_cannot_be_read_is_a_note_where_yaml_gave_up(tmp_path):
    posts = hugo(tmp_path, {"p.md": post_text("P")})
    write(tmp_path, "static/admin/config.yml", DECAP + "  - [\n")
    folder = ContentFolder(posts)
    folder.scan()
    notes = [p for p in folder_problems(folder, TODAY) if p.severity == "note"]
    assert [(p.path.name, p.line) for p in notes] == [("config.yml", 8)]
    assert "not valid YAML" in notes[0].message
