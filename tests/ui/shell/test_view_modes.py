"""The View menu's ways to look at a post: the outline of its headings, focus mode, zoom,
and the dark theme reaching the editor, the form and the preview."""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QTextCursor
from PySide6.QtWidgets import QFontDialog

from editor.ui.settings import EDITOR_FONT, PROBLEMS_DOCK, THEME, ZOOM

LONG = """\
---
title: 'Outlined'
date: '2026-01-05'
---
# Part one

Words.

## A section

```
# not a heading: code
```

Setext heading
--------------

> # Quoted heading

# Part two
"""


def _tab(qtbot, window, make_folder, settings):
    root = make_folder({"outlined.md": LONG})
    with qtbot.waitSignal(window.folderLoaded, timeout=10_000):
        window.open_folder(root)
    tab = window.open_post(root / "outlined.md")
    qtbot.waitUntil(lambda: tab.preview_ready, timeout=5000)
    return tab


def _tree(outline) -> list[tuple[str, list[str]]]:
    tops = [outline.topLevelItem(n) for n in range(outline.topLevelItemCount())]
    return [(t.text(0), [t.child(n).text(0) for n in range(t.childCount())]) for t in tops]


def test_the_outline_nests_headings_and_a_click_goes_to_one(qtbot, window, make_folder, settings):
    tab = _tab(qtbot, window, make_folder, settings)
    window.actions_by_name["outline"].trigger()
    assert window.outline_dock.isVisible()
    outline = window.outline
    assert _tree(outline) == [
        ("Part one", ["A section", "Setext heading"]),
        ("Quoted heading", []),
        ("Part two", []),
    ]
    section = outline.topLevelItem(0).child(0)
    outline.itemClicked.emit(section, 0)
    assert tab.editor.textCursor().block().text() == "## A section"
    # Typing a heading reaches the outline after the pause.
    tab.editor.moveCursor(QTextCursor.MoveOperation.End)
    tab.editor.insertPlainText("\n## Coda\n")
    qtbot.waitUntil(lambda: _tree(outline)[-1] == ("Part two", ["Coda"]), timeout=3000)
    # Hidden, it reads nothing while the writer types; shown again, it is up to date.
    window.actions_by_name["outline"].trigger()
    tab.editor.insertPlainText("\n# Epilogue\n")
    outline.refresh()  # what the pause after typing calls (its wiring is shown just above)
    assert outline.topLevelItemCount() == 0
    window.actions_by_name["outline"].trigger()
    assert _tree(outline)[-1] == ("Epilogue", [])


def test_focus_mode_leaves_the_editor_alone_in_a_centred_column_and_comes_back(
    qtbot, window, make_folder, settings
):
    tab = _tab(qtbot, window, make_folder, settings)
    window.actions_by_name["focus_mode"].trigger()
    assert not window.panel.isVisible()
    assert not tab.form_area.isVisible() and not tab.preview.isVisible()
    qtbot.waitUntil(lambda: tab.editor.viewportMargins().left() > 0, timeout=3000)
    margin = tab.editor.viewportMargins()
    assert margin.left() == margin.right()
    window.actions_by_name["focus_mode"].trigger()
    assert window.panel.isVisible() and tab.form_area.isVisible() and tab.preview.isVisible()
    qtbot.waitUntil(lambda: tab.editor.viewportMargins().left() == 0, timeout=3000)


def test_focus_mode_hides_the_open_docks_and_brings_back_only_those(
    qtbot, window, make_folder, settings
):
    _tab(qtbot, window, make_folder, settings)
    window.actions_by_name["outline"].trigger()
    window.actions_by_name["problems"].trigger()
    assert [dock.isVisible() for dock in window.docks()] == [True, False, True]
    window.actions_by_name["focus_mode"].trigger()
    assert not any(dock.isVisible() for dock in window.docks())
    # Ticks and settings still say what the writer wants back.
    assert window.actions_by_name["outline"].isChecked()
    assert window.settings.get(PROBLEMS_DOCK)
    window.actions_by_name["focus_mode"].trigger()
    assert [dock.isVisible() for dock in window.docks()] == [True, False, True]
    # A dock closed by its own button stays closed, its tick and setting follow.
    window.problems.close()
    assert not window.actions_by_name["problems"].isChecked()
    assert not window.settings.get(PROBLEMS_DOCK)


def test_zoom_grows_the_editor_and_the_preview_and_is_remembered(
    qtbot, window, make_folder, settings
):
    tab = _tab(qtbot, window, make_folder, settings)
    editor_size = tab.editor.font().pointSizeF()
    page_height = tab.preview.document().size().height()
    with qtbot.waitSignal(tab.previewShown, timeout=5000):
        window.actions_by_name["zoom_in"].trigger()
    assert tab.editor.font().pointSizeF() == editor_size + 1
    qtbot.waitUntil(lambda: tab.preview.document().size().height() > page_height, timeout=3000)
    assert window.settings.get(ZOOM) == 1
    window.actions_by_name["zoom_reset"].trigger()
    assert tab.editor.font().pointSizeF() == editor_size


def _lightness(widget) -> int:
    return QColor(
        widget.grab().toImage().pixelColor(widget.width() - 8, widget.height() - 8)
    ).lightness()


def test_the_dark_theme_reaches_the_preview_page(qtbot, window, make_folder, settings):
    tab = _tab(qtbot, window, make_folder, settings)
    window.actions_by_name["theme_light"].trigger()
    qtbot.waitUntil(lambda: _lightness(tab.preview.viewport()) > 200, timeout=3000)
    with qtbot.waitSignal(tab.previewShown, timeout=5000):
        window.actions_by_name["theme_dark"].trigger()
    qtbot.waitUntil(lambda: _lightness(tab.preview.viewport()) < 80, timeout=3000)
    assert window.settings.get(THEME) == "dark"
    assert _lightness(tab.editor.viewport()) < 80  # the editor and the form go dark too
    assert _lightness(tab.form_area.viewport()) < 100
    window.actions_by_name["theme_light"].trigger()
    qtbot.waitUntil(lambda: _lightness(tab.editor.viewport()) > 200, timeout=3000)


def _heading_colour(tab) -> str:
    block = tab.editor.document().findBlockByNumber(0)
    return next(r.format.foreground().color().name() for r in block.layout().formats())


def test_a_theme_or_zoom_change_recolours_without_being_an_edit(
    qtbot, window, make_folder, settings
):
    tab = _tab(qtbot, window, make_folder, settings)
    window.actions_by_name["theme_light"].trigger()
    light = _heading_colour(tab)
    changes: list[int] = []
    tab.editor.textChanged.connect(lambda: changes.append(1))
    window.actions_by_name["theme_dark"].trigger()
    assert _heading_colour(tab) != light
    window.actions_by_name["zoom_in"].trigger()
    window.actions_by_name["theme_light"].trigger()
    assert _heading_colour(tab) == light
    assert changes == [] and not tab.modified


def test_a_chosen_font_keeps_the_zoom_and_is_remembered(
    qtbot, window, make_folder, settings, monkeypatch
):
    tab = _tab(qtbot, window, make_folder, settings)
    window.actions_by_name["zoom_in"].trigger()
    # The font dialog is Qt's own; the writer's answer stands in for it.
    monkeypatch.setattr(QFontDialog, "getFont", lambda *args: (True, QFont("Serif", 14)))
    window.actions_by_name["font"].trigger()
    assert tab.editor.font().family() == QFont("Serif").family()
    assert tab.editor.font().pointSizeF() == 15
    assert QFont("Serif", 14).toString() == window.settings.get(EDITOR_FONT)
