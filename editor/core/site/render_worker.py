"""The render worker's process: bodies in, pieces out, until the window is gone.

    python -m editor.core.site.render_worker

The window starts it with `subprocess`, not `multiprocessing`: every process `multiprocessing`
spawns also starts its resource tracker (13 MB resident, for semaphores and shared memory this
worker never uses). Each request on stdin is a pickle of `(body, profile)`; each answer on
stdout a pickle of the `Rendered`, or of None when rendering failed. It ends when its stdin
closes: the window quit, or died (a killed process's pipes close too), so it never outlives
the window.
"""

from __future__ import annotations

import os
import pickle
import sys
from typing import BinaryIO

from editor.core.site.render import render_pieces


def serve(requests: BinaryIO, answers: BinaryIO) -> None:
    """Answer each request on `requests` on `answers`, until `requests` ends."""
    while True:
        try:
            body, profile = pickle.load(requests)
        except Exception:  # the end of the pipe, or a request cut short: the window is gone
            return
        try:
            answer = render_pieces(body, profile)
        except Exception:  # the window renders it itself, and says what went wrong
            answer = None
        pickle.dump(answer, answers, pickle.HIGHEST_PROTOCOL)
        answers.flush()


def main() -> None:
    """Serve the window on this process's stdin and stdout."""
    answers = os.fdopen(os.dup(sys.stdout.fileno()), "wb")
    # A library's print goes to stderr, never into the answers.
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())
    serve(sys.stdin.buffer, answers)


if __name__ == "__main__":
    main()
