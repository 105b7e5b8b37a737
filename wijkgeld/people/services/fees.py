"""Money for people's work, through the money app's own services (never its tables).

A bewonersbedrijf gets a guidance fee per placement, and a collective gets the pay of a commission:
both are a commitment on a budget line of the right theme, paid in parts. The money app applies
"in de wijk, tenzij", the second-person check above the area's threshold and the audit log.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils.translation import gettext as _

from wijkgeld.accounts.permissions import can
from wijkgeld.core.errors import DomainError
from wijkgeld.money import services as money
from wijkgeld.money.models import BudgetLine, Payment
from wijkgeld.people import conf
from wijkgeld.people.models import Placement
from wijkgeld.people.services.common import forbidden, now_or, require_text

PLACEMENT_SOURCE = "people:placement:"
COMMISSION_SOURCE = "people:commission:"


def check_line(*, actor, line: BudgetLine, area, theme_code: str) -> None:
    if actor is None or not can(actor, "money.commit", area):
        raise forbidden(_("Only programme staff or finance can commit money."))
    if line is None or line.area_id != area.pk:
        raise DomainError(_("Choose a budget line of this area."), field="line")
    if line.theme.code != theme_code:
        raise DomainError(
            _("Choose a budget line under the theme {theme}.").format(theme=theme_code), field="line"
        )


@transaction.atomic
def placement_fee_commit(
    *, actor, placement: Placement, line: BudgetLine, amount_cents: int, now: dt.datetime | None = None
):
    """Commit the guidance fee for one placement to its bewonersbedrijf (named by pseudonym only)."""
    now = now_or(now)
    placement = (
        Placement.objects.select_for_update(of=("self",))
        .select_related("role__enterprise__organisation", "area")
        .get(pk=placement.pk)
    )
    line = BudgetLine.objects.select_related("theme").get(pk=line.pk) if line is not None else None
    check_line(actor=actor, line=line, area=placement.area, theme_code=conf.reintegration_theme())
    if placement.fee_commitment_id is not None:
        raise DomainError(_("The guidance fee for this placement has already been committed."))
    commitment = money.commitment_create(
        actor=actor,
        line=line,
        amount_cents=amount_cents,
        description=_("Guidance fee for placement {pseudonym}").format(pseudonym=placement.pseudonym),
        recipient_organisation=placement.role.enterprise.organisation,
        source=f"{PLACEMENT_SOURCE}{placement.pk}",
        now=now,
    )
    placement.fee_commitment = commitment
    placement.save(update_fields=["fee_commitment"])
    return commitment


def pay_part(*, actor, commitment, amount_cents: int, description: str, now: dt.datetime) -> Payment:
    if actor is None or not can(actor, "money.pay", commitment.line.area):
        raise forbidden(_("Only finance can pay."))
    description = require_text(
        description, field="description", message=_("Describe the payment, for example the invoice number.")
    )
    return money.payment_create(
        actor=actor, commitment=commitment, amount_cents=amount_cents, description=description, now=now
    )


@transaction.atomic
def placement_fee_pay(
    *, actor, placement: Placement, amount_cents: int, description: str, now: dt.datetime | None = None
) -> Payment:
    """Pay a part of the guidance fee."""
    now = now_or(now)
    placement = Placement.objects.select_related("fee_commitment__line__area").get(pk=placement.pk)
    if placement.fee_commitment is None:
        raise DomainError(_("Commit the guidance fee first."))
    return pay_part(
        actor=actor,
        commitment=placement.fee_commitment,
        amount_cents=amount_cents,
        description=description,
        now=now,
    )
