"""The Qt layer: widgets that ask the core for everything about files, schema and validation."""
