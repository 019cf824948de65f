"""Tags and categories outside the schema's choices, under a key validation does not check."""

from __future__ import annotations

from foldercheck import TODAY, brief, check, hugo
from sitefactory import post_text

from editor.core.folder.checks import check_site
from editor.core.folder.content_folder import ContentFolder

CHOICES = """\
fields:
  - {name: title}
  - {name: date, type: date}
  - {name: category, type: select, choices: [Guides, News]}
"""


def test_categories_outside_the_choices_are_warnings(tmp_path):
    posts = hugo(
        tmp_path,
        {
            ".post-editor.yaml": CHOICES,
            "off.md": post_text("Off", extra="categories: [Gossip, News]\n"),
            "case.md": post_text("Case", extra="categories: news\n"),
            "fine.md": post_text("Fine", extra="categories: [Guides, News]\n"),
        },
    )
    problems = check(posts)
    assert brief(problems, posts) == [
        ("case.md", 4, "categories", "warning"),
        ("off.md", 4, "categories", "warning"),
    ]
    assert "did you mean ‘News’" in problems[0].message
    assert "‘Gossip’" in problems[1].message and "Guides, News" in problems[1].message


def test_a_key_validation_checks_is_not_reported_twice(tmp_path):
    posts = hugo(
        tmp_path,
        {".post-editor.yaml": CHOICES, "p.md": post_text("P", extra="category: Gossip\n")},
    )
    folder = ContentFolder(posts)
    folder.scan()
    assert [p.field for p in folder.entries[0].problems] == ["category"]  # validation's
    assert check_site(folder, TODAY) == []


def test_without_choices_any_tag_is_fine(tmp_path):
    posts = hugo(tmp_path, {"p.md": post_text("P", extra="tags: [anything, at all]\n")})
    assert check(posts) == []
