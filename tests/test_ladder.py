"""The partnership ladder: every designation from 1992, and statements that only deepen it."""

from __future__ import annotations

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
