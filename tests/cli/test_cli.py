"""The command line, in-process: `main([...])` for check, list, set, new and render.

Edited files are compared whole, byte for byte, against what they must hold.
"""

from __future__ import annotations

import datetime as dt
import gc
import itertools
import json
import re
from pathlib import Path

import pytest

from editor.core.document.post import Post

POST = """\
---
# kept comment
title: Old title
date: 2026-01-24
tags: [x]
draft: true
---
Body text.
"""


def post(title: str = "A post", extra: str = "", body: str = "Some text.\n") -> str:
    return f"---\ntitle: {title}\ndate: 2026-01-24\n{extra}---\n{body}"


def quoted(value: str) -> tuple[str, str]:
    """`value` as a YAML single- or double-quoted scalar: either is a fine way to keep text."""
    return "'" + value.replace("'", "''") + "'", json.dumps(value, ensure_ascii=False)


def no_traceback(ran) -> None:
    assert "Traceback" not in ran.out + ran.err


# ---- check -----------------------------------------------------------------------------------


def test_check_of_a_clean_folder_exits_0_and_prints_nothing(run, write, tmp_path):
    write(tmp_path / "site/a.md", post("A"))
    write(tmp_path / "site/sub/b.md", post("B", extra="tags: [x]\n"))
    ran = run("check", tmp_path / "site")
    assert (ran.rc, ran.out, ran.err) == (0, "", "")


def test_check_with_warnings_only_exits_0(run, write, tmp_path):
    path = write(tmp_path / "long.md", post("x" * 80))
    ran = run("check", path)
    assert ran.rc == 0
    assert re.fullmatch(rf"{re.escape(str(path))}:2: warning: title: \S.*\n", ran.out)


BAD = """\
---
title: Bad
draft: 'no'
date: 2026-01-24
tags: single
---
Body.
"""


@pytest.mark.parametrize("target", ["site", "site/bad.md"])
def test_check_errors_exit_1_one_line_each_with_the_path_as_named(
    run, write, tmp_path, monkeypatch, target
):
    write(tmp_path / "site/bad.md", BAD)
    write(tmp_path / "site/good.md", post("Good"))
    monkeypatch.chdir(tmp_path)
    ran = run("check", target)
    assert ran.rc == 1
    assert ran.err == ""
    lines = ran.out.splitlines()
    assert len(lines) == 2, ran.out
    assert re.fullmatch(r"site/bad\.md:3: error: draft: \S.*", lines[0])
    assert re.fullmatch(r"site/bad\.md:5: error: tags: \S.*", lines[1])


def test_check_of_several_paths_reports_all_of_them(run, write, tmp_path):
    one = write(tmp_path / "one.md", BAD)
    two = write(tmp_path / "two.md", post("Two", extra="source: nowhere\n"))
    ran = run("check", one, two)
    assert ran.rc == 1
    assert [line.split(":")[0] for line in ran.out.splitlines()] == [str(one)] * 2 + [str(two)]


def test_check_of_a_broken_post_reports_the_yaml_error_line(run, write, tmp_path):
    path = write(tmp_path / "p.md", "---\ntitle: T\ndate: 2026-01-24\nauthor: a: b\n---\nx\n")
    ran = run("check", path)
    assert ran.rc == 1
    assert re.fullmatch(rf"{re.escape(str(path))}:4: error: [^:]+: .*YAML.*\n", ran.out)


@pytest.mark.parametrize("args", [["nope.md"], ["nope"], ["site", "nope.md"]])
def test_check_of_a_missing_path_exits_2_with_one_line(run, write, tmp_path, monkeypatch, args):
    write(tmp_path / "site/a.md", post())
    monkeypatch.chdir(tmp_path)
    ran = run("check", *args)
    assert ran.rc == 2
    assert len(ran.err_lines) == 1 and "nope" in ran.err, ran.err
    no_traceback(ran)


def test_check_json_holds_each_problem(run, write, tmp_path):
    bad = write(tmp_path / "site/bad.md", BAD)
    write(tmp_path / "site/good.md", post("Good", extra="tags: [Ai, ai]\n"))
    ran = run("check", tmp_path / "site", "--json")
    assert ran.rc == 1
    problems = json.loads(ran.out)
    assert all(set(p) >= {"path", "line", "field", "severity", "message"} for p in problems)
    assert [(p["path"], p["line"], p["field"], p["severity"]) for p in problems] == [
        (str(bad), 3, "draft", "error"),
        (str(bad), 5, "tags", "error"),
        (str(tmp_path / "site/good.md"), 4, "tags", "warning"),
    ]
    assert all(isinstance(p["message"], str) and p["message"] for p in problems)


