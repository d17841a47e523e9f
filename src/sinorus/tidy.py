"""Tidy tables of a dataset: one row per record, link tables for lists, and CSV without pandas.

:func:`tables` turns a dataset into plain, immutable :class:`Table` values
(column names, types and tuples of rows) with stable keys:

- one table per kind (``"agreements"``, ``"exercises"``, …) with a column
  per scalar field: enums as their values, dates as :class:`datetime.date`,
  lists of names ``;``-joined, the record's sources as ``;``-joined source
  ids, and None for a value that is missing or empty;
- link tables with one row per item of a list: ``agreement_parties``,
  ``exercise_participants``, ``event_people`` (``record_id``, ``position``
  from 1, the name) and ``record_sources`` (``record_kind``, ``record_id``,
  ``position``, ``source_id``);
- ``sources`` (``source_id``, ``title``, ``url``, ``publisher``,
  ``accessed``, ``secondary``), whose ids are those :func:`sinorus.io.to_document`
  gives (``s1``, ``s2``, … in order of first use), so they are the same
  from run to run and in the JSON export;
- ``quotes`` and ``alternatives`` (each with its record and position) and
  ``coverage`` (one row per kind's declared span).

:meth:`Table.write_csv` writes RFC 4180 CSV with the standard :mod:`csv`
module: UTF-8 (with a byte-order mark for Excel if asked), ISO dates,
``true``/``false``, an empty cell for a missing value.

>>> import sinorus
>>> agreements = sinorus.tables()["agreements"]
>>> agreements.column_names[:4]
('id', 'name', 'name_zh', 'name_ru')
>>> row = agreements.row("treaty-of-good-neighborliness-2001")
>>> row["parties"], row["kind"], row["signed"]
('China;Russia', 'treaty', datetime.date(2001, 7, 16))
"""

from __future__ import annotations

import enum
import os
import types
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any, Final, Literal, NamedTuple, TypeAlias

from .errors import QueryError

if TYPE_CHECKING:
    from .dataset import Dataset
    from .model import Source

__all__ = [
    "SEPARATOR",
    "Cell",
    "Column",
    "ColumnType",
    "ForeignKey",
    "Table",
    "csv_cell",
    "rows_as_dicts",
    "source_ids",
    "tables",
]

#: What joins the items of a list in one cell (``"China;Russia"``).
SEPARATOR: Final = ";"

#: What a cell of a :class:`Table` holds; None is a missing value.
Cell: TypeAlias = str | int | float | bool | date | None

#: A column's type, named as in a Frictionless Table Schema.
ColumnType: TypeAlias = Literal["string", "integer", "number", "boolean", "date"]


class Column(NamedTuple):
    """One column of a :class:`Table`: its name, type and meaning.

    ``required`` columns never hold None; ``values`` lists the allowed values
    of an enum column; ``categorical`` marks a text column of a few
    repeated values (pandas gives it a ``category`` dtype).

    >>> Column("year", "integer", "calendar year", required=True).type
    'integer'
    """

    name: str
    type: ColumnType
    description: str = ""
    required: bool = False
    values: tuple[str, ...] | None = None
    categorical: bool = False


class ForeignKey(NamedTuple):
    """Columns of one table that hold keys of another (``fields`` → ``table``'s ``reference``).

    >>> ForeignKey(("source_id",), "sources", ("source_id",)).table
    'sources'
    """

    fields: tuple[str, ...]
    table: str
    reference: tuple[str, ...]


