"""File > Export as HTML… and File > Open in Browser (editor/ui/safety/export_actions.py), through
the
window's actions, on real files.

The save dialog is Qt's, answered by replacing `QFileDialog.getSaveFileName` for the test; the
browser is a URL handler for "file" that keeps the URLs it is given, so no browser starts.
"""

from __future__ import annotations

import base64
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog

from editor.core.site.render import default_css
from editor.ui.jobs.render_service import RenderService
from editor.ui.settings import EXPORT_FOLDER
from editor.ui.shell.main_window import MainWindow
from tests.users import as_nobody, open_folder

SECOND = "glaciers-in-retreat.md"
PICTURE = b"\x89PNG\r\n\x1a\n glacier picture \x00\xff"


class SaveDialog:
    """Stands in for the save dialog: answers each call with the next path, keeps the
    starting paths it was given."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, *answers: Path | None) -> None:
        self.answers = list(answers)
        self.started_at: list[str] = []
        monkeypatch.setattr(QFileDialog, "getSaveFileName", self)

    def __call__(self, parent: object, caption: str, start: str, filters: str) -> tuple[str, str]:
        self.started_at.append(start)
        answer = self.answers.pop(0)
        return (str(answer) if answer else "", filters)


class Browser(QObject):
    """The system's browser, as far as QDesktopServices can tell."""

    def __init__(self) -> None:
        super().__init__()
        self.opened: list[QUrl] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.opened.append(url)


@pytest.fixture
def browser():
    handler = Browser()
    QDesktopServices.setUrlHandler("file", handler, "open")
    yield handler
    QDesktopServices.unsetUrlHandler("file")


@pytest.fixture
def edited(qtbot, window, open_tab, folder, put_cursor):
    """The second post open, a picture beside it added to its text and its title changed,
    neither saved."""
    (folder / "images").mkdir()
    (folder / "images" / "ice.png").write_bytes(PICTURE)
    tab = open_tab(SECOND)
    put_cursor(tab.editor, 0)
    for line in ("", "![The ice](images/ice.png)", "", "Typed, not saved."):
        qtbot.keyClick(tab.editor, Qt.Key.Key_Return)
        qtbot.keyClicks(tab.editor, line)
    title = tab.form.editors["title"].edit
    title.setFocus()
    title.end(False)
    qtbot.keyClicks(title, " & <fast>")
    assert tab.modified
    return tab


def test_export_writes_the_page_of_the_unsaved_text(
    window, edited, folder, tmp_path, monkeypatch, prompter
):
    target = tmp_path / "exports" / "glaciers.html"
    target.parent.mkdir()
    dialog = SaveDialog(monkeypatch, target)
    window.actions_by_name["export_html"].trigger()
    page = target.read_text(encoding="utf-8")
    assert page.startswith(
        '<!DOCTYPE html>\n<html><head><meta http-equiv="Content-Security-Policy" content='
        "\"default-src 'none'; img-src data: file:; style-src 'unsafe-inline'; base-uri 'none';"
        ' form-action \'none\'" /><meta charset="utf-8" />'
    )
    assert "<title>Glaciers in retreat &amp; &lt;fast&gt;</title>" in page
    assert default_css() in page and "@media (prefers-color-scheme: dark)" in page
    assert "<p>Measurements from three valleys.</p>" in page
    assert "<p>Typed, not saved.</p>" in page
    assert f'src="data:image/png;base64,{base64.b64encode(PICTURE).decode()}"' in page
    assert "images/ice.png" not in page  # nothing left that only works beside the post
    assert prompter.asked == []
    assert edited.modified  # exporting is not saving
    assert (folder / SECOND).read_text().count("Typed") == 0
    assert dialog.started_at == [str(Path.home() / "glaciers-in-retreat-fast.html")]
    assert window.statusBar().currentMessage() == f"Exported to {target}"


def test_the_next_export_starts_in_the_last_export_folder(window, edited, tmp_path, monkeypatch):
    first = tmp_path / "exports" / "one"  # no extension given: .html is added
    first.parent.mkdir()
    dialog = SaveDialog(monkeypatch, first, None)
    window.actions_by_name["export_html"].trigger()
    assert (tmp_path / "exports" / "one.html").is_file()
    assert window.settings.get(EXPORT_FOLDER) == str(first.parent)
    window.actions_by_name["export_html"].trigger()  # cancelled this time
    assert dialog.started_at[1] == str(first.parent / "glaciers-in-retreat-fast.html")
    assert sorted(p.name for p in first.parent.iterdir()) == ["one.html"]


def test_an_export_to_a_read_only_folder_writes_nothing_and_says_why(
    qtbot, window, posts, monkeypatch, prompter
):
    # Outside pytest's own temp folder, which only root may enter: the export runs as
    # `nobody` when the tests run as root, who may write anywhere.
    with open_folder() as shared:
        post = shared / SECOND
        post.write_text(posts[SECOND])
        tab = window.open_post(post)
        qtbot.keyClicks(tab.editor, "Typed, not saved.")
        locked = shared / "locked"
        locked.mkdir()
        locked.chmod(0o555)
        SaveDialog(monkeypatch, locked / "page.html")
        with as_nobody():
            window.actions_by_name["export_html"].trigger()
        assert list(locked.iterdir()) == []  # no page, no temp file
        assert [(q.kind, q.title) for q in prompter.asked] == [
            ("inform", "Could not export the post")
        ]
        assert "permission denied" in prompter.asked[0].text
        assert str(locked / "page.html") in prompter.asked[0].text
        assert window.settings.get(EXPORT_FOLDER) == ""
        assert tab.editor.toPlainText().startswith("Typed, not saved.")


