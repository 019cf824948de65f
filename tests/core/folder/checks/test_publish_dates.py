"""Publication dates: a future date on a published post, a draft without a date."""

from __future__ import annotations

from foldercheck import TODAY, brief, check, hugo
from sitefactory import post_text, site, write

from editor.core.folder.checks import check_site
from editor.core.folder.content_folder import ContentFolder


def test_a_published_post_dated_after_today_is_a_warning(tmp_path):
    posts = hugo(
        tmp_path,
        {
            "future.md": post_text("Future", date="2026-06-02"),
            "time.md": post_text("Time", date="2030-01-01T08:00:00Z"),
            "named.md": "---\ntitle: Named\npubDate: Jan 5 2027\n---\nText.\n",
            "2026-12-24-by-name.md": "---\ntitle: By name\n---\nText.\n",
            "today.md": post_text("Today", date="2026-06-01"),
            "past.md": post_text("Past", date="2020-01-01"),
            "draft.md": post_text("Draft", date="2030-01-01", extra="draft: true\n"),
            "unpublished.md": post_text("Unpub", date="2030-01-01", extra="published: false\n"),
        },
    )
    problems = check(posts)
    future = [p for p in problems if "after today" in p.message]
    # Hugo takes no date from a file name (unless its [frontmatter] config says :filename):
    # 2026-12-24-by-name.md is undated, so published.
    assert brief(future, posts) == [
        ("future.md", 3, "date", "warning"),
        ("named.md", 3, "pubDate", "warning"),
        ("time.md", 3, "date", "warning"),
    ]
    assert "2026-06-02" in future[0].message


def test_a_post_due_by_its_publish_date_is_a_warning_too(tmp_path):
    extra = "publishDate: 2027-01-01\n"
    posts = hugo(tmp_path, {"p.md": "---\ntitle: P\n" + extra + "---\nText.\n"})
    assert brief(check(posts), posts) == [("p.md", 3, "publishDate", "warning")]


def test_a_draft_by_its_folder_needs_no_date(tmp_path):
    write(tmp_path, "_config.yml", "title: A site\n")
    site(tmp_path / "_drafts", {"idea.md": "---\ntitle: Idea\n---\nText.\n"})
    folder = ContentFolder(tmp_path)
    folder.scan()
    assert [p for p in check_site(folder, TODAY) if "draft" in p.message] == []


def test_the_real_today_is_the_default(tmp_path):
    posts = hugo(tmp_path, {"p.md": post_text("P", date="2999-01-01")})
    folder = ContentFolder(posts)
    folder.scan()
    assert len(check_site(folder)) == 1


DATED = """\
fields:
  - {name: title}
  - {name: date, type: date}
  - {name: draft, type: boolean}
"""


def test_a_draft_without_a_date_is_a_warning_where_posts_are_dated(tmp_path):
    posts = hugo(
        tmp_path,
        {
            ".post-editor.yaml": DATED,
            "undated-draft.md": "---\ntitle: Undated\ndraft: true\n---\nText.\n",
            "dated-draft.md": post_text("Dated", extra="draft: true\n"),
            "undated-post.md": "---\ntitle: Published\n---\nText.\n",
            "2026-01-01-named-draft.md": "---\ntitle: Named\ndraft: true\n---\nText.\n",
        },
    )
    problems = check(posts)
    assert brief(problems, posts) == [("undated-draft.md", 1, "date", "warning")]
    assert "draft has no date" in problems[0].message


def test_a_missing_date_validation_reports_is_not_told_twice(tmp_path):
    # A plain folder of posts: there the reference shape requires a date (Hugo does not).
    posts = site(
        tmp_path,
        {
            "dated.md": post_text("Dated"),
            "undated-draft.md": "---\ntitle: Undated\ndraft: true\n---\nText.\n",
        },
    )
    folder = ContentFolder(posts)
    folder.scan()
    assert [p.field for e in folder.entries for p in e.problems] == ["date"]  # required
    assert check_site(folder, TODAY) == []


def test_without_a_date_field_an_undated_draft_is_fine(tmp_path):
    posts = hugo(tmp_path, {"p.md": "---\ntitle: Docs page\ndraft: true\n---\nText.\n"})
    assert check(posts) == []
