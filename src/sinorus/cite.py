"""Citations: a record's sources, or sinorus itself, as plain text or BibTeX.

>>> import sinorus
>>> treaty = sinorus.load().get("treaty-of-good-neighborliness-2001")
>>> print(sinorus.cite(treaty).splitlines()[0])
Treaty of Good-Neighborliness and Friendly Cooperation (2001-07-16), sources:
>>> print(sinorus.cite(treaty, style="bibtex").splitlines()[0])
@misc{treaty-of-good-neighborliness-2001-1,
>>> sinorus.cite().startswith("sinorus ")
True
"""

from __future__ import annotations

from typing import Any

from .errors import QueryError

__all__ = ["STYLES", "cite"]

#: The citation styles :func:`cite` knows.
STYLES = ("text", "bibtex")

_BIBTEX_SPECIAL = {c: "\\" + c for c in "&%$#_{}"}


def cite(record: Any = None, *, style: str = "text") -> str:
    """The citation of ``record``'s sources, or of sinorus itself when ``record`` is None.

    ``record`` may be any record with sources, a :class:`~sinorus.Source`,
    or a :class:`~sinorus.Dataset` (which cites sinorus with that dataset's
    data version). ``style`` is ``"text"`` or ``"bibtex"``.

    >>> import sinorus
    >>> print(sinorus.cite(sinorus.load().get("peace-mission-2005").sources[3]))
    Peace Mission 2005. Wikipedia. https://en.wikipedia.org/wiki/Peace_Mission_2005
    """
    if style not in STYLES:
        raise QueryError(f"unknown citation style {style!r}; expected one of {', '.join(STYLES)}")
    from .dataset import Dataset
    from .model import Source

    if record is None or isinstance(record, Dataset):
        dataset = record if record is not None else _bundled()
        return _package(dataset.data_version, style)
    if isinstance(record, Source):
        return _bibtex(record, "source") if style == "bibtex" else _text(record)
    sources = getattr(record, "sources", None)
    if not isinstance(sources, tuple) or not sources:
        raise QueryError(f"{type(record).__name__} has no sources to cite")
    label = getattr(record, "id", None) or "source"
    if style == "bibtex":
        return "\n\n".join(_bibtex(s, f"{label}-{i}") for i, s in enumerate(sources, start=1))
    lines = [f"{_heading(record)}, sources:"]
    lines += [f"  [{i}] {_text(s)}" for i, s in enumerate(sources, start=1)]
    return "\n".join(lines)


def _bundled() -> Any:
    from .api import load

    return load()


def _heading(record: Any) -> str:
    name = getattr(record, "name", None) or getattr(record, "text", None) or type(record).__name__
    day = getattr(record, "start", None)
    return f"{name} ({day})" if day is not None else str(name)


def _sentence(text: str) -> str:
    return text if text.endswith((".", "?", "!")) else text + "."


def _text(source: Any) -> str:
    parts = [_sentence(source.title)]
    if source.publisher:
        parts.append(_sentence(source.publisher))
    if source.url:
        parts.append(source.url)
    return " ".join(parts)


def _escape(text: str) -> str:
    return "".join(_BIBTEX_SPECIAL.get(c, c) for c in text)


def _bibtex(source: Any, key: str) -> str:
    fields = [f"  title = {{{_escape(source.title)}}}"]
    if source.publisher:
        fields.append(f"  publisher = {{{_escape(source.publisher)}}}")
    if source.url:
        fields.append(f"  howpublished = {{\\url{{{source.url}}}}}")
    return "@misc{" + key + ",\n" + ",\n".join(fields) + "\n}"


def _package(data_version: str | None, style: str) -> str:
    from . import __version__

    data = f", data version {data_version}" if data_version else ""
    title = "sinorus: the history of China–Russia relations as a typed, sourced dataset"
    about = "The history of China–Russia relations as a typed, sourced dataset"
    if style == "bibtex":
        year = (data_version or "")[:4]
        lines = [
            "@software{sinorus,",
            f"  title = {{{_escape(title)}}},",
            f"  version = {{{__version__}}},",
        ]
        if data_version:
            lines.append(f"  note = {{data version {data_version}}},")
        if year.isdigit():
            lines.append(f"  year = {{{year}}},")
        return "\n".join(lines).rstrip(",") + "\n}"
    return f"sinorus {__version__}{data}. {about}. Python package."
