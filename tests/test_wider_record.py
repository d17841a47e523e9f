"""The wider record: the partnership ladder from 1992 and the yearly trade series."""

from __future__ import annotations

import pytest

import sinorus


def test_the_level_in_force_in_1993_and_1995():
    assert sinorus.partnership_level_at("1993-06-01").name == "friendly countries"
    assert sinorus.partnership_level_at("1995-06-01").name == "constructive partnership"
    assert sinorus.partnership_level_at("1992-12-17") is None


def test_the_ladder_in_order():
    names = [level.name for level in sinorus.load().partnership_levels]
    assert names == [
        "friendly countries",
        "constructive partnership",
        "partnership of strategic coordination",
        "comprehensive strategic partnership of coordination",
        "comprehensive strategic partnership of coordination for a new era",
    ]


def test_later_joint_statements_deepen_the_2019_designation_without_replacing_it():
    current = sinorus.load().partnership_levels[-1]
    for agreement in sinorus.agreements(since="2019-06-06", kind="joint statement"):
        assert sinorus.partnership_level_at(agreement.signed) is current
        assert agreement.signed.year in (2021, 2022, 2023, 2024, 2025)
    assert len(sinorus.agreements(since="2019-06-06", kind="joint statement")) == 5


def test_trade_covers_every_year_since_1992_and_nothing_outside():
    years = [record.year for record in sinorus.load().trade]
    assert years == list(range(1992, years[-1] + 1))
    assert years[-1] >= 2024
    for record in sinorus.load().trade:
        if record.exports_usd_bn is not None and record.imports_usd_bn is not None:
            parts = record.exports_usd_bn + record.imports_usd_bn
            assert abs(parts - record.total_usd_bn) <= 0.02 * record.total_usd_bn, record.year
    with pytest.raises(sinorus.NoDataError, match="1992–"):
        sinorus.trade_volume(1991)


def test_xi_and_putin_met_in_person_every_year_but_the_pandemic_years():
    both = [
        e
        for e in sinorus.events(person="Xi Jinping")
        if "Vladimir Putin" in e.people and e.start.year >= 2013
    ]
    years = {e.start.year for e in both}
    assert years >= {*range(2013, 2020), *range(2022, 2026)}
    assert len(both) >= 40
    assert all(e.kind.value in ("state visit", "summit", "meeting", "other") for e in both)
