"""The `post-editor` command line: open the window, or check, list, edit, create and render posts.

    post-editor [PATH]                         the window on a folder or a post
    post-editor --screenshot OUT.png [PATH]    the window rendered offscreen to a PNG
    post-editor check PATH... [--json | --format text|json|github|sarif]
                                               exit 0 clean, 1 errors, 2 usage or I/O
    post-editor list FOLDER [--json]           a site root: every collection, each by its own rules
    post-editor set PATH... --field KEY=VALUE... [--unset KEY]... [--dry-run]
    post-editor new FOLDER --title T [--field KEY=VALUE]... [--collection NAME]
    post-editor render FILE [--standalone [--remote-images]]

Each sub-command is one function taking the parsed arguments and returning the exit status, so
tests call `main([...])` without a subprocess. A writer's mistake (a missing file, broken YAML,
a refused edit) is one line on stderr and a non-zero status, never a traceback.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from editor import __version__
from editor.core.errors import PostError

if TYPE_CHECKING:
    from editor.core.folder import ContentFolder, IndexEntry
    from editor.core.folder.index_cache import IndexCache
    from editor.core.schema import Problem, Schema

# Each sub-command imports what it needs when it runs: `render FILE` loads no folder index nor
# its cache, `check FILE` no Markdown renderer (`python -X importtime`, benchmarks/).

OK, PROBLEMS, USAGE = 0, 1, 2
# `check --format`'s choices (check_report.FORMATS, which a test holds equal): the parser is
# built before any command runs, and importing the report would load the schema for all.
REPORT_FORMATS = ("text", "json", "github", "sarif")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="post-editor", description=__doc__.split("\n")[0])
    parser.add_argument("--version", action="version", version=f"post-editor {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    check = sub.add_parser("check", help="validate posts; exit 1 when any has an error")
    check.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    check.add_argument(
        "--format",
        choices=REPORT_FORMATS,
        default="text",
        help="text lines (default), JSON, GitHub workflow annotations, or a SARIF 2.1.0 log",
    )
    check.add_argument(
        "--json", dest="format", action="store_const", const="json", help="--format json"
    )

    listing = sub.add_parser("list", help="print the folder's index")
    listing.add_argument("folder", type=Path, metavar="FOLDER")
    listing.add_argument("--json", action="store_true", help="print the index as JSON")

    edit = sub.add_parser("set", help="set or remove front-matter fields, losslessly")
    edit.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    edit.add_argument("--field", action="append", default=[], metavar="KEY=VALUE")
    edit.add_argument("--unset", action="append", default=[], metavar="KEY")
    edit.add_argument("--dry-run", action="store_true", help="print a diff, write nothing")

    new = sub.add_parser("new", help="create a post by the folder's naming convention")
    new.add_argument("folder", type=Path, metavar="FOLDER")
    new.add_argument("--title", required=True)
    new.add_argument("--field", action="append", default=[], metavar="KEY=VALUE")
    new.add_argument(
        "--collection", metavar="NAME", help="the site's collection (default: its posts)"
    )

    render = sub.add_parser("render", help="print the preview HTML of a post")
    render.add_argument("file", type=Path, metavar="FILE")
    render.add_argument(
        "--standalone",
        action="store_true",
        help="a page for a browser: stylesheet with dark theme, local pictures embedded,"
        " nothing that runs or fetches",
    )
    render.add_argument(
        "--remote-images",
        action="store_true",
        help="with --standalone: let the page fetch its pictures from the web",
    )
    return parser


def _window_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="post-editor",
        epilog="commands: check, list, set, new, render (post-editor COMMAND --help)",
    )
    parser.add_argument("--version", action="version", version=f"post-editor {__version__}")
    parser.add_argument("path", nargs="?", type=Path, metavar="PATH", help="a folder or a post")
    parser.add_argument("--screenshot", type=Path, metavar="OUT.png", help="render to a PNG, exit")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    try:
        if args_list and args_list[0] in COMMANDS:
            args = _parser().parse_args(args_list)
            return COMMANDS[args.command](args)
        return _window(_window_parser().parse_args(args_list))
    except SystemExit as exit_:  # argparse's usage errors and --help
        return exit_.code if isinstance(exit_.code, int) else USAGE
    except PostError as error:
        _say(str(error))
        return USAGE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `post-editor list | head`
        return OK


def _say(message: str) -> None:
    print(f"post-editor: {message}", file=sys.stderr)


# --- the window ----------------------------------------------------------------------------


def _window(args: argparse.Namespace) -> int:
    try:
        from editor.ui.shell.app import run
    except ImportError as error:
        _say(f"the window cannot start: {error}")
        return USAGE
    return run(args.path, screenshot=args.screenshot)


# --- helpers -------------------------------------------------------------------------------


def _indexed(path: Path, *, scan: bool = True, cache: IndexCache | None = None) -> ContentFolder:
    """The folder at `path`, its index read through the index cache (`cache`, else one opened
    here: kept between runs, so a folder listed again is not read again), scanned unless
    `scan` is False."""
    from editor.core.folder import ContentFolder
    from editor.core.folder.index_cache import IndexCache

    folder = ContentFolder(path, cache or IndexCache.connect())
    if scan:
        folder.scan()
    return folder


def _posts_under(paths: Sequence[Path]) -> Iterator[tuple[Path, Schema, Path, str]]:
    """Each post file a list of files and folders names, with the schema that governs it and
    the folder its real file must lie in (a symlink must not lead out of it), and that
    folder's name for a message: the folder given, or a file's site."""
    from editor.core.folder import ContentFolder
    from editor.core.schema import schema_for_post
    from editor.core.site import site_root

    for path in paths:
        if path.is_dir():
            folder = ContentFolder(path)
            folder.scan()
            # A schema file that cannot be read stops `set` as it stops `set FILE` and `new`:
            # values are read by its field types, and the built-in shape could read them wrong.
            if (problem := folder.schema_problem()) is not None:
                raise problem
            for entry in folder.entries:
                yield path / entry.path, folder.schema_for(entry.path), path, str(path)
        elif path.exists():
            site = site_root(path.parent)
            yield path, schema_for_post(path), site, f"its site {site}"
        else:
            raise PostError("no such file or folder", path)


# --- sub-commands --------------------------------------------------------------------------


def cmd_check(args: argparse.Namespace) -> int:
    """Validate posts and folders; print the problems in the format asked (`check_report`).
    A folder also gets the folder-wide checks (duplicates, missing images and links, YAML
    1.1 traps, dates); a file its own problems, as its site judges it (`file_problems`)."""
    from editor.core.folder import check_report, checks
    from editor.core.folder.index_cache import IndexCache

    cache = IndexCache.connect()
    problems: list[Problem] = []
    missing: list[Path] = []
    files: list[Path] = []  # files in a row are checked together: one scan of their site
    for path in args.paths:
        if path.is_dir():
            problems += checks.file_problems(files, cache)
            files = []
            # `checks` loads the folder-wide checks when a folder asks for them, not for files
            problems += checks.folder_problems(_indexed(path, cache=cache))
        elif path.exists():
            files.append(path)
        else:
            missing.append(path)
    problems += checks.file_problems(files, cache)
    sys.stdout.write(check_report.report(problems, args.format))
    for path in missing:  # after what was found elsewhere, which is still worth reading
        _say(f"{path}: no such file or folder")
    if missing:
        return USAGE
    return PROBLEMS if any(p.severity == "error" for p in problems) else OK


def cmd_list(args: argparse.Namespace) -> int:
    """Print the folder's index: one line per post or page, or JSON. A site root lists every
    collection's files, each judged by its collection's schema and its generator's rules;
    the text names a file's collection when the folder holds more than one, and its status
    when the build does not publish it today (draft, scheduled, expired)."""
    import json

    from editor.core.folder.held_settings import gc_paused

    folder = _indexed(args.folder, scan=False)
    # Joined as text: a Path made per post was a fifth of a warm `list` of 10,000 posts.
    prefix = "" if str(args.folder) == os.curdir else os.path.join(str(args.folder), "")
    entries = folder.scan()
    # A row or a line made per post, all kept until written: the cycle collector would walk
    # the index's entries again as they pile up (up to a third of making 10,000 rows).
    with gc_paused():
        if args.json:
            # Compact: indent= makes json use its pure-Python encoder, 10% of a 10,000-post list.
            print(json.dumps([_list_row(e, prefix) for e in entries], ensure_ascii=False))
            return OK
        several = len({e.collection for e in entries}) > 1
        # One write, each line made straight from its entry (no row dict between).
        lines = [_list_line(e, prefix, several) for e in entries]
    if lines:
        print("\n".join(lines))
    return OK


def _list_row(e: IndexEntry, prefix: str) -> dict[str, object]:
    """One post in `list --json`."""
    count, categories, date = e.problem_count, e.categories, e.date
    return {
        "path": prefix + e.path_text,
        "title": e.title,
        "date": date.isoformat() if date else None,
        "category": categories[0] if categories else None,
        "categories": categories,  # a tuple, which json writes as the array a list makes
        "tags": e.tags,
        "draft": e.draft,
        "problems": count,
        "errors": e.errors if count else 0,
        "collection": e.collection,
        "kind": e.kind,
        "status": e.status,
        "language": e.language,
    }


def _list_line(e: IndexEntry, prefix: str, several: bool) -> str:
    """One post in `list`: date, collection (when `several`), title, path, what is off."""
    date = (e.date.isoformat() if e.date else "")[:10].ljust(10)
    where = f"{e.collection or '(no collection)'}: " if several else ""
    page = "page " if e.kind == "page" else ""
    status = f"{e.status} " if e.status != "published" else ""
    count = e.problem_count
    flags = page + status + (f"{count} problem{'s' * (count != 1)}" if count else "")
    title = e.title or "(no title)"
    return f"{date}  {where}{title}  [{prefix}{e.path_text}] {flags}".rstrip()


def cmd_set(args: argparse.Namespace) -> int:
    """Edit fields of one or many posts; a failure on one post does not stop the others."""
    if not args.field and not args.unset:
        _say("set: nothing to do; give --field KEY=VALUE or --unset KEY")
        return USAGE
    missing = [path for path in args.paths if not path.exists()]
    if missing:  # before any edit, so a typo never leaves the job half done
        _say(f"{missing[0]}: no such file or folder")
        return USAGE
    from editor.core import storage

    failed = changed = 0
    for path, schema, within, what in _posts_under(args.paths):
        try:
            storage.check_within(path, within, what)  # before reading: no diff of it either
            # Locked from the read to the write, so that another `set` or the window cannot
            # save the post in between, which would be lost.
            with contextlib.nullcontext() if args.dry_run else storage.locked(path):
                changed += _set_one(path, schema, args)  # only what was written counts
        except PostError as error:
            failed += 1
            _say(str(error if error.path else error.at(path)))
    verb = "would change" if args.dry_run else "changed"
    _say(f"{verb} {changed} post{'s' * (changed != 1)}" + (f", {failed} failed" if failed else ""))
    return PROBLEMS if failed else OK


def _set_one(path: Path, schema: Schema, args: argparse.Namespace) -> bool:
    """Make `set`'s edits to one post and save it (print the diff, with --dry-run); whether
    it changed."""
    from editor.core.document import Post, file_diff
    from editor.core.folder.field_edit import parse_assignment
    from editor.core.session import FlagAnswers, save_post

    post = Post.read(path)
    edited = post
    for assignment in args.field:
        key, value = parse_assignment(assignment, schema)
        edited = edited.with_value(key, value, schema.order)
    for key in args.unset:
        edited = edited.without(key)
    if edited.text == post.text:
        return False
    if args.dry_run:
        sys.stdout.write(file_diff(path, post.text, edited.text))
        return True
    # The window's save dialogue, answered by the flags: a file another program changed
    # since it was read is not overwritten (no flag says to), and the post counts as failed.
    answers = FlagAnswers()
    if save_post(edited, list, answers) is None:
        raise PostError(answers.told[-1], path)
    return True


def cmd_new(args: argparse.Namespace) -> int:
    """Create a post from a title (and fields) and print its path.

    A schema file that cannot be read is told as `check` tells it, and no post is made:
    `check` goes on with the built-in shape because it only reads, but that file says how new
    posts are named and what they hold, and a post made without it would be a wrong file to
    clean up (git, too, refuses to work with a config file it cannot read)."""
    from editor.core.folder import new_post
    from editor.core.folder.field_edit import parse_assignment

    folder = _indexed(args.folder)
    if (problem := folder.schema_problem()) is not None:
        _say(f"{problem}; fix it first: no post was made")
        return USAGE
    choices = new_post.collections(folder)
    collection = choices[0] if choices else None
    if args.collection is not None:
        collection = next((c for c in choices if c.name == args.collection), None)
        if collection is None:
            names = ", ".join(dict.fromkeys(c.name for c in choices)) or "none"
            _say(f"no collection ‘{args.collection}’ here; the site's: {names}")
            return USAGE
    fields = dict(parse_assignment(assignment, folder.schema) for assignment in args.field)
    print(new_post.create(folder, args.title, fields, collection=collection).path)
    return OK


def cmd_render(args: argparse.Namespace) -> int:
    """Print the preview page of a post; with unreadable front matter, the body alone, the
    error on stderr and status 1 (a build script must not take it for a good page). A body
    past MAX_RENDER_CHARS is refused with status 2 and nothing printed."""
    from editor.core.document import Post
    from editor.core.site import Renderer, page, size_problem
    from editor.core.site.rendering.choice import post_profile

    post = Post.read(args.file)
    if problem := size_problem(len(post.body)):  # minutes of work: refused at once, status 2
        raise PostError(problem, args.file)
    renderer = Renderer(post_profile(args.file))  # the site's Markdown (or .post-editor.yaml's)
    if args.standalone:  # the site around the post (its pictures): only for a page
        from editor.core.site.export import standalone_html

        print(standalone_html(post, renderer, remote_images=args.remote_images))
    else:
        print(page(renderer.render(post.body), post.values))
    if post.error is not None:
        _say(str(post.error))
        return PROBLEMS
    return OK


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "check": cmd_check,
    "list": cmd_list,
    "set": cmd_set,
    "new": cmd_new,
    "render": cmd_render,
}
