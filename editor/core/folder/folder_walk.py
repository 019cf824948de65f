"""The walk of a content folder's tree that lists its post files, as text: a scan of 10,000
posts makes no Path object for the files that did not change, and joins each file's path once."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator

from editor.core import storage
from editor.core.schema import POST_EXTENSIONS


def walk_posts(
    root: str, enters: Callable[[str, str], bool], leftovers: set[str] | None = None
) -> Iterator[tuple[str, str]]:
    """(relative, full) paths of the post files under `root`, each folder's in name order,
    entering the folders `enters` (its name, its relative path) allows. The full paths of
    files whose saves left hidden files (see `storage.leftover_of`) go into `leftovers`."""
    sep = os.sep
    stack = [""]
    while stack:
        rel_folder = stack.pop()
        prefix = rel_folder + sep if rel_folder else ""
        try:
            with os.scandir(os.path.join(root, rel_folder)) as it:
                items = sorted(it, key=lambda e: e.name)
        except OSError:
            continue  # unreadable or vanished while scanning: nothing to list there
        for item in items:
            name = item.name
            if name.startswith("."):
                if leftovers is not None and (kept := storage.leftover_of(name)):
                    leftovers.add(os.path.join(root, rel_folder, kept))
                continue
            if item.is_dir(follow_symlinks=False):
                if enters(name, prefix + name):
                    stack.append(prefix + name)
            elif name.lower().endswith(POST_EXTENSIONS) and item.is_file():
                yield prefix + name, item.path
