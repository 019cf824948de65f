"""Publication dates that surprise: a post the site will not publish yet although it is not a
draft (its date, or `publishDate`, is still to come), a draft without a date."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from editor.core.folder.checks.names import date_in_name
from editor.core.folder.content_folder import IndexEntry
from editor.core.schema import DATE_KEYS, Problem, Schema
from editor.core.site.generators import Status


def check_dates(
    path: Path, entry: IndexEntry, schema: Schema, today: dt.date, status: Status | None = None
) -> list[Problem]:
    """A post the generator leaves out until a date to come; a draft without a date.
    `status` is what the build does with the post on `today` (default: `entry.status`).

    Both warnings. A future date is only worth one when the build will not publish the
    post (its status is "scheduled"): a site that builds future posts (Hugo's `buildFuture`,
    Jekyll's `future`) publishes it, and the writer sees it. A draft without a date is
    flagged only where a post says it is a draft (`draft: true`, `published: false`: a
    Jekyll `_drafts` file gets its date when it moves to `_posts`), where the folder dates
    its posts (the schema has a date field), when the file name gives no date (Jekyll's
    2024-01-01-name.md) and when validation has not already said the date is missing."""
    values = entry.facts.values
    key = next((k for k in DATE_KEYS if values.get(k) is not None), "date")
    line = entry.facts.line_of(key) or 1
    date = entry.date or date_in_name(entry.path)
    if (status or entry.status) == "scheduled":
        day = date.date() if isinstance(date, dt.datetime) else date
        when = f"dated {day.isoformat()}, after today" if day and day > today else "not due yet"
        message = f"{when}, but not a draft: the site leaves it out until that day"
        return [Problem(path, line, key, "warning", message)]
    said = values.get("draft") is True or values.get("published") is False
    told = any(p.field in DATE_KEYS for p in entry.problems)  # "Date is missing" already
    if date is None and said and entry.kind == "post" and schema.field("date") and not told:
        message = "this draft has no date; give it one, or it will be published undated"
        return [Problem(path, line, key, "warning", message)]
    return []
