"""The preview shows a site's own syntax as the site will: in a Hugo site, a figure shortcode
as a figure and a theme's shortcode as a labelled box; in an Astro .mdx post, a component as
a box with its attributes and the import line hidden. Never the raw braces."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QTextDocument

from editor.ui.jobs.render_service import RenderService
from editor.ui.shell.main_window import MainWindow
from editor.ui.tab.document_tab import DocumentTab

HUGO_POST = """---
title: Shortcodes
date: 2026-01-05
---
A list nested by two spaces:
- Fruit
  - Apple

{{< figure src="photo.png" caption="A figure shortcode" >}}

{{< gh-issue 1234 >}}

- [x] a done task
- [ ] an open one
"""
MDX_POST = """---
title: Components
description: A component
pubDate: 'Jan 05 2026'
---
import Badge from '../../components/Badge.astro';

<Badge text="New" />
"""


def _preview(qtbot, settings, prompter, root: Path, post: Path) -> QTextDocument:
    window = MainWindow(settings, RenderService(use_process=False), prompter)
    qtbot.addWidget(window, before_close_func=lambda _: setattr(prompter, "unattended", True))
    window.show()
    with qtbot.waitSignal(window.folderLoaded, timeout=10_000):
        window.open_folder(root)
    tab: DocumentTab | None = window.open_post(post)
    assert tab is not None
    qtbot.waitUntil(lambda: tab.preview_ready, timeout=5000)
    return tab.preview.document()


def test_a_hugo_post_shows_its_shortcodes_not_their_braces(qtbot, settings, prompter, tmp_path):
    (tmp_path / "hugo.toml").write_text('title = "Site"\n', encoding="utf-8")
    post = tmp_path / "content" / "posts" / "shortcodes.md"
    post.parent.mkdir(parents=True)
    post.write_text(HUGO_POST, encoding="utf-8")
    document = _preview(qtbot, settings, prompter, tmp_path, post)
    shown = document.toPlainText()
    assert "A figure shortcode" in shown
    assert "gh-issue" in shown and "1234" in shown  # the theme's shortcode, labelled
    assert "{{<" not in shown and ">}}" not in shown
    # Qt has no <figure>: the picture must not be glued into the list item above it.
    picture = document.find("\ufffc")
    assert not picture.isNull() and picture.block().textList() is None
    assert "☑ a done task" in shown and "☐ an open one" in shown  # Qt draws no checkboxes


def test_an_mdx_post_shows_its_component_and_hides_its_import(qtbot, settings, prompter, tmp_path):
    (tmp_path / "astro.config.mjs").write_text("export default {};\n", encoding="utf-8")
    (tmp_path / "package.json").write_text('{"dependencies": {"astro": "5"}}\n', "utf-8")
    post = tmp_path / "src" / "content" / "blog" / "components.mdx"
    post.parent.mkdir(parents=True)
    post.write_text(MDX_POST, encoding="utf-8")
    shown = _preview(qtbot, settings, prompter, tmp_path, post).toPlainText()
    assert "Badge" in shown and "New" in shown
    assert "import Badge" not in shown and "<Badge" not in shown
