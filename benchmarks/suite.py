"""The benchmark suite: how fast the core indexes, renders, opens and saves, each beside a baseline.

Started by run.py:

    python benchmarks/run.py [--quick] [--json OUT.json] [--only NAME...] [--seed N]
    python benchmarks/run.py --profile NAME      (needs the `bench` extra: pyinstrument)

Content comes from generate.py; folders are cached in benchmarks/.cache/ (keyed by count, seed
and the generator's source), so reruns skip generation. Each figure is the median of several
timed runs after one untimed warm-up (OS file cache, imports, pygments lexers), with min and
max; its baseline is timed in the same runs, interleaved, so the ratio holds on any machine.
See benchmarks/README.md for what each figure means and its budget.
"""

from __future__ import annotations

import argparse
import compileall
import hashlib
import itertools
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import markdown
import yaml
from curve_cases import forget, growth, reopen  # benchmarks/ is sys.path[0] as a script
from generate import make_folder, make_post
from markdown_it import MarkdownIt
from processes import command, post_editor, ready_line
from report import print_table, write_json

import editor
from editor.core.document.post import Post
from editor.core.folder.content_folder import ContentFolder
from editor.core.folder.quick_find import QuickFind
from editor.core.git import find_repository, read_status
from editor.core.site.render import Renderer
from editor.core.site.rendering.choice import post_profile
from editor.core.site.rendering.profile import MarkdownProfile
from editor.core.site.rendering.python_markdown import EXTENSION_CONFIGS, EXTENSIONS

HERE = Path(__file__).resolve().parent
CACHE = HERE / ".cache"
DEFAULT_JSON = HERE / "results" / "latest.json"
BARE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
PYTHON_PASS = [sys.executable, "-c", "pass"]  # interpreter start-up: the CLI figures' floor
DRIVER = [sys.executable, str(HERE / "window_driver.py")]
# Budgets (README): name → (most in the figure's unit, most ratio to the baseline).
BUDGETS: dict[str, tuple[float | None, float | None]] = {
    "index_10000": (1500.0, 1.0),  # issue 20: at the bare loop's pace
    "cli_list_10000": (1500.0, None),
    "cli_check_10000": (1500.0, None),  # the index budget (issue 15)
    "panel_10000": (1500.0, 2.0),
    "panel_first_10000": (300.0, None),  # issue 20: the list fills as chunks arrive
    "filter_10000": (30.0, None),
    "quick_find_10000": (16.0, None),  # one keystroke within a 60 Hz frame
    "start_1000": (1000.0, None),
    "preview_5000": (50.0, None),
    "latency_50000": (150.0, None),
    "latency_commonmark_50000": (150.0, None),
    "stall_50000": (16.0, None),  # issue 20: one frame
    "open_window_50000": (500.0, None),
    "save": (20.0, None),
    "memory_10000": (200.0, None),  # issue 20
    "git_status_10000": (100.0, None),  # issue 19: a 10,000-post repository answers in 100 ms
    # issue 20: a folder opened again at once, the one-file commands, the curve
    "reopen_10000": (300.0, None),
    "cli_list_warm_10000": (300.0, None),
    "panel_warm_10000": (300.0, None),
    "cli_check_file": (None, 2.0),
    "cli_render_file": (None, 1.2),
    "index_100000": (10_000.0, None),
    "reopen_100000": (1_000.0, None),
    "filter_100000": (30.0, None),
    "memory_100000": (600.0, None),
    "site_5300": (1_000.0, None),  # issue 20: a real multilingual site, cold and warm
    "site_warm_5300": (300.0, None),
}


@dataclass
class Case:
    """One figure: what is timed, its baseline, and an untimed step before each timed run.

    With `measures` (`base_measures`) set, `run` (`base`) returns the figure itself (a delay
    measured inside the event loop, a memory size) instead of being timed from outside."""

    run: Callable[[], object]
    baseline: str
    base: Callable[[], object] | None
    setup: Callable[[], object] = lambda: None
    argv: list[str] | None = None  # a command-line case: post-editor's arguments (--profile)
    measures: bool = False
    base_measures: bool = False
    unit: str = "ms"


