"""Tests for editor/ui/spelling/spelling_menu.py: spelling in the window's tabs, its menu and
language.

Real posts in a real folder, a real window, the real word lists. "sentance" and "zorblax" are
in no dictionary; "fromage" is French only. Each test waits for the window's dictionary to be
loaded (`spelling`) and for a tab's marks to be made (`checked`), by their signals.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit

from editor.core.folder.content_folder import ContentFolder
from editor.ui.settings import SPELL_CHECK, SPELL_LANGUAGE, Settings
from editor.ui.shell.main_window import MainWindow
from editor.ui.spelling.spell_checker import SpellCheck
from editor.ui.spelling.spelling_menu import SpellingUI
from editor.ui.tab.document_tab import DocumentTab
from tests.ui.marks import underlined


def write_post(root: Path, rel: str, text: str) -> Path:
    path = root / rel
    path.write_text(text, encoding="utf-8")
    return path


def post(body: str, title: str = "Notes", head: str = "") -> str:
    return f"---\ntitle: '{title}'\ndate: '2026-01-24'\n{head}---\n{body}"


def word_cursor(editor: QPlainTextEdit, word: str) -> QTextCursor:
    """A cursor in the middle of the first `word` of the text."""
    cursor = editor.document().find(word)
    assert not cursor.isNull(), word
    cursor.setPosition(cursor.selectionStart() + len(word) // 2)
    return cursor


def menu_texts(menu) -> list[str]:
    return [action.text() for action in menu.actions()]


def settle(qtbot, window: MainWindow, tab: DocumentTab) -> None:
    """Wait for the words of a language just chosen (if they are loading), then for the
    tab's marks to be made with them."""
    check = window.spelling.check
    if check.enabled and check.speller is None:
        with qtbot.waitSignal(check.changed, timeout=10_000):
            pass
    if tab.editor.highlighter.checking:
        with qtbot.waitSignal(tab.editor.highlighter.spellingDone, timeout=10_000):
            pass


@pytest.fixture
def spelling(qtbot, window: MainWindow) -> SpellCheck:
    """The window's SpellCheck with its English words loaded."""
    check = window.spelling.check
    with qtbot.waitSignal(check.changed, timeout=10_000):
        check.want()
    return check


@pytest.fixture
def open_checked(qtbot, window: MainWindow, spelling: SpellCheck) -> Callable[[Path], DocumentTab]:
    """`open_checked(path)` opens a post and waits until every line's marks are made."""

    def open_(path: Path) -> DocumentTab:
        tab = window.open_post(path)
        assert tab is not None
        settle(qtbot, window, tab)
        return tab

    return open_


def test_a_misspelled_word_is_underlined_corrected_from_the_menu_and_undone(folder, open_checked):
    path = write_post(folder, "typo.md", post("This sentance is short.\n"))
    editor = open_checked(path).editor
    assert underlined(editor) == ["sentance"]

    editor.setTextCursor(word_cursor(editor, "sentance"))
    menu = editor.context_menu(editor.cursorRect().center())
    texts = menu_texts(menu)
    assert texts[0] == "sentence"
    assert {"Add to Dictionary", "Ignore"} <= set(texts)
    assert "&Copy\tCtrl+C" in texts  # the standard entries stay
    menu.actions()[0].trigger()
    assert editor.toPlainText() == "This sentence is short.\n"
    assert underlined(editor) == []

    editor.undo()  # one step back to the word as it was
    assert editor.toPlainText() == "This sentance is short.\n"
    assert underlined(editor) == ["sentance"]


def test_a_right_click_on_a_correct_word_gives_the_standard_menu(folder, open_checked):
    path = write_post(folder, "typo.md", post("This sentance is short.\n"))
    editor = open_checked(path).editor
    editor.setTextCursor(word_cursor(editor, "short"))
    texts = menu_texts(editor.context_menu(editor.cursorRect().center()))
    assert "Add to Dictionary" not in texts
    assert "&Copy\tCtrl+C" in texts


