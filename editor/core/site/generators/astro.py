"""Astro (https://astro.build): content collections defined in `src/content.config.ts` (or
`src/content/config.ts`), else one per folder of `src/content/`."""

from __future__ import annotations

from functools import cached_property
from pathlib import PurePosixPath

from editor.core.site.generators.base import Collection, Generator


class Astro(Generator):
    """An Astro site."""

    name = "astro"
    label = "Astro"
    markers = ("astro.config.*",)

    @cached_property
    def collections(self) -> tuple[Collection, ...]:
        content = self.root / "src" / "content"
        names = sorted(p.name for p in content.iterdir() if p.is_dir()) if content.is_dir() else []
        return tuple(Collection(name, PurePosixPath("src/content", name)) for name in names)
