"""Every date, name, figure and quotation of the starting document, through the public API.

The starting document is the ChinaPower (CSIS) backgrounder "How Has the
China-Russia Relationship Evolved?"; every record holding one of its facts
cites it.
"""

from __future__ import annotations

from datetime import date

import pytest

import sinorus

DOCUMENT_TITLE = "How Has the China-Russia Relationship Evolved?"


def cites_document(record) -> bool:
    return any(s.title == DOCUMENT_TITLE for s in record.sources)


def record(record_id):
    found = sinorus.load().get(record_id)
    assert cites_document(found), record_id
    return found


def quotes_of(found) -> list[str]:
    return [q.text for q in found.quotes]


def test_the_document_is_a_cited_source():
    source = next(s for s in record("alliance").sources if s.title == DOCUMENT_TITLE)
    assert source.publisher == (
        "ChinaPower Project, Center for Strategic and International Studies (CSIS)"
    )


def test_1949_founding_and_ties_with_the_soviet_union():
    founding = record("prc-proclaimed-1949")
    assert founding.start == date(1949, 10, 1)
    assert "Mao Zedong" in founding.people
    relations = record("soviet-recognition-1949")
    assert relations.start.year == 1949
    assert relations.start.month == 10
    with pytest.raises(sinorus.NoDataError):  # the phases begin on 1 October 1949
        sinorus.phase_at("1949-09-30")
    assert sinorus.phase_at("1949-10-01").id == "alliance"


def test_the_1950_treaty_of_friendship_alliance_and_mutual_assistance():
    treaty = record("treaty-of-friendship-1950")
    assert treaty.name == "Sino-Soviet Treaty of Friendship, Alliance and Mutual Assistance"
    assert treaty.kind is sinorus.AgreementKind.TREATY
    assert set(treaty.parties) == {"China", "Soviet Union"}
    assert sinorus.phase_at("1952-06-01").id == "alliance"


def test_the_rift_after_khrushchev_took_power_and_the_split():
    khrushchev = record("khrushchev-first-secretary-1953")
    assert "Nikita Khrushchev" in khrushchev.people
    assert khrushchev.kind is sinorus.EventKind.LEADERSHIP
    split = record("split")
    assert split.name == "Sino-Soviet split"
    assert split.start.year == 1956  # the mid-1950s


def test_the_1969_zhenbao_damanskii_island_clash():
    clash = record("zhenbao-island-clash-1969")
    assert clash.start == date(1969, 3, 2)
    assert "Zhenbao" in clash.name
    assert "Damanskii" in clash.name
    assert sinorus.events(year=1969, kind="clash")[0] is clash
    assert sinorus.phase_at(clash.start).id == "split"


def test_mao_pursued_normalization_with_the_united_states():
    nixon = record("nixon-visit-1972")
    assert "Mao Zedong" in nixon.people
    assert nixon.start == date(1972, 2, 21)
    assert sinorus.phase_at(nixon.start).name == "Sino-Soviet split"


def test_deng_xiaoping_and_the_detente():
    assert "Deng Xiaoping" in record("third-plenum-1978").people
    assert record("detente").start < date(1989, 5, 15)


def test_the_1989_summit_gorbachev_in_beijing():
    summit = record("sino-soviet-summit-1989")
    assert summit.start == date(1989, 5, 15)
    assert {"Mikhail Gorbachev", "Deng Xiaoping"} <= set(summit.people)
    assert summit.location == "Beijing"
    assert "1950s" in summit.summary
    assert sinorus.phase_at("1989-05-16").id == "normalized-relations"


def test_jiang_zemin_in_moscow_in_1991_and_the_border_agreement():
    visit = record("jiang-zemin-moscow-visit-1991")
    assert "Jiang Zemin" in visit.people
    assert visit.start.year == 1991
    border = record("border-agreement-1991")
    assert visit.start <= border.signed <= visit.end
    assert border.place == "Moscow"


def test_the_1996_partnership_of_strategic_coordination():
    level = sinorus.partnership_level_at("1996-04-25")
    assert level.name == "partnership of strategic coordination"
    assert cites_document(level)
    assert sinorus.partnership_level_at("1996-04-24").name == "constructive partnership"
    assert level.adopted_by == "joint-statement-1996"


def test_the_1996_confidence_building_agreement_and_the_reductions():
    cbm = record("shanghai-cbm-agreement-1996")
    assert cbm.signed.year == 1996
    assert set(cbm.parties) == {"China", "Russia", "Kazakhstan", "Kyrgyzstan", "Tajikistan"}
    assert (
        "Agreement on Confidence-Building in the Military Field in Border Areas Between China, "
        "Russia, Kazakhstan, Kyrgyzstan and Tajikistan" in cbm.aliases
    )
    reductions = record("force-reduction-agreement-1997")
    assert set(reductions.parties) == set(cbm.parties)


def test_the_2001_treaty_and_its_quoted_aim():
    treaty = record("treaty-of-good-neighborliness-2001")
    assert treaty.name == "Treaty of Good-Neighborliness and Friendly Cooperation"
    assert treaty.signed.year == 2001
    assert quotes_of(treaty) == [
        "Endeaver[ed] to enhance relations between the two countries to a completely new level."
    ]
    assert cites_document(treaty.quotes[0])


def test_the_sco_founded_in_2001_with_russia_as_a_founding_member():
    (sco,) = sinorus.agreements(year=2001, kind="declaration")
    assert sco is record("sco-declaration-2001")
    assert "Shanghai Cooperation Organization" in sco.name
    for member in ("China", "Russia", "Kazakhstan", "Kyrgyzstan", "Tajikistan"):
        assert member in sco.parties
    assert "Uzbekistan" in sco.parties
    assert "Uzbekistan" in sco.notes


