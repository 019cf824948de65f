"""One open post: the document tab, the front-matter form and its field editors, the Markdown
editor with its highlighter and find bar, and picture drops."""