def test_check_json_of_a_clean_folder_is_an_empty_list(run, write, tmp_path):
    write(tmp_path / "a.md", post())
    ran = run("check", tmp_path, "--json")
    assert ran.rc == 0
    assert json.loads(ran.out) == []


def test_check_reports_a_broken_schema_file_with_its_line(run, write, tmp_path):
    write(
        tmp_path / "site/.post-editor.yaml", "fields:\n  - {name: title}\n  - {name: x, type: y}\n"
    )
    write(tmp_path / "site/a.md", post())
    ran = run("check", tmp_path / "site")
    assert ran.rc == 1
    assert re.fullmatch(
        rf"{re.escape(str(tmp_path / 'site/.post-editor.yaml'))}:3: error: .*\n", ran.out
    )


def test_check_without_a_path_is_a_usage_error(run):
    ran = run("check")
    assert ran.rc == 2
    no_traceback(ran)


# ---- list ------------------------------------------------------------------------------------


def problem_count(value: object) -> int:
    """`problems` as a count, or the list of them."""
    return len(value) if isinstance(value, list) else value  # type: ignore[return-value]


def test_list_json_has_the_index_fields(run, write, tmp_path):
    site = tmp_path / "site"
    write(site / "a.md", post("Alpha", extra="tags: [x, y]\ncategory: News\ndraft: true\n"))
    write(site / "b/index.md", "---\ntitle: Beta\npubDate: 2025-12-31\n---\nb\n")
    write(site / "broken.md", "---\ntitle: [unclosed\n---\nx\n")
    ran = run("list", site, "--json")
    assert (ran.rc, ran.err) == (0, "")
    rows = json.loads(ran.out)
    fields = {"path", "title", "date", "category", "tags", "draft", "problems"}
    assert all(fields <= set(row) for row in rows)
    by_path = {row["path"]: row for row in rows}
    assert sorted(by_path) == [
        str(site / "a.md"),
        str(site / "b/index.md"),
        str(site / "broken.md"),
    ]
    alpha = by_path[str(site / "a.md")]
    assert {k: alpha[k] for k in fields - {"problems"}} == {
        "path": str(site / "a.md"),
        "title": "Alpha",
        "date": "2026-01-24",
        "category": "News",
        "tags": ["x", "y"],
        "draft": True,
    }
    assert problem_count(alpha["problems"]) == 0
    beta = by_path[str(site / "b/index.md")]
    assert (beta["title"], beta["date"], beta["tags"], beta["draft"]) == (
        "Beta",
        "2025-12-31",
        [],
        False,
    )
    broken = by_path[str(site / "broken.md")]
    assert broken["title"] is None
    assert problem_count(broken["problems"]) == 1


def test_list_prints_one_line_per_post(run, write, tmp_path):
    write(tmp_path / "a.md", post("Alpha"))
    write(tmp_path / "b.md", post("Beta", extra="draft: true\n"))
    ran = run("list", tmp_path)
    assert ran.rc == 0
    lines = ran.out.splitlines()
    assert len(lines) == 2
    assert "Alpha" in lines[0] and "2026-01-24" in lines[0]
    assert "Beta" in lines[1] and "draft" in lines[1]


@pytest.mark.parametrize("given", [".", "./site", "site/", "site//b/.."])
def test_list_json_paths_are_the_folder_as_given_joined_with_each_post(
    run, write, tmp_path, monkeypatch, given
):
    write(tmp_path / "site/b/c.md", post("Gamma"))
    monkeypatch.chdir(tmp_path / "site" if given == "." else tmp_path)
    ran = run("list", given, "--json")
    assert ran.rc == 0
    assert [row["path"] for row in json.loads(ran.out)] == [str(Path(given) / "b/c.md")]


def test_list_leaves_the_cycle_collector_on(run, write, tmp_path):
    write(tmp_path / "a.md", post("Alpha"))
    assert run("list", tmp_path).rc == 0
    assert gc.isenabled()
    assert run("list", tmp_path / "nope").rc == 2
    assert gc.isenabled()


