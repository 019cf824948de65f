"""`post-editor check FOLDER` with the folder-wide checks: one line per problem in the usual
format (or JSON), merged in line order with each post's own problems; exit 1 on any error.
Checking a single file gives its own problems only, as its site judges it.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import paths
import pytest

SAMPLE = paths.SAMPLE
LINE = re.compile(
    r"(?P<path>[^:]+):(?P<line>\d+): (?P<severity>error|warning): (?P<field>[^:]+): \S.*"
)


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No site marker above tmp_path may change where the test's site starts."""
    monkeypatch.setenv("HOME", str(tmp_path.parent))


def post(title: str, extra: str = "", body: str = "Some text.\n") -> str:
    return f"---\ntitle: {title}\ndate: 2024-01-24\n{extra}---\n{body}"


def parsed(out: str) -> list[tuple[str, int, str, str]]:
    """(path, line, severity, field) of each output line; each must have the format."""
    rows = []
    for line in out.splitlines():
        match = LINE.fullmatch(line)
        assert match, line
        rows.append((match["path"], int(match["line"]), match["severity"], match["field"]))
    return rows


def test_a_missing_image_in_a_folder_is_an_error_line_and_exit_1(run, write, tmp_path, monkeypatch):
    write(tmp_path / "site/a.md", post("A", body="Intro.\n![cat](images/cat.png)\n"))
    write(tmp_path / "site/b.md", post("B"))
    monkeypatch.chdir(tmp_path)
    ran = run("check", "site")
    assert (ran.rc, ran.err) == (1, "")
    assert parsed(ran.out) == [("site/a.md", 6, "error", "body")]
    assert "‘images/cat.png’" in ran.out


def test_folder_wide_warnings_alone_exit_0(run, write, tmp_path, monkeypatch):
    write(tmp_path / "site/a.md", post("Same title"))
    write(tmp_path / "site/b.md", post("Same  Title"))
    monkeypatch.chdir(tmp_path)
    ran = run("check", "site")
    assert ran.rc == 0
    assert parsed(ran.out) == [
        ("site/a.md", 2, "warning", "title"),
        ("site/b.md", 2, "warning", "title"),
    ]
    first, second = ran.out.splitlines()
    assert "b.md" in first and "a.md" in second


def test_folder_wide_and_per_post_problems_come_in_line_order(run, write, tmp_path):
    extra = "status: no\ntags: single\n"
    write(tmp_path / "a.md", post("x" * 80, extra=extra, body="![x](gone.png)\n"))
    ran = run("check", tmp_path)
    assert ran.rc == 1
    a = str(tmp_path / "a.md")
    assert parsed(ran.out) == [
        (a, 2, "warning", "title"),  # the post's own: too long
        (a, 4, "warning", "status"),  # folder-wide: read two ways
        (a, 5, "error", "tags"),  # the post's own: not a list
        (a, 7, "error", "body"),  # folder-wide: missing image
    ]


def test_duplicate_slugs_are_errors(run, write, tmp_path):
    write(tmp_path / "hello.md", post("Hello"))
    write(tmp_path / "2024-01-24-hello.md", post("Hello again"))
    ran = run("check", tmp_path)
    assert ran.rc == 1
    assert [row[2:] for row in parsed(ran.out)] == [("error", "file"), ("error", "file")]


def test_check_json_holds_the_folder_wide_problems(run, write, tmp_path):
    write(tmp_path / "a.md", post("A", extra="time: 12:30\n", body="[b](b.md) [c](c.md)\n"))
    write(tmp_path / "b.md", post("B"))
    ran = run("check", tmp_path, "--json")
    assert ran.rc == 1
    problems = json.loads(ran.out)
    assert [(p["path"], p["line"], p["field"], p["severity"]) for p in problems] == [
        (str(tmp_path / "a.md"), 4, "time", "warning"),
        (str(tmp_path / "a.md"), 6, "body", "error"),
    ]
    assert "‘c.md’" in problems[1]["message"] and "750" in problems[0]["message"]


def test_checking_one_file_gives_its_own_problems_only(run, write, tmp_path):
    path = write(tmp_path / "a.md", post("Same", extra="status: no\n", body="![x](gone.png)\n"))
    write(tmp_path / "b.md", post("Same"))
    ran = run("check", path)
    assert (ran.rc, ran.out, ran.err) == (0, "", "")
    assert run("check", tmp_path).rc == 1  # the folder does show them


def test_the_bundled_sample_checks_clean(run, tmp_path):
    copy = shutil.copytree(SAMPLE, tmp_path / "sample")
    ran = run("check", copy)
    assert (ran.rc, ran.out, ran.err) == (0, "", "")


def test_an_unreadable_post_gives_its_own_error_and_no_traceback(run, write, tmp_path):
    write(tmp_path / "latin1.md", "---\ntitle: café\n---\n![x](gone.png)\n".encode("latin-1"))
    write(tmp_path / "fine.md", post("Fine"))
    ran = run("check", tmp_path)
    assert ran.rc == 1
    assert "Traceback" not in ran.out + ran.err
    assert [row[0] for row in parsed(ran.out)] == [str(tmp_path / "latin1.md")]


def test_checking_one_file_follows_the_cms_config_of_its_folder(run, write, tmp_path):
    write(tmp_path / "hugo.toml", "title = 'A site'\n")
    write(
        tmp_path / "static/admin/config.yml",
        "collections:\n  - name: posts\n    folder: content/posts\n    fields:\n"
        "      - {name: title, widget: string}\n"
        "      - {name: summary, widget: text}\n",
    )
    post = write(tmp_path / "content/posts/a.md", "---\ntitle: A\n---\nText.\n")
    ran = run("check", post)
    # Decap fields are required unless they say otherwise; the built-in shape's date is not.
    assert ran.out == f"{post}:2: error: summary: Summary is missing\n"
    assert ran.rc == 1


