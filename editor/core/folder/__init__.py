"""A folder and the work over all its posts: the index, bulk reading, slugs and naming,
batch edits of the taxonomy, and folder-wide checks."""
