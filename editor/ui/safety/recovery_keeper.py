"""Crash recovery in the window: snapshots of unsaved posts while the app runs, and the offer to
restore them when it starts after a crash (the store itself is editor.core.storage.recovery).

A tab's snapshot is taken a moment after the writer stops typing, from the text a save would
write; a huge post's less often (`snapshot_delay`), but never skipped. The writes happen on
one worker thread, in order, so a slow disk never stalls typing; a lock and a per-post
generation number make sure a snapshot still being written when its post is saved or
discarded can never come back afterwards.

A window writes and removes only its own snapshots (the store names them by post and window),
and the snapshots it took over by restoring them. Another window's, or one left by a crash
and kept for later, stays until that window saves or the writer discards it in the recovery
dialog. The keeper also marks the posts its window has open, and tells a tab when another
running window has its post open too.
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from editor.core.document import Post
from editor.core.errors import PostError
from editor.core.session import Prompter, Recovery, offer_of
from editor.core.storage import RecoveryStore, Snapshot
from editor.ui.tab.document_tab import DocumentTab

SNAPSHOT_DELAY_MS = 2000  # idle pause after the last change before a snapshot is taken
# Past this size, copying the text out of the editor stalls typing (~0.1 s per 20 MB), so a
# snapshot is taken at most every `size / CHARS_PER_MS` ms, counted from the first change it
# holds rather than from the last: less often, but never put off by typing that goes on.
LARGE_POST = 20_000_000  # characters
CHARS_PER_MS = 10_000  # 200 MB: a snapshot every 20 s at most


class SnapshotKeeper(QObject):
    """Keeps a snapshot of every tracked tab that has unsaved changes, and only of those.

    `snapshotted(Path)` fires once a post's snapshot is on disk; `failed(str)` carries a
    message for the status bar when one cannot be written (a full disk).
    """

    snapshotted = Signal(object)
    failed = Signal(str)

    def __init__(self, store: RecoveryStore, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.delay_ms = SNAPSHOT_DELAY_MS
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="recovery")
        self._lock = threading.Lock()  # guards the store and the two fields below
        self._generation: dict[Path, int] = {}  # bumped by each discard
        self._restored: dict[Path, Path] = {}  # post → a restored snapshot still to remove
        self._timers: dict[DocumentTab, QTimer] = {}

    # --- while the app runs --------------------------------------------------------------

    def track(self, tab: DocumentTab) -> None:
        """Snapshot `tab` whenever it has been left changed for `delay_ms`."""
        timer = QTimer(tab, singleShot=True, interval=self.delay_ms)
        timer.timeout.connect(lambda: self.snapshot(tab))
        tab.edited.connect(lambda: self._due(tab, timer))
        # A post deleted on disk becomes "modified" without an edit: its text now lives
        # only here, so it is snapshotted too. Modified → clean means saved or reverted.
        tab.modifiedChanged.connect(
            lambda modified: self._due(tab, timer) if modified else self._clean(tab, timer)
        )
        tab.saved.connect(lambda post: self.discard(post.path))
        self._timers[tab] = timer
        if tab.post.path is not None:
            with contextlib.suppress(PostError):  # then snapshots fail too, and say so
                self.store.mark_open(tab.post.path)
        self._say_elsewhere(tab)

    def _due(self, tab: DocumentTab, timer: QTimer) -> None:
        """A change to keep: snapshot after a pause, or a huge post's within its delay."""
        chars = tab.editor.document().characterCount()
        if chars < LARGE_POST:
            timer.start(self.delay_ms)  # from the last change: after a pause in typing
        elif not timer.isActive():
            timer.start(snapshot_delay(chars, self.delay_ms))

    def untrack(self, tab: DocumentTab) -> None:
        """The tab is closing: its changes were saved or thrown away, so is its snapshot."""
        timer = self._timers.pop(tab, None)
        if timer is not None:
            timer.stop()
        if tab.post.path is not None:
            self.discard(tab.post.path)
            self.store.mark_closed(tab.post.path)

    def _say_elsewhere(self, tab: DocumentTab) -> None:
        """Show or hide the tab's "open in another window" bar (on open, and again with
        each snapshot: a glance at a few file names)."""
        path = tab.post.path
        tab.set_open_elsewhere(path is not None and self.store.open_elsewhere(path))

    def _clean(self, tab: DocumentTab, timer: QTimer) -> None:
        timer.stop()
        if tab.post.path is not None:
            self.discard(tab.post.path)

    def snapshot(self, tab: DocumentTab) -> None:
        """Snapshot the text `tab` would save now (built and written off this thread), or
        drop its snapshot when it has nothing unsaved."""
        path = tab.post.path
        if path is None:
            return
        self._say_elsewhere(tab)
        if not tab.modified:
            self.discard(path)
            return
        build, stamp = tab.post_builder(), tab.post.stamp
        with self._lock:
            generation = self._generation.get(path, 0)
        digest = stamp.digest if stamp else None
        self._pool.submit(self._write, path, build, digest, generation)

    def _write(
        self, path: Path, build: Callable[[], Post], digest: str | None, generation: int
    ) -> None:
        """On the worker thread."""
        try:
            text = build().text
            with self._lock:
                if self._generation.get(path, 0) != generation:
                    return  # saved or discarded since this snapshot was asked for
                self.store.save(path, text, digest)
                restored = self._restored.pop(path, None)
                if restored is not None:
                    with contextlib.suppress(OSError):  # then it is offered once more
                        restored.unlink(missing_ok=True)  # its text lives on in ours
        except Exception as error:  # a worker has no one else to tell; never a traceback
            message = error.message if isinstance(error, PostError) else str(error)
            self.failed.emit(
                f"Could not keep a recovery copy of {path.name} ({message}); save your work soon"
            )
            return
        self.snapshotted.emit(path)

    def discard(self, path: Path) -> None:
        """Remove the snapshot this window keeps of `path` (saved, reverted, closed), and
        cancel one still waiting to be written. Another window's, or one a crash left, stays."""
        with self._lock:
            self._generation[path] = self._generation.get(path, 0) + 1
            restored = self._restored.pop(path, None)
            # No recovery folder to remove it from: then nothing is kept there either.
            with contextlib.suppress(OSError):
                self.store.discard(path)
                if restored is not None:
                    restored.unlink(missing_ok=True)

    def adopt(self, snapshot: Snapshot) -> None:
        """A snapshot restored into a tab: this window's own from now on; its file goes when
        this window's first snapshot of the post is written (or when the post is saved)."""
        with self._lock:
            self._restored[snapshot.post] = snapshot.file

    def shutdown(self) -> None:
        """Finish the writes under way (at quit)."""
        self._pool.shutdown(wait=True)

    # --- after a crash -------------------------------------------------------------------

    def offer(self, prompter: Prompter) -> list[Snapshot]:
        """Ask what to do with the snapshots a crash left; discard those the writer throws
        away and return those to restore (the rest wait for the next start)."""
        snapshots = self.store.orphans()
        if not snapshots:
            return []
        answers = prompter.recover([offer_of(s) for s in snapshots])
        restore = []
        for snapshot, answer in zip(snapshots, answers, strict=True):
            if answer is Recovery.DISCARD:
                with self._lock, contextlib.suppress(OSError):
                    snapshot.file.unlink(missing_ok=True)
            elif answer is Recovery.RESTORE:
                restore.append(snapshot)
        return restore

    def restore(
        self,
        snapshot: Snapshot,
        open_post: Callable[[Path], DocumentTab | None],
        new_tab: Callable[[Post], DocumentTab],
    ) -> DocumentTab | None:
        """Open a post with the text a crash left unsaved, as an unsaved change: in the tab
        `open_post(path)` gives, or, when its file is gone, in `new_tab(Post)` (saving writes it
        anew). One that cannot be read now is not restored; its snapshot waits for another
        start."""
        path = snapshot.post
        tab = open_post(path) if os.path.lexists(path) else new_tab(Post("", path))
        if tab is None:
            return None
        tab.restore(snapshot.text)
        self.adopt(snapshot)
        self.snapshot(tab)  # so that no other window offers it meanwhile
        return tab


def snapshot_delay(chars: int, delay_ms: int = SNAPSHOT_DELAY_MS) -> int:
    """How long a change to a post of `chars` characters waits for its snapshot (ms)."""
    return delay_ms if chars < LARGE_POST else max(delay_ms, chars // CHARS_PER_MS)
