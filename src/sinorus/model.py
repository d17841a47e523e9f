"""The domain: frozen attrs records and the enums that classify them.

Every record has a stable ``id``, a ``name``, at least one :class:`Source`
and free-text ``notes``. Where sources disagree, the values a record does not
use are kept in its ``alternatives`` (each an :class:`Alternative` with its
own sources) and the notes say why the record's value was chosen. Dated
records carry a :class:`Precision`: a date known only to the month is stored
as the first day of that month with ``Precision.MONTH``, never as an
invented day. Interval ends (``end``) are inclusive: the last day on which
the phase, level or exercise held.

Records hold tuples, never lists, and cannot be changed:

>>> src = Source(title="Example", url="https://example.org", publisher="Example Press")
>>> src.title = "Other"
Traceback (most recent call last):
...
attr.exceptions.FrozenInstanceError: can't set attribute
"""

from __future__ import annotations

import enum
import math
from datetime import date, datetime
from typing import Any, Final, cast, final

import attrs

from .errors import DataError, shown

__all__ = [
    "MAX_YEAR",
    "MIN_YEAR",
    "Agreement",
    "AgreementKind",
    "Alternative",
    "ArmsComparison",
    "ArmsTransfer",
    "Coverage",
    "Domain",
    "Event",
    "EventKind",
    "Exercise",
    "ExerciseFormat",
    "Leader",
    "PartnershipLevel",
    "Phase",
    "Precision",
    "Quote",
    "Source",
    "TradeRecord",
    "TradeToDate",
]

#: Earliest and latest year a record may carry.
MIN_YEAR: Final = 1600
MAX_YEAR: Final = 2100


class Precision(enum.Enum):
    """How much of a date the sources give.

    ``MONTH`` dates are stored as the first of the month, ``YEAR`` dates as
    1 January.

    >>> Precision("month")
    <Precision.MONTH: 'month'>
    """

    DAY = "day"
    MONTH = "month"
    YEAR = "year"


class AgreementKind(enum.Enum):
    """What sort of document an :class:`Agreement` is.

    >>> AgreementKind("joint statement")
    <AgreementKind.JOINT_STATEMENT: 'joint statement'>
    """

    TREATY = "treaty"
    AGREEMENT = "agreement"
    JOINT_STATEMENT = "joint statement"
    DECLARATION = "declaration"
    PROTOCOL = "protocol"
    CHARTER = "charter"
    CONTRACT = "contract"


class EventKind(enum.Enum):
    """What sort of thing an :class:`Event` is.

    >>> import sinorus
    >>> sinorus.load().get("zhenbao-island-clash-1969").kind
    <EventKind.CLASH: 'clash'>
    """

    DIPLOMATIC = "diplomatic"  # recognition, establishment or normalization of relations
    SUMMIT = "summit"
    STATE_VISIT = "state visit"
    MEETING = "meeting"  # in person
    CALL = "call"  # a telephone or video call
    LEADERSHIP = "leadership"  # a leader takes or leaves office
    SPEECH = "speech"
    STATEMENT = "statement"
    POLICY = "policy"  # a lasting stance or decision of one side
    CLASH = "clash"
    CRISIS = "crisis"
    WAR = "war"
    VOTE = "vote"
    FOUNDING = "founding"  # a state or an international body founded
    OTHER = "other"


class Domain(enum.Enum):
    """Where an :class:`Exercise` takes place.

    >>> import sinorus
    >>> sinorus.load().get("joint-sea-2012").domain
    <Domain.SEA: 'sea'>
    """

    LAND = "land"
    SEA = "sea"
    AIR = "air"
    COMBINED = "combined"


class ExerciseFormat(enum.Enum):
    """Whether an :class:`Exercise` had two parties or more.

    >>> import sinorus
    >>> sinorus.load().get("vostok-2018").format
    <ExerciseFormat.MULTILATERAL: 'multilateral'>
    """

    BILATERAL = "bilateral"
    MULTILATERAL = "multilateral"


# --- validators: each names the record and the field it rejects -------------


def _where(instance: object, attribute: attrs.Attribute[Any]) -> str:
    record_id = getattr(instance, "id", None)
    owner = f"record {record_id!r}" if isinstance(record_id, str) else type(instance).__name__
    return f"{owner}, field {attribute.name!r}"


