"""The media setting a folder's schema carries: where its posts' pictures go and the address
the site serves them at, as written in `.post-editor.yaml` or a CMS config (not yet resolved
for a post: `editor.core.site.media` does that), and which link prefixes are allowed."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from editor.core.errors import quoted

_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")
_IGNORED_IN_URL = re.compile(r"[\t\n\r]")


@dataclass(frozen=True)
class MediaSetting:
    """Where a folder's settings say pictures go (not yet resolved for a post).

    `folder` is a POSIX path relative to `base`: "site" is the site root (or `root`, the
    folder a CMS config's paths start from, when given), "post" the post's own folder. It may
    hold Decap's `{{slug}}`, `{{filename}}`, `{{media_folder}}`... `url` is the address the
    site serves that folder at ("/images"); a relative one ("images") is a link relative to the
    post; None: the link is the file's path relative to the post. `source` names the setting
    for messages (".post-editor.yaml", "admin/config.yml").
    """

    folder: str
    url: str | None = None
    base: Literal["site", "post"] = "site"
    source: str = ""
    root: Path | None = None
    template_values: tuple[tuple[str, str], ...] = ()  # {{media_folder}} etc. of a CMS


def url_problem(url: str) -> str | None:
    """Why `url` may not be the prefix of the picture links written into posts, or None.

    It must be a web address (http, https), a path from the site's root ("/images") or one
    relative to the post ("images"): a `javascript:`, `vbscript:`, `data:` or `file:` prefix
    would put that address into every picture the writer adds. The scheme is read as a
    browser reads it: past leading spaces and controls, tabs and line breaks ignored.
    """
    plain = _IGNORED_IN_URL.sub("", url).lstrip("".join(map(chr, range(33))))
    scheme = _SCHEME.match(plain)
    if scheme is None or scheme[0].lower() in ("http:", "https:"):
        return None
    return (
        f"the media url {quoted(url)} is neither a web address nor a path"
        f" (links must not start with {scheme[0].lower()})"
    )
