"""The naming pattern of a folder's new posts ("{slug}.md", "{date}-{slug}.md",
"{slug}/index.md", "{year}/{slug}.md"...): its placeholders, the extensions a post file may
have, and what makes a pattern unfit (`naming_problem`). `Schema.naming` holds one; the schema
file and the CMS readers check theirs with it; `editor.core.folder.post_paths` fills it in.
"""

from __future__ import annotations

import os
import re
from pathlib import PurePath

DEFAULT_NAMING = "{slug}.md"
POST_EXTENSIONS = (".md", ".mdx", ".markdown")
PLACEHOLDER = re.compile(r"\{([^{}]*)\}")
PLACEHOLDERS = frozenset({"slug", "date", "year", "month", "day"})


def naming_problem(naming: str) -> str | None:
    """What makes `naming` unfit to name new posts, or None.

    A pattern must hold {slug} and only known placeholders, stay inside the folder (relative,
    no `..`, no drive or stream `:`), enter no hidden folder (`.git/hooks/{slug}.md` would
    write where git runs hooks from, and the folder list never looks inside a dot-folder),
    and end in a post's extension (POST_EXTENSIONS, the ones the folder list shows as posts;
    case as the list reads them): anything else would be a file the app never lists again,
    or not a post at all.
    """
    names = set(PLACEHOLDER.findall(naming))
    unknown = sorted(names - PLACEHOLDERS)
    if unknown:
        known = ", ".join("{" + p + "}" for p in sorted(PLACEHOLDERS))
        return f'unknown placeholder "{{{unknown[0]}}}" in naming "{naming}"; use {known}'
    if "slug" not in names:
        return f'naming "{naming}" has no {{slug}}, so new posts could collide'
    # Backslashes are Windows separators; on POSIX they would end up inside a file name.
    pattern = naming.replace("\\", "/")
    parts = [part for part in pattern.split("/") if part != "."]
    if (
        pattern.startswith("/")
        or PurePath(pattern).anchor
        or any(part in ("", "..") for part in parts)
        or any(":" in part for part in parts)
    ):
        return f'naming "{naming}" must be a relative path inside the folder'
    hidden = next((part for part in parts if part.startswith(".")), None)
    if hidden is not None:
        return f'naming "{naming}" leads into the hidden folder or file "{hidden}"'
    extension = os.path.splitext(parts[-1])[1]
    if extension.lower() not in POST_EXTENSIONS:
        allowed = ", ".join(POST_EXTENSIONS)
        what = f'the extension "{extension}"' if extension else "no extension"
        return f'naming "{naming}" gives new posts {what}; a post ends in {allowed}'
    return None