class Workspace:
    """Where a run's content lives: cached generated folders, and a temp folder for the rest."""

    def __init__(self, tmp: Path, seed: int) -> None:
        self.tmp, self.seed = tmp, seed

    def folder(self, count: int) -> Path:
        """A generated folder of `count` posts (read-only: copy it before writing to it)."""
        source = (HERE / "generate.py").read_bytes()
        key = f"posts-{count}-seed{self.seed}-{hashlib.sha256(source).hexdigest()[:8]}"
        path = CACHE / key
        if not path.is_dir():
            CACHE.mkdir(exist_ok=True)
            (CACHE / ".gitignore").write_text("*\n")  # ignored even before .gitignore says so
            start = time.perf_counter()
            partial = CACHE / f".{key}.{os.getpid()}"
            shutil.rmtree(partial, ignore_errors=True)
            make_folder(partial, count, self.seed)
            partial.replace(path)  # whole or absent: an interrupted run leaves no half folder
            print(f"generated {path.name} in {time.perf_counter() - start:.1f} s", file=sys.stderr)
        return path

    def repository(self, count: int) -> Path:
        """A git repository of the generated `count` posts, committed, then 40 of them edited
        and 10 new ones untracked, as a writer's folder between two commits (cached too)."""
        folder = self.folder(count)
        path = CACHE / f"git-{folder.name}"
        if not path.is_dir():
            partial = CACHE / f".git-{folder.name}.{os.getpid()}"
            shutil.rmtree(partial, ignore_errors=True)
            shutil.copytree(folder, partial)
            git = ["git", "-C", str(partial), "-c", "user.name=Bench", "-c", "user.email=b@b"]
            for args in (["init", "-q"], ["add", "--all"], ["commit", "-q", "-m", "Posts"]):
                subprocess.run([*git, *args], check=True)
            posts = sorted(partial.glob("*.md"))
            for post in posts[:40]:
                post.write_text(post.read_text(encoding="utf-8") + "\nEdited.\n", "utf-8")
            for n in range(10):
                (partial / f"new-{n}.md").write_text(f"---\ntitle: New {n}\n---\n", "utf-8")
            partial.replace(path)
        return path

    def post(self, words: int, name: str) -> Path:
        """A post file of about `words` body words, alone in a fresh temp folder."""
        path = self.tmp / name / f"post-{words}.md"
        path.parent.mkdir()
        path.write_text(make_post(words, self.seed), encoding="utf-8", newline="\n")
        return path


def bare_front_matter(path: str | Path) -> object:
    """The least a front-matter reader can do: read, split the `---` block by hand, libyaml."""
    text = Path(path).read_bytes().decode("utf-8")
    end = text.find("\n---", 3)
    return yaml.load(text[4 : end + 1], Loader=BARE_LOADER)


def bare_index(root: Path) -> list[object]:
    with os.scandir(root) as it:
        return [bare_front_matter(e.path) for e in it if e.name.endswith(".md")]


def bare_stat(root: Path) -> list[os.stat_result]:
    with os.scandir(root) as it:
        return [os.stat(e.path) for e in it if e.name.endswith(".md")]


# --- the cases ----------------------------------------------------------------------------


def index_case(ws: Workspace, count: int) -> Case:
    root = ws.folder(count)
    return Case(lambda: ContentFolder(root).scan(), "bare read + libyaml", lambda: bare_index(root))


def rescan_case(ws: Workspace) -> Case:
    root = ws.folder(10_000)
    folder = ContentFolder(root)
    folder.scan()
    return Case(folder.scan, "bare listing + stat", lambda: bare_stat(root))


