"""The application and its main window: the one place that wires panels and tabs together,
the action table, view controls and About. Nothing imports this package but the CLI."""
