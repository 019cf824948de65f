"""Astro (https://astro.build): content collections defined in `src/content.config.ts` (Astro 5)
or `src/content/config.ts` (legacy), read without running Node; else one per folder of
`src/content/`. Markdown under `src/pages/` are pages.

A collection's files come from its loader: `glob({ pattern, base })` (base relative to the
project root, "." by default), Starlight's `docsLoader()` (`src/content/docs`, files not
starting with `_`), or none at all (a legacy collection: `src/content/<name>/`). A loader that
only running the config could tell (a computed pattern, a custom loader) is said in `notes`.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Mapping
from functools import cached_property
from pathlib import Path, PurePosixPath

from editor.core.schema import DATE_KEYS, SchemaSource
from editor.core.site.generators.astro_schema import collection_schema
from editor.core.site.generators.base import Collection, Generator, Placement, Status
from editor.core.site.generators.detection import ASTRO_MARKERS
from editor.core.site.generators.js_literals import Call, Code, JsSource, Ref
from editor.core.site.generators.markdown_profiles import astro_profile
from editor.core.site.rendering.profile import MarkdownProfile

_CONFIGS = tuple(
    f"src/{name}.{ext}"
    for name in ("content.config", "content/config")
    for ext in ("ts", "mts", "js", "mjs")
)
_SITE_CONFIGS = ASTRO_MARKERS  # the config Astro reads: the first of them found
# Astro's own Markdown extensions, and those Starlight's docsLoader adds.
_LEGACY_PATTERN = "**/[^_]*.{md,mdx,markdown,mdown,mkdn,mkd,mdwn,markdoc,mdoc}"
_STARLIGHT = ("src/content/docs", "**/[^_]*.{markdown,mdown,mkdn,mkd,mdwn,md,mdx,mdoc}")
_POST_NAMES = frozenset({"blog", "posts", "post", "news", "articles", "notes"})
_NEVER = frozenset({"node_modules", "dist", "public", ".astro"})


class Astro(Generator):
    """An Astro site (Starlight docs sites included)."""

    name = "astro"
    label = "Astro"
    markers = ASTRO_MARKERS

    def __init__(self, root: Path) -> None:
        super().__init__(root)
        # The content config and each collection's `schema:` option, as read.
        self._config_path: str | None = None
        self._source: JsSource | None = None
        self._schema_options: dict[str, object] = {}

    # --- the site -------------------------------------------------------------------

    def markdown_profile(self) -> MarkdownProfile:
        """remark as `markdown` in the Astro config sets it up."""
        path = next((p for p in _SITE_CONFIGS if (self.root / p).is_file()), None)
        try:
            text = (self.root / path).read_text(encoding="utf-8") if path else ""
        except (OSError, UnicodeDecodeError):
            text = ""
        return astro_profile(text)

    @cached_property
    def collections(self) -> tuple[Collection, ...]:
        found = self._configured()
        if found is None:
            found = self._folders()
        if any(c.kind == "post" for c in found) and not self._reads_drafts():
            self.notes.append(
                "no code under src/ reads `draft`: Astro itself publishes entries marked "
                "draft: true, unless the site's pages filter them out"
            )
        return tuple(sorted(found, key=lambda c: c.kind != "post"))

    def _reads_drafts(self) -> bool:
        """Whether the site's own code (pages, layouts, components) mentions `draft`, as a
        blog that filters its drafts out does (`({ data }) => !data.draft`)."""
        for folder, dirs, files in os.walk(self.root / "src"):
            dirs[:] = [d for d in dirs if d != "content" and not d.startswith(".")]
            for name in files:
                if os.path.splitext(name)[1] in (".astro", ".ts", ".js", ".mjs", ".tsx", ".jsx"):
                    try:
                        with open(
                            os.path.join(folder, name), encoding="utf-8", errors="replace"
                        ) as f:
                            if re.search(r"\bdraft\b", f.read()):
                                return True
                    except OSError:
                        continue
        return False

    def _configured(self) -> list[Collection] | None:
        """The collections of the content config, or None when there is none to follow."""
        path = next((p for p in _CONFIGS if (self.root / p).is_file()), None)
        if path is None:
            return None
        source = _read(self.root / path)
        if source is None:
            self.notes.append(f"{path} could not be read; collections are src/content's folders")
            return None
        self._config_path, self._source = path, source
        defined = source.resolve(source.bindings.get("collections"))
        if not isinstance(defined, dict):
            self.notes.append(
                f"{path} exports no `collections` object Post Editor can read; "
                "collections are src/content's folders"
            )
            return None
        found = []
        for name, value in defined.items():
            value = source.resolve(value)
            options = value.args[0] if isinstance(value, Call) and value.args else None
            options = source.resolve(options)
            if (
                isinstance(value, Call)
                and value.name == "defineCollection"
                and isinstance(options, dict)
            ):
                collection = self._collection(name, options, source)
            else:
                self.notes.append(
                    f"{path}: the collection ‘{name}’ is not a defineCollection() "
                    "Post Editor can read"
                )
                collection = self._fallback(name)
            if collection is not None:
                found.append(collection)
        return found

    def _fallback(self, name: str) -> Collection | None:
        """For a collection whose loader cannot be followed: its folder in src/content, if
        it has one (where a legacy collection of that name would be)."""
        folder = PurePosixPath("src/content", name)
        if not (self.root / folder).is_dir():
            return None
        kind = "post" if name.lower() in _POST_NAMES else "page"
        return Collection(name, folder, kind, (_LEGACY_PATTERN,))

    def _collection(self, name: str, options: dict, source: JsSource) -> Collection | None:
        self._schema_options[name] = options.get("schema")
        loader = source.resolve(options.get("loader"))
        kind = self._kind(name, options)
        if loader is None:  # a legacy collection: type "content" (the default) or "data"
            if options.get("type") == "data":
                return None
            return Collection(name, PurePosixPath("src/content", name), kind, (_LEGACY_PATTERN,))
        if isinstance(loader, Call) and loader.name.endswith("docsLoader"):
            return Collection(name, PurePosixPath(_STARLIGHT[0]), kind, (_STARLIGHT[1],))
        if isinstance(loader, Call) and loader.name == "glob" and loader.args:
            glob = source.resolve(loader.args[0])
            glob = glob if isinstance(glob, dict) else {}
            pattern, base = (
                source.resolve(glob.get("pattern")),
                source.resolve(glob.get("base", ".")),
            )
            patterns = [pattern] if isinstance(pattern, str) else pattern
            if (
                isinstance(patterns, list)
                and patterns
                and all(isinstance(p, str) for p in patterns)
                and isinstance(base, str)
            ):
                folder = PurePosixPath(
                    os.path.normpath(base.removeprefix("./")).replace(os.sep, "/")
                )
                return Collection(name, folder, kind, tuple(p.removeprefix("./") for p in patterns))
            self.notes.append(
                f"the collection ‘{name}’ has a glob() pattern or base Post Editor cannot read "
                f"({_quote(loader)}); it is not followed"
            )
            return self._fallback(name)
        if isinstance(loader, Call) and loader.name in ("file", "i18nLoader"):
            return None  # data files (JSON, YAML): no Markdown posts
        self.notes.append(
            f"the collection ‘{name}’ uses a loader Post Editor cannot follow ({_quote(loader)})"
        )
        return self._fallback(name)

    def _kind(self, name: str, options: dict) -> str:
        """A collection is a blog when its schema has a date field, or its name says so."""
        schema = options.get("schema")
        text = schema.text if isinstance(schema, Call | Code) else repr(schema)
        keys = "|".join(re.escape(k) for k in DATE_KEYS)
        if re.search(rf"(?<![\w$])(?:{keys})\s*:", text) or name.lower() in _POST_NAMES:
            return "post"
        return "page"

    def _folders(self) -> list[Collection]:
        """Without a config Astro 4 and earlier (and 5, in legacy mode) made one collection
        per folder of `src/content/`."""
        content = self.root / "src" / "content"
        try:
            names = sorted(
                e.name for e in os.scandir(content) if e.is_dir() and e.name[0] not in "._"
            )
        except OSError:
            return []
        return [
            Collection(
                name,
                PurePosixPath("src/content", name),
                "post" if name.lower() in _POST_NAMES else "page",
                (_LEGACY_PATTERN,),
            )
            for name in names
        ]

    @cached_property
    def languages(self) -> tuple[str, ...]:
        """`i18n.locales` (with `defaultLocale` first), or Starlight's `locales`."""
        return tuple(dict.fromkeys(self._locale_folders.values()))

    @cached_property
    def _locale_folders(self) -> dict[str, str]:
        """Language by the folder that holds it ("" for the root locale), default first."""
        path = next((p for p in _SITE_CONFIGS if (self.root / p).is_file()), None)
        source = _read(self.root / path) if path else None
        if source is None:
            return {}
        starlight = _call(source.find_value("integrations"), "starlight", source)
        if starlight is not None:
            return self._starlight_locales(starlight, source)
        i18n = source.resolve(source.find_value("i18n"))
        if not isinstance(i18n, dict):
            return {}
        locales, default = source.resolve(i18n.get("locales")), i18n.get("defaultLocale")
        folders: dict[str, str] = {}
        for locale in locales if isinstance(locales, list) else []:
            locale = source.resolve(locale)
            if isinstance(locale, str):
                folders[locale] = locale
            elif isinstance(locale, dict) and isinstance(locale.get("path"), str):
                codes = locale.get("codes")
                code = codes[0] if isinstance(codes, list) and codes else locale["path"]
                folders[locale["path"]] = str(code)
        if isinstance(default, str) and default in folders:
            folders = {default: folders[default]} | folders
        elif isinstance(default, str):
            folders = {"": default} | folders
        return folders

    def _starlight_locales(self, starlight: dict, source: JsSource) -> dict[str, str]:
        locales = source.resolve(starlight.get("locales"))
        default = source.resolve(starlight.get("defaultLocale"))
        if not isinstance(locales, dict):
            return {"": "en"}  # a single-language Starlight site is in English by default
        folders: dict[str, str] = {}
        for key, locale in locales.items():
            locale = source.resolve(locale)
            lang = locale.get("lang") if isinstance(locale, dict) else None
            folders["" if key == "root" else key] = lang if isinstance(lang, str) else key
        first = "" if "" in folders else default if isinstance(default, str) else None
        if first in folders:
            folders = {first: folders[first]} | folders
        return folders

    def enters(self, rel_folder: PurePosixPath) -> bool:
        """Only the folders of collections and pages (and those leading to them)."""
        if rel_folder.name in _NEVER:
            return False
        wanted = [c.folder for c in self.collections] + [PurePosixPath("src/pages")]
        return any(
            rel_folder == folder
            or rel_folder.is_relative_to(folder)
            or folder.is_relative_to(rel_folder)
            for folder in wanted
        )

    def collection_schema(self, collection: Collection) -> SchemaSource | None:
        """The collection's zod schema, as `astro sync` wrote it out, else as far as the
        content config reads (`astro_schema`)."""
        self.collections  # noqa: B018 - reads the content config
        if collection.name not in self._schema_options:
            return None
        config = Path(self._config_path) if self._config_path else None
        option = self._schema_options[collection.name]
        return collection_schema(self.root, collection.name, config, option, self._source)

    # --- one file -------------------------------------------------------------------

    def place(self, rel: PurePosixPath, values: Mapping[str, object]) -> Placement | None:
        collection = self.collection_of(rel)
        if collection is not None:
            return Placement(collection, collection.kind)
        pages = PurePosixPath("src/pages")
        if (
            rel.is_relative_to(pages)
            and rel.suffix in (".md", ".mdx", ".markdown")
            and not any(part.startswith("_") for part in rel.relative_to(pages).parts)
        ):
            return Placement(None, "page")
        return None

    def language(self, rel: PurePosixPath, values: Mapping[str, object]) -> str | None:
        """The locale folder holding the file (`src/content/docs/fr/...`), else the
        default locale; a `lang` key (Starlight's frontmatter has none) comes first."""
        folders = self._locale_folders
        if not folders:
            return super().language(rel, values)
        collection = self.collection_of(rel)
        base = collection.folder if collection else PurePosixPath("src/pages")
        inner = rel.relative_to(base).parts if rel.is_relative_to(base) else ()
        if len(inner) > 1 and inner[0] in folders and inner[0]:
            return folders[inner[0]]
        return folders.get("", next(iter(folders.values())))

    def status(
        self, rel: PurePosixPath, place: Placement, values: Mapping[str, object], today: dt.date
    ) -> Status:
        """`draft: true` leaves a post out (Starlight drops drafts from builds; a blog's
        own code most often filters them). Astro publishes future-dated entries."""
        return "draft" if values.get("draft") is True else "published"


def _read(path: os.PathLike[str]) -> JsSource | None:
    try:
        with open(path, encoding="utf-8", errors="replace") as file:
            return JsSource(file.read())
    except OSError:
        return None


def _call(value: object, name: str, source: JsSource) -> dict | None:
    """The options object of the call to `name` in a list of integrations."""
    for item in source.resolve(value) if isinstance(source.resolve(value), list) else []:
        item = source.resolve(item)
        if isinstance(item, Call) and item.name == name and item.args:
            options = source.resolve(item.args[0])
            return options if isinstance(options, dict) else {}
    return None


def _quote(value: object) -> str:
    text = (
        value.text
        if isinstance(value, Call | Code)
        else value.name
        if isinstance(value, Ref)
        else str(value)
    )
    text = " ".join(text.split())
    return text if len(text) <= 60 else text[:57] + "..."
