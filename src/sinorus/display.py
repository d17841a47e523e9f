"""How records and datasets show themselves: one line for ``str``, a small table in notebooks.

>>> import sinorus
>>> print(sinorus.load().get("peace-mission-2005"))
Peace Mission 2005 (2005-08-18 – 2005-08-25) [peace-mission-2005]
>>> print(sinorus.load().get("trade-2010"))
China–Russia trade, 2010: 55.5 billion US dollars [trade-2010]
>>> "<table" in sinorus.load().get("trade-2010")._repr_html_()
True
"""

from __future__ import annotations

import enum
from html import escape
from typing import TYPE_CHECKING, Any

import attrs

if TYPE_CHECKING:
    from .dataset import Dataset

__all__ = [
    "dataset_html",
    "dataset_text",
    "record_html",
    "record_text",
    "snapshot_html",
    "snapshot_text",
]


def _span(record: Any) -> str:
    start = getattr(record, "start", None)
    if start is None:
        return ""
    end = getattr(record, "end", None)
    if end is None or end == start:
        return f" ({start})"
    return f" ({start} – {end})"


def record_text(record: Any) -> str:
    """One line naming ``record``: its name, dates and id (a source: title, publisher, URL)."""
    from .kinds import KIND_OF
    from .model import Source

    if isinstance(record, Source):
        return " ".join(p for p in (record.title, record.publisher, record.url) if p)
    kind = KIND_OF.get(type(record))
    if kind is not None and kind.name == "leaders":
        office = record.office
        if record.country not in office:
            office = f"{office}, {record.country}"
        dates = f" ({record.start} – {record.end})" if record.end else f" (since {record.start})"
        return f"{record.name}, {office}{dates} [{record.id}]"
    if kind is not None and kind.amount is not None:
        return f"{record.name}: {getattr(record, kind.amount):g} {kind.unit} [{record.id}]"
    name = getattr(record, "name", None)
    if name is None:  # a quote, an alternative, a coverage
        return repr(record)
    return f"{name}{_span(record)} [{record.id}]"


def _cell(value: Any) -> str:
    from .model import Alternative, Quote, Source

    if isinstance(value, enum.Enum):
        return escape(str(value.value))
    if isinstance(value, Source):
        title = escape(value.title)
        link = f'<a href="{escape(value.url)}">{title}</a>' if value.url else title
        return link + (f" ({escape(value.publisher)})" if value.publisher else "")
    if isinstance(value, Quote):
        return f"“{escape(value.text)}” — {escape(value.speaker)}{_cited(value.sources)}"
    if isinstance(value, Alternative):
        notes = f" {escape(value.notes)}" if value.notes else ""
        return f"{escape(value.field)}: {escape(value.value)}{notes}{_cited(value.sources)}"
    if isinstance(value, tuple):
        if not value:
            return ""
        items = "".join(f"<li>{_cell(item)}</li>" for item in value)
        return f"<ul style='margin:0;padding-left:1.2em'>{items}</ul>"
    if attrs.has(type(value)):
        return escape(record_text(value))
    return escape(str(value)) if value is not None else ""


def _cited(sources: tuple[Any, ...]) -> str:
    """Sources as small linked titles after a quote or an alternative."""
    return f"<br><small>{'; '.join(_cell(source) for source in sources)}</small>"


def record_html(record: Any) -> str:
    """A two-column HTML table of ``record``'s fields (empty ones left out)."""
    rows = []
    for field in attrs.fields(type(record)):
        value = getattr(record, field.name)
        if value is None or value == () or value == "":
            continue
        rows.append(
            f"<tr><th style='text-align:left;vertical-align:top'>{field.name}</th>"
            f"<td style='text-align:left'>{_cell(value)}</td></tr>"
        )
    caption = escape(type(record).__name__)
    return f"<table><caption>{caption}</caption>{''.join(rows)}</table>"


def dataset_text(dataset: Dataset) -> str:
    """The dataset's version, and how many records each series holds over which span."""
    from .kinds import KINDS

    lines = [f"sinorus dataset, data version {dataset.data_version or 'unversioned'}"]
    for kind in KINDS:
        series = kind.name
        records = dataset[series]
        covered = dataset.coverage_of(series)
        span = f"  {covered.start} to {covered.end}" if covered is not None else ""
        lines.append(f"  {series:<20}{len(records):>5}{span}")
    return "\n".join(lines)


def dataset_html(dataset: Dataset) -> str:
    """:func:`dataset_text` as an HTML table."""
    from .kinds import KINDS

    rows = []
    for kind in KINDS:
        series = kind.name
        covered = dataset.coverage_of(series)
        span = f"{covered.start} to {covered.end}" if covered is not None else ""
        complete = ("complete" if covered.complete else "a selection") if covered else ""
        rows.append(
            f"<tr><td>{series}</td><td>{len(dataset[series])}</td>"
            f"<td>{span}</td><td>{complete}</td></tr>"
        )
    version = escape(dataset.data_version or "unversioned")
    head = "<tr><th>kind</th><th>records</th><th>coverage</th><th></th></tr>"
    return f"<table><caption>sinorus dataset {version}</caption>{head}{''.join(rows)}</table>"


def snapshot_text(snap: Any) -> str:
    """What held on a snapshot's day, in a few lines (what ``sinorus at`` prints).

    >>> import sinorus
    >>> print(sinorus.state_at("18 March 2014").__str__().splitlines()[1])
      phase:              Closer alignment after Crimea
    """
    lines = [f"On {snap.day}"]
    lines.append(f"  phase:              {snap.phase.name if snap.phase else '—'}")
    level = snap.partnership_level
    lines.append(f"  partnership level:  {level.name if level else '—'}")
    lines.append("  agreements in force:")
    lines += [f"    {a.signed}  {a.name}" for a in snap.agreements_in_force] or ["    —"]
    trade = snap.latest_trade
    lines.append(
        f"  latest trade year:  {trade.year}: {trade.total_usd_bn:g} billion US dollars"
        if trade
        else "  latest trade year:  —"
    )
    lines.append(f"  exercises so far:   {len(snap.exercises_so_far)}")
    lines.append("  leaders in office:")
    lines += [
        f"    {leader.name}, {leader.office} (since {leader.start})" for leader in snap.leaders
    ] or ["    —"]
    return "\n".join(lines)


def snapshot_html(snap: Any) -> str:
    """:func:`snapshot_text` as a small HTML table, for notebooks."""
    trade = snap.latest_trade
    level = snap.partnership_level
    agreements = tuple(f"{a.signed} {a.name}" for a in snap.agreements_in_force)
    leaders = tuple(f"{x.name}, {x.office} (since {x.start})" for x in snap.leaders)
    rows = [
        ("phase", escape(snap.phase.name) if snap.phase else "—"),
        ("partnership level", escape(level.name) if level else "—"),
        ("agreements in force", _cell(agreements) or "—"),
        ("latest trade year", f"{trade.year}: {trade.total_usd_bn:g} billion US dollars"
         if trade else "—"),
        ("exercises so far", str(len(snap.exercises_so_far))),
        ("leaders in office", _cell(leaders) or "—"),
    ]  # fmt: skip
    body = "".join(
        f"<tr><th style='text-align:left;vertical-align:top'>{name}</th>"
        f"<td style='text-align:left'>{value}</td></tr>"
        for name, value in rows
    )
    return f"<table><caption>On {snap.day}</caption>{body}</table>"
