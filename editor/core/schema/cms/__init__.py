"""Schemas from the CMS config a site already has: Decap and Sveltia (`admin/config.yml`) and
Front Matter CMS (`frontmatter.json`). `config` finds the config and reads it (`decap`,
`frontmatter`), building on `config_file` (the result, loading with lines, the config's paths),
`fields` (Fields from a config's field specs) and `dates` (its date formats); `media` gives the
media setting the config holds."""

from editor.core.schema.cms.config import CmsSchema, candidate_files, read_cms_schema
from editor.core.schema.cms.media import setting_from_cms

__all__ = [
    "CmsSchema",
    "candidate_files",
    "read_cms_schema",
    "setting_from_cms",
]