@pytest.mark.parametrize("name", ["nope", "a.md"])
def test_list_of_a_missing_folder_or_a_file_exits_2(run, write, tmp_path, name):
    write(tmp_path / "a.md", post())
    ran = run("list", tmp_path / name)
    assert ran.rc == 2
    assert len(ran.err_lines) == 1 and name in ran.err
    no_traceback(ran)


# ---- set: one file ---------------------------------------------------------------------------


@pytest.mark.parametrize("value", ["Hello: world", "123", "yes", "2026-01-24", "[not, a list]"])
def test_set_a_text_field_keeps_the_value_as_text_and_only_its_line_changes(
    run, write, tmp_path, value
):
    path = write(tmp_path / "p.md", POST)
    ran = run("set", path, "--field", f"title={value}")
    assert ran.rc == 0, ran.err
    assert path.read_text(encoding="utf-8") in {
        POST.replace("title: Old title", f"title: {q}") for q in quoted(value)
    }
    assert Post.read(path).values["title"] == value


def test_set_reads_lists_and_booleans_as_yaml(run, write, tmp_path):
    path = write(tmp_path / "p.md", POST)
    ran = run("set", path, "--field", "tags=[a, b]", "--field", "draft=false")
    assert ran.rc == 0, ran.err
    expected = POST.replace("tags: [x]", "tags: [a, b]").replace("draft: true", "draft: false")
    assert path.read_text(encoding="utf-8") == expected
    values = Post.read(path).values
    assert values["tags"] == ["a", "b"]
    assert values["draft"] is False


def test_set_a_new_field_adds_one_line_and_keeps_the_rest(run, write, tmp_path):
    path = write(tmp_path / "p.md", POST)
    ran = run("set", path, "--field", "author=Ann Lee")
    assert ran.rc == 0, ran.err
    text = path.read_text(encoding="utf-8")
    assert text.splitlines().count("author: Ann Lee") == 1
    assert [line for line in text.splitlines() if line != "author: Ann Lee"] == POST.splitlines()


def test_unset_removes_only_that_fields_lines(run, write, tmp_path):
    original = POST.replace("tags: [x]", "tags:\n  - x\n  - y")
    path = write(tmp_path / "p.md", original)
    ran = run("set", path, "--unset", "tags")
    assert ran.rc == 0, ran.err
    assert path.read_text(encoding="utf-8") == original.replace("tags:\n  - x\n  - y\n", "")


def test_unset_of_an_absent_field_leaves_the_file_alone(run, write, tmp_path):
    path = write(tmp_path / "p.md", POST)
    ran = run("set", path, "--unset", "subtitle")
    assert ran.rc == 0
    assert path.read_bytes() == POST.encode()


def test_dry_run_prints_a_unified_diff_and_writes_nothing(run, write, tmp_path):
    path = write(tmp_path / "p.md", POST)
    before = path.stat().st_mtime_ns
    ran = run("set", path, "--field", "title=New title", "--dry-run")
    assert ran.rc == 0, ran.err
    assert path.read_bytes() == POST.encode()
    assert path.stat().st_mtime_ns == before
    lines = ran.out.splitlines()
    assert lines[0].startswith("--- ") and lines[0].endswith("p.md")
    assert lines[1].startswith("+++ ") and lines[1].endswith("p.md")
    assert lines[2].startswith("@@ ")
    assert [line for line in lines[2:] if line[:1] in "+-"] == [
        "-title: Old title",
        "+title: New title",
    ]
    # The rest of the hunk is context, exactly as in the file.
    context = [line[1:] for line in lines[3:] if line.startswith(" ")]
    assert all(line in POST.splitlines() for line in context)


@pytest.mark.parametrize(
    ("field", "value"), [("draft", "maybe"), ("source", "not a url"), ("date", "someday")]
)
def test_set_refuses_a_value_that_does_not_fit_its_field(run, write, tmp_path, field, value):
    path = write(tmp_path / "p.md", POST)
    ran = run("set", path, "--field", f"{field}={value}")
    assert ran.rc == 1
    assert path.read_bytes() == POST.encode()
    assert len([line for line in ran.err_lines if str(path) in line]) == 1
    no_traceback(ran)


@pytest.mark.parametrize("args", [[], ["--field", "no-equals-sign"], ["--field", "=x"]])
def test_set_with_nothing_to_do_or_a_bad_assignment_changes_nothing(run, write, tmp_path, args):
    path = write(tmp_path / "p.md", POST)
    ran = run("set", path, *args)
    assert ran.rc in (1, 2)
    assert path.read_bytes() == POST.encode()
    assert ran.err.strip()
    no_traceback(ran)


