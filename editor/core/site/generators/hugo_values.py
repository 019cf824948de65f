"""How Hugo reads front-matter values: booleans as Go's `cast.ToBool`, dates by the site's
`frontmatter` config (a value it cannot read is passed over), build options, expiry."""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Mapping
from pathlib import Path, PurePosixPath

from editor.core.document import parse_date
from editor.core.errors import PostError

# Hugo's `frontmatter` defaults: the keys each date is read from, the first that reads.
DEFAULT_DATES: dict[str, tuple[str, ...]] = {
    "date": ("date", "publishdate", "pubdate", "published", "lastmod", "modified"),
    "publishdate": ("publishdate", "pubdate", "published", "date"),
    "expirydate": ("expirydate", "unpublishdate"),
}
# Hugo's content formats: a folder holding `index.<one of these>` is a leaf bundle.
CONTENT_EXTENSIONS = frozenset(
    {"md", "markdown", "mdown", "mkd", "mkdn", "html", "htm", "org", "adoc", "pandoc", "pdc", "rst"}
)
_FILENAME_DATE = re.compile(r"(\d{4}-\d{2}-\d{2})")
_TRUE, _FALSE = frozenset({"1", "t", "true"}), frozenset({"0", "f", "false"})


def as_list(value: object) -> list[object]:
    """A setting that may be one value or a list, as a list."""
    if value is None:
        return []
    return list(value) if isinstance(value, list | tuple) else [value]


def truth(value: object) -> bool | None:
    """A value as Hugo's `cast.ToBool` reads it; None when it reads none."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        return value != 0
    if isinstance(value, str):
        word = value.strip().lower()
        return True if word in _TRUE else False if word in _FALSE else None
    return None


def headless(seen: Mapping[str, object], base: str) -> bool:
    """Whether Hugo renders no page of a file (front matter `seen`, keys lower-cased, name
    `base`): `build.render` (`_build` before Hugo 0.123) never or link, or `headless: true`,
    which only a leaf bundle's `index` takes."""
    if base == "index" and truth(seen.get("headless")):
        return True
    for key in ("build", "_build"):
        options = seen.get(key)
        if isinstance(options, Mapping):
            render = next((v for k, v in options.items() if str(k).lower() == "render"), None)
            if render is False or str(render).lower() in ("never", "link"):
                return True
    return False


def read_date(
    which: str,
    setting: object,
    seen: Mapping[str, object],
    file: tuple[Path, PurePosixPath],
) -> dt.date | None:
    """A page's `date`, `publishdate` or `expirydate` by the site's `frontmatter` config
    `setting`: the first of its keys whose value reads as a date. `seen` is the front
    matter (keys lower-cased); `file` the site root and the file's path in it, for
    `:filename` (a `YYYY-MM-DD` name, or a bundle's folder name) and `:fileModTime`."""
    keys = as_list(setting.get(which)) if isinstance(setting, Mapping) else []
    root, rel = file
    for key in (str(k).lower() for k in keys or [":default"]):
        for name in DEFAULT_DATES[which] if key == ":default" else (key,):
            if name == ":filename":
                named = rel.parent.name if rel.name.split(".")[0] == "index" else rel.name
                found = _FILENAME_DATE.match(named)
                value: object = found.group(1) if found else None
            elif name == ":filemodtime":
                value = _mtime(root / rel)
            else:
                value = seen.get(name)
            if value is None or isinstance(value, bool):
                continue
            try:
                return parse_date(value)
            except PostError:
                continue  # Hugo passes over a value it cannot read as a date
    return None


def expired(expiry: dt.date | None, today: dt.date) -> bool:
    """Whether an expiry date has passed `today`; a date without a time expires at its
    midnight, so on that day the page is gone."""
    if expiry is None:
        return False
    return day(expiry) < today or (day(expiry) == today and not isinstance(expiry, dt.datetime))


def day(date: dt.date) -> dt.date:
    """The day of a date or datetime."""
    return date.date() if isinstance(date, dt.datetime) else date


def _mtime(path: Path) -> dt.datetime | None:
    try:
        return dt.datetime.fromtimestamp(os.stat(path).st_mtime)
    except OSError:
        return None


def folders_between(top: PurePosixPath, folder: PurePosixPath) -> list[PurePosixPath]:
    """`top` and the folders from it down to `folder`, outermost first."""
    inner = folder.relative_to(top).parts
    return [top.joinpath(*inner[:i]) for i in range(len(inner) + 1)]


def count_pages(folder: Path) -> int:
    """How many content files (not `_index` ones) are below `folder`."""
    count = 0
    for _, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        count += sum(
            1
            for f in files
            if f.rsplit(".", 1)[-1].lower() in CONTENT_EXTENSIONS and not f.startswith("_index.")
        )
    return count
