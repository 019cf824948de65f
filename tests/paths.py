"""Where things are in the repository, for tests at any depth of tests/."""

from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
TESTS = REPO / "tests"
SAMPLE = REPO / "editor" / "resources" / "sample"
