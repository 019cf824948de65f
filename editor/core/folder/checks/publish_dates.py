"""Publication dates that surprise: a future date on a published post, a draft without a
date."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from editor.core.folder.checks.names import date_in_name
from editor.core.folder.content_folder import IndexEntry
from editor.core.schema import DATE_KEYS, Problem, Schema


def check_dates(path: Path, entry: IndexEntry, schema: Schema, today: dt.date) -> list[Problem]:
    """A published post dated after today; a draft without a date.

    Both warnings: a future date may be a planned publication, but Hugo and Jekyll leave the
    post out of the site until that day, which surprises. A draft without a date is only
    flagged where the folder dates its posts (the schema has a date field), when the file
    name gives none (Jekyll's 2024-01-01-name.md) and when validation has not already said
    the date is missing."""
    key = next((k for k in DATE_KEYS if entry.facts.values.get(k) is not None), "date")
    line = entry.facts.line_of(key) or 1
    date = entry.date or date_in_name(entry.path)
    if date is not None and not entry.draft:
        day = date.date() if isinstance(date, dt.datetime) else date
        if day > today:
            message = (
                f"dated {day.isoformat()}, after today, but not a draft: "
                "most site generators leave it out until that day"
            )
            return [Problem(path, line, key, "warning", message)]
    told = any(p.field in DATE_KEYS for p in entry.problems)  # "Date is missing" already
    if date is None and entry.draft and schema.field("date") is not None and not told:
        message = "this draft has no date; give it one, or it will be published undated"
        return [Problem(path, line, key, "warning", message)]
    return []
