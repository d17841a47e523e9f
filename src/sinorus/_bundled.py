"""Reading the bundled data: plain code, no cattrs or json, so the first answer stays fast.

The data lives in ``data/sinorus.json``, in the same format as users' files
(see :mod:`sinorus.io`). The package also ships that document as Python
literals, written by :func:`render_module`: their compiled bytecode loads in
about a third of the time that importing :mod:`json` and parsing the file
take. A test keeps them identical to the file. They come in two parts:
``_bundled_core.py`` holds what point-in-time and trade queries need
(phases, partnership levels and the agreements that adopted them, trade,
coverage) and is read on the first query; ``_bundled_rest.py`` holds the
other sections and is read only when something asks for them.

Records are built without re-running their attrs validators, which would
triple the cost of the first query; the test suite proves that every
bundled record passes them and that this loader builds exactly what the
validating cattrs converter builds from the JSON file. Rules across records
are still checked here, by :class:`~sinorus.Dataset`.

To change the data, edit the JSON file and run ``python -m sinorus._bundled``.
"""

from __future__ import annotations

import enum
import functools
import os
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any, Final, cast

import attrs

from .dataset import Dataset
from .errors import DataError
from .model import (
    Agreement,
    AgreementKind,
    Alternative,
    Coverage,
    Domain,
    Event,
    EventKind,
    ExerciseFormat,
    Precision,
    Quote,
    Source,
)
from .validation import SECTIONS

__all__ = ["DATA_FILE", "read_bundled", "read_core", "read_rest"]

#: The bundled data file.
DATA_FILE: Final = os.path.join(os.path.dirname(__file__), "data", "sinorus.json")

_DATE_FIELDS: Final = frozenset({"start", "end", "signed", "in_force", "ended"})
_TUPLE_FIELDS: Final = frozenset(
    {"parties", "signatories", "aliases", "participants", "people", "restated_by"}
)
_ENUMS: Final[dict[str, Any]] = {
    "precision": Precision,
    "domain": Domain,
    "format": ExerciseFormat,
}
_KINDS: Final[dict[type, Any]] = {Agreement: AgreementKind, Event: EventKind}

# How to turn a JSON value into a field's value: (value, sources table) -> value.
_Convert = Callable[[Any, dict[str, Source]], Any]


def _sources(keys: list[str], table: dict[str, Source]) -> tuple[Source, ...]:
    return tuple([table[key] for key in keys])


def _quotes(raw: list[dict[str, Any]], table: dict[str, Source]) -> tuple[Quote, ...]:
    return tuple(_record(Quote, q, table) for q in raw)


def _alternatives(raw: list[dict[str, Any]], table: dict[str, Source]) -> tuple[Alternative, ...]:
    return tuple(_record(Alternative, a, table) for a in raw)


def _member_of(kind: type[enum.Enum]) -> _Convert:
    members = {member.value: member for member in kind}
    return lambda value, _: members[value]


@functools.cache
def _spec(cls: type) -> tuple[tuple[tuple[str, Any], ...], dict[str, _Convert]]:
    """The defaults of ``cls``'s optional fields, and how to convert the fields that need it."""
    defaults = []
    converters: dict[str, _Convert] = {}
    for field in attrs.fields(cls):
        name = field.name
        if field.default is not attrs.NOTHING:
            defaults.append((name, field.default))
        if name in _DATE_FIELDS:
            converters[name] = lambda value, _: date.fromisoformat(value)
        elif name in _TUPLE_FIELDS:
            converters[name] = lambda value, _: tuple(value)
        elif name == "sources":
            converters[name] = _sources
        elif name == "quotes":
            converters[name] = _quotes
        elif name == "alternatives":
            converters[name] = _alternatives
        elif name == "kind" or name in _ENUMS:
            converters[name] = _member_of(_KINDS[cls] if name == "kind" else _ENUMS[name])
    return tuple(defaults), converters


#: The sections a point-in-time or trade query needs, read first; the rest wait
#: until something asks for them.
CORE_SECTIONS: Final = ("phases", "partnership_levels", "agreements", "trade")

#: The Python modules holding the two parts of the bundled document.
MODULE_FILES: Final = {
    part: os.path.join(os.path.dirname(__file__), f"_bundled_{part}.py")
    for part in ("core", "rest")
}


