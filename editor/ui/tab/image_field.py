"""The image field: a path or address, a Browse button, a thumbnail, and picture drops.

A picture chosen or dropped here is copied into the site's media folder by the tab's
`MediaImporter` (the core decides where and under what name); the widget only shows it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QPixmap
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QPushButton, QWidget

from editor.core.schema import IMAGE_EXTENSIONS, Field
from editor.core.site import relative_link
from editor.core.site.pictures import local_picture, picture_site
from editor.ui.tab.field_editors import LineEditor
from editor.ui.tab.media_drop import MediaImporter, picture_paths


class ImageEditor(LineEditor):
    """image: a path or address, a Browse button, and a thumbnail of a local picture.

    A picture chosen with Browse… or dropped on the field is put in the site's media folder by
    the tab's `MediaImporter` (one the site already serves is named where it is), and the field
    takes the address the site serves it at. The thumbnail finds a picture the way the site
    does (`local_picture`): beside the post, or in the folders the site serves at "/"
    ("/images/a.png"), and only inside the site.
    """

    def __init__(self, field: Field, post_path: Path | None, parent: QWidget | None = None):
        super().__init__(field, parent)
        self.post_path = post_path
        self.media: MediaImporter | None = None  # set by the tab; None: no site to copy into
        self.thumb = QLabel()
        self.thumb.setObjectName("imageThumbnail")
        self.thumb.setMaximumHeight(48)
        browse = QPushButton("Browse…")
        browse.clicked.connect(self._browse)
        # The line edit, the thumbnail and the button share one row.
        row = QHBoxLayout()
        self.box.removeWidget(self.edit)
        row.addWidget(self.edit, 1)
        row.addWidget(self.thumb)
        row.addWidget(browse)
        self.box.insertLayout(0, row)
        self.edit.textChanged.connect(self._thumbnail)
        self.setAcceptDrops(True)  # a picture file dropped on the row
        # A file manager's drag often carries the path as text too, which the line edit would
        # paste in as text: a picture dropped on it comes here first.
        self.edit.installEventFilter(self)

    def local_file(self, text: str) -> Path | None:
        """The picture file a value names, by the rule the preview and the exported page
        follow (`editor.core.site.pictures`): in the tab's site, else (a form with no tab
        around it) in the site around the post."""
        if self.media is not None:
            return self.media.resolve(text)
        if self.post_path is None:
            return None
        return local_picture(self.post_path, picture_site(self.post_path), text)

    def _thumbnail(self, text: str) -> None:
        found = self.local_file(text)
        pixmap = QPixmap(str(found)) if found else QPixmap()
        if pixmap.isNull():
            self.thumb.clear()
        else:
            self.thumb.setPixmap(
                pixmap.scaledToHeight(48, Qt.TransformationMode.SmoothTransformation)
            )

    def choose(self, path: Path) -> bool:
        """Take the picture at `path` for this field: copied into the media folder (or named
        where it is, when the site serves it already), the field set to its address and the
        edit reported. False when it could not be added (the writer was told why)."""
        if self.media is not None:
            added = self.media.add_paths([path])
            if not added:
                return False
            link = added[0][1].link
        elif self.post_path is not None:  # a form with no tab around it: name it from here
            link = relative_link(path, self.post_path)
        else:
            return False
        self.edit.setText(link)
        self._emit_text(link)
        return True

    def _browse(self) -> None:
        start = str(self.post_path.parent) if self.post_path else ""
        patterns = " ".join(f"*{ext}" for ext in IMAGE_EXTENSIONS)
        chosen, _ = QFileDialog.getOpenFileName(
            self, "Choose a picture", start, f"Pictures ({patterns})"
        )
        if chosen:
            self.choose(Path(chosen))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.edit and isinstance(
            event, QDragEnterEvent | QDragMoveEvent | QDropEvent
        ):
            return self._take_drop(event)
        return super().eventFilter(watched, event)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        self._take_drop(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        self._take_drop(event)

    def dropEvent(self, event: QDropEvent) -> None:
        self._take_drop(event)

    def _take_drop(self, event: QDropEvent) -> bool:
        """Accept a drag that brings picture files, and on the drop take the first (a field
        holds one picture); False, the event untouched, for anything else."""
        paths = picture_paths(event.mimeData())
        if self.media is None or not paths:
            return False
        event.acceptProposedAction()
        if event.type() == QEvent.Type.Drop:
            self.choose(paths[0])
        return True
