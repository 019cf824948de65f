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
    (a dotted name reaches a part of the window: "view.zoom_in"; "tab.…" is the current
    post's tab, "tab.editor.set_heading", and does nothing when no post is open). A `submenu` is
    filled by `method(menu)` each time it opens (a list that changes, such as languages). A
    `provided` action is one a part made because it reads or sets the tick itself (a dock's
    View toggle, a View switch): `method` names it ("problems.toggle_action"), and the menu
    gives it this row's text and keys."""

    menu: str
    name: str
    text: str
    shortcut: QKeySequence.StandardKey | str | None
    method: str
    checkable: bool = False
    args: tuple[object, ...] = ()  # what the method is called with
    submenu: bool = False
    provided: bool = False


ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec("&File", "open_folder", "&Open Folder…", Key.Open, "choose_folder"),
    ActionSpec("&File", "new_post", "&New Post…", Key.New, "new_post"),
    ActionSpec("&File", "quick_open", "Quick O&pen…", "Ctrl+P", "folder_tools.open_quick_open"),
    ActionSpec("&File", "save", "&Save", Key.Save, "save_current"),
    ActionSpec("&File", "save_all", "Save A&ll", "Ctrl+Alt+S", "save_all"),
    ActionSpec("&File", "revert", "&Revert", None, "revert_current"),
    ActionSpec("&File", "review", "Re&view Changes…", "Ctrl+Alt+D", "review_current"),
    ActionSpec(
        "&File", "review_first", "Review Changes &Before Saving", None, "set_review_first", True
    ),
    ActionSpec("&File", "export_html", "E&xport as HTML…", "Ctrl+Shift+X", "exporter.export_html"),
    ActionSpec(
        "&File", "open_browser", "Open in Bro&wser", "Ctrl+Alt+B", "exporter.open_in_browser"
    ),
    ActionSpec("&File", "close_tab", "&Close Post", Key.Close, "close_current"),
    ActionSpec("&File", "quit", "&Quit", Key.Quit, "close"),
    ActionSpec("&Edit", "undo", "&Undo", Key.Undo, "focused_text.undo"),
    ActionSpec("&Edit", "redo", "&Redo", Key.Redo, "focused_text.redo"),
    ActionSpec("&Edit", "find", "&Find…", Key.Find, "tab.find_bar.open", args=(False,)),
    ActionSpec("&Edit", "replace", "R&eplace…", "Ctrl+H", "tab.find_bar.open", args=(True,)),
    ActionSpec("&Edit", "filter_posts", "Filter &Posts", "Ctrl+Shift+F", "panel.focus_filter"),
    ActionSpec(
        "&Edit",
        "edit_selected",
        "E&dit Selected Posts…",
        None,
        "folder_tools.edit_action",
        provided=True,
    ),
    ActionSpec("&Edit", "edit_shown", "Edit All Sho&wn Posts…", None, "folder_tools.edit_shown"),
    ActionSpec(
        "&Edit",
        "undo_edit_posts",
        "Undo Edit &of Posts",
        None,
        "folder_tools.undo_action",
        provided=True,
    ),
    ActionSpec("F&ormat", "bold", "&Bold", Key.Bold, "tab.editor.wrap_selection", args=("**",)),
    ActionSpec(
        "F&ormat", "italic", "&Italic", Key.Italic, "tab.editor.wrap_selection", args=("*",)
    ),
    ActionSpec("F&ormat", "code", "&Code", "Ctrl+`", "tab.editor.wrap_selection", args=("`",)),
    ActionSpec("F&ormat", "link", "&Link", "Ctrl+K", "tab.editor.insert_link"),
    ActionSpec("F&ormat", "heading1", "Heading &1", "Ctrl+1", "tab.editor.set_heading", args=(1,)),
    ActionSpec("F&ormat", "heading2", "Heading &2", "Ctrl+2", "tab.editor.set_heading", args=(2,)),
    ActionSpec("F&ormat", "heading3", "Heading &3", "Ctrl+3", "tab.editor.set_heading", args=(3,)),
    ActionSpec("F&ormat", "paragraph", "&Paragraph", "Ctrl+0", "tab.editor.set_heading", args=(0,)),
    ActionSpec(
        "F&ormat",
        "bullets",
        "Bulle&ted List",
        "Ctrl+Shift+8",
        "tab.editor.toggle_list",
        args=(False,),
    ),
    ActionSpec(
        "F&ormat",
        "numbers",
        "&Numbered List",
        "Ctrl+Shift+7",
        "tab.editor.toggle_list",
        args=(True,),
    ),
    ActionSpec("F&ormat", "quote", "&Quote", "Ctrl+Shift+.", "tab.editor.toggle_quote"),
    ActionSpec(
        "F&ormat", "code_block", "Code Bloc&k", "Ctrl+Shift+K", "tab.editor.insert_code_block"
    ),
    ActionSpec(
        "&View", "toggle_form", "&Front Matter", "Ctrl+Shift+M", "view.form_action", provided=True
    ),
    ActionSpec(
        "&View", "toggle_preview", "&Preview", "Ctrl+Shift+P", "view.preview_action", provided=True
    ),
    ActionSpec(
        "&View", "outline", "&Outline", "Ctrl+Shift+O", "outline_dock.toggle_action", provided=True
    ),
    ActionSpec(
        "&View",
        "taxonomy",
        "&Tags && Categories",
        "Ctrl+Shift+T",
        "taxonomy.toggle_action",
        provided=True,
    ),
    ActionSpec(
        "&View", "problems", "Pro&blems", "Ctrl+Shift+E", "problems.toggle_action", provided=True
    ),
    ActionSpec(
        "&View", "focus_mode", "Focus &Mode", Key.FullScreen, "view.focus_action", provided=True
    ),
    ActionSpec("&View", "zoom_in", "Zoom &In", Key.ZoomIn, "view.zoom_in"),
    ActionSpec("&View", "zoom_out", "Zoom O&ut", Key.ZoomOut, "view.zoom_out"),
    ActionSpec("&View", "zoom_reset", "&Actual Size", "Ctrl+Alt+0", "view.zoom_reset"),
    ActionSpec(
        "&View", "remote_images", "&Remote Images", None, "view.remote_images_action", provided=True
    ),
    ActionSpec("&View", "font", "&Editor Font…", None, "view.choose_font"),
    ActionSpec(
        "&View", "theme_system", "Theme: Follow &System", None, "view.set_theme", args=("system",)
    ),
    ActionSpec("&View", "theme_light", "Theme: &Light", None, "view.set_theme", args=("light",)),
    ActionSpec("&View", "theme_dark", "Theme: &Dark", None, "view.set_theme", args=("dark",)),
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