class Table(NamedTuple):
    """A named table: columns, rows (tuples of cells), primary key and foreign keys.

    >>> import sinorus
    >>> trade = sinorus.tables()["trade"]
    >>> trade.primary_key, len(trade.rows) == len(sinorus.load().trade)
    (('id',), True)
    >>> trade.row("trade-2010")["total_usd_bn"]
    55.5
    """

    name: str
    columns: tuple[Column, ...]
    rows: tuple[tuple[Cell, ...], ...]
    primary_key: tuple[str, ...] = ()
    foreign_keys: tuple[ForeignKey, ...] = ()
    description: str = ""

    @property
    def column_names(self) -> tuple[str, ...]:
        """The names of the columns, in order."""
        return tuple(column.name for column in self.columns)

    def column(self, name: str) -> tuple[Cell, ...]:
        """The cells of one column, top to bottom.

        >>> import sinorus
        >>> sinorus.tables()["phases"].column("id")[0]
        'alliance'
        """
        try:
            i = self.column_names.index(name)
        except ValueError:
            raise QueryError(
                f"table {self.name!r} has no column {name!r}; "
                f"the columns are {', '.join(self.column_names)}"
            ) from None
        return tuple(row[i] for row in self.rows)

    def row(self, *key: Cell) -> dict[str, Cell]:
        """The row whose primary key is ``key``, as a new dict of column name to cell.

        >>> import sinorus
        >>> sinorus.tables()["sources"].row("s1")["source_id"]
        's1'
        """
        if len(key) != len(self.primary_key):
            raise QueryError(
                f"table {self.name!r} has a primary key of {len(self.primary_key)} "
                f"columns ({', '.join(self.primary_key)}), got {len(key)} values"
            )
        names = self.column_names
        places = [names.index(name) for name in self.primary_key]
        for row in self.rows:
            if all(row[p] == k for p, k in zip(places, key, strict=True)):
                return dict(zip(names, row, strict=True))
        raise QueryError(f"table {self.name!r} has no row with key {key!r}")

    def csv_text(self, *, bom: bool = False) -> str:
        """The table as CSV text (header first); ``bom`` puts a byte-order mark in front.

        >>> import sinorus
        >>> print(sinorus.tables()["trade"].csv_text().splitlines()[0])
        id,name,year,total_usd_bn,exports_usd_bn,imports_usd_bn,source_ids,notes
        """
        import csv
        import io

        out = io.StringIO(newline="")
        if bom:
            out.write("\ufeff")
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(self.column_names)
        writer.writerows([csv_cell(cell) for cell in row] for row in self.rows)
        return out.getvalue()

    def write_csv(self, path: str | os.PathLike[str], *, bom: bool = False) -> None:
        """Write the table to a CSV file, whole or not at all (see :meth:`csv_text`).

        >>> import sinorus, tempfile, os, csv
        >>> path = os.path.join(tempfile.mkdtemp(), "trade.csv")
        >>> sinorus.tables()["trade"].write_csv(path)
        >>> with open(path, encoding="utf-8", newline="") as file:
        ...     next(csv.DictReader(file))["year"]
        '1992'
        """
        from ._files import atomic_path

        text = self.csv_text(bom=bom)
        with (
            atomic_path(path) as temporary,
            open(temporary, "w", encoding="utf-8", newline="") as file,
        ):
            file.write(text)


def csv_cell(cell: Cell) -> str:
    """How a cell is written in CSV: ISO dates, ``true``/``false``, empty for None.

    >>> from datetime import date
    >>> [csv_cell(v) for v in (None, True, date(2001, 7, 16), 55.5, 3, "a;b")]
    ['', 'true', '2001-07-16', '55.5', '3', 'a;b']
    """
    if cell is None:
        return ""
    if cell is True:
        return "true"
    if cell is False:
        return "false"
    if isinstance(cell, date):
        return cell.isoformat()
    if isinstance(cell, float):
        return repr(cell)
    return str(cell)


# --- building the tables -------------------------------------------------------

_DESCRIPTIONS: Final = {
    "id": "stable identifier of the record",
    "name": "name of the record in English",
    "name_zh": "name in Chinese, where a source gives it",
    "name_ru": "name in Russian, where a source gives it",
    "start": "first day (for a date known to the month or year, the first day of it)",
    "end": "last day, inclusive; empty while in force or for a single day",
    "signed": "day of signing",
    "in_force": "day it took effect, where known",
    "ended": "day it expired or was superseded, where known",
    "precision": "how much of the dates the sources give: day, month or year",
    "kind": "sort of record",
    "parties": "parties, ';'-joined (one row each in agreement_parties)",
    "participants": "countries taking part, ';'-joined (one row each in exercise_participants)",
    "people": "leaders involved, ';'-joined (one row each in event_people)",
    "place": "where it was signed",
    "location": "where it took place",
    "signatories": "who signed, ';'-joined",
    "aliases": "other names, ';'-joined",
    "adopted_by": "id of the agreement that announced it",
    "restated_by": "ids of later agreements that restated it, ';'-joined",
    "series": "the exercise series it belongs to",
    "domain": "where the exercise took place: land, sea, air or combined",
    "format": "bilateral or multilateral",
    "summary": "short description",
    "notes": "how the values were chosen, and disagreements between sources",
    "year": "calendar year",
    "months": "number of months of the year the figure covers",
    "total_usd_bn": "total goods trade, billions of current US dollars",
    "exports_usd_bn": "China's exports to the partner, billions of current US dollars",
    "imports_usd_bn": "China's imports from the partner, billions of current US dollars",
    "start_year": "first year of the period",
    "end_year": "last year of the period, inclusive",
    "baseline": "the period compared with",
    "percent_higher": "percentage change over the baseline",
    "supplier": "country that delivered the arms",
    "recipient": "country that received them",
    "tiv_millions": "millions of SIPRI trend-indicator values",
    "country": "country of the office",
    "office": "the office held",
    "source_ids": "the record's sources, ';'-joined ids of the sources table",
    "source_id": "id of a row of the sources table",
    "record_kind": "kind of the record (its table)",
    "record_id": "id of the record",
    "position": "place in the record's list, from 1",
    "party": "one party",
    "participant": "one participant",
    "person": "one person",
    "title": "title of the document",
    "url": "address of the document",
    "publisher": "who published it",
    "accessed": "day it was read",
    "secondary": "whether it is a copy or aggregator rather than the original",
    "text": "the words quoted",
    "speaker": "who said or wrote them",
    "field": "the field a source gives another value for",
    "value": "the other value, as written in a data file",
    "complete": "whether the data means to hold every record of the kind in the span",
}

