"""Work off the UI thread: the folder indexer, the site checker, the render service."""
