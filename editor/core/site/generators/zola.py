"""Zola (https://www.getzola.org): `config.toml` (or `zola.toml`) at the root, content under
`content/`, TOML front matter between `+++` lines.

As Zola's loader does: every `.md` file of `content/` is a page, except `_index.md` (and
`_index.<lang>.md`), which makes its folder a section; a page's section is the folder holding
it (for a bundle's `index.md`, the bundle's parent); a page whose folder is no section is an
orphan page, rendered but in no section. Other `.md` files inside a bundle are pages of their
own. A drafted section drafts everything below it. The language is the file name's
`.<code>.md` suffix; a code the config does not declare stops the build. Zola has no schedule:
a future date publishes.
"""

from __future__ import annotations

import datetime as dt
import fnmatch
import re
import tomllib
from collections.abc import Container, Mapping
from functools import cached_property
from pathlib import Path, PurePosixPath

from editor.core import document
from editor.core.document import decode, read_bytes
from editor.core.errors import PostError
from editor.core.schema import Problem
from editor.core.site.generators.base import (
    Collection,
    Generator,
    NewPostStyle,
    Placement,
    Status,
)
from editor.core.site.generators.detection import ZOLA_MARKERS, zola_site
from editor.core.site.generators.markdown_profiles import zola_profile
from editor.core.site.rendering.profile import MarkdownProfile

_CONTENT = PurePosixPath("content")
_POST_NAMES = frozenset({"blog", "posts", "post", "news", "articles"})
# A date at the start of a file (or bundle folder) name, as Zola reads it when the front
# matter has none: `2024-01-15-title.md`, `2024-01-15_title`.
_NAME_DATE = re.compile(r"(\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}:\d{2})?)[-_]")


