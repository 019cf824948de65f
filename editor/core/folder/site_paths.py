"""Paths relative to a content folder as paths relative to its site's root (what a generator
is asked about), each made once: a scan asks for every file's, several times."""

from __future__ import annotations

import os
from pathlib import PurePath, PurePosixPath


class SitePaths:
    """The site paths of the files of one folder, `within` the site root (`os.curdir`: the
    folder is the root)."""

    def __init__(self, within: str) -> None:
        posix = within.replace(os.sep, "/")
        self._text = "" if within == os.curdir else PurePosixPath(posix).as_posix() + "/"
        self._made: dict[str, PurePosixPath] = {}

    def of(self, rel: PurePath | str) -> PurePosixPath:
        """The site path of the file at `rel` (relative to the folder)."""
        key = str(rel)
        found = self._made.get(key)
        if found is None:  # made from its folder's, which is parsed once for all its files
            folder, name = os.path.split(key)
            parent = self._made.get(folder)
            if parent is None:
                posix = folder.replace(os.sep, "/")
                parent = PurePosixPath(f"{self._text}{posix}" if self._text else posix)
                self._made[folder] = parent
            found = self._made[key] = parent / name
        return found
