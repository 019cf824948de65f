"""Which fields posts carry: the Field/Schema model (`model`, `field_types`, `media`), the
`.post-editor.yaml` file (`schema_file`), inference from posts (`inference`), which schema a
folder follows (`source`), validation of one post (`validate`), and the CMS configs in `cms/`."""
