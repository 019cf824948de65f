"""Folder-wide checks: what no single post shows, or what only the site around it can tell.

`check_site(folder)` finds, over a scanned `ContentFolder` (and `folder_problems(folder)` adds
each post's own problems, as `post-editor check FOLDER` and the Problems view list them):

- two posts that would get the same address (slug) or carry the same title;
- a cover image or a body image that names a local file that is not there;
- a link to a post that does not exist: a relative link to a .md/.mdx/.markdown file,
  Hugo's `ref`/`relref`, Jekyll's `post_url`/`link`, and (a warning, as permalinks can be
  configured) a Hugo, Next.js or Astro address "/posts/<slug>/" that no post's slug matches;
- tags or categories outside the schema's choices, under a key the post's own validation
  does not check (Jekyll's `categories:` list where the schema has a `category` select);
- YAML 1.1 traps: unquoted values that Jekyll (YAML 1.1) and YAML 1.2 readers take differently;
- a future date on a published post, and a draft without a date.

Severities: what breaks the site (a missing file, a broken link, two posts at one address)
is an error; what only may be unintended (a repeated title, a value read two ways, a date) is
a warning. The index holds front matter only, so each post's text is read once here; a post
that cannot be read is skipped, its own validation reports why.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import replace
from pathlib import Path, PurePath

import yaml

from editor.core.document import Loader, Post, parse_date
from editor.core.errors import PostError, quoted
from editor.core.folder.content_folder import POST_SUFFIXES, ContentFolder, IndexEntry
from editor.core.schema import DATE_KEYS, SCHEMA_FILE, Problem, Schema, Severity, problem_from_error
from editor.core.site import Reference, Site, body_references, local_path, site_kind

Progress = Callable[[int, int], None]

_DATED_NAME = re.compile(r"(\d{4})-(\d\d)-(\d\d)-(.+)")
_INDEX_NAMES = frozenset({"index", "_index"})
_TAXONOMY = {"tags": ("tags", "tag"), "categories": ("categories", "category")}
_SECTIONED = frozenset({"hugo", "next", "astro"})


def check_site(
    folder: ContentFolder, today: dt.date | None = None, progress: Progress | None = None
) -> list[Problem]:
    """Every folder-wide problem of a scanned folder (it is scanned first if its index is
    empty), ordered by file and line. `today` decides what a future date is (default: the
    real today); `progress(done, total)` is told as posts are read."""
    entries = folder.entries or folder.scan()
    today = today or dt.date.today()
    ctx = _Context(folder, Site.around(folder.root), entries)
    problems = _duplicates(folder.root, entries)
    for done, entry in enumerate(entries, 1):
        path = folder.root / entry.path
        problems += _taxonomy(path, entry, folder.schema)
        problems += _dates(path, entry, folder.schema, today)
        problems += _cover_images(path, entry, folder.schema, ctx)
        try:
            post = Post.read(path)
        except PostError:
            pass  # unreadable: the post's own validation says why
        else:
            problems += _references(path, post, ctx)
            problems += _yaml_traps(path, post, entry, ctx.yes_no_keys)
        if progress and (done % 200 == 0 or done == len(entries)):
            progress(done, len(entries))
    return sorted(problems, key=lambda p: (str(p.path), p.line))


def folder_problems(folder: ContentFolder, today: dt.date | None = None) -> list[Problem]:
    """Everything `post-editor check FOLDER` reports, as the CLI and the Problems view show it:
    a broken schema file first, then the notes on a CMS config (what the form does not take,
    or why the config was not used), then post by post (in index order) each post's own
    problems and its folder-wide ones, by line. Paths are `folder.root / entry.path`."""
    found: list[Problem] = []
    if error := folder.schema_problem():
        found.append(problem_from_error(error, SCHEMA_FILE))
    found += config_notes(folder)
    folder_wide: dict[Path | None, list[Problem]] = {}
    for problem in check_site(folder, today):
        folder_wide.setdefault(problem.path, []).append(problem)
    for entry in folder.entries:
        path = folder.root / entry.path
        own = [replace(p, path=path) for p in entry.problems]
        found += sorted(own + folder_wide.get(path, []), key=lambda p: p.line)  # stable
    return found


_NOTE_LINE = re.compile(r"\(line (\d+)\)|:(\d+):\d+: ")


def config_notes(folder: ContentFolder) -> list[Problem]:
    """The schema source's notes as problems of severity "note", at the CMS config's line
    the note names (else its first line)."""
    source = folder.schema_source
    config = source.path or (source.cms.path if source.cms is not None else None)
    if config is not None and not folder.root.is_absolute():
        config = Path(os.path.relpath(config))  # named the way the folder was
    notes = []
    for note in source.notes:
        where = _NOTE_LINE.search(note)
        line = int(where[1] or where[2]) if where else 1
        notes.append(Problem(config or folder.root, line, "CMS config", "note", note))
    return notes


class _Context:
    """What the reference checks share: the folder, its site, and the posts' names."""

    def __init__(self, folder: ContentFolder, site: Site, entries: list[IndexEntry]) -> None:
        self.root, self.site = folder.root, site
        # Hugo reads "/posts/a" in a ref from its content folder, which may hold this one.
        content = site.root / "content"
        within = content.is_dir() and Path(os.path.abspath(folder.root)).is_relative_to(content)
        self.content_dirs = [content, folder.root] if within else [folder.root]
        self.file_stems = {PurePath(e.path.name).stem.casefold() for e in entries}
        # Keys known to hold yes/no values: the default's (draft), and a schema file's or CMS
        # config's. Not an inferred schema's: it learnt "boolean" from YAML 1.1 readings of
        # these very traps.
        origin = folder.schema_source.origin
        declared = folder.schema.fields if origin in ("file", "cms") else ()
        self.yes_no_keys = {
            f.name for f in (*Schema.DEFAULT.fields, *declared) if f.type == "boolean"
        }
        self.page_names = self.file_stems | {_page_name(e.path).casefold() for e in entries}
        # Where Hugo, Next.js and Astro publish this folder's posts by default: /posts/<slug>/
        # for content/posts, _posts or src/content/posts. Jekyll's dated permalinks differ.
        kind = site_kind(site.root)
        self.section = folder.root.name.lstrip("_").casefold() if kind in _SECTIONED else None
        slugs = (slug_of(e.path, e.facts.values) for e in entries)
        self.slugs = {slug.casefold() for slug in slugs if slug}


