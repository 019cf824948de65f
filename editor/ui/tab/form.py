"""The front-matter form: one editor per schema field, and "Other fields" as YAML.

The form shows values and reports edits as (key, value); the document tab turns each into a
lossless edit of the post. Keys the schema does not know appear as YAML text in "Other
fields", editable; a change there is applied key by key, so untouched keys keep their text.

Values the build gives the post that it does not write (a site's defaults: `Inherited`) show
greyed in their field, or under "Other fields" when no field shows them, each saying where it
comes from; they are never written unless the writer types a value.

Each key is in one place: which keys the fields show (an alias included: Astro's
`description` is the Excerpt) is the core's rule, `Schema.keys_in`; "Other fields" holds the
rest and refuses a key a field shows, so no two widgets ever hold two versions of one value.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QSizePolicy,
    QWidget,
)

from editor.core.schema import Field, Schema
from editor.core.session import read_other_fields
from editor.core.site.generators import Inherited
from editor.ui.tab.field_editors import (
    BoolEditor,
    DateEditor,
    FieldEditor,
    LineEditor,
    ListEditor,
    SelectEditor,
    TextEditor,
    greyed,
    shown_value,
)
from editor.ui.tab.image_field import ImageEditor


class FrontMatterForm(QWidget):
    """Built from a schema; `fieldEdited(key, value)`, `othersEdited(mapping)`."""

    fieldEdited = Signal(str, object)
    othersEdited = Signal(dict)

    def __init__(
        self,
        schema: Schema,
        post_path: Path | None,
        tags: list[str],
        categories: list[str],
        parent: QWidget | None = None,
        inherited: Mapping[str, Inherited] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("frontMatterForm")
        self.schema = schema
        self.inherited: Mapping[str, Inherited] = inherited or {}
        self.editors: dict[str, FieldEditor] = {}
        self._keys: dict[str, str] = {}  # field name → the key the post uses (aliases)
        self._kind = "yaml"  # the open post's front-matter syntax, which "Other fields" is in
        # The keys that are the fields' business (Schema.form_keys), as of the last fill:
        # kept until the next, so an edit cannot move a key between the fields and the text.
        self.covered: set[str] = set(schema.order)
        layout = QFormLayout(self)
        layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for field in schema.fields:
            editor = editor_for(field, post_path, tags, categories)
            editor.edited.connect(lambda value, name=field.name: self._edited(name, value))
            self.editors[field.name] = editor
            if editor.labels_itself:  # a checkbox: its own words are the label, clickable
                layout.addRow("", editor)
                continue
            label = QLabel(f"{field.label}{' *' if field.required else ''}")
            # The buddy is the widget that takes the focus (the tag line, not its frame),
            # which screen readers name by this label.
            label.setBuddy(editor.focusProxy() or editor)
            label.setToolTip(field.help)
            name_controls(editor, field.label)
            layout.addRow(label, editor)
        self.others = QPlainTextEdit()
        self.others.setObjectName("otherFields")
        self.others.setTabChangesFocus(True)
        self.others.setPlaceholderText("key: value")
        self.others.setFixedHeight(self.others.fontMetrics().lineSpacing() * 4 + 12)
        self.others.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.others_problem = QLabel()
        self.others_problem.setStyleSheet("color: #c0392b;")
        self.others_problem.hide()
        others_label = QLabel("&Other fields")
        others_label.setBuddy(self.others)
        layout.addRow(others_label, self.others)
        layout.addRow("", self.others_problem)
        # What the build gives the post under keys no field shows (Jekyll's `layout`).
        self.others_inherited = greyed(QLabel(objectName="inheritedOthers", wordWrap=True))
        self.others_inherited.hide()
        layout.addRow("", self.others_inherited)
        self._others_timer = QTimer(self, singleShot=True, interval=400)
        self._others_timer.timeout.connect(self._others_edited)
        self.others.textChanged.connect(self._others_changed)
        self._filling = False

    def fill(self, values: Mapping[str, object], other_text: str, kind: str = "yaml") -> None:
        """Show a post's values; `other_text` is the text of its keys outside
        `Schema.form_keys(values)`, in the post's front-matter `kind` (YAML or TOML)."""
        self._kind = kind
        self._filling = True
        try:
            self._keys = self.schema.keys_in(values)
            self.covered = self.schema.form_keys(values)
            shown = self._show_inherited(values)
            for name, editor in self.editors.items():
                editor.set_value(values.get(self._keys[name]))
            unshown = {
                key: found
                for key, found in self.inherited.items()
                if key not in values and key not in shown and key not in self.covered
            }
            self.others_inherited.setText(inherited_lines(unshown))
            self.others_inherited.setVisible(bool(unshown))
            if self.others.toPlainText() != other_text:
                self.others.setPlainText(other_text)
        finally:
            self._filling = False

    def _show_inherited(self, values: Mapping[str, object]) -> set[str]:
        """Give each field the value the build gives the post under its key when the post
        writes none (a field that shows an alias takes that key: a value typed in replaces
        the one inherited); the keys shown so."""
        shown: set[str] = set()
        for name, editor in self.editors.items():
            key = self._keys[name]
            found = None
            if key not in values:
                field = editor.field
                inherited_key = next(
                    (k for k in (field.name, *field.aliases) if k in self.inherited), None
                )
                if inherited_key is not None and inherited_key not in values:
                    self._keys[name] = inherited_key
                    self.covered.add(inherited_key)
                    shown.add(inherited_key)
                    found = self.inherited[inherited_key]
            editor.set_inherited(found)
        return shown

    def set_taxonomy(self, tags: list[str], categories: list[str]) -> None:
        """The folder's tags and categories changed: offer them in the tag and category
        fields, leaving what the fields hold as it is."""
        for editor in self.editors.values():
            editor.set_known(known_values(editor.field, tags, categories))

    def commit_pending(self) -> None:
        """Take text typed but not yet committed (a tag without its Enter) into the values."""
        for editor in self.editors.values():
            editor.commit_pending()

    def key_of(self, name: str) -> str:
        """The key the open post keeps a field under."""
        return self._keys.get(name, name)

    def _edited(self, name: str, value: object) -> None:
        self.fieldEdited.emit(self.key_of(name), value)

    def show_problems(self, by_key: Mapping[str, str]) -> None:
        """Put each field's worst problem beside it (and clear the others)."""
        for name, editor in self.editors.items():
            editor.set_problem(by_key.get(self.key_of(name)))

    def _others_changed(self) -> None:
        if not self._filling:
            self._others_timer.start()

    def _others_edited(self) -> None:
        read = read_other_fields(
            self.others.toPlainText(), self.schema, self.covered, self._keys, self._kind
        )
        self._say(read.problem)
        if read.values is not None:
            self.othersEdited.emit(read.values)

    def _say(self, message: str | None) -> None:
        self.others_problem.setText(message or "")
        self.others_problem.setVisible(bool(message))


