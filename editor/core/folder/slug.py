"""Safe file names for new posts: slugs, naming patterns, and a folder's naming convention.

A slug is lowercase ASCII letters and digits joined by single hyphens, so it is a valid file
name on every OS and a clean URL segment. A new post's path is built from a naming pattern
("{slug}.md", "{date}-{slug}.md", "{slug}/index.md", "{year}/{slug}.md"...), never overwrites
anything, and never leaves the content folder.
"""

from __future__ import annotations

import datetime
import os
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from pathlib import Path, PurePath

from editor.core.errors import PostError

DEFAULT_NAMING = "{slug}.md"
FALLBACK_SLUG = "untitled"
MIN_SLUG_LENGTH = 9  # room for "untitled" and "com1-post"
POST_EXTENSIONS = (".md", ".mdx", ".markdown")

# Marks inside a word: "Don't" is one word, not "don" and "t". Removed before NFKD, which
# would turn the acute accent into a space.
_APOSTROPHES = dict.fromkeys(map(ord, "'’ʼ`´′"), "")

# Letters that NFKD does not decompose into ASCII. Keys are lowercase: the title is
# casefolded first (which already turns "ß" into "ss").
_LATIN = {
    "æ": "ae",
    "ø": "o",
    "œ": "oe",
    "ł": "l",
    "đ": "d",
    "ð": "d",
    "þ": "th",
    "ħ": "h",
    "ı": "i",
    "ŋ": "ng",
    "ŧ": "t",
    "ſ": "s",
    "ə": "e",
}

# Cyrillic (Russian, Ukrainian, Belarusian, Serbian, Macedonian, Bulgarian), a simple
# readable romanisation rather than a reversible standard: a slug only has to be legible.
_CYRILLIC = {
    "а": "a",
    "б": "b",
    "в": "v",
    "г": "g",
    "д": "d",
    "е": "e",
    "ё": "yo",
    "ж": "zh",
    "з": "z",
    "и": "i",
    "й": "y",
    "к": "k",
    "л": "l",
    "м": "m",
    "н": "n",
    "о": "o",
    "п": "p",
    "р": "r",
    "с": "s",
    "т": "t",
    "у": "u",
    "ф": "f",
    "х": "kh",
    "ц": "ts",
    "ч": "ch",
    "ш": "sh",
    "щ": "shch",
    "ъ": "",
    "ы": "y",
    "ь": "",
    "э": "e",
    "ю": "yu",
    "я": "ya",
    "є": "ye",
    "і": "i",
    "ї": "yi",
    "ґ": "g",
    "ў": "u",
    "ђ": "dj",
    "ј": "j",
    "љ": "lj",
    "њ": "nj",
    "ћ": "c",
    "џ": "dz",
    "ѓ": "gj",
    "ќ": "kj",
    "ѕ": "dz",
}

_FOLD = str.maketrans({**_LATIN, **_CYRILLIC})
_NOT_SLUG = re.compile(r"[^a-z0-9]+")

# Windows refuses these as file names whatever the extension ("con.md" too).
_RESERVED = frozenset(
    ["con", "prn", "aux", "nul"] + [f"{device}{n}" for device in ("com", "lpt") for n in range(10)]
)

_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")
_PLACEHOLDERS = frozenset({"slug", "date", "year", "month", "day"})
_MAX_DUPLICATES = 10_000

_DATED_NAME = re.compile(r"^\d{4}-\d{2}-\d{2}-")


def slugify(title: str, max_length: int = 60) -> str:
    """A lowercase ASCII slug of `title`: "Café Noël" → "cafe-noel", "Don't panic" → "dont-panic".

    Never empty (a title with nothing to keep gives "untitled"), never longer than
    `max_length`, never a Windows device name ("CON" gives "con-post").
    """
    if max_length < MIN_SLUG_LENGTH:
        raise ValueError(f"max_length must be at least {MIN_SLUG_LENGTH}, not {max_length}")
    text = unicodedata.normalize("NFKC", title).casefold().translate(_APOSTROPHES)
    text = unicodedata.normalize("NFKD", text.translate(_FOLD))
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    slug = _NOT_SLUG.sub("-", text).strip("-")
    if len(slug) > max_length:
        cut = slug[:max_length]
        if slug[max_length] != "-":
            # Drop the partial last word, unless it is the only word.
            cut = cut.rpartition("-")[0] or cut
        slug = cut.strip("-")
    if not slug:
        return FALLBACK_SLUG
    if slug in _RESERVED:
        return f"{slug}-post"
    return slug


def post_path(root: Path, naming: str, title: str, date: datetime.date) -> Path:
    """The path of a new post titled `title` under `root`, following the pattern `naming`.

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
    base = slugify(title)
    for n in range(1, _MAX_DUPLICATES + 1):
        values["slug"] = base if n == 1 else f"{base}-{n}"
        filled = [_PLACEHOLDER.sub(lambda m: values[m.group(1)], part) for part in parts]
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


def naming_problem(naming: str) -> str | None:
    """What makes `naming` unfit to name new posts, or None.

    A pattern must hold {slug} and only known placeholders, stay inside the folder (relative,
    no `..`, no drive or stream `:`), enter no hidden folder (`.git/hooks/{slug}.md` would
    write where git runs hooks from, and the folder list never looks inside a dot-folder),
    and end in a post's extension (POST_EXTENSIONS, the ones the folder list shows as posts;
    case as the list reads them): anything else would be a file the app never lists again,
    or not a post at all.
    """
    names = set(_PLACEHOLDER.findall(naming))
    unknown = sorted(names - _PLACEHOLDERS)
    if unknown:
        known = ", ".join("{" + p + "}" for p in sorted(_PLACEHOLDERS))
        return f'unknown placeholder "{{{unknown[0]}}}" in naming "{naming}"; use {known}'
    if "slug" not in names:
        return f'naming "{naming}" has no {{slug}}, so new posts could collide'
    # Backslashes are Windows separators; on POSIX they would end up inside a file name.
    pattern = naming.replace("\\", "/")
    parts = [part for part in pattern.split("/") if part != "."]
    if (
        pattern.startswith("/")
        or PurePath(pattern).anchor
        or any(part in ("", "..") for part in parts)
        or any(":" in part for part in parts)
    ):
        return f'naming "{naming}" must be a relative path inside the folder'
    hidden = next((part for part in parts if part.startswith(".")), None)
    if hidden is not None:
        return f'naming "{naming}" leads into the hidden folder or file "{hidden}"'
    extension = os.path.splitext(parts[-1])[1]
    if extension.lower() not in POST_EXTENSIONS:
        allowed = ", ".join(POST_EXTENSIONS)
        what = f'the extension "{extension}"' if extension else "no extension"
        return f'naming "{naming}" gives new posts {what}; a post ends in {allowed}'
    return None


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