# ---- set: many files -------------------------------------------------------------------------


def test_set_over_a_folder_edits_the_good_posts_and_leaves_a_broken_one(run, write, tmp_path):
    site = tmp_path / "site"
    a = write(site / "a.md", post("A"))
    b = write(site / "sub/b.md", post("B", extra="tags: [x]\n"))
    broken_text = "---\ntitle: Broken\ndate: 2026-01-24\nauthor: a: b\n---\nBody\n"
    broken = write(site / "broken.md", broken_text)
    ran = run("set", site, "--field", "author=Ann")
    assert ran.rc == 1
    assert a.read_text(encoding="utf-8") == post("A", extra="author: Ann\n")
    assert b.read_text(encoding="utf-8") == post("B", extra="tags: [x]\nauthor: Ann\n")
    assert broken.read_bytes() == broken_text.encode()
    naming = [line for line in ran.err_lines if "broken.md" in line]
    assert len(naming) == 1, ran.err
    assert not any(n in ran.err for n in ("a.md", "b.md"))
    no_traceback(ran)


ODD_FILES: dict[str, bytes] = {
    "crlf.md": b"---\r\ntitle: CRLF\r\ndate: 2026-01-24\r\n---\r\nBody\r\n",
    "bom.md": "\ufeff---\ntitle: BOM\ndate: 2026-01-24\n---\nBody\n".encode(),
    "bom-crlf.md": "\ufeff---\r\ntitle: Both\r\ndate: 2026-01-24\r\n---\r\nBody\r\n".encode(),
    "mixed.md": b"---\r\ntitle: Mixed\ndate: 2026-01-24\r\n---\nBody\r\nmore\n",
    "no-final-newline.md": b"---\ntitle: No final\ndate: 2026-01-24\n---\nBody, no newline",
    "closing-only.md": b"---\ntitle: Closing\ndate: 2026-01-24\n---",
    "comments.md": (
        b"---\n# leading comment\ntitle: Comments   # trailing comment\n\n"
        b"date: 2026-01-24\nexcerpt: >-\n  folded\n  text\ntags:\n  - a   # why a\n  - b\n"
        b"# closing comment\n---\n\nBody\n"
    ),
    "unicode.md": "---\ntitle: Café Noël ✓\ndate: 2026-01-24\n---\nÉté\n".encode(),
    # No front matter: the block `set` adds goes again with its last field (Jekyll copies
    # such a file as it is, and renders one with a block, even an empty one).
    "no-front-matter.md": b"# Just Markdown\n\nNo front matter at all.\n",
    "no-front-matter-bom-crlf.md": "\ufeff# Notes\r\n\r\nWritten on Windows.\r\n".encode(),
    "empty.md": b"",
    # An empty block kept on purpose (a Jekyll page): it stays.
    "empty-front-matter.md": b"---\n---\nA page Jekyll renders.\n",
}


def test_set_then_unset_of_a_new_key_gives_back_every_file(run, write, tmp_path):
    site = tmp_path / "site"
    for name, data in ODD_FILES.items():
        write(site / name, data)
    ran = run("set", site, "--field", "newKey=hello")
    assert ran.rc == 0, ran.err
    for name, data in ODD_FILES.items():
        edited = (site / name).read_bytes()
        assert edited != data, name
        assert edited.count(b"newKey: hello") == 1, name
        assert edited.startswith(b"\xef\xbb\xbf") == data.startswith(b"\xef\xbb\xbf"), name
    assert b"newKey: hello\r\n" in (site / "crlf.md").read_bytes()
    assert b"\n" not in (site / "crlf.md").read_bytes().replace(b"\r\n", b"")
    ran = run("set", site, "--unset", "newKey")
    assert ran.rc == 0, ran.err
    for name, data in ODD_FILES.items():
        assert (site / name).read_bytes() == data, name


MERGED = """\
---
base: &base
  author: Anna
<<: *base
title: Merged
---
Body
"""


