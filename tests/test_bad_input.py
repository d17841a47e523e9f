"""Bad input, tried: every query and loader refuses it with a SinorusError that points at it."""

from __future__ import annotations

import json
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import sinorus
import sinorus.plot
from sinorus import io

SOURCE = {"title": "S", "url": "https://example.org"}

garbage = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),
    st.text(max_size=12),
    st.binary(max_size=8),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
    st.dates(),
)

QUERIES = [
    lambda x: sinorus.phase_at(x),
    lambda x: sinorus.partnership_level_at(x),
    lambda x: sinorus.state_at(x),
    lambda x: sinorus.trade_volume(x),
    lambda x: sinorus.trade_growth_factor(x, 2010),
    lambda x: sinorus.trade_growth_factor(2000, x),
    lambda x: sinorus.agreements(since=x),
    lambda x: sinorus.agreements(year=x),
    lambda x: sinorus.agreements(party=x),
    lambda x: sinorus.agreements(kind=x),
    lambda x: sinorus.exercises(until=x),
    lambda x: sinorus.exercises(participant=x),
    lambda x: sinorus.exercises(series=x),
    lambda x: sinorus.events(kind=x),
    lambda x: sinorus.events(person=x),
    lambda x: sinorus.timeline(x),
    lambda x: sinorus.timeline(None, x),
    lambda x: sinorus.load().get(x),
    lambda x: sinorus.frame(x),
    lambda x: sinorus.load().merge(x),
    lambda x: sinorus.load().merge(sinorus.Dataset(), on_conflict=x),
    lambda x: sinorus.leaders_at(x),
    lambda x: sinorus.coverage_of(x),
    lambda x: sinorus.load().arms_transfer(x),
    lambda x: sinorus.cite(x),
    lambda x: sinorus.cite(style=x),
    lambda x: sinorus.plot.timeline(since=x),
    lambda x: sinorus.plot.trade(until=x),
]


@settings(max_examples=300, deadline=None)  # the first plot loads matplotlib
@given(st.sampled_from(range(len(QUERIES))), garbage)
def test_garbage_at_any_query_is_an_answer_or_our_error(which, value):
    try:
        QUERIES[which](value)
    except sinorus.SinorusError as error:
        assert str(error)


@given(garbage)
def test_garbage_as_a_path_is_our_error(value):
    with pytest.raises(sinorus.SinorusError):
        sinorus.load(value if value is not None else 12)


def write(tmp_path, text: str | bytes):
    path = tmp_path / "input.json"
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def problems(tmp_path, text) -> str:
    with pytest.raises(sinorus.DataError) as caught:
        sinorus.load(write(tmp_path, text))
    return "\n".join(caught.value.problems)


def level(id, start, end):
    return {"id": id, "name": id, "start": start, "end": end, "sources": ["s"]}


@pytest.mark.parametrize(
    ("document", "expected"),
    [
        (
            {
                "schema_version": 1,
                "sources": {"s": SOURCE},
                "partnership_levels": [
                    level("a", "2000-01-01", "2005-01-01"),
                    level("b", "2004-01-01", None),
                ],
            },
            "record 'b', field 'start': 2004-01-01 overlaps 'a'",
        ),
        (
            {
                "schema_version": 1,
                "sources": {"s": SOURCE},
                "partnership_levels": [
                    level("a", "2000-01-01", None),
                    level("b", "2004-01-01", None),
                ],
            },
            "record 'a', field 'end': open-ended",
        ),
        (
            {"schema_version": 1, "sources": {"s": {"url": "https://x"}}},
            "$.sources.s.title: required field missing",
        ),
        (
            {
                "schema_version": 1,
                "trade": [
                    {"id": "t", "name": "T", "year": 1500, "total_usd_bn": -1, "sources": [SOURCE]}
                ],
            },
            "year 1500 is outside",
        ),
        (
            {
                "schema_version": 1,
                "events": [
                    {
                        "id": "Bad Id",
                        "name": "E",
                        "start": "2000-01-01",
                        "kind": "summit",
                        "sources": [SOURCE],
                    }
                ],
            },
            "must be a slug",
        ),
        (
            {
                "schema_version": 1,
                "events": [
                    {
                        "id": "e",
                        "name": "E",
                        "start": "2000-01-01",
                        "kind": "party",
                        "sources": [SOURCE],
                    }
                ],
            },
            "$.events[0].kind",
        ),
        (
            {
                "schema_version": 1,
                "exercises": [
                    {
                        "id": "e",
                        "name": "E",
                        "start": "2000-01-02",
                        "end": "2000-01-01",
                        "location": "L",
                        "participants": [],
                        "sources": [SOURCE],
                    }
                ],
            },
            "$.exercises[0]",
        ),
        (
            {
                "schema_version": 1,
                "sources": {"s": SOURCE},
                "partnership_levels": [level("a", "1990-01-01", None)],
                "coverage": [
                    {
                        "kind": "partnership_levels",
                        "start": "2000-01-01",
                        "end": "2010-12-31",
                        "complete": True,
                    },
                    {
                        "kind": "treaties",
                        "start": "2000-01-01",
                        "end": "2010-12-31",
                        "complete": False,
                    },
                ],
            },
            "$.coverage[1].kind: unknown kind 'treaties'",
        ),
        (
            {
                "schema_version": 1,
                "sources": {"s": SOURCE},
                "trade": [
                    {"id": "t", "name": "T", "year": 1995, "total_usd_bn": 5, "sources": ["s"]}
                ],
                "coverage": [
                    {
                        "kind": "trade",
                        "start": "2000-01-01",
                        "end": "2010-12-31",
                        "complete": True,
                    }
                ],
            },
            "record 't': outside the coverage of 'trade' (2000-01-01 to 2010-12-31)",
        ),
        (
            {
                "schema_version": 1,
                "coverage": [
                    {
                        "kind": "trade",
                        "start": "2010-01-01",
                        "end": "2000-12-31",
                        "complete": "yes",
                    }
                ],
            },
            "$.coverage[0]",
        ),
        (
            {
                "schema_version": 1,
                "sources": {"s": SOURCE},
                "trade": [
                    {
                        "id": "t",
                        "name": "T",
                        "year": 1995,
                        "total_usd_bn": 5,
                        "sources": ["s"],
                        "alternatives": [{"field": "colour", "value": "6", "sources": ["s"]}],
                    }
                ],
            },
            "item 0 names field 'colour', which cannot have alternatives",
        ),
        (
            {
                "schema_version": 1,
                "sources": {"s": SOURCE},
                "trade": [
                    {
                        "id": "t",
                        "name": "T",
                        "year": 1995,
                        "total_usd_bn": 5,
                        "sources": ["s"],
                        "alternatives": [
                            {"field": "total_usd_bn", "value": "6", "sources": ["nope"]}
                        ],
                    }
                ],
            },
            "$.trade[0].alternatives[0].sources[0]: no source 'nope' in $.sources",
        ),
    ],
)
def test_malformed_records_are_refused_with_their_place(tmp_path, document, expected):
    assert expected in problems(tmp_path, json.dumps(document))


