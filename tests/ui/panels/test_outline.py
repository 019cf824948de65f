"""Tests for editor/ui/panels/outline.py: the outline, scroll sync and the preview see one set of
headings, the core grammar's, however tricky the fences and headings around them."""

from __future__ import annotations

from PySide6.QtWidgets import QTreeWidgetItem

FRONT = "---\ntitle: 'Tricky'\ndate: '2026-01-05'\n---\n"
# Lines of the editor text (front matter not shown in the editor): each heading's line is
# given by the test from the text itself.
BODY = """\
#Intro

````markdown
```python
# not a heading: inside a four-backtick fence
```
## still not one
````

~~~
# nor this
~~~

Setext title
============

> ## Quoted

#

Closing words.
"""


def _items(outline) -> list[QTreeWidgetItem]:
    out, stack = [], [outline.topLevelItem(n) for n in range(outline.topLevelItemCount())][::-1]
    while stack:
        item = stack.pop()
        out.append(item)
        stack += [item.child(n) for n in range(item.childCount())][::-1]
    return out


def _page_headings(tab) -> list[str]:
    found, block = [], tab.preview.document().begin()
    while block.isValid():
        if block.blockFormat().headingLevel() > 0:
            found.append(block.text().strip())
        block = block.next()
    return found


def test_the_outline_scroll_sync_and_the_page_agree_on_the_headings(qtbot, window, make_folder):
    root = make_folder({"tricky.md": FRONT + BODY})
    with qtbot.waitSignal(window.folderLoaded, timeout=10_000):
        window.open_folder(root)
    tab = window.open_post(root / "tricky.md")
    qtbot.waitUntil(lambda: tab.preview_ready, timeout=5000)
    window.actions_by_name["outline"].trigger()
    lines = tab.editor.toPlainText().split("\n")
    expected = [
        lines.index("#Intro"),
        lines.index("Setext title"),
        lines.index("> ## Quoted"),
        lines.index("#"),
    ]
    items = _items(window.outline)
    assert [item.text(0) for item in items] == [
        "Intro",
        "Setext title",
        "Quoted",
        "(untitled heading)",
    ]
    assert [item.data(0, 256) for item in items] == expected  # Qt.UserRole: the line
    # Scroll sync placed the same lines against the page, heading for heading; the empty
    # heading makes no block in Qt's page, so it has none to match.
    assert _page_headings(tab) == ["Tricky", "Intro", "Setext title", "Quoted"]
    assert tab.scroll_sync._headings() == expected[:-1]
    matched = tab.scroll_sync._matched_headings()
    assert [block.text() for block in matched] == ["Intro", "Setext title", "Quoted"]
