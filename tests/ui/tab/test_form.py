"""The front-matter form's help (editor/ui/tab/form.py): each field's `help` from the schema is the
tooltip of its label and of its input, wherever the pointer rests on them."""

from __future__ import annotations

import datetime as dt

import yaml
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QHelpEvent, QTextCursor
from PySide6.QtWidgets import QApplication, QFormLayout, QToolTip, QWidget

from editor.core.schema import Field, Schema
from editor.core.site.generators import Inherited
from editor.ui.tab.form import FrontMatterForm

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


# An Astro blog (the starter's keys): `description`, `pubDate` and `heroImage` are the form's
# Excerpt, Date and Cover image under the names Astro's content schema gives them.
ASTRO_POST = """\
---
title: 'First light'
description: 'The old summary.'
pubDate: 'Jul 15 2022'
heroImage: '/blog-placeholder-1.jpg'
series: telescopes
---
Body.
"""


def _astro_folder(make_folder):
    posts = {
        f"src/content/blog/post-{i}.md": (
            f"---\ntitle: 'Post {i}'\ndescription: 'About {i}.'\n"
            f"pubDate: 'Jul {i + 1:02d} 2022'\nheroImage: '/hero-{i}.jpg'\n---\nText.\n"
        )
        for i in range(10)
    }
    posts["src/content/blog/first-light.md"] = ASTRO_POST
    posts["astro.config.mjs"] = "export default {};\n"
    return make_folder(posts)


def _type_at_end(qtbot, edit, text: str) -> None:
    edit.setFocus()
    edit.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(edit, text)


def test_a_key_shown_under_an_alias_is_in_the_form_once_and_no_edit_is_lost(
    qtbot, window, make_folder
):
    """Issue 13, point 1: "Other fields" repeated `description`, `pubDate` and `heroImage`,
    which the form shows as Excerpt, Date and Cover image; an edit of the excerpt, saved, was
    undone by the next edit in "Other fields", which still held the old description."""
    root = _astro_folder(make_folder)
    with qtbot.waitSignal(window.folderLoaded, timeout=10_000):
        window.open_folder(root)
    path = root / "src/content/blog/first-light.md"
    tab = window.open_post(path)
    form = tab.form

    excerpt = form.editors["excerpt"].edit
    assert excerpt.toPlainText() == "The old summary."
    _type_at_end(qtbot, excerpt, " Now longer.")
    assert window.save_current()
    _type_at_end(qtbot, form.others, "")  # an edit in "Other fields": a line added
    qtbot.keyClick(form.others, Qt.Key.Key_Return)
    qtbot.keyClicks(form.others, "series-part: 2")
    qtbot.waitUntil(lambda: tab.modified, timeout=3000)
    assert window.save_current()
    assert path.read_bytes() == (
        b"---\n"
        b"title: 'First light'\n"
        b"description: 'The old summary. Now longer.'\n"
        b"pubDate: 'Jul 15 2022'\n"
        b"heroImage: '/blog-placeholder-1.jpg'\n"
        b"series: telescopes\n"
        b"series-part: 2\n"
        b"---\n"
        b"Body.\n"
    )

    # Each key of the post in one place: a field of the form, or a line of "Other fields".
    shown = [form.key_of(name) for name in form.editors if form.key_of(name) in tab.post.values]
    others = list(yaml.safe_load(form.others.toPlainText()))
    assert sorted(shown + others) == sorted(tab.post.values)
    assert others == ["series", "series-part"]


def test_other_fields_refuse_a_key_a_field_shows(qtbot, window, make_folder):
    """A key typed into "Other fields" that a field shows (under any of its names) would be
    two widgets holding two values of one key: it is refused, with where to change it."""
    root = _astro_folder(make_folder)
    with qtbot.waitSignal(window.folderLoaded, timeout=10_000):
        window.open_folder(root)
    path = root / "src/content/blog/first-light.md"
    tab = window.open_post(path)
    others, problem = tab.form.others, tab.form.others_problem
    for typed, said in [
        ("description: A second summary", "‘description’ is Excerpt above; change it there"),
        ("excerpt: A second summary", "‘excerpt’ is Excerpt above; change it there"),
        ("title: Another title", "‘title’ is Title above; change it there"),
    ]:
        _type_at_end(qtbot, others, "")
        qtbot.keyClick(others, Qt.Key.Key_Return)
        qtbot.keyClicks(others, typed)
        qtbot.waitUntil(lambda said=said: problem.text() == said, timeout=3000)
        assert problem.isVisible() and not tab.modified
        others.setPlainText("series: telescopes\n")
    tab.form.editors["excerpt"].edit.setFocus()
    assert window.save_current()
    assert path.read_bytes() == ASTRO_POST.encode()


