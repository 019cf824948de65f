"""Jekyll's own rules, as its source (4.3) and documentation state them, for `jekyll.py`:
which names its reader skips, how a post's name gives its date and title, how it turns
`tags`/`categories` into lists (`defaults` are `jekyll_defaults`').

Functions over plain values and paths; only `read_config` reads a file.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from fnmatch import translate
from functools import cached_property
from pathlib import Path

import yaml

from editor.core.document import decode, read_bytes
from editor.core.document.safe_yaml import error_position, error_reason, load
from editor.core.errors import PostError
from editor.core.site.generators.detection import JEKYLL_CONFIGS

# The first found is read; they mark a Jekyll site too (`detection`).
CONFIG_FILES = JEKYLL_CONFIGS

# Configuration.DEFAULT_EXCLUDES: added to every site's `exclude`.
DEFAULT_EXCLUDES = (
    ".sass-cache", ".jekyll-cache", "gemfiles", "Gemfile", "Gemfile.lock", "node_modules",
    "vendor/bundle/", "vendor/cache/", "vendor/gems/", "vendor/ruby/",
)  # fmt: skip
DEFAULT_INCLUDES = (".htaccess",)

# Document::DATE_FILENAME_MATCHER: a post's name starts with its date.
_DATED_NAME = re.compile(r"(?:.*/)?(\d{2,4}-\d{1,2}-\d{1,2})-([^/]*)(\.[^./]+)")
_NAME = re.compile(r"(?:.*/)?(.*)(\.[^./]+)")  # DATELESS_FILENAME_MATCHER

# Collection#sanitize_label.
_LABEL_JUNK = re.compile(r"[^a-z0-9_\-.]", re.IGNORECASE)

# ISO 639-1 codes: a top folder named by one (`uk`, `pt-br`, `zh_CN`) holds a translation.
_ISO_639_1 = (
    "aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu "
    "cv cy da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi "
    "ho hr ht hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks "
    "ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl "
    "nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl "
    "sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve "
    "vi vo wa wo xh yi yo za zh zu"
)
_LANGUAGE_CODES = frozenset(_ISO_639_1.split())
_LANGUAGE_FOLDER = re.compile(r"([a-z]{2})(?:[-_](?:[A-Za-z]{2}|[A-Za-z]{4}|\d{3}))?")


def read_config(root: Path) -> tuple[str, dict[str, object], str]:
    """(file name, settings, note) of a site's config: the first of `CONFIG_FILES` found,
    read with the safe YAML loader (or as TOML). A config that cannot be read gives no
    settings and a note for the writer (Jekyll itself would stop)."""
    for name in CONFIG_FILES:
        path = root / name
        if not path.is_file():
            continue
        assumed = "; Jekyll's default settings are assumed"
        try:
            text = decode(read_bytes(path), path)
            data = tomllib.loads(text) if name.endswith(".toml") else load(text)
        except PostError as error:
            return name, {}, f"{name} cannot be read: {error.message}{assumed}"
        except yaml.YAMLError as error:
            line, _ = error_position(error)
            where = f" (line {line})" if line else ""
            return name, {}, f"{name} does not parse{where}: {error_reason(error)}{assumed}"
        except tomllib.TOMLDecodeError as error:
            return name, {}, f"{name} does not parse: {error}{assumed}"
        if data is None:
            return name, {}, ""
        if not isinstance(data, dict):
            return name, {}, f"{name} holds no settings (it is not a mapping){assumed}"
        return name, data, ""
    return CONFIG_FILES[0], {}, ""


def sanitize_label(label: object) -> str:
    """A collection's label as Jekyll keeps it (its folder is `_<label>`)."""
    return _LABEL_JUNK.sub("", str(label))


def is_special(name: str) -> bool:
    """Whether Jekyll's reader skips an entry by its name (EntryFilter#special?, #backup?):
    hidden, underscore, `#` and `~` names, and backups ending in `~`."""
    return name[:1] in (".", "_", "#", "~") or name.endswith("~")


class _Patterns:
    """EntryFilter#glob_include? over a list of patterns, compiled once (a scan asks it of
    every file): a pattern matches a path as Ruby's `File.fnmatch?` does (`*` crosses
    folders), or is a prefix of it as a string, or names the folder with a trailing slash."""

    def __init__(self, patterns: Iterable[str]) -> None:
        kept = tuple(p for p in (pattern.lstrip("/") for pattern in patterns) if p)
        self._prefixes = kept
        self._folders = frozenset(kept)
        # One regex for all: `translate` is what `fnmatchcase` matches with.
        either = "|".join(f"(?:{translate(p)})" for p in kept)
        self._match = re.compile(either).match if kept else None

    def matches(self, path: str, is_dir: bool) -> bool:
        """Whether any of the patterns matches `path` (a folder's when `is_dir`)."""
        if self._match is None:
            return False
        return (
            path.startswith(self._prefixes)
            or self._match(path) is not None
            or (is_dir and path + "/" in self._folders)
        )


