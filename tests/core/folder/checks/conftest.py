"""Set-up of the folder-wide check tests. Every folder is a real one in tmp_path, most inside
a site marked by a `hugo.toml`; the home folder is pointed just above tmp_path, so no marker
higher up can change where the site starts."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("HOME", str(tmp_path.parent))
    return tmp_path.parent