def test_deeply_nested_json_is_refused(tmp_path):
    assert "nested too deeply" in problems(tmp_path, "[" * 100_000 + "]" * 100_000)


def test_a_huge_value_is_a_clear_problem_not_a_crash(tmp_path):
    document = {"schema_version": 1, "phases": [{"id": "x" * 1_000_000}]}
    text = problems(tmp_path, json.dumps(document))
    assert "$.phases[0]" in text
    assert len(text) < 5_000  # the message stays readable


def test_a_large_valid_file_loads(tmp_path):
    events = [
        {
            "id": f"event-{i}",
            "name": f"Event {i}",
            "start": date(2000, 1, 1 + i % 28).isoformat(),
            "kind": "meeting",
            "sources": ["s"],
        }
        for i in range(20_000)
    ]
    path = write(
        tmp_path, json.dumps({"schema_version": 1, "sources": {"s": SOURCE}, "events": events})
    )
    assert len(sinorus.load(path).events.where(year=2000)) == 20_000


def test_an_empty_file_and_bytes_that_are_not_json(tmp_path):
    assert "not valid JSON" in problems(tmp_path, "")
    assert "not UTF-8" in problems(tmp_path, b"\xfe\xff\x00{")


def test_many_problems_are_all_kept_but_the_message_stays_short(tmp_path):
    phases = [
        {"id": f"p{i}", "name": "", "start": "2000-01-01", "end": None, "sources": [SOURCE]}
        for i in range(100)
    ]
    with pytest.raises(sinorus.DataError) as caught:
        sinorus.load(write(tmp_path, json.dumps({"schema_version": 1, "phases": phases})))
    assert len(caught.value.problems) >= 100
    assert "more (all in .problems)" in str(caught.value)


def test_a_failed_load_changes_nothing(tmp_path):
    before = {s: getattr(sinorus.load(), s) for s in ("phases", "exercises", "events")}
    problems(tmp_path, json.dumps({"schema_version": 1, "phases": [{"id": "x"}]}))
    for section, records in before.items():
        assert getattr(sinorus.load(), section) is records


def test_io_parse_keeps_the_caller_s_data_intact():
    document = {
        "schema_version": 1,
        "sources": {"s": SOURCE},
        "events": [
            {"id": "e", "name": "E", "start": "2000-01-01", "kind": "summit", "sources": ["s"]}
        ],
    }
    text = json.dumps(document)
    io.parse(text)
    assert json.loads(text) == document


def test_writing_refuses_what_is_not_a_path_and_names_a_failed_write(tmp_path):
    with pytest.raises(sinorus.QueryTypeError, match="path"):
        sinorus.load().to_json(3)  # an int would otherwise be taken as a file descriptor
    with pytest.raises(sinorus.DataError, match="cannot write"):
        sinorus.load().to_json(tmp_path / "no-such-folder" / "out.json")


def test_a_coverage_written_with_the_old_series_key_is_read(tmp_path):
    path = tmp_path / "old.json"
    path.write_text(
        '{"schema_version": 1, "coverage": [{"series": "trade", "start": "1992-01-01",'
        ' "end": "2024-12-31", "complete": false}]}'
    )
    assert sinorus.load(path).coverage_of("trade").kind == "trade"
