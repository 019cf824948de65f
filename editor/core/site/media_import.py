"""Copying a picture into a post's media folder, and the link the post then writes.

    place = media_place(post_path, Site.around(content_root), schema.media)
    added = import_file(Path("/home/me/My Photo.JPG"), place)  # or import_bytes(data, "png", place)
    added.link     # "/images/my-photo.jpg": what goes in ![...](...) or a cover field
    added.path     # the file written (or found already there)

The file name is the slug of the picture's own name, lowercase, extension kept ("My Photo.JPG"
→ "my-photo.jpg"); when that name is taken, "my-photo-2.jpg", unless the file there holds the
same bytes: then it is used again, not copied twice. Only pictures are taken: the extension
must be a picture's and the first bytes must say so too (a renamed PDF is refused). A picture
already inside the site, where the site serves it, is not copied: it is named where it is.
Nothing is written outside the site (see `MediaPlace.check_inside`); the copy is atomic.
Every refusal and failure is a `PostError` a writer understands. Qt-free.
"""

from __future__ import annotations

import errno
import hashlib
import os
import re
from dataclasses import dataclass
from pathlib import Path

from editor.core.errors import PostError, quoted
from editor.core.schema import IMAGE_EXTENSIONS
from editor.core.site.media import MediaPlace, served_link
from editor.core.storage import os_cause, slugify, write_new

MAX_BYTES = 50 * 1024 * 1024  # no blog picture is this big; a bigger file is a mistake
_MAX_NAME = 60
_TAKEN_LIMIT = 10_000

# The first bytes of each picture format we accept, by extension.
_MAGIC: dict[str, tuple[tuple[int, bytes], ...]] = {
    ".png": ((0, b"\x89PNG\r\n\x1a\n"),),
    ".jpg": ((0, b"\xff\xd8\xff"),),
    ".jpeg": ((0, b"\xff\xd8\xff"),),
    ".gif": ((0, b"GIF87a"), (0, b"GIF89a")),
    ".webp": ((8, b"WEBP"),),
    ".avif": ((4, b"ftypavif"), (4, b"ftypavis")),
    ".bmp": ((0, b"BM"),),
    ".tiff": ((0, b"II*\x00"), (0, b"MM\x00*")),
}
# An SVG is text: an optional BOM, XML declaration, comments and doctype, then <svg.
_SVG = re.compile(
    rb"^(\xef\xbb\xbf)?\s*(<\?xml[^>]*>\s*)?(<!--.*?-->\s*)*(<!DOCTYPE[^>]*>\s*)?<svg\b", re.S
)


@dataclass(frozen=True)
class Imported:
    """A picture placed for a post: the file, the link to write, and whether it was copied
    (False: a file with the same bytes was there already, or the picture was in the site)."""

    path: Path
    link: str
    copied: bool


def is_picture(data: bytes, extension: str) -> bool:
    """Whether `data` starts the way a picture with this extension (".png") does."""
    extension = extension.lower()
    if extension == ".svg":
        return bool(_SVG.match(data[:4096]))
    signatures = _MAGIC.get(extension, ())
    return any(data[at : at + len(sig)] == sig for at, sig in signatures)


def import_file(source: Path, place: MediaPlace) -> Imported:
    """Put the picture at `source` where `place` says; see the module's docstring."""
    extension = _extension(source.name)
    if extension not in IMAGE_EXTENSIONS:
        kinds = ", ".join(ext.lstrip(".") for ext in IMAGE_EXTENSIONS)
        raise PostError(f"{quoted(source.name)} is not a picture (use {kinds}); nothing was added")
    link = served_link(source, place)
    if link is not None:
        return Imported(Path(os.path.abspath(source)), link, copied=False)
    try:
        if os.path.getsize(source) > MAX_BYTES:
            raise PostError(
                f"{quoted(source.name)} is over {MAX_BYTES // 2**20} MB: too big for a post;"
                " nothing was added"
            )
        data = Path(source).read_bytes()
    except OSError as error:
        # ENOENT reads "the folder no longer exists" for a save; here the file is what went.
        cause = "it no longer exists" if error.errno == errno.ENOENT else os_cause(error)
        raise PostError(
            f"could not read {quoted(source.name)}: {cause}; nothing was added"
        ) from None
    return _place(data, _stem(source.name), extension, place, source.name)


def import_bytes(data: bytes, extension: str, place: MediaPlace, name: str = "") -> Imported:
    """Put picture bytes (a pasted screenshot, as ".png") where `place` says, named after
    `name`, else after the post ("my-post-image.png")."""
    extension = "." + extension.lower().lstrip(".")
    if extension not in IMAGE_EXTENSIONS:
        raise PostError(f"{extension} is not a picture format; nothing was added")
    stem = _stem(name) if name else f"{_post_stem(place.post_path)}-image"
    return _place(data, stem, extension, place, name or "the pasted picture")


def _place(data: bytes, stem: str, extension: str, place: MediaPlace, what: str) -> Imported:
    if not is_picture(data, extension):
        raise PostError(
            f"{quoted(what)} is not a {extension.lstrip('.').upper()} picture"
            " (its content says otherwise); nothing was added"
        )
    place.check_inside()
    folder = place.folder
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise _failure(error, place) from None
    place.check_inside()  # made just now: still no link out of the site on the way
    while True:
        path, same = _free_name(folder, slugify(stem, _MAX_NAME), extension, data)
        if same:
            return Imported(path, place.link(path), copied=False)
        try:
            write_new(path, data)
        except FileExistsError:
            continue  # another program took the name meanwhile: look again
        except PostError as error:
            cause = error.__cause__
            if isinstance(cause, OSError):
                raise _failure(cause, place) from None
            raise
        return Imported(path, place.link(path), copied=True)


def _free_name(folder: Path, slug: str, extension: str, data: bytes) -> tuple[Path, bool]:
    """The first of "slug.ext", "slug-2.ext"... that is free or holds `data` already (then
    True: nothing to write)."""
    digest = hashlib.sha256(data).digest()
    for n in range(1, _TAKEN_LIMIT):
        path = folder / (f"{slug}{extension}" if n == 1 else f"{slug}-{n}{extension}")
        if not os.path.lexists(path):
            return path, False
        if path.is_file() and not path.is_symlink() and path.stat().st_size == len(data):
            try:
                if hashlib.sha256(path.read_bytes()).digest() == digest:
                    return path, True
            except OSError:
                pass  # unreadable: not ours to reuse, take another name
    raise PostError(f"{folder} holds too many pictures named {slug}; nothing was added")


def _failure(error: OSError, place: MediaPlace) -> PostError:
    cause = os_cause(error)
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        cause += " (the folder is read-only)" if "read-only" not in cause else ""
    return PostError(f"could not copy the picture into {place.shown}: {cause}; nothing was added")


def _extension(name: str) -> str:
    return os.path.splitext(name)[1].lower()


def _stem(name: str) -> str:
    return os.path.splitext(os.path.basename(name))[0] or "image"


def _post_stem(post_path: Path) -> str:
    bundle = post_path.stem == "index" and post_path.parent.name
    return post_path.parent.name if bundle else post_path.stem
