"""Spelling in the window: the shared checker, its marks and menus, and the Tools menu part."""
