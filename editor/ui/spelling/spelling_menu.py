"""Spell checking in the window: the Tools menu's switch and language, and every tab checked.

The window builds one `SpellingUI` before its menus; the actions table reaches it by dotted
names ("spelling.toggle"). It keeps the window's one `SpellCheck` and attaches each new tab's
editor and prose fields to it. The language is the post's own when its site says one (its
`lang` key, its language folder or suffix, the site's default language: `attach_post`), each
such language with a `SpellCheck` of its own; else the folder schema's `language` when the
folder has one (a blog written in French is checked in French whatever the writer's
default), else the "Spelling Language" setting. A language without a dictionary is said in
the status bar; a post in a language no word list ships for is not checked at all.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QLocale, QObject, Signal
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu

from editor.core.folder import ContentFolder
from editor.core.spelling import available_languages, word_list_for
from editor.ui.settings import SPELL_CHECK, SPELL_LANGUAGE, Settings
from editor.ui.spelling.spell_checker import SpellCheck


class Checked(Protocol):
    """A part of a tab that marks misspelled words: the Markdown editor's highlighter, a
    prose field of the form."""

    def set_spelling(self, spell: SpellCheck) -> None: ...


def language_name(code: str) -> str:
    """The language's English name (Qt's locale data) and its code, such as "French (fr)"."""
    locale = QLocale(code)
    if locale.language() == QLocale.Language.C:
        return code  # Qt does not know it: the code alone
    return f"{QLocale.languageToString(locale.language())} ({code})"


class SpellingUI(QObject):
    """Tools > Check Spelling and Spelling Language, kept in `settings`; the window's
    `check` (a SpellCheck whose personal dictionary is `dictionary`), in the language of the
    folder given to `set_folder` when it sets one. `message(str)` is for the status bar."""

    message = Signal(str)

    def __init__(
        self, settings: Settings, dictionary: Path | None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.folder: ContentFolder | None = None
        self.dictionary = dictionary
        self.check = self._new_check()
        # The checks of posts whose site says their language, by word-list code.
        self.by_language: dict[str, SpellCheck] = {}
        self.post_language: str | None = None  # the language of the post in front, if its own
        self.apply()

    def _new_check(self) -> SpellCheck:
        check = SpellCheck(self.dictionary, self)
        check.failed.connect(self.message)
        check.added.connect(lambda word, check=check: self._share(check, word))
        return check

    def _share(self, source: SpellCheck, word: str) -> None:
        for check in (self.check, *self.by_language.values()):
            if check is not source:
                check.learn(word)

    def set_folder(self, folder: ContentFolder | None) -> None:
        """The folder whose schema may set the language (taken at the next `apply`)."""
        self.folder = folder

    def enabled(self) -> bool:
        """Whether spelling is checked (the setting; on unless turned off)."""
        return self.settings.get(SPELL_CHECK)

    def chosen_language(self) -> str:
        """The language chosen in the menu (the setting)."""
        return self.settings.get(SPELL_LANGUAGE) or SPELL_LANGUAGE.default

    def folder_language(self) -> str | None:
        """The open folder's schema `language`, if it sets one."""
        folder = self.folder
        return folder.schema.language if folder is not None else None

    def language(self) -> str:
        """The language in use: the folder's, else the chosen one."""
        return self.folder_language() or self.chosen_language()

    def apply(self) -> None:
        """Check in the language and on/off state the folder and the settings say (posts in
        a language of their own stay in it)."""
        self.check.configure(self.language(), self.enabled())
        for code, check in self.by_language.items():
            check.configure(code, self.enabled())

    def attach_post(self, language: str | None, *parts: Checked) -> str:
        """Check a new tab's parts in its post's `language` (None: the post says none, so
        the folder's or the chosen one); what to say in the status bar when the tab comes
        to the front: "" or that no word list ships for its language."""
        if language is None:
            self.attach(*parts)
            return ""
        code = word_list_for(language)
        if code is None:
            name = language_name(language).split(" (")[0]
            return f"No word list for {name}: spelling is off for this post"
        if code not in self.by_language:
            check = self._new_check()
            check.configure(code, self.enabled())
            self.by_language[code] = check
        for part in parts:
            part.set_spelling(self.by_language[code])
        return ""

    def show_post(self, language: str | None) -> None:
        """The post in front is in `language` by its site (None: it says none): the
        language menu says so."""
        self.post_language = language

    def attach(self, *parts: Checked) -> None:
        """Check a new tab's parts: its editor's highlighter and its form's fields."""
        for part in parts:
            part.set_spelling(self.check)

    # --- the Tools menu ------------------------------------------------------------------

    def toggle(self, on: bool) -> None:
        """Tools > Check Spelling."""
        self.settings.set(SPELL_CHECK, on)
        self.apply()

    def set_language(self, code: str) -> None:
        """Tools > Spelling Language > a language: kept for every folder that sets none."""
        self.settings.set(SPELL_LANGUAGE, code)
        if self.folder_language():
            self.message.emit(
                f"This folder's schema sets the language ({self.folder_language()}); "
                f"{language_name(code)} is for folders that set none."
            )
        self.apply()

    def fill_language_menu(self, menu: QMenu) -> None:
        """Tools > Spelling Language, filled as it opens: the languages with a dictionary,
        the chosen one ticked; a note first when the folder's schema decides."""
        menu.clear()
        if self.post_language:
            note = menu.addAction(f"Set by this post: {language_name(self.post_language)}")
            note.setEnabled(False)
            menu.addSeparator()
        elif self.folder_language():
            note = menu.addAction(f"Set by this folder: {language_name(self.language())}")
            note.setEnabled(False)
            menu.addSeparator()
        group = QActionGroup(menu)
        chosen = self.chosen_language().replace("_", "-").split("-")[0].lower()
        for code in sorted(available_languages(), key=language_name):  # by name, as read
            action = QAction(language_name(code), menu, checkable=True)
            action.setData(code)
            action.setChecked(code == chosen)
            action.triggered.connect(lambda _=False, code=code: self.set_language(code))
            group.addAction(action)
            menu.addAction(action)
