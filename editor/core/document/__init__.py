"""One post's text and its lossless edits: the Post, YAML reading, splicing and emitting,
dates, text diffs, and the Markdown line grammar every other part asks."""
