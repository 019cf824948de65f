"""Where an open post sits in its site, and what its generator says of it: the values the build
gives it that it does not write, the rule it is judged by (the index's: `core.folder.judge`),
its publishing status and its language, and those said in a line for the writer."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import PurePosixPath

from PySide6.QtWidgets import QLabel

from editor.core.folder import Judged, applied_schema, judge
from editor.core.schema import Facts, Schema, SchemaSource
from editor.core.site.generators import Generator, Inherited, Placement, Status
from editor.ui.spelling.spelling_menu import language_name

_STATUS_WORDS = {"published": "Published", "draft": "Draft", "expired": "Expired"}


@dataclass(frozen=True)
class SitePlace:
    """A post at `rel` (relative to the site root) placed at `place` by `generator`."""

    generator: Generator
    rel: PurePosixPath
    place: Placement
    source: SchemaSource  # the schema of the post's collection, and where it came from

    def schema(self) -> Schema:
        """The schema the post is judged and shown by: its collection's, as the index
        applies it (a page asks for no title or date)."""
        return applied_schema(self.generator, self.place, self.source)

    def inherited(self) -> Mapping[str, Inherited]:
        """What the build gives the post that it does not write, by key."""
        return self.generator.inherited(self.rel, self.place)

    def judge(self, facts: Facts) -> Judged:
        """The post's problems as the index finds them."""
        return judge(self.generator, self.rel, self.place, facts, self.source)

    def status(self, values: Mapping[str, object], today: dt.date) -> Status:
        """What the build does with the post today."""
        return self.generator.status(self.rel, self.place, values, today)

    def language(self, values: Mapping[str, object]) -> str | None:
        """The post's language, as its generator reads it (None: the site says none)."""
        return self.generator.language(self.rel, values)

    def describe(self, values: Mapping[str, object], today: dt.date) -> str:
        """ "Scheduled for 2027-01-02 · posts · French", "Draft page · pages"."""
        status = self.status(values, today)
        words = _STATUS_WORDS.get(status, "Scheduled")
        if status == "scheduled":
            date = self.generator.date(self.rel, values)
            day = date.date() if isinstance(date, dt.datetime) else date
            if day is not None and day > today:
                words = f"Scheduled for {day.isoformat()}"
        if self.place.kind == "page":
            words += " page"
        parts = [words]
        if self.place.collection is not None:
            parts.append(self.place.collection.name)
        if language := self.language(values):
            parts.append(language_name(language))
        return " · ".join(parts)


def status_label(site: SitePlace | None) -> QLabel:
    """The line above the form that says the post's status (`SitePlace.describe`); hidden
    for a post outside the open folder's site."""
    label = QLabel(objectName="postStatus")
    if site is None:
        label.hide()  # (not setVisible(True) before it has a parent: a window of its own)
    else:
        label.setToolTip(
            f"What {site.generator.label} does with this post today, its collection "
            "and its language"
        )
    return label
