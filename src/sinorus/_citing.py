"""The citation formats behind :func:`sinorus.cite`, read on first use."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from typing import Any

import attrs

from .cite import _ABOUT, AUTHOR, TITLE
from .errors import QueryError

# What LaTeX would read as a command, and what it should read instead.
_BIBTEX_SPECIAL = {
    **{c: "\\" + c for c in "&%$#_"},
    "{": "\\textbraceleft{}",
    "}": "\\textbraceright{}",
    "\\": "\\textbackslash{}",
    "~": "\\textasciitilde{}",
    "^": "\\textasciicircum{}",
}
# What may not stand in a URL inside a BibTeX or RIS field.
_URL_UNSAFE = {c: f"%{ord(c):02X}" for c in "{}\\ \t\r\n"}
_DATA_VERSION_DAY = re.compile(r"(\d{4})\.(\d{2})\.(\d{2})\b")


@attrs.frozen
class _Work:
    """One entry of a bibliography: a source (merged over its copies) or sinorus."""

    key: str
    title: str
    url: str | None = None
    publisher: str | None = None
    accessed: date | None = None
    data_version: str | None = None
    software: bool = False



def render(record: Any, style: str) -> str:
    """:func:`sinorus.cite` once ``style`` is known to be one of its styles."""
    heading, works, many = _gather(record)
    if style == "bibtex":
        return "\n\n".join(_bibtex(work) for work in works)
    if style == "csl-json":
        import json

        return json.dumps([_csl(work) for work in works], ensure_ascii=False, indent=2)
    if style == "ris":
        return "\n\n".join(_ris(work) for work in works)
    if many:
        return "\n".join(f"[{i}] {_text(w)}" for i, w in enumerate(works, start=1))
    if heading is None:
        return _text(works[0])
    lines = [f"{heading}, sources:"]
    lines += [f"  [{i}] {_text(w)}" for i, w in enumerate(works, start=1)]
    return "\n".join(lines)



# Gathering what to cite


def _gather(record: Any) -> tuple[str | None, list[_Work], bool]:
    """The works to list, deduplicated, with a heading for one record cited alone
    and whether ``record`` was an iterable of things to cite."""
    from .dataset import Dataset
    from .model import Source

    many = False
    if record is None or isinstance(record, (Dataset, Source)):
        items, heading = [record], None
    elif isinstance(getattr(record, "sources", None), tuple):
        items, heading = [record], _heading(record)
    elif isinstance(record, (str, bytes)) or not isinstance(record, Iterable):
        raise QueryError(f"{type(record).__name__} has no sources to cite")
    else:
        items, heading, many = list(record), None, True
    works: dict[tuple[str, str | None, str | None], _Work] = {}
    keys: set[str] = set()
    for place, item in enumerate(items):
        for same, work in _works(item, place if many else None):
            seen = works.get(same)
            if seen is None:
                works[same] = attrs.evolve(work, key=_unique(work.key, keys))
            elif work.accessed and (seen.accessed is None or work.accessed > seen.accessed):
                works[same] = attrs.evolve(seen, accessed=work.accessed)
    return heading, list(works.values()), many


def _works(item: Any, place: int | None) -> list[tuple[tuple[str, str | None, str | None], _Work]]:
    """One item's works, each with what makes two of them the same.

    ``place`` is the item's place in a bibliography, None for an item cited alone.
    """
    from .dataset import Dataset
    from .model import Source

    if (item is None and place is None) or isinstance(item, Dataset):
        data_version = (item if item is not None else _bundled()).data_version
        work = _Work(key="sinorus", title=TITLE, data_version=data_version, software=True)
        return [(("", None, data_version), work)]  # no source has an empty title
    if isinstance(item, Source):
        return [_source(item, _hashed(item))]
    where = "" if place is None else f" (item {place} of the bibliography)"
    sources = getattr(item, "sources", None)
    if not isinstance(sources, tuple) or not sources:
        raise QueryError(f"{type(item).__name__}{where} has no sources to cite")
    if not all(isinstance(s, Source) for s in sources):
        raise QueryError(f"{type(item).__name__}{where}: its sources must be Source records")
    label = getattr(item, "id", None)
    return [
        _source(s, f"{label}-{n}" if isinstance(label, str) and label else _hashed(s))
        for n, s in enumerate(sources, start=1)
    ]


def _source(source: Any, key: str) -> tuple[tuple[str, str | None, str | None], _Work]:
    work = _Work(
        key=key,
        title=_line(source.title),
        url=source.url,
        publisher=_line(source.publisher) if source.publisher else None,
        accessed=source.accessed,
    )
    return (source.title, source.url, source.publisher), work


def _hashed(source: Any) -> str:
    """A key that depends only on what the source is."""
    import hashlib

    text = "\0".join((source.title, source.url or "", source.publisher or ""))
    return "source-" + hashlib.sha1(text.encode(), usedforsecurity=False).hexdigest()[:8]


def _unique(key: str, used: set[str]) -> str:
    candidate, n = key, 1
    while candidate in used:
        n += 1
        candidate = f"{key}-{n}"
    used.add(candidate)
    return candidate


def _bundled() -> Any:
    from .api import load

    return load()


def _heading(record: Any) -> str:
    name = getattr(record, "name", None) or getattr(record, "text", None) or type(record).__name__
    day = getattr(record, "start", None)
    return _line(f"{name} ({day})" if day is not None else str(name))


def _line(text: str) -> str:
    """``text`` on one line: runs of white space (newlines too) as one space."""
    return " ".join(text.split())


def _release_day(data_version: str | None) -> date | None:
    """The day a ``YYYY.MM.DD.serial`` data version was released, if it is one."""
    found = _DATA_VERSION_DAY.match(data_version or "")
    if found is None:
        return None
    try:
        return date(*(int(part) for part in found.groups()))
    except ValueError:
        return None


def _url(url: str) -> str:
    return "".join(_URL_UNSAFE.get(c, c) for c in url.strip())


# The styles


def _sentence(text: str) -> str:
    return text if text.endswith((".", "?", "!")) else text + "."


def _text(work: _Work) -> str:
    from . import __version__

    if work.software:
        data = f", data version {work.data_version}" if work.data_version else ""
        return f"sinorus {__version__}{data}. {_ABOUT}. Python package."
    parts = [_sentence(work.title)]
    if work.publisher:
        parts.append(_sentence(work.publisher))
    if work.accessed:
        parts.append(f"Accessed {work.accessed.isoformat()}.")
    if work.url:
        parts.append(work.url)
    return " ".join(parts)


def _escape(text: str) -> str:
    return "".join(_BIBTEX_SPECIAL.get(c, c) for c in _line(text))


def _bibtex(work: _Work) -> str:
    from . import __version__

    # Double braces keep a style from lower-casing names in titles.
    fields = [("title", f"{{{_escape(work.title)}}}")]
    if work.software:
        kind = "software"
        fields.insert(0, ("author", f"{{{_escape(AUTHOR)}}}"))
        fields.append(("version", _escape(__version__)))
        if work.data_version:
            fields.append(("note", f"data version {_escape(work.data_version)}"))
        released = _release_day(work.data_version)
        if released:
            fields.append(("year", str(released.year)))
    else:
        # @misc prints howpublished in classic and biblatex styles alike; publisher it drops.
        kind = "misc"
        if work.publisher:
            fields.append(("howpublished", _escape(work.publisher)))
        if work.accessed:
            fields.append(("year", str(work.accessed.year)))
        if work.url:
            fields.append(("url", _url(work.url)))
        if work.accessed:
            fields.append(("urldate", work.accessed.isoformat()))
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@{kind}{{{work.key},\n{body}\n}}"


def _date_parts(day: date) -> dict[str, list[list[int]]]:
    return {"date-parts": [[day.year, day.month, day.day]]}


def _csl(work: _Work) -> dict[str, Any]:
    from . import __version__

    if work.software:
        item: dict[str, Any] = {
            "id": work.key,
            "type": "software",
            "title": work.title,
            "author": [{"literal": AUTHOR}],
            "version": __version__,
        }
        if work.data_version:
            item["note"] = f"data version {work.data_version}"
        released = _release_day(work.data_version)
        if released:
            item["issued"] = _date_parts(released)
        return item
    item = {"id": work.key, "type": "webpage", "title": work.title}
    if work.url:
        item["URL"] = work.url
    if work.publisher:
        item["publisher"] = work.publisher
    if work.accessed:
        item["accessed"] = _date_parts(work.accessed)
    return item


def _ris(work: _Work) -> str:
    from . import __version__

    def tag(name: str, value: str) -> str:
        return f"{name}  - {_line(value)}"

    if work.software:
        lines = [tag("TY", "COMP"), tag("ID", work.key), tag("AU", AUTHOR), tag("TI", work.title)]
        lines.append(tag("ET", __version__))
        released = _release_day(work.data_version)
        if released:
            lines += [tag("PY", str(released.year)), tag("DA", released.strftime("%Y/%m/%d"))]
        if work.data_version:
            lines.append(tag("N1", f"data version {work.data_version}"))
    else:
        lines = [tag("TY", "ELEC"), tag("ID", work.key), tag("TI", work.title)]
        if work.publisher:
            lines.append(tag("PB", work.publisher))
        if work.url:
            lines.append(tag("UR", _url(work.url)))
        if work.accessed:
            lines.append(tag("Y2", work.accessed.strftime("%Y/%m/%d")))
    lines.append("ER  - ")
    return "\n".join(lines)
