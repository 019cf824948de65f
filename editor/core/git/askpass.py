"""The askpass program git and ssh run when they must ask the writer something (a password,
a passphrase, a user name): an executable script, since both run it as a program with the
prompt as its one argument, which runs the given command (the window's small dialog)."""

from __future__ import annotations

import os
import shlex
import tempfile
from collections.abc import Sequence
from pathlib import Path


def askpass_script(command: Sequence[str]) -> str:
    """The path of a script that runs `command` with git's prompt appended; written once, in
    a folder only this user can read."""
    folder = Path(tempfile.gettempdir()) / f"post-editor-askpass-{os.getuid()}"
    folder.mkdir(mode=0o700, exist_ok=True)
    if folder.is_symlink() or folder.stat().st_uid != os.getuid():
        raise PermissionError(f"{folder} is not this user's own folder")
    script = folder / "askpass"
    text = "#!/bin/sh\nexec " + " ".join(shlex.quote(part) for part in command) + ' "$@"\n'
    if not script.is_file() or script.read_text(encoding="utf-8") != text:
        partial = folder / f".askpass.{os.getpid()}"
        partial.write_text(text, encoding="utf-8")
        partial.chmod(0o700)
        partial.replace(script)
    return str(script)