def _page_name(rel: PurePath) -> str:
    """A post's name as a site knows it: the file name, or a bundle's folder name."""
    stem = PurePath(rel.name).stem
    return rel.parent.name if stem in _INDEX_NAMES and len(rel.parts) > 1 else stem


# ---- duplicates --------------------------------------------------------------------------------


def slug_of(rel: PurePath, values: Mapping[str, object]) -> str | None:
    """The slug a post is published under: its `slug:` key, else its file name without a
    leading date (`2024-01-01-hello.md` → hello), or its folder's name for a bundle
    (`hello/index.md` → hello). None for the folder's own index page."""
    slug = values.get("slug")
    if isinstance(slug, str | int) and not isinstance(slug, bool) and str(slug).strip("/ "):
        return str(slug).strip("/ ")
    stem = PurePath(rel.name).stem
    if stem in _INDEX_NAMES:
        return rel.parent.name if len(rel.parts) > 1 else None
    dated = _DATED_NAME.fullmatch(stem)
    return dated[4] if dated else stem


def _duplicates(root: Path, entries: list[IndexEntry]) -> list[Problem]:
    """Posts sharing an address, and posts sharing a title.

    Slugs clash within one folder: Hugo, Astro, Eleventy and Gatsby put the folders in the
    address, so 2024/notes.md and 2025/notes.md differ. A clash is an error: one post hides
    the other. Case is ignored (Hugo lowercases addresses; macOS and Windows disks ignore
    case). A repeated title is a warning: both posts are published, only readers may mix them
    up. Every post of a group is reported, naming the others."""
    by_slug: dict[tuple[PurePath, str], list[IndexEntry]] = defaultdict(list)
    by_title: dict[str, list[IndexEntry]] = defaultdict(list)
    for entry in entries:
        slug = slug_of(entry.path, entry.facts.values)
        if slug is not None:
            stem = PurePath(entry.path.name).stem
            where = entry.path.parent.parent if stem in _INDEX_NAMES else entry.path.parent
            by_slug[where, slug.casefold()].append(entry)
        if entry.title and entry.title.strip():
            by_title[" ".join(entry.title.split()).casefold()].append(entry)
    problems = []
    for group in by_slug.values():
        for entry, others in _groups(group):
            key = "slug" if "slug" in entry.facts.values else "file"
            slug = quoted(slug_of(entry.path, entry.facts.values) or "")
            message = f"the slug {slug} is also the slug of {others}: both get one address"
            problems.append(_problem(root, entry, key, "error", message))
    for group in by_title.values():
        for entry, others in _groups(group):
            message = f"the title is also the title of {others}; readers will mix them up"
            problems.append(_problem(root, entry, "title", "warning", message))
    return problems


