"""A scan judges each chunk of posts as it arrives, by a schema guessed from the posts read so
far when its collection's is inferred (see `judged_ahead`): its entries are those judging
every post at the end gives, whatever the guesses were."""

from __future__ import annotations

from pathlib import Path, PurePath

import pytest
from sitefactory import write

from editor.core.folder import bulk_read, judged_ahead
from editor.core.folder.content_folder import ContentFolder


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No site marker above tmp_path may change where the test's site starts."""
    monkeypatch.setenv("HOME", str(tmp_path.parent))


def late_field(root: Path) -> None:
    """A `date` (required once the posts use it) only from the 10th post on; `author` only
    in the last posts, past the 10% a key needs to be a field."""
    for n in range(40):
        date = "date: 2024-01-02\n" if n >= 10 else ""
        author = "author: Ana\n" if n >= 34 else ""
        write(root, f"p{n:02}.md", f"---\ntitle: Post {n}\n{date}{author}---\nx\n")


def late_type(root: Path) -> None:
    """`date` a day in the first posts, a time of day in most; `rating` a number in the first
    posts, text in most; one date not a date at all."""
    for n in range(40):
        date = "2024-01-02" if n < 12 else "2024-01-02 10:00:00"
        date = "soon" if n == 30 else date
        rating = n if n < 12 else f"good {n}"
        write(
            root,
            f"p{n:02}.md",
            f"---\ntitle: Post {n}\ndate: {date}\nrating: {rating}\n---\nx\n",
        )


def jekyll_site(root: Path) -> None:
    """Posts and pages in their own homes; a `layout` the posts gain late."""
    write(root, "_config.yml", "title: A site\ndefaults:\n  - values: {comments: true}\n")
    for n in range(30):
        layout = "layout: post\n" if n > 20 else ""
        write(
            root,
            f"_posts/2024-01-{n % 28 + 1:02}-p{n}.md",
            f"---\ntitle: P{n}\n{layout}tags: [a]\n---\nx\n",
        )
    for n in range(12):
        weight = f"weight: {n}\n" if n > 6 else "weight: heavy\n"
        write(root, f"docs/page{n}.md", f"---\nlayout: page\n{weight}---\nText.\n")


def declared(root: Path) -> None:
    """A schema file: the schema is known before any post is read."""
    write(root, ".post-editor.yaml", "fields:\n  - {name: title, required: true}\n  - summary\n")
    for n in range(25):
        title = f"title: T{n}\n" if n % 7 else ""
        write(root, f"p{n:02}.md", f"---\n{title}summary: {n}\n---\nx\n")


def scanned(root: Path, monkeypatch: pytest.MonkeyPatch, guess_from: int) -> ContentFolder:
    with monkeypatch.context() as patched:
        patched.setattr(bulk_read, "CHUNK", 3)  # many chunks, each a chance to guess
        patched.setattr(judged_ahead, "GUESS_FROM", guess_from)
        folder = ContentFolder(root)
        folder.scan()
    return folder


@pytest.mark.parametrize("make", [late_field, late_type, jekyll_site, declared])
def test_judging_ahead_gives_what_judging_at_the_end_gives(tmp_path, monkeypatch, make):
    make(tmp_path)
    ahead = scanned(tmp_path, monkeypatch, guess_from=1)  # a guess at every chunk
    at_end = scanned(tmp_path, monkeypatch, guess_from=10**9)  # never a guess
    assert ahead.entries == at_end.entries
    assert ahead.schema_source == at_end.schema_source
    for entry in at_end.entries:
        assert ahead.schema_for(entry.path) == at_end.schema_for(entry.path)


def test_posts_judged_by_a_wrong_guess_are_judged_again(tmp_path, monkeypatch):
    late_field(tmp_path)
    folder = scanned(tmp_path, monkeypatch, guess_from=1)
    # The first chunks' guess has no `date`: the final schema requires it of every post.
    assert folder.schema.field("date").required
    undated = [e.path.name for e in folder.entries if e.problems]
    assert undated == [f"p{n:02}.md" for n in range(10)]
    assert folder.entry(PurePath("p20.md")).problems == ()
