"""Where a site's CMS config may lie, and the nearest folder holding one: asked of every
folder whose schema is looked for, so it loads none of the config readers (`config`), which
only a site with a config needs."""

from __future__ import annotations

from pathlib import Path

from editor.core.schema.nearest import up_to_repository

DECAP, FRONT_MATTER = "Decap CMS", "Front Matter CMS"

CONFIG_PLACES = (
    (DECAP, "admin/config.yml"),
    (DECAP, "static/admin/config.yml"),
    (DECAP, "public/admin/config.yml"),
    (FRONT_MATTER, "frontmatter.json"),
)


def candidate_files(folder: Path) -> tuple[Path, ...]:
    """Every place a config for `folder` could be (most do not exist), nearest first."""
    bases = up_to_repository(folder.absolute())
    return tuple(base / place for base in bases for _, place in CONFIG_PLACES)


def find_site_root(folder: Path) -> Path | None:
    """The nearest folder, `folder` itself included, holding a CMS config; None if none."""
    for base in up_to_repository(folder.absolute()):
        if any((base / place).is_file() for _, place in CONFIG_PLACES):
            return base
    return None
