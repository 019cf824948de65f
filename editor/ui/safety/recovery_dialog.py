"""The question asked after a crash: which unsaved posts to restore, each shown against its file.

`Offer` (`editor.core.session`) is what the window knows about one snapshot; `RecoveryDialog`
lists the offers with a Restore / Discard / Later choice per post and the diff of the selected
one. The dialog decides nothing itself: it returns one `Recovery` per offer, and the window acts
on them.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from editor.core.session import Offer, Recovery
from editor.ui.widgets.diff_view import DiffView


class RecoveryDialog(QDialog):
    """The list of offers, a choice per post, and the diff of the selected one."""

    def __init__(self, offers: Sequence[Offer], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Recover unsaved changes")
        self.resize(960, 640)
        self.offers = list(offers)
        intro = QLabel(
            "Post Editor stopped before these changes were saved. Restore opens a post with "
            "the unsaved text, ready to save; Later keeps it for the next start.",
            wordWrap=True,
        )
        self.table = QTreeWidget()
        self.table.setObjectName("recoveryList")
        self.table.setHeaderLabels(["Post", "Unsaved text from", "File", "Do"])
        self.table.setRootIsDecorated(False)
        self.choices: list[QComboBox] = []
        for offer in self.offers:
            item = QTreeWidgetItem(
                [offer.label, f"{offer.taken:%Y-%m-%d %H:%M:%S}", offer.disk_state, ""]
            )
            item.setToolTip(0, str(offer.post))  # the title names it; the path places it
            self.table.addTopLevelItem(item)
            choice = QComboBox()
            choice.addItems([r.value for r in Recovery])
            self.table.setItemWidget(item, 3, choice)
            self.choices.append(choice)
        self._size_columns()
        self.diff = DiffView()
        self.table.currentItemChanged.connect(self._show_diff)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(self.diff)
        split.setSizes([180, 420])
        buttons = QDialogButtonBox()
        buttons.addButton("Apply", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton("Decide Later", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(split, 1)
        layout.addWidget(buttons)
        if self.offers:
            self.table.setCurrentItem(self.table.topLevelItem(0))

    def _size_columns(self) -> None:
        """Date, file state and choice as wide as their header and cells, never cut; the
        title takes the width left (its tooltip gives the file's path)."""
        header = self.table.header()
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(self.fontMetrics().averageCharWidth() * 12)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, self.table.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)

    def _show_diff(self, item: QTreeWidgetItem | None) -> None:
        row = self.table.indexOfTopLevelItem(item) if item is not None else -1
        self.diff.show_diff(self.offers[row].diff if row >= 0 else "")

    def answers(self) -> list[Recovery]:
        """One choice per offer; every one Later when the dialog was not applied."""
        if self.result() != QDialog.DialogCode.Accepted:
            return [Recovery.LATER] * len(self.offers)
        return [Recovery(choice.currentText()) for choice in self.choices]
