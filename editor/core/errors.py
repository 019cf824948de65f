"""The one error type the core raises for a writer's input: a message with a position."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path


@dataclass
class PostError(Exception):
    """Bad input or a refused operation, with where it happened.

    `line` and `column` are 1-based and point into the whole file (not into the front
    matter alone), so the CLI can print `path:line:col` and the UI can jump there.
    """

    message: str
    path: Path | None = None
    line: int | None = None
    column: int | None = None

    def __post_init__(self) -> None:
        super().__init__(self.message)

    def __str__(self) -> str:
        return f"{self.location()}{self.message}"

    def location(self) -> str:
        """`path:line:col: ` with whatever parts are known, or an empty string."""
        parts = [str(self.path)] if self.path else []
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts) + ": " if parts else ""

    def at(self, path: Path | None) -> PostError:
        """This error (of the same type), told which file it is about."""
        return replace(self, path=path)
