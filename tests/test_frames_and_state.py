"""DataFrames of the records, and the point-in-time snapshot."""

from __future__ import annotations

import subprocess
import sys
from datetime import date

import pandas as pd
import pytest

import sinorus
import sinorus.tidy
import sinorus.validation
from sinorus.state import BINDING_KINDS, Snapshot


@pytest.mark.parametrize("kind", list(sinorus.kinds.KIND))
def test_every_kind_becomes_a_frame_with_one_row_per_record(bundled, kind):
    frame = sinorus.frame(kind)
    records = getattr(bundled, kind)
    assert len(frame) == len(records)
    assert list(frame["id"]) == [r.id for r in records]
    ids = sinorus.tidy.source_ids(bundled)
    assert list(frame["source_ids"]) == [";".join(ids[s] for s in r.sources) for r in records]


def test_frames_have_proper_dtypes(bundled):
    exercises = sinorus.frame("exercises")
    assert pd.api.types.is_datetime64_any_dtype(exercises["start"])
    assert isinstance(exercises["domain"].dtype, pd.CategoricalDtype)
    assert list(exercises["domain"].cat.categories) == [d.value for d in sinorus.Domain]
    assert exercises["participants"].iloc[0] == ";".join(bundled.exercises[0].participants)
    phases = sinorus.frame("phases")
    assert phases["end"].isna().iloc[-1]  # the current phase has no end
    assert phases["start"].iloc[0] == pd.Timestamp("1949-10-01")


def test_a_frame_of_an_unknown_kind_is_refused():
    with pytest.raises(sinorus.QueryError, match="unknown kind 'treaties'"):
        sinorus.frame("treaties")


def test_without_pandas_the_error_names_the_extra():
    code = (
        "import sys; sys.modules['pandas'] = None\n"
        "import sinorus\n"
        "try:\n"
        "    sinorus.frame('trade')\n"
        "except sinorus.MissingDependencyError as e:\n"
        "    print(type(e).__mro__[1].__name__, e)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).stdout
    assert out.startswith("SinorusError")
    assert 'pip install ".[pandas]"' in out


def test_state_at_gathers_what_held_that_day(bundled):
    day = date(2014, 3, 18)
    snap = sinorus.state_at("18 March 2014")
    assert snap.day == day
    assert snap.phase is sinorus.phase_at(day)
    assert snap.partnership_level is sinorus.partnership_level_at(day)
    for agreement in bundled.agreements:
        begins = agreement.in_force or agreement.signed
        held = (
            agreement.kind in BINDING_KINDS
            and begins <= day
            and (agreement.ended is None or day < agreement.ended)
        )
        assert (agreement in snap.agreements_in_force) == held
    assert snap.latest_trade.year == max(r.year for r in bundled.trade if r.year < day.year)
    assert snap.exercises_so_far == tuple(e for e in bundled.exercises if e.start <= day)
    assert snap.leaders == tuple(
        leader
        for leader in bundled.leaders
        if leader.start <= day and (leader.end is None or day <= leader.end)
    )


def test_the_1950_treaty_was_in_force_until_1980():
    treaty = sinorus.load().get("treaty-of-friendship-1950")
    assert treaty in sinorus.state_at("1969-03-02").agreements_in_force
    assert treaty not in sinorus.state_at("1980-04-11").agreements_in_force
    assert treaty not in sinorus.state_at("1950-02-20").agreements_in_force  # signed, not in force


def test_a_snapshot_is_frozen():
    import attrs

    snap = sinorus.state_at("2001-07-16")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        snap.phase = None
    assert isinstance(snap, Snapshot)


def test_frames_make_label_columns_categorical(bundled):
    from sinorus.kinds import KIND

    for name, columns in [("exercises", ["series"]), ("leaders", ["country", "office"]),
                          ("arms_transfers", ["supplier", "recipient"])]:  # fmt: skip
        frame = sinorus.frame(name)
        for column in columns:
            assert str(frame[column].dtype) == "category", (name, column)
            assert set(frame[column].dropna()) == {getattr(r, column) for r in bundled[name]
                                                   if getattr(r, column) is not None}  # fmt: skip
        assert dict(KIND[name].filters).keys() >= set(columns)
