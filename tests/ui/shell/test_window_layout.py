"""The window at a small size, as a writer sees it: what takes the room, what is cut."""

from __future__ import annotations

from editor.ui.panels.index_model import HEADERS

SMALL = (1024, 640)
TITLE_AT_LEAST = 120  # px: "Robots read the…" still tells one post from another


def test_the_title_is_the_widest_column_at_1024x640_with_a_dock_open(qtbot, window):
    window.resize(*SMALL)
    window.problems.toggleViewAction().trigger()
    qtbot.waitUntil(lambda: window.problems.isVisible())
    table = window.panel.table
    header = table.horizontalHeader()

    def widths() -> dict[str, int]:
        return {
            h: header.sectionSize(n) for n, h in enumerate(HEADERS) if not table.isColumnHidden(n)
        }

    qtbot.waitUntil(lambda: max(widths(), key=widths().get) == "Title")
    assert widths()["Title"] >= TITLE_AT_LEAST
    window.panel.show_column("Path", True)
    assert "Path" in widths()
    assert max(widths(), key=widths().get) == "Title"
    assert widths()["Title"] >= TITLE_AT_LEAST
