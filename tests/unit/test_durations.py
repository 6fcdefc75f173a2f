"""Durations as people write them, and back."""

from __future__ import annotations

import pytest

from workshop_tui.content.durations import (
    DurationError,
    format_clock,
    format_duration,
    parse_duration,
)


@pytest.mark.parametrize(
    ("written", "seconds"),
    [
        ("60m", 3600),
        ("10m", 600),
        ("1h30m", 5400),
        ("1h 30m", 5400),
        ("1h 5m 15s", 3915),
        ("90s", 90),
        ("1.5h", 5400),
        ("0.5h", 1800),
        ("10", 600),
        ("1.5", 90),
        ("  10m ", 600),
        ("10M", 600),
        ("1H", 3600),
        ("10 min", 600),
        ("10 minutes", 600),
        ("1 hour 30 minutes", 5400),
        ("2hrs", 7200),
        ("45 secs", 45),
        (10, 600),
        (1.5, 90),
        ("168h", 7 * 24 * 3600),
    ],
)
def test_parse_duration_reads_the_usual_forms(written: object, seconds: int) -> None:
    assert parse_duration(written) == seconds


@pytest.mark.parametrize(
    ("written", "message"),
    [
        ("ten minutes", '"ten minutes" is not a duration (write 10m)'),
        ("", '"" is not a duration (write 10m)'),
        ("m", '"m" is not a duration (write 10m)'),
        ("10m5", '"10m5" is not a duration (write 10m)'),
        ("1h30", '"1h30" is not a duration (write 10m)'),
        ("10m10m", '"10m10m" is not a duration (write 10m)'),
        ("10s5m", '"10s5m" is not a duration (write 10m)'),
        ("1e3", '"1e3" is not a duration (write 10m)'),
        ("1,5m", '"1,5m" is not a duration (write 10m)'),
        ("１０m", '"１０m" is not a duration (write 10m)'),
        ("0", '"0" must be longer than zero (write 10m)'),
        ("0m", '"0m" must be longer than zero (write 10m)'),
        ("-5m", '"-5m" must be longer than zero (write 10m)'),
        ("-5", '"-5" must be longer than zero (write 10m)'),
        ("0.1s", '"0.1s" must be longer than zero (write 10m)'),
        (0, "0 must be longer than zero (write 10m)"),
        (-1, "-1 must be longer than zero (write 10m)"),
        ("169h", '"169h" is longer than a week (write 10m)'),
        (1e308, "1e+308 is longer than a week (write 10m)"),
        ("9" * 400 + "h", "is longer than a week (write 10m)"),
        (float("nan"), "nan is not a duration (write 10m)"),
        (float("inf"), "inf is not a duration (write 10m)"),
        (True, "True is not a duration (write 10m)"),
        (None, "an empty value is not a duration (write 10m)"),
        ([10], "[10] is not a duration (write 10m)"),
    ],
)
def test_parse_duration_refuses_with_a_readable_message(written: object, message: str) -> None:
    with pytest.raises(DurationError) as caught:
        parse_duration(written)
    assert str(caught.value).endswith(message)


def test_a_duration_error_is_a_value_error_so_pydantic_reports_it() -> None:
    assert issubclass(DurationError, ValueError)


@pytest.mark.parametrize(
    ("seconds", "written"),
    [(600, "10m"), (5400, "1h30m"), (90, "1m30s"), (3600, "1h"), (0, "0m"), (-90, "-1m30s")],
)
def test_format_duration_writes_what_parse_reads(seconds: int, written: str) -> None:
    assert format_duration(seconds) == written
    if seconds > 0:
        assert parse_duration(written) == seconds


@pytest.mark.parametrize(
    ("seconds", "reading"),
    [
        (725, "12:05"),
        (3723, "1:02:03"),
        (0.4, "00:01"),
        (0.0004, "00:01"),
        (59.0005, "01:00"),
        (3599.0001, "1:00:00"),
        (0, "00:00"),
        (-0.4, "00:00"),
        (-90, "-01:30"),
    ],
)
def test_format_clock_reads_like_a_countdown(seconds: float, reading: str) -> None:
    assert format_clock(seconds) == reading


def test_a_long_wrong_value_is_shortened_in_the_message() -> None:
    with pytest.raises(DurationError) as caught:
        parse_duration("ten minutes " * 20)
    assert (
        str(caught.value)
        == '"ten minutes ten minutes ten minutes t..." is not a duration (write 10m)'
    )
    with pytest.raises(DurationError, match=r"^9{37}\.\.\. is longer than a week"):
        parse_duration(int("9" * 400))
