"""Folder-wide checks: what no single post shows, or what only the site around it can tell."""
