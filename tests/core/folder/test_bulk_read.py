"""read_many: the same Facts in parallel as one by one, whatever the files hold."""

from __future__ import annotations

import gc
import importlib.util
import json
import os
import subprocess
import sys
import weakref
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path

import pytest
from paths import REPO
from sitefactory import post_text

from editor.core.document import Post
from editor.core.errors import PostError
from editor.core.folder import ContentFolder, bulk_read
from editor.core.folder.bulk_read import read_facts, read_many
from editor.core.folder.held_settings import HANDOFF_S, prompt_handoffs


def many_posts(root: Path, count: int) -> list[str]:
    """Posts of every kind the reader meets: good, broken YAML, binary, duplicate keys, none."""
    kinds = [
        lambda n: post_text(f"Post {n}").encode(),
        lambda n: b"---\ntitle: [unclosed\n---\nbody\n",
        lambda n: b"\x00\x01\xff binary",
        lambda n: f"---\ntitle: A\ntitle: B{n}\n---\n".encode(),
        lambda n: b"no front matter\n",
        lambda n: f"---\ndate: 2026-02-30\ntitle: {n}\n---\n".encode(),
    ]
    root.mkdir()
    paths = []
    for n in range(count):
        path = root / f"p{n:04}.md"
        path.write_bytes(kinds[n % len(kinds)](n))
        paths.append(str(path))
    return paths


def as_tuples(facts: list) -> list[tuple]:
    return [
        (f.path, dict(f.values), f.error, dict(f.duplicate_keys), f.body_is_blank,
         dict(f.key_lines), f.body_line)
        for f in facts
    ]  # fmt: skip


@pytest.fixture
def parallel(monkeypatch):
    """Read in worker processes from 24 files on, in chunks of 5, as on a 3-CPU machine."""
    monkeypatch.setattr(bulk_read, "PARALLEL_FROM", 24)
    monkeypatch.setattr(bulk_read, "CHUNK", 5)
    monkeypatch.setattr(bulk_read, "_cpus", lambda: 3)
    return monkeypatch


def test_parallel_reading_gives_what_reading_one_by_one_gives(tmp_path, parallel):
    paths = many_posts(tmp_path / "c", 60)
    told: list[int] = []
    facts = read_many(paths, told.append)
    assert as_tuples(facts) == as_tuples([read_facts(Path(p)) for p in paths])
    assert told[-1] == 60 and told == sorted(told)
    assert sum(f.error is not None for f in facts) == 30  # broken, binary, impossible date


