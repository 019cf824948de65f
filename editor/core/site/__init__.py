"""The website around the posts: the site root, what it serves, media folders and picture
imports, the Markdown rendering of the preview, and HTML export.

Every name is re-exported lazily (PEP 562): importing one module of the package, as the
preview's render worker process does (`render.render_pieces`), or asking for the site root,
as `post-editor list` and `set` do, loads only what it needs, not markdown, pygments and nh3
with the rest of the package."""

from typing import TYPE_CHECKING

from editor.core import lazy_exports

if TYPE_CHECKING:
    from editor.core.site.export import standalone_html
    from editor.core.site.media import MediaPlace, media_place, relative_link
    from editor.core.site.media_import import Imported, import_bytes, import_file
    from editor.core.site.pieces import split_body
    from editor.core.site.render import (
        Rendered,
        Renderer,
        dark_css,
        default_css,
        offline_images,
        page,
        page_title,
        render_pieces,
        size_problem,
        too_large_html,
    )
    from editor.core.site.site import (
        Reference,
        Site,
        body_references,
        local_path,
    )
    from editor.core.site.site_roots import site_kind, site_root

_MODULE_OF = {
    "Imported": "media_import",
    "MediaPlace": "media",
    "Reference": "site",
    "Rendered": "render",
    "Renderer": "render",
    "Site": "site",
    "body_references": "site",
    "dark_css": "render",
    "default_css": "render",
    "import_bytes": "media_import",
    "import_file": "media_import",
    "local_path": "site",
    "media_place": "media",
    "offline_images": "render",
    "page": "render",
    "page_title": "render",
    "relative_link": "media",
    "render_pieces": "render",
    "site_kind": "site_roots",
    "site_root": "site_roots",
    "size_problem": "render",
    "split_body": "pieces",
    "standalone_html": "export",
    "too_large_html": "render",
}


__getattr__ = lazy_exports(__name__, _MODULE_OF)


__all__ = [
    "Imported",
    "MediaPlace",
    "Reference",
    "Rendered",
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
    "render_pieces",
    "site_kind",
    "site_root",
    "size_problem",
    "split_body",
    "standalone_html",
    "too_large_html",
]