# --- values the site gives a post that it does not write -----------------------------------


def inherited_form(qtbot, values: dict[str, object]) -> FrontMatterForm:
    given = {
        "draft": Inherited(True, "content/posts/_index.md"),
        "image": Inherited("/img/default.png", "_config.yml defaults"),
        "tags": Inherited(["news", "site"], "_data dir"),
        "date": Inherited(dt.date(2020, 5, 6), "eleventy data"),
        "layout": Inherited("post", "_config.yml defaults"),
        "permalink": Inherited("/:title/", "_config.yml defaults"),
    }
    form = FrontMatterForm(Schema.DEFAULT, None, [], [], inherited=given)
    qtbot.addWidget(form)
    form.show()
    form.fill(values, "")
    return form


def test_each_kind_of_field_shows_an_inherited_value_greyed(qtbot):
    form = inherited_form(qtbot, {"title": "T"})
    editors = form.editors
    assert editors["coverImage"].edit.placeholderText() == "/img/default.png"
    assert editors["tags"].edit.placeholderText() == "news, site"
    assert editors["date"].edit.specialValueText() == "2020-05-06"
    assert not editors["draft"].check.isChecked()  # shown, not set
    assert editors["draft"].inherited_note.text() == "On, from content/posts/_index.md"
    assert editors["author"].inherited_note.isHidden()
    assert editors["author"].edit.placeholderText() == ""  # the schema gives no example
    assert form.others_inherited.text() == (
        "layout: post (from _config.yml defaults)\npermalink: /:title/ (from _config.yml defaults)"
    )


def test_a_field_takes_the_inherited_alias_so_a_typed_value_replaces_it(qtbot):
    form = inherited_form(qtbot, {"title": "T"})
    edits: list[tuple[str, object]] = []
    form.fieldEdited.connect(lambda key, value: edits.append((key, value)))
    qtbot.keyClicks(form.editors["coverImage"].edit, "/x.png")
    assert edits[-1] == ("image", "/x.png")
    assert {key for key, _ in edits} == {"image"}


def test_a_value_the_post_writes_hides_the_inherited_one(qtbot):
    form = inherited_form(qtbot, {"title": "T", "layout": "page", "draft": False})
    assert form.editors["draft"].inherited_note.isHidden()
    assert form.others_inherited.text() == "permalink: /:title/ (from _config.yml defaults)"


def test_a_form_without_inherited_values_shows_its_examples(qtbot):
    form = FrontMatterForm(Schema.DEFAULT, None, [], [])
    qtbot.addWidget(form)
    form.fill({"title": "T"}, "")
    assert form.editors["source"].edit.placeholderText() == ""
    assert form.others_inherited.isHidden()


def test_only_a_field_the_schema_gives_an_example_shows_a_placeholder(qtbot):
    schema = Schema(
        (
            Field("title", "string", help="The headline; keep it short."),
            Field("city", "string", help="Where it happened, e.g. Paris."),
            Field("layout", "string", default="post"),
            Field("summary", "text", help="For example: Two lines at most."),
            Field("notes", "text"),
            Field("source", "url"),
        )
    )
    form = FrontMatterForm(schema, None, [], [])
    qtbot.addWidget(form)
    form.show()
    form.fill({"title": ""}, "")
    shown = {name: editor.edit.placeholderText() for name, editor in form.editors.items()}
    assert shown == {
        "title": "",
        "city": "e.g. Paris",
        "layout": "e.g. post",
        "summary": "e.g. Two lines at most",
        "notes": "",
        "source": "",
    }
    assert all("Hello, world" not in text for text in shown.values())
