"""Countries by any of their names or codes: :func:`country`, :func:`countries`.

A country is found by its English name, an alias ("USSR", "PRC", "UK",
"Russian Federation", …), its Chinese or Russian name, its Correlates of War
number or letters, or its ISO 3166-1 alpha-3 code, without regard to case,
spacing or a leading "the". The filters of :meth:`Series.where
<sinorus.Series.where>` find countries the same way, so ``party="USSR"``
finds the Soviet Union's agreements.

The Soviet Union and Russia are two countries: "Russia" does not find
Soviet records, nor "USSR" Russian ones. They share the COW and
Gleditsch–Ward code 365: ``country(365)`` is Russia, the state that
continued the Soviet Union (:attr:`Country.successor
<sinorus.Country.successor>`), and a filter given the number 365 matches
both.

The table's rows (in ``sinorus._countries``) are built on first use.

>>> import sinorus
>>> sinorus.country("PRC").name, sinorus.country("苏联").name, sinorus.country("RUS").name
('China', 'Soviet Union', 'Russia')
>>> [c.name for c in sinorus.countries() if c.ccode == 365]
['Russia', 'Soviet Union']
>>> sinorus.country("Kazakstan")
Traceback (most recent call last):
...
sinorus.UnknownNameError: unknown country 'Kazakstan'; did you mean 'Kazakhstan'...
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from datetime import date

import attrs

from .errors import QueryError, QueryTypeError
from .model import Source, _Record

__all__ = ["Country", "UnknownNameError", "countries", "country", "did_you_mean", "normalized"]


class UnknownNameError(QueryError):
    """A name (of a country, a person, a party) that neither the data nor the country table knows.

    The message suggests the closest known names.

    >>> import sinorus
    >>> issubclass(sinorus.UnknownNameError, sinorus.QueryError)
    True
    """


UnknownNameError.__module__ = "sinorus"


@attrs.frozen(kw_only=True, repr=False, eq=False, weakref_slot=False)
class Country(_Record):
    """A state named in the data, with its codes and the other names it goes by.

    ``key`` is a stable slug; ``name`` the English name the records use;
    ``name_zh`` and ``name_ru`` the Chinese and Russian short names.
    ``ccode`` and ``stateabb`` are the Correlates of War numeric and letter
    codes, ``gwcode`` the Gleditsch–Ward number, ``iso3`` the ISO 3166-1
    alpha-3 code (for a state no longer in ISO 3166-1, its former code, as
    ISO 3166-3 records it). ``start`` and ``end`` bound the state where it no
    longer exists; ``successor`` and ``predecessor`` are keys of the state
    that continued it (or that it continues) from the day ``succession``.

    >>> import sinorus
    >>> ussr = sinorus.country("USSR")
    >>> ussr.name, ussr.ccode, ussr.end, ussr.successor
    ('Soviet Union', 365, datetime.date(1991, 12, 26), 'russia')
    """

    key: str
    name: str
    name_zh: str
    name_ru: str
    ccode: int | None
    stateabb: str | None
    gwcode: int | None
    iso3: str | None
    aliases: tuple[str, ...] = ()
    start: date | None = None
    end: date | None = None
    predecessor: str | None = None
    successor: str | None = None
    succession: date | None = None
    sources: tuple[Source, ...] = ()
    notes: str = ""

    @property
    def id(self) -> str:
        """The ``key``, under the name every record's id has."""
        return self.key

    @property
    def names(self) -> tuple[str, ...]:
        """Every name the country goes by: English, Chinese, Russian, then the aliases.

        >>> import sinorus
        >>> sinorus.country("China").names[:3]
        ('China', '中国', 'Китай')
        """
        return (self.name, self.name_zh, self.name_ru, *self.aliases)


def normalized(name: str) -> str:
    """``name`` as names are compared: case folded, spaces collapsed, no leading "the".

    >>> normalized("  The Soviet   Union ")
    'soviet union'
    """
    folded = name.casefold()
    if folded.startswith(("the ", " ")) or folded.endswith(" ") or "  " in folded or (
        "’" in folded or not folded.isprintable()
    ):  # the usual clean name skips this
        folded = " ".join(folded.replace("’", "'").split())
        return folded[4:] if folded.startswith("the ") else folded
    return folded


