"""Folder-wide checks: what no single post shows, or what only the site around it can tell."""

from editor.core.folder.checks.site_checks import folder_problems

__all__ = [
    "folder_problems",
]
