"""Zola (https://www.getzola.org): sections under `content/` (a folder with `_index.md`),
TOML front matter between `+++` lines, `config.toml` (or `zola.toml`) at the root."""

from __future__ import annotations

from functools import cached_property
from pathlib import Path, PurePosixPath

from editor.core.site.generators.base import Collection, Generator


class Zola(Generator):
    """A Zola site."""

    name = "zola"
    label = "Zola"
    markers = ("zola.toml",)

    @classmethod
    def detect(cls, root: Path, names: frozenset[str]) -> bool:
        """Zola's `config.toml` spells the site address `base_url`, Hugo's `baseURL`."""
        if super().detect(root, names):
            return True
        if "config.toml" not in names or "content" not in names:
            return False
        try:
            head = (root / "config.toml").read_text(encoding="utf-8", errors="replace")[:4096]
        except OSError:
            return False
        return "base_url" in head

    @cached_property
    def collections(self) -> tuple[Collection, ...]:
        return (Collection("pages", PurePosixPath("content"), "page"),)
