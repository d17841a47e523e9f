"""Property tests: lookups agree with a brute-force scan, records stay frozen, errors stay ours."""

from __future__ import annotations

import json
from datetime import date

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import sinorus
import sinorus.validation
from sinorus import io

DATA = sinorus.load()
RECORDS = [r for s in sinorus.kinds.KIND for r in getattr(DATA, s)]
days = st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31))


def scan(series, day):
    """The one record of ``series`` holding on ``day`` within its coverage, found the slow way."""
    covered = DATA.coverage_of(series)
    found = [
        r
        for r in getattr(DATA, series)
        if r.start <= day
        and (r.end is None or day <= r.end)
        and covered.start <= day <= covered.end
    ]
    assert len(found) <= 1
    return found[0] if found else None


def lookup(query, day):
    try:
        return query(day)
    except sinorus.NoDataError:
        return None


@given(days)
def test_partnership_level_at_equals_a_scan(day):
    assert lookup(sinorus.partnership_level_at, day) is scan("partnership_levels", day)


@given(days)
def test_phase_at_equals_a_scan(day):
    assert lookup(sinorus.phase_at, day) is scan("phases", day)


@given(days, st.sampled_from(["%Y-%m-%d", "%d %B %Y", "%B %d, %Y", "%d %b %Y", "%Y/%m/%d"]))
def test_date_strings_read_back_as_the_same_day(day, fmt):
    assert sinorus.to_date(day.strftime(fmt)) == day


@given(st.sampled_from(RECORDS), st.data())
def test_records_cannot_be_changed(record, data):
    field = data.draw(st.sampled_from(attrs.fields(type(record))))
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        setattr(record, field.name, None)
    assert getattr(DATA.get(record.id), field.name) == getattr(record, field.name)


@given(st.text(max_size=40))
def test_any_text_is_a_date_or_an_invalid_date_error(text):
    try:
        result = sinorus.to_date(text)
    except sinorus.SinorusError as error:
        assert isinstance(error, sinorus.InvalidDateError)
        assert repr(text) in str(error)
    else:
        assert type(result) is date


@given(st.one_of(st.integers(), st.floats(), st.text(max_size=5), st.none(), st.booleans()))
def test_any_trade_year_gives_a_figure_or_our_error(year):
    try:
        volume = sinorus.trade_volume(year)
    except sinorus.SinorusError:
        pass
    else:
        assert volume == DATA.trade_volume(year)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=20,
)


@settings(max_examples=200)
@given(st.binary(max_size=200))
def test_any_bytes_load_or_raise_a_data_error(raw):
    with pytest.raises(sinorus.DataError):
        io.parse(raw, "garbage.json")


@settings(max_examples=200)
@given(
    st.dictionaries(
        st.sampled_from(["schema_version", "sources", "phases", "events", "trade", "extra"]),
        json_values,
    )
)
def test_any_json_document_loads_or_raises_a_data_error(document):
    document.setdefault("schema_version", 1)
    try:
        dataset = io.parse(json.dumps(document), "generated.json")
    except sinorus.DataError as error:
        assert str(error).startswith("generated.json: ")
    else:
        assert isinstance(dataset, sinorus.Dataset)
