"""Builders of small content folders for the folder and validation tests (not a test module).

Files are written as bytes, so line endings, a BOM or a missing final newline are exactly what
the test asked for.
"""

from __future__ import annotations

from pathlib import Path


def post_text(
    title: str = "A post",
    date: str = "2026-01-24",
    body: str = "Some text.\n",
    extra: str = "",
) -> str:
    """A small valid post; `extra` is more front-matter lines, each ending with a newline."""
    return f"---\ntitle: {title}\ndate: {date}\n{extra}---\n{body}"


def write(root: Path, rel: str, content: str | bytes) -> Path:
    """Write `content` to `root/rel` (folders made as needed), byte for byte."""
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return path


def site(root: Path, files: dict[str, str | bytes]) -> Path:
    """A content folder holding `files` (relative path → content); returns `root`."""
    root.mkdir(parents=True, exist_ok=True)
    for rel, content in files.items():
        write(root, rel, content)
    return root