def _fail(instance: object, attribute: attrs.Attribute[Any], message: str) -> DataError:
    return DataError(f"{_where(instance, attribute)}: {message}")


def _text(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if type(value) is str and value and not value.isspace():
        return
    if not isinstance(value, str):
        raise _fail(instance, attribute, f"must be a string, got {type(value).__name__}")
    if not value.strip():
        raise _fail(instance, attribute, "must not be empty")


def _optional_text(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None:
        _text(instance, attribute, value)


def _notes(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if type(value) is not str and not isinstance(value, str):
        raise _fail(instance, attribute, f"must be a string, got {type(value).__name__}")


_SLUG_CHARS: Final = frozenset("abcdefghijklmnopqrstuvwxyz0123456789-")


def _slug(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if (
        not isinstance(value, str)
        or not value
        or not _SLUG_CHARS.issuperset(value)
        or value[0] == "-"
        or value[-1] == "-"
        or "--" in value
    ):
        raise DataError(
            f"record {value!r}, field 'id': must be a slug of lower-case letters, "
            "digits and single hyphens"
        )


def _tuple_of(kind: type, *, non_empty: bool = False) -> Any:
    texts = kind is str

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if type(value) is tuple and (value or not non_empty):  # the usual case, checked fast
            for item in value:
                if type(item) is not kind or (texts and (not item or cast(str, item).isspace())):
                    break
            else:
                return
        if not isinstance(value, tuple):
            raise _fail(instance, attribute, f"must be a tuple, got {type(value).__name__}")
        if non_empty and not value:
            raise _fail(instance, attribute, "must not be empty")
        for i, item in enumerate(value):
            if not isinstance(item, kind):
                raise _fail(
                    instance,
                    attribute,
                    f"item {i} must be {kind.__name__}, got {type(item).__name__}",
                )
            if isinstance(item, str) and not item.strip():
                raise _fail(instance, attribute, f"item {i} must not be empty")

    return check


def _day(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if type(value) is date and MIN_YEAR <= value.year <= MAX_YEAR:
        return
    if isinstance(value, datetime) or not isinstance(value, date):
        raise _fail(instance, attribute, f"must be a datetime.date, got {type(value).__name__}")
    if not MIN_YEAR <= value.year <= MAX_YEAR:
        raise _fail(instance, attribute, f"year {value.year} is outside {MIN_YEAR}–{MAX_YEAR}")


def _optional_day(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None:
        _day(instance, attribute, value)


def _year(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, int):
        raise _fail(instance, attribute, f"must be an int, got {type(value).__name__}")
    if not MIN_YEAR <= value <= MAX_YEAR:
        raise _fail(instance, attribute, f"year {shown(value)} is outside {MIN_YEAR}–{MAX_YEAR}")


def _finite(value: int | float) -> bool:
    try:
        return math.isfinite(value)
    except OverflowError:  # an int too large for a float
        return False


def _number(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise _fail(instance, attribute, f"must be a number, got {type(value).__name__}")
    if not _finite(value):
        raise _fail(instance, attribute, f"must be a finite number, got {shown(value)}")


def _amount(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise _fail(instance, attribute, f"must be a number, got {type(value).__name__}")
    if not _finite(value) or value < 0:
        raise _fail(instance, attribute, f"must be a finite number ≥ 0, got {shown(value)}")


def _months(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 12:
        raise _fail(
            instance, attribute, f"must be a number of months from 1 to 12, got {shown(value)}"
        )


def _optional_amount(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None:
        _amount(instance, attribute, value)


def _member_of(kind: type[enum.Enum]) -> Any:
    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, kind):
            allowed = ", ".join(repr(m.value) for m in kind)
            raise _fail(
                instance, attribute, f"must be a {kind.__name__} ({allowed}), got {value!r}"
            )

    return check


def _optional_member_of(kind: type[enum.Enum]) -> Any:
    check = _member_of(kind)

    def optional(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is not None:
            check(instance, attribute, value)

    return optional


def _check_dates(record: Any, first: str, last: str | None) -> None:
    """Cross-field rules: end not before start, and dates match their precision."""
    start: date = getattr(record, first)
    end: date | None = getattr(record, last) if last else None

    def field(name: str) -> attrs.Attribute[Any]:
        return attrs.fields_dict(type(record))[name]

    if end is not None and end < start:
        raise _fail(record, field(last or first), f"{end} is before {first} {start}")
    precision: Precision = record.precision
    if precision is Precision.DAY:
        return
    for name, value in ((first, start), (last, end)):
        if value is None or name is None:
            continue
        if precision is Precision.MONTH and value.day != 1:
            raise _fail(
                record, field(name), f"precision is month, so the date must be the 1st, got {value}"
            )
        if precision is Precision.YEAR and (value.month, value.day) != (1, 1):
            raise _fail(
                record,
                field(name),
                f"precision is year, so the date must be 1 January, got {value}",
            )


def _flag(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if type(value) is not bool:
        raise _fail(instance, attribute, f"must be true or false, got {type(value).__name__}")


# --- records -----------------------------------------------------------------


class _Record:
    """What every record class shares: ``__repr__``, ``__eq__``, ``__hash__``, display, ``cite``.

    Defined once here rather than generated for each class by attrs, which
    keeps ``import sinorus`` cheap; they compare and show the attrs fields.
    """

    __slots__ = ()

    def _values(self) -> tuple[Any, ...]:
        record = cast("attrs.AttrsInstance", self)
        return tuple(getattr(self, a.name) for a in attrs.fields(type(record)))

    def __repr__(self) -> str:
        record = cast("attrs.AttrsInstance", self)
        fields = ", ".join(
            f"{a.name}={getattr(self, a.name)!r}" for a in attrs.fields(type(record))
        )
        return f"{type(self).__name__}({fields})"

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return self._values() == other._values()

    def __hash__(self) -> int:
        return hash((type(self).__name__, *self._values()))

    def __str__(self) -> str:
        from .display import record_text

        return record_text(self)

    def _repr_html_(self) -> str:
        from .display import record_html

        return record_html(self)

    @property
    def secondary_only(self) -> bool:
        """Whether every source of this record is a secondary copy (none is the original).

        >>> import sinorus
        >>> sinorus.load().get("treaty-of-good-neighborliness-2001").secondary_only
        False
        """
        sources: tuple[Source, ...] = getattr(self, "sources", ())
        return bool(sources) and all(source.secondary for source in sources)

    def cite(self, style: str = "text") -> str:
        """The citation of this record's sources in one of :data:`sinorus.cite.STYLES`.

        See :func:`sinorus.cite`.
        """
        from .cite import cite

        return cite(self, style=style)


@attrs.frozen(kw_only=True, repr=False, eq=False, weakref_slot=False)
class Source(_Record):
    """A document a record was checked against.

    ``accessed`` is the day it was read; ``secondary`` is True for a copy,
    mirror or aggregator of another publication rather than the original.

    >>> Source(title="Sino-Soviet split", url="https://en.wikipedia.org/wiki/Sino-Soviet_split",
    ...        publisher="Wikipedia").publisher
    'Wikipedia'
    """

    title: str = attrs.field(validator=_text)
    url: str | None = attrs.field(default=None, validator=_optional_text)
    publisher: str | None = attrs.field(default=None, validator=_optional_text)
    accessed: date | None = attrs.field(default=None, validator=_optional_day)
    secondary: bool = attrs.field(default=False, validator=_flag)


_sources = _tuple_of(Source, non_empty=True)


@final
@attrs.frozen(kw_only=True, repr=False, eq=False, weakref_slot=False)
class Quote(_Record):
    """Words quoted verbatim from an official statement or a leader.

    ``speaker`` is who said or wrote them (a person or a document).

    >>> import sinorus
    >>> quote = sinorus.load().get("joint-statement-2022").quotes[0]
    >>> quote.speaker
    "Joint statement of the Russian Federation and the People's Republic of China, 4 February 2022"
    """

    text: str = attrs.field(validator=_text)
    speaker: str = attrs.field(validator=_text)
    sources: tuple[Source, ...] = attrs.field(validator=_sources)


_quotes = _tuple_of(Quote)
_strings = _tuple_of(str)


@final
@attrs.frozen(kw_only=True, repr=False, eq=False, weakref_slot=False)
class Alternative(_Record):
    """A value some source gives for a record's ``field`` that the record does not use.

    ``value`` is written as the field is in a data file (an ISO date, a
    number, a name); the record's ``notes`` say why its own value was chosen.

    >>> src = Source(title="Peace Mission 2005", url="https://en.wikipedia.org/wiki/Peace_Mission_2005")
    >>> Alternative(field="start", value="2005-08-19", sources=(src,)).value
    '2005-08-19'
    """

    field: str = attrs.field(validator=_text)
    value: str = attrs.field(validator=_text)
    sources: tuple[Source, ...] = attrs.field(validator=_sources)
    notes: str = attrs.field(default="", validator=_notes)


_tuple_of_alternatives = _tuple_of(Alternative)


def _alternatives(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A tuple of :class:`Alternative`, each naming a field the record has."""
    _tuple_of_alternatives(instance, attribute, value)
    if not value:
        return
    names = attrs.fields_dict(cast("type[attrs.AttrsInstance]", type(instance)))
    for i, alternative in enumerate(cast(tuple[Alternative, ...], value)):
        if alternative.field not in names or alternative.field in _NOT_ALTERNATIVES:
            raise _fail(
                instance,
                attribute,
                f"item {i} names field {alternative.field!r}, which cannot have alternatives",
            )


_NOT_ALTERNATIVES: Final = frozenset({"id", "sources", "notes", "alternatives", "quotes"})


@final
@attrs.frozen(kw_only=True, repr=False, eq=False, weakref_slot=False)
class Phase(_Record):
    """A period of the relationship, from ``start`` to ``end`` (inclusive).

    ``end`` is None for the phase still under way. Phases are the project's
    periodisation; ``notes`` say which event each boundary is anchored to.

    >>> import sinorus
    >>> phase = sinorus.phase_at("1969-03-02")
    >>> phase.name, phase.start, phase.end
    ('Sino-Soviet split', datetime.date(1956, 2, 25), datetime.date(1982, 3, 23))
    """

    id: str = attrs.field(validator=_slug)
    name: str = attrs.field(validator=_text)
    start: date = attrs.field(validator=_day)
    end: date | None = attrs.field(validator=_optional_day)
    precision: Precision = attrs.field(default=Precision.DAY, validator=_member_of(Precision))
    summary: str = attrs.field(default="", validator=_notes)
    sources: tuple[Source, ...] = attrs.field(validator=_sources)
    notes: str = attrs.field(default="", validator=_notes)

    def __attrs_post_init__(self) -> None:
        _check_dates(self, "start", "end")


@final
@attrs.frozen(kw_only=True, repr=False, eq=False, weakref_slot=False)
class PartnershipLevel(_Record):
    """An official designation of the relationship, in force from ``start``.

    ``name`` is the official English wording; ``aliases`` holds other
    renderings (including the starting document's), ``name_zh`` and
    ``name_ru`` the Chinese and Russian wording where a source gives them.
    ``adopted_by`` is the id of the :class:`Agreement` that announced it,
    where there is one; ``restated_by`` the ids of later agreements that
    restated or deepened it without changing it.

    >>> import sinorus
    >>> level = sinorus.partnership_level_at("1995-06-01")
    >>> level.name, level.name_zh, level.adopted_by
    ('constructive partnership', '建设性伙伴关系', 'joint-statement-1994')
    """

    id: str = attrs.field(validator=_slug)
    name: str = attrs.field(validator=_text)
    name_zh: str | None = attrs.field(default=None, validator=_optional_text)
    name_ru: str | None = attrs.field(default=None, validator=_optional_text)
    start: date = attrs.field(validator=_day)
    end: date | None = attrs.field(validator=_optional_day)
    precision: Precision = attrs.field(default=Precision.DAY, validator=_member_of(Precision))
    aliases: tuple[str, ...] = attrs.field(default=(), validator=_strings)
    adopted_by: str | None = attrs.field(default=None, validator=_optional_text)
    restated_by: tuple[str, ...] = attrs.field(default=(), validator=_strings)
    summary: str = attrs.field(default="", validator=_notes)
    quotes: tuple[Quote, ...] = attrs.field(default=(), validator=_quotes)
    sources: tuple[Source, ...] = attrs.field(validator=_sources)
    notes: str = attrs.field(default="", validator=_notes)
    alternatives: tuple[Alternative, ...] = attrs.field(default=(), validator=_alternatives)

    def __attrs_post_init__(self) -> None:
        _check_dates(self, "start", "end")


@final
@attrs.frozen(kw_only=True, repr=False, eq=False, weakref_slot=False)
class Agreement(_Record):
    """A treaty, agreement, joint statement, declaration or protocol.

    ``in_force`` is when it took effect and ``ended`` when it expired or was
    superseded, where known.

    >>> import sinorus
    >>> treaty = sinorus.load().get("treaty-of-good-neighborliness-2001")
    >>> treaty.kind, treaty.place, treaty.in_force
    (<AgreementKind.TREATY: 'treaty'>, 'Moscow', datetime.date(2002, 2, 28))
    """

    id: str = attrs.field(validator=_slug)
    name: str = attrs.field(validator=_text)
    name_zh: str | None = attrs.field(default=None, validator=_optional_text)
    name_ru: str | None = attrs.field(default=None, validator=_optional_text)
    signed: date = attrs.field(validator=_day)
    precision: Precision = attrs.field(default=Precision.DAY, validator=_member_of(Precision))
    kind: AgreementKind = attrs.field(validator=_member_of(AgreementKind))
    parties: tuple[str, ...] = attrs.field(validator=_tuple_of(str, non_empty=True))
    place: str | None = attrs.field(default=None, validator=_optional_text)
    signatories: tuple[str, ...] = attrs.field(default=(), validator=_strings)
    in_force: date | None = attrs.field(default=None, validator=_optional_day)
    ended: date | None = attrs.field(default=None, validator=_optional_day)
    aliases: tuple[str, ...] = attrs.field(default=(), validator=_strings)
    summary: str = attrs.field(default="", validator=_notes)
    quotes: tuple[Quote, ...] = attrs.field(default=(), validator=_quotes)
    sources: tuple[Source, ...] = attrs.field(validator=_sources)
    notes: str = attrs.field(default="", validator=_notes)
    alternatives: tuple[Alternative, ...] = attrs.field(default=(), validator=_alternatives)

    def __attrs_post_init__(self) -> None:
        _check_dates(self, "signed", None)
        fields = attrs.fields_dict(Agreement)
        if self.in_force is not None and self.in_force < self.signed:
            raise _fail(
                self, fields["in_force"], f"{self.in_force} is before signing {self.signed}"
            )
        if self.ended is not None and self.ended < self.signed:
            raise _fail(self, fields["ended"], f"{self.ended} is before signing {self.signed}")

    @property
    def start(self) -> date:
        """The signing date, so that every dated record has a ``start``."""
        return self.signed


@final
@attrs.frozen(kw_only=True, repr=False, eq=False, weakref_slot=False)
class Exercise(_Record):
    """A joint military exercise or patrol with both countries taking part.

    >>> import sinorus
    >>> exercise = sinorus.load().get("vostok-2018")
    >>> exercise.start, exercise.end, exercise.series
    (datetime.date(2018, 9, 11), datetime.date(2018, 9, 15), 'Vostok')
    """

    id: str = attrs.field(validator=_slug)
    name: str = attrs.field(validator=_text)
    name_zh: str | None = attrs.field(default=None, validator=_optional_text)
    name_ru: str | None = attrs.field(default=None, validator=_optional_text)
    start: date = attrs.field(validator=_day)
    end: date = attrs.field(validator=_day)
    precision: Precision = attrs.field(default=Precision.DAY, validator=_member_of(Precision))
    location: str = attrs.field(validator=_text)
    participants: tuple[str, ...] = attrs.field(validator=_tuple_of(str, non_empty=True))
    series: str | None = attrs.field(default=None, validator=_optional_text)
    domain: Domain | None = attrs.field(default=None, validator=_optional_member_of(Domain))
    format: ExerciseFormat | None = attrs.field(
        default=None, validator=_optional_member_of(ExerciseFormat)
    )
    summary: str = attrs.field(default="", validator=_notes)
    sources: tuple[Source, ...] = attrs.field(validator=_sources)
    notes: str = attrs.field(default="", validator=_notes)
    alternatives: tuple[Alternative, ...] = attrs.field(default=(), validator=_alternatives)

    def __attrs_post_init__(self) -> None:
        _check_dates(self, "start", "end")


@final
@attrs.frozen(kw_only=True, repr=False, eq=False, weakref_slot=False)
class Event(_Record):
    """Something that happened: a summit, visit, clash, speech, statement, crisis.

    ``end`` is None for a one-day event (or one still going on, as the notes
    say); ``people`` names the leaders involved.

    >>> import sinorus
    >>> event = sinorus.load().get("sino-soviet-summit-1989")
    >>> event.kind, event.people
    (<EventKind.SUMMIT: 'summit'>, ('Mikhail Gorbachev', 'Deng Xiaoping', 'Zhao Ziyang'))
    """

    id: str = attrs.field(validator=_slug)
    name: str = attrs.field(validator=_text)
    name_zh: str | None = attrs.field(default=None, validator=_optional_text)
    name_ru: str | None = attrs.field(default=None, validator=_optional_text)
    start: date = attrs.field(validator=_day)
    end: date | None = attrs.field(default=None, validator=_optional_day)
    precision: Precision = attrs.field(default=Precision.DAY, validator=_member_of(Precision))
    kind: EventKind = attrs.field(validator=_member_of(EventKind))
    people: tuple[str, ...] = attrs.field(default=(), validator=_strings)
    location: str | None = attrs.field(default=None, validator=_optional_text)
    summary: str = attrs.field(default="", validator=_notes)
    quotes: tuple[Quote, ...] = attrs.field(default=(), validator=_quotes)
    sources: tuple[Source, ...] = attrs.field(validator=_sources)
    notes: str = attrs.field(default="", validator=_notes)
    alternatives: tuple[Alternative, ...] = attrs.field(default=(), validator=_alternatives)

    def __attrs_post_init__(self) -> None:
        _check_dates(self, "start", "end")


@final
@attrs.frozen(kw_only=True, repr=False, eq=False, weakref_slot=False)
class Leader(_Record):
    """A term in one of the top offices: ``name`` held ``office`` of ``country``.

    ``end`` is the last day in office (inclusive), None while still in
    office. The offices are the party's top post in China and the Soviet
    Union, the heads of state (the President of the People's Republic of
    China, the Soviet head of state, the Soviet and Russian presidencies)
    and the Premier of China's State Council; ``sinorus.coverage_of("leaders")``
    states the rule.

    >>> import sinorus
    >>> leader = sinorus.load().get("putin-president-2012")
    >>> leader.country, leader.start, leader.end
    ('Russia', datetime.date(2012, 5, 7), None)
    """

    id: str = attrs.field(validator=_slug)
    name: str = attrs.field(validator=_text)
    country: str = attrs.field(validator=_text)
    office: str = attrs.field(validator=_text)
    start: date = attrs.field(validator=_day)
    end: date | None = attrs.field(default=None, validator=_optional_day)
    precision: Precision = attrs.field(default=Precision.DAY, validator=_member_of(Precision))
    sources: tuple[Source, ...] = attrs.field(validator=_sources)
    notes: str = attrs.field(default="", validator=_notes)
    alternatives: tuple[Alternative, ...] = attrs.field(default=(), validator=_alternatives)

    def __attrs_post_init__(self) -> None:
        _check_dates(self, "start", "end")


@final
@attrs.frozen(kw_only=True, repr=False, eq=False, weakref_slot=False)
class TradeRecord(_Record):
    """China's total goods trade with Russia (the USSR before 1992) in one year.

    Figures are in billions of current US dollars; ``exports_usd_bn`` and
    ``imports_usd_bn`` are China's, where a source gives them.

    >>> import sinorus
    >>> record = sinorus.load().get("trade-2024")
    >>> record.total_usd_bn, record.exports_usd_bn, record.imports_usd_bn
    (244.81, 115.49, 129.32)
    """

    id: str = attrs.field(validator=_slug)
    name: str = attrs.field(validator=_text)
    year: int = attrs.field(validator=_year)
    total_usd_bn: float = attrs.field(validator=_amount)
    exports_usd_bn: float | None = attrs.field(default=None, validator=_optional_amount)
    imports_usd_bn: float | None = attrs.field(default=None, validator=_optional_amount)
    sources: tuple[Source, ...] = attrs.field(validator=_sources)
    notes: str = attrs.field(default="", validator=_notes)
    alternatives: tuple[Alternative, ...] = attrs.field(default=(), validator=_alternatives)


@final
@attrs.frozen(kw_only=True, repr=False, eq=False, weakref_slot=False)
class TradeToDate(_Record):
    """China's goods trade with Russia in the first ``months`` months of a ``year``.

    A cumulative figure for a year whose full figure is not yet published;
    billions of current US dollars, exports and imports China's.

    >>> import sinorus
    >>> record = sinorus.load().trade_to_date[-1]
    >>> 1 <= record.months < 12
    True
    """

    id: str = attrs.field(validator=_slug)
    name: str = attrs.field(validator=_text)
    year: int = attrs.field(validator=_year)
    months: int = attrs.field(validator=_months)
    total_usd_bn: float = attrs.field(validator=_amount)
    exports_usd_bn: float | None = attrs.field(default=None, validator=_optional_amount)
    imports_usd_bn: float | None = attrs.field(default=None, validator=_optional_amount)
    sources: tuple[Source, ...] = attrs.field(validator=_sources)
    notes: str = attrs.field(default="", validator=_notes)
    alternatives: tuple[Alternative, ...] = attrs.field(default=(), validator=_alternatives)


@final
@attrs.frozen(kw_only=True, repr=False, eq=False, weakref_slot=False)
class ArmsComparison(_Record):
    """How China's arms purchases from Russia in one period compare with a baseline.

    ``percent_higher`` is the change over ``baseline`` (258.0 means 3.58 times
    as much); the period runs from ``start_year`` to ``end_year`` inclusive.

    >>> import sinorus
    >>> comparison = sinorus.load().arms[0]
    >>> comparison.start_year, comparison.end_year, comparison.percent_higher
    (2000, 2010, 258.0)
    """

    id: str = attrs.field(validator=_slug)
    name: str = attrs.field(validator=_text)
    start_year: int = attrs.field(validator=_year)
    end_year: int = attrs.field(validator=_year)
    baseline: str = attrs.field(validator=_text)
    percent_higher: float = attrs.field(validator=_number)
    summary: str = attrs.field(default="", validator=_notes)
    sources: tuple[Source, ...] = attrs.field(validator=_sources)
    notes: str = attrs.field(default="", validator=_notes)
    alternatives: tuple[Alternative, ...] = attrs.field(default=(), validator=_alternatives)

    def __attrs_post_init__(self) -> None:
        if self.end_year < self.start_year:
            raise _fail(
                self,
                attrs.fields_dict(ArmsComparison)["end_year"],
                f"{self.end_year} is before start_year {self.start_year}",
            )


@final
@attrs.frozen(kw_only=True, repr=False, eq=False, weakref_slot=False)
class ArmsTransfer(_Record):
    """Major arms ``supplier`` delivered to ``recipient`` in one year, in SIPRI's measure.

    ``tiv_millions`` is in millions of SIPRI trend-indicator values (TIV): a
    measure of the military capability transferred, priced from known unit
    production costs, not what was paid. SIPRI revises past years with
    each release; ``notes`` say which release the figure comes from.

    >>> import sinorus
    >>> sinorus.load().arms_transfer(1992).supplier
    'Russia'
    """

    id: str = attrs.field(validator=_slug)
    name: str = attrs.field(validator=_text)
    year: int = attrs.field(validator=_year)
    supplier: str = attrs.field(validator=_text)
    recipient: str = attrs.field(validator=_text)
    tiv_millions: float = attrs.field(validator=_amount)
    sources: tuple[Source, ...] = attrs.field(validator=_sources)
    notes: str = attrs.field(default="", validator=_notes)
    alternatives: tuple[Alternative, ...] = attrs.field(default=(), validator=_alternatives)


@final
@attrs.frozen(kw_only=True, repr=False, eq=False, weakref_slot=False)
class Coverage(_Record):
    """The days one ``kind`` of record (``"trade"``, ``"exercises"``, …) has been checked for.

    Queries about a day or year outside ``start`` to ``end`` (inclusive)
    raise :class:`~sinorus.NoDataError` instead of answering from missing
    data. ``complete`` is True when the data means to hold every record of
    the kind in the span (by the rule its ``notes`` state), False when it is
    a selection.

    >>> from datetime import date
    >>> Coverage(kind="trade", start=date(1992, 1, 1), end=date(2024, 12, 31),
    ...          complete=True).end.year
    2024
    """

    kind: str = attrs.field(validator=_text)
    start: date = attrs.field(validator=_day)
    end: date = attrs.field(validator=_day)
    complete: bool = attrs.field(validator=_flag)
    notes: str = attrs.field(default="", validator=_notes)

    def __attrs_post_init__(self) -> None:
        if self.end < self.start:
            raise _fail(
                self,
                attrs.fields_dict(Coverage)["end"],
                f"{self.end} is before start {self.start}",
            )
