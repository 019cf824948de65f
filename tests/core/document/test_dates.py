"""Dates as writers spell them: reading, detecting the spelling, writing a new value alike."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from editor.core.document.dates import DateFormat, parse_date
from editor.core.errors import PostError

UTC = dt.UTC


def tz(minutes: int) -> dt.timezone:
    return dt.timezone(dt.timedelta(minutes=minutes))


SPELLINGS = {
    "2026-01-24": dt.date(2026, 1, 24),
    "2021-05-01T09:00:00Z": dt.datetime(2021, 5, 1, 9, tzinfo=UTC),
    "2021-06-12T18:30:00+02:00": dt.datetime(2021, 6, 12, 18, 30, tzinfo=tz(120)),
    "2020-03-16T05:35:07.322Z": dt.datetime(2020, 3, 16, 5, 35, 7, 322000, tzinfo=UTC),
    "2019-03-04 10:21:00 +0100": dt.datetime(2019, 3, 4, 10, 21, tzinfo=tz(60)),
    "2023-12-25 00:00:00 +0000": dt.datetime(2023, 12, 25, tzinfo=UTC),
    "Jul 15 2022": dt.date(2022, 7, 15),
    "July 4, 2021": dt.date(2021, 7, 4),
    "01/18/2026": dt.date(2026, 1, 18),
    "1/8/2026": dt.date(2026, 1, 8),
    "2024-04-04 12:30": dt.datetime(2024, 4, 4, 12, 30),
    "2024-04-04T12:30:15.5": dt.datetime(2024, 4, 4, 12, 30, 15, 500000),
    "2021-01-01T10:00:00-0530": dt.datetime(2021, 1, 1, 10, tzinfo=tz(-330)),
    "2021-01-01 10:00:00-05": dt.datetime(2021, 1, 1, 10, tzinfo=tz(-300)),
    # A one-digit hour: Jekyll's own docs write `date: 2013-11-22 5:00:00 +0000`.
    "2013-11-22 5:00:00 +0000": dt.datetime(2013, 11, 22, 5, tzinfo=UTC),
    "2025-01-29T7:05": dt.datetime(2025, 1, 29, 7, 5),
}


@pytest.mark.parametrize("text", SPELLINGS)
def test_each_spelling_reads_as_its_value(text):
    value = parse_date(text)
    assert value == SPELLINGS[text]
    assert type(value) is type(SPELLINGS[text])
    if isinstance(value, dt.datetime):
        assert value.utcoffset() == SPELLINGS[text].utcoffset()


@pytest.mark.parametrize("text", SPELLINGS)
def test_each_spelling_is_written_back_unchanged(text):
    assert DateFormat.detect(text).format(parse_date(text)) == text


def test_timezone_is_kept():
    value = parse_date("2021-06-12T18:30:00+02:00")
    assert value.utcoffset() == dt.timedelta(hours=2)
    assert parse_date("2024-04-04 12:30").tzinfo is None


def test_yaml_objects_pass_through():
    day, moment = dt.date(2024, 5, 1), dt.datetime(2021, 5, 1, 9, tzinfo=UTC)
    assert parse_date(day) is day
    assert parse_date(moment) is moment


def test_surrounding_spaces_are_ignored():
    assert parse_date("  2026-01-24 ") == dt.date(2026, 1, 24)


@pytest.mark.parametrize(
    "value",
    ["32/13/2020", "2026-02-30", "2026-13-01", "tomorrow", "Sept 1 2020", "2024-04-04 25:00", ""],
)
def test_not_a_date_says_how_to_write_one(value):
    with pytest.raises(PostError) as caught:
        parse_date(value)
    assert f"‘{value}’ is not a date" in caught.value.message
    assert "2026-01-24" in caught.value.message


@pytest.mark.parametrize("value", [5, 1.5, True, None, ["2026-01-24"]])
def test_other_objects_are_not_dates(value):
    with pytest.raises(PostError, match="is not a date"):
        parse_date(value)


@pytest.mark.parametrize("text", ["hello", "2026-02-30", "1/05/2026", "2026-01-24 junk", ""])
def test_detect_refuses_what_it_cannot_write_back(text):
    assert DateFormat.detect(text) is None


def test_iso_date_is_the_default_format():
    assert DateFormat.detect("2026-01-24") == DateFormat.ISO_DATE
    assert DateFormat.ISO_DATE.format(dt.date(2026, 1, 4)) == "2026-01-04"
    assert not DateFormat.ISO_DATE.has_time


def test_a_date_gets_midnight_in_a_datetime_pattern():
    jekyll = DateFormat.detect("2019-03-04 10:21:00 +0100")
    assert jekyll.format(dt.date(2026, 1, 24)) == "2026-01-24 00:00:00 +0100"


def test_a_datetime_loses_its_time_in_a_date_pattern():
    moment = dt.datetime(2021, 5, 1, 23, 59, tzinfo=UTC)
    assert DateFormat.ISO_DATE.format(moment) == "2021-05-01"
    assert DateFormat.detect("Jul 15 2022").format(moment) == "May 01 2021"
    assert DateFormat.detect("1/8/2026").format(moment) == "5/1/2021"


def test_a_naive_value_gets_the_files_zone():
    fmt = DateFormat.detect("2021-06-12T18:30:00+02:00")
    assert fmt.format(dt.datetime(2022, 1, 2, 3, 4, 5)) == "2022-01-02T03:04:05+02:00"


def test_an_aware_value_keeps_its_own_offset():
    fmt = DateFormat.detect("2021-05-01T09:00:00Z")
    assert fmt.format(dt.datetime(2022, 1, 2, 3, 4, tzinfo=UTC)) == "2022-01-02T03:04:00Z"
    assert fmt.format(dt.datetime(2022, 1, 2, 3, 4, tzinfo=tz(-90))) == "2022-01-02T03:04:00-01:30"


def test_fraction_digits_are_kept():
    fmt = DateFormat.detect("2020-03-16T05:35:07.322Z")
    assert fmt.fraction == 3
    moment = dt.datetime(2021, 1, 1, 0, 0, 1, 5000, tzinfo=UTC)
    assert fmt.format(moment) == "2021-01-01T00:00:01.005Z"


def test_month_names_do_not_follow_the_locale():
    assert DateFormat.detect("July 4, 2021").format(dt.date(2020, 9, 30)) == "September 30, 2020"


# Any spelling the formats can produce reads back, and is written back the same.

ZONES = st.sampled_from(["", "Z", "+HH:MM", "+HHMM", "+HH"])
OFFSETS = st.integers(-12 * 60, 14 * 60).filter(lambda m: m != 0) | st.just(0)


@st.composite
def date_formats(draw: st.DrawFn) -> DateFormat:
    order = draw(st.sampled_from(["ymd", "mdy", "bdy", "Bdy"]))
    time = draw(st.sampled_from(["", "hm", "hms"]))
    zone = draw(ZONES) if time else ""
    return DateFormat(
        order=order,
        pad=True if order == "ymd" else draw(st.booleans()),
        comma=order in ("bdy", "Bdy") and draw(st.booleans()),
        time=time,
        sep=draw(st.sampled_from(["T", " "])) if order == "ymd" else " ",
        fraction=draw(st.integers(0, 6)) if time == "hms" else 0,
        zone=zone,
        zone_sep=draw(st.sampled_from(["", " "])) if zone else "",
        offset=draw(OFFSETS) if zone else 0,
        pad_hour=draw(st.booleans()) if time else True,
    )


MOMENTS = st.datetimes(min_value=dt.datetime(1000, 1, 1), max_value=dt.datetime(9999, 12, 30))


@given(fmt=date_formats(), moment=MOMENTS)
def test_detect_format_parse_round_trip(fmt, moment):
    text = fmt.format(moment)
    assert DateFormat.detect(text).format(parse_date(text)) == text


@given(fmt=date_formats(), moment=MOMENTS, offset=OFFSETS)
def test_aware_values_round_trip(fmt, moment, offset):
    text = fmt.format(moment.replace(tzinfo=tz(offset)))
    assert DateFormat.detect(text).format(parse_date(text)) == text


@given(moment=MOMENTS, offset=OFFSETS)
def test_a_full_pattern_keeps_the_exact_moment(moment, offset):
    fmt = DateFormat(time="hms", fraction=6, zone="+HH:MM")
    value = moment.replace(tzinfo=tz(offset))
    parsed = parse_date(fmt.format(value))
    assert parsed == value
    assert parsed.utcoffset() == value.utcoffset()


@given(fmt=date_formats(), day=st.dates(min_value=dt.date(1000, 1, 1)))
def test_a_date_reads_back_as_the_same_day(fmt, day):
    assert parse_date(fmt.format(day)).timetuple()[:3] == day.timetuple()[:3]
