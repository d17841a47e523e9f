"""Turning what a user passes as "when" into a :class:`datetime.date`.

A ``date`` is used as it is; a ``datetime`` gives its date; a string is read
as an ISO date first and otherwise with :mod:`dateutil.parser` (imported
only then). A string without a day means the first of the month; a string
without a year is refused rather than completed with the current year.

>>> to_date("16 July 2001")
datetime.date(2001, 7, 16)
>>> to_date("June 2019")
datetime.date(2019, 6, 1)
>>> to_date("2019-02-30")
Traceback (most recent call last):
...
sinorus.InvalidDateError: cannot read '2019-02-30' as a date: day is out of range for month
"""

from __future__ import annotations

from datetime import date, datetime
from typing import TypeAlias

from .errors import InvalidDateError

__all__ = ["DateLike", "to_date"]

#: What the queries accept wherever they take a date.
DateLike: TypeAlias = date | datetime | str

# Two different defaults reveal which parts a string left out.
_DEFAULT_A = datetime(2000, 1, 1)
_DEFAULT_B = datetime(2001, 2, 1)


def to_date(when: DateLike) -> date:
    """Return ``when`` as a plain :class:`datetime.date`, or raise :class:`InvalidDateError`.

    >>> to_date("16 July 2001"), to_date("2001-07-16"), to_date("June 2019")
    (datetime.date(2001, 7, 16), datetime.date(2001, 7, 16), datetime.date(2019, 6, 1))
    """
    if type(when) is date:
        return when
    if isinstance(when, datetime):
        return when.date()
    if isinstance(when, date):  # a subclass of date: keep only the calendar day
        return date(when.year, when.month, when.day)
    if isinstance(when, str):
        return _parse(when)
    raise InvalidDateError(
        f"expected a date, datetime or date string, got {type(when).__name__}: {when!r}"
    )


def _parse(text: str) -> date:
    stripped = text.strip()
    if not stripped:
        raise InvalidDateError(f"cannot read {text!r} as a date: it is empty")
    try:
        return date.fromisoformat(stripped)
    except ValueError as iso_error:
        iso_reason = str(iso_error)
    if len(stripped) == 10 and stripped[4] == stripped[7] == "-" and stripped[:4].isdigit():
        raise InvalidDateError(f"cannot read {text!r} as a date: {iso_reason}")

    from dateutil import parser  # a string that is not ISO: only now pay for the parser

    try:
        first = parser.parse(stripped, default=_DEFAULT_A)
        second = parser.parse(stripped, default=_DEFAULT_B)
    except (ValueError, OverflowError) as error:
        reason = str(error).split(":")[0]
        raise InvalidDateError(f"cannot read {text!r} as a date: {reason}") from None
    if first.year != second.year:
        raise InvalidDateError(f"cannot read {text!r} as a date: it has no year")
    if first.month != second.month:
        raise InvalidDateError(f"cannot read {text!r} as a date: it has no month")
    return first.date()  # a time of day, if given, is dropped
