"""Reading datasets from JSON files with a strict cattrs converter.

The file format (``schema_version`` 1) is a JSON object::

    {
      "schema_version": 1,
      "data_version": "2026.11.28",          (optional)
      "sources": {"key": {"title": ..., "url": ..., "publisher": ...}, ...},
      "<kind>": [...], ...               (one list per kind: "phases", "trade", …)
      "coverage": [{"kind": "trade", "start": ..., "end": ..., "complete": true}, ...]
    }

The kinds are those of :data:`sinorus.kinds.KINDS`. Each is a list of
records whose keys are the fields of the kind's record class in
:mod:`sinorus.model`; dates are ISO strings (``"2001-07-16"``),
enums their values (``"joint statement"``). A record's ``sources`` (and a
quote's) lists keys of the top-level ``sources`` table or inline source
objects, as do the ``sources`` of its quotes and alternatives. Every kind,
the table and the coverage may be left out.

Reading checks everything and reports every problem at once, each with its
place in the file (``$.exercises[3].start``); a file with any problem
yields nothing.
"""

from __future__ import annotations

import enum
import functools
import gc
import os
from collections.abc import Callable
from datetime import date
from typing import Any, Final

import cattrs
from cattrs.gen import make_dict_structure_fn

from ._files import path_name, write_text_atomic
from .dataset import Dataset
from .errors import DataError, Problem, QueryTypeError
from .fields import NESTED, Field, fields_of
from .kinds import KIND, KINDS
from .model import Alternative, Coverage, Quote, Source
from .series import Series
from .validation import find_problems

__all__ = [
    "SCHEMA_VERSION",
    "converter",
    "parse",
    "read",
    "to_document",
    "write",
    "write_text_atomic",
]

#: The version of the file format this library reads and writes.
SCHEMA_VERSION: Final = 1

_TOP_LEVEL: Final = frozenset({"schema_version", "data_version", "sources", "coverage", *KIND})

#: Integers with more digits than this are refused (no field holds one; Python
#: would refuse to print those past 4,300 digits).
MAX_DIGITS: Final = 18

# The list fields' types, and what each holds, in messages.
_LISTS: Final[dict[object, str]] = {
    tuple[str, ...]: "a list of strings",
    tuple[Source, ...]: "a list of sources",
    tuple[Quote, ...]: "a list of Quote objects",
    tuple[Alternative, ...]: "a list of Alternative objects",
}


_JSON_NAMES: Final[dict[type, str]] = {
    str: "a string",
    int: "an integer",
    float: "a number",
    list: "a list",
    dict: "an object",
}


def _json_type(value: object) -> str:
    """What ``value`` is, in JSON's words: ``a string``, ``an object``, ``null``, …"""
    if isinstance(value, _Unusable):
        return value.what
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    for kind, name in _JSON_NAMES.items():
        if isinstance(value, kind):
            return name
    return type(value).__name__


class _Unusable:
    """A number in a file that no field can hold: huge, NaN or infinite. Put in its place."""

    __slots__ = ("what",)

    def __init__(self, what: str) -> None:
        self.what = what


class _Numbers:
    """``json.loads`` hooks that put an :class:`_Unusable` where a number cannot be used."""

    def __init__(self) -> None:
        self.found = False

    def integer(self, text: str) -> int | _Unusable:
        if len(text) <= MAX_DIGITS:
            return int(text)
        digits = len(text.lstrip("-"))
        if digits <= MAX_DIGITS:
            return int(text)
        self.found = True
        return _Unusable(f"an integer of {digits} digits")

    def real(self, text: str) -> float | _Unusable:
        value = float(text)
        if value - value == 0:  # finite
            return value
        self.found = True
        shown = text if len(text) <= 24 else text[:20] + "…"
        return _Unusable(f"{shown}, beyond the range of a number")

    def constant(self, text: str) -> _Unusable:
        self.found = True
        return _Unusable(f"{text}, which is not a JSON number")


@functools.cache
def converter() -> cattrs.Converter:
    """The configured converter: strict types, ISO dates, no unknown keys.

    Its errors carry the path to each bad field (``$.exercises[3].start``).

    >>> from datetime import date
    >>> converter().structure("2001-07-16", date)
    datetime.date(2001, 7, 16)
    """
    return _make_converter(detailed=True)


