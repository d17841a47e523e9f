"""The exceptions sinorus raises.

Every error derives from :class:`SinorusError`, so ``except SinorusError``
catches anything the library raises on purpose. Errors that are also value
or lookup errors subclass :class:`ValueError` / :class:`LookupError` too.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from typing import NamedTuple

__all__ = [
    "DataError",
    "InvalidDateError",
    "MissingDependencyError",
    "NoDataError",
    "Problem",
    "QueryError",
    "QueryTypeError",
    "SinorusError",
]


_SHOWN = 20  # problems listed in a DataError's message; .problems holds them all


def shown(value: object, limit: int = 80) -> str:
    """``repr(value)`` for a message: an integer too long to write out is described, not written,
    and a long repr is cut short.

    >>> shown(2014), shown(10**5000), shown("x" * 100)[-4:]
    ('2014', 'an integer of about 5000 digits', 'xxx…')
    """
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 64:
        return f"an integer of about {int(value.bit_length() * 0.30103)} digits"
    text = printable(repr(value))
    return text if len(text) <= limit else text[: limit - 1] + "…"


def printable(text: str) -> str:
    r"""``text`` with lone surrogates written as escapes, so that any UTF-8 stream can print it.

    Strings read from JSON (``"\ud800"``) and file names that are not UTF-8
    (decoded with ``surrogateescape``) may hold them.

    >>> printable("bad\ud800key")
    'bad\\ud800key'
    >>> printable("plain") == "plain"
    True
    """
    if text.isascii():
        return text
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return text.encode("utf-8", "backslashreplace").decode("utf-8")
    return text


_QUOTED = r"(?:'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\")…?"


@functools.cache
def _line() -> re.Pattern[str]:
    """The shape of a problem's line: ``$.path (record 'x'): record 'x', field 'f': what``."""
    return re.compile(
        rf"(?:(?P<path>\$[^\s:]*)(?: \(record (?P<owner>{_QUOTED})\))?: )?"
        rf"(?:record (?P<record>{_QUOTED})(?:, field (?P<field>{_QUOTED}))?: )?"
        r"(?P<message>.*)",
        re.DOTALL,
    )


def _unquote(text: str | None) -> str | None:
    """The string a message shows as ``'x'`` (a repr, perhaps cut short with …)."""
    if not text:
        return None
    import ast

    cut = text.endswith("…")
    try:
        value = ast.literal_eval(text.removesuffix("…"))
    except (ValueError, SyntaxError):
        return None
    return f"{value}…" if cut else str(value)


class Problem(NamedTuple):
    """One problem of a :class:`DataError`: where it is and what is wrong.

    ``path`` is the place in the file (``$.trade[0].year``), ``record`` the
    id of the record it concerns and ``field`` the field, each None where
    the problem has none; ``message`` says what is wrong and ``text`` is the
    whole line, as in :attr:`DataError.problems` (``str(problem)``).

    >>> problem = Problem.parse("$.trade[0].year (record 't'): expected an integer, got a string")
    >>> problem.path, problem.record, problem.field, problem.message
    ('$.trade[0].year', 't', 'year', 'expected an integer, got a string')
    >>> Problem.parse("record 'b', field 'start': overlaps 'a'")[1:4]
    ('b', 'start', "overlaps 'a'")
    """

    path: str | None
    record: str | None
    field: str | None
    message: str
    text: str

    def __str__(self) -> str:
        return self.text

    @classmethod
    def parse(cls, line: str, *, record: str | None = None) -> Problem:
        """The problem a line of a :class:`DataError` states; ``record`` if the line names none."""
        line = printable(line)
        found = _line().fullmatch(line)
        if found is None:  # pragma: no cover - the pattern matches any line
            return cls(None, record, None, line, line)
        path = found["path"]
        field = _unquote(found["field"])
        if field is None and path:
            last = re.search(r"\.([A-Za-z_]\w*)(?:\[\d+\])*$", path)
            field = last[1] if last else None
        owner = _unquote(found["record"]) or _unquote(found["owner"]) or record
        return cls(path, owner, field, found["message"], line)


def _problem(given: str | Problem) -> Problem:
    """``given`` as a :class:`Problem` whose every string can be printed."""
    if not isinstance(given, Problem):
        return Problem.parse(given)
    if printable(given.text) is given.text:
        return given
    return Problem.parse(given.text, record=given.record)


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
    it is (file, record id, field) and what is wrong; ``details`` holds the
    same problems as :class:`Problem` tuples (path, record, field, message). Nothing is loaded when
    this is raised. Lone surrogates in the problems and the file name are
    shown as escapes (``\\ud800``, see :func:`printable`), so the message
    can always be printed.

    >>> err = DataError(["record 'x', field 'start': end is before start"], file="mine.json")
    >>> print(err)
    mine.json: record 'x', field 'start': end is before start
    >>> err.details[0].record, err.details[0].field
    ('x', 'start')
    """

    problems: tuple[str, ...]
    details: tuple[Problem, ...]
    file: str | None

    def __init__(
        self, problems: Iterable[str | Problem] | str | Problem, *, file: str | None = None
    ):
        if isinstance(problems, (str, Problem)):
            problems = (problems,)
        self.details = tuple(_problem(p) for p in problems)
        self.problems = tuple(p.text for p in self.details)
        self.file = file = printable(file) if file is not None else None
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
