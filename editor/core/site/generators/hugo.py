"""Hugo (https://gohugo.io): content under `content/` (or the config's `contentDir`, per
language too), sections, page bundles, front matter in YAML, TOML or JSON.

What Hugo does, and so what this module tells (checked against `hugo` itself):
- a content dir's first-level folders are its sections; the ones in `params.mainSections`
  (else the one with most pages, Hugo's default) hold the posts, the others pages;
- `_index.md` is a section's (or the home's) own page; `index.md` makes its folder a leaf
  bundle, whose other Markdown files are resources of that page, not pages;
- a file's language is its name's suffix (`post.fr.md`) when that is a configured
  language, else its content dir's language, else `defaultContentLanguage`;
- front-matter keys are case-insensitive; dates come from the keys of `frontmatter.date`
  (`date`, `publishDate`, `lastmod`... by default), a value Hugo cannot read being passed
  over; `draft: true` (or `published: false`) leaves a page out unless `buildDrafts`, a
  future publish date unless `buildFuture`, a past expiry date unless `buildExpired`;
- `build.render: never` (`_build` before Hugo 0.123), or `headless: true` on a leaf
  bundle, makes a page that is not rendered;
- no page needs a title or a date: Hugo builds one without either.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import time
from collections import Counter
from collections.abc import Container, Mapping
from functools import cached_property
from pathlib import Path, PurePosixPath

from editor.core.document import DateFormat
from editor.core.schema import Schema
from editor.core.site.generators import hugo_cascade
from editor.core.site.generators.base import (
    Collection,
    Generator,
    Inherited,
    NewPostStyle,
    Placement,
    Status,
)
from editor.core.site.generators.detection import HUGO_MARKERS, hugo_site
from editor.core.site.generators.hugo_archetypes import archetype_text
from editor.core.site.generators.hugo_config import (
    built_languages,
    content_dirs,
    load_config,
)
from editor.core.site.generators.hugo_values import (
    CONTENT_EXTENSIONS,
    as_list,
    count_pages,
    day,
    expired,
    folders_between,
    headless,
    read_date,
    truth,
)
from editor.core.site.generators.markdown_profiles import hugo_profile
from editor.core.site.rendering.profile import MarkdownProfile

# How long, in seconds, what was read of a folder's index files is taken as still true.
_FRESH = 1.0


_RFC3339 = DateFormat(time="hms", sep="T", zone="+HH:MM")  # `.Date` in an archetype


class Hugo(Generator):
    """A Hugo site."""

    name = "hugo"
    label = "Hugo"
    twice = ("warning", "Hugo keeps the last one")
    markers = HUGO_MARKERS

    def __init__(self, root: Path) -> None:
        super().__init__(root)
        self._config_file: str | None = None
        self._cascades = hugo_cascade.IndexFiles()
        self._chains: dict[tuple[PurePosixPath, str], tuple[float, list]] = {}
        self._inherited: dict[PurePosixPath, tuple[float, dict[str, Inherited]]] = {}
        self._dirs: dict[PurePosixPath, tuple[PurePosixPath, str | None] | None] = {}
        self._listings: dict[PurePosixPath, tuple[float, int, bool, dict[str | None, str]]] = {}

    @classmethod
    def detect(cls, root: Path, names: Container[str]) -> bool:
        """A `hugo.*` or `config.*` file at the root, or Hugo's `config/_default/`."""
        return hugo_site(root, names)

    # --- the site -------------------------------------------------------------------

    @cached_property
    def config(self) -> Mapping[str, object]:
        config, notes, self._config_file = load_config(self.root)
        self.notes.extend(notes)
        return config

    @cached_property
    def _default_lang(self) -> str:
        return str(self.config.get("defaultcontentlanguage") or "en").lower()

    @cached_property
    def _hugo_languages(self) -> tuple[str, ...]:
        """The languages Hugo builds, the default first (it alone when none is declared)."""
        return built_languages(self.config, self._default_lang)

    @cached_property
    def languages(self) -> tuple[str, ...]:
        if isinstance(self.config.get("languages"), Mapping) and self.config["languages"]:
            return self._hugo_languages
        if self.config.get("defaultcontentlanguage"):
            return (self._default_lang,)
        code = self.config.get("languagecode")
        return (str(code).lower(),) if isinstance(code, str) and code.strip() else ()

    @cached_property
    def content_dirs(self) -> dict[PurePosixPath, str | None]:
        """The site's content dirs (relative to the root), each with the language all its
        files are in, or None for a dir shared by languages (suffixes tell them apart)."""
        return content_dirs(self.config, self._hugo_languages)

    def markdown_profile(self) -> MarkdownProfile:
        """Goldmark as `markup.goldmark` sets it up."""
        return hugo_profile(self.config)

    @cached_property
    def collections(self) -> tuple[Collection, ...]:
        counts: Counter[str] = Counter()
        sections: dict[PurePosixPath, list[tuple[str, PurePosixPath]]] = {}
        for folder in self.content_dirs:
            sections[folder] = []
            for section, pages in self._sections(folder):
                sections[folder].append((section, folder / section))
                counts[section] += pages
        main = {str(s).lower() for s in as_list(_params(self.config).get("mainsections"))}
        if not main and counts:
            # Hugo's default: the section with the most pages (the first of equals).
            most = max(counts.values())
            main = {min(s for s, n in counts.items() if n == most).lower()}
        posts, pages, roots = [], [], []
        for folder, found in sections.items():
            lang = self.content_dirs[folder]
            for section, path in found:
                kind = "post" if section.lower() in main else "page"
                (posts if kind == "post" else pages).append(
                    Collection(section, path, kind, (), lang)
                )
            roots.append(Collection("pages", folder, "page", (), lang))
        return (*posts, *pages, *roots)

    def link_roots(self) -> tuple[PurePosixPath, ...]:
        """The content dirs: a `ref` and a page's resources are found from there."""
        return tuple(self.content_dirs)

    def enters(self, rel_folder: PurePosixPath) -> bool:
        """Only the content dirs and the folders leading to them: never themes/, layouts/,
        public/, resources/, assets/, static/, archetypes/, data/ nor i18n/."""
        return rel_folder == PurePosixPath(".") or any(
            rel_folder.is_relative_to(d) or d.is_relative_to(rel_folder) for d in self.content_dirs
        )

    # --- one file -------------------------------------------------------------------

    def place(self, rel: PurePosixPath, values: Mapping[str, object]) -> Placement | None:
        found = self._content_dir(rel)
        if found is None or self._ignored(rel):
            return None
        folder, _ = found
        base, lang = self._split(rel.name)
        if lang is None and self._lang_suffix_disabled(rel.name):
            return None  # a translation into a language the site turned off
        # Below a leaf bundle's folder, content files are resources of its page.
        for parent in folders_between(folder, rel.parent):
            if self._leaf_index(parent) and not (parent == rel.parent and base == "index"):
                return None
        collection = self.collection_of(rel)
        kind = collection.kind if collection else "page"
        seen = self._seen(rel, values)
        if headless(seen, base):
            return Placement(collection, "page" if base == "_index" else kind, "headless")
        if base == "_index":
            return Placement(collection, "page", "section")
        return Placement(collection, kind, "bundle" if base == "index" else "")

    def language(self, rel: PurePosixPath, values: Mapping[str, object]) -> str | None:
        found = self._content_dir(rel)
        declared = isinstance(self.config.get("languages"), Mapping) and self.config["languages"]
        if found is not None and declared:
            return self._lang_of(rel, found[1])
        # One language built: the writer's `lang` key tells what the text is in.
        return super().language(rel, values)

    def date(self, rel: PurePosixPath, values: Mapping[str, object]) -> dt.date | None:
        return self._date("date", rel, self._seen(rel, values))

    def inherited(self, rel: PurePosixPath, place: Placement) -> Mapping[str, Inherited]:
        # Asked four times per file in a scan (placing, dating, status, build values).
        now = time.monotonic()
        known = self._inherited.get(rel)
        if known is None or now - known[0] >= _FRESH:
            known = self._inherited[rel] = (now, self._cascaded(rel))
        return known[1]

    def _cascaded(self, rel: PurePosixPath) -> dict[str, Inherited]:
        found = self._content_dir(rel)
        if found is None:
            return {}
        folder, dir_lang = found
        inner = rel.relative_to(folder)
        base, _ = self._split(rel.name)
        kind = (
            "page"
            if base != "_index"
            else "home"
            if inner.parent == PurePosixPath(".")
            else "section"
        )
        lang = self._lang_of(rel, dir_lang)
        paths = hugo_cascade.page_paths(inner, base)
        chain = self._chain(folder, rel.parent, lang, dir_lang)
        out: dict[str, Inherited] = {}
        for source, entries in chain:  # the nearest last: its values win
            given: dict[str, Inherited] = {}
            for entry in entries:
                if entry.target.matches(paths, kind, lang):
                    for key, value in entry.values.items():
                        given.setdefault(key, Inherited(value, source))
            out.update(given)
        return out

    def build_values(
        self, rel: PurePosixPath, place: Placement, values: Mapping[str, object]
    ) -> Mapping[str, object]:
        seen = super().build_values(rel, place, values)
        # Hugo reads a taxonomy given as one string as a list of that one term
        # (`tags: a b` is the term "a b").
        plurals = self._taxonomies
        fixed = {
            key: [value] if value.strip() else []
            for key, value in seen.items()
            if isinstance(value, str) and key.lower() in plurals
        }
        return seen | fixed if fixed else seen

    def schema_for(self, place: Placement, schema: Schema) -> Schema:
        """Hugo builds a page without a title or a date, a post as well as a page: nothing
        is required. A value of the wrong type (a date that is no date) stays an error."""
        return schema.optional()

    def status(
        self,
        rel: PurePosixPath,
        place: Placement,
        values: Mapping[str, object],
        today: dt.date,
    ) -> Status:
        seen = self._seen(rel, values)
        draft = truth(seen.get("draft"))
        if draft is None and (published := truth(seen.get("published"))) is not None:
            draft = not published
        if draft and not truth(self.config.get("builddrafts")):
            return "draft"
        publish = self._date("publishdate", rel, seen)
        if (
            publish is not None
            and day(publish) > today
            and not truth(self.config.get("buildfuture"))
        ):
            return "scheduled"
        expiry = self._date("expirydate", rel, seen)
        if expired(expiry, today) and not truth(self.config.get("buildexpired")):
            return "expired"
        return "published"

    # --- helpers --------------------------------------------------------------------

    def _chain(
        self, folder: PurePosixPath, parent: PurePosixPath, lang: str, dir_lang: str | None
    ) -> list[tuple[str, tuple[hugo_cascade.Entry, ...]]]:
        """The cascades over the files of `parent` in `lang`, the farthest first: the
        config's, then those of the `_index` files from the content dir down. Read again
        after `_FRESH` seconds, so a scan of 10,000 posts reads them once and an edit of
        an `_index.md` shows at the next scan."""
        now = time.monotonic()
        known = self._chains.get((parent, lang))
        if known is not None and now - known[0] < _FRESH:
            return known[1]
        chain = []
        if self._config_file and "cascade" in self.config:
            chain.append((self._config_file, hugo_cascade.entries(self.config["cascade"])))
        for inner in folders_between(folder, parent):
            index = self._section_index(inner, lang, dir_lang)
            if index is not None:
                chain.append((index.as_posix(), self._cascades.cascade(self.root / index)))
        self._chains[(parent, lang)] = (now, chain)
        return chain

    def new_post_style(self, collection: Collection, declared: bool) -> NewPostStyle:
        """As Hugo's default archetype writes a post: a draft dated in RFC 3339, in TOML
        where the site's config is TOML (unless a schema file or CMS config says how)."""
        if declared:
            return NewPostStyle(date_format=_RFC3339)
        toml = any((self.root / name).is_file() for name in ("hugo.toml", "config.toml"))
        return NewPostStyle("toml" if toml else "yaml", _RFC3339, draft=True)

    def new_post_text(
        self, collection: Collection, rel: PurePosixPath, title: str, now: dt.datetime
    ) -> str | None:
        """The section's archetype run as `hugo new content` runs it (`hugo_archetypes`)."""
        found = self._content_dir(rel)
        inner = rel.relative_to(found[0]).parts if found is not None else rel.parts
        return archetype_text(self.root, self.config, rel, inner, title, now)

    def _content_dir(self, rel: PurePosixPath) -> tuple[PurePosixPath, str | None] | None:
        """The deepest content dir holding `rel`, with its language."""
        if (known := self._dirs.get(rel.parent, False)) is not False:
            return known
        holding = [d for d in self.content_dirs if rel.parent.is_relative_to(d)]
        folder = max(holding, key=lambda d: len(d.parts), default=None)
        found = None if folder is None else (folder, self.content_dirs[folder])
        self._dirs[rel.parent] = found
        return found

    def _split(self, name: str) -> tuple[str, str | None]:
        """A content file's name without extension and language suffix, and that language
        (None when the name has no suffix that is a language Hugo builds)."""
        stem = name.rsplit(".", 1)[0]
        base, dot, suffix = stem.rpartition(".")
        if dot and suffix in self._hugo_languages:
            return base, suffix
        return stem, None

    def _lang_suffix_disabled(self, name: str) -> bool:
        stem = name.rsplit(".", 1)[0]
        _, dot, suffix = stem.rpartition(".")
        declared = self.config.get("languages")
        return bool(dot) and isinstance(declared, Mapping) and suffix in declared

    def _lang_of(self, rel: PurePosixPath, dir_lang: str | None) -> str:
        return self._split(rel.name)[1] or dir_lang or self._default_lang

    def _seen(self, rel: PurePosixPath, values: Mapping[str, object]) -> dict[str, object]:
        """The front matter as Hugo reads it: cascaded values under the file's own, keys
        lower-cased."""
        inherited = self.inherited(rel, Placement(None, "page"))
        merged = {k.lower(): v.value for k, v in inherited.items()}
        merged.update((str(k).lower(), v) for k, v in values.items())
        return merged

    def _date(self, which: str, rel: PurePosixPath, seen: Mapping[str, object]) -> dt.date | None:
        return read_date(which, self.config.get("frontmatter"), seen, (self.root, rel))

    def _indexes(self, folder: PurePosixPath) -> tuple[bool, dict[str | None, str]]:
        """Whether a folder of the site is a leaf bundle (it holds an `index` content
        file), and its `_index` files by language (None: no suffix); read again when the
        folder changes, and once, not per file, for a folder of 10,000 posts."""
        known = self._listings.get(folder)
        now = time.monotonic()
        if known is not None and now - known[0] < _FRESH:
            return known[2], known[3]
        path = self.root / folder
        try:
            stamp = os.stat(path).st_mtime_ns
        except OSError:
            return False, {}
        if known is None or known[1] != stamp:
            try:
                names = sorted(n for n in os.listdir(path) if n.startswith(("index.", "_index.")))
            except OSError:
                names = []
            leaf, sections = False, {}
            for name in names:
                if name.rsplit(".", 1)[-1] not in CONTENT_EXTENSIONS:
                    continue
                base, lang = self._split(name)
                leaf = leaf or base == "index"
                if base == "_index":
                    sections.setdefault(lang, name)
            known = (now, stamp, leaf, sections)
        self._listings[folder] = known = (now, *known[1:])
        return known[2], known[3]

    def _leaf_index(self, folder: PurePosixPath) -> bool:
        """Whether `folder` is a leaf bundle: it holds an `index` content file."""
        return self._indexes(folder)[0]

    def _section_index(
        self, folder: PurePosixPath, lang: str, dir_lang: str | None
    ) -> PurePosixPath | None:
        """The `_index` file giving `folder`'s section page in `lang`: `_index.<lang>.md`,
        else `_index.md` when that one is in `lang`."""
        found = self._indexes(folder)[1]
        if lang in found:
            return folder / found[lang]
        if None in found and (dir_lang or self._default_lang) == lang:
            return folder / found[None]
        return None

    def _sections(self, folder: PurePosixPath) -> list[tuple[str, int]]:
        """The sections of a content dir (its first-level folders that hold content and are
        not leaf bundles nor other content dirs), with how many pages each holds."""
        path = self.root / folder
        try:
            items = sorted(os.scandir(path), key=lambda e: e.name)
        except OSError:
            return []
        found = []
        for item in items:
            rel = folder / item.name
            if item.name.startswith((".", "_")) or not item.is_dir() or rel in self.content_dirs:
                continue
            if self._leaf_index(rel):
                continue
            pages = count_pages(Path(item.path))
            if pages:
                found.append((item.name, pages))
        return found

    @cached_property
    def _taxonomies(self) -> frozenset[str]:
        declared = self.config.get("taxonomies")
        if isinstance(declared, Mapping):
            return frozenset(str(v).lower() for v in declared.values())
        return frozenset({"tags", "categories"})

    @cached_property
    def _ignore_patterns(self) -> tuple[re.Pattern[str], ...]:
        patterns = []
        for text in as_list(self.config.get("ignorefiles")):
            try:
                patterns.append(re.compile(str(text)))
            except re.error:
                self.notes.append(f"ignoreFiles: {text!r} is not a pattern Post Editor reads.")
        return tuple(patterns)

    def _ignored(self, rel: PurePosixPath) -> bool:
        """Hugo skips files named `#...` or `...~`, and those matching `ignoreFiles`."""
        if rel.name.startswith("#") or rel.name.endswith("~"):
            return True
        full = (self.root / rel).as_posix()
        return any(p.search(full) for p in self._ignore_patterns)


def _params(config: Mapping[str, object]) -> Mapping[str, object]:
    params = config.get("params")
    return params if isinstance(params, Mapping) else {}
