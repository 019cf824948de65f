"""Tests for editor/core/folder/quick_find.py: the fuzzy finder behind Ctrl+P, on a real
folder's index: what matches, and in which order."""

from __future__ import annotations

from pathlib import Path, PurePath

import pytest

from editor.core.folder.content_folder import ContentFolder
from editor.core.folder.quick_find import QuickFind, normalized, rank


def _post(root: Path, name: str, title: str, date: str, tags: list[str]) -> None:
    path = root / "posts" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"---\ntitle: {title}\ndate: {date}\ntags: [{', '.join(tags)}]\n---\nBody.\n")


@pytest.fixture
def finder(tmp_path: Path) -> QuickFind:
    _post(tmp_path, "hello-world.md", "Hello world", "2024-03-05", ["greeting"])
    _post(tmp_path, "old-hello.md", "An old hello", "2020-01-01", ["archive"])
    _post(tmp_path, "shell-words.md", "Shell tricks", "2023-06-01", ["unix", "howto"])
    _post(tmp_path, "hugo-tips.md", "Tips for Hugo", "2022-02-02", ["hugo", "web"])
    _post(tmp_path, "weekly.md", "Weekly notes", "2025-12-24", ["notes"])
    folder = ContentFolder(tmp_path)
    folder.scan()
    return QuickFind(folder.entries)


def _titles(finder: QuickFind, query: str, recent: list[str] = ()) -> list[str | None]:  # type: ignore[assignment]
    paths = [PurePath("posts", name) for name in recent]
    return [e.title for e in finder.find(query, paths)]


def test_normalized_lowercases_and_turns_separators_into_spaces() -> None:
    assert normalized("Posts/2024-03_05.MD") == "posts 2024 03 05 md"


def test_rank_orders_prefix_word_start_substring_initials_subsequence() -> None:
    hay = "\n hello world day\n"
    assert [rank(w, hay) for w in ("hel", "wor", "llo", "hwd", "hlw", "zz")] == [
        0, 1, 2, 3, 4, None,
    ]  # fmt: skip


def test_a_field_start_comes_before_a_word_start_before_a_substring(finder: QuickFind) -> None:
    # "Hello world" starts with it; "An old hello" has it at a word; "Shell" inside a word.
    assert _titles(finder, "hel") == ["Hello world", "An old hello", "Shell tricks"]


def test_finds_by_path_tag_and_date(finder: QuickFind) -> None:
    assert _titles(finder, "shell-words") == ["Shell tricks"]
    assert _titles(finder, "howto") == ["Shell tricks"]
    assert _titles(finder, "2022-02")[0] == "Tips for Hugo"  # others match fuzzily, after


def test_fuzzy_initials_find_a_title(finder: QuickFind) -> None:
    assert _titles(finder, "tfh") == ["Tips for Hugo"]
    assert _titles(finder, "wkn")[0] == "Weekly notes"


def test_every_word_must_match_somewhere(finder: QuickFind) -> None:
    assert _titles(finder, "hugo web") == ["Tips for Hugo"]
    assert _titles(finder, "hugo greeting") == []


def test_recent_use_breaks_ties_then_the_newest_first(finder: QuickFind) -> None:
    assert _titles(finder, "")[:2] == ["Weekly notes", "Hello world"]  # newest first
    assert _titles(finder, "", ["hugo-tips.md"])[0] == "Tips for Hugo"
    # A better match still wins over a recent one.
    assert _titles(finder, "hel", ["shell-words.md"])[0] == "Hello world"
    # Equal matches: the recent one first.
    assert _titles(finder, "o", ["old-hello.md"])[0] == "An old hello"


def test_typing_on_narrows_and_deleting_widens_again(finder: QuickFind) -> None:
    assert len(finder.find("h")) == 4
    assert _titles(finder, "hu") == ["Tips for Hugo"]
    assert _titles(finder, "hug") == ["Tips for Hugo"]
    assert len(finder.find("h")) == 4  # the shorter query searches everything again
    assert _titles(finder, "zzz") == []


def test_limit_cuts_the_list(finder: QuickFind) -> None:
    assert len(finder.find("", limit=2)) == 2
    assert len(finder.find("", limit=None)) == 5


def test_accents_are_found_without_them_and_with_them(tmp_path: Path) -> None:
    _post(tmp_path, "cafe.md", "Le café du coin", "2024-01-01", ["paris"])
    _post(tmp_path, "creme.md", "Crème brûlée", "2024-01-02", ["dessert"])
    folder = ContentFolder(tmp_path)
    folder.scan()
    finder = QuickFind(folder.entries)
    assert _titles(finder, "cafe") == ["Le café du coin"]
    assert _titles(finder, "brulee") == ["Crème brûlée"]
    assert _titles(finder, "CRÈME") == ["Crème brûlée"]