@functools.cache
def _fast_converter() -> cattrs.Converter:
    """The same result without cattrs' path tracking: tried first, as most records are fine.

    Plain values pass straight to the record classes, whose attrs validators
    check every field's type anyway; any failure sends the record through
    :func:`converter`, which says where and why.
    """
    conv = _make_converter(detailed=False)

    def same(value: Any, _: type) -> Any:
        return value

    def names(value: Any, _: type) -> Any:
        return tuple(value) if type(value) is list else value

    def sources(value: Any, _: type) -> tuple[Source, ...]:
        if type(value) is list and all(type(item) is Source for item in value):
            return tuple(value)
        return tuple(conv.structure(item, Source) for item in value)

    def number(value: Any, _: type) -> Any:
        return float(value) if type(value) is int else value  # JSON 8 means 8.0

    for plain in (str, int, bool):
        conv.register_structure_hook(plain, same)
    conv.register_structure_hook(float, number)
    for enum_type in _enums():
        conv.register_structure_hook(enum_type, _enum_lookup(enum_type))
    hooks: list[tuple[object, Any]] = [
        (tuple[str, ...], names),
        (tuple[Source, ...], sources),
        (str | None, same),
    ]
    for kind, hook in hooks:
        conv.register_structure_hook_func(_is(kind), hook)
    return conv


def _enums() -> set[type[enum.Enum]]:
    """The enums the records' fields hold."""
    return {
        f.item
        for kind in KINDS
        for f in fields_of(kind.record)
        if f.shape == "enum" and f.item is not None and issubclass(f.item, enum.Enum)
    }


def _enum_lookup(enum_type: type[enum.Enum]) -> Callable[[Any, type], Any]:
    """Structure an enum from its value with one dict lookup (KeyError if unknown)."""
    members = {member.value: member for member in enum_type}
    return lambda value, _: members[value]


def _is(kind: object) -> Callable[[Any], bool]:
    """A cattrs predicate matching exactly the type ``kind``."""
    return lambda candidate: bool(candidate == kind)


def _make_converter(*, detailed: bool) -> cattrs.Converter:
    conv = cattrs.Converter(detailed_validation=detailed, forbid_extra_keys=True)

    def structure_date(value: Any, _: type) -> date:
        if not isinstance(value, str):
            raise TypeError(f"expected an ISO date string, got {_json_type(value)}")
        return date.fromisoformat(value)

    def strict(kind: type) -> Any:
        expected = {str: "a string", int: "an integer", float: "a number", bool: "a boolean"}
        wanted = expected[kind]

        def structure(value: Any, _: type) -> Any:
            if isinstance(value, bool) and kind is not bool:
                raise TypeError(f"expected {wanted}, got a boolean")
            if kind is float and isinstance(value, int):
                return float(value)
            if not isinstance(value, kind):
                raise TypeError(f"expected {wanted}, got {_json_type(value)}")
            return value

        return structure

    def one_of(kind: type[enum.Enum]) -> Any:
        members = {member.value: member for member in kind}
        allowed = ", ".join(map(repr, members))

        def structure(value: Any, _: type) -> Any:
            try:
                return members[value]
            except (KeyError, TypeError):  # TypeError: a list or an object
                shown = _quoted(value) if isinstance(value, str) else _json_type(value)
                raise ValueError(f"expected one of {allowed}, got {shown}") from None

        return structure

    def an_object(kind: type) -> Any:
        build: Any = make_dict_structure_fn(kind, conv, _cattrs_forbid_extra_keys=True)

        def structure(value: Any, _: type) -> Any:
            if not isinstance(value, dict):
                article = "an" if kind.__name__[0] in "AEIOU" else "a"
                raise TypeError(
                    f"expected {article} {kind.__name__} object, got {_json_type(value)}"
                )
            return build(value, kind)

        return structure

    def a_list(kind: object, expected: str) -> Any:
        items = conv.get_structure_hook(kind)

        def structure(value: Any, _: type) -> Any:
            if type(value) is not list:
                raise TypeError(f"expected {expected}, got {_json_type(value)}")
            return items(value, kind)

        return structure

    conv.register_structure_hook(date, structure_date)
    conv.register_unstructure_hook(date, date.isoformat)
    # A series of records is written as the list of its records.
    conv.register_unstructure_hook(Series, lambda series: [conv.unstructure(r) for r in series])
    for kind in (str, int, float, bool):
        conv.register_structure_hook(kind, strict(kind))

    # A source already built (from a file's sources table) is used as it is.
    build_source = make_dict_structure_fn(Source, conv, _cattrs_forbid_extra_keys=True)

    def structure_source(value: Any, _: type) -> Source:
        if isinstance(value, Source):
            return value
        if not isinstance(value, dict):
            raise TypeError(f"expected a source key or a source object, got {_json_type(value)}")
        return build_source(value, Source)

    conv.register_structure_hook(Source, structure_source)
    for sequence, expected in _LISTS.items():  # a string or an object is not a list
        conv.register_structure_hook_func(_is(sequence), a_list(sequence, expected))
    for nested in (Quote, Alternative):
        conv.register_structure_hook(nested, an_object(nested))
    for enum_type in _enums():
        conv.register_structure_hook(enum_type, one_of(enum_type))
    return conv


