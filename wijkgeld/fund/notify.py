"""E-mail to the proposer of an idea: the private link, and news at each step.

Proposers have no account, so we do not know their language: every mail is in Dutch first, then in
English. Mail goes only to the address the proposer gave, and only after the change is committed
(`transaction.on_commit`), so a rolled-back decision never sends anything. A mail that cannot be sent
is logged; it never undoes the decision.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _

from wijkgeld.core.money import format_euros

logger = logging.getLogger(__name__)


def _both(make) -> str:
    parts = []
    for language in ("nl", "en"):
        with translation.override(language):
            parts.append(make())
    return "\n\n— English —\n\n".join(parts)


def _send(proposal, subject_make, body_make) -> None:
    if not proposal.contact_email:
        return
    with translation.override("nl"):
        subject = f"{subject_make()} – {proposal.title}"
    try:
        send_mail(subject, _both(body_make), settings.DEFAULT_FROM_EMAIL, [proposal.contact_email])
    except Exception:  # noqa: BLE001 - a mail server hiccup must not undo a decision
        logger.exception("Could not e-mail the proposer of idea %s", proposal.pk)


def send_edit_link(proposal, link: str) -> None:
    """Right after submitting: the private link, so it is not lost when the page is closed."""

    def body():
        return _(
            "Thank you for your idea “%(title)s” (number %(number)s).\n\n"
            "With this private link you can change your idea until the assessment starts, and later tell "
            "how the project is going. Do not share it:\n%(link)s\n\n"
            "The committee checks every idea against the published criteria. We let you know what they decide."
        ) % {"title": proposal.title, "number": proposal.number, "link": link}

    _send(proposal, lambda: _("Your idea and your private link"), body)


def _decision_body(proposal):
    def body():
        if proposal.status == "admitted":
            return _(
                "Good news: the committee admitted your idea “%(title)s” to the vote, at %(cost)s.\n"
                "Residents vote from %(start)s. We let you know the result."
            ) % {
                "title": proposal.title,
                "cost": format_euros(proposal.cost_cents, language=translation.get_language() or "nl"),
                "start": proposal.round.voting_start.strftime("%d-%m-%Y")
                if proposal.round.voting_start
                else "—",
            }
        return _(
            "The committee did not admit your idea “%(title)s” to the vote.\nThe reason: %(reason)s\n"
            "Questions? Contact the resident committee of your area."
        ) % {"title": proposal.title, "reason": proposal.public_reason}

    return body


def on_decision(proposal) -> None:
    """After the committee admits an idea or not (with the public reason)."""
    transaction.on_commit(
        lambda: _send(proposal, lambda: _("The committee decided on your idea"), _decision_body(proposal))
    )


def on_result(round_, selected: list[str]) -> None:
    """After publication: every admitted idea's proposer hears whether it was chosen."""
    chosen = set(selected)

    def send_all():
        for proposal in round_.proposals.filter(status="admitted").exclude(contact_email=""):

            def body(p=proposal):
                if p.project_id in chosen:
                    return _(
                        "Your idea “%(title)s” was chosen by the residents. The committee will contact you "
                        "about the money and the next steps."
                    ) % {"title": p.title}
                return _(
                    "Your idea “%(title)s” was not chosen this time. On the results page you can read why: "
                    "how many votes it got and how the money was divided."
                ) % {"title": p.title}

            _send(proposal, lambda: _("The result of the vote"), body)

    transaction.on_commit(send_all)
