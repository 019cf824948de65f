"""Which schema a folder follows, and where it came from. First found wins: its
`.post-editor.yaml` (`schema_file`), or the collection that holds it in one above that lists
collections; else the schema the site's generator holds the folder's
collection to (Astro's zod schema: the build is the judge); else the Decap, Sveltia or Front
Matter CMS config of its site, when that config describes the folder (`cms`); else
`infer_schema` derives one from the posts over `DEFAULT`, the reference post shape
(`inference`).
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from editor.core import lazy_module
from editor.core.errors import PostError
from editor.core.schema.cms.places import CONFIG_PLACES, DECAP, candidate_files, find_site_root
from editor.core.schema.inference import guessed_keys, infer_schema
from editor.core.schema.model import Schema
from editor.core.schema.nearest import SCHEMA_FILE, file_schema, up_to_repository
from editor.core.schema.schema_file import read_schema_file

if TYPE_CHECKING:
    from editor.core.schema.cms import config as cms_config
    from editor.core.schema.cms import config_file, media
    from editor.core.schema.cms.config_file import CmsSchema
else:  # the config readers, loaded when a site has a CMS config (`places` finds it): most have none
    cms_config = lazy_module("editor.core.schema.cms.config")
    config_file = lazy_module("editor.core.schema.cms.config_file")
    media = lazy_module("editor.core.schema.cms.media")

SchemaOrigin = Literal["file", "generator", "cms", "inferred", "default"]


@dataclass(frozen=True)
class SchemaSource:
    """A folder's schema with where it came from and what the writer should know about that.

    `origin`: "file" (`.post-editor.yaml`), "generator" (the generator's own schema of the
    collection: Astro's zod schema), "cms" (a CMS config, `cms` says which collection),
    "inferred" (from the posts), "default" (the reference shape: the schema file is broken;
    `ContentFolder.schema_problem` tells why). `notes` are plain sentences, one a line: what a
    CMS config holds that the form does not take and why, or why a config found was not used
    (an unreadable one with its path and line; `cms.problem` holds that as a `PostError`).
    """

    schema: Schema
    origin: SchemaOrigin
    path: Path | None = None  # the schema file or CMS config the fields came from
    notes: tuple[str, ...] = ()
    cms: CmsSchema | None = dataclasses.field(default=None, compare=False)
    # Inferred fields whose type is only what most posts hold (see `inference.guessed_keys`).
    guessed: frozenset[str] = frozenset()

    @property
    def declared(self) -> bool:
        """Whether the writer wrote these fields (a schema file, the generator's schema, a
        CMS config), rather than they were inferred from the posts or are the built-in
        shape."""
        return self.origin in ("file", "generator", "cms")


def schema_source(
    root: Path,
    values: Iterable[Mapping[str, object]],
    top: Path | None = None,
    site: SchemaSource | None = None,
) -> SchemaSource:
    """The folder's schema and its source: `.post-editor.yaml`, else `site` (the schema
    the site's generator declares for the folder's collection: Astro's), else the site's
    CMS config when it describes this folder, else inferred from `values`. A broken schema
    file raises `PostError` (with its line); a broken CMS config is a note, and the posts
    are used; so is a `site` schema with no fields (its notes say why).

    With `top` (a folder holding `root`: the folder the writer opened, for a collection's
    folder inside it), the nearest schema file from `root` up to `top` counts; a file further
    up counts for the collections it lists."""
    if (found := file_schema(root, top)) is not None:
        return SchemaSource(found[0], "file", found[1])
    if site is not None and site.schema.fields:
        return site
    cms, source = _cms_source(root)
    if source is not None:
        return source
    schema = infer_schema(values)
    notes = (*(site.notes if site else ()), *(cms.notes if cms else ()))
    return SchemaSource(schema, "inferred", None, notes, cms, guessed_keys(schema))


def schema_file_for(root: Path, top: Path | None = None) -> Path | None:
    """The `.post-editor.yaml` whose schema `root` follows (see `file_schema`), or the one
    on the way that cannot be read."""
    try:
        found = file_schema(root, top)
    except PostError as error:
        return error.path
    return found[1] if found is not None else None


def _cms_source(root: Path) -> tuple[CmsSchema | None, SchemaSource | None]:
    """The CMS config found for a folder, and the schema source it makes when it describes
    the folder (None when it does not, or cannot be read)."""
    cms = cms_config.read_cms_schema(root) if find_site_root(root) is not None else None
    if cms is None or cms.schema is None:
        return cms, None
    schema = dataclasses.replace(cms.schema, media=media.setting_from_cms(cms))
    return cms, SchemaSource(schema, "cms", cms.path, cms.notes, cms)


def schema_for_post(path: Path) -> Schema:
    """The schema a post read alone follows (`post-editor check FILE`, a post restored
    without its folder): the nearest `.post-editor.yaml` in its folder or above (the
    collection holding the post's folder, in one that lists collections), else the CMS
    config that describes its folder, else the built-in shape. A broken schema file raises
    `PostError`."""
    folder = path if path.is_dir() else path.parent
    if (found := file_schema(folder.resolve(), anywhere=True)) is not None:
        return found[0]
    _, source = _cms_source(folder)
    return source.schema if source is not None else Schema.DEFAULT


def schema_files(root: Path) -> tuple[Path, ...]:
    """Every file whose change can change the folder's schema (most do not exist): watch
    their stamps to know when to work the schema out again. A schema file anywhere above
    the folder counts: it may list the folder as a collection."""
    above = up_to_repository(Path(os.path.abspath(root)))
    return (*(place / SCHEMA_FILE for place in above), *candidate_files(root))


def declared_folders(folder: Path) -> tuple[Path, ...]:
    """The collection folders the `.post-editor.yaml` files in `folder` and above it list,
    absolute; a file that cannot be read lists none (`file_schema` raises its error)."""
    found: list[Path] = []
    for place in up_to_repository(Path(os.path.abspath(folder))):
        if (place / SCHEMA_FILE).is_file():
            try:
                found += [c.folder for c in read_schema_file(place / SCHEMA_FILE).collections]
            except PostError:
                continue
    return tuple(dict.fromkeys(found))


def schema_for_folder(root: Path, values: Iterable[Mapping[str, object]]) -> Schema:
    """The folder's `.post-editor.yaml` when it has one, else its site's CMS config when that
    describes the folder, else a schema inferred from `values` (see `schema_source`)."""
    return schema_source(root, values).schema


def cms_folders(folder: Path) -> tuple[Path, ...]:
    """The folders the site's CMS configs give collections of their own (Decap's folder
    collections, Front Matter's page folders), absolute; () when the site has none or they
    cannot be read (`schema_source` then says why). A site opened at its root gives each of
    them its own schema."""
    root = find_site_root(folder)
    if root is None:
        return ()
    found: list[Path] = []
    for cms, place in CONFIG_PLACES:
        if not (root / place).is_file():
            continue
        load = config_file.load_yaml if cms == DECAP else config_file.load_json
        try:
            config = load(root / place)
        except PostError:
            continue
        if not isinstance(config, dict):
            continue
        if cms == DECAP:
            listed, key = config.get("collections"), "folder"
        else:
            listed, key = config.get("frontMatter.content.pageFolders"), "path"
        for item in listed if isinstance(listed, list) else ():
            text = item.get(key) if isinstance(item, dict) else None
            if isinstance(text, str) and "\0" not in text:
                text = (
                    text.strip().replace("\\", "/").removeprefix(config_file.WORKSPACE).strip("/")
                )
                found.append(Path(os.path.normpath(root.absolute() / text)))
    return tuple(dict.fromkeys(found))
