"""The View menu's switches on their own, over one real tab and no window: they act on the tabs
they are given, keep what is remembered in the settings, and ask by a signal for what lies
around the posts to go in focus mode."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from editor.core.document.post import Post
from editor.core.folder.content_folder import Taxonomy
from editor.core.schema.model import Schema
from editor.ui.jobs.render_service import RenderService
from editor.ui.settings import REMOTE_IMAGES, ZOOM, Settings
from editor.ui.shell.view_controls import ViewControls
from editor.ui.tab.document_tab import DocumentTab
from tests.ui.conftest import SECOND, write_post


@pytest.fixture
def store(settings: QSettings) -> Settings:
    return Settings(settings)


@pytest.fixture
def tab(qtbot, tmp_path: Path, prompter) -> Iterator[DocumentTab]:
    post = Post.read(write_post(tmp_path, "glaciers.md", SECOND))
    renders = RenderService(use_process=False)
    made = DocumentTab(post, Schema.DEFAULT, Taxonomy({}, {}), renders, prompter)
    qtbot.addWidget(made)
    made.show()
    yield made
    renders.shutdown()


@pytest.fixture
def view(store: Settings, tab: DocumentTab) -> ViewControls:
    controls = ViewControls(store, lambda: [tab])
    controls.restore()
    controls.prepare(tab)
    return controls


def test_the_switches_are_its_own_actions_ticked_as_remembered(store, tab):
    store.set(REMOTE_IMAGES, True)
    controls = ViewControls(store, lambda: [tab])
    controls.restore()
    assert controls.form_action.isChecked() and controls.preview_action.isChecked()
    assert controls.remote_images_action.isChecked() and not controls.focus_action.isChecked()
    controls.prepare(tab)
    assert tab.preview.remote_images


def test_the_form_and_preview_switches_reach_the_tabs(view, tab):
    view.form_action.trigger()
    assert not tab.form_toggle.isChecked() and not tab.form_area.isVisible()
    view.preview_action.trigger()
    assert not tab.preview.isVisible()
    view.form_action.trigger()
    view.preview_action.trigger()
    assert tab.form_area.isVisible() and tab.preview.isVisible()


def test_remote_images_are_remembered_and_reach_the_tabs(view, tab, store):
    view.remote_images_action.trigger()
    assert store.get(REMOTE_IMAGES) and tab.preview.remote_images


def test_focus_mode_asks_by_a_signal_and_leaves_the_editor_alone(qtbot, view, tab):
    with qtbot.waitSignal(view.focusModeChanged) as asked:
        view.focus_action.trigger()
    assert asked.args == [True]
    assert not tab.form_area.isVisible() and not tab.preview.isVisible()
    with qtbot.waitSignal(view.focusModeChanged) as asked:
        view.focus_action.trigger()
    assert asked.args == [False]
    assert tab.form_area.isVisible() and tab.preview.isVisible()


def test_zoom_is_remembered_and_grows_the_editor(view, tab, store):
    size = tab.editor.font().pointSizeF()
    view.zoom_in()
    assert tab.editor.font().pointSizeF() == size + 1 and store.get(ZOOM) == 1
    view.zoom_reset()
    assert tab.editor.font().pointSizeF() == size and store.get(ZOOM) == 0