def to_document(dataset: Dataset) -> dict[str, Any]:
    """The dataset as JSON-ready data in the file format, sources gathered in one table.

    Source keys are ``s1``, ``s2``, … in order of first use; reading the
    document back gives records equal to the originals.

    >>> import sinorus
    >>> document = to_document(sinorus.load())
    >>> document["schema_version"], len(document["trade"]) == len(sinorus.load().trade)
    (1, True)
    """
    if not isinstance(dataset, Dataset):
        raise QueryTypeError(f"expected a Dataset, got {type(dataset).__name__}")
    conv = converter()
    keys: dict[Any, str] = {}
    table: dict[str, Any] = {}

    def key_of(source: Any) -> str:
        if source not in keys:
            keys[source] = f"s{len(keys) + 1}"
            table[keys[source]] = conv.unstructure(source)
        return keys[source]

    document: dict[str, Any] = {"schema_version": SCHEMA_VERSION}
    if dataset.data_version is not None:
        document["data_version"] = dataset.data_version
    document["sources"] = table
    for kind in KINDS:
        records = []
        for record in dataset[kind.name]:
            raw = conv.unstructure(record)
            raw["sources"] = [key_of(s) for s in record.sources]
            for nested in NESTED:
                for item, raw_item in zip(
                    getattr(record, nested, ()), raw.get(nested, ()), strict=True
                ):
                    raw_item["sources"] = [key_of(s) for s in item.sources]
            records.append(raw)
        document[kind.name] = records
    document["coverage"] = [conv.unstructure(span) for span in dataset.coverage]
    return document


def write(dataset: Dataset, path: str | os.PathLike[str]) -> None:
    """Write the dataset to a JSON file that :func:`read` (and ``sinorus.load``) reads back.

    The file is replaced whole or not at all (see :func:`write_text_atomic`).

    >>> import sinorus, tempfile, os
    >>> path = os.path.join(tempfile.mkdtemp(), "copy.json")
    >>> write(sinorus.load(), path)
    >>> read(path).get("trade-2010").total_usd_bn
    55.5
    """
    import json

    document = to_document(dataset)
    text = json.dumps(document, ensure_ascii=False, indent=1)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate: written as a JSON escape, read back the same
        text = json.dumps(document, ensure_ascii=True, indent=1)
    write_text_atomic(path, text + "\n")


def _describe(error: BaseException, kind: type | None) -> str:
    if isinstance(error, DataError):
        return "; ".join(error.problems)
    if (
        isinstance(error, (TypeError, ValueError))
        and not isinstance(error, KeyError)
        and str(error)
    ):
        return str(error)
    return cattrs.v.format_exception(error, kind)


def _placed(error: BaseException, path: str, owner: str = "") -> list[str]:
    """cattrs' account of ``error`` as problems of the form ``$.where: what``.

    A value of the wrong type also names its record: ``$.where (record 'x'): expected …``.
    """
    problems = []
    for line in cattrs.transform_error(error, path=path, format_exception=_describe):
        message, _, at = line.rpartition(" @ ")
        shown = owner if message.startswith("expected ") else ""  # a wrong type
        problems.append(f"{at}{shown}: {message}" if message else line)
    return problems


def read(path: str | os.PathLike[str]) -> Dataset:
    """Read, check and return the dataset in a JSON file; :class:`DataError` lists every problem.

    >>> from sinorus import io
    >>> io.read(io.bundled_path()).get("treaty-of-friendship-1950").signed
    datetime.date(1950, 2, 14)
    """
    name = path_name(path)
    try:
        with open(name, "rb") as file:
            raw = file.read()
    except OSError as error:
        raise DataError(f"cannot read the file: {error.strerror}", file=name) from None
    except ValueError as error:  # a path the system refuses, e.g. one holding a NUL
        raise DataError(f"cannot read the file: {error}", file=name) from None
    return parse(raw, name)


def bundled_path() -> str:
    """Where the bundled data file lies."""
    from ._bundled import DATA_FILE

    return DATA_FILE


