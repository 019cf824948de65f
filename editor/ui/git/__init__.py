"""The folder's git repository in the window: status per post, history, commit, pull and push,
resolving a conflict.
Everything git does runs off the UI thread through the one Job mechanism; the core
(`editor.core.git`) does the work."""
