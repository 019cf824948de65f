"""Which file a post's picture reference shows: one rule for the preview, the image field's
thumbnail and the exported page.

A picture shows when the site would publish it: `Site.resolve` reads the reference (beside the
post, then the folders the site serves at "/"), and `Site.exists` keeps only a file inside the
site, symbolic links followed. A picture outside the site (`../../elsewhere.png`, a link to a
file elsewhere, a `file:` URL) is not shown anywhere: the built site would not have it, and the
exported page could not embed it. Qt-free.
"""

from __future__ import annotations

from pathlib import Path

from editor.core.site.site import Site


def picture_site(post_path: Path, content_root: Path | None = None) -> Site:
    """The site a post's pictures are looked up in: the open folder's (`content_root`) for a
    post inside it, since a post in a subfolder may show pictures from the folder above; else
    the site around the post's own folder."""
    root = content_root
    if root is None or not Path(post_path).absolute().is_relative_to(Path(root).absolute()):
        root = Path(post_path).parent
    return Site.around(root)


def local_picture(post_path: Path, site: Site, ref: str) -> Path | None:
    """The file the local picture reference `ref` in the post at `post_path` shows in `site`;
    None for a remote reference, a missing file, or one the site would not publish."""
    path = site.resolve(ref, post_path)
    return path if path is not None and site.exists(path) else None
