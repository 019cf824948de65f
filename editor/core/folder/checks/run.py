"""Running the folder-wide checks: `check_site` over a scanned folder, and `folder_problems`,
everything `post-editor check FOLDER` and the Problems view list, the CMS config's notes
included.

Severities: what breaks the site (a missing file, a broken link, two posts at one address)
is an error; what only may be unintended (a repeated title, a value read two ways, a date) is
a warning. The index holds front matter only, so each post's text is read once here; a post
that cannot be read is skipped, its own validation reports why.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from editor.core.document import Post
from editor.core.errors import PostError
from editor.core.folder.checks.context import CheckContext
from editor.core.folder.checks.duplicates import check_duplicates
from editor.core.folder.checks.names import dates_in_address
from editor.core.folder.checks.publish_dates import check_dates
from editor.core.folder.checks.references import check_cover_images, check_references
from editor.core.folder.checks.taxonomy import check_taxonomy
from editor.core.folder.checks.yaml_traps import check_yaml_traps
from editor.core.folder.content_folder import ContentFolder
from editor.core.schema import SCHEMA_FILE, Problem, problem_from_error
from editor.core.site import Site

Progress = Callable[[int, int], None]


def check_site(
    folder: ContentFolder, today: dt.date | None = None, progress: Progress | None = None
) -> list[Problem]:
    """Every folder-wide problem of a scanned folder (it is scanned first if its index is
    empty), ordered by file and line. `today` decides what a future date is (default: the
    real today); `progress(done, total)` is told as posts are read."""
    entries = folder.entries or folder.scan()
    real_today = dt.date.today()
    today = today or real_today
    ctx = CheckContext(folder, Site.around(folder.root), entries)
    gen = folder.generator
    problems = check_duplicates(folder.root, entries, dates_in_address(gen))
    for done, entry in enumerate(entries, 1):
        path = folder.root / entry.path
        # Each file by its collection's schema, as the generator asks for its place.
        source, place = folder.source_for(entry.path), folder.placement(entry.path)
        schema = gen.schema_for(place, source.schema) if place else source.schema
        status = entry.status
        if place is not None and today != real_today:  # the index's status is for today
            status = gen.status(folder.site_path(entry.path), place, entry.facts.values, today)
        problems += check_taxonomy(path, entry, schema)
        problems += check_dates(path, entry, schema, today, status)
        problems += check_cover_images(path, entry, schema, ctx)
        try:
            post = Post.look(path)  # the scan swept leftovers just now
        except PostError as error:
            # The index reads only a post's first bytes: a bad byte deep in its body is
            # first seen here. Said once, as the post's own validation says the others.
            if entry.facts.error is None:
                problems.append(problem_from_error(error))
        else:
            problems += check_references(path, post, ctx)
            problems += check_yaml_traps(path, post, entry, ctx.yes_no_keys(source))
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
    """The schema sources' notes as problems of severity "note", at the CMS config's line
    the note names (else its first line): the main collection's (why a config was not used,
    too), then what the other collections' CMS forms do not take, each note once."""
    notes: dict[str, Problem] = {}
    for source in folder.notes_sources():
        config = source.path or (source.cms.path if source.cms is not None else None)
        if config is not None and not folder.root.is_absolute():
            config = Path(os.path.relpath(config))  # named the way the folder was
        for note in source.notes:
            where = _NOTE_LINE.search(note)
            line = int(where[1] or where[2]) if where else 1
            problem = Problem(config or folder.root, line, "CMS config", "note", note)
            notes.setdefault(note, problem)
    return list(notes.values())