@dataclass(frozen=True)
class EntryFilter:
    """Which entries Jekyll's reader takes (EntryFilter#filter), from `include`/`exclude`."""

    include: tuple[str, ...] = DEFAULT_INCLUDES
    exclude: tuple[str, ...] = DEFAULT_EXCLUDES

    @cached_property
    def _included(self) -> _Patterns:
        return _Patterns(self.include)

    @cached_property
    def _excluded(self) -> _Patterns:
        return _Patterns(p for p in self.exclude if p not in self.include)

    def takes(self, path: str, entry: str, is_dir: bool) -> bool:
        """Whether the reader takes `entry` (a name, or a path inside `_posts` or a
        collection folder), whose path from the site root is `path`: an explicitly
        included entry always, an excluded or special one never."""
        name, included = entry.rsplit("/", 1)[-1], self._included.matches
        taken = included(entry, is_dir) or (name != entry and included(name, is_dir))
        if not taken and self._excluded.matches(path, is_dir):
            return False
        return taken or not (is_special(entry) or is_special(name))


def name_date(name: str) -> tuple[str, str] | None:
    """(date text, slug) of a dated name, `2020-01-05-hello.md` → ("2020-01-05", "hello"),
    as Jekyll reads a post's name; None when the name carries no date."""
    match = _DATED_NAME.fullmatch(name)
    return (match[1], match[2]) if match else None


def day_of(text: str) -> dt.date | None:
    """The day a name's date spells (`2020-1-5` too); None when it is no real day."""
    year, month, day = (int(part) for part in text.split("-"))
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


_RUBY_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_RUBY_TIME = re.compile(r"(\d{1,2}):(\d{2})(?::(\d{2}))?")
_RUBY_ZONE = re.compile(r"(?:^|\s)([+-])(\d{2}):?(\d{2})\b")


def ruby_time(text: str) -> dt.date | None:
    """A date string as Ruby's `Time.parse` reads it for Jekyll: the first `Y-M-D` in it, a
    time and a `+hhmm` zone wherever they stand, other words ignored ("2023-01-29 18:30:22
    2023 -0800" is a date to Jekyll); None when it holds no valid date (Jekyll then stops
    with "Invalid date")."""
    day = _RUBY_DATE.search(text)
    if day is None:
        return None
    rest = text[: day.start()] + " " + text[day.end() :]
    try:
        date = dt.date(int(day[1]), int(day[2]), int(day[3]))
        time = _RUBY_TIME.search(rest)
        if time is None:
            return date
        zone = _RUBY_ZONE.search(rest[time.end() :])
        tz = None
        if zone:
            minutes = int(zone[2]) * 60 + int(zone[3])
            tz = dt.timezone(dt.timedelta(minutes=-minutes if zone[1] == "-" else minutes))
        clock = dt.time(int(time[1]), int(time[2]), int(time[3] or 0), tzinfo=tz)
    except ValueError:
        return None
    return dt.datetime.combine(date, clock)


def slug_of(name: str) -> str:
    """The slug Jekyll takes from a document's name: after the date, before the extension,
    trailing dots dropped."""
    dated = name_date(name)
    if dated:
        return dated[1].rstrip(".")
    match = _NAME.fullmatch(name)
    return (match[1] if match else name).rstrip(".")


def titleize(slug: str) -> str:
    """Utils.titleize_slug: the title Jekyll gives a document that writes none."""
    return " ".join(word.capitalize() for word in slug.split("-"))


def _plural(value: object) -> list[object]:
    """Utils.value_from_plural_key: a string is split on whitespace, a list kept without
    its empty items; anything else is dropped."""
    if isinstance(value, str):
        return list(value.split())
    if isinstance(value, list):
        return [item for item in value if item is not None]
    return []


def tags_of(values: Mapping[str, object]) -> list[object]:
    """Document#populate_tags: `tag` (taken whole) when given, else `tags` split."""
    if values.get("tag") is not None:
        single = values["tag"]
        return list(single) if isinstance(single, list) else [single]
    return _plural(values.get("tags"))


def categories_of(values: Mapping[str, object], from_path: Sequence[str]) -> list[str]:
    """Document#categories_from_path, #merge_categories! and #populate_categories: the
    folders above `_posts`, then `categories` split, then `category` (or `categories`
    again), as strings, each once."""
    found: list[object] = [*from_path, *_plural(values.get("categories"))]
    if values.get("category") is not None:
        single = values["category"]
        found += single if isinstance(single, list) else [single]
    else:
        found += _plural(values.get("categories"))
    out: list[str] = []
    for item in found:
        text = _ruby_text(item)
        if text not in out:
            out.append(text)
    return out


def _ruby_text(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return "" if value is None else str(value)


def language_folder(name: str, declared: Sequence[str]) -> str | None:
    """The language a folder called `name` holds: one of the site's `declared` languages
    (as the site spells it), or, when it declares none, a language code (`uk`, `pt-br`)."""
    wanted = name.replace("_", "-").casefold()
    if declared:
        return next(
            (code for code in declared if code.replace("_", "-").casefold() == wanted), None
        )
    match = _LANGUAGE_FOLDER.fullmatch(name)
    return name if match and match[1] in _LANGUAGE_CODES else None
