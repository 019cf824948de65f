"""Jekyll (https://jekyllrb.com): posts in `_posts` folders (at the root, or in any folder
Jekyll reads, which then gives them categories) named `YYYY-MM-DD-title.md`, drafts in
`_drafts`, the collections of `_config.yml` (under `collections_dir`), and pages everywhere
else; `defaults` give files values they do not write.

Followed from Jekyll 4's reader (`reader.rb`, `entry_filter.rb`, `document.rb`,
`frontmatter_defaults.rb`, `publisher.rb`): see `jekyll_rules` for the rules themselves.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import replace
from functools import cached_property, lru_cache
from pathlib import Path, PurePosixPath

from editor.core.document import DateFormat, parse_date
from editor.core.errors import PostError
from editor.core.schema import Problem, Schema
from editor.core.site.generators.base import (
    Collection,
    Generator,
    Inherited,
    NewPostStyle,
    Placement,
    Status,
)
from editor.core.site.generators.jekyll_defaults import FolderDefaults, default_sets
from editor.core.site.generators.jekyll_reader import JekyllReader, Spot
from editor.core.site.generators.jekyll_rules import (
    CONFIG_FILES,
    DEFAULT_EXCLUDES,
    DEFAULT_INCLUDES,
    EntryFilter,
    categories_of,
    language_folder,
    read_config,
    ruby_time,
    sanitize_label,
    slug_of,
    tags_of,
    titleize,
)
from editor.core.site.generators.markdown_profiles import jekyll_profile
from editor.core.site.rendering.profile import MarkdownProfile

_COMPOSE_DATE = DateFormat(time="hms", sep=" ", zone="+HHMM", zone_sep=" ")
# Utils.has_yaml_header?: a file is a page (not a static file) when its first line is this.
_YAML_HEADER = re.compile(rb"---\s*\r?\n")
_UNSEEN = object()  # a file not looked for yet (None: looked for, Jekyll does not read it)


@lru_cache(maxsize=16384)  # asked 3 to 5 times a post by a scan: values, date, status, list
def _date_in(text: str) -> dt.date | None:
    try:
        return parse_date(text)
    except PostError:
        return None


class Jekyll(Generator):
    """A Jekyll site."""

    name = "jekyll"
    label = "Jekyll"
    twice = ("warning", "Jekyll keeps the last one")
    markers = CONFIG_FILES

    def __init__(self, root: Path) -> None:
        super().__init__(root)
        self._config_name = "_config.yml"
        self._spots: dict[PurePosixPath, Spot | None] = {}
        self._defaults: dict[PurePosixPath, Mapping[str, Inherited]] = {}

    # --- the site ---------------------------------------------------------------------

    @cached_property
    def config(self) -> Mapping[str, object]:
        name, data, note = read_config(self.root)
        self._config_name = name
        if note:
            self.notes.append(note)
        return data

    def _truthy(self, key: str) -> bool:
        """A setting as Ruby reads it: anything but nil and false is true."""
        return self.config.get(key) not in (None, False)

    @cached_property
    def collections_dir(self) -> tuple[str, ...]:
        """`collections_dir`: where `_posts`, `_drafts` and the collections' folders are."""
        value = self.config.get("collections_dir")
        return PurePosixPath(value.strip("/")).parts if isinstance(value, str) else ()

    @cached_property
    def collection_options(self) -> dict[str, Mapping[str, object]]:
        """The collections of `collections` (a list or a map) by label, with their options
        (`output`, `permalink`...); `posts` always among them."""
        given = self.config.get("collections")
        if isinstance(given, list):
            options: dict[str, Mapping[str, object]] = {
                sanitize_label(k): {} for k in given if isinstance(k, str | int)
            }
        elif isinstance(given, dict):
            options = {
                sanitize_label(k): v if isinstance(v, dict) else {} for k, v in given.items()
            }
        else:
            options = {}
        posts = dict(options.get("posts", {}))
        posts["output"] = True  # Jekyll writes posts whatever the config says
        return {"posts": posts} | {k: v for k, v in options.items() if k != "posts"}

    @cached_property
    def _labels(self) -> tuple[str, ...]:
        # Posts are read by the folder walk, data by its reader: not as collections.
        return tuple(k for k in self.collection_options if k and k not in ("posts", "data"))

    def markdown_profile(self) -> MarkdownProfile:
        """kramdown as `_config.yml` sets it up."""
        return jekyll_profile(self.config)

    @cached_property
    def collections(self) -> tuple[Collection, ...]:
        where = PurePosixPath(*self.collections_dir)
        return (
            Collection("posts", where / "_posts"),
            Collection("drafts", where / "_drafts"),
            *(Collection(label, where / f"_{label}", "page") for label in self._labels),
            Collection("pages", PurePosixPath("."), "page"),
        )

    @cached_property
    def _by_name(self) -> dict[str, Collection]:
        return {c.name: c for c in self.collections}

    @cached_property
    def languages(self) -> tuple[str, ...]:
        """jekyll-polyglot's (and jekyll-multiple-languages') `languages`, `default_lang`
        first; else the site's `lang`."""
        codes = self._declared_languages
        for key in ("default_lang", "lang"):
            value = self.config.get(key)
            if isinstance(value, str) and value.strip():
                return tuple(dict.fromkeys([value.strip(), *codes]))
        return codes

    @cached_property
    def _declared_languages(self) -> tuple[str, ...]:
        declared = self.config.get("languages")
        if not isinstance(declared, list):
            return ()
        return tuple(c.strip() for c in declared if isinstance(c, str) and c.strip())

    @cached_property
    def _filter(self) -> EntryFilter:
        include, exclude = self.config.get("include"), self.config.get("exclude")
        return EntryFilter(
            tuple(map(str, include)) if isinstance(include, list) else DEFAULT_INCLUDES,
            (*map(str, exclude), *DEFAULT_EXCLUDES)
            if isinstance(exclude, list)
            else DEFAULT_EXCLUDES,
        )

    @cached_property
    def _destination(self) -> str:
        value = self.config.get("destination")
        return value.strip("/") if isinstance(value, str) and value.strip("/") else "_site"

    # --- what Jekyll reads -------------------------------------------------------------

    @cached_property
    def _reader(self) -> JekyllReader:
        labels, entries = self._labels, self._filter
        return JekyllReader(self.collections_dir, labels, entries, self._destination)

    def _spot(self, rel: PurePosixPath) -> Spot | None:
        found = self._spots.get(rel, _UNSEEN)  # one lookup: asked ~8 times a file by a scan
        if found is _UNSEEN:
            found = self._spots[rel] = self._reader.find(rel.parts)
        return found

    def enters(self, rel_folder: PurePosixPath) -> bool:
        return self._reader.enters(tuple(p for p in rel_folder.parts if p != "."))

    # --- one file -----------------------------------------------------------------------

    def place(self, rel: PurePosixPath, values: Mapping[str, object]) -> Placement | None:
        spot = self._spot(rel)
        if spot is None:
            return None
        if spot.kind in ("post", "draft"):
            # A post needs no front matter, and a badly named one stays listed: Jekyll skips
            # it, and `problems` says so.
            if spot.kind == "draft":
                return Placement(self._by_name["drafts"], "post")
            skipped = spot.dated is None
            return Placement(self._by_name["posts"], "post", "skipped" if skipped else "")
        if not values and not self._has_front_matter(rel):
            return None  # a static file: Jekyll copies it as it is
        return Placement(self._by_name[spot.label], "page")

    def _has_front_matter(self, rel: PurePosixPath) -> bool:
        """Utils.has_yaml_header?, asked only of a file whose front matter holds no values:
        `---` alone on its first line makes a page (`---\\n---` is a common page head)."""
        try:
            with open(self.root / rel, "rb") as file:
                return _YAML_HEADER.match(file.readline(1024)) is not None
        except OSError:
            return True  # unreadable: listed, so that its error shows

    def date(self, rel: PurePosixPath, values: Mapping[str, object]) -> dt.date | None:
        """A document's `date` (its own, else its defaults'), else its name's date."""
        spot = self._spot(rel)
        if spot is None or spot.kind == "page":
            return super().date(rel, values)
        value = values.get("date")
        if value in (None, False):
            value = self._inherited(rel, spot).get("date", Inherited(None, "")).value
        if isinstance(value, str):
            return _date_in(value) or ruby_time(value)
        if value not in (None, False):
            try:
                return parse_date(value)
            except PostError:
                return None
        return spot.day

    def language(self, rel: PurePosixPath, values: Mapping[str, object]) -> str | None:
        """Its `lang`/`language` (own, else from defaults), else a language folder at the
        top or just inside its collection's folder, else the site's default."""
        spot = self._spot(rel)
        inherited = self._inherited(rel, spot) if spot is not None else {}
        for key in ("lang", "language"):  # its own value, else the one it inherits
            value = values[key] if key in values else getattr(inherited.get(key), "value", None)
            if isinstance(value, str) and value.strip():
                return value.strip()
        folders = [rel.parts[0]] if len(rel.parts) > 1 else []
        if spot is not None and spot.kind != "page" and "/" in spot.inner:
            folders.append(spot.inner.split("/", 1)[0])
        for folder in folders:
            if code := language_folder(folder, self._declared_languages):
                return code
        return self.default_language

    def inherited(self, rel: PurePosixPath, place: Placement) -> Mapping[str, Inherited]:
        spot = self._spot(rel)
        return self._inherited(rel, spot) if spot is not None else {}

    def _inherited(self, rel: PurePosixPath, spot: Spot) -> Mapping[str, Inherited]:
        known = self._defaults.get(rel)
        if known is None:
            kind = {"page": "pages", "doc": spot.label}.get(spot.kind, "posts")
            found = self._folder_defaults.values(spot.path, rel.as_posix(), kind)
            source = f"{self._config_name} defaults"
            known = {key: Inherited(value, source) for key, value in found.items()}
            self._defaults[rel] = known
        return known

    @cached_property
    def _folder_defaults(self) -> FolderDefaults:
        return FolderDefaults(default_sets(self.config), "/".join(self.collections_dir))

    def new_post_style(self, collection: Collection, declared: bool) -> NewPostStyle:
        """Dates as jekyll-compose writes them (`%Y-%m-%d %H:%M:%S %z`); a post's name
        carries its date, or Jekyll skips it."""
        return NewPostStyle(date_format=_COMPOSE_DATE, dated_names=collection.name == "posts")

    def build_values(
        self, rel: PurePosixPath, place: Placement, values: Mapping[str, object]
    ) -> Mapping[str, object]:
        """Defaults under the file's own values; for a post, a draft or a collection's
        document also what Jekyll derives: the date and title from its name, `tags` and
        `categories` as lists (a string split on spaces; a post's folders are categories)."""
        spot = self._spot(rel)
        if spot is None:
            return values
        inherited = self._inherited(rel, spot)
        if spot.kind == "page":
            if not inherited:
                return values
            return {key: found.value for key, found in inherited.items()} | dict(values)
        seen = {key: found.value for key, found in inherited.items()} | dict(values)
        if seen.get("date") in (None, False) and (day := spot.day):
            seen["date"] = day
        elif isinstance(written := seen.get("date"), str) and _date_in(written) is None:
            # Spelt as only Ruby reads it ("2023-01-29 18:30:22 2023 -0800"): Jekyll sees a date.
            seen["date"] = ruby_time(written) or written
        if seen.get("title") in (None, False):
            seen["title"] = titleize(slug_of(spot.inner))
        if "tags" in seen or "tag" in seen:
            seen["tags"] = tags_of(seen)
        categories = categories_of(seen, spot.base)
        if categories or "categories" in seen:
            seen["categories"] = categories
        return seen

    def schema_for(self, place: Placement, schema: Schema) -> Schema:
        """Pages and collections' documents need nothing; a draft needs no date (Jekyll
        dates it by its file's time); a post's date and title come from its name."""
        if place.kind == "page":
            return schema.optional()
        date = schema.field("date")
        # A skipped post's one error is its name, which also gives it its date.
        undated = place.collection is self._by_name["drafts"] or place.role == "skipped"
        if undated and date is not None and date.required:
            optional = replace(date, required=False)
            return replace(
                schema, fields=tuple(optional if f is date else f for f in schema.fields)
            )
        return schema

    def status(
        self,
        rel: PurePosixPath,
        place: Placement,
        values: Mapping[str, object],
        today: dt.date,
    ) -> Status:
        """Publisher#publish?: `_drafts` unless `show_drafts`; `published: false` unless
        `unpublished`; a document dated after today unless `future`. Jekyll ignores
        `draft: true` (see `problems`). A post Jekyll skips for its name is left out too:
        "draft" (its error says why)."""
        spot = self._spot(rel)
        if spot is None:
            return super().status(rel, place, values, today)
        if (spot.kind == "draft" and not self._truthy("show_drafts")) or place.role == "skipped":
            return "draft"  # left out of the build
        # A page's `published` is its own: Jekyll merges defaults into documents only. (What
        # `build_values` sees, without deriving the rest: the index asks this of every post.)
        inherited = {} if spot.kind == "page" else self._inherited(rel, spot)
        published = values.get("published", getattr(inherited.get("published"), "value", None))
        if published is False and not self._truthy("unpublished"):
            return "draft"
        if spot.kind != "page" and not self._truthy("future"):
            date = self.date(rel, values)
            day = date.date() if isinstance(date, dt.datetime) else date
            if day is not None and day > today:
                return "scheduled"
        return "published"

    def problems(
        self, rel: PurePosixPath, place: Placement, values: Mapping[str, object]
    ) -> list[Problem]:
        spot = self._spot(rel)
        if spot is None or spot.kind != "post":
            return []
        dated = spot.dated
        if dated is None:
            message = "Jekyll skips this post: its name must start with the date, YYYY-MM-DD-"
            return [Problem(None, 1, "file", "error", message)]
        if spot.day is None:
            message = f"Jekyll stops the build: {dated[0]} in the post's name is no real day"
            return [Problem(None, 1, "file", "error", message)]
        if values.get("draft") is True and values.get("published") is not False:
            message = (
                "Jekyll ignores `draft: true` and publishes this post; "
                "move it to _drafts or write `published: false`"
            )
            return [Problem(None, 1, "draft", "warning", message)]
        return []