def _groups(group: list[IndexEntry]) -> Iterator[tuple[IndexEntry, str]]:
    """Each entry of a group of two or more, with the others named."""
    if len(group) < 2:
        return
    for entry in group:
        names = [e.path.as_posix() for e in group if e is not entry]
        shown = ", ".join(names[:3]) + (f" and {len(names) - 3} more" if len(names) > 3 else "")
        yield entry, shown


def _problem(root: Path, entry: IndexEntry, key: str, severity: Severity, message: str) -> Problem:
    line = entry.facts.line_of(key) or 1
    return Problem(root / entry.path, line, key, severity, message)


# ---- taxonomy and dates ------------------------------------------------------------------------


def _taxonomy(path: Path, entry: IndexEntry, schema: Schema) -> list[Problem]:
    """Tags or categories outside the schema's choices, under a key validation leaves alone.

    A key that has a field with choices is checked by the post's validation already (an
    error there); here come the other spellings: a Jekyll `categories:` list where the schema
    has a `category` select. A warning: the site still builds, the value just is off-list."""
    values, problems = entry.facts.values, []
    keys = schema.keys_in(values)
    checked = {keys[f.name] for f in schema.fields if f.choices}
    for keys in _TAXONOMY.values():
        choices = [c for f in schema.fields if f.name in keys and f.choices for c in f.choices]
        if not choices:
            continue
        for key in keys:
            if key not in values or key in checked:
                continue
            items = values[key] if isinstance(values[key], list) else [values[key]]
            for item in items:
                if item is None or item in choices or isinstance(item, dict | list):
                    continue
                near = [c for c in choices if str(c).casefold() == str(item).casefold()]
                hint = f"; did you mean {quoted(str(near[0]))}" if near else ""
                listed = ", ".join(map(str, choices))
                message = f"{quoted(str(item))} is not one of the choices: {listed}{hint}"
                problems.append(
                    Problem(path, entry.facts.line_of(key) or 1, key, "warning", message)
                )
    return problems


def _dates(path: Path, entry: IndexEntry, schema: Schema, today: dt.date) -> list[Problem]:
    """A published post dated after today; a draft without a date.

    Both warnings: a future date may be a planned publication, but Hugo and Jekyll leave the
    post out of the site until that day, which surprises. A draft without a date is only
    flagged where the folder dates its posts (the schema has a date field), when the file
    name gives none (Jekyll's 2024-01-01-name.md) and when validation has not already said
    the date is missing."""
    key = next((k for k in DATE_KEYS if entry.facts.values.get(k) is not None), "date")
    line = entry.facts.line_of(key) or 1
    date = entry.date or _date_in_name(entry.path)
    if date is not None and not entry.draft:
        day = date.date() if isinstance(date, dt.datetime) else date
        if day > today:
            message = (
                f"dated {day.isoformat()}, after today, but not a draft: "
                "most site generators leave it out until that day"
            )
            return [Problem(path, line, key, "warning", message)]
    told = any(p.field in DATE_KEYS for p in entry.problems)  # "Date is missing" already
    if date is None and entry.draft and schema.field("date") is not None and not told:
        message = "this draft has no date; give it one, or it will be published undated"
        return [Problem(path, line, key, "warning", message)]
    return []


def _date_in_name(rel: PurePath) -> dt.date | None:
    dated = _DATED_NAME.fullmatch(PurePath(rel.name).stem)
    if dated is None:
        return None
    try:
        return parse_date(f"{dated[1]}-{dated[2]}-{dated[3]}")
    except PostError:
        return None


# ---- images and links --------------------------------------------------------------------------


def _cover_keys(schema: Schema) -> list[str]:
    cover = Schema.DEFAULT.field("coverImage")
    keys = [cover.name, *cover.aliases] if cover else []
    for field in schema.fields:
        if field.type == "image":
            keys += [field.name, *field.aliases]
    return list(dict.fromkeys(keys))


def _cover_images(path: Path, entry: IndexEntry, schema: Schema, ctx: _Context) -> list[Problem]:
    """A local cover image (any image field) that is not there: an error, the page shows a
    broken image or the build stops (Astro's image() schema)."""
    problems = []
    for key in _cover_keys(schema):
        value = entry.facts.values.get(key)
        if isinstance(value, str) and (message := _missing_image(value, path, ctx)):
            problems.append(Problem(path, entry.facts.line_of(key) or 1, key, "error", message))
    return problems


