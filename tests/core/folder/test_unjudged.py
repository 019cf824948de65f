"""A scan tells its posts chunk by chunk as it reads them, judged when their collection's
schema is known or guessed, else unjudged (see `unjudged`, `judged_ahead`)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path, PurePath

from sitefactory import write

from editor.core.folder import ContentFolder
from editor.core.folder.judged_ahead import GUESS_FROM
from editor.core.folder.unjudged import Unjudged


def posts_and_two_odd_ones(root: Path, count: int) -> None:
    """`count` plain posts, one whose YAML is broken and a draft with a bad date."""
    for n in range(count):
        write(root, f"p{n:03}.md", f"---\ntitle: Post {n}\ndate: 2026-01-02\ntags: [a]\n---\nx\n")
    write(root, "bad.md", "---\ntitle: [unclosed\n---\nbody\n")
    write(root, "draft.md", "---\ntitle: D\ndraft: true\ndate: nope\n---\nbody\n")


def test_a_scan_lists_each_chunk_judged_when_its_collection_is_guessed(tmp_path):
    # past two chunks of `bulk_read.CHUNK`, each past `GUESS_FROM`
    posts_and_two_odd_ones(tmp_path, 450)
    told: list[list] = []
    entries = ContentFolder(tmp_path).scan(partial=told.append)
    assert len(told) == 3 and len(told[0]) < len(entries)
    listed = {e.path: e for chunk in told for e in chunk}
    assert all(e.judged for e in listed.values())
    # The guess was the schema all the posts give: each is listed as the scan ends with it.
    assert listed == {e.path: e for e in entries}
    assert listed[PurePath("bad.md")].problems and listed[PurePath("draft.md")].draft


def test_posts_waiting_for_their_collections_guess_are_listed_unjudged(tmp_path):
    posts_and_two_odd_ones(tmp_path, GUESS_FROM - 50)
    told: list[list] = []
    entries = ContentFolder(tmp_path).scan(partial=told.append)
    unjudged = [e for chunk in told for e in chunk]
    assert unjudged and all(type(e) is Unjudged and not e.judged for e in unjudged)
    assert not any(type(e) is Unjudged for e in entries)
    assert sorted(e.path for e in unjudged) == [e.path for e in entries]
    first = next(e for e in unjudged if e.path == PurePath("p007.md"))
    assert (first.title, first.date, first.tags) == ("Post 7", dt.date(2026, 1, 2), ("a",))
    assert not any(e.problems for e in unjudged)  # no alarm before the judging
    judged = {e.path: e for e in entries}
    assert judged[PurePath("bad.md")].problems and judged[PurePath("draft.md")].draft


def test_a_rescan_tells_only_the_posts_it_reads_again(tmp_path):
    for n in range(3):
        write(tmp_path, f"p{n}.md", f"---\ntitle: Post {n}\n---\nx\n")
    folder = ContentFolder(tmp_path)
    folder.scan()
    write(tmp_path, "p1.md", "---\ntitle: Changed\n---\nlonger body\n")
    told: list[list] = []
    folder.scan(partial=told.append)
    assert [[e.title for e in chunk] for chunk in told] == [["Changed"]]
