"""The one error type the core raises for a writer's input: a message with a position."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

# Every character str.splitlines() breaks at, shown escaped: a message stays one line.
_LINE_BREAKS = str.maketrans({c: repr(c)[1:-1] for c in "\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"})


def quoted(text: str, limit: int = 40) -> str:
    """Text as a message quotes it: ‘in quotes’, shortened, on one line."""
    shown = text if len(text) <= limit else text[: limit - 1] + "…"
    return f"‘{shown.translate(_LINE_BREAKS)}’"


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
