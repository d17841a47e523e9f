"""The bundled data holds to its rules."""

from __future__ import annotations

import json
import os
import re
from datetime import date, timedelta
from itertools import pairwise

import attrs

import sinorus
import sinorus.validation
from sinorus import io
from sinorus._bundled import DATA_FILE, PARTS, render_module, split_document

ONE_DAY = timedelta(days=1)
SECTIONS = tuple(sinorus.kinds.KIND)


def all_records(ds: sinorus.Dataset) -> list[sinorus.Record]:
    return [r for section in SECTIONS for r in getattr(ds, section)]


def test_ids_are_unique_across_all_records(bundled):
    ids = [r.id for r in all_records(bundled)]
    assert len(ids) == len(set(ids))
    assert all(bundled.get(i).id == i for i in ids)


def test_every_section_has_records(bundled):
    for section in SECTIONS:
        assert getattr(bundled, section), section


def test_records_are_in_chronological_order(bundled):
    for section in ("phases", "partnership_levels", "agreements", "exercises", "events"):
        starts = [r.start for r in getattr(bundled, section)]
        assert starts == sorted(starts), section
    years = [r.year for r in bundled.trade]
    assert years == sorted(years)
    assert len(years) == len(set(years))


def test_the_file_itself_is_in_chronological_order():
    with open(DATA_FILE, encoding="utf-8") as file:
        document = json.load(file)
    for section, key in [
        ("phases", "start"),
        ("partnership_levels", "start"),
        ("agreements", "signed"),
        ("exercises", "start"),
        ("events", "start"),
        ("trade", "year"),
        ("leaders", "start"),
        ("arms_transfers", "year"),
    ]:
        keys = [r[key] for r in document[section]]
        assert keys == sorted(keys), section


def test_phases_cover_every_day_from_october_1949_to_today(bundled):
    phases = bundled.phases
    assert phases[0].start == date(1949, 10, 1)
    assert phases[-1].end is None
    for before, after in pairwise(phases):
        assert before.end is not None
        assert after.start == before.end + ONE_DAY, (before.id, after.id)


def test_partnership_levels_follow_each_other_without_overlap_and_one_gap(bundled):
    levels = bundled.partnership_levels
    assert levels[-1].end is None
    gaps = []
    for before, after in pairwise(levels):
        assert before.end is not None
        assert after.start > before.end, (before.id, after.id)
        if after.start != before.end + ONE_DAY:
            gaps.append((before.end + ONE_DAY, after.start - ONE_DAY))
    # between the lapse of the 1950 treaty and the normalization of 1989 no designation held
    assert gaps == [(date(1980, 4, 11), date(1989, 5, 15))]
    for day in gaps[0]:
        assert sinorus.partnership_level_at(day) is None


def test_levels_name_the_agreement_that_adopted_them(bundled):
    for level in bundled.partnership_levels:
        if level.adopted_by is not None:
            agreement = bundled.get(level.adopted_by)
            assert isinstance(agreement, sinorus.Agreement)
            assert agreement.signed == level.start, level.id


def test_every_record_is_sourced_and_one_source_has_an_address(bundled):
    for record in all_records(bundled):
        assert record.sources, record.id
        assert any(s.url for s in record.sources), record.id
        for source in record.sources:
            assert source.title.strip()
            assert source.url is None or source.url.startswith(("https://", "http://"))
    for record in all_records(bundled):
        for quote in getattr(record, "quotes", ()):
            assert quote.sources, record.id


def test_dates_agree_with_their_precision(bundled):
    for record in all_records(bundled):
        precision = getattr(record, "precision", None)
        if precision is sinorus.Precision.MONTH:
            assert record.start.day == 1, record.id
        elif precision is sinorus.Precision.YEAR:
            assert (record.start.month, record.start.day) == (1, 1), record.id


def test_records_hold_tuples_not_lists(bundled):
    def check(value: object, where: str) -> None:
        assert not isinstance(value, (list, dict, set)), where
        if isinstance(value, tuple):
            for item in value:
                check(item, where)
        elif attrs.has(type(value)):
            for field in attrs.fields(type(value)):
                check(getattr(value, field.name), f"{where}.{field.name}")

    for record in all_records(bundled):
        check(record, record.id)


def test_plain_loader_builds_what_the_cattrs_converter_builds(bundled):
    checked = io.read(DATA_FILE)
    assert checked.data_version == bundled.data_version
    for section in SECTIONS:
        assert getattr(checked, section) == getattr(bundled, section), section


def test_the_bundled_data_has_a_version(bundled):
    assert bundled.data_version
    assert bundled.data_version in repr(bundled)


def test_load_returns_the_same_cached_dataset():
    assert sinorus.load() is sinorus.load()


