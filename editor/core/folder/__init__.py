"""A folder and the work over all its posts: the index, bulk reading, new-post paths,
batch edits of the taxonomy, the quick-open finder, and folder-wide checks.

Every name is re-exported lazily (PEP 562): a worker process of the bulk read imports
`bulk_read` alone, not the index with every site generator's module."""

from typing import TYPE_CHECKING

from editor.core import lazy_exports

if TYPE_CHECKING:
    from editor.core.folder.content_folder import (
        POST_SUFFIXES,
        ContentFolder,
        IndexEntry,
        Taxonomy,
    )
    from editor.core.folder.folder_walk import scan_enters
    from editor.core.folder.index_entry import taxonomy_of
    from editor.core.folder.judging import Judged, applied_schema, judge
    from editor.core.folder.quick_find import QuickFind
    from editor.core.folder.taxonomy_edit import ApplyResult, Plan, apply, plan_rename, terms

_MODULE_OF = {
    "POST_SUFFIXES": "content_folder",
    "ContentFolder": "content_folder",
    "IndexEntry": "content_folder",
    "Taxonomy": "content_folder",
    "scan_enters": "folder_walk",
    "taxonomy_of": "index_entry",
    "Judged": "judging",
    "applied_schema": "judging",
    "judge": "judging",
    "QuickFind": "quick_find",
    "ApplyResult": "taxonomy_edit",
    "Plan": "taxonomy_edit",
    "apply": "taxonomy_edit",
    "plan_rename": "taxonomy_edit",
    "terms": "taxonomy_edit",
}


__getattr__ = lazy_exports(__name__, _MODULE_OF)


__all__ = [
    "POST_SUFFIXES",
    "ApplyResult",
    "ContentFolder",
    "IndexEntry",
    "Judged",
    "Plan",
    "QuickFind",
    "Taxonomy",
    "applied_schema",
    "apply",
    "judge",
    "plan_rename",
    "scan_enters",
    "taxonomy_of",
    "terms",
]
