"""The real-site figures: a multilingual Jekyll site of ~5,300 posts and pages of real size,
opened in the window until every file is listed.

`site_5300` is cold (the index cache forgets the site before each run), `site_warm_5300` warm
(the site opened before, nothing changed: listed from the cache). The site is generated once
by generate_site.py (shaped like www.ruby-lang.org) and cached beside the other folders; with
POST_EDITOR_BENCH_SITE set to a folder, the same figures are taken on that folder instead
(`POST_EDITOR_BENCH_SITE=/path/to/www.ruby-lang.org benchmarks/run.py --only site_5300`).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import time
from collections.abc import Callable
from pathlib import Path

import window_cases as wc
import yaml  # benchmarks/ is sys.path[0] as a script; Qt: run.py imports
from generate_site import make_site  # this module only for these figures
from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

from editor.core.folder.content_folder import ContentFolder

HERE = Path(__file__).resolve().parent
SITE_VARIABLE = "POST_EDITOR_BENCH_SITE"


def site_folder(cache: Path, seed: int) -> Path:
    """The folder the real-site figures open: $POST_EDITOR_BENCH_SITE, else the generated
    site (made once per seed and version of the generators, whole or absent)."""
    given = os.environ.get(SITE_VARIABLE)
    if given:
        return Path(given).resolve()
    sources = b"".join((HERE / name).read_bytes() for name in ("generate.py", "generate_site.py"))
    path = cache / f"site-seed{seed}-{hashlib.sha256(sources).hexdigest()[:8]}"
    if not path.is_dir():
        cache.mkdir(exist_ok=True)
        (cache / ".gitignore").write_text("*\n")
        partial = cache / f".{path.name}.{os.getpid()}"
        shutil.rmtree(partial, ignore_errors=True)
        make_site(partial, seed)
        partial.replace(path)
    return path


def listed_count(root: Path) -> int:
    """How many files the window lists of the site: what its index holds (posts and pages)."""
    return len(ContentFolder(root).scan())


def cold_case(root: Path) -> Callable[[], float]:
    """A shown window opening the site, its index cache forgotten: the milliseconds until all
    is listed; then its index stored in the cache (after the listing), waited for untimed."""
    window, count = wc.new_window(), listed_count(root)

    def run() -> float:
        start = time.perf_counter()
        window.open_path(root)
        wc.wait_for(window.folderLoaded, 300_000)
        QApplication.processEvents()
        took = (time.perf_counter() - start) * 1000
        _check(window, count)
        window.folder_index.indexer.wait(600)
        return took

    return run


def warm_case(root: Path) -> Callable[[], float]:
    """A shown window opening the site it opened before: the milliseconds until all is listed
    from the index cache (the stamps' check runs on off the UI thread, waited for untimed)."""
    window, count = wc.new_window(), listed_count(root)
    loop, loaded = QEventLoop(), []
    window.folder_index.cached.connect(loop.quit)
    window.folderLoaded.connect(loop.quit)
    window.folderLoaded.connect(lambda: loaded.append(True))

    def run() -> float:
        loaded.clear()
        QTimer.singleShot(300_000, loop.quit)
        start = time.perf_counter()
        window.open_path(root)
        loop.exec()
        QApplication.processEvents()
        took = (time.perf_counter() - start) * 1000
        _check(window, count)
        if not loaded:
            wc.wait_for(window.folderLoaded, 300_000)
        return took

    return run


def bare_index(root: Path) -> Callable[[], object]:
    """The baseline of the cold figure: read each Markdown file of the site, split its `---`
    block by hand, libyaml (as run.py's `bare_front_matter`)."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    def run() -> list[object]:
        found = []
        for path in markdown_files(root):
            text = Path(path).read_bytes().decode("utf-8")
            end = text.find("\n---", 3) if text.startswith("---") else -1
            try:  # a real site's files may have no front matter, or a broken one
                found.append(yaml.load(text[4 : end + 1], Loader=loader) if end > 0 else None)
            except yaml.YAMLError:
                found.append(None)
        return found

    return run


def bare_stat(root: Path) -> Callable[[], object]:
    """The baseline of the warm figure: list the site's Markdown files and stat each."""
    return lambda: [os.stat(path) for path in markdown_files(root)]


def markdown_files(root: Path) -> list[str]:
    """The Markdown files of a site: every folder walked but hidden ones and those starting
    with `_` other than `_posts` (the site's layouts, data, includes)."""
    found = []
    for folder, folders, files in os.walk(root):
        folders[:] = [f for f in folders if not f.startswith((".", "_")) or f == "_posts"]
        found += [os.path.join(folder, f) for f in files if f.endswith(".md")]
    return found


def _check(window: object, count: int) -> None:
    listed = window.panel.proxy.rowCount()  # type: ignore[attr-defined]
    if listed != count:
        raise SystemExit(f"listed {listed} files of {count}")