def name_controls(editor: QWidget, label: str) -> None:
    """Give a field's controls its label as their accessible name: a screen reader finds a
    label's buddy only among the label's siblings, and the field's line edit sits one level
    down, in its editor (a button keeps its own words: "Browse…")."""
    for widget in (editor, *editor.findChildren(QWidget)):
        if widget.accessibleName() or isinstance(widget, QAbstractButton):
            continue
        if widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            widget.setAccessibleName(label)


def inherited_lines(found: Mapping[str, Inherited]) -> str:
    """ "layout: post (from _config.yml defaults)", a line per key."""
    return "\n".join(f"{key}: {shown_value(i.value)} (from {i.source})" for key, i in found.items())


def known_values(field: Field, tags: list[str], categories: list[str]) -> list[str]:
    """The folder's values a list or select field offers: its tags for a tag list, else its
    categories."""
    return tags if field.type == "list" and field.name in ("tags", "keywords") else categories


def editor_for(
    field: Field, post_path: Path | None, tags: list[str], categories: list[str]
) -> FieldEditor:
    """The editor widget for a field's type."""
    kind = field.type
    if kind == "text":
        return TextEditor(field)
    if kind in ("date", "datetime"):
        return DateEditor(field)
    if kind == "image":
        return ImageEditor(field, post_path)
    if kind == "list":
        return ListEditor(field, known_values(field, tags, categories))
    if kind == "select":
        return SelectEditor(field, known_values(field, tags, categories))
    if kind == "boolean":
        return BoolEditor(field)
    return LineEditor(field)
