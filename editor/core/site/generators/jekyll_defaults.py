"""Jekyll's front matter defaults (FrontmatterDefaults, 4.3): which sets of `_config.yml`
`defaults` a file's scope matches and how their values merge, per file (`defaults_for`), and
per folder where the folder decides it (`FolderDefaults`: a scan asks it of every file).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import PurePosixPath

from editor.core.site.generators.base import deep_merge, glob_match

_OLD_TYPES = {"page": "pages", "post": "posts", "draft": "drafts"}


@dataclass(frozen=True)
class DefaultSet:
    """One entry of `_config.yml` `defaults`: its scope's path and type, and its values."""

    path: str | None
    type: str | None
    values: Mapping[str, object]
    has_type: bool


def default_sets(config: Mapping[str, object]) -> list[DefaultSet]:
    """The valid sets of `defaults` (a set without a `values` mapping is skipped, as
    Jekyll warns and skips it)."""
    sets = config.get("defaults")
    out: list[DefaultSet] = []
    for item in sets if isinstance(sets, list) else ():
        if not isinstance(item, dict) or not isinstance(item.get("values"), dict):
            continue
        scope = item.get("scope")
        scope = scope if isinstance(scope, dict) else {}
        path = scope.get("path")
        kind = scope.get("type")
        kind = _OLD_TYPES.get(str(kind), str(kind)) if kind is not None else None
        out.append(
            DefaultSet(
                path if isinstance(path, str) else None, kind, item["values"], "type" in scope
            )
        )
    return out


def _sanitize(path: str | None) -> str:
    return "" if not path else path.lstrip("/") if path.startswith("/") else path


def _strip_collections_dir(path: str, collections_dir: str) -> str:
    prefix = f"{collections_dir}/"
    return path[len(prefix) :] if collections_dir and path.startswith(prefix) else path


def _told_without_scope(found: DefaultSet, kind: str) -> bool | None:
    """Whether a set applies to a file of `kind`, when its type or its lack of a scope
    tells; None when its scope is to be matched."""
    if found.has_type and found.type != kind:
        return False
    return True if not found.path else None


def _applies(
    found: DefaultSet, doc_path: str, site_path: str, kind: str, collections_dir: str
) -> bool:
    if (told := _told_without_scope(found, kind)) is not None:
        return told
    scope = found.path
    if "*" not in scope:
        return doc_path.startswith(_strip_collections_dir(scope, collections_dir))
    # Jekyll globs the scope on disk and matches a file under any path found: the folders
    # holding this file (and the file itself) are the paths that matter.
    pattern = scope.strip("/")
    parts = site_path.split("/")
    for end in range(1, len(parts) + 1):
        prefix = "/".join(parts[:end])
        if glob_match(pattern, PurePosixPath(prefix)) and doc_path.startswith(
            _strip_collections_dir(prefix, collections_dir)
        ):
            return True
    return False


def _precedes(old: DefaultSet | None, new: DefaultSet) -> bool:
    """FrontmatterDefaults#has_precedence?: a longer path wins; at equal length, a set
    with a type wins over one without; else the later set wins."""
    if old is None:
        return True
    new_path, old_path = _sanitize(new.path), _sanitize(old.path)
    if len(new_path) != len(old_path):
        return len(new_path) >= len(old_path)
    return new.has_type or not old.has_type


def defaults_for(
    sets: Sequence[DefaultSet], doc_path: str, site_path: str, kind: str, collections_dir: str
) -> dict[str, object]:
    """FrontmatterDefaults#all: the values every matching set gives, merged as Jekyll
    merges them. `doc_path` is the file's path as Jekyll names it (relative to
    `collections_dir` for a document, to the site for a page), `kind` its type (`pages`,
    `posts`, or a collection's label)."""
    return merged_defaults(
        found for found in sets if _applies(found, doc_path, site_path, kind, collections_dir)
    )


def merged_defaults(applying: Iterable[DefaultSet]) -> dict[str, object]:
    """The values of the sets that apply to a file, in the config's order, merged as
    FrontmatterDefaults#all merges them."""
    merged: dict[str, object] = {}
    old: DefaultSet | None = None
    for found in applying:
        if _precedes(old, found):
            merged = deep_merge(merged, found.values)
            old = found
        else:
            merged = deep_merge(found.values, merged)
    return merged


class FolderDefaults:
    """`defaults_for` a site's files, worked out once per folder where the folder decides
    which sets apply (every set whose scope is a folder holding it, or none of its folders'
    paths): per file only where a scope may end within a file's name."""

    def __init__(self, sets: Sequence[DefaultSet], collections_dir: str) -> None:
        self._sets, self._cd = tuple(sets), collections_dir
        # (kind, doc folder, site folder) → the folder's merged values; None: per file
        self._folders: dict[tuple[str, str, str], dict[str, object] | None] = {}

    def values(self, doc_path: str, site_path: str, kind: str) -> dict[str, object]:
        """What `defaults_for(sets, doc_path, site_path, kind, collections_dir)` gives (a
        dict the caller may not change: the folder's files share it)."""
        if not self._sets:
            return {}
        name = site_path.rpartition("/")[2]
        if not doc_path.endswith(name):  # (a name always ends both: never, but exact)
            return defaults_for(self._sets, doc_path, site_path, kind, self._cd)
        key = (kind, doc_path[: len(doc_path) - len(name)], site_path[: len(site_path) - len(name)])
        if key not in self._folders:
            self._folders[key] = self._decided(*key)
        found = self._folders[key]
        if found is None:
            return defaults_for(self._sets, doc_path, site_path, kind, self._cd)
        return found

    def _decided(self, kind: str, doc: str, site: str) -> dict[str, object] | None:
        """The merged values of the sets that apply to every file directly in the folder
        (`doc`, `site`: its paths, each ending in "/" unless empty), None when whether one
        applies depends on the file's name."""
        applying = []
        for found in self._sets:
            verdict = self._applies_here(found, kind, doc, site)
            if verdict is None:
                return None
            if verdict:
                applying.append(found)
        return merged_defaults(applying)

    def _applies_here(self, found: DefaultSet, kind: str, doc: str, site: str) -> bool | None:
        """`_applies` for any file in the folder: True or False for all, None: it depends."""
        if (told := _told_without_scope(found, kind)) is not None:
            return told
        scope = found.path
        if "*" not in scope:
            return _begins(doc, _strip_collections_dir(scope, self._cd))
        pattern, parts = scope.strip("/"), site.split("/")[:-1]
        for end in range(1, len(parts) + 1):  # the folders holding the file, not the file
            prefix = "/".join(parts[:end])
            held = _begins(doc, _strip_collections_dir(prefix, self._cd))
            if held is True and glob_match(pattern, PurePosixPath(prefix)):
                return True
        return None  # the file's own path may match


def _begins(folder: str, prefix: str) -> bool | None:
    """Whether every path `folder + name` starts with `prefix` (True), none does (False), or
    it depends on the name (None)."""
    if folder.startswith(prefix):
        return True
    return None if prefix.startswith(folder) else False