def parse(raw: bytes | str, name: str = "<data>") -> Dataset:
    """Check and return the dataset in ``raw`` JSON text; ``name`` is used in messages.

    >>> len(parse('{"schema_version": 1}').trade)
    0
    >>> parse('{"schema_version": 2}', "mine.json")
    Traceback (most recent call last):
    ...
    sinorus.DataError: mine.json: $.schema_version: expected 1, got 2
    """
    if type(name) is not str:
        name = path_name(name)  # a file name given as bytes, or a path object
    # Parsing and checking create many objects and no reference cycles; the
    # cyclic collector, were it left on, would rescan them all again and again.
    was_collecting = gc.isenabled()
    gc.disable()
    try:
        return _parse(raw, name)
    finally:
        if was_collecting:
            gc.enable()


def _parse(raw: bytes | str, name: str) -> Dataset:
    import json

    if isinstance(raw, (bytes, bytearray, memoryview)):
        raw = bytes(raw)
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as error:
            raise DataError(_not_utf8(raw, error.start), file=name) from None
    elif isinstance(raw, str):
        text = raw
    else:
        raise QueryTypeError(f"the text to parse must be str or bytes, got {type(raw).__name__}")
    numbers = _Numbers()
    try:
        document = json.loads(
            text,
            parse_int=numbers.integer,
            parse_float=numbers.real,
            parse_constant=numbers.constant,
        )
    except json.JSONDecodeError as error:
        raise DataError(
            f"not valid JSON: {error.msg} at line {error.lineno}, column {error.colno}",
            file=name,
        ) from None
    except RecursionError:
        raise DataError("not valid JSON: nested too deeply", file=name) from None
    if numbers.found:
        raise DataError(_number_problems(document), file=name)
    sections, coverage, data_version = _structure(document, name)
    return Dataset(sections, coverage=coverage, data_version=data_version, source=name)


def _not_utf8(raw: bytes, start: int) -> str:
    """Where the bytes stop being UTF-8, and what they look like instead."""
    line = raw.count(b"\n", 0, start) + 1
    column = start - raw.rfind(b"\n", 0, start)
    hint = ""
    if raw[:2] in (b"\xff\xfe", b"\xfe\xff") or (len(raw) > 1 and b"\x00" in raw[:4]):
        hint = "; it looks like UTF-16, save it as UTF-8"
    return f"not UTF-8 text (line {line}, column {column}, byte {start}){hint}"


def _number_problems(document: Any) -> list[str]:
    """A problem for each number in ``document`` that no field can hold, with its place."""
    problems = []
    stack: list[tuple[Any, tuple[str | int, ...]]] = [(document, ())]
    while stack:
        value, at = stack.pop()
        if isinstance(value, dict):
            stack += [(item, (*at, key)) for key, item in reversed(value.items())]
        elif isinstance(value, list):
            stack += [(item, (*at, i)) for i, item in reversed(list(enumerate(value)))]
        elif isinstance(value, _Unusable):
            where = "$" + "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in at)
            owner = _owner(document, at)
            problems.append(f"{where}{owner}: expected {_expected(at)}, got {value.what}")
    return problems


def _owner(document: Any, at: tuple[str | int, ...]) -> str:
    """`` (record 'x')`` for a place inside a record that has a usable id, else nothing."""
    if len(at) > 2 and at[0] in KIND and isinstance(at[1], int):
        record = document[at[0]][at[1]]
        if isinstance(record, dict) and isinstance(record.get("id"), str):
            return f" (record {_quoted(record['id'])})"
    return ""


def _quoted(text: str) -> str:
    """A string (a record's id, a value) quoted for a message, cut short if it is very long."""
    return repr(text) if len(text) <= 80 else repr(text[:77]) + "…"


_SHAPES: Final = {
    "text": "a string",
    "int": "an integer",
    "float": "a number",
    "bool": "true or false",
    "date": "an ISO date string",
    "names": "a list of strings",
    "sources": "a list of sources",
}


def _describe_field(field: Field) -> str:
    if field.shape == "enum" and field.item is not None:
        what = "one of " + ", ".join(repr(m.value) for m in field.item)  # type: ignore[attr-defined]
    elif field.shape == "records" and field.item is not None:
        what = f"a list of {field.item.__name__} objects"
    else:
        what = _SHAPES[field.shape]
    return f"{what} or null" if field.optional else what