def split_document(document: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """The parsed JSON ``document`` as its two parts, each with the sources it cites."""
    core = {"data_version": document.get("data_version"), "coverage": document.get("coverage", [])}
    rest: dict[str, Any] = {}
    for section in SECTIONS:
        if section in document:
            (core if section in CORE_SECTIONS else rest)[section] = document[section]
    for part in (core, rest):
        cited: set[str] = set()
        _cited(part, cited)
        part["sources"] = {k: v for k, v in document.get("sources", {}).items() if k in cited}
    return {"core": core, "rest": rest}


def _cited(value: Any, keys: set[str]) -> None:
    if isinstance(value, dict):
        for name, item in value.items():
            if name == "sources" and isinstance(item, list):
                keys.update(item)
            else:
                _cited(item, keys)
    elif isinstance(value, list):
        for item in value:
            _cited(item, keys)


def render_module(part: dict[str, Any]) -> str:
    """The text of one ``_bundled_*.py`` module for a part made by :func:`split_document`."""
    return (
        '"""Part of the bundled data as a Python literal, written from data/sinorus.json by\n'
        '``python -m sinorus._bundled``; edit the JSON file, not this one."""\n\n'
        "from typing import Any\n\n"
        f"DOCUMENT: dict[str, Any] = {part!r}\n"
    )


def read_core() -> Dataset:
    """The bundled phases, partnership levels, agreements, trade and coverage, checked."""
    from ._bundled_core import DOCUMENT as document

    sections = _build(document, CORE_SECTIONS)
    coverage = _build_coverage(document)
    return Dataset(
        **sections, coverage=coverage, data_version=document["data_version"], source=DATA_FILE
    )


def read_rest(core: Dataset) -> Dataset:
    """The whole bundled dataset, checked: ``core`` (from :func:`read_core`) and the rest."""
    from ._bundled_rest import DOCUMENT as document

    rest = [section for section in SECTIONS if section not in CORE_SECTIONS]
    sections: dict[str, Any] = {section: getattr(core, section) for section in CORE_SECTIONS}
    sections.update(_build(document, rest))
    return Dataset(
        **sections, coverage=core.coverage, data_version=core.data_version, source=DATA_FILE
    )


def read_bundled() -> Dataset:
    """The whole bundled dataset, read at once."""
    return read_rest(read_core())


def _build(document: dict[str, Any], sections: Sequence[str]) -> dict[str, list[Any]]:
    try:
        sources = {key: _source(value) for key, value in document["sources"].items()}
        return {
            section: [_record(SECTIONS[section], raw, sources) for raw in document.get(section, ())]
            for section in sections
        }
    except (KeyError, TypeError, ValueError) as error:
        raise DataError(f"malformed bundled data: {error!r}", file=DATA_FILE) from None


def _build_coverage(document: dict[str, Any]) -> list[Coverage]:
    try:
        return [_record(Coverage, raw, {}) for raw in document.get("coverage", ())]
    except (KeyError, TypeError, ValueError) as error:
        raise DataError(f"malformed bundled data: {error!r}", file=DATA_FILE) from None


def _record(cls: type, raw: dict[str, Any], sources: dict[str, Source]) -> Any:
    """An instance of the frozen attrs class ``cls`` from its JSON object (defaults filled in).

    The bundled file is trusted here: the test suite checks that every
    record built this way equals the one the validating converter builds.
    """
    defaults, converters = _spec(cls)
    record: Any = _new(cls)
    for name, value in defaults:
        _set(record, name, value)
    convert = converters.get
    for name, value in raw.items():
        converter = convert(name)
        _set(
            record, name, value if converter is None or value is None else converter(value, sources)
        )
    return record


def _source(raw: dict[str, Any]) -> Source:
    source: Any = _new(Source)
    _set(source, "title", raw["title"])
    _set(source, "url", raw.get("url"))
    _set(source, "publisher", raw.get("publisher"))
    return cast(Source, source)


_new = object.__new__
_set = object.__setattr__


if __name__ == "__main__":
    import json

    with open(DATA_FILE, encoding="utf-8") as file:
        parsed = json.load(file)
    for part, text in split_document(parsed).items():
        with open(MODULE_FILES[part], "w", encoding="utf-8") as file:
            file.write(render_module(text))
        print(f"wrote {MODULE_FILES[part]}")
