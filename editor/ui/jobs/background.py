"""Folder-wide work off the UI thread: one function at a time on a worker thread.

A `Job` runs a function on a thread and hands back its result (or its error, as a message) by a
signal that arrives on the UI thread, as the indexer does. The function must not touch widgets.
`snapshot(folder)` is what such a function may read of a `ContentFolder` while the indexer or a
save changes the real one: the index as a list taken on the UI thread, the root and the schema.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import cast

from PySide6.QtCore import QObject, Signal

from editor.core.errors import PostError
from editor.core.folder import ContentFolder, IndexEntry
from editor.core.schema import Schema, SchemaSource


class Job(QObject):
    """Runs one function at a time on a worker thread. `done(result)` or `failed(message)`
    arrive on the UI thread; `busy` says whether one is running."""

    done = Signal(object)
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._idle = threading.Event()
        self._idle.set()

    @property
    def busy(self) -> bool:
        """Whether a function is running."""
        return not self._idle.is_set()

    def start(self, function: Callable[[], object]) -> None:
        """Run `function` on a thread; the caller checks `busy` first (one job at a time)."""
        if self.busy:
            raise RuntimeError("a job is running")
        self._idle.clear()
        threading.Thread(target=self._run, args=(function,), daemon=True).start()

    def _run(self, function: Callable[[], object]) -> None:
        try:
            result = function()
        except PostError as error:
            self._finish(self.failed, str(error))
        except Exception as error:  # a bug or an OS error: said, not lost on a thread
            self._finish(self.failed, f"{type(error).__name__}: {error}")
        else:
            self._finish(self.done, result)

    def _finish(self, signal: Signal, value: object) -> None:
        self._idle.set()  # before the signal: its handler may start the next job
        # RuntimeError: the window closed while the job ran, and nobody waits for it.
        with contextlib.suppress(RuntimeError):
            signal.emit(value)  # type: ignore[attr-defined]

    def wait(self, timeout: float = 30.0) -> bool:
        """Block until the running function ends (for quitting and for tests)."""
        return self._idle.wait(timeout)


@dataclass(frozen=True)
class _Snapshot:
    """The parts of a ContentFolder that `check_site` and `plan_rename` read."""

    root: Path
    schema: Schema
    schema_source: SchemaSource
    entries: list[IndexEntry]

    def scan(self) -> list[IndexEntry]:
        return self.entries  # never rescanned here: the indexer owns scanning

    def schema_problem(self) -> PostError | None:
        return ContentFolder.schema_problem(cast(ContentFolder, self))


def snapshot(folder: ContentFolder) -> ContentFolder:
    """A still copy of the folder's index for a worker (taken on the UI thread): the indexer
    may change the folder's own dictionary of entries while the worker walks it."""
    copy = _Snapshot(folder.root, folder.schema, folder.schema_source, folder.entries)
    return cast(ContentFolder, copy)