def _expected(at: tuple[str | int, ...]) -> str:
    """What the file format puts at the place ``at`` (keys and indexes from ``$``)."""
    if at == ("schema_version",):
        return f"the number {SCHEMA_VERSION}"
    if at == ("data_version",):
        return "a string"
    cls: type | None = None
    rest: tuple[str | int, ...] = ()
    if len(at) >= 3 and at[0] == "sources":
        cls, rest = Source, at[2:]
    elif len(at) >= 3 and at[0] == "coverage" and isinstance(at[1], int):
        cls, rest = Coverage, at[2:]
    elif len(at) >= 3 and at[0] in KIND and isinstance(at[1], int):
        cls, rest = KIND[str(at[0])].record, at[2:]
    while cls is not None and rest:
        fields = {f.name: f for f in fields_of(cls)}
        field = fields.get(str(rest[0])) if isinstance(rest[0], str) else None
        if field is None:
            break
        if len(rest) == 1:
            return _describe_field(field)
        if field.shape == "names" and len(rest) == 2:
            return "a string"
        if field.shape == "sources" and len(rest) == 2:
            return "a source key (a string) or a source object"
        if field.shape in ("sources", "records") and len(rest) > 2:
            cls, rest = field.item, rest[2:]
            continue
        break
    return "no number here (not a field of the format)"


def _structure(
    document: Any, name: str
) -> tuple[dict[str, list[Any]], list[Coverage], str | None]:
    import json

    if not isinstance(document, dict):
        raise DataError(f"$: expected a JSON object, got {_json_type(document)}", file=name)
    problems: list[str | Problem] = []
    unknown = sorted(set(document) - _TOP_LEVEL)
    if unknown:
        problems.append(f"$: unknown keys {', '.join(map(repr, unknown))}")
    version = document.get("schema_version")
    if type(version) is not int or version != SCHEMA_VERSION:
        shown = json.dumps(version) if type(version) in (bool, int, float) else repr(version)
        problems.append(f"$.schema_version: expected {SCHEMA_VERSION}, got {shown}")
    data_version = document.get("data_version")
    if data_version is not None and not isinstance(data_version, str):
        problems.append(f"$.data_version: expected a string, got {_json_type(data_version)}")
        data_version = None
    table = document.get("sources", {})
    if not isinstance(table, dict):
        problems.append(f"$.sources: expected an object, got {_json_type(table)}")
        table = {}
    sections, missing = _records(document, table, problems)
    coverage = _coverage(document.get("coverage", []), problems)
    if problems:
        # Report what the records that did build show across records too (a
        # duplicate id, an overlap), so that one pass finds every problem;
        # but not what follows from the records left out (a gap where one was).
        problems += find_problems(sections, coverage, missing=missing)
        raise DataError(problems, file=name)
    return sections, coverage, data_version


def _coverage(raw: Any, problems: list[str | Problem]) -> list[Coverage]:
    """The declared coverage of each kind, or the problems that stop it.

    Files written before the field was called ``kind`` name it ``series``;
    they are read the same way.
    """
    if not isinstance(raw, list):
        problems.append(f"$.coverage: expected a list, got {_json_type(raw)}")
        return []
    built = []
    conv = converter()
    for index, span in enumerate(raw):
        if not isinstance(span, dict):
            problems.append(f"$.coverage[{index}]: expected an object, got {_json_type(span)}")
            continue
        if "series" in span and "kind" not in span:
            span = {("kind" if key == "series" else key): value for key, value in span.items()}
        try:
            built.append(conv.structure(span, Coverage))
        except Exception as error:  # reported with its place, like a record's
            problems += _placed(error, f"$.coverage[{index}]")
    return built