def test_code_fences_urls_tags_and_link_targets_are_not_underlined(folder, open_checked):
    body = (
        "Run `zorblax --frob` now.\n"
        "```\nzorblax in a fence\n```\n"
        'See https://zorblax.example/page and <span class="zorblax">qwertyz</span>.\n'
        "A [good read](zorblax.html) and ![a photo](/img/zorblax.png).\n"
    )
    editor = open_checked(write_post(folder, "skips.md", post(body))).editor
    assert underlined(editor) == ["qwertyz"]


def test_front_matter_keys_are_not_underlined_in_raw_mode(folder, open_checked):
    # An unclosed flow list: the post opens as plain text, front matter and all.
    text = "---\ntitle: 'Raw'\nzorblax: qwertyz\ntags: [one, two\n---\nA sentance.\n"
    tab = open_checked(write_post(folder, "raw.md", text))
    assert tab.raw
    assert underlined(tab.editor) == ["qwertyz", "sentance"]


def test_add_to_dictionary_writes_the_file_and_clears_every_tab(
    qtbot, folder, window, open_checked, dictionary
):
    first = open_checked(write_post(folder, "one.md", post("A zorblax here.\n")))
    second = open_checked(write_post(folder, "two.md", post("Another zorblax there.\n")))
    assert underlined(first.editor) == underlined(second.editor) == ["zorblax"]

    editor = first.editor
    editor.setTextCursor(word_cursor(editor, "zorblax"))
    menu = editor.context_menu(editor.cursorRect().center())
    add = next(a for a in menu.actions() if a.text() == "Add to Dictionary")
    with qtbot.waitSignals(
        [first.editor.highlighter.spellingDone, second.editor.highlighter.spellingDone],
        timeout=10_000,
    ):
        add.trigger()

    assert dictionary.read_text(encoding="utf-8") == "zorblax\n"
    assert underlined(first.editor) == underlined(second.editor) == []
    assert not first.modified and not second.modified  # marks are not edits


def test_marks_arriving_do_not_edit_the_post(qtbot, spelling, open_tab, posts):
    tab = open_tab("robots-read-the-scans.md")
    with qtbot.waitSignal(tab.editor.highlighter.spellingDone, timeout=10_000):
        spelling.changed.emit()  # as after a word is added: every tab marks again
    assert not tab.modified
    assert tab.current_post().text == posts["robots-read-the-scans.md"]


def test_a_misspelled_title_word_is_marked_and_corrected_in_the_form(folder, open_checked):
    path = write_post(folder, "title.md", post("Body.\n", title="A recieve of notes"))
    tab = open_checked(path)
    field = tab.form.editors["title"]
    assert field.spelling is not None and field.spelling.marks == [(2, 7)]

    line = field.edit
    x = next(x for x in range(line.width()) if line.cursorPositionAt(_point(x, line)) == 5)
    menu = field.spelling.menu(_point(x, line))
    assert menu_texts(menu)[0] == "receive"
    menu.actions()[0].trigger()
    assert line.text() == "A receive of notes"
    assert tab.post.values["title"] == "A receive of notes"  # the form heard of it
    assert field.spelling.marks == []
    line.undo()
    assert line.text() == "A recieve of notes"


def test_only_prose_fields_are_checked(folder, open_checked):
    head = "excerpt: A sentance.\ncoverImage: zorblax.png\nsource: https://zorblax.example/\n"
    tab = open_checked(write_post(folder, "fields.md", post("Body.\n", head=head)))
    editors = tab.form.editors
    assert underlined(editors["excerpt"].edit) == ["sentance"]
    for name in ("coverImage", "source", "date", "tags", "category"):
        assert getattr(editors[name], "spelling", None) is None, name


