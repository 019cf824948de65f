"""What a test does when the machine cannot give it what it checks: a skip on a writer's own
machine, a failure in CI, where `.ci/run` sets up everything the suite needs, so that a test
that cannot run there never passes silently."""

from __future__ import annotations

import os
from typing import NoReturn

import pytest


def unavailable(reason: str) -> NoReturn:
    """Skip the test for `reason`, or fail it when run by CI (CI=true)."""
    if os.environ.get("CI"):
        pytest.fail(f"CI must be able to run this test: {reason}")
    pytest.skip(reason)