def _missing_image(ref: str, post_path: Path, ctx: _Context) -> str | None:
    target = ctx.site.resolve(ref, post_path)
    if target is None or ctx.site.exists(target):
        return None
    if not ctx.site.contains(target):  # climbed out with ..
        return f"the image {quoted(ref)} lies outside the site folder, which cannot publish it"
    return f"the image {quoted(ref)} is missing: there is no such file"


def _references(path: Path, post: Post, ctx: _Context) -> list[Problem]:
    """Missing images and links to posts that do not exist in the post's body: errors, a
    reader meets a broken image or a dead link (or Hugo and Jekyll stop the build)."""
    problems = []
    for ref in body_references(post.body):
        line = post.body_line + ref.line
        if message := _broken(ref, path, ctx):
            problems.append(Problem(path, line, "body", "error", message))
        elif ref.kind == "link" and (message := _unknown_post_address(ref.target, ctx)):
            problems.append(Problem(path, line, "body", "warning", message))
    return problems


def _unknown_post_address(target: str, ctx: _Context) -> str | None:
    """What is wrong with a link to a post's address ("/posts/hello/") that no post of the
    folder has, or None. Only a warning: a site may set its own permalinks."""
    path = local_path(target)
    if ctx.section is None or path is None or not path.startswith("/"):
        return None
    parts = [part for part in path.split("/") if part]
    if len(parts) != 2 or parts[0].casefold() != ctx.section or "." in parts[1]:
        return None  # another section, a nested page, or a file (/posts/feed.xml)
    static_page = _found("/".join(parts), ctx.site.published, ctx.site, ("/index.html", ".html"))
    if parts[1].casefold() in ctx.slugs or static_page:
        return None
    return (
        f"the link to {quoted(target)} names no post of this folder: none has the slug"
        f" {quoted(parts[1])}"
    )


def _broken(ref: Reference, post_path: Path, ctx: _Context) -> str | None:
    """What is wrong with one reference, or None when it leads somewhere (or cannot be told)."""
    if ref.kind == "image":
        return _missing_image(ref.target, post_path, ctx)
    if ref.kind == "link":
        path = local_path(ref.target)
        if path is None or not path.lower().endswith(tuple(POST_SUFFIXES)):
            return None  # a page address like /about/: only the built site knows it
        bases = [ctx.site.root, *ctx.content_dirs] if path.startswith("/") else []
        target = ctx.site.resolve(ref.target, post_path)
        if target is None or ctx.site.exists(target) or _found(path, bases, ctx.site):
            return None
        return f"the link to {quoted(ref.target)} leads nowhere: there is no such post"
    if ref.kind == "hugo-ref":
        if _hugo_ref_found(ref.target, post_path, ctx):
            return None
        return f"the ref {quoted(ref.target)} finds no post; Hugo stops the build on it"
    if ref.kind == "post_url":
        name = ref.target.rstrip("/").rsplit("/", 1)[-1].casefold()
        if name in ctx.file_stems or (
            name.endswith(tuple(POST_SUFFIXES)) and PurePath(name).stem in ctx.file_stems
        ):
            return None
        return f"post_url {quoted(ref.target)} finds no post; Jekyll stops the build on it"
    # Jekyll's {% link %}: a path from the site's source folder (the one above _posts).
    jekyll_sources = [p.parent for p in post_path.parents if p.name == "_posts"]
    sources = [ctx.site.root, *jekyll_sources, ctx.root]
    if local_path(ref.target) is None or _found(ref.target, sources, ctx.site):
        return None
    return f"link {quoted(ref.target)} names no file of the site; Jekyll stops the build on it"


def _found(path: str, bases: Iterable[Path], site: Site, suffixes: Iterable[str] = ("",)) -> bool:
    """Whether `path` (with one of `suffixes`) is a file below one of `bases`, in the site."""
    relative = path.lstrip("/")
    return any(
        site.exists(os.path.join(base, relative + suffix)) for base in bases for suffix in suffixes
    )


_BUNDLE_FILES = tuple(f"/{index}{ext}" for index in _INDEX_NAMES for ext in POST_SUFFIXES)
_HUGO_SUFFIXES = ("", *POST_SUFFIXES, ".html", *_BUNDLE_FILES)


