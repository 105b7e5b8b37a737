"""Money tasks: payments waiting for a second finance person, support requests to vote on."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _

from wijkgeld.accounts.permissions import areas_where
from wijkgeld.core.tasks import Task, register_task_provider


@register_task_provider
def money_tasks(user):
    from wijkgeld.money.models import Payment, SupportRequest

    pay_areas = areas_where(user, "money.pay")
    waiting = (
        Payment.objects.filter(status=Payment.Status.AWAITING, commitment__line__area__in=pay_areas)
        .exclude(created_by=user)  # the second person is never the one who entered it
        .select_related("commitment__line__area")
    )
    for payment in waiting:
        area = payment.commitment.line.area
        yield Task(
            "money.payment.confirm",
            _("A payment of %(amount)s to %(recipient)s waits for you as the second person.")
            % {"amount": _euros(payment.amount_cents), "recipient": payment.commitment.recipient_name},
            reverse("money:payment_decide", kwargs={"slug": area.slug, "pk": payment.pk}),
            area,
        )
    vote_areas = areas_where(user, "support.decide")
    to_vote = (
        SupportRequest.objects.filter(status=SupportRequest.Status.PROPOSED, line__area__in=vote_areas)
        .exclude(proposed_by=user)
        .exclude(votes__delegate=user)
        .select_related("line__area")
    )
    for support in to_vote:
        area = support.line.area
        yield Task(
            "money.support.vote",
            _("A support request waits for your vote: %(title)s.") % {"title": support.title},
            reverse("money:support_detail", kwargs={"slug": area.slug, "pk": support.pk}),
            area,
        )


def _euros(cents: int) -> str:
    from django.utils.translation import get_language

    from wijkgeld.core.money import format_euros

    return format_euros(cents, language=get_language() or "nl")
