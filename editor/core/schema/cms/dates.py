"""A CMS config's date formats (Decap's Day.js patterns, Front Matter's date-fns ones): whether
Post Editor reads dates so spelled, and how to spell new ones."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from editor.core.document import DateFormat, parse_date
from editor.core.errors import PostError, quoted

# Each date token spelled for one instant; a day and month that cannot swap (4 and 1) tell
# a day-first spelling from the US one, which `parse_date` would read the other way round.
_COMMON = {"M": "1", "MM": "01", "MMM": "Jan", "MMMM": "January", "H": "9", "HH": "09"}
_COMMON |= {"m": "5", "mm": "05", "s": "7", "ss": "07", "S": "1", "SS": "12", "SSS": "123"}
_DAYJS = _COMMON | {"YYYY": "2026", "D": "4", "DD": "04", "Z": "+02:00", "ZZ": "+0200"}
_DATE_FNS = _COMMON | {"yyyy": "2026", "d": "4", "dd": "04", "X": "+02", "XX": "+0200"}
_DATE_FNS |= {"XXX": "+02:00", "x": "+02", "xx": "+0200", "xxx": "+02:00"}
_DAYJS_TOKENS = re.compile(r"\[([^\]]*)\]|Do|([A-Za-z])\2*")
# Day.js letters that are tokens we cannot spell (weekdays, 12-hour clocks, week numbers,
# locale formats...); other letters that are not tokens, like the T in YYYY-MM-DDTHH, are
# literal text to Day.js. date-fns refuses any unquoted letter it does not know.
_DAYJS_OTHERS = frozenset("YMDHmsSZdhaAQXxwWgGkzLl")
_DATE_FNS_TOKENS = re.compile(r"'((?:[^']|'')*)'|([A-Za-z])\2*")
_SAMPLE_DAY = dt.date(2026, 1, 4)


def _spelling(pattern: str, date_fns: bool, utc: bool) -> str | None:
    """The sample instant spelled by a Day.js (Decap) or date-fns (Front Matter) pattern; None
    when it uses a token we cannot spell (weekdays, 12-hour clocks, locale formats...)."""
    table, tokens = (_DATE_FNS, _DATE_FNS_TOKENS) if date_fns else (_DAYJS, _DAYJS_TOKENS)
    out, pos = [], 0
    for match in tokens.finditer(pattern):
        out.append(pattern[pos : match.start()])
        pos = match.end()
        token = match.group(0)
        if match.group(1) is not None:  # quoted literal text
            out.append("'" if token == "''" else match.group(1).replace("''", "'"))
        elif utc and token in ("Z", "ZZ"):  # Decap's picker_utc writes a literal Z
            out.append("Z")
        elif token in table:
            out.append(table[token])
        elif date_fns or token == "Do" or token[0] in _DAYJS_OTHERS:
            return None
        else:
            out.append(token)
    out.append(pattern[pos:])
    return "".join(out)


def _date_type(
    pattern: str, date_fns: bool, utc: bool = False
) -> tuple[str, DateFormat | None] | None:
    """(date or datetime, how to spell new values) for a CMS date pattern; None when dates so
    spelled are not ones Post Editor reads (or it would read them as another day)."""
    text = _spelling(pattern, date_fns, utc)
    try:
        value = parse_date(text) if text is not None else None
    except PostError:
        return None
    if value is None:
        return None
    day = value.date() if isinstance(value, dt.datetime) else value
    if day != _SAMPLE_DAY or (isinstance(value, dt.datetime) and value.hour != 9):
        return None
    spelled = DateFormat.detect(text or "")
    # The writer of a new value decides its zone; the sample's +02:00 is no one's.
    spelled = replace(spelled, offset=0) if spelled else None
    return ("datetime" if isinstance(value, dt.datetime) else "date"), spelled


def date_spec(
    spec: dict[str, object], kind: str, pattern: str | None, date_fns: bool, utc: bool
) -> str:
    """Fill `spec` for a date field; a note's text when its pattern cannot be honoured."""
    spec["type"] = kind
    if pattern is None:
        return ""
    read = _date_type(pattern, date_fns, utc)
    if read is None:
        spec["type"] = "string"
        return (
            f"its dates are stored as {quoted(pattern)}, which Post Editor does not read as"
            " dates: edited as text."
        )
    spec["type"] = kind if kind == "date" else read[0]
    spec["date_format"] = read[1]
    return ""
