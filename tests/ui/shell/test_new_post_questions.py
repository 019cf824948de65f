"""File > New Post at a site root (issue 16): the writer picks the collection, the post opens
unsaved in a tab, closing it untouched leaves no file, saving writes it where that collection's
posts live, shaped like them."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QComboBox, QInputDialog

from editor.core.document import Post
from editor.ui.jobs.render_service import RenderService
from editor.ui.shell.dialog_prompter import DialogPrompter
from editor.ui.shell.main_window import MainWindow

HUGO_SITE = {
    "hugo.toml": 'title = "A site"\nbaseURL = "https://example.org/"\n',
    "content/posts/first/index.md": (
        '+++\ntitle = "First"\ndate = 2025-01-29T18:15:32+05:30\ndraft = false\n'
        'tags = ["a"]\n+++\nText.\n'
    ),
    "content/posts/second/index.md": (
        '+++\ntitle = "Second"\ndate = 2025-02-01T08:00:00+05:30\ndraft = false\n'
        'tags = ["b"]\n+++\nText.\n'
    ),
    "content/docs/intro.md": "---\ntitle: Intro\n---\nDocs.\n",
}


@pytest.fixture
def site(tmp_path: Path) -> Path:
    root = tmp_path / "site"
    for rel, text in HUGO_SITE.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    return root


@pytest.fixture
def site_window(qtbot, settings, prompter, site, recovery, dictionary) -> MainWindow:
    win = MainWindow(settings, RenderService(use_process=False), prompter, recovery, dictionary)
    qtbot.addWidget(win, before_close_func=lambda _: setattr(prompter, "unattended", True))
    win.show()
    with qtbot.waitSignal(win.folderLoaded, timeout=10_000):
        win.open_folder(site)
    return win


def files(root: Path) -> list[str]:
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*"))


def test_new_post_at_a_site_root_asks_the_collection_posts_first(site_window, prompter, site):
    before = files(site)
    prompter.answer("choose", "posts (content/posts/)")
    prompter.answer("ask_text", "Привет мир")
    tab = site_window.new_post()
    assert prompter.asked[0].kind == "choose"
    assert prompter.asked[0].text.splitlines() == [
        "posts (content/posts/)",
        "docs (content/docs/)",
        "pages (content/)",
    ]
    path = site / "content/posts/привет-мир/index.md"  # a bundle, as its posts; Hugo's letters
    assert tab is not None and tab.post.path == path
    assert not tab.modified
    assert files(site) == before  # nothing written yet
    assert site_window.save_current()
    post = Post.read(path)
    assert post.kind == "toml"
    assert list(post.values) == ["title", "date", "draft", "tags"]
    assert post.values["draft"] is True and post.values["tags"] == []
    assert post.text.startswith('+++\ntitle = "Привет мир"\ndate = 20')


def test_a_new_post_closed_untouched_leaves_no_file_nor_folder(site_window, prompter, site):
    before = files(site)
    prompter.answer("choose", "docs (content/docs/)")
    prompter.answer("ask_text", "How to")
    tab = site_window.new_post()
    assert tab is not None and tab.post.path == site / "content/docs/how-to.md"
    site_window.close_current()
    assert site_window.tabs.count() == 0
    assert "save_changes" not in prompter.kinds()
    assert files(site) == before


def test_choosing_no_collection_makes_no_post(site_window, prompter, site):
    prompter.answer("choose", None)
    assert site_window.new_post() is None
    assert "ask_text" not in prompter.kinds()


def test_the_dialog_chooser_answers_the_option_picked(qtbot):
    """The window's own chooser: a combo of the options, the first offered first."""
    prompter = DialogPrompter(None)  # type: ignore[arg-type]
    picked: list[str] = []

    def pick() -> None:
        dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QInputDialog))
        combo = dialog.findChild(QComboBox)
        picked.append(combo.currentText())
        combo.setCurrentIndex(1)
        dialog.accept()

    QTimer.singleShot(0, pick)
    assert prompter.choose("New post", "Collection:", ["posts", "docs"]) == 1
    assert picked == ["posts"]