def test_an_export_to_a_folder_that_is_gone_says_so(
    window, edited, tmp_path, monkeypatch, prompter
):
    SaveDialog(monkeypatch, tmp_path / "gone" / "page.html")
    window.actions_by_name["export_html"].trigger()
    assert not (tmp_path / "gone").exists()
    assert [q.kind for q in prompter.asked] == ["inform"]
    assert "the folder no longer exists" in prompter.asked[0].text


def test_open_in_browser_shows_the_current_text_from_the_cache(
    qtbot, window, edited, tmp_path, browser
):
    window.exporter.cache_folder = tmp_path / "cache" / "preview"
    window.actions_by_name["open_browser"].trigger()
    assert len(browser.opened) == 1
    shown = Path(browser.opened[0].toLocalFile())
    assert shown.parent == tmp_path / "cache" / "preview"
    assert shown.name.startswith("glaciers-in-retreat-") and shown.suffix == ".html"
    page = shown.read_text(encoding="utf-8")
    assert "<p>Typed, not saved.</p>" in page and "data:image/png;base64," in page

    qtbot.keyClicks(edited.editor, " And more.")
    window.actions_by_name["open_browser"].trigger()
    assert [Path(url.toLocalFile()) for url in browser.opened] == [shown, shown]
    assert "Typed, not saved. And more.</p>" in shown.read_text(encoding="utf-8")
    assert list(shown.parent.iterdir()) == [shown]  # one file per post, overwritten


def test_two_posts_get_two_pages_in_the_cache(window, open_tab, tmp_path, browser):
    window.exporter.cache_folder = tmp_path / "cache"
    open_tab(SECOND)
    window.actions_by_name["open_browser"].trigger()
    open_tab("robots-read-the-scans.md")
    window.actions_by_name["open_browser"].trigger()
    pages = {Path(url.toLocalFile()) for url in browser.opened}
    assert len(pages) == 2 and all(page.is_file() for page in pages)


def test_without_a_post_open_nothing_is_written_or_asked(window, tmp_path, browser, prompter):
    window.exporter.cache_folder = tmp_path / "cache"
    window.actions_by_name["open_browser"].trigger()
    window.actions_by_name["export_html"].trigger()  # no dialog: it would fail the test
    assert browser.opened == [] and prompter.asked == []
    assert not (tmp_path / "cache").exists()


def test_a_name_typed_without_html_never_replaces_a_page_unasked(
    window, edited, tmp_path, monkeypatch, prompter
):
    mine = tmp_path / "notes.html"
    mine.write_text("MY OWN PAGE")
    SaveDialog(monkeypatch, tmp_path / "notes", tmp_path / "notes")
    prompter.answer("confirm", False)
    window.actions_by_name["export_html"].trigger()
    assert mine.read_text() == "MY OWN PAGE"
    assert prompter.kinds() == ["confirm"]
    prompter.answer("confirm", True)
    window.actions_by_name["export_html"].trigger()
    assert "Typed, not saved." in mine.read_text(encoding="utf-8")


def test_an_exported_page_runs_no_script_and_fetches_only_when_remote_images_are_on(
    qtbot, window, open_tab, tmp_path, monkeypatch, put_cursor
):
    """Issue 13, point 14: the body's script, handler and `javascript:` link are gone; the
    remote cover is fetched only once the writer turns View > Remote Images on."""
    tab = open_tab("robots-read-the-scans.md")  # its cover is https://images.example.com/...
    put_cursor(tab.editor, 0)
    qtbot.keyClick(tab.editor, Qt.Key.Key_Return)
    qtbot.keyClicks(
        tab.editor,
        '<script>alert(1)</script><a href="javascript:alert(2)" onclick="alert(3)">x</a>',
    )
    first, second = tmp_path / "first.html", tmp_path / "second.html"
    SaveDialog(monkeypatch, first, second)
    window.actions_by_name["export_html"].trigger()
    page = first.read_text(encoding="utf-8")
    body = page[page.index("<body>") :]
    assert "<script" not in body and "javascript:" not in body and "onclick" not in body
    assert "<a>x</a>" in body
    assert 'src="https://images.example.com' not in body
    assert "img-src data: file:;" in page

    window.actions_by_name["remote_images"].trigger()  # the writer allows remote pictures
    window.actions_by_name["export_html"].trigger()
    page = second.read_text(encoding="utf-8")
    assert '<img src="https://images.example.com/photo-1?w=400&amp;h=200&amp;fit=crop"' in page
    assert "img-src data: file: https: http:;" in page
    assert "<script" not in page[page.index("<body>") :]


def test_a_page_is_exported_in_its_sites_markdown(qtbot, settings, prompter, tmp_path, monkeypatch):
    (tmp_path / "hugo.toml").write_text('title = "Site"\n', encoding="utf-8")
    post = tmp_path / "content" / "posts" / "figure.md"
    post.parent.mkdir(parents=True)
    text = "---\ntitle: Figure\n---\n- one\n  - nested by two\n\n{{< note >}}Careful{{< /note >}}\n"
    post.write_text(text, encoding="utf-8")
    window = MainWindow(settings, RenderService(use_process=False), prompter)
    qtbot.addWidget(window, before_close_func=lambda _: setattr(prompter, "unattended", True))
    window.show()
    with qtbot.waitSignal(window.folderLoaded, timeout=10_000):
        window.open_folder(tmp_path)
    assert window.open_post(post) is not None
    target = tmp_path / "figure.html"
    SaveDialog(monkeypatch, target)
    window.actions_by_name["export_html"].trigger()
    page = target.read_text(encoding="utf-8")
    assert "<li>nested by two</li>" in page  # CommonMark nests by two spaces
    assert "note" in page and "Careful" in page and "{{&lt;" not in page
