"""Every menu action as a row of data: menu, name, label, shortcut, and the window method.

The window builds its menus from this table, so each action is in a menu with its shortcut,
and tests can look an action up by name.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QKeySequence

Key = QKeySequence.StandardKey


@dataclass(frozen=True)
class ActionSpec:
    """One action: where it is, what it says, its keys, and the window method it calls
    (a dotted name reaches a part of the window: "taxonomy.show_view"). A `submenu` is
    filled by `method(menu)` each time it opens (a list that changes, such as languages)."""

    menu: str
    name: str
    text: str
    shortcut: QKeySequence.StandardKey | str | None
    method: str
    checkable: bool = False
    submenu: bool = False


ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec("&File", "open_folder", "&Open Folder…", Key.Open, "choose_folder"),
    ActionSpec("&File", "new_post", "&New Post…", Key.New, "new_post"),
    ActionSpec("&File", "save", "&Save", Key.Save, "save_current"),
    ActionSpec("&File", "save_all", "Save A&ll", "Ctrl+Alt+S", "save_all"),
    ActionSpec("&File", "revert", "&Revert", None, "revert_current"),
    ActionSpec("&File", "review", "Re&view Changes…", "Ctrl+Alt+D", "review_current"),
    ActionSpec(
        "&File", "review_first", "Review Changes &Before Saving", None, "set_review_first", True
    ),
    ActionSpec("&File", "close_tab", "&Close Post", Key.Close, "close_current"),
    ActionSpec("&File", "quit", "&Quit", Key.Quit, "close"),
    ActionSpec("&Edit", "undo", "&Undo", Key.Undo, "undo"),
    ActionSpec("&Edit", "redo", "&Redo", Key.Redo, "redo"),
    ActionSpec("&Edit", "find", "&Find…", Key.Find, "find"),
    ActionSpec("&Edit", "replace", "R&eplace…", "Ctrl+H", "replace"),
    ActionSpec("&Edit", "filter_posts", "Filter &Posts", "Ctrl+Shift+F", "focus_filter"),
    ActionSpec("F&ormat", "bold", "&Bold", Key.Bold, "format_bold"),
    ActionSpec("F&ormat", "italic", "&Italic", Key.Italic, "format_italic"),
    ActionSpec("F&ormat", "code", "&Code", "Ctrl+`", "format_code"),
    ActionSpec("F&ormat", "link", "&Link", "Ctrl+K", "format_link"),
    ActionSpec("F&ormat", "heading1", "Heading &1", "Ctrl+1", "format_heading1"),
    ActionSpec("F&ormat", "heading2", "Heading &2", "Ctrl+2", "format_heading2"),
    ActionSpec("F&ormat", "heading3", "Heading &3", "Ctrl+3", "format_heading3"),
    ActionSpec("F&ormat", "paragraph", "&Paragraph", "Ctrl+0", "format_paragraph"),
    ActionSpec("F&ormat", "bullets", "Bulle&ted List", "Ctrl+Shift+8", "format_bullets"),
    ActionSpec("F&ormat", "numbers", "&Numbered List", "Ctrl+Shift+7", "format_numbers"),
    ActionSpec("F&ormat", "quote", "&Quote", "Ctrl+Shift+.", "format_quote"),
    ActionSpec("F&ormat", "code_block", "Code Bloc&k", "Ctrl+Shift+K", "format_code_block"),
    ActionSpec("&View", "toggle_form", "&Front Matter", "Ctrl+Shift+M", "toggle_form", True),
    ActionSpec("&View", "toggle_preview", "&Preview", "Ctrl+Shift+P", "toggle_preview", True),
    ActionSpec("&View", "outline", "&Outline", "Ctrl+Shift+O", "toggle_outline", True),
    ActionSpec("&View", "focus_mode", "Foc&us Mode", Key.FullScreen, "toggle_focus_mode", True),
    ActionSpec("&View", "zoom_in", "Zoom &In", Key.ZoomIn, "zoom_in"),
    ActionSpec("&View", "zoom_out", "Zoom O&ut", Key.ZoomOut, "zoom_out"),
    ActionSpec("&View", "zoom_reset", "&Actual Size", "Ctrl+Alt+0", "zoom_reset"),
    ActionSpec("&View", "remote_images", "&Remote Images", None, "toggle_remote_images", True),
    ActionSpec("&View", "font", "Editor F&ont…", None, "choose_font"),
    ActionSpec("&View", "theme_system", "Theme: Follow &System", None, "theme_system"),
    ActionSpec("&View", "theme_light", "Theme: &Light", None, "theme_light"),
    ActionSpec("&View", "theme_dark", "Theme: &Dark", None, "theme_dark"),
    ActionSpec("&Tools", "check_spelling", "Check &Spelling", None, "spelling.toggle", True),
    ActionSpec(
        "&Tools",
        "spelling_language",
        "Spelling &Language",
        None,
        "spelling.fill_language_menu",
        submenu=True,
    ),
    ActionSpec("&Help", "about", "&About Post Editor", None, "about"),
)
