"""The rules that hold across records, for the bundled data and users' files alike.

Rules about a single record live in :mod:`sinorus.model` (attrs validators);
this module checks what only the whole collection can show, driven by each
kind's declared shape (:mod:`sinorus.kinds`): unique ids, references that
resolve, intervals that do not overlap within their group (and, for gapless
kinds such as phases, leave no day uncovered), one record per year for
yearly kinds, and records that lie within the coverage their kind declares.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from datetime import timedelta
from itertools import pairwise
from typing import Any

from .kinds import KIND, Kind, sort_key, span
from .model import Coverage

__all__ = ["find_problems"]

_ONE_DAY = timedelta(days=1)


def find_problems(
    sections: Mapping[str, Sequence[Any]],
    coverage: Sequence[Coverage] = (),
    checked: Mapping[str, Iterable[Any]] | None = None,
    *,
    missing: Mapping[str, Collection[str | None]] | None = None,
) -> list[str]:  # records are Any here: their types are what is being checked
    """Every cross-record problem in ``sections``, each one line naming the record and field.

    ``sections`` maps kind names (see :data:`~sinorus.kinds.KINDS`) to their
    records; ``coverage`` declares the span of some kinds; ``checked`` holds
    kinds already checked, whose ids and agreements the new records must
    agree with. ``missing`` names, by kind, the ids of records of a file
    that could not be read (None for one without an id): what follows only
    from their absence (a gap where one was, a reference to one) is not
    reported. An empty list means the records are consistent.

    >>> from sinorus import load
    >>> phases = load().phases
    >>> find_problems({"phases": [phases[0], phases[2]]})[0]
    "record 'detente', field 'start': gap after 'alliance', ... (phases must cover every day)"
    >>> find_problems({"phases": [phases[0], phases[2]]}, missing={"phases": {None}})
    []
    """
    checked = checked or {}
    missing = missing or {}
    problems: list[str] = _coverage_problems(sections, coverage, missing)
    seen: dict[str, str] = {r.id: name for name, rs in checked.items() for r in rs}
    for name, records in sections.items():
        expected = KIND[name].record
        for index, record in enumerate(records):
            if type(record) is not expected:
                problems.append(
                    f"{name}[{index}]: expected {expected.__name__}, got {type(record).__name__}"
                )
                continue
            ident: str = record.id  # type: ignore[attr-defined]
            if ident in seen:
                problems.append(
                    f"record {ident!r}, field 'id': duplicate id (also in {seen[ident]})"
                )
            else:
                seen[ident] = name
    if problems:
        return problems

    for name, records in sections.items():
        kind = KIND[name]
        if kind.shape == "interval":
            groups: dict[tuple[Any, ...], list[Any]] = {}
            for record in records:
                groups.setdefault(tuple(getattr(record, f) for f in kind.group_by), []).append(
                    record
                )
            for terms in groups.values():
                problems += _interval_problems(kind, terms, gaps=name not in missing)
        elif kind.shape == "yearly":
            problems += _yearly_problems(records)

    # Levels name the agreements that adopted or restated them; either side may
    # be read first, so the check runs once both are there.
    have = {**checked, **sections}
    if "agreements" in have and "partnership_levels" in have:
        unread = missing.get("agreements", ())
        if None not in unread:  # else any reference may be to the agreement not read
            problems += _reference_problems(
                have["partnership_levels"], have["agreements"], set(unread)
            )
    return problems


def _reference_problems(
    levels: Iterable[Any], agreements: Iterable[Any], unread: Collection[str | None] = ()
) -> list[str]:
    problems: list[str] = []
    agreement_ids = {a.id for a in agreements}
    for level in levels:
        cited = (("adopted_by", (level.adopted_by,)), ("restated_by", level.restated_by))
        for field, references in cited:
            for reference in references:
                if reference is None or reference in unread:
                    continue
                if reference not in agreement_ids:
                    problems.append(
                        f"record {level.id!r}, field {field!r}: no agreement has id {reference!r}"
                    )
    return problems


def _interval_problems(kind: Kind, records: Sequence[Any], *, gaps: bool = True) -> list[str]:
    """Intervals must not overlap; only the last may be open; gapless kinds leave no gap.

    ``gaps`` False leaves out the gaps (some records of the kind could not be read).
    """
    problems: list[str] = []
    for before, after in pairwise(sorted(records, key=sort_key(kind))):
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
        elif gaps and kind.gapless and after.start != before.end + _ONE_DAY:
            problems.append(
                f"record {after.id!r}, field 'start': gap after {before.id!r}, which ends "
                f"{before.end} ({kind.name} must cover every day)"
            )
    return problems


def _yearly_problems(records: Sequence[Any]) -> list[str]:
    problems = []
    years: dict[int, str] = {}
    for record in records:
        if record.year in years:
            problems.append(
                f"record {record.id!r}, field 'year': {record.year} already has a figure "
                f"(record {years[record.year]!r})"
            )
        years[record.year] = record.id
    return problems


def _coverage_problems(
    sections: Mapping[str, Sequence[Any]],
    coverage: Sequence[Coverage],
    missing: Mapping[str, Collection[str | None]],
) -> list[str]:
    """Each kind declared once, each of its records within its span, gapless kinds all of it."""
    problems: list[str] = []
    declared: set[str] = set()
    for index, covered in enumerate(coverage):
        where = f"$.coverage[{index}]"
        if type(covered) is not Coverage:
            problems.append(f"{where}: expected Coverage, got {type(covered).__name__}")
            continue
        if covered.kind not in KIND:
            known = ", ".join(KIND)
            problems.append(f"{where}.kind: unknown kind {covered.kind!r} ({known})")
            continue
        if covered.kind in declared:
            problems.append(f"{where}.kind: {covered.kind!r} is declared twice")
            continue
        declared.add(covered.kind)
        kind = KIND[covered.kind]
        records: list[Any] = [r for r in sections.get(covered.kind, ()) if type(r) is kind.record]
        for record in records:
            first, last = span(kind, record)
            if last < covered.start or first > covered.end:
                problems.append(
                    f"record {record.id!r}: outside the coverage of {covered.kind!r} "
                    f"({covered.start} to {covered.end})"
                )
        if kind.gapless and records and covered.kind not in missing:
            first = min(span(kind, r)[0] for r in records)
            last = max(span(kind, r)[1] for r in records)
            if first > covered.start or last < covered.end:
                problems.append(
                    f"{where}: the {covered.kind} cover {first} to {last}, not all of "
                    f"{covered.start} to {covered.end}"
                )
    return problems
