"""The tests mirror the package: a module's tests sit in the folder that mirrors its package
(tests/core/document/ for editor/core/document/), whole user stories in tests/scenarios/ (the
CLI and the core, no Qt) and tests/ui/scenarios/ (the window: pytest-qt is for tests/ui/ only).
Test files keep unique names: without __init__.py files, pytest imports each by its basename."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from paths import REPO, TESTS

STORIES = {"scenarios"}
# Test folders that mirror something other than a package of editor/.
ELSEWHERE = {"cli": REPO / "editor" / "cli.py", "benchmarks": REPO / "benchmarks"}


def all_test_files() -> list[Path]:
    return sorted(TESTS.rglob("test_*.py"))


def test_test_file_names_are_unique():
    names = Counter(path.name for path in all_test_files())
    assert [name for name, count in names.items() if count > 1] == []


def test_each_test_folder_mirrors_a_package_or_holds_stories():
    astray = []
    for path in all_test_files():
        parts = path.parent.relative_to(TESTS).parts
        if not parts or STORIES & set(parts):
            continue
        mirror = ELSEWHERE.get(parts[0]) or REPO.joinpath("editor", *parts)
        if not mirror.exists():
            astray.append(path.relative_to(TESTS).as_posix())
    assert astray == []