def test_the_language_setting_switches_the_marks(qtbot, folder, window, settings, open_checked):
    tab = open_checked(write_post(folder, "fr.md", post("Le fromage.\n")))
    assert underlined(tab.editor) == ["fromage"]

    menu = window.actions_by_name["spelling_language"].menu()
    menu.aboutToShow.emit()  # as when it opens: filled then
    french = next(a for a in menu.actions() if a.data() == "fr")
    assert french.text() == "French (fr)"
    french.trigger()
    settle(qtbot, window, tab)
    assert window.spelling.check.speller.language == "fr"
    assert window.settings.get(SPELL_LANGUAGE) == "fr"
    assert underlined(tab.editor) == []
    menu.aboutToShow.emit()
    assert [a.data() for a in menu.actions() if a.isChecked()] == ["fr"]


def test_check_spelling_off_removes_the_marks_and_is_remembered(
    qtbot, folder, window, settings, open_checked
):
    tab = open_checked(write_post(folder, "typo.md", post("A sentance.\n")))
    toggle = window.actions_by_name["check_spelling"]
    assert toggle.isChecked()
    toggle.trigger()
    settle(qtbot, window, tab)
    assert underlined(tab.editor) == []
    assert not window.settings.get(SPELL_CHECK)
    toggle.trigger()
    settle(qtbot, window, tab)
    assert underlined(tab.editor) == ["sentance"]


def _schema_window(qtbot, window, make_folder, language: str) -> Path:
    root = make_folder({"fr.md": post("Le fromage.\n")})
    schema = f"fields:\n  - {{name: title, type: string}}\nlanguage: {language}\n"
    (root / ".post-editor.yaml").write_text(schema, encoding="utf-8")
    with qtbot.waitSignal(window.folderLoaded, timeout=10_000):
        window.open_folder(root)
    return root


def test_the_folder_schema_language_wins_over_the_setting(qtbot, window, settings, make_folder):
    window.settings.set(SPELL_LANGUAGE, "en")
    root = _schema_window(qtbot, window, make_folder, "fr")
    check = window.spelling.check
    tab = window.open_post(root / "fr.md")
    settle(qtbot, window, tab)
    assert check.speller.language == "fr"
    assert underlined(tab.editor) == []
    menu = window.actions_by_name["spelling_language"].menu()
    menu.aboutToShow.emit()
    assert menu.actions()[0].text() == "Set by this folder: French (fr)"


def test_an_unknown_language_is_said_in_the_status_bar(qtbot, window, make_folder):
    root = _schema_window(qtbot, window, make_folder, "xx")
    with qtbot.waitSignal(window.spelling.check.failed, timeout=10_000):
        tab = window.open_post(root / "fr.md")
    message = window.statusBar().currentMessage()
    assert "no spelling dictionary for" in message and "xx" in message
    assert window.spelling.check.speller is None
    assert underlined(tab.editor) == []
    tab.editor.insertPlainText("Still typing. ")  # the window goes on working
    assert tab.modified


def _point(x: int, line: QLineEdit) -> QPoint:
    return QPoint(x, line.height() // 2)


def test_on_its_own_it_takes_the_folder_s_language_and_says_why_a_choice_waits(
    qtbot, make_folder, settings, dictionary
):
    """No window: the settings, a dictionary file and a folder; messages go out by a signal."""
    root = make_folder({"fr.md": post("Le fromage.\n")})
    (root / ".post-editor.yaml").write_text(
        "fields:\n  - {name: title, type: string}\nlanguage: fr\n", encoding="utf-8"
    )
    spelling = SpellingUI(Settings(settings), dictionary)
    assert spelling.folder_language() is None
    content = ContentFolder(root)
    content.scan()  # the schema is read with the index
    spelling.set_folder(content)
    assert spelling.language() == "fr"
    with qtbot.waitSignal(spelling.message) as said:
        spelling.set_language("de")
    assert said.args == [
        "This folder's schema sets the language (fr); German (de) is for folders that set none."
    ]
    assert spelling.language() == "fr" and spelling.chosen_language() == "de"