def cli_list_case(ws: Workspace, warm: bool = False) -> Case:
    # Cold: the index cache forgets the folder before each run; warm: the warm-up filled it.
    root = ws.folder(10_000)
    argv, setup = ["list", str(root), "--json"], (lambda: None) if warm else forget(root)
    run = command([post_editor(), *argv])
    return Case(run, "python -c pass", command(PYTHON_PASS), setup, argv=argv)


def one_file_case(ws: Workspace, name: str) -> Case:
    """`check FILE` / `render FILE` on one post, beside a bare script doing the same job."""
    post = str(ws.post(1_000, name))
    if name == "check":
        bare = "yaml.load(t[4:t.find('\\n---', 3)], Loader=yaml.CSafeLoader)"
        script, what = f"import sys, yaml; t = open(sys.argv[1]).read(); {bare}", "PyYAML"
    else:
        # the app's extensions and code highlighting (render.py), the body as the file holds it
        options = "extensions=['extra', 'toc', 'sane_lists', 'codehilite'], extension_configs="
        options += "{'codehilite': {'noclasses': True, 'guess_lang': False}}"
        body = "open(sys.argv[1]).read()"
        script = f"import sys, markdown; print(markdown.markdown({body}, {options}))"
        what = "markdown (same extensions)"
    base = command([sys.executable, "-c", script, post])
    argv = [name, post]
    run = command([post_editor(), *argv], ok=(0, 1))
    return Case(run, f"a bare read + {what} script", base, argv=argv)


def reopen_case(ws: Workspace, count: int) -> Case:
    root = ws.folder(count)
    run = reopen(root, ws.tmp / "reopen-cache.sqlite3")
    return Case(run, "bare listing + stat", lambda: bare_stat(root))


def cli_check_case(ws: Workspace) -> Case:
    # `check` of the whole folder: the index, each post's own problems, and the folder-wide
    # checks that read every body. Exit 1 says it found errors: the run did its job.
    argv = ["check", str(ws.folder(10_000))]
    run = command([post_editor(), *argv], ok=(0, 1))
    return Case(run, "python -c pass", command(PYTHON_PASS), argv=argv)


def git_status_case(ws: Workspace) -> Case:
    # What the window runs off the UI thread after a save or a change on disk: git status of
    # the whole work tree, read into each post's change.
    root = ws.repository(10_000)
    repo = find_repository(root)
    assert repo is not None
    bare = ["git", "-C", str(root), "status", "--porcelain=v2", "-z", "--untracked-files=all"]
    return Case(lambda: read_status(repo).for_folder(repo), "bare git status", command(bare))


def render_case(ws: Workspace, words: int) -> Case:
    body = Post(make_post(words, ws.seed)).body
    renderer = Renderer()

    def bare() -> str:
        return markdown.markdown(body, extensions=EXTENSIONS, extension_configs=EXTENSION_CONFIGS)

    return Case(lambda: renderer.render(body), "markdown.markdown, same extensions", bare)


def commonmark_case(ws: Workspace, words: int) -> Case:
    body = Post(make_post(words, ws.seed)).body
    renderer = Renderer(MarkdownProfile(typographer=True, definition_lists=True))  # Hugo's

    def bare() -> str:
        return MarkdownIt("commonmark").enable(["table", "strikethrough"]).render(body)

    return Case(lambda: renderer.render(body), "MarkdownIt commonmark+table, new each call", bare)


def open_case(ws: Workspace) -> Case:
    path = ws.post(50_000, "open")

    def run() -> object:
        post = Post.read(path)
        return post.values, post.body

    return Case(run, "bare read + libyaml", lambda: bare_front_matter(path))


def save_case(ws: Workspace) -> Case:
    path = ws.post(1_000, "save")
    data, bare = path.read_bytes(), path.with_name("bare.md")
    titles = itertools.cycle(["Bench title A", "Bench title B"])  # each save changes the file

    def run() -> object:
        return Post.read(path).with_value("title", next(titles)).save()

    return Case(run, "Path.write_bytes", lambda: bare.write_bytes(data))