def test_every_bundled_record_passes_its_validators(bundled):
    # The bundled loader skips the attrs validators for speed; rebuilding each
    # record through its __init__ runs them all.
    for record in all_records(bundled):
        assert attrs.evolve(record) == record
        for source in record.sources:
            assert attrs.evolve(source) == source
        for nested in (*getattr(record, "quotes", ()), *getattr(record, "alternatives", ())):
            assert attrs.evolve(nested) == nested
    for span in bundled.coverage:
        assert attrs.evolve(span) == span


def test_the_bundled_modules_are_written_from_the_json_file():
    # The package reads the data from Python literals that the build writes
    # from the JSON file (hatch_build.py); they must be exactly the file.
    # After editing it, reinstall or run `python -m sinorus._bundled`.
    with open(DATA_FILE, encoding="utf-8") as file:
        document = json.load(file)
    parts = split_document(document)
    assert tuple(parts) == PARTS
    for part in PARTS:
        path = os.path.join(os.path.dirname(DATA_FILE), os.pardir, f"_bundled_{part}.py")
        with open(path, encoding="utf-8") as file:
            assert file.read() == render_module(parts[part]), path
    # together the parts hold every record and every cited source, once
    for kind in sinorus.kinds.KINDS:
        held = [p["kinds"].get(kind.name, []) for p in parts.values()]
        assert sum(len(h) for h in held) == len(document[kind.name])
        assert kind.name in parts[kind.part]["kinds"]
    cited = set(parts["core"]["sources"]) | set(parts["rest"]["sources"])
    assert cited == set(document["sources"])


def test_the_json_file_is_read_where_the_modules_were_never_built():
    from sinorus import _bundled

    parts = _bundled._from_json()
    for part in PARTS:
        assert _bundled._document(part) == parts[part]


def test_every_series_declares_its_coverage(bundled):
    # (records outside their series' coverage are refused by every load)
    assert [span.kind for span in bundled.coverage] == list(SECTIONS)
    for span in bundled.coverage:
        assert span.notes.strip(), span.kind
        assert getattr(bundled, span.kind), span.kind


def test_chinese_and_russian_names_are_written_in_their_scripts(bundled):
    named = [
        r
        for r in all_records(bundled)
        if getattr(r, "name_zh", None) or getattr(r, "name_ru", None)
    ]
    assert len(named) >= 60
    for record in named:
        if record.name_zh is not None:
            assert any("\u4e00" <= ch <= "\u9fff" for ch in record.name_zh), record.id
        if record.name_ru is not None:
            assert any("\u0400" <= ch <= "\u04ff" for ch in record.name_ru), record.id


def test_english_names_carry_no_other_script(bundled):
    for record in all_records(bundled):
        assert not any("\u4e00" <= ch <= "\u9fff" for ch in record.name), record.id


def test_alternatives_differ_from_the_value_used_and_cite_sources(bundled):
    converter = sinorus.converter()
    count = 0
    for record in all_records(bundled):
        raw = converter.unstructure(record)
        for alternative in getattr(record, "alternatives", ()):
            count += 1
            used = raw[alternative.field]
            shown = "; ".join(used) if isinstance(used, list) else str(used)
            assert alternative.value != shown, (record.id, alternative.field)
            assert alternative.sources and alternative.notes.strip(), record.id
    assert count >= 20


def test_notes_are_written_in_the_third_person(bundled):
    first_person = re.compile(
        r"\b(I|we|We|my|our|Our)\b "
        r"(used|use|kept|keep|chose|choose|took|take|found|could|did|have|left|prefer)"
    )
    for record in all_records(bundled):
        assert not first_person.search(record.notes), record.id
        for alternative in getattr(record, "alternatives", ()):
            assert not first_person.search(alternative.notes), record.id


def test_no_kind_ends_more_than_two_months_before_the_data_version(bundled):
    # A release is cut only while every kind is current: its coverage may end
    # at most 62 days before the date in the data version (YYYY.MM.DD.serial).
    year, month, day = (int(part) for part in bundled.data_version.split(".")[:3])
    released = date(year, month, day)
    assert released <= date.today(), "the data version is dated in the future"
    for covered in bundled.coverage:
        assert covered.end >= released - timedelta(days=62), (covered.kind, covered.end)
        assert covered.end <= released, (covered.kind, covered.end)



def test_a_source_that_says_it_is_a_copy_is_marked_secondary(bundled):
    """A publisher label naming a mirror, copy, reprint or another outlet's text is secondary."""
    import re

    from sinorus.tidy import tables

    says_copy = re.compile(r"mirror|\bcopy\b|text\)|text on a|reprint|Wikipedia text", re.I)
    sources = tables(bundled)["sources"]
    publisher = sources.column_names.index("publisher")
    secondary = sources.column_names.index("secondary")
    unmarked = {
        row[publisher]
        for row in sources.rows
        if says_copy.search(row[publisher] or "") and not row[secondary]
    }
    assert not unmarked, sorted(unmarked)
