"""What reading any CMS config shares: the result (`CmsSchema`), loading YAML and JSON with
line numbers, building our Fields from a config's field specs, and reading its date formats.

`cms_config` finds the config and hands it to `cms_decap` or `cms_frontmatter`, which build on
this module (its underscored helpers are theirs too, not for use outside these modules). The
mapping of each CMS's widgets to our types is in `cms_config`'s docstring.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

import yaml

from editor.core.document.dates import DateFormat, parse_date
from editor.core.document.safe_yaml import Loader
from editor.core.errors import PostError, quoted
from editor.core.schema.field_types import is_scalar
from editor.core.schema.schema import Field, Schema

DECAP, FRONT_MATTER = "Decap CMS", "Front Matter CMS"
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


class _LineLoader(Loader):
    """The project's safe loader, whose mappings remember their line."""


def _construct_located(loader: yaml.SafeLoader, node: yaml.MappingNode) -> Iterator[_Located]:
    mapping = _Located()
    mapping.line = node.start_mark.line + 1
    yield mapping  # first, so anchors pointing back at it work, as in PyYAML's own mappings
    mapping.update(loader.construct_mapping(node))


_LineLoader.add_constructor("tag:yaml.org,2002:map", _construct_located)


def _load_yaml(path: Path) -> object:
    try:
        return yaml.load(path.read_text(encoding="utf-8-sig"), Loader=_LineLoader)
    except (OSError, UnicodeDecodeError) as error:
        raise PostError(f"cannot read it: {error}", path) from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        problem = getattr(error, "problem", None) or str(error)
        line, column = (mark.line + 1, mark.column + 1) if mark else (None, None)
        raise PostError(f"not valid YAML: {problem}", path, line, column) from None
    except (RecursionError, ValueError, TypeError, OverflowError, KeyError, IndexError):
        # PyYAML's constructors fail so on a value its tag cannot hold (`!!int 1e3`...)
        raise PostError("not valid YAML: a value its tag cannot hold", path) from None


def _load_json(path: Path) -> object:
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


