"""The tags field as a token list: a chip per tag, typed tags added with Enter or a comma,
chips removed with × or Backspace, completion from the folder's tags, no duplicates, and a
save that changes only the tag lines of the file."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFormLayout, QLabel

from editor.core.schema.field_types import SHOWN_CHARS
from editor.ui.jobs.render_service import RenderService
from editor.ui.shell.main_window import MainWindow
from editor.ui.tab.field_editors import ListEditor
from editor.ui.widgets.theme import apply_theme
from editor.ui.widgets.token_list import TokenList
from tests.hostile import bounded

REFERENCE = "robots-read-the-scans.md"
SECOND = "glaciers-in-retreat.md"


def tags_of(tab) -> ListEditor:
    editor = tab.form.editors["tags"]
    assert isinstance(editor, ListEditor)
    return editor


def type_tag(qtbot, tags: ListEditor, text: str, key: Qt.Key | None = Qt.Key.Key_Return) -> None:
    tags.edit.setFocus()
    qtbot.keyClicks(tags.edit, text)
    if key is not None:
        qtbot.keyClick(tags.edit, key)


def test_the_tags_show_as_chips_and_enter_adds_one(qtbot, window, open_tab, folder, posts):
    tab = open_tab(REFERENCE)
    tags = tags_of(tab)
    assert tags.tokens.chip_texts() == ["Ai"]
    assert not tab.modified
    type_tag(qtbot, tags, "Health")
    assert tags.tokens.chip_texts() == ["Ai", "Health"]
    assert tags.edit.text() == ""
    assert tab.modified
    assert window.save_current()
    assert (folder / REFERENCE).read_text() == posts[REFERENCE].replace(
        "  - Ai\n", "  - Ai\n  - Health\n"
    )


def test_a_comma_ends_a_tag_and_a_save_takes_the_one_still_typed(
    qtbot, window, open_tab, folder, posts
):
    tab = open_tab(REFERENCE)
    tags = tags_of(tab)
    type_tag(qtbot, tags, "One, Two,", key=None)
    assert tags.tokens.chip_texts() == ["Ai", "One", "Two"]
    assert tags.edit.text() == ""
    type_tag(qtbot, tags, "Three", key=None)  # no Enter: Ctrl+S right away
    qtbot.keyClick(tags.edit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not tab.modified
    assert tags.tokens.chip_texts() == ["Ai", "One", "Two", "Three"]
    assert (folder / REFERENCE).read_text() == posts[REFERENCE].replace(
        "  - Ai\n", "  - Ai\n  - One\n  - Two\n  - Three\n"
    )


def test_backspace_in_the_empty_line_and_the_cross_remove_chips(
    qtbot, window, open_tab, folder, posts
):
    tab = open_tab(SECOND)
    tags = tags_of(tab)
    assert tags.tokens.chip_texts() == ["Climate", "Science"]
    type_tag(qtbot, tags, "x", key=Qt.Key.Key_Backspace)  # deletes the x, not a chip
    assert tags.tokens.chip_texts() == ["Climate", "Science"]
    assert not tab.modified
    qtbot.keyClick(tags.edit, Qt.Key.Key_Backspace)
    assert tags.tokens.chip_texts() == ["Climate"]
    assert tab.modified
    type_tag(qtbot, tags, "Glaciers")
    first = tags.tokens._chips[0]
    qtbot.mouseClick(first.remove_button, Qt.MouseButton.LeftButton)
    assert tags.tokens.chip_texts() == ["Glaciers"]
    assert window.save_current()
    assert (folder / SECOND).read_text() == posts[SECOND].replace(
        "  - Climate\n  - Science\n", "  - Glaciers\n"
    )


def test_no_tag_is_added_twice_and_a_known_tag_keeps_the_folders_spelling(qtbot, open_tab):
    tab = open_tab(REFERENCE)
    tags = tags_of(tab)
    type_tag(qtbot, tags, "ai")  # "Ai" is there already
    assert tags.tokens.chip_texts() == ["Ai"]
    assert not tab.modified
    type_tag(qtbot, tags, "climate")  # the folder tags a post "Climate"
    type_tag(qtbot, tags, "Climate, CLIMATE,", key=None)
    assert tags.tokens.chip_texts() == ["Ai", "Climate"]


def test_completion_offers_the_folders_tags_matching_any_part(qtbot, open_tab):
    tab = open_tab(REFERENCE)
    tags = tags_of(tab)
    completer = tags.completer
    type_tag(qtbot, tags, "IENC", key=None)  # any case, inside the word
    qtbot.waitUntil(lambda: completer.popup().isVisible(), timeout=3000)
    offered = [
        completer.completionModel().index(row, 0).data()
        for row in range(completer.completionModel().rowCount())
    ]
    assert offered == ["Science"]
    qtbot.keyClick(completer.popup(), Qt.Key.Key_Down)
    qtbot.keyClick(completer.popup(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: tags.tokens.chip_texts() == ["Ai", "Science"], timeout=3000)
    assert tags.edit.text() == ""
    # A tag the post holds is not offered again.
    assert "Ai" not in completer.model().stringList()
    assert "Science" not in completer.model().stringList()


def test_showing_a_value_is_not_an_edit(qtbot, open_tab):
    tab = open_tab(REFERENCE)
    tags = tags_of(tab)
    with qtbot.assertNotEmitted(tags.edited):
        tags.set_value(["Robots", "Hospitals"])
    assert tags.tokens.chip_texts() == ["Robots", "Hospitals"]
    assert not tab.modified


def test_items_that_are_not_text_stay_as_they_were(qtbot, make_folder, settings, prompter):
    """A year the post holds as a number stays a number when a tag is added."""
    text = "---\ntitle: 'Looking back'\ndate: '2026-01-02'\ntags: [2025, review]\n---\nText.\n"
    root = make_folder({"looking-back.md": text})
    window = MainWindow(settings, RenderService(use_process=False), prompter)
    qtbot.addWidget(window, before_close_func=lambda _: setattr(prompter, "unattended", True))
    with qtbot.waitSignal(window.folderLoaded, timeout=10_000):
        window.open_folder(root)
    tab = window.open_post(root / "looking-back.md")
    tags = tags_of(tab)
    assert tags.tokens.chip_texts() == ["2025", "review"]
    with qtbot.waitSignal(tags.edited) as edit:
        type_tag(qtbot, tags, "notes")
    assert edit.args == [[2025, "review", "notes"]]
    assert window.save_current()
    assert (root / "looking-back.md").read_text() == text.replace(
        "[2025, review]", "[2025, review, notes]"
    )


def test_the_label_names_the_line_and_tab_reaches_it(qtbot, window, open_tab):
    tab = open_tab(REFERENCE)
    tags = tags_of(tab)
    layout: QFormLayout = tab.form.layout()
    label = layout.labelForField(tags)
    assert isinstance(label, QLabel) and label.text() == "Tags"
    assert label.buddy() is tags.edit
    window.activateWindow()
    qtbot.waitUntil(lambda: window.isActiveWindow(), timeout=3000)
    # The folder's schema puts the Jekyll post's `categories` list just above the tags.
    above = tab.form.editors["categories"].edit
    above.setFocus()
    qtbot.keyClick(above, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is tags.edit
    qtbot.keyClick(tags.edit, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is tab.form.editors["category"].combo


def test_a_huge_shared_item_shows_as_the_start_of_its_text(qtbot):
    """An item that is a list (the field's check flags it) shown as a chip: what YAML aliases
    can make of a few lines (9⁷ items behind 7 small lists) is cut short, not walked."""
    item: list[object] = ["lol"] * 9
    for _ in range(6):
        item = [item] * 9
    tokens = TokenList()
    qtbot.addWidget(tokens)
    with bounded():
        tokens.set_items(["real", item])
    real, shown = tokens.chip_texts()
    assert real == "real"
    assert len(shown) == SHOWN_CHARS + 1 and shown.startswith("[[[[[[['lol', ")


def test_the_field_follows_the_dark_theme_and_back(qtbot):
    # Qt reads a style sheet's palette(base) once: the field stayed white in the dark theme.
    app = QApplication.instance()
    field = TokenList()
    qtbot.addWidget(field)
    field.resize(200, 40)
    field.show()

    def background() -> str:
        return field.grab().toImage().pixelColor(10, 20).name()

    try:
        for theme in ("dark", "light"):
            apply_theme(app, theme)
            base = app.palette().base().color().name()
            qtbot.waitUntil(lambda base=base: background() == base)
    finally:
        apply_theme(app, "light")
