"""The walk of a content folder's tree that finds its post files and their stamps, as text: a
scan of 10,000 posts makes no Path object, and joins no path, for the files that did not change.
Each file is stat'ed by its name in its folder (an open folder's descriptor, where the system
has them): the kernel does not walk the whole path again for each file, a quarter of the stats'
time."""

from __future__ import annotations

import os
from collections.abc import Callable

from editor.core import storage
from editor.core.folder.cache_rows import Stamp
from editor.core.schema import POST_EXTENSIONS

_BY_DESCRIPTOR = os.scandir in os.supports_fd and os.stat in os.supports_dir_fd
_FOLDER_FLAGS = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0)
_SKIPPED_FOLDERS = frozenset({"node_modules", "__pycache__"})


def scan_enters(name: str) -> bool:
    """Whether a scan of the posts enters the folder called `name`: not a hidden one (.git,
    .obsidian...), nor one of tools' own (node_modules). The disk watch watches the same."""
    return not name.startswith(".") and name not in _SKIPPED_FOLDERS


def post_stamps(
    root: str, enters: Callable[[str, str], bool], leftovers: set[str] | None = None
) -> dict[str, Stamp]:
    """The stamps (mtime, size, inode) of the post files under `root`, by relative path, each
    folder's in name order, entering the folders `enters` (its name, its relative path)
    allows. The full paths of files whose saves left hidden files (see
    `storage.leftover_of`) go into `leftovers`."""
    found: dict[str, Stamp] = {}
    stat, sep = os.stat, os.sep
    stack = [""]
    while stack:
        rel_folder = stack.pop()
        prefix = rel_folder + sep if rel_folder else ""
        folder = os.path.join(root, rel_folder)
        try:
            fd = os.open(folder, _FOLDER_FLAGS) if _BY_DESCRIPTOR else None
        except OSError:
            continue  # unreadable or vanished while scanning: nothing to list there
        try:
            with os.scandir(folder if fd is None else fd) as it:
                items = sorted(it, key=lambda e: e.name)
            for item in items:
                name = item.name
                if name.startswith("."):
                    if leftovers is not None and (kept := storage.leftover_of(name)):
                        leftovers.add(os.path.join(folder, kept))
                elif item.is_dir(follow_symlinks=False):
                    if enters(name, prefix + name):
                        stack.append(prefix + name)
                elif name.lower().endswith(POST_EXTENSIONS) and item.is_file():
                    try:  # by its name in the open folder (`path` is the name then)
                        st = stat(item.path, dir_fd=fd)
                    except OSError:
                        continue  # removed since it was listed
                    found[prefix + name] = (st.st_mtime_ns, st.st_size, st.st_ino)
        except OSError:
            continue  # vanished while scanning
        finally:
            if fd is not None:
                os.close(fd)
    return found