def _records(
    document: dict[str, Any], table: dict[str, Any], problems: list[str | Problem]
) -> tuple[dict[str, list[Any]], dict[str, set[str | None]]]:
    """Every section's records, or the problems that stop them, added to ``problems``.

    Also the ids of the records that could not be read, by kind (None for
    one without a usable id).
    """
    sources, broken = _sources_table(table, problems)
    fast = _fast_converter()
    sections: dict[str, list[Any]] = {}
    missing: dict[str, set[str | None]] = {}
    for kind in KINDS:
        section, cls = kind.name, kind.record
        records = document.get(section, [])
        if not isinstance(records, list):
            problems.append(f"$.{section}: expected a list, got {_json_type(records)}")
            continue
        built = sections[section] = []
        structure = fast.structure
        for index, record in enumerate(records):
            # The usual record: a JSON object whose sources are all keys of the table.
            # (The document is this module's own, parsed from the file, so it may change.)
            if type(record) is dict and "quotes" not in record and "alternatives" not in record:
                refs = record.get("sources")
                if type(refs) is list:
                    try:
                        record["sources"] = [sources[key] for key in refs]
                        built.append(structure(record, cls))
                        continue
                    except Exception:  # looked at again below, to say where and why
                        record["sources"] = refs
            where = f"$.{section}[{index}]"
            first = len(problems)
            ident = record.get("id") if isinstance(record, dict) else None
            ident = ident if isinstance(ident, str) and ident else None
            read = _NOT_READ
            if isinstance(record, dict):
                read = _read_slowly(record, cls, sources, broken, where, ident, problems)
            else:
                problems.append(f"{where}: expected an object, got {_json_type(record)}")
            if read is _NOT_READ:
                missing.setdefault(section, set()).add(ident)
            else:
                built.append(read)
            if ident is not None:  # each problem of the record knows its id
                problems[first:] = [Problem.parse(str(p), record=ident) for p in problems[first:]]
    return sections, missing


_NOT_READ: Final = object()


def _read_slowly(
    record: dict[str, Any],
    cls: type,
    sources: dict[str, Source],
    broken: set[str],
    where: str,
    ident: str | None,
    problems: list[str | Problem],
) -> Any:
    """A record the usual way failed for, or ``_NOT_READ``, adding to ``problems`` where and why."""
    resolved = _inline_sources(record, sources, broken, where, problems)
    try:
        return _fast_converter().structure(resolved, cls)
    except Exception:  # structured again below, to say where and why
        pass
    try:
        converter().structure(resolved, cls)
    except DataError as error:
        problems += [f"{where}: {p}" for p in error.problems]
    except Exception as error:  # cattrs' validation errors and whatever they wrap
        owner = f" (record {_quoted(ident)})" if ident else ""
        problems += _placed(error, where, owner)
    else:  # the detailed pass found nothing the fast one objected to
        problems.append(f"{where}: invalid record")
    return _NOT_READ


def _sources_table(
    table: dict[str, Any], problems: list[str | Problem]
) -> tuple[dict[str, Source], set[str]]:
    """The top-level sources, each built once; and the keys of those that are invalid."""
    built: dict[str, Source] = {}
    broken: set[str] = set()
    conv = converter()
    for key, raw in table.items():
        if not isinstance(raw, dict):
            broken.add(key)
            problems.append(f"$.sources.{key}: expected an object, got {_json_type(raw)}")
            continue
        try:
            built[key] = conv.structure(raw, Source)
        except Exception as error:  # reported with its place, like a record's
            broken.add(key)
            problems += _placed(error, f"$.sources.{key}")
    return built, broken


def _inline_sources(
    record: dict[str, Any],
    table: dict[str, Source],
    broken: set[str],
    where: str,
    problems: list[str | Problem],
) -> dict[str, Any]:
    """The record with source keys replaced by the table's sources."""
    resolved = dict(record)
    refs = record.get("sources")
    if type(refs) is list and "quotes" not in record and "alternatives" not in record:
        try:  # the common case: every entry a key of the table
            resolved["sources"] = [table[key] for key in refs]
            return resolved
        except (KeyError, TypeError):
            pass
    if "sources" in resolved:
        resolved["sources"] = _resolve(
            resolved["sources"], table, broken, f"{where}.sources", problems
        )
    for nested in NESTED:
        items = resolved.get(nested)
        if isinstance(items, list):
            resolved[nested] = [
                {
                    **item,
                    "sources": _resolve(
                        item["sources"],
                        table,
                        broken,
                        f"{where}.{nested}[{i}].sources",
                        problems,
                    ),
                }
                if isinstance(item, dict) and "sources" in item
                else item
                for i, item in enumerate(items)
            ]
    return resolved


# Stands for a source key that names no readable source (a problem already
# reported), so that the record's other fields are still checked and nothing
# else is reported for it; a file with such a key never loads.
_UNREAD: Final = Source(title="(a source that could not be read)")


def _resolve(
    refs: Any, table: dict[str, Source], broken: set[str], at: str, problems: list[str | Problem]
) -> Any:
    if not isinstance(refs, list):
        return refs  # the converter reports the wrong type
    out = []
    for i, ref in enumerate(refs):
        if isinstance(ref, str):
            if ref not in table and ref not in broken:
                problems.append(f"{at}[{i}]: no source {ref!r} in $.sources")
            ref = table.get(ref, _UNREAD)
        out.append(ref)
    return out
