"""Reading a CMS config file: the result every reader gives (`CmsSchema`, built by `finish`),
loading YAML and JSON (with comments) so that a mapping knows its line and an error says where
it is, and the config's paths (`names_folder`, `shown_path`)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from editor.core import lazy_module
from editor.core.errors import PostError
from editor.core.schema.cms.fields import Taken
from editor.core.schema.model import Field, Schema

if TYPE_CHECKING:
    import json

    import yaml

    from editor.core.document import safe_yaml
else:  # loaded where a YAML config is read: a site without a CMS config loads no YAML for it
    json = lazy_module("json")  # and a Front Matter CMS config, no JSON
    yaml = lazy_module("yaml")
    safe_yaml = lazy_module("editor.core.document.safe_yaml")

WORKSPACE = "[[workspace]]"  # Front Matter's name for the site root in its paths


@dataclass(frozen=True)
class CmsSchema:
    """What a site's CMS config says about one content folder.

    `schema` is None when the config does not describe the folder or cannot be read; `notes`
    then say why, otherwise they list what the form does not take. The media settings are the
    config's own strings, unresolved: Decap's `media_folder` is relative to the site root, a
    collection's relative to its entries (or to the site root when it starts with `/`); Front
    Matter's `publicFolder` is `media_folder` here.
    """

    path: Path  # the config file
    site_root: Path
    cms: str  # DECAP or FRONT_MATTER
    schema: Schema | None = None
    collection: str | None = None  # the Decap collection or Front Matter content type taken
    notes: tuple[str, ...] = ()
    problem: PostError | None = None  # the config could not be read: where and why
    media_folder: str | None = None
    public_folder: str | None = None
    collection_media_folder: str | None = None
    collection_public_folder: str | None = None


class _Located(dict):
    """A mapping from YAML that knows its line, so a note can point at a field."""

    line: int | None = None


@cache
def _line_loader() -> type[yaml.SafeLoader]:
    """The project's safe loader, whose mappings remember their line; made at the first
    config read, as it subclasses PyYAML's loader (see the lazy import above)."""

    class LineLoader(safe_yaml.Loader):
        pass

    LineLoader.add_constructor("tag:yaml.org,2002:map", _construct_located)
    return LineLoader


def _construct_located(loader: yaml.SafeLoader, node: yaml.MappingNode) -> Iterator[_Located]:
    mapping = _Located()
    mapping.line = node.start_mark.line + 1
    yield mapping  # first, so anchors pointing back at it work, as in PyYAML's own mappings
    mapping.update(loader.construct_mapping(node))


def load_yaml(path: Path) -> object:
    try:
        return yaml.load(path.read_text(encoding="utf-8-sig"), Loader=_line_loader())
    except (OSError, UnicodeDecodeError) as error:
        raise PostError(f"cannot read it: {error}", path) from None
    except yaml.YAMLError as error:
        line, column = safe_yaml.error_position(error)
        reason = safe_yaml.error_reason(error)
        raise PostError(f"not valid YAML: {reason}", path, line, column) from None
    except (RecursionError, ValueError, TypeError, OverflowError, KeyError, IndexError):
        # PyYAML's constructors fail so on a value its tag cannot hold (`!!int 1e3`...)
        raise PostError("not valid YAML: a value its tag cannot hold", path) from None


def load_json(path: Path) -> object:
    try:
        text = path.read_text(encoding="utf-8-sig")
        return json.loads(_strip_jsonc(text))
    except (OSError, UnicodeDecodeError) as error:
        raise PostError(f"cannot read it: {error}", path) from None
    except json.JSONDecodeError as error:
        raise PostError(f"not valid JSON: {error.msg}", path, error.lineno, error.colno) from None
    except (RecursionError, ValueError):  # nested too deeply; a number of 5,000 digits
        raise PostError("not valid JSON: nested too deeply or a number too long", path) from None


_STRING = r'"(?:[^"\\\n]|\\.)*"'
_COMMENT = re.compile(_STRING + r"|//[^\n]*|/\*.*?\*/", re.DOTALL)
_TRAILING_COMMA = re.compile(_STRING + r"|,(?=\s*[}\]])")


def _strip_jsonc(text: str) -> str:
    """JSON from JSON with comments and trailing commas (Front Matter reads its config so);
    what is removed becomes spaces, so a JSON error keeps its line and column."""

    def blank(match: re.Match[str]) -> str:
        found = match.group(0)
        return found if found.startswith('"') else re.sub(r"[^\n]", " ", found)

    return _TRAILING_COMMA.sub(blank, _COMMENT.sub(blank, text))


def _unreadable(found: CmsSchema, error: PostError) -> CmsSchema:
    note = f"{error}; the form follows the posts instead."
    return replace(found, problem=error, notes=(note,))


def open_config(
    path: Path, root: Path, cms: str, load: Callable[[Path], object]
) -> tuple[CmsSchema, dict | None]:
    """The result so far for the config at `path` and its settings; no settings (the result
    saying why) when the file cannot be read or holds no mapping."""
    found = CmsSchema(path, root, cms)
    try:
        config = load(path)
    except PostError as error:
        return _unreadable(found, error), None
    if not isinstance(config, dict):
        note = f"{shown_path(path, root)} is not a CMS config: it holds no settings."
        return replace(found, notes=(note,)), None
    return found, config


def shown_path(path: Path, root: Path) -> str:
    """A path as a note names it: relative to the site root."""
    try:
        return path.relative_to(root).as_posix() or "."
    except ValueError:
        return str(path)


def names_folder(root: Path, text: str, folder: Path) -> bool:
    """Whether a config's folder path (relative to the site root, with `./`, either slash, a
    leading or trailing slash, or Front Matter's `[[workspace]]/`) names `folder`."""
    text = text.strip().replace("\\", "/").removeprefix(WORKSPACE)
    try:
        return (root / text.strip("/")).resolve() == folder.resolve()
    except (OSError, ValueError, RuntimeError):  # a NUL in the path, a symlink loop
        return False


def finish(
    found: CmsSchema, what: str, taken: list[Taken], naming: str | None, notes: list[str]
) -> CmsSchema:
    """The result from the fields taken (the first of each name); no schema without any."""
    fields: list[Field] = []
    hidden: list[Field] = []
    for field, is_hidden, where in taken:
        if any(known.name == field.name for known in (*fields, *hidden)):
            notes.append(f"‘{field.name}’{where} is listed twice: the first is used.")
        else:
            (hidden if is_hidden else fields).append(field)
    if not fields and not hidden:
        notes.append(f"{what} has no fields Post Editor can use.")
        return replace(found, notes=tuple(notes))
    schema = Schema(tuple(fields), naming, hidden=tuple(hidden))
    return replace(found, schema=schema, notes=tuple(notes))
