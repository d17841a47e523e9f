"""The dyad-year and dyad-month panel, checked cell by cell against the records."""

from __future__ import annotations

import re
from collections import Counter
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

import sinorus
from sinorus import panels
from sinorus.model import Domain, Precision

CODEBOOK = Path(__file__).parent.parent / "docs" / "codebook.md"


@pytest.fixture(scope="module")
def years():
    return sinorus.panel()


@pytest.fixture(scope="module")
def months():
    return sinorus.panel("month")


def row(frame, year, month=None):
    found = frame[frame["year"] == year]
    if month is not None:
        found = found[found["month"] == month]
    assert len(found) == 1
    return found.iloc[0]


def in_force(agreement, day):
    begins = agreement.in_force or agreement.signed
    return begins <= day and (agreement.ended is None or day < agreement.ended)


def test_one_row_per_year_from_1949_to_the_latest_covered_year(bundled, years):
    covered = bundled.coverage_of("phases")
    assert years["year"].tolist() == list(range(1949, covered.end.year + 1))
    assert years["period_start"].iloc[0] == pd.Timestamp(covered.start)
    assert years["period_end"].iloc[-1] == pd.Timestamp(covered.end)
    assert (years["ccode1"] == sinorus.country("China").ccode).all()
    assert (years["ccode2"] == sinorus.country("Soviet Union").ccode).all()  # 365 for both


def test_columns_have_stable_dtypes(years, months):
    for frame in (years, months):
        assert str(frame["year"].dtype) == "int64"
        assert isinstance(frame["phase_id"].dtype, pd.CategoricalDtype)
        assert isinstance(frame["level_id"].dtype, pd.CategoricalDtype)
        assert str(frame["level_rung"].dtype) == "Int64"
        assert str(frame["exercises"].dtype) == "Int64"
        assert str(frame["calls"].dtype) == "Int64"
        assert pd.api.types.is_datetime64_any_dtype(frame["period_end"])
    assert str(years["trade_total_usd_bn"].dtype) == "float64"
    assert str(years["arms_tiv_to_china"].dtype) == "float64"
    assert "trade_total_usd_bn" not in months


def test_every_bundled_level_has_a_rung_and_the_ladder_climbs_after_1989(bundled):
    assert {level.id for level in bundled.partnership_levels} <= set(panels.LEVEL_RUNGS)
    rungs = [panels.LEVEL_RUNGS[lv.id] for lv in bundled.partnership_levels]
    assert all(rung > 0 for rung in rungs)
    since_1989 = [
        panels.LEVEL_RUNGS[lv.id] for lv in bundled.partnership_levels if lv.start.year >= 1989
    ]
    assert since_1989 == sorted(since_1989)
    assert panels.LEVEL_RUNGS["alliance-1950"] == max(panels.LEVEL_RUNGS.values())


def test_the_level_rung_is_that_of_the_level_on_the_reference_day(years):
    cells = row(years, 2014)
    reference = cells["period_end"].date()
    assert reference == date(2014, 12, 31)
    level = sinorus.partnership_level_at(reference)
    assert cells["level_id"] == level.id
    assert cells["level_rung"] == panels.LEVEL_RUNGS[level.id]
    for _, cells in years.iterrows():
        level = sinorus.partnership_level_at(cells["period_end"].date())
        expected = 0 if level is None else panels.LEVEL_RUNGS[level.id]
        assert cells["level_rung"] == expected
        assert pd.isna(cells["level_id"]) == (level is None)


def test_the_phase_is_the_one_on_the_reference_day(years, months):
    for frame in (years, months):
        for _, cells in frame.iterrows():
            assert cells["phase_id"] == sinorus.phase_at(cells["period_end"].date()).id


def test_the_alliance_dummy_follows_the_treaty_dates(bundled, years, months):
    treaty = bundled.get(panels.ALLIANCE_TREATY)
    for frame in (years, months):
        for _, cells in frame.iterrows():
            assert cells["alliance"] == int(in_force(treaty, cells["period_end"].date()))
    assert in_force(treaty, date(1960, 12, 31)) and not in_force(treaty, date(1985, 12, 31))
    assert row(years, 1960)["alliance"] == 1
    assert row(years, 1985)["alliance"] == 0


def test_exercises_in_2018_are_those_of_the_query_by_domain(years):
    held = sinorus.exercises(year=2018)
    cells = row(years, 2018)
    assert cells["exercises"] == len(held)
    by_domain = Counter(e.domain for e in held)
    for domain in Domain:
        assert cells[f"exercises_{domain.value}"] == by_domain[domain]


