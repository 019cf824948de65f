"""What every generator module tells about its site: the contract of `core/site/generators/`.

A site generator (Hugo, Jekyll, Astro...) decides which Markdown files of a site are posts,
which are pages, what date, language and publishing status each has, and which front-matter
values the build adds that the file does not write. Post Editor judges a file as its
generator does, so a `Generator` subclass per generator answers those questions from the
site's own files (its config, its folders), never by running the generator:

    generator = detect_generator(folder)         # in generators/__init__.py
    place = generator.place(rel)                 # rel: a path relative to generator.root
    if place is not None and place.kind == "post":
        seen = generator.build_values(rel, place, values)   # what the build reads
        status = generator.status(rel, place, values, today)

Paths given to and returned by a generator are `PurePosixPath`s relative to its `root`, so
the answers do not depend on where the site lies or on the OS. A post's values are the front
matter the index already holds; a generator reads only the site's own files besides (its
config, Hugo's section `_index.md` for a cascade, Eleventy's data files), each once, and a
file's first line where Jekyll's rule needs it (front matter or none, when the values are
empty).

A new generator is one module: a subclass that sets `name`, `label` and `markers`, and
overrides what its site does differently from `Generator`'s defaults (which are those of a
plain folder of posts).
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Container, Mapping
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, ClassVar, Literal, NamedTuple

from editor.core import lazy_module
from editor.core.document import DATE_KEYS, DateFormat, parse_date
from editor.core.errors import PostError
from editor.core.site.generators.detection import holds_marker

if TYPE_CHECKING:
    # Types alone: `source` loads the CMS config readers, `model` and `validation` the model
    # of fields; `render FILE` needs neither (`check FILE` and `list` load them to judge).
    from editor.core.schema.model import Schema
    from editor.core.schema.source import SchemaSource
    from editor.core.schema.validation import Problem, Severity
    from editor.core.site.rendering import profile
    from editor.core.site.rendering.profile import MarkdownProfile
else:  # asked for only by what renders: `check FILE` and `list` of a plain folder never do
    profile = lazy_module("editor.core.site.rendering.profile")

Kind = Literal["post", "page"]
# What the build does with a file: leaves it out (draft), leaves it out until its date comes
# (scheduled), leaves it out since its expiry date passed (expired), or publishes it.
Status = Literal["draft", "scheduled", "expired", "published"]
STATUSES: tuple[Status, ...] = ("published", "draft", "scheduled", "expired")

POST_FILE_SUFFIXES = (".md", ".markdown", ".mdx", ".mdown", ".mkd")


@dataclass(frozen=True)
class Collection:
    """Files of a site that its generator treats alike: a Hugo section, Jekyll's `_posts`
    or a collection of `_config.yml`, an Astro content collection, Eleventy's posts folder.

    `folder` is relative to the site root ("." for the root itself). `kind` is what its
    files are: "post" (dated entries of a blog: they want a date and a title) or "page"
    (docs, sections, about pages: judged by what their generator needs, which is little).
    `patterns` are glob patterns relative to `folder` that its files match (Astro's glob
    loader); empty means every post file below `folder`. `language` is set for a folder
    that holds one language only (Hugo's per-language `contentDir`).
    """

    name: str
    folder: PurePosixPath
    kind: Kind = "post"
    patterns: tuple[str, ...] = ()
    language: str | None = None

    def holds(self, rel: PurePosixPath) -> bool:
        """Whether a file at `rel` (relative to the site root) lies in this collection."""
        # Compared as text: this runs for every file of every scan.
        prefix = self._prefix
        if not prefix and not self.patterns:
            return True
        text = str(rel)
        if prefix and not text.startswith(prefix):
            return False
        inner = text[len(prefix) :]
        return not self.patterns or any(glob_match(p, PurePosixPath(inner)) for p in self.patterns)

    @cached_property
    def _prefix(self) -> str:
        return "" if self.folder == PurePosixPath(".") else f"{self.folder.as_posix()}/"


@dataclass(frozen=True)
class Placement:
    """Where a file sits in its site, as the generator sees it: the collection that holds it
    (None for a page outside every collection), whether the build makes a post or a page of
    it, and `role`: a word for what else the generator makes of it ("section" for Hugo's
    `_index.md`, "bundle" for a page bundle's `index.md`, "headless" for a bundle that
    renders no page, "" otherwise)."""

    collection: Collection | None
    kind: Kind
    role: str = ""


class Inherited(NamedTuple):
    """A front-matter value the build gives a file that the file does not write (Jekyll's
    `defaults`, an Eleventy directory data file, a Hugo `cascade`), and where it comes
    from, as the writer can find it ("_config.yml defaults", "content/posts/_index.md").
    (This record and `NewPostStyle` are named tuples: every command loads this module, and
    a dataclass costs ~0.5 ms to make.)"""

    value: object
    source: str


class NewPostStyle(NamedTuple):
    """How the generator writes a new post where no post of its collection shows the way: its
    front matter format, how its date is spelled (and quoted), whether it starts as a draft
    (Hugo's default archetype), and whether its file name carries the date (Jekyll's
    `_posts`, which skips a post without one)."""

    kind: Literal["yaml", "toml"] = "yaml"
    date_format: DateFormat = DateFormat.ISO_DATE
    date_quote: str = ""
    draft: bool = False
    dated_names: bool = False


class Generator:
    """A site as its generator sees it. This base class is a plain folder of posts: every
    Markdown file is a post, dated by its `date` key (or an alias), drafted by `draft: true`
    or `published: false`, scheduled while its date is in the future.

    Subclasses set `name` (the id used in settings, JSON and tests), `label` (for people)
    and `markers` (the names of files or folders at the site root that say it is this
    generator's site, as the generator itself looks for them), and override what differs.
    """

    name: ClassVar[str] = "plain"
    label: ClassVar[str] = "Folder of posts"
    markers: ClassVar[tuple[str, ...]] = ()
    # Front-matter keys the generator itself reads with a type (dates, yes/no flags): a value
    # of another type there breaks the build or the post, whatever the other posts suggest.
    typed_keys: ClassVar[frozenset[str]] = frozenset({*DATE_KEYS, "draft", "published"})

    # What a key written twice in one front matter is to the generator's reader: js-yaml
    # (Astro, Eleventy, gray-matter) and TOML refuse the file; Ruby's Psych (Jekyll) and
    # Hugo's YAML reader keep the last value. Unknown: it may fail.
    twice: ClassVar[tuple[Severity, str]] = ("error", "site tools keep only one, or fail")
    # What a text over the reference shape's length is: advice on a generator's site (a
    # 90-character title builds everywhere); the plain folder's own rule (a warning).
    reference_lengths: ClassVar[Severity] = "note"

    def __init__(self, root: Path) -> None:
        self.root = Path(os.path.abspath(root))
        # Plain sentences for the writer: a config that could not be read, a part of it
        # that Post Editor cannot follow (code it would have to run).
        self.notes: list[str] = []
        self._last_date: tuple[Mapping[str, object], dt.date | None] | None = None
        self._placements: dict[Collection | None, Placement] = {}

    @classmethod
    def detect(cls, root: Path, names: Container[str]) -> bool:
        """Whether the folder `root`, which holds the entries `names`, is a site root of
        this generator. By default: it holds one of `markers`. A generator with a rule of
        its own keeps it in `detection`, which runs before its module is loaded."""
        return holds_marker(names, cls.markers)

    # --- the site -------------------------------------------------------------------

    @cached_property
    def config(self) -> Mapping[str, object]:
        """The site's configuration as the generator reads it; {} when it has none or it
        cannot be read (then `notes` says why)."""
        return {}

    def markdown_profile(self) -> MarkdownProfile:
        """The Markdown the generator renders the site's posts with (from its config where
        the generator reads one); a plain folder's is Python-Markdown."""
        return profile.PYTHON_MARKDOWN

    @cached_property
    def collections(self) -> tuple[Collection, ...]:
        """The site's collections, the one holding its blog posts first."""
        return (Collection("posts", PurePosixPath(".")),)

    @cached_property
    def languages(self) -> tuple[str, ...]:
        """The site's languages, the default first; () when it declares none."""
        return ()

    @property
    def default_language(self) -> str | None:
        """The language of a file that says none, when the site declares one."""
        return self.languages[0] if self.languages else None

    def link_roots(self) -> tuple[PurePosixPath, ...]:
        """Folders (relative to the root) from which the build resolves a link to a source
        file ("/blog/a.md", "blog/a.md") or a ref, besides the linking file's own folder:
        Hugo's content dirs, Eleventy's input folder. None by default."""
        return ()

    def enters(self, rel_folder: PurePosixPath) -> bool:
        """Whether a scan of the site looks for posts and pages in `rel_folder` (its
        layouts, themes, build output and tools' folders hold none). Hidden folders and
        node_modules are never entered, whatever this says."""
        return True

    # --- one file -------------------------------------------------------------------

    def place(self, rel: PurePosixPath, values: Mapping[str, object]) -> Placement | None:
        """Where the file at `rel` sits, or None when the build makes no page of it (a
        README beside Jekyll's config without front matter, an archetype, a layout)."""
        collection = self.collection_of(rel)
        place = self._placements.get(collection)
        if place is None:  # one per collection: a scan places every file
            place = Placement(collection, collection.kind if collection else "page")
            self._placements[collection] = place
        return place

    def collection_of(self, rel: PurePosixPath) -> Collection | None:
        """The first collection holding `rel`, the nearest folder first."""
        collections = self.collections
        if len(collections) == 1:
            return collections[0] if collections[0].holds(rel) else None
        holding = [c for c in collections if c.holds(rel)]
        return max(holding, key=lambda c: len(c.folder.parts), default=None)

    def language(self, rel: PurePosixPath, values: Mapping[str, object]) -> str | None:
        """The file's language: its `lang` or `language` key, else the site's default."""
        for key in ("lang", "language"):
            value = values.get(key)
            if isinstance(value, str) and value.strip():
                return value.strip()
        return self.default_language

    def date(self, rel: PurePosixPath, values: Mapping[str, object]) -> dt.date | None:
        """The date the build gives the file: its first date key that reads as a date."""
        # The index asks for a file's date and then its status, which asks again.
        last = self._last_date
        if last is not None and last[0] is values:
            return last[1]
        found = self._date_of(values)
        self._last_date = (values, found)
        return found

    def _date_of(self, values: Mapping[str, object]) -> dt.date | None:
        for key in DATE_KEYS:
            if values.get(key) is not None:
                try:
                    return parse_date(values[key])
                except PostError:
                    return None
        return None

    def inherited(self, rel: PurePosixPath, place: Placement) -> Mapping[str, Inherited]:
        """Values the build gives the file that it does not write itself, by key."""
        return {}

    def build_values(
        self, rel: PurePosixPath, place: Placement, values: Mapping[str, object]
    ) -> Mapping[str, object]:
        """The front matter as the build reads it: the file's own values over what it
        inherits, with what the generator derives (a date from the file name) filled in.
        Validation judges these, so a value the site supplies is not "missing"."""
        inherited = self.inherited(rel, place)
        if not inherited:
            return values
        return {key: found.value for key, found in inherited.items()} | dict(values)

    def schema_for(self, place: Placement, schema: Schema) -> Schema:
        """The schema a file at `place` is judged by, from the collection's `schema`:
        pages need nothing the generator does not need (no date, no title)."""
        if place.kind == "page":
            return schema.optional()
        return schema

    def status(
        self,
        rel: PurePosixPath,
        place: Placement,
        values: Mapping[str, object],
        today: dt.date,
    ) -> Status:
        """What the build does with the file today: `draft: true` or `published: false`
        leaves it out; a date after `today` waits (scheduled)."""
        if values.get("draft") is True or values.get("published") is False:
            return "draft"
        date = self.date(rel, values)
        if date is not None and _day(date) > today:
            return "scheduled"
        return "published"

    def collection_schema(self, collection: Collection) -> SchemaSource | None:
        """The schema the site's own files declare for `collection` (Astro's zod schema),
        which its build holds posts to; None when they declare none."""
        return None

    def new_post_style(self, collection: Collection, declared: bool) -> NewPostStyle:
        """How a new post of `collection` is written where its posts show nothing (a
        schema file or CMS config governing it when `declared`). By default: YAML, an ISO
        date."""
        return NewPostStyle()

    def new_post_text(
        self, collection: Collection, rel: PurePosixPath, title: str, now: dt.datetime
    ) -> str | None:
        """The whole text of a new post at `rel` in `collection`, from the site's own
        template for it (Hugo's archetypes), with the writer's `title`, made at the time
        `now` (aware); None when the site has no template (the new post then follows the
        collection's own posts). Raises `PostError` for a template it cannot follow."""
        return None

    def problems(
        self, rel: PurePosixPath, place: Placement, values: Mapping[str, object]
    ) -> list[Problem]:
        """What the generator itself rejects in this file beyond its schema (a Jekyll post
        whose name carries no date is skipped). Paths are None: the caller sets them."""
        return []


def deep_merge(base: Mapping[str, object], over: Mapping[str, object]) -> dict[str, object]:
    """`over`'s values over `base`'s, mappings merged key by key: how Hugo merges its config
    files and Jekyll its `defaults` (Utils.deep_merge_hashes)."""
    out = dict(base)
    for key, value in over.items():
        below = out.get(key)
        if isinstance(below, Mapping) and isinstance(value, Mapping):
            out[key] = deep_merge(below, value)
        else:
            out[key] = value
    return out


def glob_match(pattern: str, rel: PurePosixPath) -> bool:
    """Whether `rel` matches a glob `pattern` as Astro's glob loader and Eleventy read one:
    `*` within a folder name, `**` across folders, `{md,mdx}` and `(md|mdx)` alternatives,
    `[^_]` character classes (Starlight's `**/[^_]*.md`)."""
    return _glob_regex(pattern).fullmatch(rel.as_posix()) is not None


@lru_cache(maxsize=256)
def _glob_regex(pattern: str) -> re.Pattern[str]:
    out, i = [], 0
    while i < len(pattern):
        char = pattern[i]
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
            continue
        if pattern.startswith("**", i):
            out.append(".*")
            i += 2
            continue
        if char == "*":
            out.append("[^/]*")
        elif char == "?":
            out.append("[^/]")
        elif char == "{" and (end := pattern.find("}", i)) > i:
            options = pattern[i + 1 : end].split(",")
            out.append("(?:" + "|".join(re.escape(o) for o in options) + ")")
            i = end + 1
            continue
        elif char == "(" and (end := pattern.find(")", i)) > i:  # picomatch's `*.(md|mdx)`
            options = pattern[i + 1 : end].split("|")
            out.append("(?:" + "|".join(re.escape(o) for o in options) + ")")
            i = end + 1
            continue
        elif char == "[" and (end := pattern.find("]", i + 2)) > i:  # `[^_]*.md`: a class
            inner = pattern[i + 1 : end]
            negated = inner[:1] in ("^", "!")
            body = re.escape(inner[1:] if negated else inner).replace("\\-", "-")
            out.append(f"[^/{body}]" if negated else f"[{body}]")
            i = end + 1
            continue
        else:
            out.append(re.escape(char))
        i += 1
    return re.compile("".join(out))


def _day(date: dt.date) -> dt.date:
    return date.date() if isinstance(date, dt.datetime) else date
