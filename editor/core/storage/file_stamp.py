"""What a file looked like when it was read (`FileStamp`): enough to tell later whether it
changed. `files` takes one at each read and checks it at each save."""

from __future__ import annotations

from typing import TYPE_CHECKING

from editor.core import lazy_module

if TYPE_CHECKING:
    import hashlib
else:  # hashing loads OpenSSL: only a save, or a look at a changed file, hashes
    hashlib = lazy_module("hashlib")


def digest_of(data: bytes) -> str:
    """The sha256 hex digest of `data`, as a stamp holds it."""
    return hashlib.sha256(data).hexdigest()


class FileStamp:
    """What a file looked like when it was read: enough to tell later whether it changed.

    Its `digest` (sha256 hex of the bytes) is given, or worked out from the bytes read when
    first asked: only a save or a look at the disk asks, and `check FILE` and `render FILE`
    make neither (hashing loads OpenSSL, ~3 ms of such a command). Equal stamps have the same
    mtime, size and digest."""

    __slots__ = ("_data", "_digest", "mtime_ns", "size")

    def __init__(
        self, mtime_ns: int, size: int, digest: str | None = None, *, data: bytes = b""
    ) -> None:
        self.mtime_ns = mtime_ns
        self.size = size
        self._digest = digest
        self._data = data  # until hashed (two threads asking at once hash the same bytes)

    @property
    def digest(self) -> str:
        digest = self._digest
        if digest is None:
            digest = self._digest = digest_of(self._data)
            self._data = b""  # after the digest is set: a thread reading both sees one
        return digest

    def _key(self) -> tuple[int, int, str]:
        return self.mtime_ns, self.size, self.digest

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, FileStamp):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        return f"FileStamp(mtime_ns={self.mtime_ns}, size={self.size}, digest={self.digest!r})"
