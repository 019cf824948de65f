"""What one plain front-matter value is, apart from the YAML that writes it (`yaml_emit`): the
schema asks it of every choice and default, and loads no YAML writer for that."""

from __future__ import annotations

import datetime as dt


def is_scalar(value: object) -> bool:
    """Whether a value is one plain YAML value, written as a single scalar (not a list or a
    mapping)."""
    return value is None or isinstance(value, str | int | float | bool | dt.date)
