"""Reading the bundled data: plain code, no cattrs or json, so the first answer stays fast.

The data lives in ``data/sinorus.json``, in the same format as users' files
(see :mod:`sinorus.io`). Building the package (``pip install``, editable or
not) also writes that document as Python literals, one module per part of
:data:`~sinorus.kinds.KINDS` (``_bundled_core.py``, ``_bundled_rest.py``;
see ``hatch_build.py``): their compiled bytecode loads in about a third of
the time that importing :mod:`json` and parsing the file take. The core part
(the kinds point-in-time and trade queries need) is read on the first query,
the rest when something first asks for it. A source tree that was never
built reads the JSON file instead.

Records are built without re-running their attrs validators, which would
triple the cost of the first query; the test suite proves that every
bundled record passes them and that this loader builds exactly what the
validating cattrs converter builds from the JSON file. Rules across records
are still checked, by :class:`~sinorus.Dataset`.
"""

from __future__ import annotations

import functools
import importlib
import os
from collections.abc import Callable
from datetime import date
from typing import Any, Final

from .dataset import Dataset
from .errors import DataError
from .fields import fields_of
from .kinds import KINDS
from .model import Coverage, Source

__all__ = [
    "DATA_FILE",
    "PARTS",
    "read_bundled",
    "read_part",
    "render_module",
    "split_document",
    "write_modules",
]

#: The bundled data file.
DATA_FILE: Final = os.path.join(os.path.dirname(__file__), "data", "sinorus.json")

#: The parts of the bundled data, in the order they are read.
PARTS: Final = ("core", "rest")

# How to turn a JSON value into a field's value: (value, sources table) -> value.
_Convert = Callable[[Any, dict[str, Source]], Any]
_new = object.__new__
_set = object.__setattr__


def _as_date(value: str, _: object) -> date:
    return date.fromisoformat(value)


def _as_tuple(value: list[Any], _: object) -> tuple[Any, ...]:
    return tuple(value)


def _as_sources(keys: list[str], table: dict[str, Source]) -> tuple[Source, ...]:
    return tuple([table[key] for key in keys])


@functools.cache
def _spec(cls: type) -> tuple[tuple[tuple[str, Any], ...], dict[str, _Convert]]:
    """The defaults of ``cls``'s optional fields, and how to convert the fields that need it."""
    defaults = []
    converters: dict[str, _Convert] = {}
    for field in fields_of(cls):
        if not field.required:
            defaults.append((field.name, field.default))
        if field.shape == "date":
            converters[field.name] = _as_date
        elif field.shape == "names":
            converters[field.name] = _as_tuple
        elif field.shape == "sources":
            converters[field.name] = _as_sources
        elif field.shape == "records":
            converters[field.name] = _nested(field.item)
        elif field.shape == "enum":
            converters[field.name] = _member_of(field.item)
    return tuple(defaults), converters


def _member_of(kind: type | None) -> _Convert:
    members = {member.value: member for member in kind}  # type: ignore[union-attr]
    return lambda value, _: members[value]


def _nested(cls: type | None) -> _Convert:
    return lambda raw, table: tuple(_record(cls, item, table) for item in raw)  # type: ignore[arg-type]


def _record(cls: type, raw: dict[str, Any], sources: dict[str, Source]) -> Any:
    """An instance of the frozen attrs class ``cls`` from its JSON object (defaults filled in)."""
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


def _document(part: str) -> dict[str, Any]:
    """One part of the bundled document: from its built module, or else from the JSON file."""
    try:
        module = importlib.import_module(f"sinorus._bundled_{part}")
    except ImportError:
        return _from_json()[part]
    document: dict[str, Any] = module.DOCUMENT
    return document


@functools.cache
def _from_json() -> dict[str, dict[str, Any]]:
    import json

    with open(DATA_FILE, encoding="utf-8") as file:
        return split_document(json.load(file))


def read_part(part: str) -> dict[str, Any]:
    """The records of one part of the bundled data, by kind, and its coverage and version."""
    document = _document(part)
    try:
        sources = {key: _record(Source, value, {}) for key, value in document["sources"].items()}
        raw_kinds = document["kinds"]
        built: dict[str, Any] = {
            kind.name: [_record(kind.record, raw, sources) for raw in raw_kinds.get(kind.name, ())]
            for kind in KINDS
            if kind.part == part
        }
        built["coverage"] = [_record(Coverage, raw, {}) for raw in document.get("coverage", ())]
    except (KeyError, TypeError, ValueError) as error:
        raise DataError(f"malformed bundled data: {error!r}", file=DATA_FILE) from None
    built["data_version"] = document.get("data_version")
    return built


def read_bundled() -> Dataset:
    """The bundled dataset: the core part now, the rest when something first asks for it."""
    core = read_part("core")
    coverage = core.pop("coverage")
    version = core.pop("data_version")

    def rest() -> dict[str, Any]:
        sections = read_part("rest")
        del sections["coverage"], sections["data_version"]
        return sections

    return Dataset._lazy(core, rest, coverage=coverage, data_version=version, source=DATA_FILE)


def split_document(document: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """The parsed JSON ``document`` as its parts, each with the sources it cites.

    The core part also carries the data version and the coverage.
    """
    parts: dict[str, dict[str, Any]] = {part: {"kinds": {}} for part in PARTS}
    parts["core"]["data_version"] = document.get("data_version")
    parts["core"]["coverage"] = document.get("coverage", [])
    for kind in KINDS:
        if kind.name in document:
            parts[kind.part]["kinds"][kind.name] = document[kind.name]
    table = document.get("sources", {})
    for part in parts.values():
        cited: set[str] = set()
        _cited(part["kinds"], cited)
        part["sources"] = {key: value for key, value in table.items() if key in cited}
    return parts


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
        '"""Part of the bundled data as a Python literal, written from data/sinorus.json when\n'
        'the package is built (see hatch_build.py); not kept in version control."""\n\n'
        "from typing import Any\n\n"
        f"DOCUMENT: dict[str, Any] = {part!r}\n"
    )


def write_modules(directory: str | None = None) -> list[str]:
    """Write the ``_bundled_*.py`` modules from the JSON file; the paths written."""
    directory = directory or os.path.dirname(__file__)
    written = []
    for part, document in _from_json().items():
        path = os.path.join(directory, f"_bundled_{part}.py")
        with open(path, "w", encoding="utf-8") as file:
            file.write(render_module(document))
        written.append(path)
    return written


if __name__ == "__main__":  # python -m sinorus._bundled writes the modules again
    for path in write_modules():
        print(f"wrote {path}")
