"""The window refuses to open a special file as a post (issue 13, point 12), at once: a FIFO
used to block the window in its read until some program wrote to the pipe."""

from __future__ import annotations

import contextlib
import os
import threading

import pytest

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")


def test_opening_a_fifo_is_refused_without_blocking(window, prompter, tmp_path):
    pipe = tmp_path / "elsewhere" / "pipe.md"
    pipe.parent.mkdir()
    os.mkfifo(pipe)

    def unblock() -> None:
        # Should the read block (the bug), a writer that opens and closes the pipe ends it
        # with an empty read, so the test fails below instead of hanging.
        with contextlib.suppress(OSError):
            os.close(os.open(pipe, os.O_WRONLY | os.O_NONBLOCK))

    watchdog = threading.Timer(10, unblock)
    watchdog.start()
    try:
        tabs = window.tabs.count()
        assert window.open_post(pipe) is None
    finally:
        watchdog.cancel()
    [question] = prompter.asked
    assert (question.kind, question.title) == ("inform", "Cannot open this post")
    assert "this is a named pipe, not a post file" in question.text and str(pipe) in question.text
    assert window.tabs.count() == tabs
    assert pipe.is_fifo()
