"""Eleventy (https://www.11ty.dev): every Markdown file of its input folder is a page; folders
whose directory data files tag them (`blog/blog.11tydata.js` with `tags: ["posts"]`) are
collections named by the tag.

The config (`eleventy.config.js`, `.eleventy.js`...) is read statically for its `dir` (input,
includes, layouts, data, output) and literal `ignores.add(...)`; `.eleventyignore` and
`.gitignore` are honoured as Eleventy honours them (lines are paths from the file's folder,
a folder standing for all it holds). Directory data files in JSON are read whole, those in
JavaScript as far as they are literals (`export default { tags: "posts" }`): what the build
gives a file from them is `inherited`, tags merged as Eleventy merges them.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from collections.abc import Mapping
from functools import cached_property
from pathlib import Path, PurePosixPath

from editor.core.site.generators.base import (
    Collection,
    Generator,
    Inherited,
    Placement,
    Status,
    glob_match,
)
from editor.core.site.generators.detection import ELEVENTY_CONFIGS
from editor.core.site.generators.js_literals import Call, Code, JsSource, Ref, read_value
from editor.core.site.generators.markdown_profiles import eleventy_profile
from editor.core.site.rendering.profile import MarkdownProfile

_DEFAULT_DIRS = {"input": ".", "includes": "_includes", "data": "_data", "output": "_site"}
# Dates Eleventy computes itself (https://www.11ty.dev/docs/dates/): from the file's times.
_COMPUTED_DATES = frozenset({"last modified", "created", "git last modified", "git created"})
_NAME_DATE = re.compile(r"(\d{4}-\d{2}-\d{2})-")
_JS_FRONT_MATTER = re.compile(r"---\s*(?:js|javascript)[ \t]*\r?\n(.*?)^---[ \t]*$", re.S | re.M)
# Keys Eleventy merges across the data cascade rather than replacing (tags, a list).
_MERGED = frozenset({"tags"})


class Eleventy(Generator):
    """An Eleventy site."""

    name = "eleventy"
    label = "Eleventy"
    markers = ELEVENTY_CONFIGS

    def __init__(self, root: Path) -> None:
        super().__init__(root)
        self._loaded: dict[str, dict[str, object]] = {}  # data files read, by path
        self._unread: set[str] = set()  # JavaScript data files that are not a literal
        self._chains: dict[PurePosixPath, dict[str, Inherited]] = {}  # by folder
        self._found: dict[tuple[PurePosixPath, str], tuple[dict[str, object], str | None]] = {}

    # --- the site -------------------------------------------------------------------

    @cached_property
    def config(self) -> Mapping[str, object]:
        """`dir`, as the config spells it (`return { dir }` or `export const config`)."""
        path = next((p for p in ELEVENTY_CONFIGS if (self.root / p).is_file()), None)
        source = _js(self.root / path) if path else None
        if source is None:
            return {}
        found: dict[str, object] = {}
        folders = source.resolve(source.find_value("dir"))
        if isinstance(folders, dict):
            found["dir"] = {k: v for k, v in folders.items() if isinstance(v, str)}
            if any(not isinstance(v, str) for v in folders.values()):
                self.notes.append(
                    f"{path}: some of `dir` is computed; Eleventy's defaults stand for it"
                )
        added = re.findall(r"ignores\.add\(\s*(['\"`])([^'\"`]+)\1", source.text)
        found["ignores"] = [pattern for _, pattern in added]
        return found

    @cached_property
    def dirs(self) -> dict[str, PurePosixPath]:
        """input, includes, layouts, data and output folders, relative to the site root."""
        given = self.config.get("dir", {})
        given = given if isinstance(given, dict) else {}
        named = {key: given.get(key, default) for key, default in _DEFAULT_DIRS.items()}
        named["layouts"] = given.get("layouts", named["includes"])
        folders = {"input": _norm(PurePosixPath(named["input"]))}
        for key in ("includes", "layouts", "data"):  # relative to the input folder
            folders[key] = _norm(folders["input"] / named[key])
        folders["output"] = _norm(PurePosixPath(named["output"]))
        return folders

    def markdown_profile(self) -> MarkdownProfile:
        """markdown-it as Eleventy sets it up, with the site's plugins."""
        return eleventy_profile(self.root)

    @cached_property
    def collections(self) -> tuple[Collection, ...]:
        """A collection per folder whose directory data file sets `tags`: named by its
        first tag (Eleventy's `collections.posts`)."""
        found = []
        for folder in self._data_folders:
            data, source = self._folder_data(folder)
            tags = _tags(data.get("tags"))
            if tags:
                found.append(Collection(tags[0], folder, "post"))
            elif source in self._unread:
                self.notes.append(
                    f"{source} is code Post Editor cannot run; its tags are not known"
                )
        return tuple(found)

    @cached_property
    def _data_folders(self) -> tuple[PurePosixPath, ...]:
        """Folders of the input that hold a directory data file, shallowest first."""
        found, input_dir = [], self.dirs["input"]
        for folder, dirs, files in os.walk(self.root / input_dir):
            rel = _norm(PurePosixPath(os.path.relpath(folder, self.root).replace(os.sep, "/")))
            dirs[:] = sorted(d for d in dirs if self.enters(rel / d) and not d.startswith("."))
            if any(name in files for name in _data_names(rel.name or self.root.name)):
                found.append(rel)
        return tuple(found)

    def _folder_data(self, folder: PurePosixPath) -> tuple[dict[str, object], str | None]:
        """The data a folder's directory data file gives, and that file's path."""
        return self._data_file(folder, folder.name or self.root.name)

    def _data_file(self, folder: PurePosixPath, stem: str) -> tuple[dict[str, object], str | None]:
        """The data of `folder/stem.11tydata.js` (or .json...), read once per scan's life:
        each file is placed, dated and given a status, each asking for its data."""
        if (folder, stem) not in self._found:
            self._found[folder, stem] = self._find_data_file(folder, stem)
        return self._found[folder, stem]

    def _find_data_file(
        self, folder: PurePosixPath, stem: str
    ) -> tuple[dict[str, object], str | None]:
        # Eleventy's order of priority: .11tydata.js over .11tydata.json over .json.
        for name in _data_names(stem):
            path = folder / name
            full = self.root / path
            if not full.is_file():
                continue
            return self._load(full, path.as_posix()), path.as_posix()
        return {}, None

    def _load(self, full: os.PathLike[str], source: str) -> dict[str, object]:
        if source in self._loaded:
            return self._loaded[source]
        data: dict[str, object] = {}
        if source.endswith(".json"):
            try:
                with open(full, encoding="utf-8") as file:
                    loaded = json.load(file)
                data = loaded if isinstance(loaded, dict) else {}
            except (OSError, ValueError):
                self.notes.append(f"{source} could not be read as JSON")
        else:
            js = _js(full)
            value = js.resolve(js.default_export()) if js else None
            if isinstance(value, dict):
                data = {k: v for k, v in value.items() if not isinstance(v, Code | Ref)}
            else:
                self._unread.add(source)
                tags = js.find_value("tags") if js else None  # a literal inside a function
                if _tags(tags):
                    data = {"tags": tags}
        self._loaded[source] = data
        return data

    def link_roots(self) -> tuple[PurePosixPath, ...]:
        """The input folder: Eleventy's InputPathToUrl plugin (on in the base blog) turns a
        link to "blog/a.md" or "/blog/a.md" into that page's address, from there."""
        return (self.dirs["input"],)

    def enters(self, rel_folder: PurePosixPath) -> bool:
        """The input folder only, without its includes, layouts, data and output folders,
        nor what `.eleventyignore`, `.gitignore` or the config ignore."""
        dirs = self.dirs
        folder = _norm(rel_folder)
        if not (folder.is_relative_to(dirs["input"]) or dirs["input"].is_relative_to(folder)):
            return False
        if folder == dirs["input"] or dirs["input"].is_relative_to(folder):
            return True
        if any(folder.is_relative_to(dirs[k]) for k in ("includes", "layouts", "data", "output")):
            return False
        return not self._ignored(folder)

    @cached_property
    def _ignores(self) -> tuple[str, ...]:
        """Glob patterns relative to the site root that Eleventy ignores."""
        patterns: list[str] = ["**/node_modules/**"]
        files = [(PurePosixPath(".gitignore"), PurePosixPath("."))]
        files += [(PurePosixPath(".eleventyignore"), PurePosixPath("."))]
        if self.dirs["input"] != PurePosixPath("."):
            files.append((self.dirs["input"] / ".eleventyignore", self.dirs["input"]))
        for path, base in files:
            try:
                with open(self.root / path, encoding="utf-8", errors="replace") as file:
                    lines = file.read().splitlines()
            except OSError:
                continue
            for line in lines:
                line = line.strip()
                if not line or line.startswith(("#", "!")):
                    continue
                pattern = _norm(base / line.lstrip("/").rstrip("/")).as_posix()
                patterns += [pattern, f"{pattern}/**"]
        for added in self.config.get("ignores", ()):
            pattern = _norm(PurePosixPath(str(added).removeprefix("./"))).as_posix()
            patterns += [pattern, f"{pattern}/**"]
        return tuple(patterns)

    def _ignored(self, rel: PurePosixPath) -> bool:
        return any(glob_match(pattern, rel) for pattern in self._ignores)

    # --- one file -------------------------------------------------------------------

    def place(self, rel: PurePosixPath, values: Mapping[str, object]) -> Placement | None:
        """Markdown (`.md`, Eleventy's only Markdown extension) under the input folder; in a
        tagged folder's collection unless `eleventyExcludeFromCollections` says otherwise;
        "headless" when `permalink: false` (Eleventy writes no page for it)."""
        inside = rel.is_relative_to(self.dirs["input"]) or self.dirs["input"] == PurePosixPath(".")
        if rel.suffix != ".md" or not inside or not self.enters(rel.parent) or self._ignored(rel):
            return None
        seen = self._merged(rel, values)
        # The file's collection is its first tag naming one: tags merge down the folders,
        # so a post of a folder tagged "posts" inside another tagged "posts" is a post.
        excluded = seen.get("eleventyExcludeFromCollections")
        names = [] if excluded is True else _tags(seen.get("tags"))
        names = [n for n in names if not (isinstance(excluded, list) and n in excluded)]
        by_name = {c.name: c for c in reversed(self.collections)}
        collection = next((by_name[n] for n in names if n in by_name), None)
        role = "headless" if seen.get("permalink") is False else ""
        return Placement(collection, collection.kind if collection else "page", role)

    def inherited(self, rel: PurePosixPath, place: Placement | None) -> Mapping[str, Inherited]:
        """Values from the directory data files of the folders holding the file, the
        nearest winning (tags merged), then the file's own template data file."""
        return _cascade(self._folder_chain(rel.parent), [self._data_file(rel.parent, rel.stem)])

    def _folder_chain(self, folder: PurePosixPath) -> dict[str, Inherited]:
        """What the directory data files from the input folder down to `folder` give;
        worked out once per folder, as every file of it asks several times."""
        if folder not in self._chains:
            input_dir = self.dirs["input"]
            chain = [input_dir] + [input_dir / p for p in _prefixes(folder, input_dir)]
            self._chains[folder] = _cascade({}, [self._folder_data(f) for f in chain])
        return self._chains[folder]

    def build_values(
        self, rel: PurePosixPath, place: Placement, values: Mapping[str, object]
    ) -> Mapping[str, object]:
        """The file's values over what it inherits, its tags merged with the inherited
        ones, and the date Eleventy computes (`date: Last Modified`, a file-name date)."""
        seen = self._merged(rel, values)
        date = self.date(rel, seen)
        if date is not None and not isinstance(seen.get("date"), dt.date):
            seen["date"] = date
        return seen

    def _merged(self, rel: PurePosixPath, values: Mapping[str, object]) -> dict[str, object]:
        """The file's values over what it inherits, tags merged as Eleventy merges them."""
        inherited = self.inherited(rel, None)
        values = values or self._js_front_matter(rel)
        seen = {key: found.value for key, found in inherited.items()} | dict(values)
        if "tags" in inherited and "tags" in values:
            seen["tags"] = _union(inherited["tags"].value, values["tags"])
        return seen

    def _js_front_matter(self, rel: PurePosixPath) -> dict[str, object]:
        """The literal values of a `---js` front matter (eleventy-base-blog's drafts and
        about page), which the index does not read: an object, or `const` declarations."""
        try:
            with open(self.root / rel, encoding="utf-8", errors="replace") as file:
                head = file.read(8192)
        except OSError:
            return {}
        match = _JS_FRONT_MATTER.match(head)
        if match is None:
            return {}
        source = JsSource(match.group(1))
        value = source.default_export() if "export" in source.text else None
        if not isinstance(value, dict):
            block = source.text.strip()
            value = source.resolve(read_value(block, 0)[0]) if block.startswith("{") else None
        found = value if isinstance(value, dict) else source.bindings
        return {k: v for k, v in found.items() if not isinstance(v, Code | Ref | Call)}

    def date(self, rel: PurePosixPath, values: Mapping[str, object]) -> dt.date | None:
        """Eleventy's `date`: a date, or "Last Modified"/"Created" (the file's times; git's
        ones read as the file's too, as Post Editor runs no git); without one, the file
        name's `YYYY-MM-DD-`, else the file's creation, Eleventy's default."""
        value = self._merged(rel, values).get("date")
        if isinstance(value, str) and value.strip().lower() in _COMPUTED_DATES:
            return self._file_date(rel, modified="modified" in value.lower())
        if value is not None:
            return super().date(rel, {"date": value})
        if match := _NAME_DATE.match(rel.name):
            return super().date(rel, {"date": match.group(1)})
        return self._file_date(rel, modified=False)

    def _file_date(self, rel: PurePosixPath, modified: bool) -> dt.date | None:
        try:
            stat = os.stat(self.root / rel)
        except OSError:
            return None
        when = stat.st_mtime if modified else getattr(stat, "st_birthtime", stat.st_ctime)
        return dt.datetime.fromtimestamp(when).date()

    def status(
        self, rel: PurePosixPath, place: Placement, values: Mapping[str, object], today: dt.date
    ) -> Status:
        """`draft: true` (eleventy-base-blog's drafts preprocessor drops drafts from
        production builds); Eleventy has no schedule: a future date publishes."""
        seen = self._merged(rel, values)
        return "draft" if seen.get("draft") is True else "published"