class Zola(Generator):
    """A Zola site."""

    name = "zola"
    label = "Zola"
    markers = ZOLA_MARKERS

    def __init__(self, root: Path) -> None:
        super().__init__(root)
        # Each folder's section front matter (None: no section there), read once.
        self._sections: dict[PurePosixPath, dict[str, object] | None] = {}

    @classmethod
    def detect(cls, root: Path, names: Container[str]) -> bool:
        """Zola's `config.toml` spells the site address `base_url`, Hugo's `baseURL`."""
        return zola_site(root, names)

    # --- the site -------------------------------------------------------------------

    @cached_property
    def config(self) -> Mapping[str, object]:
        name = "zola.toml" if (self.root / "zola.toml").is_file() else "config.toml"
        try:
            with open(self.root / name, "rb") as file:
                return tomllib.load(file)
        except (OSError, tomllib.TOMLDecodeError) as error:
            self.notes.append(f"{name} could not be read: {error}")
            return {}

    @cached_property
    def languages(self) -> tuple[str, ...]:
        """`default_language` ("en" unless set), then the codes of `[languages.xx]` (or the
        list of `languages = [{code = "fr"}]` before Zola 0.15)."""
        default = self.config.get("default_language", "en")
        declared = self.config.get("languages", {})
        if isinstance(declared, list):
            codes = [d.get("code") for d in declared if isinstance(d, dict)]
        else:
            codes = list(declared) if isinstance(declared, dict) else []
        return tuple(dict.fromkeys([str(default), *(str(c) for c in codes if c)]))

    def markdown_profile(self) -> MarkdownProfile:
        """pulldown-cmark as the config's `[markdown]` sets it up."""
        return zola_profile(self.config)

    @cached_property
    def collections(self) -> tuple[Collection, ...]:
        """A collection per section (a folder of content/ with `_index.md`), root included;
        a blog ("post") when it sorts its pages by date or is named like one."""
        found = []
        root = self.root / _CONTENT
        folders = [root, *sorted(p.parent for p in root.rglob("_index*.md") if p.parent != root)]
        for folder in dict.fromkeys(folders):
            rel = PurePosixPath(folder.relative_to(self.root).as_posix())
            front = self._section(rel)
            if front is None and folder != root:
                continue
            front = front or {}
            dated = front.get("sort_by") in ("date", "update_date")
            # Named by its path in content/ (sections of two folders may share a name);
            # the root section is Zola's "index" section.
            name = rel.relative_to(_CONTENT).as_posix() if rel != _CONTENT else "index"
            kind = "post" if dated or rel.name.lower() in _POST_NAMES else "page"
            found.append(Collection(name, rel, kind))
        return tuple(sorted(found, key=lambda c: c.kind != "post"))

    def _section(self, folder: PurePosixPath) -> dict[str, object] | None:
        """The front matter of a folder's `_index.md` (of any language), None when it has
        none (no section)."""
        cache = self._sections
        if folder not in cache:
            cache[folder] = None
            for name in ["_index.md"] + [f"_index.{code}.md" for code in self.languages]:
                path = self.root / folder / name
                if path.is_file():
                    try:  # `document.Post`: the document model loads with the first section
                        text = decode(read_bytes(path), path)
                        cache[folder] = dict(document.Post(text, path).values)
                    except PostError:
                        cache[folder] = {}
                    break
        return cache[folder]

    def link_roots(self) -> tuple[PurePosixPath, ...]:
        """`content/`: Zola's internal links `@/blog/post.md` name files from there."""
        return (PurePosixPath("content"),)

    def new_post_style(self, collection: Collection, declared: bool) -> NewPostStyle:
        """TOML: the only front matter Zola reads."""
        return NewPostStyle("toml")

    def enters(self, rel_folder: PurePosixPath) -> bool:
        """Only `content/` (not templates/, static/, themes/, sass/ nor public/)."""
        return rel_folder.is_relative_to(_CONTENT) or rel_folder == PurePosixPath(".")

    # --- one file -------------------------------------------------------------------

    def place(self, rel: PurePosixPath, values: Mapping[str, object]) -> Placement | None:
        if not rel.is_relative_to(_CONTENT) or rel.suffix != ".md" or rel.name.startswith("."):
            return None
        if self._ignored(rel):
            return None
        if rel.name.startswith("_index."):
            return Placement(self._collection_at(rel.parent), "page", "section")
        bundle = rel.name.split(".")[0] == "index" and rel.parent != _CONTENT
        section = self._collection_at(rel.parent.parent if bundle else rel.parent)
        return Placement(section, section.kind if section else "page", "bundle" if bundle else "")

    def _collection_at(self, folder: PurePosixPath) -> Collection | None:
        return next((c for c in self.collections if c.folder == folder), None)

    def _ignored(self, rel: PurePosixPath) -> bool:
        """`ignored_content` globs (matched against the whole path, as Zola's globset)."""
        patterns = self.config.get("ignored_content", [])
        full = (self.root / rel).as_posix()
        return isinstance(patterns, list) and any(
            isinstance(p, str) and fnmatch.fnmatchcase(full, p if p.startswith("/") else f"*{p}")
            for p in patterns
        )

    def language(self, rel: PurePosixPath, values: Mapping[str, object]) -> str | None:
        """The file name's `.<code>.md` when the site has other languages, else the default
        (Zola reads no `lang` key)."""
        code = self._code(rel)
        return code if code in self.languages else self.default_language

    def _code(self, rel: PurePosixPath) -> str | None:
        if len(self.languages) < 2:
            return None
        parts = rel.name.removesuffix(".md").split(".", 1)
        return parts[1] if len(parts) > 1 else None

    def date(self, rel: PurePosixPath, values: Mapping[str, object]) -> dt.date | None:
        """`date` (a TOML date), else a date starting the file name (a bundle's folder
        name for its index.md)."""
        if values.get("date") is not None:
            return super().date(rel, {"date": values["date"]})
        name = rel.parent.name if rel.name.split(".")[0] == "index" else rel.name
        if match := _NAME_DATE.match(name):
            return super().date(rel, {"date": match.group(1)})
        return None

    def build_values(
        self, rel: PurePosixPath, place: Placement, values: Mapping[str, object]
    ) -> Mapping[str, object]:
        """With the file name's date when the front matter has none."""
        if values.get("date") is None and (date := self.date(rel, values)) is not None:
            return dict(values) | {"date": date}
        return values

    def status(
        self, rel: PurePosixPath, place: Placement, values: Mapping[str, object], today: dt.date
    ) -> Status:
        """`draft = true` on the file or any section above it; future dates publish."""
        if values.get("draft") is True:
            return "draft"
        folder = rel.parent
        while folder.is_relative_to(_CONTENT):
            front = self._section(folder)
            if front is not None and front.get("draft") is True and folder / "_index.md" != rel:
                return "draft"
            folder = folder.parent
        return "published"

    def problems(
        self, rel: PurePosixPath, place: Placement, values: Mapping[str, object]
    ) -> list[Problem]:
        """What stops `zola build`: a language code the config lacks, a page `index.md`
        beside a section's `_index.md` (or at content's root)."""
        found = []
        code = self._code(rel)
        if code is not None and code not in self.languages:
            found.append(
                f"the language ‘{code}’ of the file name is not among the config's "
                f"languages ({', '.join(self.languages)})"
            )
        if rel == _CONTENT / "index.md":
            found.append("a page index.md cannot sit at the root of content/")
        elif place.role == "bundle" and self._section(rel.parent) is not None:
            found.append("a page index.md cannot sit beside a section's _index.md")
        return [Problem(None, 1, "file", "error", f"Zola stops: {text}") for text in found]
