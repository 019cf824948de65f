"""The website around the posts: the site root, what it serves, media folders and picture
imports, the Markdown rendering of the preview, and HTML export."""

from editor.core.site.export import standalone_html
from editor.core.site.media import MediaPlace, media_place, relative_link
from editor.core.site.media_import import Imported, import_bytes, import_file
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
from editor.core.site.site import (
    Reference,
    Site,
    body_references,
    local_path,
    site_kind,
    site_root,
)

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