def test_counts_are_missing_not_zero_outside_complete_coverage(bundled, years):
    covered = bundled.coverage_of("exercises")
    assert covered.complete
    before = years[years["year"] < covered.start.year]
    assert len(before) > 0 and before["exercises"].isna().all()
    end = pd.Timestamp(covered.end)
    during = years[(years["year"] >= covered.start.year) & (years["period_end"] <= end)]
    assert during["exercises"].notna().all()
    if not bundled.coverage_of("events").complete:
        assert years["calls"].isna().all() and years["meetings"].isna().all()
        calls = Counter(e.start.year for e in bundled.events if panels.is_call(e))
        assert years["calls_recorded"].tolist() == [calls[y] for y in years["year"]]


def test_agreement_counts_match_the_records(bundled, years):
    signed = Counter(a.signed.year for a in bundled.agreements)
    assert years["agreements_signed"].tolist() == [signed[y] for y in years["year"]]
    for _, cells in years.iterrows():
        day = cells["period_end"].date()
        binding = [a for a in bundled.agreements if a.kind in sinorus.state.BINDING_KINDS]
        assert cells["agreements_in_force"] == sum(in_force(a, day) for a in binding)


def test_trade_is_missing_before_1992_and_the_figure_after(bundled, years):
    assert pd.isna(row(years, 1985)["trade_total_usd_bn"])
    for record in bundled.trade:
        assert row(years, record.year)["trade_total_usd_bn"] == record.total_usd_bn
    years_with_figures = {record.year for record in bundled.trade}
    missing = years[~years["year"].isin(years_with_figures)]
    assert missing["trade_total_usd_bn"].isna().all()


def test_arms_are_the_yearly_sums_and_missing_where_sipri_has_none(bundled, years):
    sums: Counter[int] = Counter()
    for transfer in bundled.arms_transfers:
        if transfer.recipient == "China":
            sums[transfer.year] += transfer.tiv_millions
    for _, cells in years.iterrows():
        if cells["year"] in sums:
            assert cells["arms_tiv_to_china"] == pytest.approx(sums[cells["year"]])
        elif not bundled.coverage_of("arms_transfers").complete:
            assert pd.isna(cells["arms_tiv_to_china"])
    assert pd.isna(row(years, 1985)["arms_tiv_to_china"])  # the split: no SIPRI entry


def test_the_month_panel_counts_what_is_dated_to_the_month(bundled, years, months):
    covered = bundled.coverage_of("phases")
    assert len(months) == (covered.end.year - 1949) * 12 + covered.end.month - 9
    assert (row(months, 1949, 10)["period_start"]) == pd.Timestamp(covered.start)
    for year in (2005, 2018, 2024):
        dated = [e for e in bundled.exercises if e.start.year == year]
        placeable = [e for e in dated if e.precision is not Precision.YEAR]
        in_months = months[months["year"] == year]["exercises"].sum()
        assert in_months == len(placeable)
        assert row(years, year)["exercises"] == len(dated)
    for exercise in bundled.exercises:
        if exercise.precision is not Precision.YEAR:
            assert row(months, exercise.start.year, exercise.start.month)["exercises"] >= 1
    assert row(months, 1980, 3)["alliance"] == 1
    assert row(months, 1980, 4)["alliance"] == 0  # the treaty lapsed on 11 April 1980


def test_since_and_until_keep_the_overlapping_rows():
    frame = sinorus.panel(since=2000, until="2002-06-30")
    assert frame["year"].tolist() == [2000, 2001, 2002]
    frame = sinorus.panel("month", since="2014-03", until="2014-04-15")
    assert frame[["year", "month"]].values.tolist() == [[2014, 3], [2014, 4]]
    with pytest.raises(sinorus.NoDataError, match="no year of the panel"):
        sinorus.panel(since=1900, until=1901)


def test_bad_units_and_missing_coverage_are_our_errors():
    with pytest.raises(sinorus.QueryError, match="unknown unit 'week'"):
        sinorus.panel("week")
    with pytest.raises(sinorus.QueryTypeError):
        sinorus.panel(2014)  # type: ignore[arg-type]
    with pytest.raises(sinorus.NoDataError, match="phases' declared coverage"):
        sinorus.panel(dataset=sinorus.Dataset())


def test_calls_are_the_meetings_named_as_calls(bundled):
    calls = [e for e in bundled.events if panels.is_call(e)]
    assert calls and all(re.search(r"(phone|video) call", e.name) for e in calls)
    assert all("-call-" in e.id for e in calls)


def test_the_codebook_defines_every_column_and_rung(bundled):
    text = CODEBOOK.read_text(encoding="utf-8")
    for unit in panels.UNITS:
        for column in panels.columns(unit):
            assert f"`{column.name}`" in text, column.name
            assert len(column.description) <= 80  # Stata's variable labels
    for level in bundled.partnership_levels:
        assert f"`{level.id}`" in text, level.id
