"""Dates as writers' files spell them: read any common spelling, write a new value the same way.

One regular expression reads every supported spelling; `DateFormat` remembers which one a file
used, so a changed date keeps its look (`2019-03-04 10:21:00 +0100` stays Jekyll-style,
`Jul 15 2022` stays Astro-style). The spellings read:

    2026-01-24                   ISO date (PyYAML also gives `date`/`datetime` objects)
    2021-05-01T09:00:00Z         ISO date-time: `T` or space, seconds and fraction optional,
    2020-03-16T05:35:07.322Z     zone `Z`, `+02:00`, `+0200`, `+02` or none,
    2019-03-04 10:21:00 +0100    with or without a space before it (Jekyll)
    2024-04-04 12:30
    2013-11-22 5:00:00 +0000     a one-digit hour (Jekyll reads it, by Ruby's Time.parse)
    01/18/2026, 1/18/2026        US month/day/year
    Jul 15 2022, July 15, 2022   English month names (Astro), comma optional

Any of the last three may carry the same time part. Month names are a fixed English table,
never the C locale's, because Qt sets the process locale and `strftime('%b')` would follow it.

Contract: for every spelling `s` that `parse_date` accepts and `DateFormat.detect` recognises,
`DateFormat.detect(s).format(parse_date(s)) == s`. (Two lossy corners: fractions longer than six
digits keep only microseconds, and `-00:00` is written `+00:00`.)
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import ClassVar

from editor.core.errors import PostError, quoted

# The keys a post's date stands under: `date`, and those site generators and CMSs name it
# (Astro's pubDate, a CMS's publishDate...); the aliases of the schema's date field.
DATE_KEYS = ("date", "pubDate", "publishDate", "publishedAt")

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")  # fmt: skip
_MONTH_NUMBER = {name: i for i, full in enumerate(MONTHS, 1) for name in (full, full[:3])}

# The date part: ISO (ymd), US (mdy: 01/18/2026) or a month name (bdy: Jul 15 2022, July 15, 2022).
_DATE = (
    r"(?:(?P<Y>\d{4})-(?P<m>\d\d)-(?P<d>\d\d)"
    r"|(?P<us_m>\d\d?)/(?P<us_d>\d\d?)/(?P<us_Y>\d{4})"
    r"|(?P<b>[A-Z][a-z]{2,8}) (?P<b_d>\d\d?)(?P<comma>,?) (?P<b_Y>\d{4}))"
)
_TIME = (
    r"(?:(?P<sep>[T ])(?P<H>\d\d?):(?P<M>\d\d)(?::(?P<S>\d\d)(?:\.(?P<f>\d{1,9}))?)?"
    r"(?:(?P<zsep> ?)(?P<z>Z|[+-]\d\d(?::?\d\d)?))?)?"
)
_SPELLING = re.compile(_DATE + _TIME)

# Zone spellings: how each is recognised and how an offset (in minutes) is written back.
_ZONES = {
    "Z": lambda minutes: "Z" if minutes == 0 else _ZONES["+HH:MM"](minutes),
    "+HH:MM": lambda minutes: f"{_sign(minutes)}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}",
    "+HHMM": lambda minutes: f"{_sign(minutes)}{abs(minutes) // 60:02d}{abs(minutes) % 60:02d}",
    "+HH": lambda minutes: (
        f"{_sign(minutes)}{abs(minutes) // 60:02d}"
        if minutes % 60 == 0
        else _ZONES["+HHMM"](minutes)
    ),
}


def _sign(minutes: int) -> str:
    return "-" if minutes < 0 else "+"


def _zone_style(zone: str) -> str:
    if zone == "Z":
        return "Z"
    return {3: "+HH", 5: "+HHMM", 6: "+HH:MM"}[len(zone)]


def _zone_minutes(zone: str) -> int:
    if zone == "Z":
        return 0
    digits = zone[1:].replace(":", "")
    minutes = int(digits[:2]) * 60 + int(digits[2:] or 0)
    return -minutes if zone[0] == "-" else minutes


def _not_a_date(value: object) -> PostError:
    shown = quoted(value) if isinstance(value, str) else repr(value)
    return PostError(f"{shown} is not a date (write it like 2026-01-24)")


def parse_date(value: object) -> dt.date | dt.datetime:
    """A date (no time given) or a datetime (time given; aware when a zone is given).

    Accepts `date`/`datetime` objects as PyYAML gives them, and the strings in the module
    docstring. Raises `PostError` with a message a writer understands for anything else.
    """
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str) or (found := _read_date(value)) is None:
        raise _not_a_date(value)
    return found


# A folder's scan reads each post's date more than once (its check, its place in the list, a
# generator's reading of it): again from here. Room for a large site's dates, each post with
# its own time of day (5,300 on ruby-lang.org). Dates, datetimes and timezones are immutable.
@lru_cache(maxsize=16384)
def _read_date(text: str) -> dt.date | dt.datetime | None:
    """The date `text` spells, or None."""
    if not (match := _SPELLING.fullmatch(text.strip())):
        return None
    g = match.groupdict()
    try:
        if g["Y"]:
            day = dt.date(int(g["Y"]), int(g["m"]), int(g["d"]))
        elif g["us_Y"]:
            day = dt.date(int(g["us_Y"]), int(g["us_m"]), int(g["us_d"]))
        else:
            day = dt.date(int(g["b_Y"]), _MONTH_NUMBER[g["b"]], int(g["b_d"]))
        if not g["H"]:
            return day
        zone = dt.timezone(dt.timedelta(minutes=_zone_minutes(g["z"]))) if g["z"] else None
        micro = int((g["f"] or "0")[:6].ljust(6, "0"))
        clock = dt.time(int(g["H"]), int(g["M"]), int(g["S"] or 0), micro, tzinfo=zone)
        return dt.datetime.combine(day, clock)
    except (ValueError, KeyError):
        return None


@dataclass(frozen=True)
class DateFormat:
    """One way of spelling a date, detected from a file and used to write a new value like it."""

    order: str = "ymd"  # ymd 2026-01-24 | mdy 01/18/2026 | bdy Jul 15 2022 | Bdy July 15 2022
    pad: bool = True  # month and day numbers zero-padded (mdy, bdy, Bdy)
    comma: bool = False  # "Jul 15, 2022"
    time: str = ""  # "" date only | "hm" 10:21 | "hms" 10:21:00
    sep: str = "T"  # between date and time
    fraction: int = 0  # digits after the seconds
    zone: str = ""  # "" none | "Z" | "+HH:MM" | "+HHMM" | "+HH"
    zone_sep: str = ""  # " " in Jekyll's "10:21:00 +0100"
    pad_hour: bool = True  # False: "5:00:00", as Jekyll posts may write it
    offset: int = 0  # minutes east of UTC, given to a naive value written with a zone

    ISO_DATE: ClassVar[DateFormat]

    @property
    def has_time(self) -> bool:
        """Whether this spelling carries a time of day."""
        return bool(self.time)

    @classmethod
    def detect(cls, text: str) -> DateFormat | None:
        """The format of `text`, or None when it is not a date spelling we can write back."""
        match = _SPELLING.fullmatch(text.strip())
        if not match:
            return None
        try:
            parse_date(text)
        except PostError:
            return None  # the right shape but no such day, like 2026-02-30
        g = match.groupdict()
        numbers = [g["us_m"], g["us_d"]] if g["us_m"] else [g["b_d"]] if g["b"] else []
        pad = all(len(n) == 2 for n in numbers)
        if not pad and any(n.startswith("0") for n in numbers):
            return None  # mixed padding such as 1/05/2026: no single pattern writes it back
        fmt = cls(
            order="ymd" if g["Y"] else "mdy" if g["us_m"] else "Bdy" if len(g["b"]) > 3 else "bdy",
            pad=pad,
            comma=bool(g["comma"]),
        )
        if g["H"]:
            fmt = replace(
                fmt,
                time="hms" if g["S"] else "hm",
                sep=g["sep"],
                fraction=len(g["f"] or ""),
                pad_hour=len(g["H"]) == 2,
            )
        if g["z"]:
            zone = _zone_style(g["z"])
            fmt = replace(fmt, zone=zone, zone_sep=g["zsep"], offset=_zone_minutes(g["z"]))
        return fmt

    def format(self, value: dt.date) -> str:
        """`value` spelled in this format: a date gets midnight, a datetime loses its time
        when the format has none; a naive value gets this format's zone offset."""
        text = self._date_text(value)
        if not self.time:
            return text
        if not isinstance(value, dt.datetime):
            value = dt.datetime.combine(value, dt.time())
        hour = f"{value.hour:02d}" if self.pad_hour else str(value.hour)
        text += f"{self.sep}{hour}:{value.minute:02d}"
        if self.time == "hms":
            text += f":{value.second:02d}"
            if self.fraction:
                text += "." + f"{value.microsecond:06d}"[: self.fraction].ljust(self.fraction, "0")
        if self.zone:
            offset = value.utcoffset()
            minutes = self.offset if offset is None else int(offset.total_seconds()) // 60
            text += self.zone_sep + _ZONES[self.zone](minutes)
        return text

    def _date_text(self, value: dt.date) -> str:
        if self.order == "ymd":
            return f"{value.year:04d}-{value.month:02d}-{value.day:02d}"
        width = 2 if self.pad else 1
        day = f"{value.day:0{width}d}"
        if self.order == "mdy":
            return f"{value.month:0{width}d}/{day}/{value.year:04d}"
        month = MONTHS[value.month - 1]
        month = month[:3] if self.order == "bdy" else month
        return f"{month} {day}{',' if self.comma else ''} {value.year:04d}"


DateFormat.ISO_DATE = DateFormat()
