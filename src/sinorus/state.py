"""What held on one day: :func:`sinorus.state_at` and the :class:`Snapshot` it returns."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Final, final

import attrs

from .errors import NoDataError
from .model import (
    Agreement,
    AgreementKind,
    Exercise,
    Leader,
    PartnershipLevel,
    Phase,
    TradeRecord,
)

if TYPE_CHECKING:
    from .dataset import Dataset

__all__ = ["BINDING_KINDS", "Snapshot", "snapshot"]

#: Kinds of agreement that are in force for a time; joint statements and
#: declarations are not.
BINDING_KINDS: Final = frozenset(
    {
        AgreementKind.TREATY,
        AgreementKind.AGREEMENT,
        AgreementKind.PROTOCOL,
        AgreementKind.CHARTER,
        AgreementKind.CONTRACT,
    }
)


@final
@attrs.frozen(kw_only=True, weakref_slot=False)
class Snapshot:
    """The state of the relationship on ``day``, drawn from a dataset's records.

    ``agreements_in_force`` are the binding agreements (see
    :data:`BINDING_KINDS`) in force that day: from ``in_force`` (or, where
    that is unknown, signing) until the day before ``ended``; one whose end
    no source gives counts as still in force.
    ``latest_trade`` is the last full year before ``day`` that has a figure;
    ``exercises_so_far`` every exercise begun by ``day``; ``leaders`` the
    leaders in office that day. ``partnership_level`` is None on a day no
    designation held. A day outside the phases' coverage raises
    :class:`~sinorus.NoDataError`.

    >>> import sinorus
    >>> snap = sinorus.state_at("2005-09-01")
    >>> snap.partnership_level.name, snap.latest_trade.year, len(snap.exercises_so_far)
    ('partnership of strategic coordination', 2004, 3)
    """

    day: date
    phase: Phase
    partnership_level: PartnershipLevel | None
    agreements_in_force: tuple[Agreement, ...]
    latest_trade: TradeRecord | None
    exercises_so_far: tuple[Exercise, ...]
    leaders: tuple[Leader, ...]

    def __str__(self) -> str:
        from .display import snapshot_text

        return snapshot_text(self)

    def _repr_html_(self) -> str:
        from .display import snapshot_html

        return snapshot_html(self)


def _in_force(agreement: Agreement, day: date) -> bool:
    if agreement.kind not in BINDING_KINDS:
        return False
    begins = agreement.in_force or agreement.signed
    return begins <= day and (agreement.ended is None or day < agreement.ended)


def snapshot(dataset: Dataset, day: date) -> Snapshot:
    """The :class:`Snapshot` of ``dataset`` on ``day`` (see :meth:`Dataset.state_at`).

    >>> import sinorus
    >>> from datetime import date
    >>> snapshot(sinorus.load(), date(1985, 1, 1)).partnership_level is None
    True
    """
    phase = dataset.phase_at(day)  # outside the phases' coverage this raises
    try:
        level = dataset.partnership_level_at(day)
    except NoDataError:  # outside the levels' coverage, though inside the phases'
        level = None
    earlier_trade = [r for r in dataset.trade if r.year < day.year]
    return Snapshot(
        day=day,
        phase=phase,
        partnership_level=level,
        agreements_in_force=tuple(a for a in dataset.agreements if _in_force(a, day)),
        latest_trade=earlier_trade[-1] if earlier_trade else None,
        exercises_so_far=tuple(e for e in dataset.exercises if e.start <= day),
        leaders=dataset.leaders_at(day),
    )
