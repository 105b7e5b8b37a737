"""The neighbourhood-first check on every recipient: its tier, and the "tenzij" question.

"Geld voor de wijk wordt uitgegeven in de wijk, tenzij": when money does not go to a resident-led
recipient while a verified collective of the area works on the theme, the commitment needs a public
reason AND a record of which of those collectives were asked and what each answered. Money to a
recipient outside the neighbourhood always needs a reason (that rule is older than the tiers).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from wijkgeld.areas.models import Area, Organisation
from wijkgeld.areas.tiers import Tier, recipient_tier, tier_is_in_area
from wijkgeld.core.errors import DomainError
from wijkgeld.money.models import CollectiveConsultation, NonLocalReason

ANSWERS = CollectiveConsultation.Answer


@dataclass(frozen=True)
class Consultation:
    """One verified collective that was (or was not) asked to do the work, and why."""

    collective: Organisation
    answer: str
    why: str = ""


@dataclass(frozen=True)
class TierCheck:
    tier: str
    reason: str
    explanation: str
    consultations: list[Consultation] = field(default_factory=list)

    @property
    def is_local(self) -> bool:
        return tier_is_in_area(self.tier)


def local_collectives_for(*, area: Area, theme):
    """Verified resident collectives and bewonersbedrijven of the area that work on this theme."""
    from wijkgeld.community.queries import local_collectives_for as select

    return select(area=area, theme=theme)


def tier_of(*, area: Area, recipient_organisation: Organisation | None, recipient_is_resident: bool) -> str:
    org = recipient_organisation
    return recipient_tier(
        kind=org.kind if org else None,
        legal_form=org.legal_form if org else "",
        is_resident=recipient_is_resident,
        local_to_area=bool(org and org.is_local_to(area)),
    )


def tier_check(
    *,
    area: Area,
    theme,
    recipient_organisation: Organisation | None,
    recipient_is_resident: bool,
    non_local_reason: str,
    non_local_explanation: str,
    consultations: Iterable[Consultation] = (),
    field_prefix: str = "",
) -> TierCheck:
    """Decide the recipient's tier and check the reason and the record of the "tenzij" question."""
    if recipient_organisation is not None and recipient_is_resident:
        raise DomainError(
            _("Choose either an organisation or a resident as recipient, not both."),
            field=f"{field_prefix}recipient_is_resident",
        )
    tier = tier_of(
        area=area, recipient_organisation=recipient_organisation, recipient_is_resident=recipient_is_resident
    )
    consultations = list(consultations)
    if tier == Tier.RESIDENT_LED:
        return TierCheck(tier=tier, reason="", explanation="")
    collectives = {p.organisation_id: p.organisation for p in local_collectives_for(area=area, theme=theme)}
    needs_reason = tier == Tier.OUTSIDE or bool(collectives)
    if not needs_reason:
        return TierCheck(tier=tier, reason="", explanation="")
    if non_local_reason not in NonLocalReason.values or non_local_reason == NonLocalReason.BEFORE_RULE:
        raise DomainError(
            _reason_message(area, recipient_organisation, tier), field=f"{field_prefix}non_local_reason"
        )
    if len(non_local_explanation.strip()) < 10:
        raise DomainError(
            _(
                "Explain in a sentence or two why no resident-led party does this. This explanation is public."
            ),
            field=f"{field_prefix}non_local_explanation",
        )
    return TierCheck(
        tier=tier,
        reason=non_local_reason,
        explanation=non_local_explanation.strip(),
        consultations=_check_consultations(collectives, consultations, field_prefix),
    )


def _reason_message(area: Area, org: Organisation | None, tier: str) -> str:
    if org is not None and org.is_public_body:
        return _(
            "{name} is a public body: its money does not count as money in the neighbourhood. "
            "Choose why the money does not go to a resident-led party."
        ).format(name=org.name)
    if tier == Tier.LOCAL:
        return _(
            "Verified resident collectives in {area} work on this theme. Choose why the money goes to "
            "{name} and not to them."
        ).format(area=area.name, name=org.name if org else "")
    if org is not None:
        elsewhere = ", ".join(a.name for a in org.local_areas.all())
        return _(
            "{name} is not a local party in {area}{elsewhere}. Choose why the money goes outside the neighbourhood."
        ).format(
            name=org.name,
            area=area.name,
            elsewhere=(" (" + _("it is local in {areas}").format(areas=elsewhere) + ")") if elsewhere else "",
        )
    return _("This recipient is not a local party. Choose why the money goes outside the neighbourhood.")


def _check_consultations(
    collectives: dict[int, Organisation], consultations: list[Consultation], field_prefix: str
) -> list[Consultation]:
    """Every verified collective on the theme has an answer; 'no capacity' and 'not asked' say why."""
    given: dict[int, Consultation] = {}
    for c in consultations:
        if c.collective.pk not in collectives:
            raise DomainError(
                _("{name} is not a verified collective working on this theme here.").format(
                    name=c.collective
                ),
                field=f"{field_prefix}consultations",
            )
        if c.answer not in ANSWERS.values:
            raise DomainError(
                _("Choose an answer for {name}.").format(name=c.collective),
                field=f"{field_prefix}consultations",
            )
        if c.answer != ANSWERS.TOOK_ON and len(c.why.strip()) < 3:
            raise DomainError(
                _("Say why for {name}: this is public with the reason.").format(name=c.collective),
                field=f"{field_prefix}ask_{c.collective.pk}",
            )
        given[c.collective.pk] = Consultation(
            collective=c.collective, answer=c.answer, why=c.why.strip()[:500]
        )
    missing = [org for pk, org in collectives.items() if pk not in given]
    if missing:
        raise DomainError(
            _(
                "Record for each verified collective on this theme whether it was asked and what it answered: {names}."
            ).format(names=", ".join(o.name for o in missing)),
            field=f"{field_prefix}ask_{missing[0].pk}",
        )
    return [given[pk] for pk in collectives]