def test_set_of_a_merged_key_overrides_it_and_leaves_the_merged_mapping(run, write, tmp_path):
    path = write(tmp_path / "p.md", MERGED)
    ran = run("set", path, "--field", "author=Zoe")
    assert ran.rc == 0, ran.err
    assert path.read_text(encoding="utf-8") == MERGED.replace(
        "title: Merged\n", "title: Merged\nauthor: Zoe\n"
    )
    values = Post.read(path).values
    assert (values["author"], values["base"]) == ("Zoe", {"author": "Anna"})


def test_unset_of_a_merged_key_is_refused_with_the_merge_line(run, write, tmp_path):
    path = write(tmp_path / "p.md", MERGED)
    ran = run("set", path, "--unset", "author")
    assert ran.rc == 1
    assert path.read_bytes() == MERGED.encode()
    (line,) = [x for x in ran.err_lines if "p.md" in x]
    assert line.startswith(f"post-editor: {path}:4: ") and "`<<:` merge on line 4" in line
    no_traceback(ran)


def test_set_of_a_missing_path_exits_2_with_one_line(run, write, tmp_path):
    ran = run("set", tmp_path / "nope.md", "--field", "title=x")
    assert ran.rc == 2
    assert len(ran.err_lines) == 1 and "nope.md" in ran.err
    no_traceback(ran)


# ---- new -------------------------------------------------------------------------------------


def today_iso_choices() -> set[str]:
    """Today, and tomorrow in case the test runs across midnight."""
    today = dt.date.today()
    return {today.isoformat(), (today + dt.timedelta(days=1)).isoformat()}


def new_post_text(title: str, day: str) -> str:
    # An empty first body line, as the window's New Post makes too (one core function).
    return f"---\ntitle: {title}\ndate: '{day}'\n---\n\n"


def test_new_creates_slug_md_with_title_and_quoted_date_and_prints_its_path(run, tmp_path):
    ran = run("new", tmp_path, "--title", "My first post")
    assert ran.rc == 0, ran.err
    path = tmp_path / "my-first-post.md"
    assert ran.out == f"{path}\n"
    assert path.read_text(encoding="utf-8") in {
        new_post_text("My first post", day) for day in today_iso_choices()
    }


def test_new_writes_its_date_as_the_posts_beside_it_do(run, write, tmp_path):
    """The existing post's date is unquoted: so is the new one's (issue 16)."""
    site = tmp_path / "site"
    write(site / "existing.md", post("Existing"))
    ran = run("new", site, "--title", "My first post")
    assert ran.rc == 0, ran.err
    assert (site / "my-first-post.md").read_text(encoding="utf-8") in {
        f"---\ntitle: My first post\ndate: {day}\n---\n\n" for day in today_iso_choices()
    }


def test_new_never_overwrites(run, write, tmp_path):
    first = run("new", tmp_path, "--title", "Same title")
    assert first.rc == 0
    path = Path(first.out.strip())
    path.write_text(new_post_text("Same title", "2000-01-01") + "Written by hand.\n")
    kept = path.read_bytes()
    second = run("new", tmp_path, "--title", "Same title")
    assert second.rc == 0
    assert Path(second.out.strip()) == tmp_path / "same-title-2.md"
    assert path.read_bytes() == kept
    assert (tmp_path / "same-title-2.md").is_file()


@pytest.mark.parametrize("title", ["../../etc/passwd", "/etc/passwd", "..", "a/../../b"])
def test_new_keeps_a_path_like_title_inside_the_folder(run, tmp_path, title):
    site = tmp_path / "deep/site"
    site.mkdir(parents=True)
    ran = run("new", site, "--title", title)
    assert ran.rc == 0, ran.err
    path = Path(ran.out.strip())
    assert path.parent == site
    assert path.resolve().is_relative_to(site.resolve())
    assert sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*")) == [
        "deep",
        "deep/site",
        f"deep/site/{path.name}",
    ]
    assert Post.read(path).values["title"] == title


def test_new_follows_the_folders_date_naming(run, write, tmp_path):
    write(tmp_path / "2026-01-01-one.md", post("One"))
    write(tmp_path / "2026-01-02-two.md", post("Two"))
    ran = run("new", tmp_path, "--title", "Three")
    assert ran.rc == 0, ran.err
    assert Path(ran.out.strip()).name in {f"{day}-three.md" for day in today_iso_choices()}


def test_new_with_fields(run, tmp_path):
    ran = run("new", tmp_path, "--title", "Tagged", "--field", "tags=[a, b]")
    assert ran.rc == 0, ran.err
    values = Post.read(Path(ran.out.strip())).values
    assert (values["title"], values["tags"]) == ("Tagged", ["a", "b"])