def set_field_case(ws: Workspace) -> Case:
    source, copy = ws.folder(1_000), ws.tmp / "set-field"
    argv = ["set", str(copy), "--field", "category=Bench"]

    def fresh_copy() -> None:
        shutil.rmtree(copy, ignore_errors=True)
        shutil.copytree(source, copy)
        if hasattr(os, "sync"):
            os.sync()  # so the timed saves' fsyncs do not also flush the copy

    run, base = command([post_editor(), *argv]), command(PYTHON_PASS)
    return Case(run, "python -c pass", base, fresh_copy, argv)


def quick_find_case(ws: Workspace) -> Case:
    """The slowest keystroke while a word is typed into the quick-open box from empty (the
    first letter, matching nearly every post, is the usual worst), over the 10,000 posts."""
    folder = ContentFolder(ws.folder(10_000))
    folder.scan()
    finder = QuickFind(folder.entries)
    recent = [e.path for e in folder.entries[:20]]
    titles = [(e.title or "").casefold() for e in folder.entries]
    words = itertools.cycle(["post", "tgs", "2024 03", "how to", "zq", "e"])

    def keystrokes(find: Callable[[str], object]) -> float:
        word, slowest = next(words), 0.0
        for end in range(1, len(word) + 1):
            slowest = max(slowest, _ms(lambda q=word[:end]: find(q)))
        return slowest

    def run() -> float:
        return keystrokes(lambda q: finder.find(q, recent))

    def bare() -> float:
        return keystrokes(lambda q: [t for t in titles if q in t])

    return Case(run, "substring test over the titles", bare, measures=True, base_measures=True)


def window_case(ws: Workspace, name: str) -> Case:
    """The in-process window figures (see window_cases.py); Qt is imported only for these."""
    import window_cases as wc  # benchmarks/ is sys.path[0]

    if name == "panel_first_10000":  # cold, until the first posts read are listed
        folder = ws.folder(10_000)
        return Case(wc.panel_first_case(folder), "", None, forget(folder), measures=True)
    if name == "panel_10000":  # cold: the cache forgets the folder before each run
        folder = ws.folder(10_000)
        run, bare = wc.panel_case(folder), lambda: bare_index(folder)
        return Case(run, "bare read + libyaml", bare, forget(folder), measures=True)
    if name == "panel_warm_10000":
        folder = ws.folder(10_000)
        bare = lambda: bare_stat(folder)  # noqa: E731
        return Case(wc.panel_warm_case(folder), "bare listing + stat", bare, measures=True)
    if name.startswith("filter_"):
        run, bare = wc.filter_case(ws.folder(int(name.split("_")[1])))
        return Case(run, "substring test over the titles", bare)
    if name == "preview_5000":
        run, bare = wc.preview_case(ws.post(5_000, "preview"))
        return Case(run, "markdown.markdown in-process", bare, measures=True)
    if name.startswith("latency_"):
        post = ws.post(50_000, name)
        if name == "latency_commonmark_50000":
            post = wc.hugo_post(post.parent, post)
        body = Post.read(post).body
        renderer = Renderer(post_profile(post))
        whole = f"a whole render ({renderer.profile.engine}) in-process"
        return Case(wc.latency_case(post), whole, lambda: renderer.render(body), measures=True)
    if name == "stall_50000":
        run, bare = wc.stall_case(ws.post(50_000, "stall"))
        bare_name = "typing into a bare QPlainTextEdit"
        return Case(run, bare_name, bare, measures=True, base_measures=True)
    run, bare, close_all = wc.open_case(ws.post(50_000, "open-window"))
    return Case(run, "bare QPlainTextEdit.setPlainText", bare, close_all)


def site_case(ws: Workspace, warm: bool) -> Case:
    """A multilingual site of real size listed in the window (see site_cases.py)."""
    import site_cases as sc  # Qt only for the window figures (benchmarks/ is sys.path[0])

    root = sc.site_folder(CACHE, ws.seed)
    if warm:
        return Case(sc.warm_case(root), "bare listing + stat", sc.bare_stat(root), measures=True)
    run, bare = sc.cold_case(root), sc.bare_index(root)
    return Case(run, "bare read + libyaml", bare, forget(root), measures=True)


