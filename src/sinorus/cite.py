"""Citations: the sources of records, or sinorus itself, as text, BibTeX, CSL-JSON or RIS.

>>> import sinorus
>>> treaty = sinorus.load().get("treaty-of-good-neighborliness-2001")
>>> print(sinorus.cite(treaty).splitlines()[0])
Treaty of Good-Neighborliness and Friendly Cooperation (2001-07-16), sources:
>>> print(sinorus.cite(treaty, style="bibtex").splitlines()[0])
@misc{treaty-of-good-neighborliness-2001-1,
>>> sinorus.cite().startswith("sinorus ")
True

A bibliography of many records lists each source once, in the order first
met, with the key of the first record that cites it:

>>> bibliography = sinorus.cite(sinorus.exercises(year=2018), style="bibtex")
>>> bibliography.startswith("@misc{")
True
"""

from __future__ import annotations

from typing import Any

from .errors import QueryError

__all__ = ["STYLES", "cite"]

#: The citation styles :func:`cite` knows.
STYLES = ("text", "bibtex", "csl-json", "ris")

#: Who sinorus is cited as, and what.
AUTHOR = "The sinorus developers"
TITLE = "sinorus: the history of China–Russia relations as a typed, sourced dataset"
_ABOUT = "The history of China–Russia relations as a typed, sourced dataset"

def cite(record: Any = None, *, style: str = "text") -> str:
    """The citation of ``record``'s sources, or of sinorus itself when ``record`` is None.

    ``record`` may be a record with sources, a :class:`~sinorus.Source`, a
    :class:`~sinorus.Dataset` (which cites sinorus with that dataset's data
    version), or any iterable of these (a :class:`~sinorus.Series`, a tuple,
    a generator) for a whole bibliography. A source cited more than once
    (the same title, URL and publisher) is listed once, in the order first
    met, with the latest day it was read.

    ``style`` is one of :data:`STYLES`: ``"text"``, ``"bibtex"``,
    ``"csl-json"`` (a JSON array of CSL items) or ``"ris"``.

    Keys are stable: a record's sources are ``<record id>-<n>``, ``n`` being
    the source's place among the record's sources; a source given without a
    record is ``source-`` and a hash of its title, URL and publisher; sinorus
    itself is ``sinorus``. The BibTeX ``year`` of a source is the year it was
    read (``accessed``); a source with no ``accessed`` day gets no year, as
    the day a record happened is not the day its source was published.

    >>> import sinorus
    >>> print(sinorus.cite(sinorus.load().get("peace-mission-2005").sources[3]))
    Peace Mission 2005. Wikipedia. https://en.wikipedia.org/wiki/Peace_Mission_2005
    >>> print(sinorus.cite(style="ris").splitlines()[0])
    TY  - COMP
    """
    if not isinstance(style, str) or style not in STYLES:
        raise QueryError(f"unknown citation style {style!r}; expected one of {', '.join(STYLES)}")
    from ._citing import render  # the formats, read on first use

    return render(record, style)
