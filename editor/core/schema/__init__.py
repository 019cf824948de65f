"""Which fields posts carry: the Field/Schema model (`model`, `field_types`, `media`), the
`.post-editor.yaml` file (`schema_file`), inference from posts (`inference`), which schema a
folder follows (`source`), validation of one post (`validate`), and the CMS configs in `cms/`."""

from editor.core.schema.field_types import IMAGE_EXTENSIONS, clipped_text
from editor.core.schema.media import MediaSetting, url_problem
from editor.core.schema.model import DATE_KEYS, Field, Schema, humanize
from editor.core.schema.naming import DEFAULT_NAMING, PLACEHOLDER, POST_EXTENSIONS, naming_problem
from editor.core.schema.schema_file import SCHEMA_FILE, DeclaredCollection, SchemaFile
from editor.core.schema.source import (
    SchemaSource,
    cms_folders,
    declared_folders,
    file_schema,
    schema_file_for,
    schema_files,
    schema_for_folder,
    schema_for_post,
    schema_source,
)
from editor.core.schema.validate import Facts, Problem, Severity, problem_from_error, validate

__all__ = [
    "DATE_KEYS",
    "DEFAULT_NAMING",
    "IMAGE_EXTENSIONS",
    "PLACEHOLDER",
    "POST_EXTENSIONS",
    "SCHEMA_FILE",
    "DeclaredCollection",
    "Facts",
    "Field",
    "MediaSetting",
    "Problem",
    "Schema",
    "SchemaFile",
    "SchemaSource",
    "Severity",
    "clipped_text",
    "cms_folders",
    "declared_folders",
    "file_schema",
    "humanize",
    "naming_problem",
    "problem_from_error",
    "schema_file_for",
    "schema_files",
    "schema_for_folder",
    "schema_for_post",
    "schema_source",
    "url_problem",
    "validate",
]
