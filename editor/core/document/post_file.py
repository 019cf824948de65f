"""A post file's bytes, and their text: the errors a writer understands when a file cannot be
read (missing, a folder, not allowed, binary, not UTF-8)."""

from __future__ import annotations

from pathlib import Path

from editor.core import storage
from editor.core.errors import PostError


def read_bytes(path: Path) -> bytes:
    """A file's bytes, or a PostError that says in plain words why it cannot be read. Only a
    regular file is read: a FIFO or a device is refused at once (see `storage.read_regular`)."""
    try:
        return storage.read_regular(path)
    except FileNotFoundError:
        raise PostError("no such file", path) from None
    except IsADirectoryError:
        raise PostError("this is a folder, not a post file", path) from None
    except PermissionError:
        raise PostError("permission denied: the file cannot be read", path) from None
    except OSError as exc:
        raise PostError(f"cannot read the file: {exc.strerror or exc}", path) from None


def decode(data: bytes, path: Path | None = None) -> str:
    """UTF-8 text (a BOM kept as U+FEFF), or a PostError for binary and non-UTF-8 files."""
    if b"\x00" in data[:8192]:
        raise PostError("this looks like a binary file, not a Markdown post", path)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise PostError(
            f"the file is not UTF-8 text (byte 0x{data[exc.start]:02X}); "
            "convert it to UTF-8 in another editor first, it was left as it is",
            path,
            line,
            column,
        ) from None
