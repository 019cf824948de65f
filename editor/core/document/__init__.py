"""One post's text and its lossless edits: the Post, YAML reading, splicing and emitting,
dates, text diffs, and the Markdown line grammar every other part asks.

Every name is re-exported lazily (PEP 562, `lazy_exports`): `post-editor check FILE` loads the
Post and what reading it needs, not the diffs or the Markdown line grammar."""

from typing import TYPE_CHECKING

from editor.core import lazy_exports

if TYPE_CHECKING:
    from editor.core.document.dates import DATE_KEYS, DateFormat, parse_date
    from editor.core.document.line_breaks import splice_lines
    from editor.core.document.markdown_lines import (
        CODE_KINDS,
        IN_FRONT_MATTER,
        QUOTE_MARKER,
        TEXT,
        Line,
        fenced_spans,
        headings,
        read_line,
        reading_minutes,
        word_count,
    )
    from editor.core.document.post import Post
    from editor.core.document.post_file import decode, read_bytes
    from editor.core.document.safe_yaml import Loader
    from editor.core.document.scalars import is_scalar
    from editor.core.document.text_diff import file_diff, unified_diff
    from editor.core.document.yaml_emit import typed_value

_MODULE_OF = {
    "DATE_KEYS": "dates",
    "DateFormat": "dates",
    "parse_date": "dates",
    "splice_lines": "line_breaks",
    "CODE_KINDS": "markdown_lines",
    "IN_FRONT_MATTER": "markdown_lines",
    "QUOTE_MARKER": "markdown_lines",
    "TEXT": "markdown_lines",
    "Line": "markdown_lines",
    "fenced_spans": "markdown_lines",
    "headings": "markdown_lines",
    "read_line": "markdown_lines",
    "reading_minutes": "markdown_lines",
    "word_count": "markdown_lines",
    "Post": "post",
    "decode": "post_file",
    "read_bytes": "post_file",
    "Loader": "safe_yaml",
    "file_diff": "text_diff",
    "unified_diff": "text_diff",
    "is_scalar": "scalars",
    "typed_value": "yaml_emit",
}

__getattr__ = lazy_exports(__name__, _MODULE_OF)

__all__ = [
    "CODE_KINDS",
    "DATE_KEYS",
    "IN_FRONT_MATTER",
    "QUOTE_MARKER",
    "TEXT",
    "DateFormat",
    "Line",
    "Loader",
    "Post",
    "decode",
    "fenced_spans",
    "file_diff",
    "headings",
    "is_scalar",
    "parse_date",
    "read_bytes",
    "read_line",
    "reading_minutes",
    "splice_lines",
    "typed_value",
    "unified_diff",
    "word_count",
]
