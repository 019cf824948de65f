"""The website around the posts: the site root, what it serves, media folders and picture
imports, the Markdown rendering of the preview, and HTML export.

Rendering and export are re-exported lazily (PEP 562): they load markdown, pygments and nh3,
which a command that only lists or edits posts never needs (`post-editor list` and `set`
start in the time a script takes to import the core, benchmarks/run.py's cli_list_10000)."""

from importlib import import_module
from typing import TYPE_CHECKING

from editor.core.site.media import MediaPlace, media_place, relative_link
from editor.core.site.media_import import Imported, import_bytes, import_file
from editor.core.site.site import (
    Reference,
    Site,
    body_references,
    local_path,
    site_kind,
    site_root,
)

if TYPE_CHECKING:
    from editor.core.site.export import standalone_html
    from editor.core.site.pieces import split_body
    from editor.core.site.render import (
        Renderer,
        dark_css,
        default_css,
        offline_images,
        page,
        page_title,
        size_problem,
        too_large_html,
    )

_LAZY = {
    "standalone_html": "export",
    "split_body": "pieces",
    **dict.fromkeys(
        (
            "Renderer",
            "dark_css",
            "default_css",
            "offline_images",
            "page",
            "page_title",
            "size_problem",
            "too_large_html",
        ),
        "render",
    ),
}


def __getattr__(name: str) -> object:
    if name in _LAZY:
        return getattr(import_module(f"editor.core.site.{_LAZY[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "Imported",
    "MediaPlace",
    "Reference",
    "Renderer",
    "Site",
    "body_references",
    "dark_css",
    "default_css",
    "import_bytes",
    "import_file",
    "local_path",
    "media_place",
    "offline_images",
    "page",
    "page_title",
    "relative_link",
    "site_kind",
    "site_root",
    "size_problem",
    "split_body",
    "standalone_html",
    "too_large_html",
]
