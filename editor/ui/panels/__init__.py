"""The folder's panels and docks: the post list, Problems, Tags & Categories, the outline."""
