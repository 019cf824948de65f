"""Where a folder's new posts go: a path from a naming pattern (`post_path`: never overwriting
anything, never leaving the content folder), and the naming convention a folder's posts follow
(`detect_naming`). The patterns themselves are `editor.core.schema.naming`'s.
"""

from __future__ import annotations

import datetime
import os
import re
from collections import Counter
from collections.abc import Iterable
from pathlib import Path, PurePath

from editor.core.errors import PostError
from editor.core.schema import DEFAULT_NAMING, PLACEHOLDER, POST_EXTENSIONS, naming_problem
from editor.core.storage import slugify

_MAX_DUPLICATES = 10_000
_DATED_NAME = re.compile(r"^\d{4}-\d{2}-\d{2}-")


def post_path(
    root: Path, naming: str, title: str, date: datetime.date, slug: str | None = None
) -> Path:
    """The path of a new post titled `title` under `root`, following the pattern `naming`;
    `slug` is the title's slug by the site's rule (else our ASCII one).

    Placeholders: {slug}, {date} (YYYY-MM-DD), {year}, {month}, {day}. An existing file, or an
    existing folder for patterns like "{slug}/index.md", is never reused: the slug gets "-2",
    "-3"... instead. Raises PostError when the pattern is malformed or leads outside `root`.
    """
    parts = _pattern_parts(root, naming)
    slug_dir = next(i for i, part in enumerate(parts) if "{slug}" in part)
    values = {
        "date": f"{date.year:04d}-{date.month:02d}-{date.day:02d}",
        "year": f"{date.year:04d}",
        "month": f"{date.month:02d}",
        "day": f"{date.day:02d}",
    }
    base = slug or slugify(title)
    for n in range(1, _MAX_DUPLICATES + 1):
        values["slug"] = base if n == 1 else f"{base}-{n}"
        filled = [PLACEHOLDER.sub(lambda m: values[m.group(1)], part) for part in parts]
        candidate = root.joinpath(*filled)
        owned = root.joinpath(*filled[: slug_dir + 1])
        if not os.path.lexists(candidate) and not os.path.lexists(owned):
            _check_inside(root, candidate)
            return candidate
    raise PostError(f'too many posts named "{base}" already', root)


def _pattern_parts(root: Path, naming: str) -> list[str]:
    """The path components of a naming pattern, checked by `naming_problem`."""
    problem = naming_problem(naming)
    if problem is not None:
        raise PostError(problem, root)
    return [part for part in naming.replace("\\", "/").split("/") if part != "."]


def _check_inside(root: Path, candidate: Path) -> None:
    """Raise PostError unless `candidate` resolves (symlinks followed) strictly inside `root`."""
    real_root = root.resolve()
    real = candidate.resolve()
    if real == real_root or not real.is_relative_to(real_root):
        raise PostError(f"a new post would be written outside the folder: {real}", root)


def detect_naming(relative_paths: Iterable[PurePath]) -> str:
    """The naming pattern most of a folder's posts follow, from their paths relative to the root.

    "{slug}/index.md" when most posts are an index file in their own folder, "{date}-{slug}.md"
    when most file names start with a date, else "{slug}.md"; with the extension most of those
    posts use. No posts gives "{slug}.md".
    """
    paths = [PurePath(p) for p in relative_paths]
    if not paths:
        return DEFAULT_NAMING
    bundles = [p for p in paths if p.stem.lower() == "index" and len(p.parts) >= 2]
    dated = [p for p in paths if _DATED_NAME.match(p.name)]
    if len(bundles) * 2 > len(paths):
        return "{slug}/index" + _common_extension(bundles)
    if len(dated) * 2 > len(paths):
        return "{date}-{slug}" + _common_extension(dated)
    return "{slug}" + _common_extension(paths)


def _common_extension(paths: list[PurePath]) -> str:
    """The post extension used most among `paths` (ties go to the earlier of POST_EXTENSIONS)."""
    counts = Counter(p.suffix.lower() for p in paths)
    return max(POST_EXTENSIONS, key=lambda ext: (counts[ext], -POST_EXTENSIONS.index(ext)))
