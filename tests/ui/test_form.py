"""The front-matter form's help (editor/ui/form.py): each field's `help` from the schema is the
tooltip of its label and of its input, wherever the pointer rests on them."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QFormLayout, QToolTip, QWidget

SCHEMA = """\
fields:
  - {name: title, type: string, required: true, help: "The headline & its <promise>"}
  - {name: date, type: date, help: "When it goes out"}
  - {name: tags, type: list, help: "Words readers search by"}
  - {name: category, type: select, choices: [News, Notes], help: "Exactly one section"}
  - {name: draft, type: boolean, help: "Kept off the site while ticked"}
"""
HELP = {
    "title": "The headline & its <promise>",
    "date": "When it goes out",
    "tags": "Words readers search by",
    "category": "Exactly one section",
    "draft": "Kept off the site while ticked",
}
POST = "---\ntitle: Hello\ndate: 2026-01-24\ntags: [a]\ncategory: News\ndraft: false\n---\nBody.\n"


def shown_tooltip(widget: QWidget) -> str:
    """What Qt shows when the pointer rests on `widget`: the help event goes to it and, when
    it has no tooltip of its own, up to its parents, as the application delivers it."""
    QToolTip.hideText()
    centre = widget.rect().center()
    event = QHelpEvent(QEvent.Type.ToolTip, centre, widget.mapToGlobal(centre))
    QApplication.sendEvent(widget, event)
    return QToolTip.text()


def test_each_fields_help_is_the_tooltip_of_its_label_and_its_input(qtbot, window, make_folder):
    root = make_folder({".post-editor.yaml": SCHEMA, "hello.md": POST})
    with qtbot.waitSignal(window.folderLoaded, timeout=10_000):
        window.open_folder(root)
    tab = window.open_post(root / "hello.md")
    form = tab.form
    layout: QFormLayout = form.layout()  # type: ignore[assignment]
    helps = {field.name: field.help for field in tab.schema.fields}
    assert helps == HELP
    for name, help_text in helps.items():
        editor = form.editors[name]
        inner = editor.focusProxy() or editor
        assert inner is not editor or name == "draft"  # the input, not its frame
        assert shown_tooltip(inner) == help_text, name
        label = layout.labelForField(editor)
        if editor.labels_itself:  # the checkbox's own words are its label
            assert label is None or not label.text()
        else:
            assert label.toolTip() == help_text, name
            assert shown_tooltip(label) == help_text, name
    QToolTip.hideText()