def did_you_mean(wanted: str, known: Iterable[str], *, by_word: bool = False) -> str:
    """``"; did you mean 'X'?"`` (or "'X' or 'Y'") for the known names closest to ``wanted``.

    With ``by_word``, each word of a known name (a surname) counts as well,
    and the full name is offered. Empty when none is close.

    >>> did_you_mean("Putn", ["Vladimir Putin", "Xi Jinping"], by_word=True)
    "; did you mean 'Vladimir Putin'?"
    """
    import difflib

    by_form: dict[str, str] = {}
    for name in sorted(known):
        by_form.setdefault(normalized(name), name)
        if by_word:
            for word in normalized(name).split():
                by_form.setdefault(word, name)
    close = difflib.get_close_matches(normalized(wanted), list(by_form), n=3, cutoff=0.7)
    offered = list(dict.fromkeys(by_form[c] for c in close))
    if not offered:
        return ""
    return "; did you mean " + " or ".join(map(repr, offered)) + "?"


@functools.cache
def _index() -> dict[str, tuple[Country, ...]]:
    """Each normalized name and code, with the countries it names (names first, then codes)."""
    from ._countries import TABLE

    found: dict[str, list[Country]] = {}
    for row in TABLE:
        keys = [row.key, *row.names]
        for key in keys:
            found.setdefault(normalized(key), []).append(row)
    for row in TABLE:  # codes: never shadow a name
        for code in (row.iso3, row.stateabb, str(row.ccode)):
            if code is not None:
                have = found.setdefault(normalized(code), [])
                if row not in have:
                    have.append(row)
    return {key: tuple(rows) for key, rows in found.items()}


def countries() -> tuple[Country, ...]:
    """Every country in the table, in order of English name.

    The table covers every party, participant, arms supplier and recipient
    and leader's country of the bundled data.

    >>> import sinorus
    >>> len(sinorus.countries()) >= 42, sinorus.countries()[0].name
    (True, 'Algeria')
    """
    from ._countries import TABLE

    return TABLE


def country(name_or_code: str | int) -> Country:
    """The country with this name, alias, Chinese or Russian name, COW code or ISO alpha-3 code.

    Case, spacing and a leading "the" do not matter. A code two states
    share (COW's 365 and RUS, for Russia and the Soviet Union) gives the one
    that still exists. An unknown name raises :class:`UnknownNameError`
    with the closest names.

    >>> import sinorus
    >>> sinorus.country("the Soviet Union").key, sinorus.country(710).name
    ('soviet-union', 'China')
    >>> sinorus.country("USA").name, sinorus.country("Российская Федерация").name
    ('United States', 'Russia')
    """
    if isinstance(name_or_code, bool) or not isinstance(name_or_code, (str, int)):
        raise QueryTypeError(
            "a country is a name or a COW code, "
            f"got {type(name_or_code).__name__}: {name_or_code!r}"
        )
    found = _index().get(normalized(str(name_or_code)))
    if not found:
        raise UnknownNameError(
            f"unknown country {name_or_code!r}"
            + did_you_mean(str(name_or_code), (n for c in countries() for n in c.names))
        )
    if len(found) > 1:
        current = [c for c in found if c.successor is None]
        return current[0] if current else found[0]
    return found[0]


def names_of(wanted: str | int) -> frozenset[str] | None:
    """Every name (normalized) of the country ``wanted`` names; None if it names none.

    A number is a COW code and gives the names of every state that held it.

    >>> sorted(names_of(365)) == sorted(names_of("Russia") | names_of("USSR"))
    True
    """
    if isinstance(wanted, int) and not isinstance(wanted, bool):
        held = [c for c in countries() if c.ccode == wanted]
        if not held:
            return None
        return frozenset(normalized(n) for c in held for n in c.names)
    try:
        found = country(wanted)
    except UnknownNameError:
        return None
    return frozenset(normalized(n) for n in found.names)