def start_case(ws: Workspace) -> Case:
    argv = [*DRIVER, "start", str(ws.folder(1_000)), "1000"]
    run, base = (lambda: ready_line(argv)[0]), (lambda: ready_line([*DRIVER, "empty"])[0])
    return Case(run, "empty QMainWindow shown", base, measures=True, base_measures=True)


def memory_case(ws: Workspace, count: int = 10_000) -> Case:
    argv = [*DRIVER, "memory", str(ws.folder(count)), str(count)]

    def run() -> float:
        own, workers = map(float, ready_line(argv)[1].split())
        return own + workers

    return Case(run, "", None, measures=True, unit="MB")


CASES: dict[str, Callable[[Workspace], Case]] = {
    "index_1000": lambda ws: index_case(ws, 1_000),
    "index_10000": lambda ws: index_case(ws, 10_000),
    "rescan_10000": rescan_case,
    "cli_list_10000": cli_list_case,
    "cli_check_10000": cli_check_case,
    "render_5000": lambda ws: render_case(ws, 5_000),
    "render_50000": lambda ws: render_case(ws, 50_000),
    "render_commonmark_50000": lambda ws: commonmark_case(ws, 50_000),
    "open_50000": open_case,
    "save": save_case,
    "set_field_1000": set_field_case,
    "start_1000": start_case,
    "panel_10000": lambda ws: window_case(ws, "panel_10000"),
    "panel_first_10000": lambda ws: window_case(ws, "panel_first_10000"),
    "filter_10000": lambda ws: window_case(ws, "filter_10000"),
    "quick_find_10000": quick_find_case,
    "preview_5000": lambda ws: window_case(ws, "preview_5000"),
    "stall_50000": lambda ws: window_case(ws, "stall_50000"),
    "latency_50000": lambda ws: window_case(ws, "latency_50000"),
    "latency_commonmark_50000": lambda ws: window_case(ws, "latency_commonmark_50000"),
    "open_window_50000": lambda ws: window_case(ws, "open_window_50000"),
    "memory_10000": memory_case,
    "git_status_10000": git_status_case,
    # issue 20
    "reopen_1000": lambda ws: reopen_case(ws, 1_000),
    "reopen_10000": lambda ws: reopen_case(ws, 10_000),
    "cli_list_warm_10000": lambda ws: cli_list_case(ws, warm=True),
    "panel_warm_10000": lambda ws: window_case(ws, "panel_warm_10000"),
    "cli_check_file": lambda ws: one_file_case(ws, "check"),
    "cli_render_file": lambda ws: one_file_case(ws, "render"),
    "filter_1000": lambda ws: window_case(ws, "filter_1000"),
    "memory_1000": lambda ws: memory_case(ws, 1_000),
    # the 100,000-post folder (generated once, ~1 GB): only with --only or --curve
    "index_100000": lambda ws: index_case(ws, 100_000),
    "reopen_100000": lambda ws: reopen_case(ws, 100_000),
    "filter_100000": lambda ws: window_case(ws, "filter_100000"),
    "memory_100000": lambda ws: memory_case(ws, 100_000),
    # a multilingual site of real size (POST_EDITOR_BENCH_SITE: a real one instead)
    "site_5300": lambda ws: site_case(ws, warm=False),
    "site_warm_5300": lambda ws: site_case(ws, warm=True),
}
CURVE = [name for name in CASES if name.split("_")[0] in ("index", "reopen", "filter", "memory")]


# --- timing and reporting -----------------------------------------------------------------


