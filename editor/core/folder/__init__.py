"""A folder and the work over all its posts: the index, bulk reading, new-post paths,
batch edits of the taxonomy, and folder-wide checks."""

from editor.core.folder.content_folder import (
    POST_SUFFIXES,
    ContentFolder,
    IndexEntry,
    Taxonomy,
    scan_enters,
)
from editor.core.folder.judging import Judged, applied_schema, judge
from editor.core.folder.taxonomy_edit import ApplyResult, Plan, apply, plan_rename, terms

__all__ = [
    "POST_SUFFIXES",
    "ApplyResult",
    "ContentFolder",
    "IndexEntry",
    "Judged",
    "Plan",
    "Taxonomy",
    "applied_schema",
    "apply",
    "judge",
    "plan_rename",
    "scan_enters",
    "terms",
]