_PLAIN_TYPES: Final[dict[str, ColumnType]] = {
    "text": "string",
    "int": "integer",
    "float": "number",
    "bool": "boolean",
    "date": "date",
    "enum": "string",
    "names": "string",
}

# The list fields that also get a link table: kind -> (field, table, column).
_LINKS: Final = (
    ("agreements", "parties", "agreement_parties", "party"),
    ("exercises", "participants", "exercise_participants", "participant"),
    ("events", "people", "event_people", "person"),
)

_TO_SOURCES: Final = ForeignKey(("source_id",), "sources", ("source_id",))


def _column(name: str, type: ColumnType, **options: Any) -> Column:
    return Column(name, type, _DESCRIPTIONS.get(name, ""), **options)


def _joined(values: Iterable[str]) -> str | None:
    return SEPARATOR.join(values) or None


def _cell(value: Any) -> Cell:
    if isinstance(value, enum.Enum):
        return value.value  # type: ignore[no-any-return]
    if value == "":
        return None
    return value  # type: ignore[no-any-return]


def source_ids(dataset: Dataset) -> dict[Source, str]:
    """The id of every source of ``dataset``: the keys :func:`sinorus.io.to_document` gives.

    >>> import sinorus
    >>> ids = source_ids(sinorus.load())
    >>> first = sinorus.load().phases[0].sources[0]
    >>> ids[first]
    's1'
    """
    from .io import converter, to_document
    from .model import Source

    conv = converter()
    table = to_document(dataset)["sources"]
    return {conv.structure(raw, Source): key for key, raw in table.items()}


def tables(dataset: Dataset | None = None) -> Mapping[str, Table]:
    """Every tidy table of ``dataset`` (the bundled data if None), by name, read-only.

    The order: ``sources``, one table per kind in the order of
    :data:`~sinorus.KINDS`, the link tables, ``record_sources``,
    ``quotes``, ``alternatives`` and ``coverage``.

    >>> import sinorus
    >>> list(sinorus.tables())[:3]
    ['sources', 'phases', 'partnership_levels']
    >>> parties = sinorus.tables()["agreement_parties"]
    >>> parties.column_names, parties.rows[0][1:]
    (('record_id', 'position', 'party'), (1, 'China'))
    """
    from .api import load

    if dataset is None:
        dataset = load()
    bundled = dataset is load()
    if bundled and _BUNDLED_TABLES:
        return _BUNDLED_TABLES[0]
    built = _build(dataset)
    if bundled:
        _BUNDLED_TABLES[:] = [built]
    return built


# The bundled data's tables, built once: it never changes, and the tables cannot be changed.
_BUNDLED_TABLES: list[Mapping[str, Table]] = []


