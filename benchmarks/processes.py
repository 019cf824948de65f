"""The command-line and window figures' processes: the installed `post-editor`, a command run
to its end, a program run until it says it is ready."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path


def post_editor() -> str:
    """The installed console script next to this interpreter (else the one on PATH)."""
    found = shutil.which("post-editor", path=str(Path(sys.executable).parent))
    found = found or shutil.which("post-editor")
    if not found:
        sys.exit("post-editor is not installed: pip install -e . first")
    return found


def command(argv: list[str], ok: tuple[int, ...] = (0,)) -> Callable[[], object]:
    """A run of `argv` in a subprocess, its output discarded; exits with its stderr when it
    ends with a code not in `ok`."""

    def run() -> None:
        done = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        if done.returncode not in ok:
            sys.exit(f"{' '.join(argv)} exited with {done.returncode}:\n{done.stderr}")

    return run


def ready_line(argv: list[str]) -> tuple[float, str]:
    """Start `argv` in a session of its own and read the first line it prints; then end it
    and every process it started. Returns the milliseconds to that line, and the line: the
    figure stops when the program says it is ready, not when its workers have gone."""
    with tempfile.TemporaryFile("w+") as errors:
        began = time.perf_counter()
        child = subprocess.Popen(
            argv, stdout=subprocess.PIPE, stderr=errors, text=True, start_new_session=True
        )
        assert child.stdout is not None
        line = child.stdout.readline()
        took = (time.perf_counter() - began) * 1000
        with contextlib.suppress(ProcessLookupError):
            os.killpg(child.pid, signal.SIGKILL)
        child.wait()
        child.stdout.close()
        if not line:
            errors.seek(0)
            sys.exit(f"{' '.join(argv)} said nothing (exit {child.returncode}):\n{errors.read()}")
    return took, line
