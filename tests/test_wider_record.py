"""The wider record: the partnership ladder, the agreements, arms and trade series, meetings."""

from __future__ import annotations

from datetime import timedelta

import pytest

import sinorus


def test_the_level_in_force_in_1993_and_1995():
    assert sinorus.partnership_level_at("1993-06-01").name == "friendly countries"
    assert sinorus.partnership_level_at("1995-06-01").name == "constructive partnership"
    assert sinorus.partnership_level_at("1992-12-17").id == "russia-recognized-1991"


def test_the_ladder_before_1992():
    assert sinorus.partnership_level_at("1949-10-02").name == "diplomatic relations"
    alliance = sinorus.partnership_level_at("1970-01-01")
    assert alliance.name == "alliance"
    assert alliance.adopted_by == "treaty-of-friendship-1950"
    treaty = sinorus.load().get("treaty-of-friendship-1950")
    assert alliance.end == treaty.ended - timedelta(days=1)
    assert sinorus.partnership_level_at("1985-01-01") is None  # no designation held
    assert sinorus.partnership_level_at("1949-10-01") is None  # before diplomatic relations
    assert sinorus.partnership_level_at("1989-05-16").id == "normalized-relations-1989"
    assert sinorus.partnership_level_at("1991-12-27").id == "russia-recognized-1991"


def test_restatements_point_at_agreements_signed_while_the_level_held():
    data = sinorus.load()
    restated = [level for level in data.partnership_levels if level.restated_by]
    assert len(restated) >= 4
    for level in restated:
        for agreement_id in level.restated_by:
            agreement = data.get(agreement_id)
            assert isinstance(agreement, sinorus.Agreement)
            assert level.start <= agreement.signed
            assert level.end is None or agreement.signed <= level.end, agreement_id


def test_the_post_soviet_designations_carry_their_chinese_wording():
    for level in sinorus.load().partnership_levels:
        if level.start.year >= 1992:
            assert level.name_zh, level.id
            assert all("\u4e00" <= ch <= "\u9fff" for ch in level.name_zh)


def test_at_least_25_agreements_with_place_and_parties():
    agreements = sinorus.agreements()
    assert len([a for a in agreements if a.place]) >= 25  # where no source names it, None
    for agreement in agreements:
        assert {"China", "Soviet Union", "Russia"} & set(agreement.parties), agreement.id
    for treaty in sinorus.agreements(kind="treaty"):
        assert treaty.place, treaty.id


def test_arms_transfers_are_yearly_sipri_figures_within_their_coverage():
    data = sinorus.load()
    covered = data.coverage_of("arms_transfers")
    years = [record.year for record in data.arms_transfers]
    assert years == sorted(set(years))
    assert covered.start.year == years[0] and covered.end.year >= years[-1]
    if covered.end.year > years[-1] + 1:  # later releases not found: said so, not complete
        assert not covered.complete and "missing" in covered.notes
    for record in data.arms_transfers:
        assert record.supplier == ("Soviet Union" if record.year < 1992 else "Russia")
        assert data.arms_transfer(record.year) is record
    with pytest.raises(sinorus.NoDataError):
        data.arms_transfer(1975)  # no entry in the source for the years of the split


def test_the_ladder_in_order():
    names = [level.name for level in sinorus.load().partnership_levels]
    assert names == [
        "diplomatic relations",
        "alliance",
        "normalized state-to-state relations",
        "normal relations with the Russian Federation as the Soviet Union's successor",
        "friendly countries",
        "constructive partnership",
        "partnership of strategic coordination",
        "comprehensive strategic partnership of coordination",
        "comprehensive strategic partnership of coordination for a new era",
    ]


def test_later_joint_statements_deepen_the_2019_designation_without_replacing_it():
    current = sinorus.load().partnership_levels[-1]
    later = sinorus.agreements(since="2019-06-06", kind="joint statement")
    for agreement in later:
        assert sinorus.partnership_level_at(agreement.signed) is current
        assert agreement.signed.year >= 2021
    assert set(current.restated_by) <= {a.id for a in later}
    assert len(current.restated_by) == 5


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
        if "Vladimir Putin" in e.people and e.start.year >= 2013 and e.kind.value != "call"
    ]
    years = {e.start.year for e in both}
    assert years >= {*range(2013, 2020), *range(2022, 2026)}
    assert len(both) >= 30
    assert all(e.kind.value in ("state visit", "summit", "meeting", "other") for e in both)
    calls = sinorus.events(person="Xi Jinping", kind="call")
    assert calls and all("Vladimir Putin" in e.people for e in calls)
    assert all("call" in e.name.lower() for e in calls)
