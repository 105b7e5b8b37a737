"""Ideas: residents submit without an account and edit through a private link until assessment starts."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from wijkgeld.core.audit import audit_record
from wijkgeld.core.errors import DomainError
from wijkgeld.core.languages import content_language as language_of_text
from wijkgeld.fund.models import Photo, Proposal, Round
from wijkgeld.fund.photos import MAX_PHOTOS, clean_photo
from wijkgeld.fund.services.common import Phase, locked_round, now_or, require_phase
from wijkgeld.fund.tokens import new_token, token_matches

EDITABLE_FIELDS = (
    "title",
    "summary",
    "description",
    "estimated_cost_cents",
    "location",
    "theme",
    "contact_name",
    "contact_email",
    "contact_phone",
    "on_behalf_of",
)
PROPOSER = "indiener"  # how an anonymous proposer appears in the audit log


def _check_collective(round_: Round, organisation) -> None:
    if organisation is None:
        return
    if not organisation.is_resident_led or not organisation.is_local_to(round_.area):
        raise DomainError(
            _("Choose a resident collective or resident enterprise registered in this area."),
            field="on_behalf_of",
        )


def _add_photos(proposal: Proposal, photos: Sequence, *, update=None) -> None:
    existing = proposal.photos.filter(update=update).count()
    if existing + len(photos) > MAX_PHOTOS:
        raise DomainError(_("You can add at most 3 photos."), field="photos")
    # Check every photo before storing any, so a bad one changes nothing.
    cleaned = [clean_photo(upload) for upload in photos]
    for content, width, height in cleaned:
        photo = Photo(proposal=proposal, update=update, width=width, height=height)
        photo.image.save(content.name, content, save=False)
        photo.save()


@transaction.atomic
def idea_submit(
    *,
    round: Round,
    title: str,
    summary: str,
    description: str,
    estimated_cost_cents: int,
    contact_name: str,
    contact_email: str = "",
    contact_phone: str = "",
    location: str = "",
    theme: str = "",
    on_behalf_of=None,
    photos: Sequence = (),
    content_language: str | None = None,
    sub_area=None,
    now: dt.datetime | None = None,
) -> tuple[Proposal, str]:
    """Store a new idea; return it with the private edit token (shown once, never stored).

    The idea keeps the language it was written in: `content_language`, else the language of the form.
    In a round with a budget per neighbourhood the proposer names its neighbourhood (`sub_area`)."""
    round_ = locked_round(round)
    require_phase(round_, Phase.IDEAS)
    if sub_area is not None and (not round_.by_neighbourhood or sub_area.round_id != round_.pk):
        raise DomainError(_("Choose a neighbourhood of this round."), field="sub_area")
    if estimated_cost_cents is None or estimated_cost_cents <= 0:
        raise DomainError(_("The amount must be more than zero."), field="estimated_cost_cents")
    if estimated_cost_cents > round_.budget_cents:
        raise DomainError(
            _("An idea cannot cost more than the whole budget of the round."), field="estimated_cost_cents"
        )
    if not contact_email and not contact_phone:
        raise DomainError(
            _("Give an e-mail address or a phone number so we can reach you."), field="contact_email"
        )
    _check_collective(round_, on_behalf_of)
    number = (round_.proposals.aggregate(m=Max("number"))["m"] or 0) + 1
    token, token_hash = new_token()
    proposal = Proposal(
        round=round_,
        number=number,
        title=title,
        summary=summary,
        description=description,
        estimated_cost_cents=estimated_cost_cents,
        location=location,
        content_language=language_of_text(content_language),
        theme=theme,
        on_behalf_of=on_behalf_of,
        sub_area=sub_area,
        contact_name=contact_name,
        contact_email=contact_email,
        contact_phone=contact_phone,
        edit_token_hash=token_hash,
    )
    proposal.full_clean(exclude=["round", "edit_token_hash"])
    proposal.save()
    _add_photos(proposal, photos)
    audit_record(
        actor=None,
        actor_label=PROPOSER,
        action="fund.idea.submitted",
        area=round_.area,
        obj=proposal,
        now=now_or(now),
    )
    return proposal, token


def idea_by_token(*, round: Round, number: int, token: str) -> Proposal:
    proposal = round.proposals.filter(number=number).first()
    if proposal is None or not token_matches(token, proposal.edit_token_hash):
        raise DomainError(_("This private link is not valid."), code="bad_token")
    return proposal


def idea_may_edit(proposal: Proposal) -> bool:
    round_ = proposal.round
    if round_.phase == Phase.IDEAS and proposal.status == Proposal.Status.SUBMITTED:
        return True
    return (
        round_.phase == Phase.ASSESSMENT
        and proposal.status == Proposal.Status.REVISION
        and not proposal.revised
    )


@transaction.atomic
def idea_edit(
    *,
    round: Round,
    number: int,
    token: str,
    photos: Sequence = (),
    remove_photos: Iterable[int] = (),
    now: dt.datetime | None = None,
    **values,
) -> Proposal:
    """Change an idea through its private link: during the ideas phase, or once when the committee asks."""
    locked_round(round)
    proposal = idea_by_token(round=round, number=number, token=token)
    proposal = Proposal.objects.select_for_update().select_related("round__fund__area").get(pk=proposal.pk)
    if not idea_may_edit(proposal):
        raise DomainError(
            _("You can no longer change this idea: the assessment has started."), code="edit_closed"
        )
    unknown = set(values) - set(EDITABLE_FIELDS)
    if unknown:
        raise DomainError(_("Unknown fields: %(names)s") % {"names": ", ".join(sorted(unknown))})
    if "on_behalf_of" in values:
        _check_collective(proposal.round, values["on_behalf_of"])
    cost = values.get("estimated_cost_cents", proposal.estimated_cost_cents)
    if cost is None or cost <= 0 or cost > proposal.round.budget_cents:
        raise DomainError(
            _("An idea cannot cost more than the whole budget of the round."), field="estimated_cost_cents"
        )
    for key, value in values.items():
        setattr(proposal, key, value)
    if not proposal.contact_email and not proposal.contact_phone:
        raise DomainError(
            _("Give an e-mail address or a phone number so we can reach you."), field="contact_email"
        )
    revising = proposal.status == Proposal.Status.REVISION
    if revising:
        proposal.status = Proposal.Status.SUBMITTED
        proposal.revised = True
    proposal.full_clean(exclude=["round", "edit_token_hash"])
    proposal.save()
    proposal.photos.filter(update=None, pk__in=list(remove_photos)).delete()
    _add_photos(proposal, photos)
    audit_record(
        actor=None,
        actor_label=PROPOSER,
        action="fund.idea.revised" if revising else "fund.idea.edited",
        area=proposal.round.area,
        obj=proposal,
        data={"fields": sorted(values)},
        now=now_or(now),
    )
    return proposal


@transaction.atomic
def idea_withdraw(*, round: Round, number: int, token: str, now: dt.datetime | None = None) -> Proposal:  # noqa: A002
    """The proposer takes the idea back, with the private link, until voting opens (then the ballot is fixed)."""
    round_ = locked_round(round)
    proposal = idea_by_token(round=round_, number=number, token=token)
    if round_.phase not in (Phase.IDEAS, Phase.ASSESSMENT) or round_.is_locked:
        raise DomainError(_("You can no longer withdraw this idea: voting has started."), code="phase")
    if proposal.status == Proposal.Status.WITHDRAWN:
        raise DomainError(_("This idea has already been withdrawn."), code="withdrawn")
    proposal.status = Proposal.Status.WITHDRAWN
    proposal.save(update_fields=["status", "updated_at"])
    audit_record(
        actor=None,
        actor_label=PROPOSER,
        action="fund.idea.withdrawn",
        area=round_.area,
        obj=proposal,
        now=now_or(now),
    )
    return proposal
