"""Worker processes end soon after the process that started them is killed."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time

import pytest

PARENT = textwrap.dedent(
    """
    import multiprocessing, os, sys
    from concurrent.futures import ProcessPoolExecutor
    from editor.core.workers import exit_with_parent

    if __name__ == "__main__":
        context = multiprocessing.get_context("spawn")
        pool = ProcessPoolExecutor(1, context, initializer=exit_with_parent)
        print(pool.submit(os.getpid).result(), flush=True)
        os._exit(0)  # as a kill -9 would: no shutdown of the pool
    """
)


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return not open(f"/proc/{pid}/stat").read().split(") ")[1].startswith("Z")


@pytest.mark.skipif(not os.path.isdir("/proc"), reason="reads /proc to see the worker")
def test_a_worker_ends_after_its_parent_is_gone(tmp_path):
    script = tmp_path / "parent.py"
    script.write_text(PARENT)
    ran = subprocess.run(
        [sys.executable, str(script)], stdout=subprocess.PIPE, timeout=60, check=True, text=True
    )  # returns once the worker closed the inherited output pipe, i.e. once it ended
    worker = int(ran.stdout.split()[0])
    for _ in range(200):  # it is not our child to wait for: look again, up to 10 s
        if not alive(worker):
            break
        time.sleep(0.05)
    assert not alive(worker)
