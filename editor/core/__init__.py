"""The Qt-free core: read, edit, validate, index, render and save posts.

Nothing in this package imports Qt; a script or a CI job can use it as a library.
"""
