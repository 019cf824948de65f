"""Acting as a user without rights on root's files, for the tests of read-only files.

Root may write any file, so when the tests run as root (as in CI's containers) a save that
must be refused is made as `nobody`: only the effective user id changes, so it can be taken
back. Such a test works in a folder `nobody` may enter (`open_folder`), not in pytest's
`tmp_path`, whose parents only root may enter.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

NOBODY = 65534


@contextlib.contextmanager
def as_nobody() -> Iterator[None]:
    """Run the block as `nobody` when the tests run as root; as the user otherwise."""
    if os.geteuid() != 0:
        yield
        return
    os.seteuid(NOBODY)
    try:
        yield
    finally:
        os.seteuid(0)


def give_to_nobody(*paths: Path) -> None:
    """Make `paths` nobody's when the tests run as root, so a save made `as_nobody` may
    replace them (a save keeps a file's owner, which only its owner or root can do)."""
    if os.geteuid() == 0:
        for path in paths:
            os.chown(path, NOBODY, -1)


@contextlib.contextmanager
def open_folder(prefix: str = "post-editor-ro-") -> Iterator[Path]:
    """A new folder anyone may enter and write in, removed afterwards."""
    folder = Path(tempfile.mkdtemp(prefix=prefix))
    try:
        folder.chmod(0o777)
        yield folder
    finally:
        shutil.rmtree(folder)