def _cascade(
    found: Mapping[str, Inherited], sources: list[tuple[dict[str, object], str | None]]
) -> dict[str, Inherited]:
    """`found` with the data of `sources` over it, in order, tags merged."""
    result = dict(found)
    for data, source in sources:
        for key, value in data.items():
            if key in _MERGED and key in result:
                result[key] = Inherited(_union(result[key].value, value), source or "")
            else:
                result[key] = Inherited(value, source or "")
    return result


def _prefixes(folder: PurePosixPath, base: PurePosixPath) -> list[str]:
    """The folders from below `base` down to `folder`, each relative to `base`."""
    if not folder.is_relative_to(base) or folder == base:
        return []
    parts = folder.relative_to(base).parts
    return ["/".join(parts[: i + 1]) for i in range(len(parts))]


def _data_names(stem: str) -> tuple[str, ...]:
    return (
        f"{stem}.11tydata.js",
        f"{stem}.11tydata.mjs",
        f"{stem}.11tydata.cjs",
        f"{stem}.11tydata.json",
        f"{stem}.json",
    )


def _tags(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [v for v in value if isinstance(v, str)]
    return []


def _union(first: object, second: object) -> list[str]:
    """Two tag values merged as Eleventy's data cascade merges them, each tag once."""
    return list(dict.fromkeys(_tags(first) + _tags(second)))


def _norm(path: PurePosixPath) -> PurePosixPath:
    return PurePosixPath(os.path.normpath(path.as_posix()).replace(os.sep, "/"))


def _js(path: os.PathLike[str]) -> JsSource | None:
    try:
        with open(path, encoding="utf-8", errors="replace") as file:
            return JsSource(file.read())
    except OSError:
        return None
