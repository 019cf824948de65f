"""Post Editor: a desktop editor for blogs kept as folders of Markdown posts."""

__version__ = "0.1.0"
