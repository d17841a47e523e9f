"""The country table, names and aliases in the filters, and search."""

from __future__ import annotations

import subprocess
import sys
from collections import Counter
from datetime import date

import attrs
import pytest

import sinorus
from sinorus.cli import main
from sinorus.countries import normalized

# The codes as the sources state them (COW State System Membership List v2016; the
# Gleditsch–Ward list of independent states): China 710; Russia 365, a code COW and
# Gleditsch–Ward give to the Soviet Union as well.
COW_CHINA = 710
COW_RUSSIA = 365
GW_RUSSIA = 365


def country_names(data: sinorus.Dataset) -> set[str]:
    """Every name of a country in the data: parties, participants, suppliers, leaders'."""
    names = {p for a in data.agreements for p in a.parties}
    names |= {p for e in data.exercises for p in e.participants}
    names |= {t.supplier for t in data.arms_transfers} | {t.recipient for t in data.arms_transfers}
    names |= {leader.country for leader in data.leaders}
    return names


def people(data: sinorus.Dataset) -> set[str]:
    names = {p for e in data.events for p in e.people} | {x.name for x in data.leaders}
    return names | {s for a in data.agreements for s in a.signatories}


def misspelt(name: str) -> str:
    """``name`` with one inner letter left out."""
    middle = len(name) // 2
    return name[:middle] + name[middle + 1 :]


# --- the table ----------------------------------------------------------------------


def test_every_country_in_the_data_is_in_the_table_under_its_own_name(bundled):
    names = country_names(bundled)
    assert len(names) > 30
    for name in names:
        assert sinorus.country(name).name == name


def test_the_codes_are_the_sources_codes():
    china, russia, ussr = (sinorus.country(n) for n in ("China", "Russia", "Soviet Union"))
    assert china.ccode == COW_CHINA
    assert russia.ccode == ussr.ccode == COW_RUSSIA
    assert russia.gwcode == ussr.gwcode == GW_RUSSIA
    assert sinorus.country(COW_CHINA) is china
    assert sinorus.country(COW_RUSSIA) is russia  # the state that still exists


def test_the_soviet_union_was_continued_by_russia():
    russia, ussr = sinorus.country("Russia"), sinorus.country("USSR")
    assert russia is not ussr
    assert ussr.successor == russia.key and russia.predecessor == ussr.key
    assert ussr.succession == russia.succession == ussr.end
    assert ussr.start is not None and ussr.start < ussr.end
    assert russia.successor is None and russia.end is None
    assert ussr.iso3 != russia.iso3


def test_each_name_and_code_finds_its_own_row_only():
    rows = sinorus.countries()
    assert len({c.key for c in rows}) == len(rows)
    owners: dict[str, set[str]] = {}
    for row in rows:
        for name in (row.key, *row.names):
            owners.setdefault(normalized(name), set()).add(row.key)
            assert sinorus.country(name) is row
            assert sinorus.country(name.upper()) is row
            assert sinorus.country(f"  the {name} ") is row
        for code in (row.iso3, row.stateabb, row.ccode):
            assert code is not None
            found = sinorus.country(code)
            assert found is row or (found.predecessor == row.key and row.ccode == found.ccode)
    assert all(len(keys) == 1 for keys in owners.values())


def test_rows_are_frozen_tuples_with_sources():
    for row in sinorus.countries():
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            row.name = "x"  # type: ignore[misc]
        for field in attrs.fields(type(row)):
            assert not isinstance(getattr(row, field.name), list)
        assert row.sources and all(s.accessed == date(2026, 12, 2) for s in row.sources)
        assert any(s.secondary for s in row.sources) and not all(s.secondary for s in row.sources)
    assert isinstance(sinorus.countries(), tuple)
    assert sinorus.Country is type(sinorus.countries()[0])


def test_an_unknown_country_raises_with_the_closest_name(bundled):
    for name in sorted(country_names(bundled)):
        if len(name) < 6:
            continue
        with pytest.raises(sinorus.UnknownNameError, match="did you mean") as caught:
            sinorus.country(misspelt(name))
        assert repr(name) in str(caught.value)
        assert isinstance(caught.value, sinorus.QueryError)
    for wrong in (None, 3.5, ["China"], True):
        with pytest.raises(sinorus.QueryTypeError):
            sinorus.country(wrong)  # type: ignore[arg-type]


# --- names in the filters -----------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "keyword", "field"),
    [("agreements", "party", "parties"), ("exercises", "participant", "participants")],
)
def test_every_name_of_a_country_finds_the_same_records(bundled, query, keyword, field):
    series = getattr(bundled, query)
    for name in {n for record in series for n in getattr(record, field)}:
        expected = tuple(r for r in series if name in getattr(r, field))
        found = sinorus.country(name)
        for other in (*found.names, found.iso3, found.key):
            assert getattr(sinorus, query)(**{keyword: other}) == expected, (name, other)


def test_russia_does_not_find_soviet_records_but_the_shared_code_finds_both(bundled):
    for query, keyword in (("agreements", "party"), ("exercises", "participant")):
        russian = getattr(sinorus, query)(**{keyword: "Russia"})
        soviet = getattr(sinorus, query)(**{keyword: "USSR"})
        field = "parties" if query == "agreements" else "participants"
        assert all("Russia" in getattr(r, field) for r in russian)
        assert all("Soviet Union" in getattr(r, field) for r in soviet)
        both = getattr(sinorus, query)(**{keyword: COW_RUSSIA})
        assert set(both) == set(russian) | set(soviet)
    supplied = bundled.arms_transfers.where(supplier=sinorus.country("USSR").name_ru)
    assert supplied and all(t.supplier == "Soviet Union" for t in supplied)
    assert bundled.leaders.where(country="USSR") == tuple(
        x for x in bundled.leaders if x.country == "Soviet Union"
    )


