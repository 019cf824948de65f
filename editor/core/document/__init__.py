"""One post's text and its lossless edits: the Post, YAML reading, splicing and emitting,
dates, text diffs, and the Markdown line grammar every other part asks."""

from editor.core.document.dates import DateFormat, parse_date
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
from editor.core.document.text_diff import file_diff, unified_diff
from editor.core.document.yaml_emit import is_scalar, typed_value

__all__ = [
    "CODE_KINDS",
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
