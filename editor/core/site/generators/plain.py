"""A folder of posts that belongs to no known generator: every Markdown file is a post,
judged by the reference post shape. `Generator`'s defaults are exactly this."""

from __future__ import annotations

from editor.core.site.generators.base import Collection, Generator, NewPostStyle


class PlainFolder(Generator):
    """A plain folder of posts (no site generator found around it)."""

    reference_lengths = "warning"

    def new_post_style(self, collection: Collection, declared: bool) -> NewPostStyle:
        """The reference shape's: a quoted date, which YAML 1.1 and 1.2 readers agree on."""
        return NewPostStyle(date_quote="'")
