"""A new Hugo post's text from the site's archetype, as `hugo new content` writes it.

Which archetype (checked against Hugo 0.111): for a new page bundle (`posts/a/index.md`),
the section's bundle archetype `archetypes/posts/index.md` when there is one, as
`hugo new posts/a` takes it (its other files are not copied here); else, in order,
`archetypes/posts.md`, the theme's `archetypes/posts.md`, `archetypes/default.md`, the
theme's `default.md` (the section's file in the theme beats the site's default). The
extension is the new file's. No archetype: None (Hugo would use its built-in one; a caller
follows the section's own posts instead).

The archetype is run as Hugo runs it (`go_templates`), with the data Hugo 0.111 gives:
`.Date` (the time now in RFC 3339, a string), `.Name` and `.File.ContentBaseName` (the
file's name without extension, the folder's for a bundle), `.File.BaseFileName`, `.Type`
(the section) and `.Site.Title`; `title` follows the site's `titleCaseStyle`. Then the
writer's title takes the place of the front matter's `title` value when the archetype
computes it (`title = '{{ replace .File.ContentBaseName "-" " " | title }}'`), written in
that line's quoting, so the text is Hugo's byte for byte when the title is the one Hugo
makes of the name.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from pathlib import Path, PurePosixPath

from editor.core.errors import PostError
from editor.core.site.generators.go_templates import Function, go_format, render
from editor.core.site.generators.hugo_text import hugo_humanize, hugo_title

_TITLE_LINE = re.compile(
    r"^(?P<key>[\"']?title[\"']?\s*[:=]\s*)(?P<value>.*?\{\{.*\}\}.*?)(?P<end>,?[ \t]*)$",
    re.MULTILINE,
)
_SENTINEL = "\x00title\x00"
# Plain YAML words that would not read as text.
_WORDS = frozenset({"true", "false", "yes", "no", "on", "off", "null"})


def find_archetype(
    root: Path, themes: tuple[str, ...], section: str, suffix: str, bundle: bool
) -> Path | None:
    """The archetype Hugo takes for a new file of `section` (see the module's docstring)."""
    places = [root / "archetypes", *(root / "themes" / t / "archetypes" for t in themes)]
    names = [f"{section}{suffix}"] if section else []
    candidates = [place / section / f"index{suffix}" for place in places] if bundle else []
    candidates += [place / name for name in names for place in places]
    candidates += [place / f"default{suffix}" for place in places]
    return next((path for path in candidates if path.is_file()), None)


def render_archetype(
    text: str,
    rel: PurePosixPath,
    section: str,
    title: str,
    now: dt.datetime,
    config: Mapping[str, object],
) -> str:
    """The new file's text: the archetype `text` run for a file at `rel` (its name gives
    `.Name`) in `section`, at the time `now`, with the writer's `title`. Raises `PostError`
    naming a part of the template this does not run."""
    now = now if now.tzinfo is not None else now.astimezone()
    base = rel.parent.name if rel.stem == "index" else rel.stem
    site_title = config.get("title")
    data = {
        "Date": go_format(now, "2006-01-02T15:04:05Z07:00"),
        "Name": base,
        "Type": section,
        "File": {"ContentBaseName": base, "BaseFileName": rel.stem},
        "Site": {"Title": site_title if isinstance(site_title, str) else ""},
    }
    style = config.get("titlecasestyle")
    template, style_of_title = _title_in(text)
    rendered = render(template, data, _functions(now, style if isinstance(style, str) else ""))
    if style_of_title is None:
        return rendered
    return rendered.replace(_SENTINEL, _quoted(title, style_of_title, _format_of(text)), 1)


def archetype_text(
    root: Path,
    config: Mapping[str, object],
    rel: PurePosixPath,
    inner: tuple[str, ...],
    title: str,
    now: dt.datetime,
) -> str | None:
    """A new page's text at `rel` (its parts `inner` below the content dir) as `hugo new
    content` writes it from the site's (or its theme's) archetype; None when there is none.
    PostError, at the archetype's path, when it cannot be read or followed."""
    section = inner[0] if len(inner) > 1 else ""
    theme = config.get("theme")
    themes = tuple(str(t) for t in (theme if isinstance(theme, list) else [theme]) if t)
    bundle = rel.stem == "index" and len(inner) > 2
    path = find_archetype(root, themes, section, rel.suffix, bundle)
    if path is None:
        return None
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise PostError(f"the archetype could not be read: {error}", path) from None
    try:
        return render_archetype(text, rel, section, title, now, config)
    except PostError as error:
        raise error.at(path) from None


def _functions(now: dt.datetime, style: str) -> dict[str, Function]:
    def date_format(layout: object, when: object) -> str:
        return go_format(_time(when), str(layout))

    def replace(text: object, old: object, new: object, limit: int = -1) -> str:
        return str(text).replace(str(old), str(new), limit)

    return {
        "now": lambda: now,
        "replace": replace,
        "title": lambda text: hugo_title(str(text), style),
        "humanize": lambda text: hugo_humanize(str(text)),
        "upper": lambda text: str(text).upper(),
        "lower": lambda text: str(text).lower(),
        "dateFormat": date_format,
        "time.Format": date_format,
    }


def _time(value: object) -> dt.datetime:
    if isinstance(value, dt.datetime):
        return value
    if isinstance(value, str):
        try:
            return dt.datetime.fromisoformat(value)
        except ValueError:
            pass
    raise PostError(f"reading {value!r} as a time in a template is not supported")


def _format_of(text: str) -> str:
    first = text.lstrip("\ufeff").split("\n", 1)[0].strip()
    return {"+++": "toml", "{": "json"}.get(first, "yaml")


def _title_in(text: str) -> tuple[str, str | None]:
    """The archetype with its computed title value replaced by a mark, and that value's
    quoting (`'`, `"` or "" for none); the archetype unchanged and None when its front
    matter has no computed title."""
    match = _TITLE_LINE.search(_front_matter(text))
    if match is None:
        return text, None
    value = match.group("value").strip()
    quote = value[0] if value[:1] in ("'", '"') and value.endswith(value[0]) else ""
    start = match.start("value")
    return text[:start] + _SENTINEL + text[match.end("value") :], quote


def _front_matter(text: str) -> str:
    """The front matter part of an archetype (with its opening line), or ""."""
    first, _, rest = text.partition("\n")
    fence = first.strip()
    if fence in ("---", "+++"):
        end = re.search(rf"^{re.escape(fence)}[ \t]*\r?$", rest, re.MULTILINE)
        return text[: len(first) + 1 + (end.start() if end else len(rest))]
    if fence.startswith("{"):
        return text[: text.find("\n}") + 2] if "\n}" in text else text
    return ""


def _quoted(title: str, quote: str, form: str) -> str:
    """`title` as a value in the quoting the archetype's title line uses."""
    title = " ".join(title.split())  # a title is one line
    if quote == "'" and form == "yaml":
        return "'" + title.replace("'", "''") + "'"
    if quote == "'" and "'" not in title:
        return f"'{title}'"  # a TOML literal string
    plain = re.fullmatch(r"[A-Za-z][\w ,.!?()&/-]*", title) and title.lower() not in _WORDS
    if quote == "" and form == "yaml" and plain:
        return title
    return '"' + title.replace("\\", "\\\\").replace('"', '\\"') + '"'
