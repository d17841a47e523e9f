"""Point-in-time queries, filters, the timeline and trade arithmetic."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from itertools import pairwise

import pytest

import sinorus

ONE_DAY = timedelta(days=1)


def test_a_level_takes_effect_on_its_own_date(bundled):
    levels = bundled.partnership_levels
    for before, after in pairwise(levels):
        assert sinorus.partnership_level_at(after.start) is after
        assert sinorus.partnership_level_at(before.end) is before
        if after.start - ONE_DAY == before.end:
            assert sinorus.partnership_level_at(after.start - ONE_DAY) is before
        else:  # a covered day on which no designation held
            assert sinorus.partnership_level_at(after.start - ONE_DAY) is None
    covered = bundled.coverage_of("partnership_levels")
    if covered.start < levels[0].start:
        assert sinorus.partnership_level_at(levels[0].start - ONE_DAY) is None
    with pytest.raises(sinorus.NoDataError, match="partnership levels cover"):
        sinorus.partnership_level_at(covered.start - ONE_DAY)


def test_a_phase_takes_effect_on_its_own_date(bundled):
    for phase in bundled.phases:
        assert sinorus.phase_at(phase.start) is phase
        if phase.end is not None:
            assert sinorus.phase_at(phase.end) is phase
    with pytest.raises(sinorus.NoDataError, match="phases cover"):
        sinorus.phase_at(bundled.phases[0].start - ONE_DAY)


def test_the_latest_level_and_phase_hold_to_the_end_of_their_coverage(bundled):
    for series, latest, query in [
        ("partnership_levels", bundled.partnership_levels[-1], sinorus.partnership_level_at),
        ("phases", bundled.phases[-1], sinorus.phase_at),
    ]:
        covered = bundled.coverage_of(series)
        assert latest.end is None
        assert query(covered.end) is latest
        with pytest.raises(sinorus.NoDataError, match=str(covered.end)):
            query(covered.end + ONE_DAY)


@pytest.mark.parametrize(
    "when",
    [
        date(2014, 3, 18),
        datetime(2014, 3, 18, 23, 59),
        "2014-03-18",
        "18 March 2014",
        "March 18, 2014",
        "2014-03-18T10:00:00",
    ],
)
def test_dates_datetimes_and_strings_give_the_same_answer(bundled, when):
    assert sinorus.partnership_level_at(when) is bundled.partnership_level_at(date(2014, 3, 18))


def test_a_month_means_its_first_day():
    assert sinorus.to_date("June 2019") == date(2019, 6, 1)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("not a date", "not a date sinorus can read"),
        ("2019-02-30", "day is out of range"),
        ("30 February 2019", "day is out of range"),
        ("16 July", "no year"),
        ("2019", "no month"),
        ("", "empty"),
    ],
)
def test_a_bad_date_string_is_named_in_the_error(text, reason):
    with pytest.raises(sinorus.InvalidDateError) as caught:
        sinorus.partnership_level_at(text)
    assert repr(text) in str(caught.value)
    assert reason in str(caught.value)
    assert isinstance(caught.value, ValueError)


@pytest.mark.parametrize("when", [None, 2014, 2014.5, ["2014-03-18"]])
def test_a_value_that_is_no_date_is_refused(when):
    with pytest.raises(sinorus.InvalidDateError, match=type(when).__name__):
        sinorus.phase_at(when)


def test_trade_growth_factor_is_the_ratio_of_the_volumes(bundled):
    for first in bundled.trade:
        for last in bundled.trade:
            factor = sinorus.trade_growth_factor(first.year, last.year)
            assert factor == pytest.approx(last.total_usd_bn / first.total_usd_bn)


def test_a_missing_trade_year_says_which_years_exist(bundled):
    with pytest.raises(sinorus.NoDataError) as caught:
        sinorus.trade_volume(1950)
    message = str(caught.value)
    assert "1950" in message
    years = [record.year for record in bundled.trade]
    assert str(min(years)) in message
    assert str(max(years)) in message
    assert isinstance(caught.value, LookupError)
    with pytest.raises(sinorus.NoDataError, match="1950"):
        sinorus.trade_growth_factor(1950, bundled.trade[-1].year)
    with pytest.raises(sinorus.NoDataError, match="2150"):
        sinorus.trade_growth_factor(bundled.trade[0].year, 2150)


@pytest.mark.parametrize("year", ["2000", 2000.5, True, None, (2000,)])
def test_a_trade_year_must_be_an_int(year):
    with pytest.raises(sinorus.QueryTypeError, match="int"):
        sinorus.trade_volume(year)
    with pytest.raises(sinorus.QueryTypeError, match="int"):
        sinorus.trade_growth_factor(year, 2010)
    with pytest.raises(TypeError):  # a QueryTypeError is a TypeError
        sinorus.trade_volume(year)


def test_integer_like_years_are_accepted():
    class Year:  # like a NumPy integer: not an int, but usable as one
        def __init__(self, value):
            self.value = value

        def __index__(self):
            return self.value

    assert sinorus.trade_volume(Year(2010)) == sinorus.trade_volume(2010)
    assert sinorus.trade_growth_factor(Year(2000), Year(2010)) == sinorus.trade_growth_factor(
        2000, 2010
    )


def test_filters_by_year_keep_records_under_way_that_year(bundled):
    covered = bundled.coverage_of("exercises")
    for year in range(covered.start.year, covered.end.year + 1):
        got = sinorus.exercises(year=year)
        expected = tuple(e for e in bundled.exercises if e.start.year <= year <= e.end.year)
        assert got == expected
        assert isinstance(got, sinorus.Series)


@pytest.mark.parametrize("series", ["agreements", "exercises", "events"])
def test_filters_outside_the_coverage_raise_instead_of_finding_nothing(bundled, series):
    covered = bundled.coverage_of(series)
    query = getattr(sinorus, series)
    for outside in (covered.start.year - 1, covered.end.year + 1):
        with pytest.raises(sinorus.NoDataError, match=f"the year {outside} is outside"):
            query(year=outside)
    with pytest.raises(sinorus.NoDataError, match=str(covered.end)):
        query(since=covered.end + ONE_DAY)
    with pytest.raises(sinorus.NoDataError, match=str(covered.start)):
        query(until=covered.start - ONE_DAY)
    assert query(since=covered.start, until=covered.end) == getattr(bundled, series)


def test_filters_by_party_kind_and_person(bundled):
    for agreement in bundled.agreements:
        for party in agreement.parties:
            assert agreement in sinorus.agreements(party=party.upper())
        assert agreement in sinorus.agreements(kind=agreement.kind)
        assert agreement in sinorus.agreements(kind=agreement.kind.value)
    for event in bundled.events:
        for person in event.people:
            assert event in sinorus.events(person=person)
    with pytest.raises(sinorus.UnknownNameError, match="unknown party 'Atlantis'"):
        sinorus.agreements(party="Atlantis")


def test_filters_chain_and_match_a_range(bundled):
    signed_1996 = bundled.agreements.where(since="1996-01-01", until="1996-12-31")
    assert signed_1996 == bundled.agreements.where(year=1996)
    assert signed_1996.where(party="Tajikistan") == bundled.agreements.where(
        year=1996, party="Tajikistan"
    )


def test_bad_filters_raise_query_errors():
    with pytest.raises(sinorus.QueryError, match="unknown kind 'pact'"):
        sinorus.agreements(kind="pact")
    with pytest.raises(sinorus.QueryError, match="empty"):
        sinorus.events(since="2000-01-01", until="1999-01-01")
    with pytest.raises(sinorus.QueryTypeError, match="year"):
        sinorus.exercises(year="2018")
    with pytest.raises(sinorus.QueryTypeError, match="no filter 'party'"):
        sinorus.load().exercises.where(party="China")
    with pytest.raises(sinorus.InvalidDateError, match="'soon'"):
        sinorus.timeline(since="soon")


def test_timeline_merges_every_dated_record_in_order(bundled):
    everything = sinorus.timeline()
    assert len(everything) == sum(
        len(getattr(bundled, s))
        for s in ("phases", "partnership_levels", "agreements", "exercises", "events", "leaders")
    )
    starts = [r.start for r in everything]
    assert starts == sorted(starts)
    window = sinorus.timeline("1989-01-01", "1989-12-31")
    assert all(r.start <= date(1989, 12, 31) for r in window)
    assert set(window) <= set(everything)


def test_get_refuses_an_unknown_id():
    with pytest.raises(sinorus.NoDataError, match="'no-such-record'"):
        sinorus.load().get("no-such-record")


SOURCE = sinorus.Source(title="Example", url="https://example.org")


def make_level(id: str, start: date, end: date | None) -> sinorus.PartnershipLevel:
    return sinorus.PartnershipLevel(id=id, name=id, start=start, end=end, sources=(SOURCE,))


def test_without_declared_coverage_the_records_themselves_bound_the_queries():
    mine = sinorus.Dataset(partnership_levels=[make_level("a", date(2000, 1, 1), None)])
    assert mine.coverage == ()
    assert mine.coverage_of("partnership_levels") is None
    assert mine.partnership_level_at(date(2100, 1, 1)).id == "a"
    with pytest.raises(sinorus.NoDataError, match="the first begins on 2000-01-01"):
        mine.partnership_level_at(date(1999, 12, 31))
    assert mine.exercises.where(year=1950) == ()  # nothing declared, so nothing to refuse


def test_declared_coverage_bounds_the_queries_and_merging_widens_it():
    def span(start: int, end: int, complete: bool) -> sinorus.Coverage:
        return sinorus.Coverage(
            kind="partnership_levels",
            start=date(start, 1, 1),
            end=date(end, 12, 31),
            complete=complete,
        )

    early = sinorus.Dataset(
        partnership_levels=[make_level("a", date(2000, 1, 1), date(2004, 12, 31))],
        coverage=[span(2000, 2004, True)],
    )
    late = sinorus.Dataset(
        partnership_levels=[make_level("b", date(2005, 1, 1), None)],
        coverage=[span(2005, 2009, False)],
    )
    with pytest.raises(sinorus.NoDataError, match="cover 2005-01-01 to 2009-12-31"):
        late.partnership_level_at(date(2010, 1, 1))
    both = early.merge(late)
    widened = both.coverage_of("partnership_levels")
    assert (widened.start, widened.end, widened.complete) == (
        date(2000, 1, 1),
        date(2009, 12, 31),
        False,
    )
    assert both.partnership_level_at(date(2009, 12, 31)).id == "b"
    with pytest.raises(sinorus.QueryError, match="unknown kind 'treaties'"):
        both.coverage_of("treaties")


def test_point_queries_outside_the_coverage_raise_for_every_series(bundled):
    for series, query in [
        ("phases", sinorus.phase_at),
        ("partnership_levels", sinorus.partnership_level_at),
        ("leaders", sinorus.leaders_at),
    ]:
        covered = bundled.coverage_of(series)
        for day in (covered.start - ONE_DAY, covered.end + ONE_DAY):
            with pytest.raises(sinorus.NoDataError, match="cover"):
                query(day)
    for series, query in [
        ("trade", sinorus.trade_volume),
        ("arms_transfers", bundled.arms_transfer),
    ]:
        covered = bundled.coverage_of(series)
        for year in (covered.start.year - 1, covered.end.year + 1):
            with pytest.raises(sinorus.NoDataError):
                query(year)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("13/6/2019", date(2019, 6, 13)),  # only one reading: 13 is no month
        ("6/13/2019", date(2019, 6, 13)),
        ("2/2/1969", date(1969, 2, 2)),
        ("18.03.2014", date(2014, 3, 18)),  # dots: day first
        ("2.3.1969", date(1969, 3, 2)),
        ("2014/03/18", date(2014, 3, 18)),
        ("1969年3月2日", date(1969, 3, 2)),
        ("2019年6月", date(2019, 6, 1)),
        ("2 марта 1969", date(1969, 3, 2)),
        ("9 мая 1945 г.", date(1945, 5, 9)),  # noqa: RUF001
        ("Июнь 2019", date(2019, 6, 1)),
    ],
)
def test_numeric_chinese_and_russian_dates(text, day):
    assert sinorus.to_date(text) == day


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("2/3/1969", "could be 2 March or 3 February"),
        ("5/6/2019", "could be 5 June or 6 May"),
        ("2/3/69", "four digits"),
        ("1969年", "no month"),
        ("2 мартобря 1969", "not a month"),
        ("tomorrow", "not a date sinorus can read"),
    ],
)
def test_ambiguous_or_unreadable_dates_are_refused_with_the_reason(text, reason):
    with pytest.raises(sinorus.InvalidDateError, match=reason) as caught:
        sinorus.to_date(text)
    assert repr(text) in str(caught.value)


def test_today_and_numpy_dates():
    np = pytest.importorskip("numpy")
    assert sinorus.to_date("today") == date.today()
    assert sinorus.to_date(np.datetime64("2014-03-18T10:00")) == date(2014, 3, 18)
    with pytest.raises(sinorus.InvalidDateError, match="NaT"):
        sinorus.to_date(np.datetime64("NaT"))
