"""`post-editor set` on a Hugo site whose posts have TOML (`+++`) front matter: each edit
rewrites only its own line, and a key added then removed gives back the file's bytes."""

from __future__ import annotations

import datetime as dt
import difflib

from editor.core.document.post import Post

POST = """\
+++
title = "Old title"  # the list shows it
date = 2024-01-02T03:04:05Z
tags = ["go", 'hugo']
draft = false

[params]
toc = true
+++

Body.
"""


def site(tmp_path, write):
    write(tmp_path / "hugo.toml", 'baseURL = "https://example.org/"\ntitle = "Site"\n')
    return write(tmp_path / "content" / "posts" / "first.md", POST)


def diff_lines(old: str, new: str) -> list[str]:
    return [
        line
        for line in difflib.unified_diff(old.splitlines(), new.splitlines(), n=0, lineterm="")
        if line[:1] in "+-" and not line.startswith(("+++ ", "--- "))
    ]


def test_set_on_a_toml_post_changes_only_that_line(run, write, tmp_path):
    path = site(tmp_path, write)
    ran = run("set", path, "--field", "title=A new title: with a colon")
    assert ran.rc == 0, ran.err
    assert diff_lines(POST, path.read_text(encoding="utf-8")) == [
        '-title = "Old title"  # the list shows it',
        '+title = "A new title: with a colon"  # the list shows it',
    ]


def test_set_of_a_date_and_a_list_keeps_toml_types_and_styles(run, write, tmp_path):
    path = site(tmp_path, write)
    ran = run("set", path, "--field", "date=2025-06-07T08:09:10Z", "--field", "tags=[go, web]")
    assert ran.rc == 0, ran.err
    assert diff_lines(POST, path.read_text(encoding="utf-8")) == [
        "-date = 2024-01-02T03:04:05Z",
        "-tags = [\"go\", 'hugo']",
        "+date = 2025-06-07T08:09:10Z",
        '+tags = ["go", "web"]',
    ]
    values = Post.read(path).values
    assert values["date"] == dt.datetime(2025, 6, 7, 8, 9, 10, tzinfo=dt.UTC)


def test_set_then_unset_of_a_new_key_on_a_folder_gives_back_the_bytes(run, write, tmp_path):
    path = site(tmp_path, write)
    assert run("set", tmp_path, "--field", "probe=1").rc == 0
    added = path.read_text(encoding="utf-8")
    assert diff_lines(POST, added) == ["+probe = 1"]
    assert added.index("probe = 1") < added.index("[params]")
    assert run("set", tmp_path, "--unset", "probe").rc == 0
    assert path.read_bytes() == POST.encode()


def test_set_on_json_front_matter_is_refused_with_the_reason(run, write, tmp_path):
    text = '{\n  "title": "JSON"\n}\nBody.\n'
    path = write(tmp_path / "json.md", text)
    ran = run("set", path, "--field", "title=New")
    assert ran.rc != 0
    assert "JSON front matter" in ran.err
    assert path.read_text(encoding="utf-8") == text
    listed = run("list", tmp_path)
    assert "JSON" in listed.out