@pytest.mark.parametrize(
    ("schema", "line"),
    [
        (b"fields:\n  - {name: title}\n  - {name: x, type: y}\nnaming: '{date}-{slug}.md'\n", 3),
        (b"fields: [\n", 2),  # not YAML
        (b"fields:\n  - {name: title}\nnaming: '{date}-{slug}.md'\n# caf\xe9\n", None),
    ],
)
def test_new_with_a_schema_file_that_cannot_be_read_says_so_and_writes_nothing(
    run, write, tmp_path, schema, line
):
    # The schema file says how new posts are named and what they hold: a post made without it
    # (`three.md` where the site wants `2026-01-24-three.md`) would be a wrong file to clean up.
    schema_file = write(tmp_path / ".post-editor.yaml", schema)
    before = sorted(tmp_path.iterdir())
    checked = run("check", tmp_path)
    ran = run("new", tmp_path, "--title", "Three")
    assert ran.rc == 2
    assert ran.out == ""
    assert sorted(tmp_path.iterdir()) == before
    (said,) = ran.err_lines
    where = f"{schema_file}:{line}:" if line else f"{schema_file}:"
    assert said.startswith(f"post-editor: {where}") and "no post was made" in said
    # the same problem `check` reports
    message = checked.out.splitlines()[0].split(": error: .post-editor.yaml: ", 1)[1]
    assert message in said
    no_traceback(ran)


def test_set_on_a_folder_whose_schema_file_cannot_be_read_says_so_and_changes_nothing(
    run, write, tmp_path
):
    # `set FOLDER` reads values by the schema's field types, as `set FILE` and `new` do: with
    # the built-in shape instead, `draft=no` could become text where the schema wants a boolean.
    schema_file = write(tmp_path / ".post-editor.yaml", "fields:\n  - {name: title, type: nope}\n")
    post = write(tmp_path / "a.md", "---\ntitle: A\n---\nText.\n")
    before = post.read_bytes()
    ran = run("set", tmp_path, "--field", "author=Z")
    assert ran.rc == 2
    (said,) = ran.err_lines
    assert said.startswith(f"post-editor: {schema_file}:")
    assert post.read_bytes() == before
    no_traceback(ran)


def test_new_in_a_missing_folder_exits_2(run, tmp_path):
    ran = run("new", tmp_path / "nope", "--title", "x")
    assert ran.rc == 2
    assert len(ran.err_lines) == 1
    assert not (tmp_path / "nope").exists()
    no_traceback(ran)


# ---- render ----------------------------------------------------------------------------------


def test_render_prints_html_with_the_title_escaped(run, write, tmp_path):
    title = 'Fish & <Chips> "today"'
    path = write(
        tmp_path / "p.md",
        f"---\ntitle: '{title}'\ndate: 2026-01-24\n---\n## A heading\n\nSome *text*.\n",
    )
    ran = run("render", path)
    assert ran.rc == 0, ran.err
    html = ran.out
    assert html.lstrip().lower().startswith("<!doctype html>")
    assert "Fish &amp; &lt;Chips&gt; &quot;today&quot;" in html
    assert "<Chips>" not in html
    assert re.search(r"<h2[ >]", html)
    assert "<em>text</em>" in html


def test_render_of_broken_front_matter_prints_the_body_and_the_error_and_exits_1(
    run, write, tmp_path
):
    path = write(tmp_path / "p.md", "---\ntitle: [unclosed\n---\n# Still here\n")
    ran = run("render", path)
    assert ran.rc == 1
    assert re.search(r"<h1[ >]", ran.out) and "Still here" in ran.out
    assert len(ran.err_lines) == 1 and "p.md:3" in ran.err and "YAML error" in ran.err
    no_traceback(ran)


def test_render_standalone_inlines_the_dark_theme_and_embeds_a_local_picture(run, write, tmp_path):
    write(tmp_path / ".git" / "HEAD", "ref: refs/heads/main\n")  # the site: tmp_path
    write(tmp_path / "img" / "a.png", b"\x89PNG picture")
    path = write(tmp_path / "p.md", "---\ntitle: T\n---\n![a picture](img/a.png)\n")
    ran = run("render", path, "--standalone")
    assert ran.rc == 0, ran.err
    assert "@media (prefers-color-scheme: dark)" in ran.out
    assert 'src="data:image/png;base64,' in ran.out and "img/a.png" not in ran.out