def _open_config(
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
        note = f"{_shown(path, root)} is not a CMS config: it holds no settings."
        return replace(found, notes=(note,)), None
    return found, config


# ---- shared helpers --------------------------------------------------------------------------


def _text(value: object) -> str | None:
    return value if isinstance(value, str) else None


def _named(value: object) -> str:
    """A name from a config for a note; never the text of a list or mapping (which could be
    huge: YAML aliases make a few lines stand for millions of items)."""
    return value if isinstance(value, str) else "?"


def _where(entry: object) -> str:
    line = getattr(entry, "line", None)
    return f" (line {line})" if line else ""


def _shown(path: Path, root: Path) -> str:
    """A path as a note names it: relative to the site root."""
    try:
        return path.relative_to(root).as_posix() or "."
    except ValueError:
        return str(path)


def _is_folder(root: Path, text: str, folder: Path) -> bool:
    """Whether a config's folder path (relative to the site root, with `./`, either slash, a
    leading or trailing slash, or Front Matter's `[[workspace]]/`) names `folder`."""
    text = text.strip().replace("\\", "/").removeprefix(WORKSPACE)
    try:
        return (root / text.strip("/")).resolve() == folder.resolve()
    except (OSError, ValueError, RuntimeError):  # a NUL in the path, a symlink loop
        return False


def _choices(options: object, value_key: str, label_key: str) -> tuple[tuple[object, ...], bool]:
    """The values of options given plainly or as mappings ({label, value}, {title, id}), and
    whether a mapping's label differs from its value (the form shows values only)."""
    values: list[object] = []
    relabelled = False
    for option in options if isinstance(options, list) else []:
        value = option.get(value_key) if isinstance(option, dict) else option
        if is_scalar(value) and value is not None:
            values.append(value)
            relabelled |= isinstance(option, dict) and option.get(label_key, value) != value
    return tuple(values), relabelled


def _bounds(entry: dict, keys: tuple[str, ...] = ("min", "max")) -> str:
    given = [key for key in keys if entry.get(key) is not None]
    return (
        f"{' and '.join(given)} {'is' if len(given) == 1 else 'are'} not checked." if given else ""
    )


def _build(spec: dict[str, object], notes: list[str], where: str) -> Field:
    """A Field from `spec`; a pattern we cannot read or a default that does not fit is left
    out, with a note."""
    name = str(spec["name"])
    default = spec.pop("default", None)
    source = spec.pop("source_pattern", None)
    if isinstance(pattern := spec.get("pattern"), str):
        try:
            re.compile(pattern)
        except (re.error, RecursionError, OverflowError):
            shown = quoted(str(source or pattern))
            notes.append(f"‘{name}’{where}: the pattern {shown} is not one Post Editor can read.")
            del spec["pattern"]
            spec.pop("pattern_message", None)
    field = Field(**spec)  # type: ignore[arg-type]
    if default is None or default == "":
        return field
    if isinstance(default, str) and "{{" in default:
        if field.type not in ("date", "datetime"):  # `{{now}}` on a date: new posts get today
            notes.append(
                f"‘{name}’{where}: its default {quoted(default)} is filled in by the CMS only;"
                " new posts here start without it."
            )
        return field
    plain = is_scalar(default) or isinstance(default, list)
    if problem := field.check(default) if plain else "it is not a plain value":
        notes.append(f"‘{name}’{where}: its default is left out: {problem}.")
        return field
    return replace(field, default=default)


# A field taken: the Field, whether it is hidden, and where the config gives it (for notes).
Taken = tuple[Field, bool, str]


def _finish(
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


def _not_taken(name: str, where: str, what: str) -> str:
    return (
        f"‘{name}’{where} {what}, which the form cannot edit:"
        " the key is kept as it is, under Other fields."
    )


# ---- dates -----------------------------------------------------------------------------------

# Each date token spelled for one instant; a day and month that cannot swap (4 and 1) tell
# a day-first spelling from the US one, which `parse_date` would read the other way round.
_COMMON = {"M": "1", "MM": "01", "MMM": "Jan", "MMMM": "January", "H": "9", "HH": "09"}
_COMMON |= {"m": "5", "mm": "05", "s": "7", "ss": "07", "S": "1", "SS": "12", "SSS": "123"}
_DAYJS = _COMMON | {"YYYY": "2026", "D": "4", "DD": "04", "Z": "+02:00", "ZZ": "+0200"}
_DATE_FNS = _COMMON | {"yyyy": "2026", "d": "4", "dd": "04", "X": "+02", "XX": "+0200"}
_DATE_FNS |= {"XXX": "+02:00", "x": "+02", "xx": "+0200", "xxx": "+02:00"}
_DAYJS_TOKENS = re.compile(r"\[([^\]]*)\]|Do|([A-Za-z])\2*")
# Day.js letters that are tokens we cannot spell (weekdays, 12-hour clocks, week numbers,
# locale formats...); other letters that are not tokens, like the T in YYYY-MM-DDTHH, are
# literal text to Day.js. date-fns refuses any unquoted letter it does not know.
_DAYJS_OTHERS = frozenset("YMDHmsSZdhaAQXxwWgGkzLl")
_DATE_FNS_TOKENS = re.compile(r"'((?:[^']|'')*)'|([A-Za-z])\2*")
_SAMPLE_DAY = dt.date(2026, 1, 4)


def _spelling(pattern: str, date_fns: bool, utc: bool) -> str | None:
    """The sample instant spelled by a Day.js (Decap) or date-fns (Front Matter) pattern; None
    when it uses a token we cannot spell (weekdays, 12-hour clocks, locale formats...)."""
    table, tokens = (_DATE_FNS, _DATE_FNS_TOKENS) if date_fns else (_DAYJS, _DAYJS_TOKENS)
    out, pos = [], 0
    for match in tokens.finditer(pattern):
        out.append(pattern[pos : match.start()])
        pos = match.end()
        token = match.group(0)
        if match.group(1) is not None:  # quoted literal text
            out.append("'" if token == "''" else match.group(1).replace("''", "'"))
        elif utc and token in ("Z", "ZZ"):  # Decap's picker_utc writes a literal Z
            out.append("Z")
        elif token in table:
            out.append(table[token])
        elif date_fns or token == "Do" or token[0] in _DAYJS_OTHERS:
            return None
        else:
            out.append(token)
    out.append(pattern[pos:])
    return "".join(out)


def _date_type(
    pattern: str, date_fns: bool, utc: bool = False
) -> tuple[str, DateFormat | None] | None:
    """(date or datetime, how to spell new values) for a CMS date pattern; None when dates so
    spelled are not ones Post Editor reads (or it would read them as another day)."""
    text = _spelling(pattern, date_fns, utc)
    try:
        value = parse_date(text) if text is not None else None
    except PostError:
        return None
    if value is None:
        return None
    day = value.date() if isinstance(value, dt.datetime) else value
    if day != _SAMPLE_DAY or (isinstance(value, dt.datetime) and value.hour != 9):
        return None
    spelled = DateFormat.detect(text or "")
    # The writer of a new value decides its zone; the sample's +02:00 is no one's.
    spelled = replace(spelled, offset=0) if spelled else None
    return ("datetime" if isinstance(value, dt.datetime) else "date"), spelled


def _date_spec(
    spec: dict[str, object], kind: str, pattern: str | None, date_fns: bool, utc: bool
) -> str:
    """Fill `spec` for a date field; a note's text when its pattern cannot be honoured."""
    spec["type"] = kind
    if pattern is None:
        return ""
    read = _date_type(pattern, date_fns, utc)
    if read is None:
        spec["type"] = "string"
        return (
            f"its dates are stored as {quoted(pattern)}, which Post Editor does not read as"
            " dates: edited as text."
        )
    spec["type"] = kind if kind == "date" else read[0]
    spec["date_format"] = read[1]
    return ""