def _build(dataset: Dataset) -> Mapping[str, Table]:
    from .fields import fields_of
    from .kinds import KINDS

    ids = source_ids(dataset)
    kinds = [kind.name for kind in KINDS]
    built: dict[str, Table] = {"sources": _sources_table(ids)}
    links: list[tuple[str, str]] = []
    quotes: list[tuple[Cell, ...]] = []
    alternatives: list[tuple[Cell, ...]] = []
    for kind in KINDS:
        records = dataset[kind.name]
        fields = fields_of(kind.record)
        columns: list[Column] = []
        # Text fields the kind filters by (series, country, office, supplier, …) hold
        # a few values each: categorical in frames.
        labels = {field for _, field in kind.filters} - {"name", "id"}
        for field in fields:
            if field.shape == "sources":
                columns.append(_column("source_ids", "string", required=True))
            elif field.shape in _PLAIN_TYPES:
                values = None
                if field.shape == "enum":
                    values = tuple(member.value for member in field.item)  # type: ignore[union-attr]
                columns.append(
                    _column(
                        field.name,
                        _PLAIN_TYPES[field.shape],
                        required=field.required and not field.optional,
                        values=values,
                        categorical=field.shape == "text" and field.name in labels,
                    )
                )
        rows = []
        for record in records:
            row: list[Cell] = []
            for field in fields:
                value = getattr(record, field.name)
                if field.shape == "sources":
                    row.append(_joined(ids[source] for source in value))
                elif field.shape == "names":
                    row.append(_joined(value))
                elif field.shape in _PLAIN_TYPES:
                    row.append(_cell(value))
            rows.append(tuple(row))
            for position, quote in enumerate(getattr(record, "quotes", ()), start=1):
                quotes.append(
                    (
                        kind.name,
                        record.id,
                        position,
                        quote.text,
                        quote.speaker,
                        _joined(ids[s] for s in quote.sources),
                    )
                )
            for position, other in enumerate(getattr(record, "alternatives", ()), start=1):
                alternatives.append(
                    (
                        kind.name,
                        record.id,
                        position,
                        other.field,
                        other.value,
                        _cell(other.notes),
                        _joined(ids[s] for s in other.sources),
                    )
                )
        names = {f.name for f in fields}
        keys = (
            (ForeignKey(("adopted_by",), "agreements", ("id",)),) if "adopted_by" in names else ()
        )
        built[kind.name] = Table(
            kind.name,
            tuple(columns),
            tuple(rows),
            ("id",),
            keys,
            f"One row per {kind.label}.",
        )
    for kind_name, field_name, table_name, column_name in _LINKS:
        label = kind_name.rstrip("s")
        built[table_name] = Table(
            table_name,
            (
                _column("record_id", "string", required=True),
                _column("position", "integer", required=True),
                _column(column_name, "string", required=True),
            ),
            tuple(
                (record.id, position, item)
                for record in dataset[kind_name]
                for position, item in enumerate(getattr(record, field_name), start=1)
            ),
            ("record_id", "position"),
            (ForeignKey(("record_id",), kind_name, ("id",)),),
            f"One row per {column_name} of each {label}, in the order the {label} lists them.",
        )
        links.append((kind_name, table_name))
    record_kind = _column("record_kind", "string", required=True, values=tuple(kinds))
    built["record_sources"] = Table(
        "record_sources",
        (
            record_kind,
            _column("record_id", "string", required=True),
            _column("position", "integer", required=True),
            _column("source_id", "string", required=True),
        ),
        tuple(
            (kind.name, record.id, position, ids[source])
            for kind in KINDS
            for record in dataset[kind.name]
            for position, source in enumerate(record.sources, start=1)
        ),
        ("record_kind", "record_id", "position"),
        (_TO_SOURCES,),
        "One row per source of each record, in the order the record lists them.",
    )
    built["quotes"] = Table(
        "quotes",
        (
            record_kind,
            _column("record_id", "string", required=True),
            _column("position", "integer", required=True),
            _column("text", "string", required=True),
            _column("speaker", "string", required=True),
            _column("source_ids", "string", required=True),
        ),
        tuple(quotes),
        ("record_kind", "record_id", "position"),
        (),
        "Words quoted verbatim in a record, with their speaker and sources.",
    )
    built["alternatives"] = Table(
        "alternatives",
        (
            record_kind,
            _column("record_id", "string", required=True),
            _column("position", "integer", required=True),
            _column("field", "string", required=True),
            _column("value", "string", required=True),
            _column("notes", "string"),
            _column("source_ids", "string", required=True),
        ),
        tuple(alternatives),
        ("record_kind", "record_id", "position"),
        (),
        "Values some source gives for a record's field that the record does not use.",
    )
    built["coverage"] = Table(
        "coverage",
        (
            _column("kind", "string", required=True, values=tuple(kinds)),
            _column("start", "date", required=True),
            Column("end", "date", "last day covered, inclusive", required=True),
            _column("complete", "boolean", required=True),
            _column("notes", "string"),
        ),
        tuple(
            (span.kind, span.start, span.end, span.complete, _cell(span.notes))
            for span in dataset.coverage
        ),
        ("kind",),
        (),
        "The days each kind of record has been checked for, and whether it is complete.",
    )
    return types.MappingProxyType(built)


def _sources_table(ids: Mapping[Source, str]) -> Table:
    rows = sorted(
        (
            (key, source.title, source.url, source.publisher, source.accessed, source.secondary)
            for source, key in ids.items()
        ),
        key=lambda row: int(row[0][1:]),
    )
    return Table(
        "sources",
        (
            _column("source_id", "string", required=True),
            _column("title", "string", required=True),
            _column("url", "string"),
            _column("publisher", "string"),
            _column("accessed", "date"),
            _column("secondary", "boolean", required=True),
        ),
        tuple(rows),
        ("source_id",),
        (),
        "Every document a record, quote or alternative was checked against.",
    )


def rows_as_dicts(table: Table) -> Sequence[dict[str, Cell]]:
    """The rows of ``table`` as new dicts of column name to cell.

    >>> import sinorus
    >>> rows_as_dicts(sinorus.tables()["coverage"])[0]["kind"]
    'phases'
    """
    names = table.column_names
    return [dict(zip(names, row, strict=True)) for row in table.rows]
