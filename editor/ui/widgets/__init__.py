"""Small reusable widgets: the flow layout, token list, diff view, read-only table, theme."""
