"""A post as one standalone HTML file: what File > Export as HTML writes and Open in Browser
shows.

The file stands alone: the stylesheet is inlined (light, with the dark theme behind a
`prefers-color-scheme` query) and the post's local pictures are embedded as `data:` URIs. It
opens the same from the export folder, the cache folder, a USB stick or a mail attachment,
where a relative path, or an absolute `file://` one, would point at nothing. The price is
size (base64 adds a third), so a picture over `MAX_EMBED_BYTES`, or one that would take the
page's pictures past `MAX_EMBED_TOTAL`, is linked by its absolute file URL instead: the page
still shows it on this machine, and no photo album can turn a post into a page a browser
chokes on (or an export that reads half a gigabyte).

Only files inside the post's site are read (`pictures.local_picture`, the rule the preview
and the image field follow too): a post that says `![](../../../etc/passwd)`, or links
to a file outside through a symlink, gets nothing embedded and its reference left as written.
Remote pictures (`https://…`) are fetched by the browser only when the writer allows remote
pictures, as in the preview (View > Remote Images; `render --standalone --remote-images`);
otherwise they show as the preview shows them, a box with their alt text, and the page's
Content-Security-Policy forbids the fetch as well. Nothing in the page runs: see `safe_html`.
Qt-free.
"""

from __future__ import annotations

import base64
import html
import mimetypes
import os
import re
from collections.abc import Mapping
from functools import cache
from importlib.resources import files
from pathlib import Path

from editor import __version__
from editor.core.document import Post
from editor.core.errors import PostError
from editor.core.site import safe_html
from editor.core.site.pictures import local_picture
from editor.core.site.render import (
    Renderer,
    article,
    dark_css,
    default_css,
    offline_images,
    page_title,
    size_problem,
)
from editor.core.site.render import document as page_document
from editor.core.site.site import Site

MAX_EMBED_BYTES = 20 * 1024 * 1024
MAX_EMBED_TOTAL = 60 * 1024 * 1024
# mimetypes reads the system's tables, which lack some picture types on older systems.
_IMAGE_TYPES = {".avif": "image/avif", ".webp": "image/webp", ".svg": "image/svg+xml"}

_IMG_TAG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
# `src` and not `data-src` or `x-src`: no word character or hyphen before it.
_SRC = re.compile(r"""(?<![\w-])src\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+))""", re.IGNORECASE)


@cache
def browser_css() -> str:
    """The packaged rules only a browser follows (centred column, pictures that fit)."""
    return (files("editor") / "resources" / "browser.css").read_text(encoding="utf-8")


def standalone_css(dark: bool = True) -> str:
    """The preview stylesheet for a browser; with `dark`, the dark theme for readers whose
    system asks for it."""
    css = default_css() + browser_css()
    if dark:
        css += f"@media (prefers-color-scheme: dark) {{\n{dark_css()}}}\n"
    return css


def standalone_page(
    body_html: str,
    meta: Mapping[str, object],
    post_path: Path | None,
    site: Site | None = None,
    dark: bool = True,
    remote_images: bool = False,
) -> str:
    """A complete HTML document of a post whose body renders to `body_html`: the page the
    preview shows (title, byline, cover, excerpt; every front-matter value escaped), the
    stylesheet inlined, local pictures embedded (see the module's docstring), nothing that
    runs or fetches (`safe_html`). Remote pictures show as the preview shows them without
    `remote_images`: a box with their alt text.

    References are read against `post_path` in `site`; without a site, the one around the
    post's folder. Without a `post_path` no local picture can be found and none is embedded.
    """
    head = (
        # No DNS look-ups ahead of a click for the page's links either: it fetches nothing.
        '<meta http-equiv="x-dns-prefetch-control" content="off" />\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1" />\n'
        f'<meta name="generator" content="Post Editor {html.escape(__version__)}" />'
    )
    post_html = safe_html.clean(article(body_html, meta))
    if not remote_images:
        post_html = offline_images(post_html)
    document = page_document(
        post_html,
        page_title(meta),
        standalone_css(dark),
        head,
        safe_html.policy(remote_images),
    )
    if post_path is None:
        return document
    try:
        return embed_images(document, post_path, site or Site.around(post_path.parent))
    except OSError:
        # The site's folders became unreadable since the post was opened: the writer's text
        # still goes out, its pictures as written.
        return document


def standalone_html(
    post: Post, renderer: Renderer, site: Site | None = None, remote_images: bool = False
) -> str:
    """`standalone_page` of a post as it is now (its text may hold unsaved edits); PostError
    for a body too large to render (`render.size_problem`)."""
    if problem := size_problem(len(post.body)):
        raise PostError(problem, post.path)
    return standalone_page(
        renderer.render(post.body), post.values, post.path, site, remote_images=remote_images
    )


def embed_images(document: str, post_path: Path, site: Site) -> str:
    """`document` with the `src` of each `<img>` naming a picture inside `site` made a
    `data:` URI (or, over MAX_EMBED_BYTES or past MAX_EMBED_TOTAL in all, an absolute file
    URL); every other tag as it was."""
    found: dict[str, str | None] = {}  # a picture shown twice is read once
    room = [MAX_EMBED_TOTAL]  # bytes the page may still embed

    def replace_src(tag: re.Match[str]) -> str:
        src = _SRC.search(tag[0])
        if src is None:
            return tag[0]
        ref = html.unescape(src[1] if src[1] is not None else src[2] or src[3] or "")
        if ref not in found:
            found[ref], size = _embedded(ref, post_path, site, room[0])
            room[0] -= size
        url = found[ref]
        if url is None:
            return tag[0]
        start, end = src.span()
        return f'{tag[0][:start]}src="{html.escape(url)}"{tag[0][end:]}'

    return _IMG_TAG.sub(replace_src, document)


def _embedded(ref: str, post_path: Path, site: Site, room: int) -> tuple[str | None, int]:
    """The URL that shows the picture `ref` names from anywhere, embedded when it is at most
    `room` bytes, and the bytes embedded; None to leave it alone (not local, not a picture,
    missing, outside the site, unreadable)."""
    path = local_picture(post_path, site, ref)
    if path is None:
        return None, 0
    kind = _IMAGE_TYPES.get(path.suffix.lower()) or mimetypes.guess_type(path.name)[0]
    if not kind or not kind.startswith("image/"):
        return None, 0
    try:
        if os.path.getsize(path) > min(MAX_EMBED_BYTES, room):
            return path.absolute().as_uri(), 0
        data = path.read_bytes()
    except OSError:  # gone or unreadable since Site looked: the reference stays as written
        return None, 0
    return f"data:{kind};base64,{base64.b64encode(data).decode('ascii')}", len(data)
