"""Schemas from the CMS config a site already has: Decap and Sveltia (`admin/config.yml`) and
Front Matter CMS (`frontmatter.json`). `places` finds the config, `config` reads it (`decap`,
`frontmatter`), building on `config_file` (the result, loading with lines, the config's paths),
`fields` (Fields from a config's field specs) and `dates` (its date formats); `media` gives the
media setting the config holds.

Every name is re-exported lazily (PEP 562, `lazy_exports`): a folder whose site has no CMS
config asks `places` only, and loads none of the readers."""

from typing import TYPE_CHECKING

from editor.core import lazy_exports

if TYPE_CHECKING:
    from editor.core.schema.cms.config import CmsSchema, read_cms_schema
    from editor.core.schema.cms.media import setting_from_cms
    from editor.core.schema.cms.places import candidate_files

_MODULE_OF = {
    "CmsSchema": "config_file",
    "read_cms_schema": "config",
    "setting_from_cms": "media",
    "candidate_files": "places",
}

__getattr__ = lazy_exports(__name__, _MODULE_OF)

__all__ = [
    "CmsSchema",
    "candidate_files",
    "read_cms_schema",
    "setting_from_cms",
]
