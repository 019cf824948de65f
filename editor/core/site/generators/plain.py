"""A folder of posts that belongs to no known generator: every Markdown file is a post,
judged by the reference post shape. `Generator`'s defaults are exactly this."""

from __future__ import annotations

from editor.core.site.generators.base import Generator


class PlainFolder(Generator):
    """A plain folder of posts (no site generator found around it)."""