def test_the_2004_final_resolution_of_the_border():
    settlement = record("border-supplementary-agreement-2004")
    assert settlement.signed.year == 2004
    assert "final resolution" in settlement.summary


def test_trade_grew_from_8_to_55_5_billion_dollars():
    assert sinorus.trade_volume(2000) == 8.0
    assert sinorus.trade_volume(2010) == 55.5
    assert sinorus.trade_growth_factor(2000, 2010) == pytest.approx(55.5 / 8.0)
    assert int(sinorus.trade_growth_factor(2000, 2010)) == 6  # "sixfold"
    for year in (2000, 2010):
        assert cites_document(sinorus.load().get(f"trade-{year}"))


def test_peace_mission_2005_the_first_joint_exercise_in_august_2005():
    # the first bilateral exercise of the two armed forces; before it came an
    # SCO exercise (multilateral) and drills of the border guards
    exercises = sinorus.load().exercises
    first = record("peace-mission-2005")
    earlier = [e for e in exercises if e.start < first.start]
    assert all(e.format is sinorus.ExerciseFormat.MULTILATERAL or "border" in e.name.lower()
               for e in earlier), [e.id for e in earlier]
    assert first.format is sinorus.ExerciseFormat.BILATERAL
    assert first.name == "Peace Mission 2005"
    assert (first.start.year, first.start.month) == (2005, 8)
    assert set(first.participants) == {"China", "Russia"}
    assert "19 August" in first.notes  # the disagreement with Wikipedia is recorded


def test_arms_purchases_258_percent_higher():
    (arms,) = sinorus.load().arms
    assert cites_document(arms)
    assert arms.percent_higher == 258.0
    assert (arms.start_year, arms.end_year) == (2000, 2010)
    assert "previous decade" in arms.baseline


def test_the_2011_comprehensive_strategic_partnership():
    level = sinorus.partnership_level_at("2011-06-16")
    assert cites_document(level)
    assert "comprehensive strategic partnership of cooperation" in level.aliases
    assert sinorus.load().get(level.adopted_by).name.startswith("Joint Statement on the 10th")


def test_the_2019_upgrade_for_a_new_era_and_xis_words():
    level = sinorus.partnership_level_at("2019-06-05")
    assert "comprehensive strategic partnership of cooperation for a new era" in level.aliases
    assert cites_document(level)
    visit = record("xi-state-visit-2019")
    assert visit.quotes[0].speaker == "Xi Jinping"
    assert quotes_of(visit) == [
        "the China-Russia relationship is seeing a continuous, steady and sound development at a "
        "high level, and is at its best in history."
    ]


def test_the_2019_joint_statement_principle():
    statement = record("joint-statement-2019")
    assert quotes_of(statement) == [
        "mutual understanding and accommodation and win-win cooperation"
    ]
    assert "five basic principles" in statement.summary


def test_china_did_not_oppose_the_2014_annexation_of_crimea():
    annexation = record("crimea-annexation-2014")
    assert annexation.start.year == 2014
    votes = [v for v in sinorus.events(year=2014, kind="vote") if "crimea" in v.notes.lower()
             or "crimea" in v.name.lower() or "ukraine" in v.name.lower()]
    assert len(votes) >= 2
    assert all(cites_document(v) for v in votes)
    assert all("abstain" in v.name.lower() for v in votes)


def test_the_4_february_2022_joint_statement_and_its_quotations():
    statement = record("joint-statement-2022")
    assert statement.signed == date(2022, 2, 4)
    assert quotes_of(statement) == [
        "relations between Russia and China are superior to political and military alliances of "
        "the Cold War era",
        "Friendship between the two States has no limits, there are no ‘forbidden’ areas of "
        "cooperation.",
    ]
    meeting = record("xi-putin-meeting-2022")
    assert {"Xi Jinping", "Vladimir Putin"} <= set(meeting.people)
    assert "first in-person meeting" in meeting.summary
    assert record("beijing-olympics-opening-2022").start == date(2022, 2, 4)


def test_the_invasion_came_less_than_three_weeks_later():
    invasion = record("russian-invasion-of-ukraine-2022")
    statement = sinorus.load().get("joint-statement-2022")
    assert 0 < (invasion.start - statement.signed).days < 21
    assert sinorus.phase_at(invasion.start).id == "no-limits-partnership"


def test_the_partnership_level_on_18_march_2014():
    level = sinorus.partnership_level_at("18 March 2014")
    assert level.start == date(2011, 6, 16)
    assert level.end == date(2019, 6, 4)


def test_every_leader_named_in_the_document_is_reachable():
    people = {p for e in sinorus.events() for p in e.people}
    for name in (
        "Nikita Khrushchev",
        "Mao Zedong",
        "Deng Xiaoping",
        "Mikhail Gorbachev",
        "Jiang Zemin",
        "Xi Jinping",
        "Vladimir Putin",
    ):
        assert name in people
        assert any(cites_document(e) for e in sinorus.events(person=name)), name


def test_leaders_in_office_at_the_documents_turning_points():
    def names(day):
        return {leader.name for leader in sinorus.leaders_at(day)}

    assert {"Mao Zedong", "Joseph Stalin"} <= names("1950-02-14")  # the 1950 treaty
    assert "Nikita Khrushchev" in names("1956-02-25")  # the rift
    assert "Mikhail Gorbachev" in names("1989-05-16")  # the summit in Beijing
    assert "Jiang Zemin" in names("1991-05-16")
    assert {"Xi Jinping", "Vladimir Putin"} <= names("2022-02-04")
    for leader in sinorus.load().leaders:
        assert any(s.url for s in leader.sources)
