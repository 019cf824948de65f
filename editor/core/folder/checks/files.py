"""The problems of post files named one by one (`post-editor check FILE...`, a pre-commit hook
passing the staged posts): each judged as its site judges it, by the site found above the file
(its generator, its collections' schemas, its rules), so a file checked alone gets what the
same file gets when its whole site is checked. Only its own problems: the folder-wide ones
(duplicates, links) need the folder, which `check FOLDER` reads."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from editor.core.document import Post
from editor.core.errors import PostError
from editor.core.folder.content_folder import ContentFolder
from editor.core.folder.index_cache import IndexCache
from editor.core.schema import SCHEMA_FILE, Problem, problem_from_error, schema_for_post, validate
from editor.core.site import site_root


def file_problems(paths: Iterable[Path], cache: IndexCache | None = None) -> list[Problem]:
    """Each file's problems, in the order given (a file's by line). Files of one site share
    one scan of it: a hook given fifty staged posts reads the site once (and, with the index
    `cache`, only what changed since the last check). A broken schema file is told once per
    site, before its files' problems."""
    sites: dict[Path, ContentFolder] = {}
    found: list[Problem] = []
    for path in paths:
        root = site_root(path.parent)
        if _too_wide(root):
            found += _alone(path)
            continue
        folder = sites.get(root)
        if folder is None:
            folder = sites[root] = ContentFolder(root, cache)
            # The scan gives the collections' schemas inferred from their posts.
            folder.scan()
            if (error := folder.schema_problem()) is not None:
                found.append(problem_from_error(error, SCHEMA_FILE))
        rel = Path(os.path.relpath(os.path.abspath(path), root))
        try:
            found += folder.validate(rel, Post.read(path))
        except PostError as error:
            found.append(problem_from_error(error if error.path else error.at(path)))
    return found


def _too_wide(root: Path) -> bool:
    """Whether `root` (a file's own folder, found no site above) is the home folder or the
    file-system root: a post kept there is judged alone, never by a scan of everything."""
    home = Path(os.path.abspath(Path.home())) if "HOME" in os.environ else None
    return root == Path(root.anchor) or root == home


def _alone(path: Path) -> list[Problem]:
    """A file's problems by its own schema (its folder's schema file, else the built-in
    shape), as when no site holds it."""
    try:
        return validate(Post.read(path), schema_for_post(path))
    except PostError as error:
        return [problem_from_error(error if error.path else error.at(path))]