def test_render_of_a_missing_file_exits_2(run, tmp_path):
    ran = run("render", tmp_path / "nope.md")
    assert ran.rc == 2
    assert len(ran.err_lines) == 1 and "nope.md" in ran.err
    no_traceback(ran)


# ---- hostile YAML ----------------------------------------------------------------------------


def command(name: str, path: Path) -> list[object]:
    return {
        "check": ["check", path],
        "check-folder": ["check", path.parent],
        "list": ["list", path.parent, "--json"],
        "set": ["set", path, "--field", "author=x"],
        "render": ["render", path],
    }[name]


COMMANDS = ["check", "check-folder", "list", "set", "render"]


@pytest.mark.parametrize("key", ["title", "tags", "author"])
@pytest.mark.parametrize("name", COMMANDS)
def test_a_python_tag_runs_nothing(run, write, tmp_path, name, key):
    marker = tmp_path / "pwned"
    path = write(
        tmp_path / "site/evil.md",
        f"---\ntitle: T\ndate: 2026-01-24\n"
        f'{key}: !!python/object/apply:os.system ["touch {marker}"]\n---\nBody\n',
    )
    original = path.read_bytes()
    ran = run(*command(name, path))
    assert not marker.exists()
    assert path.read_bytes() == original
    no_traceback(ran)
    if name.startswith("check"):
        assert ran.rc == 1 and "evil.md:4: error:" in ran.out
    elif name == "list":
        (row,) = json.loads(ran.out)
        assert problem_count(row["problems"]) >= 1
    elif name == "set":
        assert ran.rc == 1 and len([x for x in ran.err_lines if "evil.md" in x]) == 1


def billion_laughs(key: str, levels: int = 6) -> str:
    """A post where `key` expands to 9**levels strings through aliases (a few hundred bytes)."""
    names = "abcdefghij"[:levels]
    lines = [
        "---",
        "title: Bomb",
        "date: 2026-01-24",
        "l0: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]",
    ]
    for prev, cur in itertools.pairwise(names):
        lines.append(f"l{cur}: &{cur} [" + ", ".join([f"*{prev}"] * 9) + "]")
    lines = [line for line in lines if not line.startswith(f"{key}:")]
    lines.append(f"{key}: *{names[-1]}")
    return "\n".join([*lines, "---", "Body", ""])


@pytest.mark.parametrize("key", ["title", "tags", "excerpt"])
@pytest.mark.parametrize("name", COMMANDS)
def test_a_yaml_bomb_is_not_expanded(run, write, tmp_path, name, key):
    # 9**6 = 531,441 strings if expanded: small enough not to hang a broken build, large
    # enough that any expansion shows. A real bomb has 9 or 10 levels (billions of strings).
    path = write(tmp_path / "site/bomb.md", billion_laughs(key))
    original = path.read_bytes()
    ran = run(*command(name, path))
    assert ran.rc in (0, 1)
    no_traceback(ran)
    assert len(ran.out) + len(ran.err) < 20_000, (
        f"{name} printed {len(ran.out) + len(ran.err):,} characters: the aliases were expanded"
    )
    if name == "set":
        assert path.read_bytes() == original or b"author: x" in path.read_bytes()


def test_list_json_is_written_as_json_dumps_writes_it(run, write, tmp_path):
    # Made as text for speed: each value must still come out as `json.dumps` writes it.
    write(
        tmp_path / "odd.md",
        '---\ntitle: "Quote \\" back\\\\slash \\t tab \\u0001 é 😀"\ndate: 2024-05-01\n'
        'tags: ["a\\"b", ü, 3]\ncategories: [x, y]\ndraft: true\nlang: fr\n---\nx\n',
    )
    write(tmp_path / "plain.md", "---\ntitle: 12\n---\nx\n")
    write(tmp_path / "bare.md", "no front matter\n")
    ran = run("list", tmp_path, "--json")
    assert ran.rc == 0
    rows = json.loads(ran.out)
    assert ran.out == json.dumps(rows, ensure_ascii=False) + "\n"
    odd = next(row for row in rows if row["path"].endswith("odd.md"))
    assert (odd["title"], odd["tags"], odd["draft"]) == (
        'Quote " back\\slash \t tab \x01 é 😀',
        ['a"b', "ü", "3"],
        True,
    )
