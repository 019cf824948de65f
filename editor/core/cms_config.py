"""Fields from the CMS config a site already has: Decap or Sveltia CMS, or Front Matter CMS.

A folder without `.post-editor.yaml` takes its schema from its site's CMS config when that
config describes the folder. The site root is the nearest folder, from the content folder up to
its repository's root (the one holding `.git`), that holds one of `CONFIG_PLACES`; each config
there is tried in that order, and the first that describes the folder wins.

Decap / Sveltia (`admin/config.yml`, also under `static/` or `public/`; Decap and Sveltia look
for `config.yml` only, so `config.yaml` is not read): the folder collection whose `folder`,
relative to the site root, is the content folder. Front Matter CMS (`frontmatter.json`, JSON
with comments): the first content type of the page folder (`[[workspace]]/content/posts`) that
is the content folder, else "default"; with no page folders listed, "default".

    Decap widget            Front Matter type       our type
    string, text            string (text unless     string, text  (Sveltia `maxlength` → max,
                              `single: true`), slug                `type: url` → url)
    markdown, richtext      string + wysiwyg        text          (plain text; a note says so;
      (not `body`)                                                 Decap's `body` is the body)
    datetime, date          datetime                date or datetime, by the stored format;
                                                    a format we cannot read: string, noted
    image                   image                   image         (`multiple`: list)
    file                    file                    string        (we have no file type: no
                                                                   picture picker for a PDF)
    select (options)        choice (choices)        select        (`multiple`: list)
    list (plain, or of one  list, tags,             list          (of objects: not taken)
      simple `field`)         categories, taxonomy
    boolean                 boolean, draft          boolean       (never required: false is
                                                                   a value; draftField choice:
                                                                   select)
    number                  number                  number        (min, max: not checked)
    hidden                  any with `hidden`       Schema.hidden (not in the form, not
                                                                   checked; default for new posts)
    object, relation, code, fields, block, json,    not taken: listed in the notes; the key is
    map, color, uuid, ...   dataFile, ...           kept as it is, under "Other fields"

Decap's field `body` is the post's text, not front matter. Decap's `required` is true when
absent; Front Matter's is false. `pattern: [regex, message]` is a JavaScript pattern found
anywhere in the value; it becomes one the whole value matches, saying `message`. `hint` and
`description` are the help, `label` and `title` the label; a default that does not fit its
field, or a `{{placeholder}}` only the CMS fills in, is left out (`{{now}}` on a date: the
editor dates new posts anyway). Decap's `slug`/`path`/`extension` become the naming.

Nothing here raises: an unreadable config becomes `CmsSchema.problem` (a `PostError` with path
and line) plus a note, and the caller infers the schema from the posts instead.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

import yaml

from editor.core.dates import DateFormat, parse_date
from editor.core.errors import PostError, quoted
from editor.core.fieldtypes import is_scalar
from editor.core.safeyaml import Loader
from editor.core.schema import Field, Schema

DECAP, FRONT_MATTER = "Decap CMS", "Front Matter CMS"
CONFIG_PLACES = (
    (DECAP, "admin/config.yml"),
    (DECAP, "static/admin/config.yml"),
    (DECAP, "public/admin/config.yml"),
    (FRONT_MATTER, "frontmatter.json"),
)
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


# ---- finding and reading the config ----------------------------------------------------------


def _ancestors(folder: Path) -> Iterator[Path]:
    """The folder and those above it, up to its repository's root: a site's CMS config never
    lives above the repository that holds the site."""
    for base in (folder, *folder.parents):
        yield base
        if (base / ".git").exists():
            return


def candidate_files(folder: Path) -> tuple[Path, ...]:
    """Every place a config for `folder` could be (most do not exist), nearest first."""
    bases = _ancestors(folder.absolute())
    return tuple(base / place for base in bases for _, place in CONFIG_PLACES)


def find_site_root(folder: Path) -> Path | None:
    """The nearest folder, `folder` itself included, holding a CMS config; None if none."""
    for base in _ancestors(folder.absolute()):
        if any((base / place).is_file() for _, place in CONFIG_PLACES):
            return base
    return None


def read_cms_schema(folder: Path) -> CmsSchema | None:
    """The schema the site's CMS config gives `folder`; None when the site has no config.

    Each config at the site root is tried in `CONFIG_PLACES` order; the first that describes
    the folder wins, and notes of those before it (a broken one) come first. When none does,
    the result has no schema and its notes say why.
    """
    folder = folder.absolute()
    root = find_site_root(folder)
    if root is None:
        return None
    tried: list[CmsSchema] = []
    for cms, place in CONFIG_PLACES:
        path = root / place
        if path.is_file():
            found = (_decap if cms == DECAP else _front_matter)(path, root, folder)
            if found.schema is not None:
                earlier = tuple(note for other in tried for note in other.notes)
                return replace(found, notes=(*earlier, *found.notes))
            tried.append(found)
    if not tried:  # removed since it was seen
        return None
    return replace(tried[0], notes=tuple(note for other in tried for note in other.notes))


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


# ---- Decap and Sveltia CMS -------------------------------------------------------------------

_SIMPLE = {"string": "string", "text": "text", "image": "image", "file": "string"}
_SIMPLE |= {"select": "select", "number": "number", "boolean": "boolean", "markdown": "text"}
_SIMPLE |= {"richtext": "text", "datetime": "datetime", "date": "date"}  # Sveltia, old Decap
_OTHER_FORMATS = ("toml-frontmatter", "json-frontmatter", "json", "toml")


def _decap(path: Path, root: Path, folder: Path) -> CmsSchema:
    found = CmsSchema(path, root, DECAP)
    try:
        config = _load_yaml(path)
    except PostError as error:
        return _unreadable(found, error)
    shown, here = _shown(path, root), _shown(folder, root)
    if not isinstance(config, dict):
        return replace(found, notes=(f"{shown} is not a CMS config: it holds no settings.",))
    media, public = _text(config.get("media_folder")), _text(config.get("public_folder"))
    found = replace(found, media_folder=media, public_folder=public)
    collections = config.get("collections")
    listed = (
        [c for c in collections if isinstance(c, dict)] if isinstance(collections, list) else []
    )
    folders = [c for c in listed if isinstance(c.get("folder"), str)]
    matching = [c for c in folders if _is_folder(root, c["folder"], folder)]
    if not matching:
        known = ", ".join(sorted({c["folder"] for c in folders})) or "none"
        note = f"{shown} has no folder collection for {here} (its folders: {known})."
        return replace(found, notes=(note,))
    chosen = matching[0]
    name = _named(chosen.get("name"))
    notes: list[str] = []
    if len(matching) > 1:
        names = ", ".join(f"‘{_named(c.get('name'))}’" for c in matching)
        notes.append(f"The collections {names} all use {here}: the form follows ‘{name}’.")
    if (form := chosen.get("format")) in _OTHER_FORMATS:
        notes.append(
            f"The collection ‘{name}’ stores its fields as {form}, which Post Editor does not"
            " read: its posts will show as having no front matter."
        )
    found = replace(
        found,
        collection=name,
        collection_media_folder=_text(chosen.get("media_folder")),
        collection_public_folder=_text(chosen.get("public_folder")),
    )
    entries = chosen.get("fields")
    taken = [
        t for e in (entries if isinstance(entries, list) else []) if (t := _decap_field(e, notes))
    ]
    return _finish(found, f"The collection ‘{name}’", taken, _decap_naming(chosen, notes), notes)


def _decap_field(entry: object, notes: list[str]) -> Taken | None:
    """A Decap field as ours; None when not taken (noted, unless it is the body)."""
    where = _where(entry)
    if not isinstance(entry, dict) or not _text(entry.get("name")) or not entry["name"].strip():
        notes.append(f"A field{where} has no name: it is left out.")
        return None
    name, widget = entry["name"], entry.get("widget", "string")
    if name == "body":  # Decap's body field is the post's text below the front matter
        return None
    spec: dict[str, object] = {"name": name, "label": _text(entry.get("label")) or ""}
    spec["help"] = _text(entry.get("hint")) or ""
    spec["default"] = entry.get("default")
    # Required unless it says `required: false`; a boolean always holds a value (false), and
    # a hidden field is the site's business, not the writer's.
    spec["required"] = entry.get("required", True) is not False
    spec["required"] &= widget not in ("boolean", "hidden")
    said = _decap_kind(entry, widget, spec)
    if said is None:
        what = "is a list of objects" if widget == "list" else f"uses the {_named(widget)} widget"
        notes.append(_not_taken(name, where, what))
        return None
    if said:
        notes.append(f"‘{name}’{where}: {said}")
    pattern = entry.get("pattern")  # [regex, message], or Sveltia's bare regex
    pattern = [pattern] if isinstance(pattern, str) else pattern
    if isinstance(pattern, list) and pattern and isinstance(pattern[0], str):
        message = _text(pattern[1]) if len(pattern) > 1 else None
        spec["pattern"], spec["source_pattern"] = _whole_value(pattern[0]), pattern[0]
        spec["pattern_message"] = message or f"does not match the pattern {pattern[0]}"
    return _build(spec, notes, where), widget == "hidden", where


def _decap_kind(entry: dict, widget: object, spec: dict[str, object]) -> str | None:
    """Fill the type (and what goes with it) into `spec`; a caveat to note ("" for none), or
    None when the widget is not taken."""
    if widget == "hidden":
        spec["type"] = _type_of(entry.get("default"))
        return ""
    if widget == "list":
        if entry.get("fields") is not None or entry.get("types") is not None:
            return None
        if (inner := entry.get("field")) is not None:  # one simple widget's values: plain
            of: dict[str, object] = {}
            if (
                not isinstance(inner, dict)
                or _decap_kind(inner, inner.get("widget", "string"), of) is None
            ):
                return None
            if of["type"] == "list":
                return None
            spec["choices"] = of.get("choices", ())
        spec["type"] = "list"
        return _bounds(entry)
    if not isinstance(widget, str) or widget not in _SIMPLE:
        return None
    spec["type"] = _SIMPLE[widget]
    said = ""
    if widget in ("string", "text"):
        if entry.get("type") == "url":  # Sveltia's string variant
            spec["type"] = "url"
        top = entry.get("maxlength")  # Sveltia
        if isinstance(top, int) and not isinstance(top, bool) and top > 0:
            spec["max"] = top
        said = _bounds(entry, ("minlength",))
    elif widget in ("markdown", "richtext"):
        said = "a Markdown field; edited here as plain text, without a preview."
    elif widget == "file":
        said = "a file widget; Post Editor has no file type, so it is edited as text."
    elif widget == "number":
        said = _bounds(entry)
    elif widget == "select":
        spec["choices"], relabelled = _choices(entry.get("options"), "value", "label")
        said = "its options show their values, not their labels." if relabelled else ""
    elif widget in ("datetime", "date"):
        said = _decap_dates(entry, widget, spec)
    if entry.get("multiple") is True and widget in ("select", "image", "file"):
        spec["type"] = "list"
    return said


def _decap_dates(entry: dict, widget: str, spec: dict[str, object]) -> str:
    """Decap's rules (DateTimeControl.getFormat): `format` is the stored format; else
    `date_format` and `time_format` (true: their defaults) are, joined by T; `time_format:
    false` shows a date picker, `date_format: false` a time picker. A time alone is text."""
    date_f, time_f = entry.get("date_format"), entry.get("time_format")
    date_f = "YYYY-MM-DD" if date_f is True else date_f
    time_f = "HH:mm" if time_f is True else time_f
    kind, pattern = ("date" if widget == "date" else "datetime"), _text(entry.get("format"))
    if pattern is None and isinstance(date_f, str):
        pattern = f"{date_f}T{time_f}" if isinstance(time_f, str) else date_f
        kind = "datetime" if isinstance(time_f, str) else "date"
    elif pattern is None and isinstance(time_f, str):
        kind, pattern = "time", time_f
    if date_f is False:
        kind = "time"
    if time_f is False or entry.get("timeFormat") is False:  # Decap 2 spelled it so
        kind = "date"
    if kind == "time":
        spec["type"] = "string"
        return "a time without a date; edited as text."
    return _date_spec(spec, kind, pattern, False, entry.get("picker_utc") is True)


def _whole_value(source: str) -> str:
    """A JavaScript pattern, which matches anywhere in a value (`RegExp.test`), as one the
    whole value must match. `^...$` without a `|` already spans the value."""
    anchored = source.startswith("^") and source.endswith("$") and not source.endswith("\\$")
    if anchored and "|" not in source:
        return source[1:-1]
    return f"(?s:.*?)(?:{source})(?s:.*)"


def _type_of(value: object) -> str:
    """Our type for a hidden field, from its default."""
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int | float):
        return "number"
    if isinstance(value, list):
        return "list"
    if isinstance(value, dt.date):
        return "datetime" if isinstance(value, dt.datetime) else "date"
    return "string"


def _decap_naming(collection: dict, notes: list[str]) -> str | None:
    """Decap's file name template (`path`, holding `slug`, then `extension`) as our naming;
    None (the folder's files tell) when it uses a placeholder we do not fill in."""
    slug, path = collection.get("slug", "{{slug}}"), collection.get("path")
    extension = collection.get("extension", "md")
    if not isinstance(slug, str) or not isinstance(extension, str):
        return None
    template = path.replace("{{slug}}", slug) if isinstance(path, str) else slug
    naming = re.sub(r"\{\{\s*(slug|year|month|day)\s*\}\}", r"{\1}", template.strip().strip("/"))
    naming = naming.replace("{year}-{month}-{day}", "{date}")
    if "{{" in naming or "{slug}" not in naming or ".." in naming.split("/"):
        notes.append(
            f"New posts are named like the folder's files: the name template {quoted(template)}"
            " uses placeholders Post Editor does not fill in."
        )
        return None
    return f"{naming}.{extension.lstrip('.')}"


# ---- Front Matter CMS ------------------------------------------------------------------------

_FM_TYPES = {"string": "string", "datetime": "datetime", "image": "image", "file": "string"}
_FM_TYPES |= {"tags": "list", "categories": "list", "taxonomy": "list", "list": "list"}
_FM_TYPES |= {"choice": "select", "draft": "boolean", "boolean": "boolean", "number": "number"}
_FM_TYPES |= {"slug": "string"}
_FM_LAYOUT = ("divider", "heading")  # form decoration; they hold no value


def _front_matter(path: Path, root: Path, folder: Path) -> CmsSchema:
    found = CmsSchema(path, root, FRONT_MATTER)
    try:
        config = _load_json(path)
    except PostError as error:
        return _unreadable(found, error)
    shown, here = _shown(path, root), _shown(folder, root)
    if not isinstance(config, dict):
        return replace(found, notes=(f"{shown} is not a CMS config: it holds no settings.",))
    media = config.get("frontMatter.content.publicFolder")
    media = media.get("path") if isinstance(media, dict) else media
    found = replace(found, media_folder=_text(media))
    pages = config.get("frontMatter.content.pageFolders")
    wanted: object = ["default"]
    if isinstance(pages, list) and pages:  # none listed: every folder has the default type
        ours = [p for p in pages if isinstance(p, dict) and isinstance(p.get("path"), str)]
        ours = [p for p in ours if _is_folder(root, p["path"], folder)]
        if not ours:
            return replace(found, notes=(f"{shown} lists no page folder {here}.",))
        wanted = ours[0].get("contentTypes") or wanted
    names = [w for w in wanted if isinstance(w, str)] if isinstance(wanted, list) else []
    types = config.get("frontMatter.taxonomy.contentTypes")
    types = [t for t in types if isinstance(t, dict)] if isinstance(types, list) else []
    chosen = next((t for w in names for t in types if t.get("name") == w), None)
    listed = ", ".join(f"‘{w}’" for w in names)
    if chosen is None:
        return replace(found, notes=(f"{shown} has no content type {listed} for {here}.",))
    name = chosen["name"]
    notes = [f"{here} holds content types {listed}: the form follows ‘{name}’."][len(names) < 2 :]
    date_format = _text(config.get("frontMatter.taxonomy.dateFormat"))
    draft = config.get("frontMatter.content.draftField")
    entries = chosen.get("fields")
    entries = entries if isinstance(entries, list) else []
    taken = [t for e in entries if (t := _fm_field(e, date_format, draft, notes))]
    file_type = _text(chosen.get("fileType")) or "md"
    naming = f"{{slug}}/index.{file_type}" if chosen.get("pageBundle") is True else None
    return _finish(
        replace(found, collection=name), f"The content type ‘{name}’", taken, naming, notes
    )


def _fm_field(
    entry: object, date_format: str | None, draft: object, notes: list[str]
) -> Taken | None:
    """A Front Matter field as ours; None when not taken (noted, unless it is decoration)."""
    if not isinstance(entry, dict) or not _text(entry.get("name")) or not entry["name"].strip():
        notes.append("A field has no name: it is left out.")
        return None
    name, kind = entry["name"], entry.get("type")
    if kind in _FM_LAYOUT:
        return None
    if not isinstance(kind, str) or kind not in _FM_TYPES:
        notes.append(_not_taken(name, "", f"has the type {_named(kind)}"))
        return None
    spec: dict[str, object] = {"name": name, "type": _FM_TYPES[kind]}
    spec["label"] = _text(entry.get("title")) or ""
    spec["help"] = _text(entry.get("description")) or ""
    hidden = entry.get("hidden") is True
    spec["required"] = entry.get("required") is True and kind not in ("boolean", "draft")
    spec["required"] &= not hidden
    spec["default"] = entry.get("default")
    said = ""
    if kind == "string" and entry.get("single") is not True:
        spec["type"] = "text"  # Front Matter shows a string over several lines unless single
    if kind == "string" and entry.get("wysiwyg"):
        said = "a rich-text field; edited here as plain text."
    elif kind == "file":
        said = "a file field; Post Editor has no file type, so it is edited as text."
    elif kind == "datetime":
        pattern = _text(entry.get("dateFormat")) or date_format
        said = _date_spec(spec, "datetime", pattern, True, False)
    elif kind == "choice":
        spec["choices"], relabelled = _choices(entry.get("choices"), "id", "title")
        said = "its choices show their ids, not their titles." if relabelled else ""
    elif kind == "draft" and isinstance(draft, dict) and draft.get("type") == "choice":
        spec["type"] = "select"  # the site's draft field holds a status word, not true/false
        spec["choices"] = _choices(draft.get("choices"), "id", "title")[0]
    elif kind == "number" and isinstance(entry.get("numberOptions"), dict):
        said = _bounds(entry["numberOptions"])
    if entry.get("multiple") is True and kind in ("choice", "image", "file"):
        spec["type"] = "list"
    if said:
        notes.append(f"‘{name}’: {said}")
    return _build(spec, notes, ""), hidden, ""
