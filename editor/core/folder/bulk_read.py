"""Read the front matter of many post files at once, on every CPU the machine has.

A first scan of a large folder is parsing-bound: libyaml is fast, but ten thousand posts still
take a second of one core. Past `PARALLEL_FROM` files the work is cut into chunks handed to
worker processes (forked from a fork server, never from this process: the app has Qt threads
running, and a forked Qt is undefined; see `_context`), while this process judges what they
send back and, whenever none has come back, reads a chunk from the other end of the list
itself, so a slow worker start costs little: whatever the workers have not started, this
process may read. Of each file only its first bytes are read when
its front matter ends within them (`HEAD`).
"""

from __future__ import annotations

import os
import queue
import stat
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from editor.core import lazy_module
from editor.core.document import Post, decode, read_bytes
from editor.core.errors import PostError
from editor.core.folder.held_settings import gc_paused, prompt_handoffs
from editor.core.folder.lazy_read import Arrived
from editor.core.schema import Facts
from editor.core.workers import exit_with_parent

if TYPE_CHECKING:
    import multiprocessing
    from concurrent import futures
    from concurrent.futures import Future, process
else:
    # The pool's modules (~14 ms of imports) load only when a scan starts workers: most scans
    # read a few files here (`check FILE` of a post just saved reads one).
    multiprocessing = lazy_module("multiprocessing")
    futures = lazy_module("concurrent.futures")
    process = lazy_module("concurrent.futures.process")

# The bytes of a file read first: most posts' front matter ends well within them, and then
# the rest, the body, is not read (a body that is not UTF-8 past them shows when the post
# is opened, not in the index).
HEAD = 4096
_HEAD_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NONBLOCK", 0)  # a FIFO with no writer would block the open
    | getattr(os, "O_BINARY", 0)
    | getattr(os, "O_CLOEXEC", 0)
)
PARALLEL_FROM = 1500  # below this, starting a worker (~0.1 s) costs more than it saves
CHUNK = 200

# What a worker sends back for one file: Facts without its path, which the caller knows.
_Read = tuple[dict[str, object], PostError | None, dict[str, tuple[int, ...]], bool, dict, int]


def read_facts(path: Path) -> Facts:
    """What the index keeps of one post file, read whole (a single post refreshed or checked
    is judged on all its bytes; only a scan reads the first ones alone, see `_head_post`);
    an unreadable file gives Facts with its error."""
    return Facts(path, *_read(path, head=False))


