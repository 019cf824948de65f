"""Spell checking in the window: the Tools menu's switch and language, and every tab checked.

The window builds one `SpellingUI` before its menus; the actions table reaches it by dotted
names ("spelling.toggle"). It keeps the window's one `SpellCheck` and attaches each new tab's
editor and prose fields to it. The language is the folder schema's `language` when the folder
has one (a blog written in French is checked in French whatever the writer's default), else
the "Spelling Language" setting; a language without a dictionary is said in the status bar.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QLocale, QObject, Signal
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu

from editor.core.folder import ContentFolder
from editor.core.spelling import available_languages
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
        self.check = SpellCheck(dictionary, self)
        self.check.failed.connect(self.message)
        self.apply()

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
        """Check in the language and on/off state the folder and the settings say."""
        self.check.configure(self.language(), self.enabled())

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
        if self.folder_language():
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