def test_a_known_country_without_records_gives_nothing(bundled):
    parties = {p for a in bundled.agreements for p in a.parties}
    absent = [c for c in sinorus.countries() if c.name not in parties]
    assert absent
    for row in absent:
        assert sinorus.agreements(party=row.name) == ()


def test_an_unknown_party_raises_with_a_suggestion(bundled):
    for record in bundled.agreements:
        for party in record.parties:
            with pytest.raises(sinorus.UnknownNameError, match=f"did you mean.*{party}"):
                sinorus.agreements(party=misspelt(party))


def test_a_persons_unique_word_finds_their_events_and_a_shared_one_raises(bundled):
    known = people(bundled)
    owners: dict[str, set[str]] = {}
    for name in known:
        for word in normalized(name).split():
            owners.setdefault(word, set()).add(name)
    shown = {p for e in bundled.events for p in e.people}
    checked = ambiguous = 0
    for person in sorted(shown):
        expected = tuple(e for e in bundled.events if person in e.people)
        assert sinorus.events(person=person) == expected
        for word in normalized(person).split():
            if owners[word] == {person}:
                assert sinorus.events(person=word.upper()) == expected, word
                checked += 1
            elif len(owners[word]) > 1 and normalized(person) != word:
                with pytest.raises(sinorus.QueryError, match="could be any of") as caught:
                    sinorus.events(person=word)
                assert all(repr(name) in str(caught.value) for name in owners[word])
                ambiguous += 1
    assert checked and ambiguous
    surname = Counter(name.split()[-1] for name in known)
    putin = "Vladimir Putin"
    assert putin in shown and surname["Putin"] == 1
    assert sinorus.events(person="Putin") == sinorus.events(person=putin)
    assert sinorus.events(person=" ".join(reversed(putin.split()))) == sinorus.events(person=putin)


def test_a_known_person_without_events_gives_nothing_an_unknown_one_raises(bundled):
    shown = {p for e in bundled.events for p in e.people}
    leaders_only = sorted({x.name for x in bundled.leaders} - shown)
    assert leaders_only
    for name in leaders_only:
        assert sinorus.events(person=name) == ()
    for name in sorted(shown):
        surname = name.split()[-1]
        if len(surname) > 5:
            with pytest.raises(sinorus.UnknownNameError, match=f"did you mean.*{name}"):
                sinorus.events(person=misspelt(surname))


def test_leaders_are_found_by_surname_too(bundled):
    for leader in bundled.leaders:
        expected = tuple(x for x in bundled.leaders if x.name == leader.name)
        assert bundled.leaders.where(name=leader.name.lower()) == expected
    assert bundled.leaders.where(name="Putin") == bundled.leaders.where(name="Vladimir Putin")


def test_the_command_line_takes_the_same_names(capsys, bundled):
    assert main(["list", "events", "--party", "Putin", "--json"]) == 0
    import json

    listed = [r["id"] for r in json.loads(capsys.readouterr().out)]
    assert listed == [e.id for e in bundled.events if "Vladimir Putin" in e.people]
    assert main(["list", "agreements", "--party", "USSR", "--json"]) == 0
    listed = [r["id"] for r in json.loads(capsys.readouterr().out)]
    assert listed == [a.id for a in bundled.agreements if "Soviet Union" in a.parties]
    assert main(["list", "events", "--party", "Putn"]) == 1
    assert "did you mean 'Vladimir Putin'" in capsys.readouterr().err


# --- search -------------------------------------------------------------------------


def named(data: sinorus.Dataset, field: str) -> list[object]:
    return [
        r for kind in sinorus.KINDS for r in data[kind.name] if getattr(r, field, None) is not None
    ]


@pytest.mark.parametrize("field", ["name", "name_zh", "name_ru"])
def test_search_finds_each_record_by_each_of_its_names(bundled, field):
    records = named(bundled, field)
    assert records
    for record in records:
        text = getattr(record, field)
        found = sinorus.search(text)
        assert record in found
        assert record in sinorus.search(text.upper())
        exact = [r for r in found if normalized(text) in (normalized(n) for n in names_of(r))]
        assert list(found[: len(exact)]) == exact  # exact matches first
        assert all(normalized(text) in " ".join(normalized(n) for n in names_of(r)) for r in found)


def names_of(record: object) -> list[str]:
    names = [getattr(record, f, None) for f in ("name", "name_zh", "name_ru")]
    return [n for n in names if n] + list(getattr(record, "aliases", ()))


def test_search_finds_aliases_and_a_part_of_a_name(bundled):
    with_aliases = [a for a in bundled.agreements if a.aliases]
    assert with_aliases
    for record in with_aliases:
        assert record in sinorus.search(record.aliases[0])
    word = "Power of Siberia"
    expected = [
        r
        for kind in sinorus.KINDS
        for r in bundled[kind.name]
        if any(word.casefold() in n.casefold() for n in names_of(r))
    ]
    assert expected and sorted(sinorus.search(word), key=id) == sorted(expected, key=id)
    assert sinorus.search(word) == bundled.search(word)


def test_search_refuses_nothing_and_non_strings():
    with pytest.raises(sinorus.QueryError):
        sinorus.search("   ")
    with pytest.raises(sinorus.QueryTypeError):
        sinorus.search(2014)  # type: ignore[arg-type]


# --- cost ---------------------------------------------------------------------------


def test_the_table_is_built_on_first_use_only():
    code = (
        "import sys, sinorus\n"
        "print('sinorus._countries' in sys.modules)\n"
        "import sinorus.countries\n"
        "print(callable(sinorus.countries), sinorus.country('PRC').name)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.split()
    assert out == ["False", "True", "China"]
