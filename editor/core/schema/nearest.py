"""The nearest `.post-editor.yaml` that governs a folder, found without the CMS config readers
that `source` loads: `render FILE` asks only which Markdown engine that file names
(`rendering/choice.py`). The file's reader (`schema_file`, and the model of fields it builds)
is loaded when a file is found: most sites have none."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from editor.core import lazy_module

if TYPE_CHECKING:
    from editor.core.schema import schema_file
    from editor.core.schema.model import Schema
else:
    schema_file = lazy_module("editor.core.schema.schema_file")

# The file a writer declares a folder's fields in (`schema_file` reads it).
SCHEMA_FILE = ".post-editor.yaml"


def up_to_repository(folder: Path) -> Iterator[Path]:
    """The folder and those above it, up to its repository's root: a site's CMS config (or
    schema file) never lives above the repository that holds the site."""
    for base in (folder, *folder.parents):
        yield base
        if (base / ".git").exists():
            return


def file_schema(
    root: Path, top: Path | None = None, *, anywhere: bool = False
) -> tuple[Schema, Path] | None:
    """The schema a `.post-editor.yaml` gives the folder `root`, with the file's path: the
    nearest file from `root` up to `top` (just `root` without `top`; any folder above with
    `anywhere`) that declares one schema, or the nearest file up to the repository's root
    that lists a collection holding `root`. Raises the `PostError` of a file met on the way
    that cannot be read: which folders it means cannot be known."""
    root = Path(os.path.abspath(root))
    top = Path(os.path.abspath(top)) if top is not None else None
    for place in up_to_repository(root):
        path = place / SCHEMA_FILE
        if not path.is_file():
            continue
        found = schema_file.read_schema_file(path)
        own = anywhere or place == root or (top is not None and place.is_relative_to(top))
        if found.schema is not None and own:
            return found.schema, path
        if (collection := found.collection_for(root)) is not None:
            return collection.schema, path
    return None
