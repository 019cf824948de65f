"""What `post-editor check` prints, in each format a person or a CI reads:

- `text`: one line per problem, "path:line: severity: field: message";
- `json`: a list of the problems' `as_json()` dicts (the `--json` of old);
- `github`: GitHub Actions workflow commands (`::error file=…,line=…::message`), which the
  run's page shows as annotations on the posts' lines;
- `sarif`: a SARIF 2.1.0 log, the static-analysis format code-scanning services (GitHub's,
  GitLab's through a converter, editors' viewers) read.

Paths in `github` and `sarif` are relative to the repository's root (the folder above the
current one holding `.git`, else the current folder), as both services expect.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from editor import __version__
from editor.core import lazy_module
from editor.core.schema import SCHEMA_FILE, Problem

if TYPE_CHECKING:
    import json
else:  # loaded for the JSON and SARIF formats: the text a hook prints needs none
    json = lazy_module("json")

FORMATS = ("text", "json", "github", "sarif")
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
# SARIF's conventional name for "the root of the checked-out sources".
SRCROOT = "SRCROOT"

# A problem's kind, from the part of the post it names; SARIF's rules are these kinds.
_KINDS: dict[str, tuple[str, str]] = {
    "front matter": ("front-matter", "The front matter cannot be read"),
    "file": ("file", "The file cannot be read"),
    "body": ("body", "A problem in the post's text"),
    SCHEMA_FILE: ("schema-file", "The schema file cannot be read"),
    "CMS config": ("cms-config", "A note on the site's CMS config"),
}
_FIELD_KIND = ("field", "A front-matter field breaks the site's rules")
_GITHUB_LEVEL = {"error": "error", "warning": "warning", "note": "notice"}


def kind_of(problem: Problem) -> tuple[str, str]:
    """(rule id, short description) of the kind of problem: a field's, the body's, the
    file's, the front matter's as a whole, the schema file's or the CMS config's."""
    return _KINDS.get(problem.field, _FIELD_KIND)


def repository_root(start: Path | None = None) -> Path:
    """The folder holding `.git` at `start` (default: the current folder) or above it; else
    `start`. Reports name files relative to it, as the services that read them do."""
    here = Path(os.path.abspath(start or Path.cwd()))
    for folder in (here, *here.parents):
        if (folder / ".git").exists():
            return folder
    return here


def relative_uri(path: Path | None, root: Path) -> str:
    """`path` relative to `root`, with forward slashes (absolute when it lies outside)."""
    if path is None:
        return ""
    full = os.path.abspath(path)
    rel = os.path.relpath(full, root)
    if rel == os.pardir or rel.startswith(os.pardir + os.sep):
        return Path(full).as_posix()
    return Path(rel).as_posix()


def as_text(problems: Sequence[Problem], root: Path | None = None) -> str:
    """The lines of the plain format."""
    return "".join(f"{problem}\n" for problem in problems)


def as_json(problems: Sequence[Problem], root: Path | None = None) -> str:
    """The problems as a JSON list (`Problem.as_json`)."""
    return json.dumps([p.as_json() for p in problems], ensure_ascii=False, indent=2) + "\n"


def escape_data(text: str) -> str:
    """A workflow command's message, escaped as GitHub's toolkit does (`escapeData`)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A workflow command's property value (`escapeProperty`): also `:` and `,`, which
    would end it."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def as_github(problems: Sequence[Problem], root: Path | None = None) -> str:
    """One workflow command per problem: `::error file=P,line=N,col=C,title=FIELD::message`
    (a note is a `::notice`)."""
    root = root or repository_root()
    lines = []
    for problem in problems:
        props = [f"file={escape_property(relative_uri(problem.path, root))}"]
        props.append(f"line={max(problem.line, 1)}")  # a file's own problem: its first line
        if problem.column:
            props.append(f"col={problem.column}")
        props.append(f"title={escape_property(problem.field)}")
        level = _GITHUB_LEVEL[problem.severity]
        lines.append(f"::{level} {','.join(props)}::{escape_data(problem.message)}\n")
    return "".join(lines)


def as_sarif(problems: Sequence[Problem], root: Path | None = None) -> str:
    """A SARIF 2.1.0 log of one run: the tool, one rule per kind of problem found, and a
    result per problem at its file (relative to `SRCROOT`, the repository's root), line and
    column."""
    root = root or repository_root()
    rules: dict[str, int] = {}
    descriptions: list[dict[str, object]] = []
    results = []
    for problem in problems:
        rule, description = kind_of(problem)
        if rule not in rules:
            rules[rule] = len(descriptions)
            descriptions.append({"id": rule, "shortDescription": {"text": description}})
        region: dict[str, int] = {"startLine": max(problem.line, 1)}
        if problem.column:
            region["startColumn"] = problem.column
        location = {"uri": relative_uri(problem.path, root), "uriBaseId": SRCROOT}
        results.append(
            {
                "ruleId": rule,
                "ruleIndex": rules[rule],
                "level": problem.severity,
                "message": {"text": f"{problem.field}: {problem.message}"},
                "locations": [
                    {"physicalLocation": {"artifactLocation": location, "region": region}}
                ],
            }
        )
    driver: dict[str, object] = {"name": "post-editor", "version": __version__}
    if uri := information_uri():
        driver["informationUri"] = uri
    driver["rules"] = descriptions
    run = {
        "tool": {"driver": driver},
        "originalUriBaseIds": {SRCROOT: {"uri": root.as_uri() + "/"}},
        "results": results,
    }
    log = {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"


def information_uri() -> str | None:
    """The project's home page, as the installed package declares it (`[project.urls]`);
    None when it declares none."""
    # Only SARIF asks: importlib.metadata (email, socket...) would double the start of a
    # one-file `check`, whose default text output never needs it.
    from importlib import metadata

    try:
        urls = metadata.metadata("post-editor").get_all("Project-URL") or []
    except metadata.PackageNotFoundError:
        return None
    for entry in urls:
        label, _, url = entry.partition(",")
        if label.strip().lower() in {"homepage", "home", "source", "repository"}:
            return url.strip()
    return urls[0].partition(",")[2].strip() if urls else None


FORMATTERS: dict[str, Callable[[Sequence[Problem], Path | None], str]] = {
    "text": as_text,
    "json": as_json,
    "github": as_github,
    "sarif": as_sarif,
}


def report(problems: Sequence[Problem], fmt: str, root: Path | None = None) -> str:
    """The problems in format `fmt` (one of FORMATS); `root` is the repository root that
    `github` and `sarif` name files from (default: found from the current folder)."""
    return FORMATTERS[fmt](problems, root)
