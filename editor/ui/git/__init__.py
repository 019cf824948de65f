"""The folder in git, in the window: status, history, commits, pull and push, conflicts."""
