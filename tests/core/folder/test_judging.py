"""The one rule a post is judged by: the generator relaxes the schema for its pages (and
Hugo for its posts), but a writer's own schema file holds for posts."""

from __future__ import annotations

from sitefactory import site, write

from editor.core.folder.content_folder import ContentFolder


def _problems(root):
    folder = ContentFolder(root)
    return {str(e.path): [(p.field, p.severity) for p in e.problems] for e in folder.scan()}


def test_hugo_needs_no_date_but_a_writers_schema_file_may(tmp_path):
    write(tmp_path, "hugo.toml", "title = 'A site'\n")
    site(
        tmp_path / "content",
        {"posts/a.md": "---\ntitle: A\n---\nText.\n", "about.md": "---\ntitle: About\n---\nHi.\n"},
    )
    assert _problems(tmp_path) == {"content/about.md": [], "content/posts/a.md": []}
    write(tmp_path, ".post-editor.yaml", "fields:\n  - {name: date, type: date, required: true}\n")
    assert _problems(tmp_path) == {
        "content/about.md": [],  # a page: the writer's posts' rule is not for it
        "content/posts/a.md": [("date", "error")],
    }
