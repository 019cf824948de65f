"""The Qt-free core: read, edit, validate, index, render and save posts.

Nothing in this package imports Qt; a script or a CI job can use it as a library. Its
packages that gather many modules (`site`, `folder`) re-export their names lazily
(`lazy_exports`, PEP 562): importing one of their modules, as a worker process does, or
asking for one name, loads only the module that holds it.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Mapping
from importlib import import_module
from types import ModuleType
from typing import Any, Generic, TypeVar, overload

_T = TypeVar("_T")


def lazy_exports(package: str, module_of: Mapping[str, str]) -> Callable[[str], object]:
    """The package's module `__getattr__`: each name in `module_of` (name → its module's
    name inside `package`) is imported from its module when first asked for."""

    def __getattr__(name: str) -> object:
        if name in module_of:
            value = getattr(import_module(f"{package}.{module_of[name]}"), name)
            # Kept on the package, so the next `storage.read_regular` is a plain lookup:
            # this function ran once per file of a scan.
            setattr(sys.modules[package], name, value)
            return value
        raise AttributeError(f"module {package!r} has no attribute {name!r}")

    return __getattr__


class _LazyModule(ModuleType):
    """A stand-in that imports its module at the first attribute asked of it, then holds
    that module's names itself, so later lookups are plain ones."""

    def __getattr__(self, name: str) -> object:
        module = import_module(self.__name__)
        self.__dict__.update(module.__dict__)
        return getattr(module, name)


def lazy_module(name: str) -> ModuleType:
    """The module `name`, imported when first used, not now: for a heavy module (PyYAML,
    and the loader built on it) that only some of a module's calls need, so that a command
    that makes none of them never loads it (the house's other pattern, for a module of our
    own: `core/folder/lazy_read.py`). Import it under `TYPE_CHECKING` too, for the types
    and for the structure's checks."""
    return _LazyModule(name)


class cached_property(Generic[_T]):  # named as functools' is: a drop-in
    """`functools.cached_property` without its lock: the value computed at the first access
    and kept in the instance's dict, where later lookups find it before this descriptor.
    Python 3.11's version takes one lock shared by every instance at each first access (a
    twentieth of reading a post's facts in a scan, and two threads reading different posts
    wait on each other); 3.12 dropped it. Two threads may both compute a value at once,
    for the immutable objects it is used on the same value."""

    def __init__(self, func: Callable[[Any], _T]) -> None:
        self.func = func
        self.__doc__ = func.__doc__
        self.name = func.__name__

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    @overload
    def __get__(self, instance: None, owner: type | None = None) -> cached_property[_T]: ...
    @overload
    def __get__(self, instance: object, owner: type | None = None) -> _T: ...
    def __get__(self, instance: object, owner: type | None = None) -> _T | cached_property[_T]:
        if instance is None:
            return self
        value = instance.__dict__[self.name] = self.func(instance)
        return value
