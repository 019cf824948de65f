"""Fixtures for the command-line tests: run `main` in-process, and write posts byte for byte."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from editor.cli import main


@dataclass(frozen=True)
class Ran:
    """What one command did: exit status and both output streams."""

    rc: int
    out: str
    err: str

    @property
    def err_lines(self) -> list[str]:
        return self.err.splitlines()


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str]) -> Callable[..., Ran]:
    """`run("check", path, ...)`: `main([...])` with the output captured (paths as str)."""

    def run_(*argv: object) -> Ran:
        capsys.readouterr()  # drop what came before
        rc = main([str(arg) for arg in argv])
        captured = capsys.readouterr()
        return Ran(rc, captured.out, captured.err)

    return run_


@pytest.fixture
def write() -> Callable[[Path, str | bytes], Path]:
    """`write(path, content)`: the exact bytes (str as UTF-8, no newline translation)."""

    def write_(path: Path, content: str | bytes) -> Path:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
        return path

    return write_