DECAP = (
    "collections:\n  - name: posts\n    folder: content/posts\n    fields:\n"
    "      - {name: title, widget: string}\n      - {name: summary, widget: text}\n"
)


def test_check_at_a_site_root_follows_each_collections_cms_schema(run, write, tmp_path):
    write(tmp_path / "hugo.toml", "title = 'A site'\n")
    write(tmp_path / "static/admin/config.yml", DECAP)
    write(tmp_path / "content/posts/a.md", "---\ntitle: A\nsummary: S\n---\nText.\n")
    write(tmp_path / "content/posts/b.md", "---\ntitle: B\n---\nText.\n")
    write(tmp_path / "content/about.md", "---\ntitle: About\n---\n")
    ran = run("check", tmp_path)
    assert "no folder collection" not in ran.out
    assert parsed(ran.out) == [(str(tmp_path / "content/posts/b.md"), 2, "error", "summary")]
    assert ran.rc == 1
    write(tmp_path / "content/posts/b.md", "---\ntitle: B\nsummary: S\n---\nText.\n")
    assert run("check", tmp_path).rc == 0


def test_list_json_tells_each_files_collection_kind_status_and_language(run, write, tmp_path):
    write(tmp_path / "_config.yml", "title: A site\n")
    write(tmp_path / "_posts/2024-01-24-a.md", post("A", extra="lang: fr\n"))
    write(tmp_path / "_posts/2999-01-01-b.md", "---\ntitle: B\ndate: 2999-01-01\n---\nB.\n")
    write(tmp_path / "about.md", "---\ntitle: About\n---\nHi.\n")
    ran = run("list", tmp_path, "--json")
    assert ran.rc == 0
    rows = {Path(row["path"]).name: row for row in json.loads(ran.out)}
    new = ("collection", "kind", "status", "language")
    assert {name: tuple(row[k] for k in new) for name, row in rows.items()} == {
        "2024-01-24-a.md": ("posts", "post", "published", "fr"),
        "2999-01-01-b.md": ("posts", "post", "scheduled", None),
        "about.md": ("pages", "page", "published", None),
    }
    assert all(
        {"path", "title", "date", "draft", "problems", "errors"} <= set(r) for r in rows.values()
    )
    text = run("list", tmp_path).out.splitlines()
    assert len(text) == 3
    assert "posts: B" in text[1] and "scheduled" in text[1] and "pages: About" in text[2]


TWO_COLLECTIONS = """\
collections:
  - name: posts
    folder: content/posts
    fields:
      - {name: title, required: true}
      - {name: summary, type: text, required: true}
  - folder: content/docs
    fields:
      - {name: title, required: true}
      - {name: weight, type: number, required: true}
"""


def two_collections(write, root: Path) -> Path:
    """A Hugo site whose schema file lists posts and docs: in each, a post missing what its
    collection requires (and holding what the other requires); a post outside both."""
    write(root / "hugo.toml", "[params]\nmainSections = ['posts', 'docs']\n")
    write(root / ".post-editor.yaml", TWO_COLLECTIONS)
    write(root / "content/posts/a.md", "---\ntitle: A\nsummary: S\n---\nText.\n")
    write(root / "content/posts/b.md", "---\ntitle: B\nweight: 2\n---\nText.\n")
    write(root / "content/docs/c.md", "---\ntitle: C\nweight: 1\n---\nText.\n")
    write(root / "content/docs/d.md", "---\ntitle: D\nsummary: S\n---\nText.\n")
    write(root / "content/notes/n.md", "---\ntitle: Note\n---\nText.\n")
    return root


def test_check_at_a_site_root_follows_each_collection_of_its_schema_file(run, write, tmp_path):
    two_collections(write, tmp_path)
    ran = run("check", tmp_path)
    assert parsed(ran.out) == [
        (str(tmp_path / "content/docs/d.md"), 2, "error", "weight"),
        (str(tmp_path / "content/posts/b.md"), 2, "error", "summary"),
    ]
    assert ran.rc == 1
    # One file checked alone follows its collection too.
    alone = run("check", tmp_path / "content/docs/d.md")
    assert parsed(alone.out) == [(str(tmp_path / "content/docs/d.md"), 2, "error", "weight")]
    # One outside both is judged as the site root's check judges it: Hugo needs no date.
    outside = run("check", tmp_path / "content/notes/n.md")
    assert (outside.rc, parsed(outside.out)) == (0, [])


def test_set_and_list_follow_each_collection_of_its_schema_file(run, write, tmp_path):
    two_collections(write, tmp_path)
    # A weight is a number in docs; elsewhere the schema file does not know it: text as typed.
    refused = run("set", tmp_path, "--field", "weight=three")
    assert refused.rc == 1
    assert refused.err_lines == [
        f"post-editor: {tmp_path / 'content/docs/c.md'}: ‘three’ is not a number",
        f"post-editor: {tmp_path / 'content/docs/d.md'}: ‘three’ is not a number",
        "post-editor: changed 3 posts, 2 failed",
    ]
    assert "weight: three\n" in (tmp_path / "content/notes/n.md").read_text()
    rows = {Path(r["path"]).name: r for r in json.loads(run("list", tmp_path, "--json").out)}
    assert rows["b.md"]["errors"] == 1 and rows["n.md"]["errors"] == 0
    assert rows["d.md"]["errors"] == 1
