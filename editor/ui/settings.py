"""The window's settings, declared once: each one's key, type, default and what it is for.

Every part of the window reads and writes its settings here, typed, through `Settings` (a
QSettings underneath), never with a bare key. What QSettings hands back depends on the platform
and the file: an INI file (Linux, and the tests) gives "true" and "3" for a bool and an int,
one string for a one-item list and nothing for an empty one, where a native store (macOS's)
may give the values themselves. Each type converts both ways, as qutebrowser's configtypes
do, so a value written reads back the same everywhere; a value someone edited into something
else (`zoom=big`, `theme=purple`) reads as the default, a number out of range as the nearest
allowed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QByteArray, QSettings

T = TypeVar("T")

_TRUE, _FALSE = {"true", "1", "yes", "on"}, {"false", "0", "no", "off"}


@dataclass(frozen=True)
class Setting(Generic[T]):
    """One setting: its key in the file, its type (bool, int, str, bytes, or list of str),
    its default and what it is for; `choices` (a str's allowed values) and `bounds` (an
    int's least and most) when it has them."""

    key: str
    type: type
    default: T
    doc: str
    choices: tuple[str, ...] = ()
    bounds: tuple[int, int] | None = None

    def from_stored(self, raw: object) -> T:
        """The value of what QSettings gave back; ValueError when it is not one."""
        value = _READ[self.type](raw)
        if self.choices and value not in self.choices:
            raise ValueError(f"{value!r} is not one of {self.choices}")
        if self.bounds is not None:
            value = max(self.bounds[0], min(self.bounds[1], value))
        return value  # type: ignore[no-any-return]

    def to_stored(self, value: T) -> object:
        """What QSettings keeps for `value` (an int brought within bounds); TypeError when
        `value` is not of this type, ValueError when it is not one of the choices."""
        if self.type is list:
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise TypeError(f"{self.key}: a list of str, not {value!r}")
            return list(value)
        if type(value) is not self.type:  # type(), not isinstance(): True is no int here
            raise TypeError(f"{self.key}: a {self.type.__name__}, not {value!r}")
        if self.choices and value not in self.choices:
            raise ValueError(f"{self.key}: {value!r} is not one of {self.choices}")
        if self.bounds is not None:
            return max(self.bounds[0], min(self.bounds[1], value))  # type: ignore[type-var]
        return QByteArray(value) if self.type is bytes else value


def _bool(raw: object) -> bool:
    if isinstance(raw, bool):
        return raw
    text = str(raw).strip().lower() if isinstance(raw, str | int) else None
    if text in _TRUE or text in _FALSE:
        return text in _TRUE
    raise ValueError(f"not a yes or no: {raw!r}")


def _int(raw: object) -> int:
    if isinstance(raw, bool) or not isinstance(raw, int | str | float):
        raise ValueError(f"not a whole number: {raw!r}")
    if isinstance(raw, float) and not raw.is_integer():
        raise ValueError(f"not a whole number: {raw!r}")
    return int(raw)


def _str(raw: object) -> str:
    if not isinstance(raw, str):  # an INI value with a comma, edited in, reads as a list
        raise ValueError(f"not a text: {raw!r}")
    return raw


def _bytes(raw: object) -> bytes:
    if isinstance(raw, QByteArray):
        return bytes(raw.data())
    if isinstance(raw, bytes):
        return raw
    raise ValueError(f"not bytes: {raw!r}")


def _list(raw: object) -> list[str]:
    items = raw if isinstance(raw, list) else [raw]  # INI gives one item back as a str
    if not all(isinstance(item, str) for item in items):
        raise ValueError(f"not a list of texts: {raw!r}")
    return [item for item in items if item]


_READ: dict[type, Any] = {bool: _bool, int: _int, str: _str, bytes: _bytes, list: _list}

# --- every setting ------------------------------------------------------------------------

GEOMETRY = Setting("geometry", bytes, b"", "the window's size and place (saveGeometry)")
SPLITTER = Setting("splitter", bytes, b"", "the widths of the post list and the post")
RECENT_FOLDERS: Setting[list[str]] = Setting(
    "recentFolders", list, [], "folders opened before, newest first (File > Open Recent)"
)
REVIEW_BEFORE_SAVE = Setting(
    "reviewBeforeSave", bool, False, "File > Review Changes Before Saving is ticked"
)
OUTLINE_DOCK = Setting("outline", bool, False, "the writer wants the Outline dock shown")
TAXONOMY_DOCK = Setting("taxonomyDock", bool, False, "the writer wants Tags & Categories shown")
PROBLEMS_DOCK = Setting("problemsDock", bool, False, "the writer wants the Problems dock shown")
FORM_HEIGHT = Setting(
    "formHeight",
    int,
    0,
    "the front-matter form's height the writer chose; 0: its rows'",
    bounds=(0, 4000),
)
HIDDEN_COLUMNS: Setting[list[str]] = Setting(
    "hiddenColumns", list, ["Path"], "the post list's columns hidden from its header's menu"
)
THEME = Setting(
    "theme", str, "system", "View > Theme: light, dark or the system's", ("system", "light", "dark")
)
EDITOR_FONT = Setting(
    "editorFont", str, "", "View > Editor Font, as QFont.toString(); empty: a fixed-pitch font"
)
ZOOM = Setting("zoom", int, 0, "View > Zoom: steps from the chosen font's size", bounds=(-6, 12))
REMOTE_IMAGES = Setting("remoteImages", bool, False, "View > Remote Images: web pictures shown")
SPELL_CHECK = Setting("spellCheck", bool, True, "Tools > Check Spelling is on")
SPELL_LANGUAGE = Setting(
    "spellLanguage", str, "en", "Tools > Spelling Language, for folders whose schema sets none"
)
EXPORT_FOLDER = Setting(
    "exportFolder", str, "", "where File > Export as HTML last wrote; empty: the home folder"
)

ALL: tuple[Setting[Any], ...] = (
    GEOMETRY,
    SPLITTER,
    RECENT_FOLDERS,
    REVIEW_BEFORE_SAVE,
    OUTLINE_DOCK,
    TAXONOMY_DOCK,
    PROBLEMS_DOCK,
    HIDDEN_COLUMNS,
    FORM_HEIGHT,
    THEME,
    EDITOR_FONT,
    ZOOM,
    REMOTE_IMAGES,
    SPELL_CHECK,
    SPELL_LANGUAGE,
    EXPORT_FOLDER,
)


class Settings:
    """The declared settings, typed, kept in `store` (a QSettings)."""

    def __init__(self, store: QSettings) -> None:
        self.store = store

    def get(self, setting: Setting[T]) -> T:
        """The setting's value: the default when it was never set or holds no such value."""
        raw = self.store.value(setting.key)
        if raw is None:
            return _fresh(setting.default)
        try:
            return setting.from_stored(raw)
        except ValueError:
            return _fresh(setting.default)  # edited by hand: the default, not a traceback

    def set(self, setting: Setting[T], value: T) -> None:
        """Keep `value` (TypeError when it is not of the setting's type)."""
        self.store.setValue(setting.key, setting.to_stored(value))

    def sync(self) -> None:
        """Write what was set to the file now (QSettings does it later by itself)."""
        self.store.sync()


def _fresh(default: T) -> T:
    """The default, copied when a caller could change it (a list)."""
    return list(default) if isinstance(default, list) else default  # type: ignore[return-value]
