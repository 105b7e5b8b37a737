"""The public register of every commitment and award per area (Woo: open spending).

One row per commitment, awards of the bewonersfonds and approved support requests included. The
recipient is an organisation's name or a neutral label: a private person is never named. Page, CSV
and API are built from the same rows so they cannot disagree.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from wijkgeld.core.money import cents_to_str
from wijkgeld.money.models import Commitment, Transaction

KIND_LABELS = {
    "award": _("Award of the bewonersfonds"),
    "support": _("Residents' own support budget"),
    "commitment": _("Commitment"),
}


def register_queryset(*, area, year: int | None = None) -> QuerySet[Commitment]:
    qs = (
        Commitment.objects.filter(line__area=area)
        .select_related("line__theme", "recipient_organisation")
        .prefetch_related("consultations__collective")
        .order_by("-created_at", "-id")
    )
    if year is not None:
        qs = qs.filter(line__year=year)
    return qs


def kind_of(commitment: Commitment) -> str:
    if commitment.source.startswith("fund."):
        return "award"
    if commitment.source.startswith("support:"):
        return "support"
    return "commitment"


@dataclass(frozen=True)
class RegisterRow:
    commitment: Commitment
    reversed: bool

    @property
    def kind(self) -> str:
        return kind_of(self.commitment)

    @property
    def kind_label(self) -> str:
        return str(KIND_LABELS[self.kind])

    def as_api(self) -> dict:
        c = self.commitment
        return {
            "id": c.pk,
            "date": c.created_at.date().isoformat(),
            "kind": self.kind,
            "recipient": c.public_recipient,
            "recipient_is_organisation": c.recipient_organisation_id is not None,
            "purpose": c.description,
            "amount": cents_to_str(c.amount_cents),
            "amount_cents": c.amount_cents,
            "year": c.line.year,
            "theme": c.line.theme.code,
            "theme_name": c.line.theme.name,
            "tier": c.tier,
            "reason": c.non_local_reason,
            "reason_text": c.get_non_local_reason_display() if c.non_local_reason else "",
            "explanation": c.non_local_explanation,
            "collectives_asked": [
                {"collective": q.collective.name, "answer": q.answer, "why": q.why}
                for q in c.consultations.all()
            ],
            "reversed": self.reversed,
        }


def register_rows(commitments) -> list[RegisterRow]:
    commitments = list(commitments)
    reversed_ids = set(
        Transaction.objects.filter(reverses_id__in=[c.transaction_id for c in commitments]).values_list(
            "reverses_id", flat=True
        )
    )
    return [RegisterRow(commitment=c, reversed=c.transaction_id in reversed_ids) for c in commitments]


CSV_HEADER = [
    "id",
    "date",
    "kind",
    "recipient",
    "purpose",
    "amount",
    "year",
    "theme",
    "tier",
    "reason",
    "explanation",
    "collectives_asked",
    "reversed",
]


def csv_row(row: RegisterRow) -> list:
    data = row.as_api()
    asked = "; ".join(
        f"{q['collective']}: {q['answer']}{' – ' + q['why'] if q['why'] else ''}"
        for q in data["collectives_asked"]
    )
    return [
        data["id"],
        data["date"],
        data["kind"],
        data["recipient"],
        data["purpose"],
        data["amount"],
        data["year"],
        data["theme"],
        data["tier"],
        data["reason"],
        data["explanation"],
        asked,
        "yes" if data["reversed"] else "no",
    ]
