"""The content folder in git: status, history, commits, pull and push, and conflicts, through
the git command line."""