def _hugo_ref_found(target: str, post_path: Path, ctx: _Context) -> bool:
    """Whether a Hugo ref finds its page, read as generously as Hugo reads it: from the
    page's folder, then from the content folder, with or without an extension, a page
    bundle's folder, or (as Hugo does for a name it finds once) just the page's name."""
    path = target.split("#", 1)[0].strip().rstrip("/")
    if not path:
        return True  # "#anchor": this page
    name = path.rsplit("/", 1)[-1]
    stem = name[: -len(PurePath(name).suffix)] if name.endswith(tuple(POST_SUFFIXES)) else name
    if stem.casefold() in ctx.page_names:  # the cheap question first
        return True
    bases = ctx.content_dirs if path.startswith("/") else [post_path.parent, *ctx.content_dirs]
    return _found(path, bases, ctx.site, _HUGO_SUFFIXES)


# ---- YAML 1.1 traps ----------------------------------------------------------------------------

_SEXAGESIMAL = re.compile(r"[-+]?[0-9][0-9_]*(?::[0-5]?[0-9]){1,2}(\.[0-9_]*)?")
# Ruby's Psych (Jekyll) for YAML 1.1 numbers, commas included as it takes them.
_FLOAT_11 = re.compile(r"[-+]?(?:[0-9][0-9_,]*)?\.[0-9]*(?:[eE][-+][0-9]+)?")
_INT_11 = re.compile(r"[-+]?(?:0b[01_,]+|0[0-7_,]+|0|[1-9][0-9_,]*|0x[0-9a-fA-F_,]+)")
# YAML 1.2's core schema, with the underscores and 0b that js-yaml and Go's readers also take
# (so `1_000` and `0b1` read the same everywhere and are not flagged).
_INT_12 = re.compile(r"[-+]?(?:[0-9][0-9_]*|0b[01_]+|0x[0-9a-fA-F_]+)|0o[0-7]+")
_FLOAT_12 = re.compile(r"[-+]?(?:\.[0-9]+|[0-9][0-9_]*(?:\.[0-9_]*)?)(?:[eE][-+]?[0-9]+)?")
_WORDS_11 = {"yes": True, "on": True, "true": True, "no": False, "off": False, "false": False}
_YN = {"y": True, "n": False}  # YAML 1.1's spec and Go's yaml.v2 read these; Psych does not
_BOOLS_12 = {"true": True, "True": True, "TRUE": True, "false": False, "False": False}
_BOOLS_12 |= {"FALSE": False}
_NULLS_12 = frozenset({"~", "null", "Null", "NULL"})
# Where a trap may stand: after ": ", "- ", "[", "," or "{", or alone on a line, a yes/no word
# or a number with a leading 0, a colon, a comma, an exponent or an underscore, ending the line
# (or before a comment or a flow bracket). Much that is no trap matches too (prose ending in
# "on", a date with a time): it is then parsed to be sure. A trap never fails to match: a test
# holds the readers below to it. Searching 10,000 front matters takes a tenth of a second,
# parsing them all ten times that.
_MAYBE_TRAP = re.compile(
    r"[:\[,{\n][ \t]*(?:-[ \t]+)?(?:&\S+[ \t]+)?"
    r"(?:[-+]?\.?(?:0[\w:,.+-]|\d[\w.+-]*[:,eEoxb_])[\w:,.+-]*"
    r"|(?i:yes|no|on|off|y|n|true|false|null))"
    r"[ \t\r]*(?:$|#|[,\]}])",
    re.M,
)


def read_yaml11(text: str) -> object:
    """What a YAML 1.1 reader (Ruby's Psych, as Jekyll uses it) makes of an unquoted value."""
    low = text.lower()
    if text[:1].isalpha() or text[:1] in ("_", "~"):
        if low in _WORDS_11 or low in _YN:
            return _WORDS_11.get(low, _YN.get(low))
        return None if low in ("null", "~") else text
    try:
        return _number_11(text)
    except ValueError:  # a shape the patterns allow but no number has ("0x_", "+.e+5")
        return text


def _number_11(text: str) -> object:
    if _SEXAGESIMAL.fullmatch(text):
        total: float = 0
        for part in text.lstrip("+-").replace("_", "").split(":"):
            total = total * 60 + (float(part) if "." in part else int(part))
        return -total if text.startswith("-") else total
    if _FLOAT_11.fullmatch(text) and text.lstrip("+-") != ".":
        return float(text.replace(",", "").replace("_", "").rstrip("."))
    if _INT_11.fullmatch(text):
        digits = text.replace(",", "").replace("_", "")
        body = digits.lstrip("+-")
        base = 2 if body[:2] == "0b" else 16 if body[:2] == "0x" else 8 if body[:1] == "0" else 10
        number = int(body[2:] if base in (2, 16) else body, base)
        return -number if digits.startswith("-") else number
    return text


