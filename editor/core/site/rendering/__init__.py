"""Markdown → HTML, by the site's own Markdown: a `MarkdownProfile` (chosen by the site's
generator, or `.post-editor.yaml`) names the engine and its options; `commonmark` renders
CommonMark + GFM on markdown-it-py, `python_markdown` a plain folder's Python-Markdown;
`heading_ids` makes ids as each generator does, `highlight` colours code for Qt. For the
preview, both render block by block, again only what an edit changed: `block_parse` finds a
CommonMark body's blocks again after an edit, `python_markdown_blocks` cuts a Python-Markdown
body into chunks that render apart as they do together."""
