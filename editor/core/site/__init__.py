"""The website around the posts: the site root, what it serves, media folders and picture
imports, the Markdown rendering of the preview, and HTML export."""