def read_yaml12(text: str) -> object:
    """What a YAML 1.2 reader (js-yaml in gray-matter and Astro, Go's yaml.v3) makes of an
    unquoted value."""
    if text in _BOOLS_12:
        return _BOOLS_12[text]
    if text in _NULLS_12:
        return None
    try:
        if _INT_12.fullmatch(text):
            digits = text.replace("_", "")
            body = digits.lstrip("+-")
            base = {"0b": 2, "0o": 8, "0x": 16}.get(body[:2], 10)
            number = int(body[2:] if base != 10 else body, base)
            return -number if digits.startswith("-") else number
        if _FLOAT_12.fullmatch(text):
            return float(text.replace("_", ""))
    except ValueError:  # "0x_": the pattern allows it, no number has it
        pass
    return text


def _yaml_traps(path: Path, post: Post, entry: IndexEntry, yes_no: set[str]) -> list[Problem]:
    """Unquoted values that YAML 1.1 and YAML 1.2 read differently: warnings, as the post is
    valid YAML either way, but the site may not read what the writer meant."""
    if post.kind != "yaml" or entry.facts.error is not None:
        return []
    if not _MAYBE_TRAP.search(post.front_matter):
        return []  # most posts: no yes/no word or number unquoted, no need to parse
    told = {p.field for p in entry.problems}  # validation already asked to quote these
    first = post.text.count("\n", 0, post.layout.start) + 1
    problems = []
    for key, text, line in _plain_values(post.front_matter):
        if key in told or not text:
            continue
        old, new = read_yaml11(text), read_yaml12(text)
        if type(old) is type(new) and old == new:
            continue
        message = _trap_message(text, old, new, key in yes_no)
        problems.append(Problem(path, first + line, key, "warning", message))
    return problems


def _plain_values(front_matter: str) -> Iterator[tuple[str, str, int]]:
    """(top-level key, text, 0-based line) of each unquoted, untagged value in YAML text.

    Read as parser events rather than nodes: an event tells whether a scalar was plain and
    untagged (`!!str no` is no trap), which a composed node does not."""
    stack: list[list[bool]] = []  # per open collection: [is a mapping, a key comes next]
    top = ""
    try:
        for event in yaml.parse(front_matter, Loader=Loader):
            if isinstance(event, yaml.ScalarEvent | yaml.AliasEvent):
                is_key = bool(stack) and stack[-1][0] and stack[-1][1]
                if is_key and len(stack) == 1:
                    top = str(event.value)
                elif not is_key and isinstance(event, yaml.ScalarEvent) and event.implicit[0]:
                    yield top, event.value, event.start_mark.line
                if stack and stack[-1][0]:
                    stack[-1][1] = not stack[-1][1]
            elif isinstance(event, yaml.CollectionStartEvent):
                stack.append([isinstance(event, yaml.MappingStartEvent), True])
            elif isinstance(event, yaml.CollectionEndEvent):
                stack.pop()
                if stack and stack[-1][0]:
                    stack[-1][1] = not stack[-1][1]
    except (yaml.YAMLError, UnicodeEncodeError):
        return  # the post's validation reports broken front matter


def _trap_message(text: str, old: object, new: object, boolean: bool) -> str:
    shown, quoted_text = quoted(text), "'" + text.replace("'", "''") + "'"
    if text.lower() in _YN:
        readers = "some YAML 1.1 readers (not Jekyll) take"
    else:
        readers = "YAML 1.1 readers such as Jekyll take"
    if isinstance(old, bool):
        modern = "YAML 1.2 readers (gray-matter, Astro, Eleventy)"
        word = str(old).lower()
        fix = (
            f"write {word} for yes/no, or {quoted_text} to keep the text"
            if boolean
            else f"write {quoted_text} to keep the text, or {word} for yes/no"
        )
    else:
        modern, fix = "YAML 1.2 readers", f"write {quoted_text} to keep it as written"
    return f"{readers} {shown} as {_name(old)}, {modern} as {_name(new)}: {fix}"


def _name(value: object) -> str:
    if isinstance(value, bool):
        return f"the yes/no value {str(value).lower()}"
    if isinstance(value, float):
        return f"the number {value:g}"
    if isinstance(value, int):
        return f"the number {value}"
    return "nothing" if value is None else f"the text {quoted(str(value))}"
