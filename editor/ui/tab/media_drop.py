"""Pictures dropped or pasted on a post: what in a drag or the clipboard is a picture, and the
Markdown that names the copies.

The copying itself is the core's (`editor.core.site.media_import`): `MediaImporter` only turns Qt's
mime data into file paths or PNG bytes, asks the core, and tells the writer, through the tab's
prompter, what could not be added. The Markdown editor and the cover field share one importer
per tab.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMimeData
from PySide6.QtGui import QImage

from editor.core.errors import PostError
from editor.core.schema import IMAGE_EXTENSIONS, humanize
from editor.core.session import Prompter
from editor.core.site import Imported, MediaPlace, import_bytes, import_file
from editor.core.site.pictures import local_picture

FAILED_TITLE = "Picture not added"


def picture_paths(mime: QMimeData) -> list[Path]:
    """The local files in a drag or on the clipboard whose names are pictures', in order."""
    paths = [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]
    return [path for path in paths if path.suffix.lower() in IMAGE_EXTENSIONS]


def has_picture(mime: QMimeData) -> bool:
    """Whether `mime` brings a picture: picture files, or image data with no text. Copied
    text often comes with a picture of itself (office programs, some browsers): then the
    text is what the writer meant."""
    if picture_paths(mime):
        return True
    return mime.hasImage() and not mime.text().strip()


def alt_text(name: str) -> str:
    """A picture's alt text from its file name: "my-cat_photo.JPG" → "My cat photo"."""
    text = humanize(os.path.splitext(os.path.basename(name))[0]) or "Picture"
    return text.replace("[", "(").replace("]", ")")  # a ] would end the alt text


def markdown_images(added: Iterable[tuple[str, Imported]]) -> str:
    """One `![alt](link)` a line for each (alt, picture)."""
    return "\n".join(f"![{alt}]({picture.link})" for alt, picture in added)


def png_bytes(image: QImage) -> bytes:
    """A picture as PNG bytes (clipboard screenshots come as bitmaps)."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


class MediaImporter:
    """Adds pictures to one post's site through the core; `place` says where they go now
    (the post may have been renamed since the tab opened)."""

    def __init__(self, place: Callable[[], MediaPlace], prompter: Prompter) -> None:
        self._place = place
        self.prompter = prompter

    def add_paths(self, paths: Iterable[Path]) -> list[tuple[str, Imported]]:
        """Copy (or name in place) each picture file; (alt text, result) for those added.
        Each one that fails is told to the writer and left out."""
        added: list[tuple[str, Imported]] = []
        problems: list[str] = []
        for path in paths:
            try:
                added.append((alt_text(path.name), import_file(path, self._place())))
            except PostError as error:
                problems.append(error.message)
        self._tell(problems)
        return added

    def add_image(self, image: QImage) -> list[tuple[str, Imported]]:
        """Save pasted image data as a PNG in the media folder."""
        try:
            added = import_bytes(png_bytes(image), "png", self._place())
        except PostError as error:
            self._tell([error.message])
            return []
        return [("Picture", added)]

    def add_from(self, mime: QMimeData) -> list[tuple[str, Imported]]:
        """The pictures a drop or paste brings (see `has_picture`)."""
        paths = picture_paths(mime)
        if paths:
            return self.add_paths(paths)
        image = mime.imageData()
        return self.add_image(image) if isinstance(image, QImage) and not image.isNull() else []

    def resolve(self, text: str) -> Path | None:
        """The file inside the site that a post's image reference names, or None."""
        try:
            place = self._place()
        except PostError:
            return None
        return local_picture(place.post_path, place.site, text)

    def _tell(self, problems: list[str]) -> None:
        if problems:
            self.prompter.inform(FAILED_TITLE, "\n".join(problems))
