"""Turning what a user passes as "when" into a :class:`datetime.date`.

A ``date`` is used as it is; a ``datetime`` (or a pandas ``Timestamp``) gives
its date, and so does a NumPy ``datetime64``. A string is read as an ISO date
first, then in the forms below, and otherwise with :mod:`dateutil.parser`
(imported only then). A string without a day means the first of the month; a
string without a year is refused rather than completed with the current year.

- ``today`` is the current day.
- All-number dates: year first (``2014/03/18``) always works. Day and month
  with dots are day first, as in Russia and most of Europe (``18.03.2014``).
  With slashes or dashes, the order is taken from the numbers only where one
  reading is possible (``18/3/2014``, ``3/18/2014``); ``2/3/1969`` could be
  2 March or 3 February and is refused, and so is a two-digit year.
- Chinese (``1969年3月2日``, ``2019年6月``) and Russian (``2 марта 1969``,
  ``июнь 2019``) dates.

>>> to_date("16 July 2001")
datetime.date(2001, 7, 16)
>>> to_date("June 2019"), to_date("18.03.2014"), to_date("1969年3月2日")
(datetime.date(2019, 6, 1), datetime.date(2014, 3, 18), datetime.date(1969, 3, 2))
>>> to_date("2 марта 1969")
datetime.date(1969, 3, 2)
>>> to_date("2/3/1969")  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
sinorus.InvalidDateError: cannot read '2/3/1969' as a date: it could be 2 March or 3 February; ...
>>> to_date("2019-02-30")
Traceback (most recent call last):
...
sinorus.InvalidDateError: cannot read '2019-02-30' as a date: day is out of range for month
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any, TypeAlias

from .errors import InvalidDateError

__all__ = ["DateLike", "to_date"]

#: What the queries accept wherever they take a date.
DateLike: TypeAlias = date | datetime | str

# Two different defaults reveal which parts a string left out.
_DEFAULT_A = datetime(2000, 1, 1)
_DEFAULT_B = datetime(2001, 2, 1)

_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip

# The forms below, compiled on first use (importing sinorus stays cheap).
_NUMERIC = r"(\d{1,2})([./-])(\d{1,2})\2(\d{2,4})"
_CHINESE = r"(\d{4})\s*年\s*(?:(\d{1,2})\s*月\s*(?:(\d{1,2})\s*[日号])?)?"
_RUSSIAN = r"(?:(\d{1,2})\s+)?([а-яё]+)\.?\s+(\d{4})(?:\s*(?:г\.?|года?))?"  # noqa: RUF001
# Russian month names, nominative and genitive, by their first letters.
_RUSSIAN_MONTHS = {
    "январ": 1, "феврал": 2, "март": 3, "апрел": 4, "ма": 5, "июн": 6,
    "июл": 7, "август": 8, "сентябр": 9, "октябр": 10, "ноябр": 11, "декабр": 12,
}  # fmt: skip
_RUSSIAN_ENDINGS = ("", "ь", "я", "а", "й")  # noqa: RUF001


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
    if type(when).__name__ == "datetime64":
        return _from_numpy(when)
    raise InvalidDateError(
        f"expected a date, datetime or date string, got {type(when).__name__}: {when!r}"
    )


def _from_numpy(when: Any) -> date:
    day = when.astype("datetime64[D]").item()  # a date, or None for NaT
    if not isinstance(day, date):
        raise InvalidDateError(f"expected a date, got the datetime64 {when!r}")
    return day


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
    if stripped.casefold() == "today":
        return date.today()
    for reader in (_numeric, _chinese, _russian):
        parts = reader(text, stripped)
        if parts is not None:
            return _day(text, *parts)
    return _dateutil(text, stripped)


def _day(text: str, year: int, month: int | None, day: int | None) -> date:
    if month is None:
        raise InvalidDateError(f"cannot read {text!r} as a date: it has no month")
    try:
        return date(year, month, day or 1)
    except ValueError as error:
        raise InvalidDateError(f"cannot read {text!r} as a date: {error}") from None


def _numeric(text: str, stripped: str) -> tuple[int, int, int] | None:
    """Day and month in either order, or refused where both orders are possible."""
    found = re.fullmatch(_NUMERIC, stripped)
    if found is None:
        return None
    first, separator, second, year_text = found.groups()
    if len(year_text) != 4:
        raise InvalidDateError(
            f"cannot read {text!r} as a date: give the year in four digits (or write YYYY-MM-DD)"
        )
    a, b, year = int(first), int(second), int(year_text)
    if separator == "." or a == b or a > 12:
        day, month = a, b
    elif b > 12:
        day, month = b, a
    else:
        raise InvalidDateError(
            f"cannot read {text!r} as a date: it could be {a} {_MONTHS[b - 1]} or "
            f"{b} {_MONTHS[a - 1]}; write {year:04}-{b:02}-{a:02} or {year:04}-{a:02}-{b:02}"
        )
    return year, month, day


def _chinese(text: str, stripped: str) -> tuple[int, int | None, int | None] | None:
    found = re.fullmatch(_CHINESE, stripped)
    if found is None:
        return None
    year, month, day = found.groups()
    return int(year), int(month) if month else None, int(day) if day else None


def _russian(text: str, stripped: str) -> tuple[int, int, int | None] | None:
    found = re.fullmatch(_RUSSIAN, stripped.casefold())
    if found is None:
        return None
    day, name, year = found.groups()
    for stem, month in _RUSSIAN_MONTHS.items():
        if name[len(stem) :] in _RUSSIAN_ENDINGS and name.startswith(stem):
            if stem == "ма" and name not in ("май", "мая"):
                continue
            return int(year), month, int(day) if day else None
    raise InvalidDateError(f"cannot read {text!r} as a date: {name!r} is not a month")


def _dateutil(text: str, stripped: str) -> date:
    from dateutil import parser  # a string in no form above: only now pay for the parser

    try:
        first = parser.parse(stripped, default=_DEFAULT_A)
        second = parser.parse(stripped, default=_DEFAULT_B)
    except (ValueError, OverflowError) as error:
        reason = str(error).split(":")[0]
        if reason.startswith("Unknown string format") or reason.startswith("String does not"):
            reason = "not a date sinorus can read (try 2014-03-18, '18 March 2014' or 'June 2019')"
        raise InvalidDateError(f"cannot read {text!r} as a date: {reason}") from None
    if first.year != second.year:
        raise InvalidDateError(f"cannot read {text!r} as a date: it has no year")
    if first.month != second.month:
        raise InvalidDateError(f"cannot read {text!r} as a date: it has no month")
    return first.date()  # a time of day, if given, is dropped
