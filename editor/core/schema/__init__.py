"""Which fields posts carry: the Field/Schema model (`model`, `field_types`, `media`), the
`.post-editor.yaml` file (`schema_file`) and the nearest one that governs a folder (`nearest`),
inference from posts (`inference`), which schema a folder follows (`source`), validation of
one post (`validation`: the function `validate`), and the CMS configs in `cms/`.

Every name is re-exported lazily (PEP 562, `lazy_exports`): importing one of its modules (as
`generators.base` imports `model`) loads only that module, and `render FILE` loads no CMS config
reader, nor the model of fields when no `.post-editor.yaml` governs the post."""

from typing import TYPE_CHECKING

from editor.core import lazy_exports

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
    from editor.core.schema.nearest import SCHEMA_FILE, file_schema
    from editor.core.schema.schema_file import DeclaredCollection, SchemaFile
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
    from editor.core.schema.validation import (
        Facts,
        Problem,
        Severity,
        problem_from_error,
        validate,
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
    "SCHEMA_FILE": "nearest",
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
    "Facts": "validation",
    "Problem": "validation",
    "Severity": "validation",
    "problem_from_error": "validation",
    "validate": "validation",
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
