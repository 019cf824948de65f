"""Test set-up shared by every test: Qt renders offscreen, so no display is needed."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from hypothesis import settings

# The suite gives the same verdict on every run: hypothesis draws the same examples each time.
# For a deeper, random search set HYPOTHESIS_PROFILE=explore (and FUZZ_EXAMPLES, test_fuzz.py).
settings.register_profile("suite", derandomize=True, database=None)
settings.register_profile("explore", derandomize=False)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "suite"))
