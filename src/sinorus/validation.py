"""The rules that hold across records, for the bundled data and users' files alike.

Rules about a single record live in :mod:`sinorus.model` (attrs validators);
this module checks what only the whole collection can show: unique ids,
references that resolve, phases and partnership levels that neither overlap
nor (for phases) leave gaps, one trade and one arms figure per year, and records that lie
within the coverage their series declares.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, timedelta
from itertools import pairwise
from typing import Any

from .model import (
    Agreement,
    ArmsComparison,
    ArmsTransfer,
    Coverage,
    Event,
    Exercise,
    Leader,
    PartnershipLevel,
    Phase,
    TradeRecord,
)

__all__ = ["SECTIONS", "find_problems"]

#: The record type each section of a dataset holds, in the order of the file format.
SECTIONS: dict[str, type] = {
    "phases": Phase,
    "partnership_levels": PartnershipLevel,
    "agreements": Agreement,
    "exercises": Exercise,
    "events": Event,
    "trade": TradeRecord,
    "arms": ArmsComparison,
    "arms_transfers": ArmsTransfer,
    "leaders": Leader,
}

_ONE_DAY = timedelta(days=1)


def find_problems(
    sections: Mapping[str, Sequence[Any]], coverage: Sequence[Coverage] = ()
) -> list[str]:
    """Every cross-record problem in ``sections``, each one line naming the record and field.

    ``sections`` maps section names (see :data:`SECTIONS`) to their records,
    ``coverage`` declares the span of some of them. An empty list means the
    records are consistent.
    """
    problems: list[str] = _coverage_problems(sections, coverage)
    seen: dict[str, str] = {}
    for section, records in sections.items():
        expected: Any = SECTIONS[section]
        for index, record in enumerate(records):
            if type(record) is not expected:
                problems.append(
                    f"{section}[{index}]: expected {expected.__name__}, got {type(record).__name__}"
                )
                continue
            if record.id in seen:
                problems.append(
                    f"record {record.id!r}, field 'id': duplicate id (also in {seen[record.id]})"
                )
            else:
                seen[record.id] = section
    if problems:
        return problems

    for section in ("phases", "partnership_levels"):
        problems += _interval_problems(section, sections.get(section, ()))
    offices: dict[tuple[str, str], list[Leader]] = {}
    for leader in sections.get("leaders", ()):
        offices.setdefault((leader.country, leader.office), []).append(leader)
    for terms in offices.values():
        problems += _interval_problems("leaders", terms)

    agreement_ids = {a.id for a in sections.get("agreements", ())}
    for level in sections.get("partnership_levels", ()):
        if level.adopted_by is not None and level.adopted_by not in agreement_ids:
            problems.append(
                f"record {level.id!r}, field 'adopted_by': no agreement has id {level.adopted_by!r}"
            )
        for reference in level.restated_by:
            if reference not in agreement_ids:
                problems.append(
                    f"record {level.id!r}, field 'restated_by': no agreement has id {reference!r}"
                )

    for section in ("trade", "arms_transfers"):
        years: dict[int, str] = {}
        for record in sections.get(section, ()):
            if record.year in years:
                problems.append(
                    f"record {record.id!r}, field 'year': {record.year} already has a figure "
                    f"(record {years[record.year]!r})"
                )
            years[record.year] = record.id
    return problems


def _interval_problems(
    section: str, records: Sequence[Phase | PartnershipLevel | Leader]
) -> list[str]:
    """Intervals must not overlap; only the last may be open; phases must also not leave gaps."""
    problems: list[str] = []
    ordered = sorted(records, key=lambda r: (r.start, r.id))
    for before, after in pairwise(ordered):
        if before.end is None:
            problems.append(
                f"record {before.id!r}, field 'end': open-ended, but {after.id!r} "
                f"starts later ({after.start})"
            )
        elif after.start <= before.end:
            problems.append(
                f"record {after.id!r}, field 'start': {after.start} overlaps {before.id!r} "
                f"({before.start} to {before.end})"
            )
        elif section == "phases" and after.start != before.end + _ONE_DAY:
            problems.append(
                f"record {after.id!r}, field 'start': gap after {before.id!r}, which ends "
                f"{before.end} (phases must cover every day)"
            )
    return problems


def _coverage_problems(
    sections: Mapping[str, Sequence[Any]], coverage: Sequence[Coverage]
) -> list[str]:
    """Each series declared once, and each of its records within its span."""
    problems: list[str] = []
    declared: set[str] = set()
    for index, span in enumerate(coverage):
        where = f"coverage[{index}]"
        if type(span) is not Coverage:
            problems.append(f"{where}: expected Coverage, got {type(span).__name__}")
            continue
        if span.series not in SECTIONS:
            known = ", ".join(SECTIONS)
            problems.append(f"{where}, field 'series': unknown series {span.series!r} ({known})")
            continue
        if span.series in declared:
            problems.append(f"{where}, field 'series': {span.series!r} is declared twice")
            continue
        declared.add(span.series)
        for record in sections.get(span.series, ()):
            if not hasattr(record, "id"):
                continue  # a wrong type, reported by the caller
            first, last = _span(record)
            if last < span.start or first > span.end:
                problems.append(
                    f"record {record.id!r}: outside the coverage of {span.series!r} "
                    f"({span.start} to {span.end})"
                )
    return problems


def _span(record: Any) -> tuple[date, date]:
    """The first and last day a record concerns (for a year record, the whole year)."""
    if isinstance(record, (TradeRecord, ArmsTransfer)):
        return date(record.year, 1, 1), date(record.year, 12, 31)
    if isinstance(record, ArmsComparison):
        return date(record.start_year, 1, 1), date(record.end_year, 12, 31)
    if isinstance(record, Agreement):
        return record.signed, record.signed
    if record.end is not None:
        return record.start, record.end
    # an open end: still under way (phases, levels, leaders) or a one-day event
    return record.start, (record.start if isinstance(record, Event) else date.max)