def benchmark_generator():
    """benchmarks/generate.py, the folders the speed figures are measured on."""
    spec = importlib.util.spec_from_file_location("bench_generate", REPO / "benchmarks/generate.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_a_scan_in_worker_processes_gives_the_entries_of_a_scan_here(tmp_path, parallel):
    root = benchmark_generator().make_folder(tmp_path / "site", 40, seed=3)
    many_posts(root / "odd", 12)  # broken, binary, twice-written and date-less posts too
    pooled = ContentFolder(root).scan()
    parallel.setattr(bulk_read, "PARALLEL_FROM", 10**9)
    here = ContentFolder(root).scan()
    assert len(here) == 52 and any(e.problems for e in here)
    assert [(e, *e.__getstate__()) for e in pooled] == [(e, *e.__getstate__()) for e in here]
    assert as_tuples([e.facts for e in pooled]) == as_tuples([e.facts for e in here])


def test_few_files_are_read_in_this_process(tmp_path, monkeypatch):
    paths = many_posts(tmp_path / "c", 12)

    def no_pool(*args: object, **kwargs: object) -> None:
        raise AssertionError("a pool was started for 12 files")

    monkeypatch.setattr(bulk_read, "start_pool", no_pool)
    assert as_tuples(read_many(paths)) == as_tuples([read_facts(Path(p)) for p in paths])


def test_without_worker_processes_everything_is_read_here(tmp_path, parallel, monkeypatch):
    paths = many_posts(tmp_path / "c", 30)

    def refused(*args: object, **kwargs: object) -> ProcessPoolExecutor:
        raise OSError("Resource temporarily unavailable")

    monkeypatch.setattr(bulk_read, "start_pool", refused)
    assert as_tuples(read_many(paths)) == as_tuples([read_facts(Path(p)) for p in paths])


def test_workers_that_cannot_start_leave_the_reading_to_this_process(tmp_path):
    # The fork server binds a socket in the temp folder when the first chunk is sent; under a
    # temp folder whose path is too long for a socket (or unwritable) it cannot start, and a
    # scan reads every file itself rather than fail.
    paths = many_posts(tmp_path / "c", 40)
    long_tmp = tmp_path / ("t" * 120)
    long_tmp.mkdir()
    script = (
        "import sys, json\n"
        "from editor.core.folder import bulk_read\n"
        "bulk_read.PARALLEL_FROM, bulk_read.CHUNK, bulk_read._cpus = 10, 5, lambda: 3\n"
        "facts = bulk_read.read_many(sys.argv[1:])\n"
        "print(json.dumps([[str(f.path), str(f.error), sorted(f.values)] for f in facts]))\n"
    )
    env = {**os.environ, "TMPDIR": str(long_tmp)}
    run = subprocess.run(
        [sys.executable, "-c", script, *paths], capture_output=True, text=True, env=env
    )
    assert run.returncode == 0, run.stderr
    here = [read_facts(Path(path)) for path in paths]
    assert json.loads(run.stdout) == [[str(f.path), str(f.error), sorted(f.values)] for f in here]


def test_the_cycle_collector_is_paused_while_reading_and_back_after_nested_pauses():
    gc_paused = bulk_read.gc_paused
    assert gc.isenabled()
    with gc_paused():
        assert not gc.isenabled()
        with gc_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the outer block still runs
    assert gc.isenabled()


def test_what_a_pause_made_is_old_after_it_and_its_garbage_cycles_are_still_collected():
    class Node:
        pass

    with bulk_read.gc_paused():
        kept = [Node()]
        cycle = Node()
        cycle.me = cycle  # type: ignore[attr-defined]
    gone = weakref.ref(cycle)
    assert any(o is kept for o in gc.get_objects(generation=2))  # no young walk finds it alive
    del cycle
    assert gone() is not None  # a cycle: only the collector frees it
    gc.collect()
    assert gone() is None


def whole_read(path: Path) -> tuple:
    """What the index keeps of a post read whole, as the editor opens it."""
    try:
        post = Post.look(path)
    except PostError as error:
        return (path, {}, error, {}, False, {}, 1)
    return (path, dict(post.values), post.error, dict(post.duplicate_keys), post.body_is_blank,
            dict(post.key_lines), post.body_line)  # fmt: skip


LONG = "Some words of a body, " * 400  # 8,800 bytes: far past what is read first


@pytest.mark.parametrize(
    "text",
    [
        "---\ntitle: Small\n---\nBody\n",
        f"---\ntitle: Long\ntags: [a, b]\n---\n{LONG}\n",
        f"---\r\ntitle: CRLF\r\ndate: 2024-01-02\r\n---\r\n{LONG}\r\n",
        f"\ufeff---\ntitle: BOM\n---\n{LONG}\n",
        f"+++\ntitle = 'TOML'\n+++\n{LONG}\n",
        "{\n" + "".join(f'"key{n}": "a value",\n' for n in range(300)) + '"t": 1\n}\n' + LONG,
        f"---\ntitle: Never closed\n{LONG}\n",
        f"---\ntitle: Closed late\nsummary: {LONG}\n---\nBody\n",
        f"---\ntitle: Blank start\n---\n{' ' * 5000}\n{LONG}\n",
        f"---\ntitle: Blank body\n---\n{' ' * 9000}\n",
        f"---\ntitle: A\ntitle: B\n---\n{LONG}",
        f"---\ntitle: [broken\n---\n{LONG}",
        f"---\ntitle: No final newline\n---\n{'é' * 6000}",  # a character cut at 4 KiB
        f"No front matter at all\n{LONG}",
        f"---\ntitle: Dots end it\n...\n{LONG}\n",
    ],
)
def test_a_post_read_from_its_first_bytes_gives_what_its_whole_file_gives(tmp_path, text):
    path = tmp_path / "post.md"
    path.write_bytes(text.encode())
    assert as_tuples(read_many([str(path)])) == [whole_read(path)]  # a scan's read


BODY_LINES = b"A line of the body.\n" * 300  # 5,700 bytes


@pytest.mark.parametrize(
    "data",
    [
        b"---\ntitle: A\n---\nStart\n\x00\n" + BODY_LINES,  # binary within the first bytes
        b"---\ntitle: A\n---\nStart \xff\n" + BODY_LINES,  # not UTF-8 there
        b"---\ntitle: \xff\n---\n" + BODY_LINES,
    ],
)
def test_a_binary_or_broken_start_is_said_as_a_whole_read_says_it(tmp_path, data):
    path = tmp_path / "post.md"
    path.write_bytes(data)
    [facts] = read_many([str(path)])  # a scan's read
    assert facts.error is not None and as_tuples([facts]) == [whole_read(path)]


def test_a_body_broken_past_the_first_bytes_is_left_out_of_a_scan_but_not_of_one_post(tmp_path):
    # What a scan keeps is the front matter: a bad byte deep in the body is not read (the
    # folder check and opening the post say it); one post read alone (`check FILE`, a
    # refresh) is read whole.
    path = tmp_path / "post.md"
    path.write_bytes(b"---\ntitle: A\n---\n" + BODY_LINES + b"\xff\n")
    [scanned] = read_many([str(path)])
    assert scanned.error is None and dict(scanned.values) == {"title": "A"}
    assert read_facts(path).error is not None and whole_read(path)[2] is not None


@pytest.mark.parametrize("parallel_from", [10, 10**9], ids=["pooled", "here"])
def test_every_chunk_is_told_as_it_is_read_from_both_ends(tmp_path, parallel_from):
    paths = many_posts(tmp_path / "c", 62)
    arrived: list[tuple[int, list]] = []
    facts = read_many(
        paths, arrived=lambda first, f: arrived.append((first, f)), chunk=5, parallel_from=10
    ) if parallel_from == 10 else read_many(
        paths, arrived=lambda first, f: arrived.append((first, f)), chunk=5
    )  # fmt: skip
    firsts = sorted(first for first, _ in arrived)
    assert firsts == list(range(0, 62, 5))  # each chunk once, the front's and the back's
    told = {first + n: f for first, chunk in arrived for n, f in enumerate(chunk)}
    assert [told[n] for n in range(62)] == facts  # the very Facts the scan goes on with
    assert as_tuples(facts) == as_tuples([read_facts(Path(p)) for p in paths])


def test_this_process_takes_only_chunks_no_worker_has_started():
    # Chunks queued for the workers, the first already running in one: this process may take
    # the last ones, from the back, until it meets one a worker started.
    queued: list[Future[list]] = [Future(), Future(), Future()]
    assert queued[0].set_running_or_notify_cancel()
    assert bulk_read._unstarted(queued, 3) == 2 and queued[2].cancelled()
    assert bulk_read._unstarted(queued, 2) == 1 and queued[1].cancelled()
    assert bulk_read._unstarted(queued, 1) == -1 and not queued[0].cancelled()
    assert bulk_read._unstarted(queued, 0) == -1


def test_thread_switches_are_prompt_while_workers_read_and_as_before_after_nested_blocks():
    before = sys.getswitchinterval()
    with prompt_handoffs():
        assert sys.getswitchinterval() == pytest.approx(HANDOFF_S)
        with prompt_handoffs():
            assert sys.getswitchinterval() == pytest.approx(HANDOFF_S)
        assert sys.getswitchinterval() == pytest.approx(HANDOFF_S)  # the outer block runs
    assert sys.getswitchinterval() == before


def test_a_parallel_scan_switches_threads_promptly_and_puts_the_interval_back(tmp_path, parallel):
    before = sys.getswitchinterval()
    paths = many_posts(tmp_path / "c", 40)
    during: list[float] = []
    facts = read_many(paths, arrived=lambda first, chunk: during.append(sys.getswitchinterval()))
    assert as_tuples(facts) == as_tuples([read_facts(Path(p)) for p in paths])
    assert during == [pytest.approx(HANDOFF_S)] * 8  # 40 posts, in chunks of 5
    assert sys.getswitchinterval() == before
