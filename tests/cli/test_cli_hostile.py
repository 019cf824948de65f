"""The command line on hostile posts (issue 13): an alias bomb (point 13)."""

from __future__ import annotations

import json

from tests.hostile import alias_bomb, bounded

BOMB_ERROR = (
    "YAML error: its aliases (*name) would make it 1,513,361,284 values, mostly repeats of a"
    " few (an alias bomb)"
)


def test_check_reports_an_alias_bomb_once_with_its_line(run, write, tmp_path):
    path = write(tmp_path / "site/bomb.md", alias_bomb())
    with bounded():
        single = run("check", path)
        folder = run("check", tmp_path / "site")
    assert (single.rc, single.out) == (1, f"{path}:5: error: front matter: {BOMB_ERROR}\n")
    assert (folder.rc, folder.out) == (1, single.out)


def test_list_shows_an_alias_bomb_as_a_post_without_a_title(run, write, tmp_path):
    write(tmp_path / "site/bomb.md", alias_bomb())
    with bounded():
        ran = run("list", tmp_path / "site", "--json")
    [row] = json.loads(ran.out)
    assert (row["title"], row["tags"], row["problems"], row["errors"]) == (None, [], 1, 1)
