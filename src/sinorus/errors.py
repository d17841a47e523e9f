"""The exceptions sinorus raises.

Every error derives from :class:`SinorusError`, so ``except SinorusError``
catches anything the library raises on purpose. Errors that are also value
or lookup errors subclass :class:`ValueError` / :class:`LookupError` too.
"""

from __future__ import annotations

__all__ = [
    "DataError",
    "InvalidDateError",
    "MissingDependencyError",
    "NoDataError",
    "QueryError",
    "QueryTypeError",
    "SinorusError",
]


_SHOWN = 20  # problems listed in a DataError's message; .problems holds them all


class SinorusError(Exception):
    """Base class of every error raised by sinorus.

    >>> import sinorus
    >>> try:
    ...     sinorus.trade_volume(1900)
    ... except sinorus.SinorusError as error:
    ...     print(type(error).__name__)
    NoDataError
    """


class DataError(SinorusError, ValueError):
    """A dataset is invalid.

    ``problems`` lists every problem found, each as one line that says where
    it is (file, record id, field) and what is wrong. Nothing is loaded when
    this is raised.

    >>> err = DataError(["record 'x', field 'start': end is before start"], file="mine.json")
    >>> print(err)
    mine.json: record 'x', field 'start': end is before start
    """

    problems: tuple[str, ...]
    file: str | None

    def __init__(self, problems: list[str] | tuple[str, ...] | str, *, file: str | None = None):
        if isinstance(problems, str):
            problems = (problems,)
        self.problems = tuple(problems)
        self.file = file
        prefix = f"{file}: " if file else ""
        if len(self.problems) == 1:
            message = prefix + self.problems[0]
        else:
            shown = self.problems[:_SHOWN]
            lines = "\n".join(f"  - {p}" for p in shown)
            more = len(self.problems) - len(shown)
            tail = f"\n  … and {more} more (all in .problems)" if more else ""
            message = f"{prefix}{len(self.problems)} problems:\n{lines}{tail}"
        super().__init__(message)


class QueryError(SinorusError, ValueError):
    """A query was given an argument it cannot use.

    >>> import sinorus
    >>> sinorus.events(since="2000-01-01", until="1999-01-01")
    Traceback (most recent call last):
    ...
    sinorus.QueryError: the range is empty: until (1999-01-01) is before since (2000-01-01)
    """


class QueryTypeError(SinorusError, TypeError):
    """A query was given an argument of the wrong type (a string where a year belongs, …).

    >>> import sinorus
    >>> sinorus.trade_volume("2010")
    Traceback (most recent call last):
    ...
    sinorus.QueryTypeError: a year must be an int, got str: '2010'
    """


class InvalidDateError(QueryError):
    """A value could not be turned into a date; the message names the value.

    >>> import sinorus
    >>> sinorus.phase_at("spring 1969")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    sinorus.InvalidDateError: cannot read 'spring 1969' as a date: not a date sinorus can read ...
    """


class NoDataError(SinorusError, LookupError):
    """The data holds nothing for what was asked (a year, an id).

    >>> import sinorus
    >>> sinorus.trade_volume(1900)
    Traceback (most recent call last):
    ...
    sinorus.NoDataError: no trade figure for 1900; the data has 1992–2025
    """


class MissingDependencyError(SinorusError, ImportError):
    """An optional library is not installed; the message names the extra that brings it.

    >>> import sinorus
    >>> issubclass(sinorus.MissingDependencyError, ImportError)
    True
    >>> print(sinorus.MissingDependencyError.needs("plots", "matplotlib", "plot"))
    ... # doctest: +ELLIPSIS
    plots need matplotlib: pip install matplotlib, or install sinorus with its plot extra (...)
    """

    @classmethod
    def needs(cls, what: str, package: str, extra: str) -> MissingDependencyError:
        """The error for ``what`` needing ``package``, with commands that install it."""
        return cls(
            f"{what} need {package}: pip install {package}, or install sinorus with its "
            f'{extra} extra (pip install ".[{extra}]" in a sinorus checkout)'
        )


# Tracebacks and reprs name the errors as users import them: sinorus.NoDataError.
for _error in (
    SinorusError,
    DataError,
    QueryError,
    QueryTypeError,
    InvalidDateError,
    NoDataError,
    MissingDependencyError,
):
    _error.__module__ = "sinorus"
del _error
