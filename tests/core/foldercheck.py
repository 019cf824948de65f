"""Helpers of the folder-wide check tests (not a test module): a Hugo site to check, one
check run over a folder, and its problems in brief."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sitefactory import site, write

from editor.core.folder.checks import check_site
from editor.core.folder.content_folder import ContentFolder
from editor.core.schema.validation import Problem

TODAY = dt.date(2026, 6, 1)


def hugo(root: Path, files: dict[str, str | bytes]) -> Path:
    """A Hugo site at `root` whose content folder `content/posts` holds `files`; returns it."""
    write(root, "hugo.toml", "title = 'A site'\n")
    return site(root / "content/posts", files)


def check(folder: Path, today: dt.date = TODAY) -> list[Problem]:
    """The folder-wide problems of `folder`, scanned first, as of `today`."""
    content = ContentFolder(folder)
    content.scan()
    return check_site(content, today)


def brief(problems: list[Problem], root: Path) -> list[tuple[str, int, str, str]]:
    """(path relative to `root`, line, field, severity) of each problem."""
    return [
        (p.path.relative_to(root).as_posix(), p.line, p.field, p.severity)
        for p in problems
        if p.path
    ]
