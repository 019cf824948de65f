"""Which fields posts carry: the Field/Schema model (`model`, `field_types`, `media`), the
`.post-editor.yaml` file (`schema_file`) and the nearest one that governs a folder (`nearest`),
inference from posts (`inference`), which schema a folder follows (`source`), validation of
one post (`validate`), and the CMS configs in `cms/`.

Every name is re-exported lazily (PEP 562, `lazy_exports`): importing one of its modules (as
`generators.base` imports `model`) loads only that module, and `render FILE` loads no CMS config
reader."""

from typing import TYPE_CHECKING

from editor.core import lazy_exports

# Imported now, not lazily: the function shares its module's name, and importing the module
# `validate` would set the package's attribute to the module. It loads only `model`, which
# every importer of the package needs (a generator's contract speaks of Schema).
from editor.core.schema.validate import Facts, Problem, Severity, problem_from_error, validate

if TYPE_CHECKING:
    from editor.core.schema.field_types import IMAGE_EXTENSIONS, clipped_text
    from editor.core.schema.media import MediaSetting, url_problem
    from editor.core.schema.model import DATE_KEYS, Field, Schema, humanize
    from editor.core.schema.naming import (
        DEFAULT_NAMING,
        PLACEHOLDER,
        POST_EXTENSIONS,
        naming_problem,
    )
    from editor.core.schema.nearest import file_schema
    from editor.core.schema.schema_file import SCHEMA_FILE, DeclaredCollection, SchemaFile
    from editor.core.schema.source import (
        SchemaSource,
        cms_folders,
        declared_folders,
        schema_file_for,
        schema_files,
        schema_for_folder,
        schema_for_post,
        schema_source,
    )

_MODULE_OF = {
    "IMAGE_EXTENSIONS": "field_types",
    "clipped_text": "field_types",
    "MediaSetting": "media",
    "url_problem": "media",
    "DATE_KEYS": "model",
    "Field": "model",
    "Schema": "model",
    "humanize": "model",
    "DEFAULT_NAMING": "naming",
    "PLACEHOLDER": "naming",
    "POST_EXTENSIONS": "naming",
    "naming_problem": "naming",
    "SCHEMA_FILE": "schema_file",
    "DeclaredCollection": "schema_file",
    "SchemaFile": "schema_file",
    "SchemaSource": "source",
    "cms_folders": "source",
    "declared_folders": "source",
    "file_schema": "nearest",
    "schema_file_for": "source",
    "schema_files": "source",
    "schema_for_folder": "source",
    "schema_for_post": "source",
    "schema_source": "source",
}

__getattr__ = lazy_exports(__name__, _MODULE_OF)

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
