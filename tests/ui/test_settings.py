"""Tests for editor/ui/settings.py: every setting declared once, typed, read back as written,
and nothing else in the app reading or writing a setting by a bare key."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

import editor
from editor.ui import settings as declared
from editor.ui.settings import (
    ALL,
    GEOMETRY,
    PROBLEMS_DOCK,
    RECENT_FOLDERS,
    REMOTE_IMAGES,
    SPELL_CHECK,
    THEME,
    ZOOM,
    Setting,
    Settings,
)

# A value of each type other than the default, to write and read back.
OTHER = {bool: None, int: 3, str: "Serif,14,-1,5,400", bytes: b"\x00\x01 geo\xff", list: None}


def _store(path: Path) -> Settings:
    return Settings(QSettings(str(path), QSettings.Format.IniFormat))


def _other(setting: Setting) -> object:
    if setting.type is bool:
        return not setting.default
    if setting.type is list:
        return ["/one/folder"]  # one item: INI gives it back as a plain string
    if setting.choices:
        return next(c for c in setting.choices if c != setting.default)
    return OTHER[setting.type]


def test_every_setting_is_declared_once_with_a_default_of_its_type():
    module_settings = [v for v in vars(declared).values() if isinstance(v, Setting)]
    assert sorted(s.key for s in module_settings) == sorted(s.key for s in ALL)
    assert len({s.key for s in ALL}) == len(ALL)
    for setting in ALL:
        assert type(setting.default) is setting.type, setting.key
        assert setting.doc, setting.key
        assert setting.from_stored(setting.to_stored(setting.default)) == setting.default
        if setting.choices:
            assert setting.default in setting.choices
        if setting.bounds:
            assert setting.bounds[0] <= setting.default <= setting.bounds[1]


@pytest.mark.parametrize("setting", ALL, ids=[s.key for s in ALL])
def test_a_value_written_reads_back_the_same_from_the_file(tmp_path, setting):
    path = tmp_path / "settings.ini"
    writer = _store(path)
    assert writer.get(setting) == setting.default  # never set
    value = _other(setting)
    writer.set(setting, value)
    assert writer.get(setting) == value
    writer.sync()
    assert _store(path).get(setting) == value  # from the file: strings, as INI keeps them


def test_an_empty_list_and_several_items_read_back(tmp_path):
    path = tmp_path / "settings.ini"
    for value in ([], ["/a", "/b, with a comma"]):
        writer = _store(path)
        writer.set(RECENT_FOLDERS, value)
        writer.sync()
        assert _store(path).get(RECENT_FOLDERS) == value


def test_values_edited_by_hand_read_as_meant_or_as_the_default(tmp_path):
    path = tmp_path / "settings.ini"
    path.write_text(
        "[General]\n"
        "spellCheck=false\n"
        "remoteImages=True\n"
        "problemsDock=1\n"
        "zoom=99\n"
        "theme=purple\n"
        "geometry=not bytes\n"
    )
    settings = _store(path)
    assert settings.get(SPELL_CHECK) is False
    assert settings.get(REMOTE_IMAGES) is True
    assert settings.get(PROBLEMS_DOCK) is True
    assert settings.get(ZOOM) == 12  # the most allowed
    assert settings.get(THEME) == "system"  # no such theme
    assert settings.get(GEOMETRY) == b""
    path.write_text("[General]\nzoom=big\nspellCheck=maybe\n")
    settings = _store(path)
    assert (settings.get(ZOOM), settings.get(SPELL_CHECK)) == (0, True)


def test_a_value_of_the_wrong_type_is_refused(tmp_path):
    settings = _store(tmp_path / "settings.ini")
    with pytest.raises(TypeError):
        settings.set(ZOOM, True)  # a bool is no zoom step
    with pytest.raises(TypeError):
        settings.set(RECENT_FOLDERS, [Path("/a")])
    with pytest.raises(ValueError):
        settings.set(THEME, "purple")
    assert (settings.get(ZOOM), settings.get(THEME)) == (0, "system")
    settings.set(ZOOM, -100)
    assert settings.get(ZOOM) == -6  # kept within bounds


def test_no_other_module_reads_or_writes_a_setting_by_its_key():
    root = Path(editor.__file__).parent
    bare = re.compile(r"""(?:settings|store)\.(?:value|setValue)\(|in \(True, "true"\)""")
    offenders = [
        f"{path.relative_to(root)}:{number}"
        for path in sorted(root.rglob("*.py"))
        if path.name != "settings.py"
        for number, line in enumerate(path.read_text().splitlines(), 1)
        if bare.search(line)
    ]
    assert offenders == []