def read_many(
    paths: Sequence[str],
    progress: Callable[[int], None] | None = None,
    arrived: Arrived | None = None,
    *,
    chunk: int | None = None,
    parallel_from: int | None = None,
) -> list[Facts]:
    """`read_facts` of every path, in order; in parallel when there are many and CPUs to spare.

    `progress(n)` is told after each chunk how many files are read so far, and `arrived` the
    chunk's facts, from the workers' chunks and this process's alike, as each is read: a
    window lists posts before the last is read. `chunk` files go to a worker at a time, and
    workers are started from `parallel_from` files (by default `CHUNK`, `PARALLEL_FROM`)."""
    chunk, parallel_from = chunk or CHUNK, parallel_from or PARALLEL_FROM
    workers = min(_cpus() - 1, len(paths) // chunk)
    if len(paths) < parallel_from or workers < 1:
        return _read_serially(paths, progress, arrived, chunk)
    chunks = [paths[i : i + chunk] for i in range(0, len(paths), chunk)]
    results: list[list[Facts] | None] = [None] * len(chunks)
    try:
        pool = start_pool(workers)
    except (OSError, RuntimeError):  # no processes to be had (a sandbox, a limit): read here
        return _read_serially(paths, progress, arrived, chunk)
    done = 0

    def finish(index: int, facts: list[Facts]) -> None:
        nonlocal done
        results[index] = facts
        done += len(facts)
        if progress:
            progress(done)
        if arrived:
            arrived(index * chunk, facts)

    def harvest(future: Future[list[_Read]], index: int) -> None:
        try:
            reads = future.result()
        except Exception:  # a worker died, or could not send its result back
            reads = _read_chunk(chunks[index])  # fails here as reading does
        paths = _paths(chunks[index])
        finish(index, [Facts(full, *read) for full, read in zip(paths, reads, strict=True)])

    def read_here(index: int) -> None:
        with gc_paused():  # as `_read_chunk`; each path made once, read and kept
            finish(index, [Facts(full, *_read(full)) for full in _paths(chunks[index])])

    with prompt_handoffs():  # the pool's thread here answers the workers at once
        try:
            # Every chunk is queued for the workers, who take them from the front: the first
            # few at once, the rest once this process has read its first chunk (the window
            # lists it; the queueing would delay it). This process judges what they send
            # back (the caller's `arrived`: a third of a chunk's whole cost), and only when
            # nothing has come back does it read a chunk itself, from the back: one not
            # queued yet, or the last one no worker has started (cancelled there, read here).
            # So the workers never wait for chunks, nor this process while one is unread.
            queued: list[Future[list[_Read]]] = []
            returned: queue.SimpleQueue[Future[list[_Read]]] = queue.SimpleQueue()
            index_of: dict[Future[list[_Read]], int] = {}
            refused = False

            def queue_up_to(count: int) -> None:
                nonlocal refused
                while not refused and len(queued) < count:
                    try:
                        future = pool.submit(_read_chunk, chunks[len(queued)])
                    # A worker died, or none could start (the fork server starts with the
                    # first chunk: its socket may not bind, a fork may fail): the rest is
                    # read here.
                    except (process.BrokenProcessPool, RuntimeError, OSError, EOFError):
                        refused = True
                        return
                    index_of[future] = len(queued)
                    queued.append(future)
                    future.add_done_callback(returned.put)

            queue_up_to(2 * workers)
            left = back = len(chunks)
            while left:
                try:
                    future = returned.get_nowait()
                except queue.Empty:
                    if back > len(queued):  # not queued: read here, then queue the rest
                        back -= 1
                        left -= 1
                        read_here(back)
                        queue_up_to(back)
                        continue
                    back = _unstarted(queued, back)
                    if back < 0:  # the workers have started every chunk: wait for one
                        back, future = 0, returned.get()
                    else:
                        left -= 1
                        read_here(back)
                        continue
                if future.cancelled():
                    continue  # read here already
                left -= 1
                harvest(future, index_of[future])
        finally:  # the workers end on their own: the scan need not wait for them to exit
            pool.shutdown(wait=False, cancel_futures=True)
    return [facts for chunk_facts in results for facts in chunk_facts or ()]


def _unstarted(queued: Sequence[Future[list[_Read]]], back: int) -> int:
    """The index of the last of `queued[:back]`, taken from the workers (cancelled) when no
    worker has started it yet; -1 when they have (they start chunks in order)."""
    return back - 1 if back and queued[back - 1].cancel() else -1


def start_pool(workers: int) -> futures.ProcessPoolExecutor:
    """`workers` worker processes (started as `_context` says), each ending when this
    process does."""
    return futures.ProcessPoolExecutor(workers, _context(), initializer=exit_with_parent)


def _read_serially(
    paths: Sequence[str],
    progress: Callable[[int], None] | None,
    arrived: Arrived | None,
    chunk: int,
) -> list[Facts]:
    facts: list[Facts] = []
    for done, full in enumerate(_paths(paths), 1):
        facts.append(Facts(full, *_read(full)))
        if done % chunk == 0 or done == len(paths):
            if progress and done % chunk == 0:
                progress(done)
            if arrived:
                first = (done - 1) // chunk * chunk
                arrived(first, facts[first:])
    return facts


def _read_chunk(paths: Sequence[str]) -> list[_Read]:
    with gc_paused():
        return [_read(full) for full in _paths(paths)]


def _paths(texts: Sequence[str]) -> Iterator[Path]:
    """The Path of each file path text: the folder's part parsed once per folder, not once
    per file (a folder's posts mostly share one; a Path parsed whole costs 4 times more)."""
    folders: dict[str, Path] = {}
    for text in texts:
        folder, name = os.path.split(text)
        parent = folders.get(folder)
        if parent is None:
            parent = folders[folder] = Path(folder)
        yield parent.joinpath(name)


def _read(full: Path, head: bool = True) -> _Read:
    try:
        post = (head and _head_post(full)) or Post(decode(read_bytes(full), full), full)
    except PostError as error:
        return {}, error, {}, False, {}, 1
    return (
        dict(post.values),
        post.error,
        dict(post.duplicate_keys),
        post.body_is_blank,
        dict(post.key_lines),
        post.body_line,
    )


def _head_post(full: Path) -> Post | None:
    """The post as its file's first `HEAD` bytes hold it, when they are the whole file, or
    when its front matter closes and its body shows text within them: then what the index
    keeps of it is what the whole file gives. None when the whole file is to be read (a
    front matter closing further on or never, JSON front matter, a blank start of the body,
    a file that is not a regular one or cannot be opened: reading it whole says why)."""
    try:
        fd = os.open(full, _HEAD_FLAGS)
    except OSError:
        return None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return None  # a FIFO, a device: refused by `read_bytes`
        head = os.read(fd, HEAD)
    except OSError:
        return None
    finally:
        os.close(fd)
    if len(head) < HEAD:  # all there is (a regular file reads short only at its end)
        return Post(decode(head, full), full)
    if b"\x00" in head:
        return None  # binary: `decode` of the whole says so
    cut = head.rfind(b"\n") + 1  # whole lines: a delimiter line is read as in the whole
    try:
        text = head[:cut].decode("utf-8")
    except UnicodeDecodeError:
        return None
    post = Post(text, full)
    layout = post.layout
    if layout.kind == "json" or text.lstrip("\ufeff").startswith("{"):
        return None  # a JSON object cut short is no front matter: read the whole
    if not layout.closed or not text[layout.body :].strip():
        return None
    return post


def _context() -> multiprocessing.context.BaseContext:
    """How workers are started: forked from a fork server where there is one, else spawned.
    A spawned worker imports this module (YAML, the document model) afresh each scan, 60 to
    100 ms of a core before it reads a file; the server (itself spawned, so no Qt thread is
    ever forked) imports it once, when the first scan needs it, and each worker forked from
    it is ready in a few. (Each still imports the main module, as a spawned one does: Python
    3.11's server is never told its path, so it cannot preload it.)"""
    if "forkserver" not in multiprocessing.get_all_start_methods():  # Windows
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload([__name__])  # read once the server runs
    return context


def _cpus() -> int:
    try:
        return len(os.sched_getaffinity(0))  # the CPUs this process may run on
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1
