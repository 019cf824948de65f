"""A dock on its own, in a plain QMainWindow: its View action, its close button and focus mode
keep the tick and the remembered setting in agreement, and a hidden dock does no work."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMainWindow

from editor.ui.panels.docks import ToggledDock
from editor.ui.settings import OUTLINE_DOCK, Settings


class CountingDock(ToggledDock):
    """Counts how often it was asked to bring itself up to date."""

    def __init__(self, settings: Settings) -> None:
        super().__init__("Outline", "outline", settings, OUTLINE_DOCK)
        self.refreshed = 0

    def refresh(self) -> None:
        self.refreshed += 1


@pytest.fixture
def store(settings: QSettings) -> Settings:
    return Settings(settings)


@pytest.fixture
def host(qtbot) -> QMainWindow:
    window = QMainWindow()
    qtbot.addWidget(window)
    return window


def add(host: QMainWindow, dock: ToggledDock) -> ToggledDock:
    host.addDockWidget(dock.area, dock)
    host.show()
    dock.restore()
    return dock


def test_the_dock_s_own_action_shows_and_hides_it_and_is_remembered(host, store):
    dock = add(host, CountingDock(store))
    action = dock.toggle_action
    assert action.isCheckable() and not action.isChecked() and dock.isHidden()
    action.trigger()
    assert dock.isVisible() and action.isChecked() and store.get(OUTLINE_DOCK)
    action.trigger()
    assert dock.isHidden() and not action.isChecked() and not store.get(OUTLINE_DOCK)


def test_its_close_button_unticks_the_action_and_forgets_it(host, store):
    dock = add(host, CountingDock(store))
    dock.toggle_action.trigger()
    dock.close()
    assert not dock.toggle_action.isChecked() and not store.get(OUTLINE_DOCK)


def test_focus_mode_hides_it_for_a_while_and_keeps_the_tick(host, store):
    dock = add(host, CountingDock(store))
    dock.toggle_action.trigger()
    dock.set_focus_mode(True)
    assert dock.isHidden() and dock.toggle_action.isChecked() and store.get(OUTLINE_DOCK)
    dock.set_focus_mode(False)
    assert dock.isVisible() and dock.toggle_action.isChecked()


def test_it_comes_back_as_it_was_and_ticks_itself(host, store):
    store.set(OUTLINE_DOCK, True)
    dock = add(host, CountingDock(store))
    assert dock.isVisible() and dock.toggle_action.isChecked()


def test_a_hidden_dock_refreshes_only_once_it_is_shown(host, store):
    dock = add(host, CountingDock(store))
    dock.request_refresh()
    dock.request_refresh()
    assert dock.refreshed == 0
    dock.toggle_action.trigger()
    assert dock.refreshed == 1
    dock.request_refresh()
    assert dock.refreshed == 2
