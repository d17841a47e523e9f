"""The file format: lossless round trips, the shipped JSON Schema, merging datasets."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import sinorus
import sinorus.validation
from sinorus import io
from sinorus._bundled import DATA_FILE
from sinorus.schema import json_schema

SECTIONS = tuple(sinorus.kinds.KIND)
SCHEMA_FILE = Path(sinorus.__file__).parent / "data" / "schema.json"


def same_records(a: sinorus.Dataset, b: sinorus.Dataset) -> None:
    for section in SECTIONS:
        assert getattr(a, section) == getattr(b, section), section


def test_every_bundled_record_round_trips_through_the_converter(bundled):
    for section in SECTIONS:
        for record in getattr(bundled, section):
            raw = sinorus.converter().unstructure(record)
            assert json.loads(json.dumps(raw)) == raw  # plain JSON-ready data
            assert sinorus.converter().structure(raw, type(record)) == record


def test_a_dataset_round_trips_through_a_file(bundled, tmp_path):
    path = tmp_path / "copy.json"
    bundled.to_json(path)
    back = sinorus.load(path)
    same_records(back, bundled)
    assert back.data_version == bundled.data_version


def test_the_shipped_schema_is_generated_from_the_model():
    assert json.loads(SCHEMA_FILE.read_text(encoding="utf-8")) == json_schema()


def test_the_bundled_file_and_written_files_match_the_schema(bundled, tmp_path):
    schema = json_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    with open(DATA_FILE, encoding="utf-8") as file:
        jsonschema.validate(json.load(file), schema)
    jsonschema.validate(io.to_document(bundled), schema)


def test_the_schema_rejects_what_the_reader_rejects():
    schema = json_schema()
    bad = {"schema_version": 1, "phases": [{"id": "x", "name": "X", "start": "2000-01-01"}]}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, schema)
    with pytest.raises(sinorus.DataError):
        io.parse(json.dumps(bad))


SOURCE = sinorus.Source(title="A source", url="https://example.org", publisher="Example")
texts = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), min_size=1, max_size=20
).filter(str.strip)
slugs = st.from_regex(r"[a-z][a-z0-9]{0,8}(-[a-z0-9]{1,5}){0,2}", fullmatch=True)
days = st.dates(min_value=date(1700, 1, 1), max_value=date(2099, 12, 31))


@st.composite
def exercises(draw):
    start = draw(days)
    return sinorus.Exercise(
        id=draw(slugs),
        name=draw(texts),
        start=start,
        end=start + timedelta(days=draw(st.integers(0, 30))),
        location=draw(texts),
        participants=tuple(draw(st.lists(texts, min_size=1, max_size=4))),
        series=draw(st.none() | texts),
        domain=draw(st.none() | st.sampled_from(sinorus.Domain)),
        format=draw(st.none() | st.sampled_from(sinorus.ExerciseFormat)),
        sources=(SOURCE,),
        notes=draw(st.text(max_size=30)),
    )


@st.composite
def events(draw):
    start = draw(days)
    end = draw(st.none() | st.integers(0, 400).map(lambda n: start + timedelta(days=n)))
    return sinorus.Event(
        id=draw(slugs),
        name=draw(texts),
        start=start,
        end=end,
        kind=draw(st.sampled_from(sinorus.EventKind)),
        people=tuple(draw(st.lists(texts, max_size=3))),
        location=draw(st.none() | texts),
        quotes=tuple(
            sinorus.Quote(text=t, speaker="Someone", sources=(SOURCE,))
            for t in draw(st.lists(texts, max_size=2))
        ),
        sources=(SOURCE, sinorus.Source(title=draw(texts))),
    )


@settings(max_examples=60, deadline=None)
@given(
    st.lists(exercises(), max_size=5, unique_by=lambda e: e.id),
    st.lists(events(), max_size=5, unique_by=lambda e: e.id),
)
def test_generated_records_round_trip(generated_exercises, generated_events):
    ids = {e.id for e in generated_exercises}
    kept_events = [e for e in generated_events if e.id not in ids]
    dataset = sinorus.Dataset(exercises=generated_exercises, events=kept_events)
    back = io.parse(json.dumps(io.to_document(dataset)))
    same_records(back, dataset)
    for record in (*generated_exercises, *kept_events):
        assert (
            sinorus.converter().structure(sinorus.converter().unstructure(record), type(record))
            == record
        )


def user_dataset(**records):
    return sinorus.Dataset(**records, data_version="mine", source="mine.json")


def test_merge_adds_a_users_records_to_the_bundled_ones(bundled):
    extra = sinorus.Exercise(
        id="my-coded-drill",
        name="My coded drill",
        start=date(2018, 9, 1),
        end=date(2018, 9, 2),
        location="Somewhere",
        participants=("China", "Russia"),
        sources=(SOURCE,),
    )
    merged = bundled.merge(user_dataset(exercises=[extra]))
    assert extra in merged.exercises.where(year=2018)
    assert len(merged.exercises) == len(bundled.exercises) + 1
    assert merged.data_version == f"{bundled.data_version}+mine"
    assert extra not in bundled.exercises  # the inputs do not change


def test_merge_refuses_clashing_ids_unless_told(bundled):
    original = bundled.get("peace-mission-2005")
    recoded = sinorus.Exercise(
        id=original.id,
        name=original.name,
        start=original.start,
        end=original.end,
        location="Recoded location",
        participants=original.participants,
        sources=(SOURCE,),
    )
    mine = user_dataset(exercises=[recoded])
    with pytest.raises(sinorus.DataError, match=r"mine.json: record 'peace-mission-2005'"):
        bundled.merge(mine)
    assert bundled.merge(mine, on_conflict="replace").get(original.id) == recoded
    assert bundled.merge(mine, on_conflict="keep").get(original.id) == original
    with pytest.raises(sinorus.QueryError, match="on_conflict"):
        bundled.merge(mine, on_conflict="overwrite")


def test_merge_checks_the_result(bundled):
    overlapping = sinorus.Phase(
        id="my-phase", name="Mine", start=date(2000, 1, 1), end=None, sources=(SOURCE,)
    )
    with pytest.raises(sinorus.DataError, match="overlaps"):
        bundled.merge(user_dataset(phases=[overlapping]))
