"""Which fields posts carry: the Field/Schema model, field types, the `.post-editor.yaml`
file, inference from posts, validation of one post, and the CMS configs in `cms/`."""
