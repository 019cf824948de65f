"""Test set-up shared by every test: Qt renders offscreen, so no display is needed."""

import atexit
import os
import shutil
import tempfile

from hypothesis import settings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# Saves keep notes in the user's state folder (editor/core/storage/added_blocks.py): a test run's
# notes go to a folder of its own, never the real one.
_STATE = tempfile.mkdtemp(prefix="post-editor-tests-state-")
os.environ["XDG_STATE_HOME"] = _STATE
atexit.register(shutil.rmtree, _STATE, True)
# The index cache (editor/core/folder/index_cache.py) lives in the user's cache folder: a test
# run's goes to a folder of its own too.
_CACHE = tempfile.mkdtemp(prefix="post-editor-tests-cache-")
os.environ["XDG_CACHE_HOME"] = _CACHE
atexit.register(shutil.rmtree, _CACHE, True)

# The suite gives the same verdict on every run: hypothesis draws the same examples each time.
# For a deeper, random search set HYPOTHESIS_PROFILE=explore (and FUZZ_EXAMPLES, test_fuzz.py).
settings.register_profile("suite", derandomize=True, database=None)
settings.register_profile("explore", derandomize=False)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "suite"))
