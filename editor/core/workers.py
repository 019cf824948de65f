"""Worker processes that never outlive the window or command that started them.

A worker of a `ProcessPoolExecutor` waits on its task queue; if its parent is killed (`kill -9`,
a crash) that wait does not always end, and the worker lingers, holding the parent's output
pipes open, so a script waiting for `post-editor` to finish waits for ever. Each worker started
with `exit_with_parent` as its initializer checks once a second that its parent is alive.
"""

from __future__ import annotations

import os
import threading
import time

CHECK_EVERY_S = 1.0


def exit_with_parent() -> None:
    """Pool initializer: end this process soon after the one that started it is gone."""
    parent = os.getppid()
    if os.name == "nt":  # no reparenting to watch for; Windows pools end with their parent
        return

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(CHECK_EVERY_S)
        os._exit(0)  # orphaned: nobody is left to read what this process would produce

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()
