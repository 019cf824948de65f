"""Spelling in each post's own language (editor/ui/spelling/spelling_menu.py, `attach_post`):
its `lang` key (or its site's language) picks the word list where one ships; where none does
the post is not checked and the status bar says so. Real posts, a real window, the real word
lists: "fromage" is French only, "zorblax" in no list."""

from __future__ import annotations

from pathlib import Path

import pytest
from marks import underlined

from editor.ui.shell.main_window import MainWindow
from editor.ui.tab.document_tab import DocumentTab


def post(body: str, lang: str | None) -> str:
    head = f"lang: {lang}\n" if lang else ""
    return f"---\ntitle: 'Notes'\ndate: '2024-01-24'\n{head}---\n{body}"


@pytest.fixture
def folder(make_folder) -> Path:
    """The window's folder: posts in French, Brazilian Portuguese, Ukrainian, and unsaid."""
    return make_folder(
        {
            "fr.md": post("Le fromage zorblax.\n", "fr"),
            "pt.md": post("O queijo zorblax.\n", "pt-BR"),
            "uk.md": post("Привіт zorblax sentance.\n", "uk"),
            "plain.md": post("The fromage zorblax.\n", None),
        }
    )


def open_marked(qtbot, window: MainWindow, path: Path, code: str | None) -> DocumentTab:
    """Open a post and wait for its marks, made with the word list `code` (None: the
    window's own)."""
    tab = window.open_post(path)
    assert tab is not None
    spelling = window.spelling
    check = spelling.check if code is None else spelling.by_language[code]
    qtbot.waitUntil(lambda: check.speller is not None, timeout=10_000)
    if tab.editor.highlighter.checking:
        with qtbot.waitSignal(tab.editor.highlighter.spellingDone, timeout=10_000):
            pass
    return tab


def test_a_post_in_french_is_checked_in_french_whatever_the_setting(qtbot, window, folder):
    assert window.spelling.language() == "en"
    tab = open_marked(qtbot, window, folder / "fr.md", "fr")
    assert underlined(tab.editor) == ["zorblax"]
    plain = open_marked(qtbot, window, folder / "plain.md", None)
    assert underlined(plain.editor) == ["fromage", "zorblax"]  # English, as the setting says


def test_a_region_takes_its_language_s_word_list(qtbot, window, folder):
    tab = open_marked(qtbot, window, folder / "pt.md", "pt")
    assert underlined(tab.editor) == ["zorblax"]


def test_a_language_without_a_word_list_is_not_checked_and_the_status_bar_says_so(
    qtbot, window, folder
):
    tab = window.open_post(folder / "uk.md")
    note = "No word list for Ukrainian: spelling is off for this post"
    assert window.statusBar().currentMessage() == note
    assert tab.editor.highlighter.spell is None
    assert underlined(tab.editor) == []
    assert "uk" not in window.spelling.by_language
    window.open_post(folder / "plain.md")
    window.statusBar().clearMessage()
    window.tabs.setCurrentWidget(tab)  # back to the front: said again
    assert window.statusBar().currentMessage() == note


def test_the_language_menu_says_the_post_sets_it(qtbot, window, folder):
    open_marked(qtbot, window, folder / "fr.md", "fr")
    menu = window.actions_by_name["spelling_language"].menu()
    menu.aboutToShow.emit()
    assert menu.actions()[0].text() == "Set by this post: French (fr)"
    window.open_post(folder / "plain.md")
    menu.aboutToShow.emit()
    assert not menu.actions()[0].text().startswith("Set by")


def test_a_word_added_in_one_language_passes_in_the_others(qtbot, window, folder, dictionary):
    french = open_marked(qtbot, window, folder / "fr.md", "fr")
    plain = open_marked(qtbot, window, folder / "plain.md", None)
    window.spelling.by_language["fr"].add("zorblax")
    qtbot.waitUntil(lambda: underlined(french.editor) == [], timeout=5000)
    qtbot.waitUntil(lambda: underlined(plain.editor) == ["fromage"], timeout=5000)
    assert dictionary.read_text(encoding="utf-8") == "zorblax\n"  # written once


def test_turning_spelling_off_turns_it_off_in_every_language(qtbot, window, folder):
    french = open_marked(qtbot, window, folder / "fr.md", "fr")
    window.spelling.toggle(False)
    qtbot.waitUntil(lambda: underlined(french.editor) == [], timeout=5000)
    assert window.spelling.by_language["fr"].speller is None