def _ms(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return (time.perf_counter() - start) * 1000


def _figure(fn: Callable[[], object], measures: bool) -> float:
    return float(fn()) if measures else _ms(fn)  # type: ignore[arg-type]


def measure(name: str, case: Case, runs: int) -> dict[str, object]:
    """Warm up once, then `runs` interleaved measures of the case and its baseline."""
    case.setup()
    case.run()
    if case.base:
        case.base()
    figures, base_figures = [], []
    for _ in range(runs):
        case.setup()
        figures.append(_figure(case.run, case.measures))
        if case.base:
            base_figures.append(_figure(case.base, case.base_measures))
    median = statistics.median(figures)
    base_median = statistics.median(base_figures) if base_figures else None
    return {
        "name": name,
        "unit": case.unit,
        "median": round(median, 3),
        "min": round(min(figures), 3),
        "max": round(max(figures), 3),
        "runs": runs,
        "baseline": case.baseline,
        "baseline_median": None if base_median is None else round(base_median, 3),
        "ratio": round(median / base_median, 2) if base_median else None,
    }


def profile(name: str, case: Case, tmp: Path) -> None:
    """Print a pyinstrument report of the case: in process, or a CLI case's whole command."""
    try:
        from pyinstrument import Profiler  # the optional `bench` extra
    except ImportError:
        sys.exit("--profile needs pyinstrument: pip install -e '.[bench]'")
    case.setup()
    case.run()  # the same warm-up as a timed run
    case.setup()
    if case.argv is not None:
        report = tmp / "profile.txt"
        argv = [sys.executable, "-m", "pyinstrument", "-r", "text", "-o", str(report)]
        command([*argv, "--no-color", "-m", "editor", *case.argv])()
        print(report.read_text(encoding="utf-8"))
        return
    profiler, runs = Profiler(), 0
    profiler.start()
    start = time.perf_counter()
    while not runs or time.perf_counter() - start < 1:  # a second of samples, however fast
        runs += 1
        case.run()
        case.setup()
    profiler.stop()
    print(f"{name}: {runs} runs profiled")
    print(profiler.output_text(unicode=True, color=sys.stdout.isatty()))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="3 runs per figure instead of 5")
    results_help = "default: benchmarks/results/latest.json"
    parser.add_argument("--json", type=Path, default=DEFAULT_JSON, metavar="OUT", help=results_help)
    names = ", ".join(CASES)
    parser.add_argument("--only", nargs="+", choices=CASES, metavar="NAME", help=names)
    parser.add_argument("--profile", choices=CASES, metavar="NAME", help="one of the above")
    parser.add_argument("--seed", type=int, default=1, help="content seed (default 1)")
    curve_help = "the curve: index, reopen, filter, memory at 1,000 / 10,000 / 100,000 posts"
    parser.add_argument("--curve", action="store_true", help=curve_help)
    args = parser.parse_args(argv)
    runs = 3 if args.quick else 5
    with tempfile.TemporaryDirectory(prefix="post-editor-bench-") as tmp:
        ws = Workspace(Path(tmp), args.seed)
        # The index cache of the CLI and the window: the run's own, never the user's.
        os.environ["XDG_CACHE_HOME"] = str(ws.tmp / "xdg-cache")
        # The app's bytecode written, as an installed app's is: a shell exporting
        # PYTHONDONTWRITEBYTECODE would have every command compile its sources anew.
        compileall.compile_dir(Path(editor.__file__).parent, quiet=1)
        if args.profile:
            profile(args.profile, CASES[args.profile](ws), ws.tmp)
            return 0
        results = []
        every = [name for name in CASES if not name.endswith("_100000")]
        for name in args.only or (CURVE if args.curve else every):
            results.append(measure(name, CASES[name](ws), runs))
            r = results[-1]
            print(f"{name}: {r['median']:.1f} {r['unit']}", file=sys.stderr)
    print_table(results, BUDGETS)
    print(*growth(results), sep="\n")
    write_json(results, args.json)
    if "window_cases" in sys.modules:  # (site_cases imports it too)
        # Windows and widgets torn down at interpreter exit can crash PySide6 after all is
        # written; nothing is left to clean up but the temp folder, gone already.
        sys.stdout.flush()
        os._exit(0)
    return 0
