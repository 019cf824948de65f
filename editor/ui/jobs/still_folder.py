"""What a worker may read of a `ContentFolder` while the indexer or a save changes the real one.

`still_copy(folder)`, taken on the UI thread, holds the index as a list, the root and the
schema: enough for `check_site` and `plan_rename`, which run on a `Job`'s worker.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import cast

from editor.core.errors import PostError
from editor.core.folder.content_folder import ContentFolder, IndexEntry
from editor.core.schema import Schema, SchemaSource


@dataclass(frozen=True)
class StillFolder:
    """The parts of a ContentFolder that `check_site` and `plan_rename` read."""

    root: Path
    schema: Schema
    schema_source: SchemaSource
    entries: list[IndexEntry]

    def scan(self) -> list[IndexEntry]:
        """The entries as copied (never rescanned here: the indexer owns scanning)."""
        return self.entries

    def schema_problem(self) -> PostError | None:
        """The folder's schema problem, as ContentFolder says it."""
        return ContentFolder.schema_problem(cast(ContentFolder, self))


def still_copy(folder: ContentFolder) -> ContentFolder:
    """A still copy of the folder's index for a worker (taken on the UI thread): the indexer
    may change the folder's own dictionary of entries while the worker walks it."""
    if isinstance(folder, ContentFolder):  # checks read its collections' schemas too
        return folder.still()
    copy = StillFolder(folder.root, folder.schema, folder.schema_source, folder.entries)
    return cast(ContentFolder, copy)
