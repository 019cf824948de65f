"""The live preview: the page, its piecewise building, remote pictures, and scroll sync."""
