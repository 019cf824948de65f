"""A post with TOML (`+++`) front matter opens with an editable form, a title edit saves only
the title line, and its "Other fields" are TOML text edited key by key; Hugo's JSON front
matter still opens as plain text, with the reason."""

from __future__ import annotations

from PySide6.QtCore import Qt

from editor.ui.jobs.render_service import RenderService
from editor.ui.shell.main_window import MainWindow

TOML_POST = """\
+++
title = "Old title"  # shown in the list
date = 2024-01-02T03:04:05Z
tags = ["go", 'hugo']
series = 'one'

[params]
toc = true
+++

The body.
"""


def _window(qtbot, make_folder, settings, prompter, posts):
    root = make_folder(posts)
    window = MainWindow(settings, RenderService(use_process=False), prompter)
    qtbot.addWidget(window, before_close_func=lambda _: setattr(prompter, "unattended", True))
    with qtbot.waitSignal(window.folderLoaded, timeout=10_000):
        window.open_folder(root)
    return root, window


def test_a_toml_post_has_an_editable_form_and_a_title_edit_saves_only_that_line(
    qtbot, make_folder, settings, prompter
):
    root, window = _window(qtbot, make_folder, settings, prompter, {"toml.md": TOML_POST})
    tab = window.open_post(root / "toml.md")
    assert not tab.raw
    assert not tab.form_area.isHidden()
    title = tab.form.editors["title"].edit
    assert title.text() == "Old title"
    assert title.isEnabled() and not title.isReadOnly()
    title.setFocus()
    qtbot.keyClick(title, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(title, "New title")
    assert tab.title == "New title"
    assert window.save_current()
    assert (root / "toml.md").read_text() == TOML_POST.replace(
        'title = "Old title"', 'title = "New title"'
    )


def test_other_fields_of_a_toml_post_are_toml_text(qtbot, make_folder, settings, prompter):
    posts = {
        f"post-{i}.md": f"+++\ntitle = 'Post {i}'\ndate = 2026-01-{i + 1:02d}\n+++\nText.\n"
        for i in range(10)
    }
    posts["toml.md"] = TOML_POST
    root, window = _window(qtbot, make_folder, settings, prompter, posts)
    tab = window.open_post(root / "toml.md")
    others = tab.form.others
    assert "series = 'one'\n" in others.toPlainText()
    assert "[params]\ntoc = true\n" in others.toPlainText()
    others.setFocus()
    cursor = others.textCursor()
    cursor.setPosition(others.toPlainText().index("'one'") + len("'one"))
    others.setTextCursor(cursor)
    qtbot.keyClicks(others, "-two")
    qtbot.waitUntil(lambda: tab.modified, timeout=3000)
    assert window.save_current()
    assert (root / "toml.md").read_text() == TOML_POST.replace("'one'", "'one-two'")


def test_json_front_matter_opens_as_plain_text_with_the_reason(
    qtbot, make_folder, settings, prompter
):
    text = '{\n  "title": "JSON"\n}\nBody.\n'
    root, window = _window(qtbot, make_folder, settings, prompter, {"json.md": text})
    tab = window.open_post(root / "json.md")
    assert tab.raw
    assert "JSON" in tab.banner.text()
    assert tab.editor.toPlainText() == text
